/**
 * Content signals (domain.md §4.1 Q6, §4.4 "severity"): for each lexicon category, how many incidents' texts
 * match it per month, the first, and up to five quoted examples with their file and locator. Only incidents'
 * own text is searched (messages, and the victim's words in diary rows), never the victim's messages. Every
 * match is for a person to read in context; nothing is scored. How many incident texts were searched is recorded,
 * so that a case without any (calls only, or anonymised with --drop-text) reads as "nothing to search", not as
 * "no matches".
 */
import type { Escalation } from '../../model/escalation.js';
import type { CaseFile, TimelineEvent } from '../../model/index.js';
import type { EventList } from '../../timeline/list.js';
import type { Utf8Span } from '../../timeline/pages.js';
import { keyed, type TextClassifier } from '../../timeline/text-marks.js';
import { refOf } from '../cite.js';
import { type ByteSearch, byteSearch, UNSETTLED } from './byte-search.js';
import type { Ctx } from './context.js';
import { resolveLexicon } from './lexicon.js';
import { byPhrases, compileExcept, compilePhrases, excerpt, searchAll } from './matcher.js';

/** Examples quoted per category. */
const EXAMPLES = 5;

/** A text's mark (`contentClassifier`) when it is empty; any other mark is the byte search's answer. */
const EMPTY = -2;

/**
 * What each incident's stored text is marked with while the timeline is read (timeline/text-marks.ts), for a
 * case with this lexicon: the byte search's answer, or EMPTY. Known by the lexicon's terms, which is how
 * `contentAnalysis` knows the marks are its own.
 */
export function contentClassifier(lexicon: CaseFile['lexicon']): TextClassifier {
  return classifierOf(listsOf(resolveLexicon(lexicon).categories));
}

/**
 * Each category's terms; the idioms in which some categories' terms are not counted (lexicon.ts `NOT_THREATS`),
 * and those categories (bit c for category c).
 */
interface Lists {
  readonly terms: readonly (readonly string[])[];
  readonly idioms: readonly string[];
  readonly withIdioms: number;
}

function listsOf(categories: readonly { terms: readonly string[]; idioms: readonly string[] }[]): Lists {
  return {
    terms: categories.map((c) => c.terms),
    idioms: [...new Set(categories.flatMap((c) => c.idioms))],
    withIdioms: categories.reduce(
      (bits, c, i) => (c.idioms.length > 0 && i < 31 ? bits | (1 << i) : bits),
      0,
    ),
  };
}

/** Category c's matcher: its terms, not counted inside its idioms (matcher.ts `compileExcept`). */
function matcherOf(c: { terms: readonly string[]; idioms: readonly string[] }) {
  return c.idioms.length === 0
    ? compilePhrases(c.terms)
    : compileExcept({ phrases: c.terms, setAside: c.idioms });
}

/**
 * The byte search (byte-search.ts) for the categories' terms that leaves UNSETTLED a text holding an idiom where a
 * category with idioms matches, so that the exact search, which sets aside a match wholly inside an idiom
 * (`matcherOf`), answers for it: the automaton finds whether phrases occur, not where. The idioms are one more
 * list of the automaton; every other text (nearly all) is settled on its bytes as before, an idiom's bit cleared.
 */
const lexiconBytes: (lists: Lists) => ByteSearch = byPhrases((lists: Lists) => {
  if (lists.idioms.length === 0) return byteSearch(lists.terms);
  const inner = byteSearch([...lists.terms, lists.idioms]);
  const idiom = 1 << lists.terms.length;
  const settle = (a: number): number =>
    a === UNSETTLED || (a & idiom) === 0 ? a : (a & lists.withIdioms) !== 0 ? UNSETTLED : a & ~idiom;
  const two: ByteSearch['two'] = (a, aStart, aEnd, b, bStart, bEnd, out) => {
    inner.two(a, aStart, aEnd, b, bStart, bEnd, out);
    out[0] = settle(out[0]!);
    out[1] = settle(out[1]!);
  };
  return Object.assign((bytes: Uint8Array, start: number, end: number) => settle(inner(bytes, start, end)), {
    two,
  });
});

/** The classifier that marks texts with the byte search's answers for `lists`. */
function classifierOf(lists: Lists): TextClassifier {
  const onBytes = lexiconBytes(lists);
  return keyed(`content\u0000${JSON.stringify(lists)}`, (bytes, start, end) =>
    start === end ? EMPTY : onBytes(bytes, start, end),
  );
}

/**
 * The ids of the lexicon categories incident i of a list matches, in the lexicon's order ([] for none, and for no
 * text): the timeline's `lexicon` column and the chronology's (pipeline/rows.ts, ../chronology.ts), so that a
 * reader can list the incidents behind each count. The answers are `contentAnalysis`'s, found the same ways: the
 * mark made while the timeline was read when there is one (a report's), else the byte search on the stored text,
 * else the exact search of matcher.ts; the byte search answers as the exact search does (byte-search.ts). So the
 * incidents of the window that name category c are the `incidents` the report counts for c.
 *
 * `text` is the incident's text as the caller read it for its row (a stored text is decoded again on every read).
 */
export type LexiconTagger = (list: EventList, i: number, text: string | undefined) => readonly string[];

const NONE: readonly string[] = Object.freeze([]);

export function lexiconTagger(lexicon: CaseFile['lexicon']): LexiconTagger {
  const { categories } = resolveLexicon(lexicon);
  const lists = listsOf(categories);
  const ids = categories.map((c) => c.id);
  const idsOf = (has: (c: number) => boolean): readonly string[] => {
    const tags = ids.filter((_, c) => has(c));
    return tags.length === 0 ? NONE : Object.freeze(tags);
  };
  // Made at the first text, as the report's marks are (text-marks.ts): a timeline of calls alone never builds
  // the automaton.
  let made: { classify: TextClassifier; search: ReturnType<typeof searchAll> } | undefined;
  // One array per combination of categories: most matching texts share a few.
  const byBits = new Map<number, readonly string[]>();
  const span: Utf8Span = { bytes: new Uint8Array(0), start: 0, end: 0 };
  return (list, i, text) => {
    if (text === undefined || text === '') return NONE;
    made ??= {
      // Known as contentClassifier's by its key: a report's marks are read, not worked out again. It also answers
      // for a stored text without a mark: its byte search, EMPTY for an empty text.
      classify: classifierOf(lists),
      search: searchAll(categories.map(matcherOf), compilePhrases(lists.terms.flat())),
    };
    let answer = list.textMark(i, made.classify);
    if (answer === undefined && list.textBytes(i, span))
      answer = made.classify(span.bytes, span.start, span.end);
    if (answer !== undefined && answer !== UNSETTLED && answer !== EMPTY) {
      const bits = answer;
      let tags = byBits.get(bits);
      if (tags === undefined) {
        tags = idsOf((c) => (bits & (1 << c)) !== 0);
        byBits.set(bits, tags);
      }
      return tags;
    }
    const found = made.search(text);
    return found === undefined ? NONE : idsOf((c) => found.hits[c] !== undefined);
  };
}

/** Lexicon matches per category over the window's incidents. */
export function contentAnalysis(ctx: Ctx): Escalation['content'] {
  const { categories, source } = resolveLexicon(ctx.case.lexicon);
  const compiled = categories.map((c) => ({
    c,
    matcher: matcherOf(c),
    count: 0,
    // Incidents per month number (ctx.months): an array, as a Map costs two lookups per match.
    months: [] as number[],
    first: null as TimelineEvent | null,
    examples: [] as Escalation['content']['categories'][number]['examples'],
    texts: new Set<string>(),
  }));
  const every = categories.flatMap((c) => c.terms);
  const search = searchAll(
    compiled.map((k) => k.matcher),
    compilePhrases(every),
  );
  const onBytes = lexiconBytes(listsOf(categories));
  // Incidents with text to search: a call log, or a copy anonymised with --drop-text, has none, and then no match
  // means nothing (not "no threats").
  let searched = 0;
  // Bit c: category c has all its examples (only read for a byte-search answer, so for at most 30 categories).
  let full = 0;
  const tally = (k: (typeof compiled)[number], month: number): void => {
    k.count++;
    k.months[month] = (k.months[month] ?? 0) + 1;
  };
  /**
   * Incident i, whose stored bytes (byte-search.ts) were `empty` or answered `matched` when `stored`. Most texts are
   * settled there: a match is counted without the text once its categories have all their examples; the rest are
   * decoded and searched exactly.
   */
  const take = (i: number, stored: boolean, empty: boolean, matched: number): void => {
    if (stored) {
      if (empty) return;
      searched++;
      if (matched === 0) return;
      if (matched !== UNSETTLED && (matched & ~full) === 0) {
        const month = ctx.months.of(ctx.days[i]!);
        for (let c = 0; c < compiled.length; c++) if ((matched & (1 << c)) !== 0) tally(compiled[c]!, month);
        return;
      }
    }
    const e = ctx.windowed.at(i);
    // Read once: each read of a stored event's text decodes it again.
    const text = e.text;
    if (text === undefined || text === '') return;
    if (!stored) searched++;
    const found = search(text);
    if (found === undefined) return;
    const month = ctx.months.of(ctx.days[i]!);
    for (let c = 0; c < compiled.length; c++) {
      const k = compiled[c]!;
      const hit = found.hits[c];
      if (!hit) continue;
      tally(k, month);
      k.first ??= e;
      if (k.examples.length < EXAMPLES && !k.texts.has(found.normalised)) {
        k.texts.add(found.normalised);
        k.examples.push({
          event: refOf(ctx, e),
          term: hit.phrase,
          text: excerpt(text, hit.index, found.normalised.length),
        });
        if (k.examples.length === EXAMPLES) full |= 1 << c;
      }
    }
  };
  // Incidents in order: those marked while the timeline was read are taken with their marks (most match nothing,
  // and are only counted), and the stored texts of the others are searched two at a time, side by side
  // (byte-search.ts `two`): a text without a mark waits for the next one.
  const classify = classifierOf(listsOf(categories));
  const a = { bytes: new Uint8Array(0), start: 0, end: 0 };
  const b = { bytes: new Uint8Array(0), start: 0, end: 0 };
  const answers = new Int32Array(2);
  const w = ctx.windowed;
  let waiting = -1;
  const searchWaiting = (): void => {
    if (waiting < 0) return;
    const stored = w.textBytes(waiting, a);
    take(waiting, stored, a.end === a.start, stored ? onBytes(a.bytes, a.start, a.end) : 0);
    waiting = -1;
  };
  const unmarked = (i: number): void => {
    if (waiting < 0) {
      waiting = i;
      return;
    }
    const aStored = w.textBytes(waiting, a);
    const bStored = w.textBytes(i, b);
    if (aStored && bStored) onBytes.two(a.bytes, a.start, a.end, b.bytes, b.start, b.end, answers);
    else {
      answers[0] = aStored ? onBytes(a.bytes, a.start, a.end) : 0;
      answers[1] = bStored ? onBytes(b.bytes, b.start, b.end) : 0;
    }
    take(waiting, aStored, a.end === a.start, answers[0]!);
    take(i, bStored, b.end === b.start, answers[1]!);
    waiting = -1;
  };
  const nothingFound = w.textMarksExcept(classify, 0, (i, mark) => {
    if (mark === undefined) unmarked(i);
    else {
      searchWaiting();
      take(i, true, mark === EMPTY, mark);
    }
  });
  searchWaiting();
  // Marked 0: searched, and nothing found. (Added after the scan: `take` counts the others as it goes.)
  searched += nothingFound;
  return {
    normalisation:
      'Unicode NFKC, lower case, typographic apostrophes and quotes folded, white space folded; whole words only; a trailing * matches word endings',
    lexiconSource: source,
    textsSearched: searched,
    categories: compiled.map((k) => ({
      id: k.c.id,
      label: k.c.label,
      terms: [...k.c.terms],
      ...(k.c.idioms.length > 0 ? { idioms: [...k.c.idioms] } : {}),
      incidents: k.count,
      byMonth: k.months
        .flatMap((count, mi) => (count > 0 ? [{ month: ctx.months.names[mi]!, count }] : []))
        .sort((a, b) => (a.month < b.month ? -1 : 1)),
      first: k.first ? refOf(ctx, k.first) : null,
      examples: k.examples,
    })),
  };
}

/**
 * Phrase matching for the cease-request search and the content lexicon: transparent, case-insensitive,
 * whole-word, and linear in the size of the text.
 *
 * Text and phrases are normalised the same way: Unicode NFKC, lower case, typographic apostrophes and quotes
 * folded to ' and ", invisible direction and joiner marks removed, runs of white space folded to one space.
 * A phrase matches only between word boundaries (a letter, digit or _ may not touch either end), so "kill" does
 * not match "skill". A trailing `*` matches the rest of a word ("regret*" matches "regrets", "regretted").
 *
 * Each phrase list compiles to ONE regular expression of escaped literals (longest first) with look-around
 * boundaries: no nested quantifiers, so no catastrophic backtracking whatever the text (message text is written
 * by the person being reported and is hostile input).
 */

// Unicode's default-ignorable characters (soft hyphen, combining grapheme joiner, zero-width space, joiners,
// direction marks, bidi controls, word joiner, variation selectors, byte-order mark, tags…): they change nothing
// on screen, so a threat with one inside a word ("k<U+034F>ill", marked so in the reports) reads as written.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// The same set as UTF-16 units (an astral one by its high surrogate), without the `u` flag: a quick test that
// spares the texts without any (most) the Unicode-aware replace, a quarter slower than the old list's.
export const MAYBE_INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a set of single UTF-16 units, each tested alone.
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8\uD82F\uD834\uDB40-\uDB43]/;
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BC\u2032\u00B4`]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
// White space other than a lone space: only those runs need replacing (a /\s+/ replace rewrites every space).
const SPACE = /[^\S ]\s*| \s+/g;

const NON_ASCII = /[^\x00-\x7F]/;

/** The normal form both texts and phrases are compared in. */
export function normaliseText(text: string): string {
  // Most messages are plain ASCII: NFKC and the typographic folds cannot change them.
  if (!NON_ASCII.test(text)) {
    const folded = text.toLowerCase();
    const lower = folded.includes('`') ? folded.replace(APOSTROPHES, "'") : folded;
    return lower.replace(SPACE, ' ').trim();
  }
  return foldCharacters(text).replace(SPACE, ' ').trim();
}

/**
 * The normal form's character folds (NFKC, lower case, invisible marks removed, apostrophes and quotes folded)
 * without the white-space folding. byte-search.ts folds single code points with it.
 */
export function foldCharacters(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  return (MAYBE_INVISIBLE.test(lower) ? lower.replace(INVISIBLE, '') : lower)
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"');
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/** True when a letter, digit or _ (a whole code point) ends just before position i of `text`. */
function wordEndsAt(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 0x80)
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  const pair =
    c >= 0xdc00 &&
    c <= 0xdfff &&
    i >= 2 &&
    text.charCodeAt(i - 2) >= 0xd800 &&
    text.charCodeAt(i - 2) <= 0xdbff;
  return WORD_CHAR.test(text.slice(pair ? i - 2 : i - 1, i));
}

function pattern(phrase: string): string | undefined {
  const stem = phrase.endsWith('*');
  const body = normaliseText(stem ? phrase.slice(0, -1) : phrase);
  if (body === '') return undefined;
  return body.replace(SPECIAL, '\\$&') + (stem ? '[\\p{L}\\p{N}_]*' : '');
}

/** A compiled phrase list. */
export interface Matcher {
  /** The phrase (as given) matched first in the normalised text, and where; undefined when none matches. */
  find(normalised: string): { phrase: string; index: number } | undefined;
}

/**
 * `make`, remembered by its phrases: a batch worker analyses case after case with the same lexicon, and V8
 * compiles a Unicode-aware expression again for every new RegExp object. What `make` returns must keep no state
 * between calls.
 */
export function byPhrases<T, P = readonly string[]>(make: (phrases: P) => T): (phrases: P) => T {
  const made = new Map<string, T>();
  return (phrases) => {
    const key = JSON.stringify(phrases);
    let m = made.get(key);
    if (m === undefined) {
      if (made.size >= 64) made.clear();
      m = make(phrases);
      made.set(key, m);
    }
    return m;
  };
}

/** Compiles phrases into one boundary-aware regular expression (the same object for the same phrases). */
export const compilePhrases: (phrases: readonly string[]) => Matcher = byPhrases(compile);

interface Entry {
  readonly phrase: string;
  readonly source: string;
  readonly stem: boolean;
}

/** The phrases with their expressions, longest first (the order of the alternation). */
function entriesOf(phrases: readonly string[]): Entry[] {
  return phrases
    .map((p) => ({ phrase: p, source: pattern(p), stem: p.endsWith('*') }))
    .filter((e): e is Entry => e.source !== undefined)
    .sort((a, b) => b.source.length - a.source.length || (a.source < b.source ? -1 : 1));
}

/**
 * The phrase (as given) that matched `matched`: the expression has no capture groups (V8 runs a plain alternation
 * about four times faster), so it is found again from the matched text, literally for whole phrases, by prefix for
 * stems.
 */
function phrasesOf(entries: readonly Entry[]): (matched: string) => string {
  const literal = new Map<string, string>();
  const stems: { prefix: string; phrase: string }[] = [];
  for (const e of entries) {
    if (e.stem) stems.push({ prefix: normaliseText(e.phrase.slice(0, -1)), phrase: e.phrase });
    else if (!literal.has(normaliseText(e.phrase))) literal.set(normaliseText(e.phrase), e.phrase);
  }
  return (matched) =>
    literal.get(matched) ?? stems.find((x) => matched.startsWith(x.prefix))?.phrase ?? matched;
}

function compile(phrases: readonly string[]): Matcher {
  const entries = entriesOf(phrases);
  if (entries.length === 0) return { find: () => undefined };
  // The boundary before the phrase is checked on each match, not by a look-behind in the expression: a Unicode
  // look-behind tried at every position made the search about four times slower. Where it fails, the search goes
  // on one character later, so the first match is the one the look-behind would have given.
  const re = new RegExp(`(?:${entries.map((e) => e.source).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const phraseOf = phrasesOf(entries);
  return {
    find(text) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const i = m.index;
        if (!wordEndsAt(text, i)) return { phrase: phraseOf(m[0]), index: i };
        // One character on (both halves of a surrogate pair: the expression reads code points).
        const c = text.charCodeAt(i);
        re.lastIndex = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
      }
      return undefined;
    },
  };
}

/**
 * `compilePhrases(phrases)` that does not count a phrase matched wholly inside one of the `setAside` phrases (the
 * same object for the same lists). Each occurrence of a set-aside phrase is found as a phrase is (whole words, any
 * case; overlapping ones too), and a match of `phrases` that lies inside one and is shorter than it is passed over:
 * the search goes on with the other phrases at the same place (longest first), then further on. A match that starts
 * before the set-aside phrase or runs past its end counts, and so does one that covers it whole (a phrase that
 * itself contains it). The threats category's idioms (lexicon.ts `NOT_THREATS`): "kill them with kindness" no
 * longer matches "kill them", but "kill them with kindness or i'll kill you" matches "kill you", "dressed to kill
 * you" matches "kill you", and a case file's own term "hurt your feelings" matches the idiom it names.
 */
export const compileExcept: (lists: {
  readonly phrases: readonly string[];
  readonly setAside: readonly string[];
}) => Matcher = byPhrases(({ phrases, setAside }) => {
  const sources = setAside
    .map(pattern)
    .filter((s): s is string => s !== undefined)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (sources.length === 0) return compilePhrases(phrases);
  const entries = entriesOf(phrases);
  if (entries.length === 0) return { find: () => undefined };
  const re = new RegExp(`(?:${entries.map((e) => e.source).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const phraseOf = phrasesOf(entries);
  // One sticky expression per phrase, made when first needed: the phrases tried one by one where the longest
  // match at a place lies inside a set-aside phrase.
  const each: (RegExp | undefined)[] = entries.map(() => undefined);
  const sticky = (e: number): RegExp => {
    let one = each[e];
    if (one === undefined) {
      one = new RegExp(`(?:${entries[e]!.source})(?![\\p{L}\\p{N}_])`, 'uy');
      each[e] = one;
    }
    return one;
  };
  const aside = new RegExp(`(?:${sources.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  /** [start, end) of every occurrence of a set-aside phrase: the longest at each place, overlapping ones too. */
  const spansOf = (text: string): number[] => {
    const spans: number[] = [];
    aside.lastIndex = 0;
    for (let x = aside.exec(text); x !== null; x = aside.exec(text)) {
      const i = x.index;
      if (!wordEndsAt(text, i)) spans.push(i, i + x[0].length);
      const c = text.charCodeAt(i);
      aside.lastIndex = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
    }
    return spans;
  };
  return {
    find(text) {
      let spans: number[] | undefined;
      // The first span that may hold a match at i or later: the matches are tried left to right.
      let lo = 0;
      /** Whether [i, end) lies inside a set-aside occurrence and is shorter than it. */
      const inside = (spans: readonly number[], i: number, end: number): boolean => {
        while (lo < spans.length && spans[lo + 1]! <= i) lo += 2;
        for (let k = lo; k < spans.length && spans[k]! <= i; k += 2)
          if (end <= spans[k + 1]! && spans[k + 1]! - spans[k]! > end - i) return true;
        return false;
      };
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const i = m.index;
        if (!wordEndsAt(text, i)) {
          spans ??= spansOf(text);
          if (!inside(spans, i, i + m[0].length)) return { phrase: phraseOf(m[0]), index: i };
          // The longest match here is set aside; another phrase here may count (one that runs past it, or is it).
          for (let e = 0; e < entries.length; e++) {
            const one = sticky(e);
            one.lastIndex = i;
            const x = one.exec(text);
            if (x !== null && !inside(spans, i, i + x[0].length))
              return { phrase: entries[e]!.phrase, index: i };
          }
        }
        const c = text.charCodeAt(i);
        re.lastIndex = i + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
      }
      return undefined;
    },
  };
});

/** A match found by `searchAll`: the normalised text and, per matcher, its hit or undefined. */
export interface Search {
  readonly normalised: string;
  readonly hits: readonly ({ phrase: string; index: number } | undefined)[];
}

const NOTHING: Search = { normalised: '', hits: [] };

/** Size of `searchAll`'s table of recent texts (a power of two). */
const SLOTS = 4096;

/**
 * Searches texts for several phrase lists at once, remembering the answer per distinct text. Harassment logs
 * repeat themselves ("Answer me" five hundred times), so most texts are answered from memory; the memory is
 * capped, after which texts are searched afresh (same answer, only slower). `any` is one matcher over every
 * phrase: a text that matches nothing costs one scan. Returns undefined when no list matches.
 */
export function searchAll(
  matchers: readonly Matcher[],
  any: Matcher,
  cap = 100_000,
): (text: string) => Search | undefined {
  const seen = new Map<string, Search>();
  // In front of the map, a small table indexed by a few characters of the text: a repeated text is found by one
  // comparison with the text last seen in its slot, instead of hashing every character of a new string each time.
  const slotText = new Array<string | undefined>(SLOTS).fill(undefined);
  const slotResult = new Array<Search>(SLOTS).fill(NOTHING);
  return (text) => {
    const n = text.length;
    const slot =
      n === 0
        ? 0
        : (n * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(n >> 1) * 13 + text.charCodeAt(n - 1)) &
          (SLOTS - 1);
    let r: Search | undefined;
    if (slotText[slot] === text) r = slotResult[slot]!;
    else {
      r = seen.get(text);
      if (r === undefined) {
        const norm = normaliseText(text);
        r = any.find(norm) ? { normalised: norm, hits: matchers.map((m) => m.find(norm)) } : NOTHING;
        if (seen.size < cap) seen.set(text, r);
      }
      slotText[slot] = text;
      slotResult[slot] = r;
    }
    return r === NOTHING ? undefined : r;
  };
}

/** A line break as the chronology reads one (reports/sanitize.ts `LINE_BREAKS`): CR LF, LF, CR, U+2028, U+2029. */
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029]/;

/**
 * The verbatim text around a match (whole when short), with … where shortened. Runs of other white space are one
 * space, but each line break is kept, as "\n": a request to stop written on two lines, quoted as one sentence,
 * is not what the victim sent, and the reports show the break as the chronology does (" ↵ " in Markdown).
 */
export function excerpt(
  original: string,
  normalisedIndex: number,
  normalisedLength: number,
  width = 240,
): string {
  const text = LINE_BREAKS.test(original)
    ? original
        .split(LINE_BREAKS)
        .map((line) => line.replace(SPACE, ' ').trim())
        .join('\n')
        .trim()
    : original.replace(SPACE, ' ').trim();
  if (text.length <= width) return text;
  // NFKC and lower-casing can change lengths slightly: place the window proportionally.
  const centre = Math.round((normalisedIndex / Math.max(1, normalisedLength)) * text.length);
  const start = Math.max(0, Math.min(text.length - width, centre - width / 3));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + width)}${start + width < text.length ? '…' : ''}`;
}

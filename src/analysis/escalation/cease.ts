/**
 * The victim's requests for contact to stop (domain.md §2.1, §4.4 "contact despite warnings"): outgoing messages
 * from the victim that contain a cease phrase, and the contact that followed the first one.
 *
 * Only messages the victim sent in a conversation where the subject also wrote are searched (or, when an
 * export names no conversation, in a file that holds the subject's contacts), so "he won't leave me alone" in
 * a text to a friend is not taken for a request to him. The phrase list is data, shown in the report; the case
 * file's `ceasePhrases` replaces it. Matching is that of matcher.ts (whole words, case and apostrophes folded).
 */
import type { Escalation } from '../../model/escalation.js';
import type { ResolvedCase } from '../../model/index.js';
import type { EventList } from '../../timeline/list.js';
import { keyed, type TextClassifier } from '../../timeline/text-marks.js';
import { byteSearch } from './byte-search.js';
import type { Boundary } from './compare.js';
import { splitAt } from './compare.js';
import { type Ctx, lowerBound, refOf } from './context.js';
import { compilePhrases, excerpt, searchAll } from './matcher.js';
import { comparisonAt, incidentsAfter } from './milestones.js';

/** The built-in cease phrases (English); `ceasePhrases` in the case file replaces them. */
export const DEFAULT_CEASE_PHRASES: readonly string[] = [
  'please stop contacting me',
  'stop contacting me',
  'do not contact me',
  "don't contact me",
  'stop messaging me',
  'do not message me again',
  'do not message me',
  "don't message me",
  'stop texting me',
  'do not text me',
  "don't text me",
  'stop calling me',
  'stop ringing me',
  'do not call me',
  "don't call me",
  'leave me alone',
  "i don't want any contact",
  'i do not want any contact',
  'i want no contact',
  "i don't want to hear from you",
  'i do not want to hear from you',
  "i don't want you to contact me",
  'i do not want you to contact me',
  'stop harassing me',
  'stay away from me',
];

/** The cease phrases of a case: its own (`ceasePhrases`), or the built-in ones. */
function phrasesOf(c: Pick<ResolvedCase, 'ceasePhrases'>): { phrases: string[]; fromCase: boolean } {
  const fromCase = c.ceasePhrases !== undefined && c.ceasePhrases.length > 0;
  return { phrases: fromCase ? [...c.ceasePhrases!] : [...DEFAULT_CEASE_PHRASES], fromCase };
}

/**
 * What the texts from the victim's side are marked with while the timeline is read (timeline/text-marks.ts), for
 * a case with these phrases: the byte search's answer, 0 when no phrase can be in it. Known by the phrases, which
 * is how `ceaseRequests` knows the marks are its own.
 */
export function ceaseClassifier(c: Pick<ResolvedCase, 'ceasePhrases'>): TextClassifier {
  const lists = [phrasesOf(c).phrases];
  return keyed(`cease\u0000${JSON.stringify(lists)}`, byteSearch(lists));
}

/** Most requests listed in the JSON. */
const MAX_LISTED = 100;

type Row = Escalation['ceaseRequest']['requests'][number];

/** Finds the cease requests and the contact after the first one. */
export function ceaseRequests(
  ctx: Ctx,
  events: EventList,
  boundaries: readonly Boundary[],
): Escalation['ceaseRequest'] {
  const { phrases, fromCase } = phrasesOf(ctx.case);
  const matcher = compilePhrases(phrases);
  const search = searchAll([matcher], matcher);
  const onBytes = ceaseClassifier(ctx.case);
  const span = { bytes: new Uint8Array(0), start: 0, end: 0 };
  const { conversations, inputs: inputsWithIncidents } = ctx.columns;
  let searched = 0;
  const rows: { row: Row; ms: number }[] = [];
  // The events are read through the list's columns; a view object is made only for a request found.
  for (let i = 0; i < events.length; i++) {
    if (events.incident(i)) continue;
    if (!(events.who(i).role === 'victim' || events.direction(i) === 'outgoing')) continue;
    let recipient: Row['recipient'];
    const conversation = events.conversation(i);
    if (conversation !== undefined) {
      if (!conversations.has(conversation)) continue;
      recipient = 'subject-conversation';
    } else {
      if (!inputsWithIncidents.has(events.input(i))) continue;
      recipient = 'unknown';
    }
    // Most texts are settled on their stored bytes (byte-search.ts), most of them as they were stored (a mark,
    // text-marks.ts: a text marked 0 may no longer be kept). The rest are read once, and only for the victim's
    // messages to the subject: each read of a stored event's text decodes it again.
    const mark = events.textMark(i, onBytes);
    const stored = mark !== undefined || events.textBytes(i, span);
    if (stored) {
      searched++;
      // A match is read again for its excerpt; only "no match" is settled here.
      if ((mark ?? onBytes(span.bytes, span.start, span.end)) === 0) continue;
    }
    const e = events.at(i);
    const text = e.text;
    if (text === undefined) continue;
    if (!stored) searched++;
    const found = search(text);
    const hit = found?.hits[0];
    if (!found || !hit) continue;
    rows.push({
      ms: e.ms,
      row: {
        event: refOf(ctx, e),
        text: excerpt(text, hit.index, found.normalised.length),
        phrase: hit.phrase,
        recipient,
        incidentsAfter: ctx.incidents.length - lowerBound(ctx.incidents, e.ms + 1),
      },
    });
  }
  const first = rows[0];
  let afterFirst: Escalation['ceaseRequest']['afterFirst'] = null;
  if (first) {
    const after = incidentsAfter(ctx, first.ms + 1, false);
    const c = comparisonAt(ctx, splitAt(ctx, first.ms), boundaries);
    afterFirst = {
      ...after,
      comparison: {
        before: c.before,
        after: c.after,
        rateRatio: c.rateRatio,
        ci95: c.ci95,
        p: c.p,
        overdispersed: c.overdispersed,
        adjustedForTrend: c.adjustedForTrend,
        status: c.status,
        reason: c.reason,
        notCovered: c.notCovered,
      },
    };
  }
  return {
    phrases,
    phrasesSource: fromCase ? 'case-file' : 'built-in',
    searched,
    requests: rows.slice(0, MAX_LISTED).map((r) => r.row),
    first: first?.row ?? null,
    afterFirst,
  };
}

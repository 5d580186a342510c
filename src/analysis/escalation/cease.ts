/**
 * The victim's requests for contact to stop (domain.md §2.1, §4.4 "contact despite warnings"): outgoing messages
 * from the victim that contain a cease phrase, and the contact that followed the first one.
 *
 * Only messages the victim sent in a conversation where the subject also wrote are searched (or, when an
 * export names no conversation, in a file that holds the subject's contacts), so "he won't leave me alone" in
 * a text to a friend is not taken for a request to him. The phrase list is data, shown in the report; the case
 * file's `ceasePhrases` replaces it. Matching is that of matcher.ts (whole words, case and apostrophes folded).
 *
 * "After a request" means at or after the end of the time it was recorded to (`afterRequest`): for a request a
 * WhatsApp export times 21:04, from 21:05:00. Every figure after a request uses that one instant: the count after
 * the first request, each request's count and the before/after comparison, whose "before" side keeps the
 * request's own minute.
 *
 * When no message can be told to be the victim's (a WhatsApp chat exported on its own names both people by their
 * display names, and only `--victim` says which is the victim), nothing is searched: the result says so
 * (`victimIdentified` false) and lists the other senders of the subject's conversations, so the reports can say
 * how to name the victim rather than "no cease phrase in 0 messages".
 */
import type { Escalation } from '../../model/escalation.js';
import type { Precision, ResolvedCase } from '../../model/index.js';
import type { EventList } from '../../timeline/list.js';
import { keyed, type TextClassifier } from '../../timeline/text-marks.js';
import { refOf } from '../cite.js';
import { byteSearch } from './byte-search.js';
import type { Boundary } from './compare.js';
import { splitAt } from './compare.js';
import { type Ctx, lowerBound } from './context.js';
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

/**
 * The first instant certainly after a request recorded at `ms` to `precision`: the end of its minute for an export
 * that gives minutes (WhatsApp, 21:04 → 21:05:00), of its second, of its millisecond, or the next local midnight
 * for a date alone. A record's time is the start of the span it stands for, so a contact recorded from this
 * instant on followed the request whatever the exact times were, and one recorded earlier may not have.
 *
 * Why not the request's own instant, with ties after it: a contact in the request's minute cannot be shown to
 * follow it by its time. Within one export the order of the lines may show it (the timeline keeps it for equal
 * times, timeline/order.ts), but that is each app's own order, not always the order of sending (Messenger's JSON
 * lists the newest first, an mbox holds messages in the order they were filed), and two exports' records in one
 * minute have no order at all. So a contact in the request's minute counts before it, whichever side of it the
 * file puts the contact: the contact after a request is at least what the count says, never less, and one rule
 * holds for every source. A milestone is the same shape (milestones.ts): its "after" side starts at the instant it
 * names, 00:00 for a date; a request names no instant, only the minute (second, day) it was recorded in, so its
 * "after" side starts when that minute ends.
 */
export function afterRequest(ctx: Pick<Ctx, 'zone'>, ms: number, precision: Precision): number {
  switch (precision) {
    case 'ms':
      return ms + 1;
    case 's':
      return ms + 1000;
    case 'min':
      return ms + 60_000;
    case 'day':
      return ctx.zone.startOfLocalDay(ctx.zone.localDayNumber(ms) + 1);
  }
}

/** Most requests listed in the JSON: `requests` holds the first MAX_LISTED (the findings say when it is full). */
export const MAX_LISTED = 100;

/** Most other senders listed when no message is the victim's (`otherSenders`). */
export const MAX_OTHER_SENDERS = 10;

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
  // Messages told to be the victim's, in the subject's conversations; until there is one, how many each other
  // sender there wrote (by the identifier or name their export gives, which `--victim` takes).
  let fromVictim = 0;
  const others = new Map<string, number>();
  // `after`: the instant the contact after the request starts (`afterRequest`).
  const rows: { row: Row; ms: number; after: number }[] = [];
  // The events are read through the list's columns; a view object is made only for a request found.
  for (let i = 0; i < events.length; i++) {
    if (events.incident(i)) continue;
    const who = events.who(i);
    const victim = who.role === 'victim' || events.direction(i) === 'outgoing';
    // Once a message is the victim's, the other senders are not needed: the rest of the loop is as it was.
    if (!victim && fromVictim > 0) continue;
    let recipient: Row['recipient'];
    const conversation = events.conversation(i);
    if (conversation !== undefined) {
      if (!conversations.has(conversation)) continue;
      recipient = 'subject-conversation';
    } else {
      if (!inputsWithIncidents.has(events.input(i))) continue;
      recipient = 'unknown';
    }
    if (!victim) {
      const name = who.role === 'subject' ? undefined : (who.sender?.id ?? who.sender?.name);
      if (name) others.set(name, (others.get(name) ?? 0) + 1);
      continue;
    }
    fromVictim++;
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
    const after = afterRequest(ctx, e.ms, e.precision);
    rows.push({
      ms: e.ms,
      after,
      row: {
        event: refOf(ctx, e),
        text: excerpt(text, hit.index, found.normalised.length),
        phrase: hit.phrase,
        recipient,
        incidentsAfter: ctx.incidents.length - lowerBound(ctx.incidents, after),
      },
    });
  }
  const first = rows[0];
  let afterFirst: Escalation['ceaseRequest']['afterFirst'] = null;
  if (first) {
    // The count and the comparison split at one instant, so the contacts the comparison puts after the request
    // are those counted after it (up to the side's end).
    const after = incidentsAfter(ctx, first.after, false);
    const c = comparisonAt(ctx, splitAt(ctx, first.after), boundaries);
    afterFirst = {
      ...after,
      startsAt: new Date(first.after).toISOString(),
      startsAtLocal: ctx.zone.localText(first.after, 's'),
      atRequestTime: lowerBound(ctx.incidents, first.after) - lowerBound(ctx.incidents, first.ms),
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
  // Most messages first, then by name, so the list (and the example the reports give) is the same every run.
  const otherSenders = [...others]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_OTHER_SENDERS)
    .map(([name]) => name);
  return {
    phrases,
    phrasesSource: fromCase ? 'case-file' : 'built-in',
    searched,
    victimIdentified: fromVictim > 0,
    ...(fromVictim === 0 ? { otherSenders } : {}),
    requests: rows.slice(0, MAX_LISTED).map((r) => r.row),
    first: first?.row ?? null,
    afterFirst,
  };
}

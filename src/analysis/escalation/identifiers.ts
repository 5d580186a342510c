/**
 * New identifiers (domain.md §4.4 "channel switching after blocks"): when each number, address or account was
 * first and last used, and whether a new one began just as an older one fell quiet.
 *
 * "Fell quiet" is a stated rule, not a judgement: the older identifier was used at least twice in the 7 days
 * before the new one's first use, and in the 7 days from then on it was used less than a quarter as often. Those
 * 7 days must lie inside the days covered by the exported files that recorded the older identifier (each file
 * covers its first to its last record, window.ts): silence after the end of an export is the export ending, and
 * the report cannot tell it from the identifier falling quiet. The two may be on different channels (a switch
 * from texts to an app after a block is a known pattern), so the channels of both are given. The report gives
 * the facts (its last use before, how many hours between, uses after); it never says that one replaced the
 * other or that the same person holds both — the case file's identifiers say that.
 */
import type { Escalation } from '../../model/escalation.js';
import { subjectIsEveryoneElse } from '../../model/subject.js';
import { CHANNELS } from '../../model/vocabulary.js';
import { refOf } from '../cite.js';
import { CHANNELS_SORTED } from '../columns.js';
import type { Ctx } from './context.js';
import { type DayRange, inSpans } from './window.js';

const WEEK = 7 * 86_400_000;
const HOUR = 3_600_000;

/**
 * One row per identifier used inside the window, in order of first use: its count, channels, first and last use are
 * those of the window's incidents, as every other figure of the analysis (an incident outside the window is "not
 * counted here"). Where the window leaves out incidents after its end, an older identifier is judged to have fallen
 * quiet only where the 7 days after the new one's first use lie inside the window: a use after it is not counted,
 * so silence there cannot be told from the identifier falling quiet. Where it leaves out incidents before its start,
 * an identifier used before the window is never said to have begun inside it, and an older identifier's uses in the
 * 7 days before a first use are counted on days before the window too, and an identifier used on those days is
 * looked at even when it is not used inside the window before that first use (`beforeOnly`): the rule is judged on
 * the case's uses, so a switch across the window's start is found as the whole case finds it. With no subject named
 * (`--victim` alone),
 * every other sender is counted as the subject, but nothing in the case ties two senders to one person: no
 * identifier is said to have begun as another fell quiet (a shop's text after a friend's number fell silent is no
 * switch).
 */
export function identifierAnalysis(ctx: Ctx): Escalation['identifiers'] {
  const all = ctx.incidents;
  const from = ctx.windowStart;
  const n = ctx.windowed.length;
  const to = from + n;
  // A counting sort of the window's incident indices by sender label (analysis/columns.ts): typed arrays instead of
  // a growing array of objects per identifier, which for a million incidents is mostly garbage-collector work.
  const labelOf = ctx.columns.sender;
  const whole = from === 0 && n === all.length;
  // Uses and channels of each label inside the window (those of all incidents when the window holds them all).
  const counts = new Int32Array(ctx.columns.labels.length);
  const bits = new Int32Array(ctx.columns.labels.length);
  if (whole) {
    for (let k = 0; k < counts.length; k++) {
      counts[k] = ctx.columns.perLabel[k]!.count;
      bits[k] = ctx.columns.perLabel[k]!.channels;
    }
  } else {
    for (let i = from; i < to; i++) {
      const k = labelOf[i]!;
      counts[k]!++;
      bits[k]! |= 1 << ctx.columns.channel[i]!;
    }
  }
  const names = ctx.columns.labels;
  const start = new Int32Array(names.length + 1);
  for (let k = 0; k < names.length; k++) start[k + 1] = start[k]! + counts[k]!;
  // With one identifier (the usual case) the order is the incidents' own: no array of a million indices.
  let order: Int32Array | undefined;
  if (names.length > 1) {
    order = new Int32Array(n);
    const fill = start.slice(0, names.length);
    for (let i = from; i < to; i++) order[fill[labelOf[i]!]!++] = i;
  }
  const index = (k: number, j: number) => (order === undefined ? from + j : order[start[k]! + j]!);
  const at = (k: number, j: number) => all.at(index(k, j));
  const msAt = (k: number, j: number) => all.ms(index(k, j));
  const size = (k: number) => start[k + 1]! - start[k]!;
  /** Uses of identifier k before instant t. */
  const before = (k: number, t: number) => {
    let lo = 0;
    let hi = size(k);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (msAt(k, mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The days the files that recorded each identifier cover (hand-kept files cover no fixed days).
  const covers = names.map((_, k) => {
    const seen = new Set<number>();
    // An identifier's incidents come from one input after another, mostly in runs: a set lookup per run, not per incident.
    let last = -1;
    for (let j = 0; j < size(k); j++) {
      const input = all.input(index(k, j));
      if (input !== last) seen.add(input);
      last = input;
    }
    return [...seen].map((i) => ctx.inputSpans[i] ?? null).filter((x): x is DayRange => x !== null);
  });
  /** Whether the exports `spans` (those that recorded an identifier) cover every day of [from, to) (instants). */
  const coveredBy = (spans: readonly DayRange[], from: number, to: number) => {
    const last = ctx.zone.localDayNumber(to - 1);
    for (let d = ctx.zone.localDayNumber(from); d <= last; d++) if (!inSpans(spans, d)) return false;
    return true;
  };
  const covered = (k: number, from: number, to: number) => coveredBy(covers[k]!, from, to);
  /** The channels of a bit set of CHANNELS indices, in the report's order. */
  const channelsIn = (b: number) => CHANNELS_SORTED.filter((c) => b & (1 << c)).map((c) => CHANNELS[c]!);
  const channelsOf = (k: number) => channelsIn(bits[k]!);
  const rows = names
    .map((identifier, k) => ({ identifier, k }))
    .filter(({ k }) => size(k) > 0)
    .sort((a, b) => msAt(a.k, 0) - msAt(b.k, 0) || (a.identifier < b.identifier ? -1 : 1));
  // The identifiers that can have gone quiet: used twice or more (two uses in the week before are the least), in
  // the order of their first use. Looking through every earlier identifier for each one, a new array each time,
  // made 20,000 senders of one use each take 48 s and 50,000 more than two minutes.
  // Where the window leaves out incidents before its start, an identifier used then has its first use there, not
  // inside the window: it cannot have begun inside it ("Sam was first used on 27 January", beside a first use on 8
  // January in the table of every identifier).
  const usedBefore = new Uint8Array(names.length);
  for (let i = 0; i < from; i++) usedBefore[labelOf[i]!] = 1;
  // And the 7 days before a new identifier's first use may start before the window: an older identifier's uses on
  // those days are counted too (the uses of the 7 days before the window, latest first, by label), so it is judged
  // on the case's uses, not on the part the window holds ("used at least twice" would miss a use the day before).
  const windowStart = from > 0 ? ctx.zone.startOfLocalDay(ctx.window.from) : Number.NEGATIVE_INFINITY;
  // Incident indices, latest first.
  const weekBefore = new Map<number, number[]>();
  for (let i = from - 1; i >= 0 && all.ms(i) >= windowStart - WEEK; i--) {
    const k = labelOf[i]!;
    const list = weekBefore.get(k);
    if (list) list.push(i);
    else weekBefore.set(k, [i]);
  }
  /** Uses of identifier k before the window at or after instant t. */
  const usesBeforeWindow = (k: number, t: number) => {
    if (t >= windowStart) return 0;
    const list = weekBefore.get(k);
    let c = 0;
    if (list) for (const i of list) if (all.ms(i) >= t) c++;
    return c;
  };
  const sought = !subjectIsEveryoneElse(ctx.case);
  const used = sought
    ? rows.filter(({ identifier, k }) => !identifier.startsWith('(') && (size(k) >= 2 || weekBefore.has(k)))
    : [];
  // The identifiers used in the 7 days before the window but not inside it before a new one's first use (none, or
  // only later): the loop over `used` reaches only those used inside it before then. Each with the exports and
  // channels of its uses then, beside those of its uses inside the window.
  const beforeOnly = sought
    ? [...weekBefore]
        .filter(([k]) => !names[k]!.startsWith('('))
        .map(([k, list]) => ({
          k,
          list,
          covers: [...covers[k]!, ...list.map((i) => ctx.inputSpans[all.input(i)] ?? null)].filter(
            (x): x is DayRange => x !== null,
          ),
          bits: list.reduce((b, i) => b | (1 << ctx.columns.channel[i]!), bits[k]!),
        }))
    : [];
  // The end of the window's last day: the 7 days after a first use must end by then, unless no incident comes after
  // the window (the case then has no later use to leave uncounted).
  const windowEnd =
    to === all.length
      ? Number.POSITIVE_INFINITY
      : n > 0
        ? ctx.zone.startOfLocalDay(ctx.window.to + 1)
        : Number.NEGATIVE_INFINITY;
  return rows.map(({ identifier, k }) => {
    const first = at(k, 0);
    let quiet: Escalation['identifiers'][number]['appearedAfterQuiet'] = null;
    if (!identifier.startsWith('(') && usedBefore[k] === 0 && first.ms + WEEK <= windowEnd) {
      let bestLast = Number.NEGATIVE_INFINITY;
      for (const { identifier: older, k: o } of used) {
        if (at(o, 0).ms >= first.ms) break;
        // No use in the week before this one's first: it cannot have gone quiet then.
        if (at(o, size(o) - 1).ms < first.ms - WEEK) continue;
        const upTo = before(o, first.ms);
        const week = upTo - before(o, first.ms - WEEK) + usesBeforeWindow(o, first.ms - WEEK);
        const next = before(o, first.ms + WEEK) - upTo;
        if (week < 2 || next * 4 >= week) continue;
        // Quiet only where its exports could have shown it being used.
        if (!covered(o, first.ms, first.ms + WEEK)) continue;
        const lastBefore = at(o, upTo - 1);
        if (lastBefore.ms <= bestLast) continue;
        bestLast = lastBefore.ms;
        quiet = {
          identifier: older,
          channels: channelsOf(o),
          lastUseBefore: refOf(ctx, lastBefore),
          hoursBetween: (first.ms - lastBefore.ms) / HOUR,
          usesAfter: size(o) - upTo,
          lastUse: refOf(ctx, at(o, size(o) - 1)),
        };
      }
      // Those used in the week before but only before the window: their last use before is the latest then.
      if (first.ms - WEEK < windowStart)
        for (const o of beforeOnly) {
          if (size(o.k) > 0 && msAt(o.k, 0) < first.ms) continue;
          const week = usesBeforeWindow(o.k, first.ms - WEEK);
          const next = size(o.k) > 0 ? before(o.k, first.ms + WEEK) : 0;
          if (week < 2 || next * 4 >= week) continue;
          if (!coveredBy(o.covers, first.ms, first.ms + WEEK)) continue;
          const lastBefore = all.at(o.list[0]!);
          if (lastBefore.ms <= bestLast) continue;
          bestLast = lastBefore.ms;
          quiet = {
            identifier: names[o.k]!,
            channels: channelsIn(o.bits),
            lastUseBefore: refOf(ctx, lastBefore),
            hoursBetween: (first.ms - lastBefore.ms) / HOUR,
            usesAfter: size(o.k),
            lastUse: refOf(ctx, size(o.k) > 0 ? at(o.k, size(o.k) - 1) : lastBefore),
          };
        }
    }
    return {
      identifier,
      role: first.role ?? 'subject',
      incidents: size(k),
      channels: channelsOf(k),
      first: refOf(ctx, first),
      last: refOf(ctx, at(k, size(k) - 1)),
      appearedAfterQuiet: quiet,
    };
  });
}

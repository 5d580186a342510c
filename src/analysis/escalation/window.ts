/**
 * The exposure window and per-channel coverage (statistics.md §1.2, §1.3).
 *
 * - The window is the case file's or --from/--to's, else the first to the last day of ANY event in the inputs
 *   (the victim's own messages and other people's included): a window that starts at the first incident would
 *   inflate the rate and bias trend tests upward.
 * - Each file covers the days from its first to its last record of any kind (coverage is not otherwise known),
 *   for every channel it holds: its own records, those dropped as duplicates of another file's included (a
 *   backup whose first records another backup also holds still covers their days). Records skipped as not contact
 *   (system notices) carry no time past their source, so they do not count; nor do rejected ones. A channel's
 *   coverage is the union over its files. Records typed by hand (a diary) say nothing about coverage.
 * - A window day no export covers is never covered, whatever the channels' shares: with no export holding it, a
 *   day without records is not a day without contact (a window after the last export, or a mistyped year, would
 *   otherwise read as contact that stopped). Those runs are `notExported`; the rate leaves them out. A case read
 *   from hand-kept records only has no export to say which days were recorded: its window stands as given.
 * - The combined series is comparable only over days every channel covers. Channels that carry at least 5% of
 *   the incidents limit that "fully covered" stretch; a channel with a handful of records would otherwise cut
 *   the analysis down to its few days (it is listed, not used). Trend tests, change points and before/after
 *   comparisons run on the longest fully covered stretch; the other window days are flagged `partialCoverage`.
 */

import type { Escalation } from '../../model/escalation.js';
import { isHandKept } from '../../model/hand-kept.js';
import type { Channel, InputSummary, ResolvedCase } from '../../model/index.js';
import { CHANNELS } from '../../model/vocabulary.js';
import type { EventList } from '../../timeline/list.js';
import type { InputSpan as TimelineSpan } from '../../timeline/store.js';
import type { Zone } from '../../timeline/zone.js';
import { dateOf, dayNumber } from '../stats/index.js';

/** Share of the window's incidents from which a channel limits the fully covered stretch. */
export const LIMITING_SHARE = 0.05;

export interface DayRange {
  readonly from: number;
  readonly to: number;
}

function safeDay(date: string | undefined): number | undefined {
  if (date === undefined) return undefined;
  try {
    return dayNumber(date);
  } catch {
    return undefined;
  }
}

/** The window in day numbers and where it came from; null when there are no events and no dates given. */
export function resolveWindow(
  events: EventList,
  zone: Zone,
  kase: ResolvedCase,
): { range: DayRange | null; source: 'given' | 'events' | 'none' } {
  const given = { from: safeDay(kase.window.from), to: safeDay(kase.window.to) };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  if ((given.from === undefined || given.to === undefined) && events.length > 0) {
    // Events are in time order and local days run backwards only across a clock change (by at most one or two
    // hours), so the extreme days are among the events within two hours of either end.
    const reach = 2 * 3_600_000;
    const first = events.at(0).ms;
    const last = events.at(events.length - 1).ms;
    const see = (ms: number) => {
      const d = zone.localDayNumber(ms);
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    };
    for (let i = 0; i < events.length && events.at(i).ms - first <= reach; i++) see(events.at(i).ms);
    for (let i = events.length - 1; i >= 0 && last - events.at(i).ms <= reach; i--) see(events.at(i).ms);
  }
  const from = given.from ?? (Number.isFinite(lo) ? lo : undefined);
  const to = given.to ?? (Number.isFinite(hi) ? hi : undefined);
  if (from === undefined || to === undefined || to < from) return { range: null, source: 'none' };
  return {
    range: { from, to },
    source: given.from !== undefined || given.to !== undefined ? 'given' : 'events',
  };
}

interface Span {
  from: number;
  to: number;
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** A channel that limits the fully covered stretch: the days its exported files cover. */
export interface LimitingChannel {
  readonly channel: Channel;
  readonly files: readonly string[];
  /** Merged runs of covered day numbers, in order. */
  readonly spans: readonly DayRange[];
}

export interface Coverage {
  readonly json: Escalation['coverage'];
  /** The channels that limit the fully covered stretch, with their covered days. */
  readonly limiting: readonly LimitingChannel[];
  /** inputSpans[k]: the days input k covers (first to last record), or null for a hand-kept input or one
   *  without events. */
  readonly inputSpans: readonly (DayRange | null)[];
  /** The fully covered stretch in day numbers, or null. */
  readonly stretch: DayRange | null;
  /** covered[i] is true when window day i is fully covered. */
  readonly covered: boolean[];
  /** The first and last day any export covers; null when no export was read (hand-kept records only). */
  readonly exported: DayRange | null;
  /** exportedDay[i]: some export covers window day i (every day when no export was read). */
  readonly exportedDay: readonly boolean[];
  /** Runs of window days no export covers, in order (none when no export was read). */
  readonly notExported: readonly DayRange[];
}

/**
 * Per-channel coverage and the fully covered stretch of the window, whose incidents are `perChannel` (per CHANNELS
 * index). `spans[k]`: the first and last instant and the channels of every event of input k, duplicates included
 * (`EscalationInput.spans`, or `eventSpans`).
 */
export function coverage(
  given: readonly (TimelineSpan | undefined)[],
  perChannel: readonly number[],
  inputs: readonly InputSummary[],
  zone: Zone,
  window: DayRange,
): Coverage {
  const spans = inputSpansOf(given, inputs);
  const incidentsBy = new Map<Channel, number>();
  let total = 0;
  for (let c = 0; c < CHANNELS.length; c++) {
    if (perChannel[c]! > 0) incidentsBy.set(CHANNELS[c]!, perChannel[c]!);
    total += perChannel[c]!;
  }
  const byChannel = new Map<Channel, { spans: Span[]; files: Set<string> }>();
  for (const [input, s] of spans) {
    const span = { from: zone.localDayNumber(s.first), to: zone.localDayNumber(s.last) };
    for (const channel of s.channels) {
      const c = byChannel.get(channel) ?? { spans: [], files: new Set() };
      c.spans.push(span);
      c.files.add(inputs[input]!.path);
      byChannel.set(channel, c);
    }
  }
  const n = window.to - window.from + 1;
  const covered = new Array<boolean>(n).fill(true);
  // The days some export covers: every export's span, whatever its channels.
  const exportedSpans = merge(
    [...spans.values()].map((s) => ({ from: zone.localDayNumber(s.first), to: zone.localDayNumber(s.last) })),
  );
  const exportedDay = covered.map(
    (_, i) => exportedSpans.length === 0 || inSpans(exportedSpans, window.from + i),
  );
  const notExported: DayRange[] = [];
  for (let i = 0; i < n; i++) {
    if (exportedDay[i]) continue;
    covered[i] = false;
    const last = notExported[notExported.length - 1];
    if (last && last.to === window.from + i - 1)
      notExported[notExported.length - 1] = { from: last.from, to: last.to + 1 };
    else notExported.push({ from: window.from + i, to: window.from + i });
  }
  const exported =
    exportedSpans.length > 0
      ? { from: exportedSpans[0]!.from, to: exportedSpans[exportedSpans.length - 1]!.to }
      : null;
  const channels: Escalation['coverage']['channels'] = [];
  const limiting: LimitingChannel[] = [];
  const all = new Set<Channel>([...byChannel.keys(), ...incidentsBy.keys()]);
  for (const channel of [...all].sort()) {
    const c = byChannel.get(channel);
    const merged = c ? merge(c.spans) : [];
    const incidents = incidentsBy.get(channel) ?? 0;
    // Only exported files say which days a channel covers; a diary-only channel limits nothing.
    const electronic = c !== undefined;
    const limits = electronic && incidents > 0 && incidents >= LIMITING_SHARE * total;
    if (limits) {
      limiting.push({ channel, files: [...c!.files].sort(), spans: merged });
      for (let i = 0; i < n; i++) {
        const d = window.from + i;
        if (!inSpans(merged, d)) covered[i] = false;
      }
    }
    channels.push({
      channel,
      spans: merged.map((s) => ({ from: dateOf(s.from), to: dateOf(s.to) })),
      files: c ? [...c.files].sort() : [],
      handKept: !electronic,
      incidents,
      limits,
    });
  }
  // The longest run of fully covered days (the earliest when tied).
  let best = { start: -1, len: 0 };
  let run = 0;
  for (let i = 0; i < n; i++) {
    run = covered[i] ? run + 1 : 0;
    if (run > best.len) best = { start: i - run + 1, len: run };
  }
  const stretch =
    best.len > 0 ? { from: window.from + best.start, to: window.from + best.start + best.len - 1 } : null;
  const inStretch = covered.map(
    (_, i) => stretch !== null && window.from + i >= stretch.from && window.from + i <= stretch.to,
  );
  return {
    json: {
      channels,
      fullyCovered: stretch ? { from: dateOf(stretch.from), to: dateOf(stretch.to), days: best.len } : null,
      partialDays: inStretch.filter((x) => !x).length,
      ...(exported ? { exported: { from: dateOf(exported.from), to: dateOf(exported.to) } } : {}),
    },
    limiting,
    inputSpans: inputs.map((_, k) => {
      const s = spans.get(k);
      return s ? { from: zone.localDayNumber(s.first), to: zone.localDayNumber(s.last) } : null;
    }),
    stretch,
    covered: inStretch,
    exported,
    exportedDay,
    notExported,
  };
}

/** Whether one of `spans` holds day number `day`. */
export function inSpans(spans: readonly DayRange[], day: number): boolean {
  return spans.some((s) => day >= s.from && day <= s.to);
}

/** An input's first and last instants and the channels of its events. */
interface InputSpan {
  readonly first: number;
  readonly last: number;
  readonly channels: readonly Channel[];
}

/**
 * Each input's span and channels from `events` alone, for a caller whose events are every event of the inputs
 * (none dropped as a duplicate): read by the list in one pass over its columns (`inputSpans`). The events are in
 * time order, so a file's first and last events are its first and last instants.
 */
export function eventSpans(events: EventList, inputs: number): (TimelineSpan | undefined)[] {
  const out: (TimelineSpan | undefined)[] = Array.from({ length: inputs }, () => undefined);
  for (const [input, s] of events.inputSpans()) out[input] = s;
  return out;
}

/**
 * The span and channels of each input that is not hand-kept, by input number. A file covers its whole period for
 * every channel it holds (a phone backup's calls and texts alike).
 */
function inputSpansOf(
  given: readonly (TimelineSpan | undefined)[],
  inputs: readonly InputSummary[],
): Map<number, InputSpan> {
  const spans = new Map<number, InputSpan>();
  for (let input = 0; input < given.length; input++) {
    const s = given[input];
    if (s === undefined || isHandKept(inputs[input])) continue;
    const channels = CHANNELS.filter((_, c) => (s.channels & (1 << c)) !== 0);
    spans.set(input, { first: s.first, last: s.last, channels });
  }
  return spans;
}

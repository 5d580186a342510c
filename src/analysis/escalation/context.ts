/**
 * What every part of the escalation analysis shares: the incidents inside the window, the dense daily series,
 * and the fully covered stretch (an incident is cited by ../cite.ts `refOf`, so that every figure links back to a
 * line of an original file).
 */
import type { InputSummary, ResolvedCase, TimelineEvent } from '../../model/index.js';
import { CHANNELS } from '../../model/vocabulary.js';
import type { EventList } from '../../timeline/list.js';
import type { InputSpan } from '../../timeline/store.js';
import type { Zone } from '../../timeline/zone.js';
import { CHANNELS_SORTED, countPerChannel, type IncidentColumns } from '../columns.js';
import type { DayTable } from '../day-table.js';
import { dateOf } from '../stats/index.js';
import type { DayRange, LimitingChannel } from './window.js';

/** Minimum sizes of statistics.md §1.9. */
export const MIN = {
  trendDays: 28,
  trendEvents: 10,
  weeklyWeeks: 10,
  rateRatioSpanDays: 60,
  sideDays: 14,
  comparisonEvents: 5,
  eventStats: 10,
} as const;

/** What `analyseEscalation` reads. */
export interface EscalationInput {
  readonly events: EventList;
  /** `events` that are incidents, when the caller already has them. */
  readonly incidents?: EventList;
  /** The columns of `incidents` (analysis/columns.ts), when the caller already has them. */
  readonly columns?: IncidentColumns;
  /** The day table of all of `incidents` (analysis/day-table.ts), with `columns`, when the caller already has it. */
  readonly table?: DayTable;
  readonly zone: Zone;
  readonly case: ResolvedCase;
  readonly inputs: readonly InputSummary[];
  /**
   * Per input, the first and last instant and the channels of all its events, duplicates dropped from `events`
   * included (`Ingested.spans`); without it, those of `events` (window.ts).
   */
  readonly spans?: readonly (InputSpan | undefined)[];
}

export interface Ctx {
  readonly zone: Zone;
  readonly case: ResolvedCase;
  readonly inputs: readonly InputSummary[];
  /** Every incident, in time order. */
  readonly incidents: EventList;
  /** Columns of `incidents`: channel, local day and hour, sender label. */
  readonly columns: IncidentColumns;
  /** Incidents on window days, in time order: incidents[windowStart …]. */
  readonly windowed: EventList;
  readonly windowStart: number;
  readonly window: DayRange;
  /** counts[i] = incidents on day window.from + i. */
  readonly counts: readonly number[];
  /** The fully covered stretch (statistics run on it), or null. */
  readonly stretch: DayRange | null;
  /** covered[i]: window day i is inside the stretch. */
  readonly covered: readonly boolean[];
  /** The channels that limit the stretch, with the days their exports cover. */
  readonly limiting: readonly LimitingChannel[];
  /** The first and last day any export covers; null when no export was read (hand-kept records only). */
  readonly exported: DayRange | null;
  /** exportedDay[i]: some export covers window day i (every day when no export was read). */
  readonly exportedDay: readonly boolean[];
  /** Runs of window days no export covers: never covered, and left out of the rate. */
  readonly notExported: readonly DayRange[];
  /** inputSpans[k]: the days input k covers, or null (hand-kept, or no events). */
  readonly inputSpans: readonly (DayRange | null)[];
  /** days[i], hours[i], channels[i]: local day number, hour (−1 for a date-only record) and CHANNELS index of
   *  windowed[i] (views into `columns`). */
  readonly days: Int32Array;
  readonly hours: Int8Array;
  readonly channels: Uint8Array;
  /** The windowed incidents counted by local day, hour and channel. */
  readonly table: DayTable;
  /** Month numbers of day numbers, for counting per month. */
  readonly months: Months;
  /** Start instants of the contact episodes among the windowed incidents. */
  readonly episodes: readonly number[];
  /** handKept[k]: input k is hand-kept (a diary). */
  readonly handKept: readonly boolean[];
  /** Pearson φ̂ of the trend model when > 1 (overdispersed), else null. */
  phi: number | null;
}

export { plural } from '../../model/format.js';

const MONTHS = new Map<number, string>();

/** `YYYY-MM` of a day number (memoised: it is asked once per incident). */
export function monthOf(day: number): string {
  let m = MONTHS.get(day);
  if (m === undefined) {
    if (MONTHS.size > 100_000) MONTHS.clear();
    m = dateOf(day).slice(0, 7);
    MONTHS.set(day, m);
  }
  return m;
}

/** Day numbers of window day indices [i, j] as a period of dates. */
export function datesOf(range: DayRange): { from: string; to: string; days: number } {
  return { from: dateOf(range.from), to: dateOf(range.to), days: range.to - range.from + 1 };
}

/** Sum of counts over window days [from, to] (day numbers, clipped to the window). */
export function countBetween(ctx: Pick<Ctx, 'counts' | 'window'>, from: number, to: number): number {
  let s = 0;
  const a = Math.max(from, ctx.window.from) - ctx.window.from;
  const b = Math.min(to, ctx.window.to) - ctx.window.from;
  for (let i = a; i <= b; i++) s += ctx.counts[i]!;
  return s;
}

/** First index whose ms ≥ t. */
export function lowerBound(events: EventList, t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events.ms(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts per channel of incidents[from…], largest first then by name. */
export function channelCounts(
  ctx: Pick<Ctx, 'columns'>,
  from = 0,
): { channel: TimelineEvent['channel']; count: number }[] {
  const counts = countPerChannel(ctx.columns.channel, from);
  return CHANNELS_SORTED.filter((c) => counts[c]! > 0)
    .map((c) => ({ channel: CHANNELS[c]!, count: counts[c]! }))
    .sort((a, b) => b.count - a.count);
}

/**
 * Months numbered 0, 1, … for counting per month by index: the window's months in order, then any month a day
 * outside the window falls in (an incident can only be there around a clock change at midnight).
 */
export class Months {
  /** `YYYY-MM` of each month number. */
  readonly names: string[] = [];
  private readonly byDay: Int32Array;
  private readonly from: number;
  private readonly extra = new Map<string, number>();

  constructor(window: DayRange) {
    this.from = window.from;
    this.byDay = new Int32Array(Math.max(0, window.to - window.from + 1));
    for (let d = 0; d < this.byDay.length; d++) {
      const m = monthOf(window.from + d);
      if (this.names[this.names.length - 1] !== m) this.names.push(m);
      this.byDay[d] = this.names.length - 1;
    }
  }

  /** The number of the month of a day number. */
  of(day: number): number {
    const d = day - this.from;
    return d >= 0 && d < this.byDay.length ? this.byDay[d]! : this.outside(day);
  }

  private outside(day: number): number {
    const m = monthOf(day);
    const inWindow = this.names.indexOf(m);
    if (inWindow >= 0) return inWindow;
    let k = this.extra.get(m);
    if (k === undefined) {
      k = this.names.length;
      this.names.push(m);
      this.extra.set(m, k);
    }
    return k;
  }
}

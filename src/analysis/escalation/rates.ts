/**
 * Counts and rates (statistics.md §2.1, §1.5): the rate per day, per week and per 30 days with the exact
 * (Garwood) 95% interval, over the window and over the fully covered stretch, a rate per period only from as many
 * days as the period has (`PERIOD_DAYS`); ISO-week and calendar-month rows with days observed and partial flags;
 * and the headline "rate now versus at the start": the last 28 fully covered days against the first 28, by the
 * exact conditional test (counts only when no day is fully covered).
 */
import type { Comparison, Escalation, MilestoneAnalysis } from '../../model/escalation.js';
import { refOf } from '../cite.js';
import { dateOf, periodRows, poissonRate, type RateWithCi } from '../stats/index.js';
import { compare, countsOnly } from './compare.js';
import { type Ctx, countBetween, MIN, plural } from './context.js';
import { sidesNotCovered } from './milestones.js';
import type { DayRange } from './window.js';

/** Length of each side of the headline comparison, in days. */
export const HEADLINE_DAYS = 28;

/**
 * The fewest days a rate per period is given from: a period's own length. A rate per week from 3 days, or per 30
 * days from 1 visit on 1 day ("30 per 30 days"), states what the data never showed: that the contact went on at that
 * pace for a week or a month. The rate a day needs 1 day, which every range has (statistics.md §1.9).
 */
export const PERIOD_DAYS = { week: 7, '30 days': 30 } as const;

/** A rate per `unit`, or withheld (null, with why) when the range has fewer days than the unit. */
function perPeriod(
  r: RateWithCi,
  days: number,
  unit: keyof typeof PERIOD_DAYS,
): Escalation['rate']['perWeek'] {
  const need = PERIOD_DAYS[unit];
  if (days < need) {
    return {
      rate: null,
      ci95: [null, null],
      status: 'below-minimum',
      reason: `only ${plural(days, 'day')}; a rate per ${unit} needs at least ${need}`,
    };
  }
  return { rate: r.rate, ci95: r.ci, status: 'ok', reason: null };
}

/** The rate over a range of window days. */
export function rateOver(ctx: Ctx, range: DayRange): Escalation['rate'] {
  const days = range.to - range.from + 1;
  let count = 0;
  let withContact = 0;
  for (let d = range.from; d <= range.to; d++) {
    const c = ctx.counts[d - ctx.window.from] ?? 0;
    count += c;
    if (c > 0) withContact++;
  }
  return rateResult(range.from, range.to, count, days, withContact);
}

/**
 * The rate over no day: nothing counted, and each scaled rate (per week, per 30 days) `none`, which says why when
 * the caller knows (no export covers a window day) and is bare when there is no window at all.
 */
export function emptyRate(none: Escalation['rate']['perWeek']): Escalation['rate'] {
  return {
    from: null,
    to: null,
    count: 0,
    days: 0,
    daysWithContact: 0,
    perDay: null,
    ci95: [null, null],
    perWeek: none,
    per30Days: none,
  };
}

/** The rate of `count` contacts over `days` days counted from window day `from` to `to`. */
function rateResult(
  from: number,
  to: number,
  count: number,
  days: number,
  withContact: number,
): Escalation['rate'] {
  const r = poissonRate(count, days);
  return {
    from: dateOf(from),
    to: dateOf(to),
    count,
    days,
    daysWithContact: withContact,
    perDay: r.perDay.rate,
    ci95: r.perDay.ci,
    perWeek: perPeriod(r.perWeek, days, 'week'),
    per30Days: perPeriod(r.per30Days, days, '30 days'),
  };
}

/**
 * The rate over the window's days some export covers (`ctx.exportedDay`): the whole window unless no export covers
 * some of its days, whose silence says nothing about contact. Then `from` and `to` are the first and the last such
 * day and `days` their number (days between them that no export covers are not counted); with none, no rate.
 */
export function rateOnExportedDays(ctx: Ctx): Escalation['rate'] {
  if (ctx.notExported.length === 0) return rateOver(ctx, ctx.window);
  let first = -1;
  let last = -1;
  let days = 0;
  let count = 0;
  let withContact = 0;
  ctx.exportedDay.forEach((on, i) => {
    if (!on) return;
    if (first < 0) first = i;
    last = i;
    days++;
    const c = ctx.counts[i] ?? 0;
    count += c;
    if (c > 0) withContact++;
  });
  if (days === 0)
    return emptyRate({
      rate: null,
      ci95: [null, null],
      status: 'not-computable',
      reason: NO_EXPORT,
    });
  return rateResult(ctx.window.from + first, ctx.window.from + last, count, days, withContact);
}

/** Why there is no rate, nor any comparison, when no export covers a day of the window. */
export const NO_EXPORT = 'no export covers any day of the window';

/** Week and month rows over the window, flagged where they reach outside the fully covered stretch. */
export function periodTables(ctx: Ctx): Pick<Escalation, 'weekly' | 'monthly'> {
  const start = dateOf(ctx.window.from);
  const flag = (days: number, firstIndex: number): boolean => {
    for (let i = firstIndex; i < firstIndex + days; i++) if (!ctx.covered[i]) return true;
    return false;
  };
  const build = (unit: 'week' | 'month') => {
    let index = 0;
    return periodRows(ctx.counts, start, unit).map((r) => {
      const row = {
        start: r.periodStart,
        days: r.daysObserved,
        count: r.count,
        ratePerDay: r.ratePerDay,
        partial: r.partial,
        partialCoverage: flag(r.daysObserved, index),
      };
      index += r.daysObserved;
      return row;
    });
  };
  return {
    weekly: build('week').map(({ start: weekStart, ...rest }) => ({ weekStart, ...rest })),
    monthly: build('month').map(({ start: s, ...rest }) => ({ month: s.slice(0, 7), ...rest })),
  };
}

/** The last days of the stretch against its first days (28 each, or half the stretch when shorter). */
export function rateNowVsStart(
  ctx: Ctx,
): Comparison & { days: number; notCovered?: MilestoneAnalysis['notCovered'] } {
  const range = ctx.stretch ?? ctx.window;
  const total = range.to - range.from + 1;
  const days = Math.min(HEADLINE_DAYS, Math.floor(total / 2));
  const first = { from: range.from, to: range.from + days - 1 };
  const last = { from: range.to - days + 1, to: range.to };
  const by = ctx.stretch ? 'fully covered days' : 'window';
  const side = (r: DayRange) => {
    const count = days > 0 ? countBetween(ctx, r.from, r.to) : 0;
    return {
      from: days > 0 ? dateOf(r.from) : null,
      to: days > 0 ? dateOf(r.to) : null,
      days,
      count,
      ratePerDay: days > 0 ? count / days : null,
      boundedBy: by,
    };
  };
  const daily: number[] = [];
  for (let d = first.from; d <= first.to; d++) daily.push(ctx.counts[d - ctx.window.from] ?? 0);
  for (let d = last.from; d <= last.to; d++) daily.push(ctx.counts[d - ctx.window.from] ?? 0);
  // The two sides are not contiguous in time, so no trend-adjusted step here.
  const c = compare(side(first), side(last), days >= MIN.sideDays ? daily : null, days, false, true);
  // No window day that any export covers: no first or last days to count, as none of them was recorded.
  if (!ctx.stretch && ctx.exported !== null && ctx.exportedDay.every((on) => !on)) {
    const empty = { from: null, to: null, days: 0, count: 0, ratePerDay: null, boundedBy: 'window' as const };
    return { ...countsOnly({ before: empty, after: empty }, NO_EXPORT), days: 0 };
  }
  // A one-day range has no first and last days to set side by side: "only 0 days before and 0 days after" would
  // read as if days were missing, so the reason says what the range is.
  if (days === 0) {
    return {
      ...c,
      reason: `the ${by === 'window' ? 'window' : 'stretch of fully covered days'} is ${total === 1 ? '1 day' : `${total} days`} long, too short to set its first days against its last (at least ${MIN.sideDays} days at each end are needed)`,
      days,
    };
  }
  // No day that every export covers (with a channel that limits them): the first days and the last ones are
  // covered by different exports, so a rate ratio between them would compare what was exported, not what happened.
  // Counts only, as for a milestone whose sides not every export covers, with the exports that miss their days.
  if (!ctx.stretch && ctx.limiting.length > 0) {
    return { ...countsOnly(c, NO_FULL_COVERAGE), notCovered: sidesNotCovered(ctx, c), days };
  }
  return { ...c, days };
}

/** Why the latest rate is not set against the first when no day is covered by every export. */
export const NO_FULL_COVERAGE =
  'no day of the window is covered by every export, so the first and the last days are covered by different exports and a rate ratio would compare what was exported, not what happened';

/**
 * From the first to the last incident in the window: span in calendar days, days with contact, and the two
 * persistence criteria. The criteria are tested on the time that passed between the first and the last contact
 * (`persistenceBounds`), not on calendar days: two messages 13 days and 2 hours apart touch 15 dates but have not gone
 * on beyond two weeks. A criterion is undecided when a date-only record on the first or the last date lets the time
 * fall on either side of its threshold (diary entries dated 1 and 15 March are 13 to 15 days apart); its boolean then
 * stays false.
 */
export function persistence(ctx: Ctx): Escalation['persistence'] {
  const first = ctx.windowed.length ? ctx.windowed.at(0) : undefined;
  const last = ctx.windowed.length ? ctx.windowed.at(ctx.windowed.length - 1) : undefined;
  const span = first && last ? ctx.zone.localDayNumber(last.ms) - ctx.zone.localDayNumber(first.ms) + 1 : 0;
  const withContact = ctx.counts.filter((c) => c > 0).length;
  const a = first ? refOf(ctx, first) : null;
  const z = last ? refOf(ctx, last) : null;
  const b = persistenceBounds(ctx);
  const ten = ctx.windowed.length >= 10;
  // "Beyond two weeks" is more than 14 days: met for certain when the least exceeds 14 days, or equals it and is
  // never reached (the end of a date-only first day); impossible when the most is 14 days or less. "At least 28
  // days" is met for certain when the least reaches 28 days; impossible when the most is under 28 days, or equals
  // it and is never reached (the end of a date-only last day).
  const beyondYes = b.least > TWO_WEEKS_MS || (b.least === TWO_WEEKS_MS && b.leastOpen);
  const beyondNo = b.most <= TWO_WEEKS_MS;
  const fourYes = b.least >= FOUR_WEEKS_MS;
  const fourNo = b.most < FOUR_WEEKS_MS || (b.most === FOUR_WEEKS_MS && b.mostOpen);
  return {
    first: a,
    last: z,
    spanDays: span,
    daysWithContact: withContact,
    beyondTwoWeeks: beyondYes,
    beyondTwoWeeksDecided: beyondYes || beyondNo,
    tenOverFourWeeks: ten && fourYes,
    tenOverFourWeeksDecided: !ten || fourYes || fourNo,
    daysApart: a && z ? { least: b.least / DAY_MS, most: b.most / DAY_MS } : null,
  };
}

const DAY_MS = 86_400_000;
const TWO_WEEKS_MS = 14 * DAY_MS;
const FOUR_WEEKS_MS = 28 * DAY_MS;

/** A moment a contact can be placed at: its instant and its local wall clock (read as UTC), in milliseconds. */
interface Moment {
  readonly ms: number;
  readonly wall: number;
}

/**
 * The least and the greatest time, in milliseconds, that can have passed from the first contact to the last
 * (domain.md §4.4). Every incident on the first and on the last date counts, not only the first and the last in
 * time order: a date-only record sorts to 00:00 of its day but could have been at any time of it, so a date-only
 * visit on the last date may be later than a timed text that sorts after it, and a timed text on the first date
 * bounds a date-only record beside it (the first contact was no later than that text). The first contact was at
 * the earliest at the start of its date if a date-only record is on it, else at its earliest timed incident; at the
 * latest at that earliest timed incident if there is one, else at the end of the date, which no time of the day
 * reaches (`leastOpen`). The last contact the other way round (`mostOpen`: the end of the last date). A time is
 * the lesser of the local wall-clock and the instant differences (`daysApart`): each local day counts as one day,
 * and across the spring clock change an hour that did not pass is not counted, whichever end is date-only.
 */
export function persistenceBounds(ctx: Ctx): {
  least: number;
  most: number;
  leastOpen: boolean;
  mostOpen: boolean;
} {
  const n = ctx.windowed.length;
  if (n === 0) return { least: 0, most: 0, leastOpen: false, mostOpen: false };
  const moment = (ms: number): Moment => ({ ms, wall: ms + ctx.zone.offsetAt(ms) * 60_000 });
  const dayStart = (day: number): Moment => ({ ms: ctx.zone.startOfLocalDay(day), wall: day * DAY_MS });
  /** The date-only and the earliest and latest timed incidents on one local day, from index `i` stepping `step`. */
  const onDay = (i: number, step: 1 | -1) => {
    const day = ctx.days[i]!;
    let undated = false;
    let earliest: Moment | null = null;
    let latest: Moment | null = null;
    for (let k = i; k >= 0 && k < n && ctx.days[k] === day; k += step) {
      const e = ctx.windowed.at(k);
      if (e.precision === 'day') undated = true;
      else {
        if (!earliest || e.ms < earliest.ms) earliest = moment(e.ms);
        if (!latest || e.ms > latest.ms) latest = moment(e.ms);
      }
    }
    return { day, undated, earliest, latest };
  };
  const f = onDay(0, 1);
  const l = onDay(n - 1, -1);
  const firstEarliest = f.undated || !f.earliest ? dayStart(f.day) : f.earliest;
  const firstLatest = f.earliest ?? dayStart(f.day + 1);
  const lastLatest = l.undated || !l.latest ? dayStart(l.day + 1) : l.latest;
  const lastEarliest = l.latest ?? dayStart(l.day);
  const apart = (x: Moment, y: Moment) => Math.max(0, Math.min(y.wall - x.wall, y.ms - x.ms));
  return {
    least: apart(firstLatest, lastEarliest),
    most: apart(firstEarliest, lastLatest),
    leastOpen: !f.earliest,
    mostOpen: l.undated || !l.latest,
  };
}

/**
 * Before and after each milestone of the case (warning, report, order, arrest…; domain.md §2.1):
 * - the comparison of compare.ts over the fully covered stretch, each side up to the neighbouring milestone or
 *   estimated change point, and the same over the whole window with coverage ignored;
 * - every incident at or after the milestone, by channel, with the first and the last: for an order this is the
 *   breach window, each contact a possible breach for an officer to assess.
 * A date-only milestone starts its "after" side at 00:00 local time on that date; a date-time one at that time
 * (in the case zone unless it has an offset). That instant is also where the "before" side of the next
 * milestone starts and the "after" side of the previous one ends (compare.ts), and where its breach window
 * starts: an incident at 14:29 on the day of a 14:30 arrest is before the arrest in every figure, one at 14:30
 * after it.
 */
import type { Comparison, Escalation, MilestoneAnalysis } from '../../model/escalation.js';
import { notCoveredChannels, notExportedWords } from '../../model/escalation-words.js';
import { formatDate } from '../../model/format.js';
import type { Milestone } from '../../model/index.js';
import { DST_FLAGS } from '../../model/time-flags.js';
import { wallClockMs } from '../../timeline/zone.js';
import { refOf } from '../cite.js';
import { dateOf, dayNumber } from '../stats/index.js';
import { type Boundary, countsOnly, dayStart, type Split, splitAt, splitComparison } from './compare.js';
import { type Ctx, channelCounts, countBetween, datesOf, lowerBound } from './context.js';
import { type DayRange, inSpans, type LimitingChannel } from './window.js';

type NotCovered = NonNullable<MilestoneAnalysis['notCovered']>;

/**
 * How a channel's exports miss a run of days, in words: they end before it, start after it, or have a gap over
 * it ("whatsapp export ends on 31 March 2024").
 */
function missWords(c: LimitingChannel, run: DayRange): string {
  const one = c.files.length === 1;
  const before = c.spans.filter((s) => s.to < run.from).at(-1);
  const after = c.spans.find((s) => s.from > run.to);
  if (before && !after) return `${one ? 'ends' : 'end'} on ${formatDate(dateOf(before.to))}`;
  if (!before && after) return `${one ? 'starts' : 'start'} on ${formatDate(dateOf(after.from))}`;
  if (before && after)
    return `${one ? 'has' : 'have'} no records from ${formatDate(dateOf(run.from))} to ${formatDate(dateOf(run.to))}`;
  return `${one ? 'covers' : 'cover'} none of these days`;
}

/** The limiting channels whose exports miss days of either side of a comparison. */
export function sidesNotCovered(
  ctx: Pick<Ctx, 'limiting'>,
  c: Pick<Comparison, 'before' | 'after'>,
): NotCovered {
  const out: NotCovered = [];
  for (const side of ['before', 'after'] as const) {
    const p = c[side];
    if (p.from === null || p.to === null) continue;
    const from = dayNumber(p.from);
    const to = dayNumber(p.to);
    for (const ch of ctx.limiting) {
      const runs: DayRange[] = [];
      for (let d = from; d <= to; d++) {
        if (inSpans(ch.spans, d)) continue;
        const last = runs[runs.length - 1];
        if (last && last.to === d - 1) runs[runs.length - 1] = { from: last.from, to: d };
        else runs.push({ from: d, to: d });
      }
      if (runs.length === 0) continue;
      out.push({
        side,
        channel: ch.channel,
        files: [...ch.files],
        missing: runs.map((r) => ({ from: dateOf(r.from), to: dateOf(r.to) })),
        text: `${ch.channel} ${ch.files.length === 1 ? 'export' : 'exports'} ${runs.map((r) => missWords(ch, r)).join(' and ')}`,
      });
    }
  }
  return out;
}

/** The instant a milestone's "after" side starts, or undefined when its date cannot be read. */
export function milestoneInstant(ctx: Pick<Ctx, 'zone'>, date: string): number | undefined {
  return milestoneStartsAt(ctx, date)?.ms;
}

/**
 * The instant a milestone's "after" side starts and, when a clock change read its local time, the time flag
 * saying how: `dst-gap` when the time written did not exist (read after the change), `dst-ambiguous` when it
 * happened twice (the earlier is used). No flag for a date alone (its day starts at its first instant), a time
 * with an offset, or a time no clock change touches. Undefined when the date cannot be read.
 */
export function milestoneStartsAt(
  ctx: Pick<Ctx, 'zone'>,
  date: string,
): { ms: number; timeFlags: string[] } | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    try {
      return { ms: ctx.zone.startOfLocalDay(dayNumber(date)), timeFlags: [] };
    } catch {
      return undefined;
    }
  }
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:?\d{2})?$/.exec(date);
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const offset = m[3] === 'Z' ? 'Z' : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
    const ms = Date.parse(`${m[1]}T${m[2]}${offset}`);
    return Number.isFinite(ms) ? { ms, timeFlags: [] } : undefined;
  }
  const wall = wallClockMs(`${m[1]}T${m[2]}`);
  if (wall === undefined) return undefined;
  const { ms, dst } = ctx.zone.resolve(wall);
  return { ms, timeFlags: dst === undefined ? [] : [DST_FLAGS[dst]] };
}

/**
 * Incidents at or after an instant: count, channels, first and last, and how many came before it, all over every
 * incident of the case (the window ignored), so the two counts are of one span.
 */
export function incidentsAfter(
  ctx: Ctx,
  ms: number,
  breachWindow: boolean,
): MilestoneAnalysis['incidentsAfter'] {
  const all = ctx.incidents;
  const k = lowerBound(all, ms);
  const n = all.length - k;
  // A record with a date alone stands at the start of its day: on the day of a milestone with a time it falls
  // before it by its time, yet may have happened after it. Counted apart, so a reader can check them.
  const dayStartMs = ctx.zone.startOfLocalDay(ctx.zone.localDayNumber(ms));
  let sameDay = 0;
  for (let i = lowerBound(all, dayStartMs); i < k; i++) if (all.precision(i) === 'day') sameDay++;
  return {
    breachWindow,
    count: n,
    byChannel: channelCounts(ctx, k),
    first: n ? refOf(ctx, all.at(k)) : null,
    last: n ? refOf(ctx, all.at(all.length - 1)) : null,
    ...(sameDay > 0 ? { sameDayDateOnly: sameDay } : {}),
    countBefore: k,
  };
}

/**
 * The comparison over the whole window, coverage ignored: every incident of the window on one side or the other,
 * no boundary but the window's. Its sides span every window day, so where not every export covers some of them
 * (an export that ends before the window does), a rate ratio would set days an export covers against days it
 * misses: a fall after an order that is only the phone backup ending. Then it is counts and days only, as for a
 * milestone whose own sides are not covered, with the exports that miss the days in its reason.
 */
function wholeWindowComparison(ctx: Ctx, split: Split): { whole: Comparison; missing: NotCovered } {
  const whole = splitComparison(ctx, split, ctx.window, { before: 'window', after: 'window' }, []);
  const missing = sidesNotCovered(ctx, whole);
  // Days no export covers (after the last export, say) are said first: no export at all holds them, and a ratio
  // over them would be one even where no channel limits the fully covered days (none has 5% of the incidents).
  const none = notExportedReason(ctx);
  if (missing.length === 0 && !none) return { whole, missing };
  // The channels whose exports miss days, by side (the dates are in the coverage table and the findings).
  const why = [
    none,
    missing.length ? `not every export covers the whole window (${notCoveredChannels(missing)})` : '',
  ]
    .filter((x) => x)
    .join('; ');
  const reason = `${why}, so a rate ratio over it would compare what was exported, not what happened`;
  return { whole: countsOnly(whole, reason), missing };
}

/** The window's days no export covers, in words ('' when there are none), for the reasons beside the counts. */
function notExportedReason(ctx: Ctx): string {
  return notExportedWords({
    ...(ctx.exported ? { exported: datesOf(ctx.exported) } : {}),
    notExported: ctx.notExported.map(datesOf),
  });
}

/** The primary comparison at a split, over the fully covered stretch, plus the uncovered tail after it. */
export function comparisonAt(
  ctx: Ctx,
  split: Split,
  boundaries: readonly Boundary[],
): Pick<
  MilestoneAnalysis,
  | 'before'
  | 'after'
  | 'rateRatio'
  | 'ci95'
  | 'p'
  | 'overdispersed'
  | 'adjustedForTrend'
  | 'status'
  | 'reason'
  | 'wholeWindow'
  | 'afterUncovered'
  | 'notCovered'
> {
  const w = ctx.window;
  const { whole, missing } = wholeWindowComparison(ctx, split);
  const s = ctx.stretch;
  if (!s || split.day < s.from || split.day > s.to) {
    return {
      ...countsOnly(
        whole,
        split.day < w.from || split.day > w.to
          ? // Where no limiting export's misses say it (none limits when the window has no incident), the days
            // no export covers are said: "0 contacts in 184 days after" must not read as contact that stopped.
            `the date is outside the window${missing.length === 0 && notExportedReason(ctx) ? `, and ${notExportedReason(ctx)}` : ''}`
          : ctx.exportedDay[split.day - w.from] === false
            ? 'the date is on a day no export covers'
            : 'the date is outside the days every export covers',
      ),
      wholeWindow: whole,
      afterUncovered: null,
      notCovered: missing,
    };
  }
  const c = splitComparison(
    ctx,
    split,
    s,
    { before: s.from > w.from ? 'coverage' : 'window', after: s.to < w.to ? 'coverage' : 'window' },
    boundaries,
  );
  const uncovered =
    c.after.boundedBy === 'coverage' && s.to < w.to
      ? { ...datesOf({ from: s.to + 1, to: w.to }), count: countBetween(ctx, s.to + 1, w.to) }
      : null;
  return { ...c, wholeWindow: whole, afterUncovered: uncovered, notCovered: [] };
}

/** The boundaries a comparison may stop at: milestones and estimated change points. */
export function boundariesOf(ctx: Ctx, changePoints: Escalation['changePoints']): Boundary[] {
  const out: Boundary[] = [];
  for (const m of ctx.case.milestones) {
    const ms = milestoneInstant(ctx, m.date);
    if (ms !== undefined) out.push({ ...splitAt(ctx, ms), kind: 'milestone' });
  }
  for (const c of changePoints) out.push({ ...dayStart(ctx, dayNumber(c.date)), kind: 'change-point' });
  return out;
}

/** One row per milestone of the case, in date order. */
export function milestoneAnalysis(ctx: Ctx, changePoints: Escalation['changePoints']): MilestoneAnalysis[] {
  const boundaries = boundariesOf(ctx, changePoints);
  const out: MilestoneAnalysis[] = [];
  for (const m of ctx.case.milestones as readonly Milestone[]) {
    const at = milestoneStartsAt(ctx, m.date);
    if (at === undefined) continue;
    const { ms, timeFlags } = at;
    const split = splitAt(ctx, ms);
    out.push({
      date: m.date,
      label: m.label,
      type: m.type ?? null,
      startsAt: new Date(ms).toISOString(),
      startsAtLocal: ctx.zone.localText(ms, 'min'),
      ...(timeFlags.length > 0 ? { startsAtTimeFlags: timeFlags } : {}),
      ...comparisonAt(ctx, split, boundaries),
      incidentsAfter: incidentsAfter(ctx, ms, m.type === 'order'),
    });
  }
  return out;
}

/**
 * The escalation analysis (statistics.md, domain.md §2.1 and §4): whether, when and how the contact changed,
 * what happened after each milestone and after the victim asked for it to stop, other signs of escalation, what
 * the messages say, and the facts an S-DASH assessor can use — each figure with its method and caveats, and
 * counts only below the minimum data sizes. Pure: no clock, no files. Runs in O(n log n) in the events, plus
 * PELT and Sen's slope on the daily series (days, not events).
 */
import type { Escalation } from '../../model/escalation.js';
import { isHandKept } from '../../model/hand-kept.js';
import { subjectIsEveryoneElse } from '../../model/subject.js';
import { incidentColumns } from '../columns.js';
import { channelTotals, type DayTable, dayTable } from '../day-table.js';
import { dateOf } from '../stats/index.js';
import { burstAnalysis } from './bursts.js';
import { ceaseRequests } from './cease.js';
import { changePoints } from './changepoints.js';
import { channelsOverTime } from './channels.js';
import { contentAnalysis } from './content.js';
import {
  type Ctx,
  countBetween,
  datesOf,
  type EscalationInput,
  lowerBound,
  Months,
  monthOf,
} from './context.js';
import { episodeStarts } from './episodes.js';
import { findings } from './findings.js';
import { gapAnalysis } from './gaps.js';
import { identifierAnalysis } from './identifiers.js';
import { methods } from './methods.js';
import { boundariesOf, milestoneAnalysis } from './milestones.js';
import { nightAnalysis } from './night.js';
import {
  emptyRate,
  periodTables,
  persistence,
  rateNowVsStart,
  rateOnExportedDays,
  rateOver,
} from './rates.js';
import { sdashSheet } from './sdash.js';
import { trendAnalysis } from './trend.js';
import { coverage, type DayRange, eventSpans, resolveWindow } from './window.js';

export { DEFAULT_CEASE_PHRASES } from './cease.js';
export type { EscalationInput } from './context.js';
export { BUILT_IN_LEXICON } from './lexicon.js';

/** The whole escalation section of the report. */
export function analyseEscalation(input: EscalationInput): Escalation {
  const { zone, events } = input;
  const incidents = input.incidents ?? events.incidents();
  const columns = input.columns ?? incidentColumns(incidents, zone);
  const { range, source } = resolveWindow(events, zone, input.case);
  // No window (no events, no dates): one empty day keeps every figure defined without inventing a date.
  const window = range ?? { from: 0, to: -1 };
  const startMs = range ? zone.startOfLocalDay(window.from) : 0;
  const endMs = range ? zone.startOfLocalDay(window.to + 1) : 0;
  const a = range ? lowerBound(incidents, startMs) : 0;
  const b = range ? lowerBound(incidents, endMs) : 0;
  const windowed = incidents.slice(a, b);
  const days = columns.day.subarray(a, b);
  const hours = columns.hour.subarray(a, b);
  const channels = columns.channel.subarray(a, b);

  // The windowed incidents by day: the caller's table of all incidents when the window holds them all (the usual
  // case), else counted here.
  const table =
    input.table !== undefined && input.columns !== undefined && a === 0 && b === incidents.length
      ? input.table
      : dayTable(columns, a, b);
  const cov = range
    ? coverage(
        input.spans ?? eventSpans(events, input.inputs.length),
        channelTotals(table),
        input.inputs,
        zone,
        window,
      )
    : {
        json: { channels: [], fullyCovered: null, partialDays: 0 },
        limiting: [],
        inputSpans: input.inputs.map(() => null),
        stretch: null,
        covered: [],
        exported: null,
        exportedDay: [],
        notExported: [],
      };
  // The dense daily series of analysis/series.ts (same Zone.localDayNumber bucketing), from the table's days.
  const counts = perDay(table, window.from, range ? window.to - window.from + 1 : 0);
  const ctx: Ctx = {
    zone,
    case: input.case,
    inputs: input.inputs,
    incidents,
    columns,
    windowed,
    windowStart: a,
    window,
    counts,
    stretch: cov.stretch,
    covered: cov.covered,
    limiting: cov.limiting,
    inputSpans: cov.inputSpans,
    exported: cov.exported,
    exportedDay: cov.exportedDay,
    notExported: cov.notExported,
    days,
    hours,
    channels,
    table,
    months: new Months(window),
    episodes: episodeStarts(windowed, hours),
    handKept: input.inputs.map(isHandKept),
    phi: null,
  };
  const partialMonths = new Set<string>();
  cov.covered.forEach((ok, i) => {
    if (!ok) partialMonths.add(monthOf(window.from + i));
  });
  const { phi, ...trend } = trendAnalysis(ctx);
  ctx.phi = phi;
  const cps = changePoints(ctx);
  const boundaries = boundariesOf(ctx, cps.changePoints);
  const identifiers = identifierAnalysis(ctx);
  const content = contentAnalysis(ctx);
  const body: Omit<Escalation, 'findings' | 'methods'> = {
    unit: 'records',
    window: {
      from: range ? dateOf(window.from) : null,
      to: range ? dateOf(window.to) : null,
      days: counts.length,
      source,
      incidentsOutside: incidents.length - windowed.length,
    },
    coverage: {
      ...cov.json,
      ...(cov.notExported.length > 0
        ? {
            notExported: cov.notExported.map((r) => ({
              ...datesOf(r),
              incidents: countBetween(ctx, r.from, r.to),
            })),
          }
        : {}),
    },
    rate: range ? rateOnExportedDays(ctx) : emptyRate({ rate: null, ci95: [null, null] }),
    // Beside the rate when the fully covered days are not the rate's own (a window no export leaves days out of).
    rateFullyCovered:
      cov.stretch && !sameDays(cov.stretch, window, cov.exportedDay) ? rateOver(ctx, cov.stretch) : null,
    headline: { rateNowVsStart: rateNowVsStart(ctx) },
    persistence: persistence(ctx),
    ...(range ? periodTables(ctx) : { weekly: [], monthly: [] }),
    daily: counts.map((count, i) => ({
      date: dateOf(window.from + i),
      count,
      covered: cov.covered[i] ?? false,
    })),
    ...trend,
    ...cps,
    milestones: milestoneAnalysis(ctx, cps.changePoints),
    ceaseRequest: ceaseRequests(ctx, events, boundaries),
    gaps: gapAnalysis(ctx, partialMonths),
    night: nightAnalysis(ctx, partialMonths),
    channelsOverTime: channelsOverTime(ctx, partialMonths),
    identifierSwitchesSought: !subjectIsEveryoneElse(input.case),
    identifiers,
    bursts: burstAnalysis(ctx),
    content,
    sdash: sdashSheet(ctx, { content, identifiers }),
  };
  return { ...body, findings: findings(body, input.case), methods: methods(body) };
}

/**
 * Incidents per day of an `n`-day series from day number `from`, from the table of the incidents by day. A day of
 * the table outside the series is left out: where a clock was put back across midnight (St John's 00:01 → 23:01
 * until 2011), an incident after the window's first midnight is on the local day before it. (The night share, the
 * channels per month and the coverage, which add up the table's days, do count it.)
 */
function perDay(table: DayTable, from: number, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (let row = 0; row < table.rows; row++) {
    const i = table.start + row - from;
    if (i >= 0 && i < n) counts[i] = table.count[row]!;
  }
  return counts;
}

/** Whether the stretch is exactly the window's days some export covers (the days the rate counts). */
function sameDays(stretch: DayRange, window: DayRange, exportedDay: readonly boolean[]): boolean {
  for (let i = 0; i < exportedDay.length; i++) {
    const d = window.from + i;
    if (exportedDay[i] !== (d >= stretch.from && d <= stretch.to)) return false;
  }
  return true;
}

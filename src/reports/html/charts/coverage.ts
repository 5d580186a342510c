/**
 * The days the charts hatch as left out of the analysis: the window's days outside the fully covered days
 * (`escalation.daily[].covered` false), exactly the days `escalation.coverage.partialDays` counts, so a chart's
 * caption and the coverage paragraph give the same number. The chart once recomputed them from the exports' spans
 * over the days it drew (the first to the last incident): a window running past the last incident, or starting
 * before the first, lost its end days from the count (29 hatched days beside "30 days" in fixtures/demo-case).
 *
 * A left-out day is nearly always one that not every limiting export covers. It can also be a day every export
 * covers that lies apart from the longest such run, cut off from it by days one export misses (two backups of one
 * phone with a month between them): the analysis leaves it out too, but "not every export covers it" would be
 * untrue, so such days are marked `apart` and said in other words.
 */
import type { Escalation } from '../../../model/escalation.js';
import { dayNumber, isoDate } from '../dates.js';

/** A run of hatched days (day numbers, both included). */
export interface HatchedRun {
  readonly from: number;
  readonly to: number;
  /** Every limiting export covers these days; they lie outside the longest run of such days. */
  readonly apart: boolean;
}

export interface Hatching {
  readonly runs: readonly HatchedRun[];
  /** Days hatched in all: `escalation.coverage.partialDays`. */
  readonly days: number;
  /** Of them, days every limiting export covers (`apart`). */
  readonly apartDays: number;
  /** The limiting channels whose exports miss some of the hatched days that are not `apart`. */
  readonly missing: Escalation['coverage']['channels'];
}

const NONE: Hatching = { runs: [], days: 0, apartDays: 0, missing: [] };

/** The hatched days of a report's escalation analysis; none without one. */
export function hatching(e: Escalation | undefined): Hatching {
  if (!e) return NONE;
  const limiting = e.coverage.channels.filter((c) => c.limits && c.spans.length > 0);
  const spans = limiting.map((c) => c.spans.map((s) => ({ from: dayNumber(s.from), to: dayNumber(s.to) })));
  // A day no export covers (`coverage.notExported`) is never "apart": no export holds it at all.
  const noExport = (e.coverage.notExported ?? []).map((r) => ({
    from: dayNumber(r.from),
    to: dayNumber(r.to),
  }));
  const everyExport = (d: number) =>
    !noExport.some((s) => d >= s.from && d <= s.to) &&
    spans.every((list) => list.some((s) => d >= s.from && d <= s.to));
  const runs: { from: number; to: number; apart: boolean }[] = [];
  // Read defensively, as the page reads other escalation fields: a report built by hand may lack the daily series,
  // and then nothing is hatched.
  const daily = (e.daily as Escalation['daily'] | undefined) ?? [];
  for (const day of daily) {
    if (day.covered) continue;
    const d = dayNumber(day.date);
    const apart = everyExport(d);
    const last = runs[runs.length - 1];
    if (last && last.to === d - 1 && last.apart === apart) last.to = d;
    else runs.push({ from: d, to: d, apart });
  }
  const length = (u: HatchedRun) => u.to - u.from + 1;
  const uncovered = runs.filter((u) => !u.apart);
  return {
    runs,
    days: runs.reduce((k, u) => k + length(u), 0),
    apartDays: runs.filter((u) => u.apart).reduce((k, u) => k + length(u), 0),
    missing: limiting.filter((_, k) =>
      uncovered.some((run) => !spans[k]!.some((s) => s.from <= run.from && s.to >= run.to)),
    ),
  };
}

/** A hatched run's tooltip: "not every export covers 2024-06-01 to 2024-06-30". */
export function runTitle(u: HatchedRun): string {
  const days = `${isoDate(u.from)}${u.to > u.from ? ` to ${isoDate(u.to)}` : ''}`;
  return u.apart
    ? `every export covers ${days}, but apart from the fully covered days`
    : `not every export covers ${days}`;
}

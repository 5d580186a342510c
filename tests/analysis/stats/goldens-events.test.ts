/**
 * Event-level statistics (gaps, burstiness, Laplace test, hour of day, night share) against the ref_stats.R goldens
 * of every series with event timestamps. Local days and hours come from the timeline's Zone, as in the tool.
 */
import { describe, expect, it } from 'vitest';
import {
  burstiness,
  dayNumber,
  gapHours,
  gapTrend,
  hourHistogram,
  laplaceTest,
  nightShare,
} from '../../../src/analysis/stats/index.js';
import { Zone } from '../../../src/timeline/zone.js';
import {
  checkMannKendall,
  close,
  closeAll,
  closeP,
  manifest,
  readDaily,
  readEvents,
  readJson,
} from './helpers.js';

// A series whose event block ref_stats.R could not compute (one event: no gaps) has daily goldens only; its events
// are checked by hand in edge-cases.test.ts.
const withEvents = manifest.filter((s) => s.events && readJson(`${s.name}.ref.json`).events);

describe.each(withEvents)('$name events', (spec) => {
  const ref = readJson(`${spec.name}.ref.json`);
  const ev = ref.events;
  const times = readEvents(spec.name);
  const zone = new Zone(spec.tz!);
  const { first, counts } = readDaily(spec.name);

  it('bucketed in the case zone, the events reproduce the daily series', () => {
    expect(times.length).toBe(ev.n_events);
    const fromEvents = new Array<number>(counts.length).fill(0);
    const d0 = dayNumber(first);
    for (const t of times) fromEvents[zone.localDayNumber(t) - d0]!++;
    expect(fromEvents).toEqual(counts);
    expect(ev.daily_counts_from_events_match_csv).toBe(true);
  });

  it('gaps: summary, Mann–Kendall and Sen on the sequence', () => {
    const g = gapTrend(times);
    const want = ev.interarrival_hours;
    expect(g.summary.n).toBe(want.n);
    close(g.summary.mean, want.mean, 1e-12, 'mean');
    close(g.summary.median, want.median, 1e-12, 'median');
    close(g.summary.sdPopulation, want.sd_population, 1e-12, 'sd');
    close(g.summary.min, want.min, 1e-12, 'min');
    close(g.summary.max, want.max, 1e-12, 'max');
    checkMannKendall(g.mannKendall, want.mann_kendall_on_sequence, 'gaps');
    close(g.sen.slope, want.sen_slope_hours_per_event, 1e-10, 'sen');
  });

  it('burstiness', () => {
    const b = burstiness(gapHours(times));
    const want = ev.burstiness;
    close(b.bGohBarabasi, want.B_goh_barabasi, 1e-12, 'B');
    close(b.bKimJo, want.B_kim_jo, 1e-12, 'A_n');
    close(b.cv, want.cv, 1e-12, 'cv');
    close(b.memory, want.memory_coefficient, 1e-12, 'memory');
  });

  it('Laplace test over the DST-aware local window', () => {
    const start = zone.startOfLocalDay(dayNumber(first));
    const end = zone.startOfLocalDay(dayNumber(first) + counts.length);
    const l = laplaceTest(times, start, end);
    const want = ev.laplace_trend_test;
    expect([l.windowSeconds, l.nInWindow, l.nOutsideWindow]).toEqual([
      want.window_seconds,
      want.n_in_window,
      ev.n_outside_window,
    ]);
    close(l.U, want.U, 1e-12, 'U');
    closeP(l.pTwoSided, want.p_two_sided, 1e-9, 'p');
  });

  it('hour of day and night share', () => {
    const hours = times.map((t) => zone.parts(t).hour);
    expect(hourHistogram(hours)).toEqual(ev.hour_of_day);
    const [startHour, endHour] = spec.night!.split('-').map(Number);
    const n = nightShare(hours, { startHour, endHour });
    const want = ev.night;
    expect(n.hours).toEqual(want.hours);
    expect(n.count).toBe(want.count);
    close(n.share, want.share, 1e-12, 'share');
    close(n.expectedShareIfUniform, want.expected_share_if_uniform, 1e-14, 'uniform share');
    closeAll(n.ci, want.ci_clopper_pearson, 1e-12, 'CI');
    closeP(n.pVsUniform, want.p_vs_uniform, 1e-9, 'p');
  });
});

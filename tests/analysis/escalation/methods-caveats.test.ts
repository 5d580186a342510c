/**
 * The method section states the caveats statistics.md asks for where the report's own figures need them: how many
 * p-values the report gives (§1.8, multiple testing), and a change point so near an end of the analysed days that
 * the rate on its short side rests on a few days (a burst at the edge is not a lasting change).
 */
import { describe, expect, it } from 'vitest';
import { analyse, daily, input, kase } from './helpers.js';

const flat = Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? 1 : 0));

describe('several tests in one report', () => {
  it('counts the p-values given and bounds the chance of a small one by chance alone', () => {
    const e = analyse(
      daily('2024-01-01', [...flat.slice(0, 60), ...flat.slice(60).map((c) => c * 3)]),
      kase({ milestones: [{ date: '2024-03-01', label: 'Warning issued' }] }),
    );
    expect([
      e.headline.rateNowVsStart.status,
      e.milestones[0]!.status,
      e.trend.poisson.status,
      e.gaps.trend.status,
    ]).toEqual(['ok', 'ok', 'ok', 'ok']);
    const m = e.methods.find((x) => x.name === 'Several tests in one report')!;
    expect(m.description).toBe(
      'This report gives 5 p-values: the latest rate against the first, the milestone “Warning issued”, the Poisson trend, the Mann–Kendall test and the trend in the gaps. Each answers its own question, fixed in advance (not chosen by searching the data for the largest change); none is adjusted for the others.',
    );
    expect(m.caveats[0]).toBe(
      'Even if nothing changed, the chance that at least one of 5 tests gives p below 0.05 can be up to 25%; a single p-value near 0.05 among them is weak evidence on its own.',
    );
  });

  it('is not said when the report gives at most one p-value', () => {
    const e = analyse(daily('2024-01-01', [1, 0, 2, 1, 3]));
    expect(e.methods.map((x) => x.name)).not.toContain('Several tests in one report');
  });
});

describe('a change point at an edge of the analysed days', () => {
  it('says the new rate rests on the last few days only', () => {
    // About one contact every three days for 118 days, then 30 a day on the last two: PELT puts a change there.
    const e = analyse(daily('2024-01-01', [...flat.slice(0, 118), 30, 30]));
    expect(e.changePoints.map((c) => c.date)).toEqual(['2024-04-28']);
    const caveats = e.methods.find((x) => x.name === 'Change points (PELT)')!.caveats;
    expect(caveats).toContain(
      'The change around 28 April 2024 comes 2 days before the end of the analysed days: the new rate rests on those days only, too few to tell a lasting change from a short burst.',
    );
  });

  it('says nothing of edges when every segment is long', () => {
    const e = analyse(daily('2024-01-01', [...flat.slice(0, 60), ...Array(60).fill(4)]));
    expect(e.changePoints.length).toBe(1);
    const caveats = e.methods.find((x) => x.name === 'Change points (PELT)')!.caveats;
    expect(caveats.filter((c) => c.includes('analysed days'))).toEqual([]);
  });
});

describe('a method that was not applied', () => {
  it('says so and why, and never that its figures are given for completeness', () => {
    // Two days, 3 and 4 contacts: below every trend minimum, so neither the trend, nor Mann–Kendall and Sen's
    // slope, nor PELT were run. The method section described them as run ("This report used the daily series")
    // and said the test and the slope were "given for completeness", though none was given.
    const e = analyse(daily('2024-02-14', [3, 4]));
    expect([e.trend.poisson.status, e.trend.mannKendall.status, e.changePointMethod.status]).toEqual([
      'below-minimum',
      'below-minimum',
      'below-minimum',
    ]);
    const why =
      'Not applied in this report: 2 days and 7 contacts (at least 28 days and 10 contacts are needed).';
    const method = (name: string) => e.methods.find((x) => x.name === name)!;
    for (const name of [
      'Poisson regression on time',
      'Mann–Kendall test and Sen’s slope',
      'Change points (PELT)',
    ])
      expect(method(name).description).toContain(why);
    expect(method('Mann–Kendall test and Sen’s slope').description).not.toContain('This report used');
    expect(method('Mann–Kendall test and Sen’s slope').caveats.join(' ')).not.toContain('for completeness');
  });

  it('keeps "given for completeness" where the test and the slope are given but the trend is not', () => {
    // 41 days, 1 contact every other day: Mann–Kendall runs (28 days, 10 contacts) but the ratio per 30 days
    // needs 60 days.
    const e = analyse(
      daily(
        '2024-01-01',
        Array.from({ length: 41 }, (_, i) => (i % 2 === 0 ? 1 : 0)),
      ),
    );
    expect([e.trend.poisson.status, e.trend.mannKendall.status]).toEqual(['below-minimum', 'ok']);
    const mk = e.methods.find((x) => x.name === 'Mann–Kendall test and Sen’s slope')!;
    expect(mk.description).toContain('This report used the daily series');
    expect(mk.description).not.toContain('Not applied');
    expect(mk.caveats).toContain(
      'The trend is not estimated in this report (a 41-day span is too short to express the trend per 30 days (at least 60 days)), so the test and the slope are given for completeness only; no conclusion is drawn from them.',
    );
    expect(e.methods.find((x) => x.name === 'Change points (PELT)')!.description).not.toContain(
      'Not applied',
    );
  });
});

describe('a trend the Poisson regression cannot estimate', () => {
  it('is said in the findings, not left out', () => {
    // A diary (which limits no coverage) over a 28-day window given in the case file, all 10 contacts on the last
    // day: the log-linear slope has no finite maximum-likelihood estimate, so the fit does not converge. The
    // findings said nothing of the trend at all (only "below-minimum" was worded).
    const e = analyse(daily('2024-03-03', [10]), kase({ window: { from: '2024-02-05', to: '2024-03-03' } }), [
      input('case/diary.csv', 'csv-diary'),
    ]);
    expect(e.window.days).toBe(28);
    expect(e.trend.poisson.status).toBe('not-computable');
    expect(e.findings).toContain(
      'No trend is estimated: the Poisson regression on time did not converge (as when the contacts sit at one end of the days, where the fitted trend grows without bound), so it gives no rate ratio.',
    );
    expect(e.methods.find((x) => x.name === 'Poisson regression on time')!.description).toContain(
      'Not applied in this report: the Poisson regression on time did not converge',
    );
  });
});

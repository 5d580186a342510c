/**
 * The method section states the caveats statistics.md asks for where the report's own figures need them: how many
 * p-values the report gives (§1.8, multiple testing), and a change point so near an end of the analysed days that
 * the rate on its short side rests on a few days (a burst at the edge is not a lasting change).
 */
import { describe, expect, it } from 'vitest';
import { analyse, daily, kase } from './helpers.js';

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

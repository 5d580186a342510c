/**
 * "Rose" and "fell" are said only when the comparison's 95% interval excludes a rate ratio of 1; when it includes 1
 * the sentence gives the two rates (or the factor) without a direction and says the data cannot tell the difference
 * from no change, or a reader takes a warning to have worked. And a figure never describes lines it does not draw.
 */
import { describe, expect, it } from 'vitest';
import { segmentsChart } from '../../../src/reports/html/charts/segments.js';
import { analyse, daily, kase, report } from './helpers.js';

const NOTE = 'the interval includes 1, so the data cannot tell this difference from no change';

describe('the trend sentence', () => {
  const TREND_NOTE = 'the interval includes 1, so the data cannot tell this trend from no change';
  const trendOf = (counts: number[]) =>
    analyse(daily('2024-01-01', counts), kase({})).findings.find((f) =>
      f.startsWith('Over the fully covered days the rate'),
    )!;

  it('gives the factor without "rose" or "fell" when its interval includes 1, and says so', () => {
    // Two or three contacts a day at random-looking places for 90 days: no real trend.
    const counts = Array.from({ length: 90 }, (_, i) => 2 + ((i * 7) % 3 === 0 ? 1 : 0));
    const sentence = trendOf(counts);
    expect(sentence).toMatch(
      /^Over the fully covered days the rate was multiplied on average by [\d.]+ every 30 days \(/,
    );
    expect(sentence).not.toMatch(/rose|fell|rise|fall/);
    expect(sentence).toContain(TREND_NOTE);
  });

  it('says "rose", with the rise as a percentage, and nothing of chance for a clear rise', () => {
    const counts = Array.from({ length: 90 }, (_, i) => 1 + Math.floor(i / 10));
    const sentence = trendOf(counts);
    expect(sentence).toMatch(
      /^Over the fully covered days the rate rose: on average it was multiplied by ([\d.]+) every 30 days, a rise of \d+% per 30 days \(/,
    );
    expect(sentence).not.toContain(TREND_NOTE);
  });
});

describe('comparison sentences', () => {
  it('give the two rates without "rose" or "fell" when the interval includes 1, and say so', () => {
    // One contact a day for 30 days, then one on each of the next 30 days but two days: a small fall.
    const counts = [
      ...Array(30).fill(1),
      ...Array(30)
        .fill(1)
        .map((c, i) => (i % 15 === 0 ? 0 : c)),
    ];
    const e = analyse(
      daily('2024-01-01', counts),
      kase({ milestones: [{ date: '2024-01-31', label: 'Warning issued' }] }),
    );
    const m = e.milestones[0]!;
    expect(m.status).toBe('ok');
    expect(m.ci95[0]!).toBeLessThan(1);
    expect(m.ci95[1]!).toBeGreaterThan(1);
    const sentence = e.findings.find((f) => f.startsWith('After the milestone “Warning issued”'))!;
    expect(sentence).toMatch(
      /^After the milestone “Warning issued” on 31 January 2024 the rate was 0\.93 contacts a day from /,
    );
    expect(sentence).not.toMatch(/rose|fell/);
    // 30 and 28 contacts: enough on each side that the counts are not added.
    expect(sentence).not.toContain('based on');
    expect(sentence).toContain(NOTE);
  });

  it('say nothing of chance when the interval excludes 1', () => {
    const counts = [...Array(30).fill(1), ...Array(30).fill(6)];
    const e = analyse(
      daily('2024-01-01', counts),
      kase({ milestones: [{ date: '2024-01-31', label: 'Warning issued' }] }),
    );
    const m = e.milestones[0]!;
    expect(m.ci95[0]!).toBeGreaterThan(1);
    const sentence = e.findings.find((f) => f.startsWith('After the milestone “Warning issued”'))!;
    expect(sentence).toContain('the rate rose');
    expect(sentence).not.toContain(NOTE);
  });

  it('give equal rates without "stayed the same", and say the data cannot tell whether the rate changed', () => {
    const e = analyse(
      daily('2024-01-01', Array(60).fill(2)),
      kase({ milestones: [{ date: '2024-01-31', label: 'Warning issued' }] }),
    );
    const m = e.milestones[0]!;
    expect(m.before.ratePerDay).toBe(m.after.ratePerDay);
    const sentence = e.findings.find((f) => f.startsWith('After the milestone “Warning issued”'))!;
    expect(sentence).toMatch(
      /^After the milestone “Warning issued” on .* the rate was 2\.0 contacts a day from /,
    );
    expect(sentence).not.toMatch(/rose|fell|stayed the same/);
    // No difference to put down to chance, but an interval of 0.69–1.5 that the equal rates do not narrow to 1.
    expect(sentence).not.toContain(NOTE);
    expect(sentence).toContain(
      '(rate ratio 1.0, 95% CI 0.69–1.5; exact conditional Poisson test p = 1.0; the interval includes 1, so the data cannot tell whether the rate changed)',
    );
  });
});

describe('the rate-by-period figure', () => {
  it('without change points, says so and describes no dotted lines', () => {
    const r = report(daily('2024-01-01', Array(60).fill(1)));
    expect(r.escalation!.changePoints).toEqual([]);
    const fig = segmentsChart(r, r.escalation!)!;
    expect(fig.title).toBe('Rate of contact (no change point found)');
    expect(fig.caption).toContain('No change point was found (PELT), so the rate is drawn as one period.');
    expect(fig.caption).not.toContain('Dotted lines');
  });

  it('with change points, names them and their dotted lines', () => {
    const r = report(daily('2024-01-01', [...Array(40).fill(1), ...Array(40).fill(8)]));
    expect(r.escalation!.changePoints.length).toBeGreaterThan(0);
    const fig = segmentsChart(r, r.escalation!)!;
    expect(fig.title).toBe('Rate of contact between the estimated change points');
    expect(fig.caption).toContain('Dotted lines mark the estimated change points');
  });
});

/**
 * The trend finding names the interval it gives: "SE scaled for overdispersion" only when φ̂ > 1 widened it.
 * The standard error is scaled by √max(1, φ̂), so with φ̂ ≤ 1 the interval is the plain Poisson Wald one, and
 * saying it was scaled would misdescribe it. Both series and their expected figures are R goldens
 * (fixtures/stats/*.ref.json, written by scripts/stats-goldens/make-goldens.R from ref_stats.R).
 */

import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { phiAboveOne } from '../../../src/model/escalation-words.js';
import { formatP, formatRatio, formatRatioCi } from '../../../src/model/format.js';
import { ReportSchema } from '../../../src/model/index.js';
import { escalationText } from '../../../src/reports/text-escalation.js';
import { readDaily, readJson } from '../stats/helpers.js';
import { analyse, daily, ev, report } from './helpers.js';

/**
 * The escalation analysis of a fixture series as one export: the victim's own messages on its first and last days
 * make the export cover every day of it (zero days at either end included), so the trend runs on the whole series.
 */
function analyseSeries(name: string) {
  const { first, counts } = readDaily(name);
  const last = new Date(Date.parse(`${first}T00:00:00Z`) + (counts.length - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const own = [first, last].map((d) => ev({ at: `${d}T08:00:00Z`, incident: false, role: 'victim' }));
  return analyse([...own, ...daily(first, counts)]);
}

function near(got: number | null, want: number, tol: number) {
  expect(got).not.toBeNull();
  expect(Math.abs(got! - want)).toBeLessThanOrEqual(tol * Math.abs(want));
}

function trendSentence(findings: readonly string[]): string {
  const s = findings.find((f) => f.startsWith('Over the fully covered days the rate'));
  expect(s, findings.join('\n')).toBeDefined();
  return s!;
}

describe('trend finding: the interval is described as what it is', () => {
  it('φ̂ below 1 (sparse 90-day series, φ̂ = 0.985): the plain Poisson interval, not called scaled', () => {
    const ref = readJson('sparse-90d.ref.json').poisson_glm;
    const e = analyseSeries('sparse-90d');
    const p = e.trend.poisson;
    expect([e.trend.from, e.trend.to]).toEqual(['2023-03-01', '2023-05-29']);
    expect(p.status).toBe('ok');
    near(p.dispersion, ref.dispersion, 1e-6);
    near(p.rateRatioPer30Days, ref.rr_per_30d, 1e-7);
    // √max(1, φ̂) = 1: the headline interval is R's Poisson Wald interval.
    near(p.ci95[0], ref.ci_wald[0], 1e-6);
    near(p.ci95[1], ref.ci_wald[1], 1e-6);
    expect(p.ci95).toEqual(p.ci95Poisson);
    const s = trendSentence(e.findings);
    expect(s).not.toContain('overdispersion');
    expect(e.findings.join('\n')).not.toContain('φ̂');
    expect(s).toContain(
      `(${formatRatioCi(p.ci95)}, ${formatP(p.p)}; the interval includes 1, so the data cannot tell this trend from no change; Poisson regression on time)`,
    );
    expect(s).toContain(`the rate was multiplied on average by ${formatRatio(ref.rr_per_30d)} every 30 days`);
  });

  it('φ̂ above 1 (overdispersed 365-day series, φ̂ = 4.42): the interval widened by √φ̂, and said so', () => {
    const ref = readJson('overdispersed-365d.ref.json');
    const e = analyseSeries('overdispersed-365d');
    const p = e.trend.poisson;
    expect(p.status).toBe('ok');
    near(p.dispersion, ref.poisson_glm.dispersion, 1e-6);
    near(p.ci95[0], ref.quasi_poisson_glm.ci_wald[0], 1e-5);
    near(p.ci95[1], ref.quasi_poisson_glm.ci_wald[1], 1e-5);
    const s = trendSentence(e.findings);
    expect(s).toContain(
      `(${formatRatioCi(p.ci95)}, ${formatP(p.p)}; the interval includes 1, so the data cannot tell this trend from no change; Poisson regression on time, its standard error scaled for overdispersion)`,
    );
    // R: 0.984 [0.94, 1.03]: the upper bound shows it is above 1, as the sentence says the interval includes 1, so
    // the sentence gives the factor without "fell".
    expect(s).toContain('the rate was multiplied on average by 0.98 every 30 days');
    expect(s).not.toContain('fell');
    expect(s).toContain(
      '95% CI 0.94–1.03, p = 0.52; the interval includes 1, so the data cannot tell this trend from no change',
    );
    // φ̂ = 4.4 is clearly above 1, far beyond chance: the counts vary more than a steady trend with independent contacts allows, and it
    // is said with the test.
    expect(e.findings).toContain(
      'Daily counts vary more than a steady trend with independent contacts allows: contacts may come in clusters, or the rate may have changed in steps. The intervals of the trend and of the comparisons were widened to allow for this; the exact intervals of plain rates assume independent contacts and may be too narrow here (dispersion φ̂ = 4.4, Pearson χ² test p < 0.001; quasi-Poisson: model intervals widened by √φ̂).',
    );
  });

  it('writes a factor near 1 with the decimals that show which side of 1 it and its interval are on', () => {
    // fixtures/diary-two-years: 1.042 (95% CI 1.019–1.067) was "a factor of 1.0 (95% CI 1.0–1.1, p < 0.001)" beside
    // "rose". The 3-year ramp, R: RR₃₀ 1.0586 [1.0540, 1.0632], φ̂ 1.05 (statistics.md §7.2).
    const ref = readJson('ramp-3y.ref.json').poisson_glm;
    const e = analyseSeries('ramp-3y');
    const p = e.trend.poisson;
    near(p.rateRatioPer30Days, ref.rr_per_30d, 1e-7);
    const s = trendSentence(e.findings);
    expect(s).toContain('rose: on average it was multiplied by 1.06 every 30 days, a rise of 6% per 30 days');
    // Quasi-Poisson (φ̂ > 1): R's Wald interval widened by √φ̂, both bounds visibly above 1.
    expect(s).toContain(`(${formatRatioCi(p.ci95)}, p < 0.001; Poisson regression on time`);
    expect(formatRatioCi(p.ci95)).toBe('95% CI 1.05–1.06');
    expect(s).not.toContain('no change');
    // Three-regime series, R: 1.040 [0.999, 1.081] before the scaling: a lower bound under 1 never prints as 1.
    const three = analyseSeries('three-regime-300d').trend.poisson;
    near(three.rateRatioPer30Days, readJson('three-regime-300d.ref.json').poisson_glm.rr_per_30d, 1e-7);
    expect(formatRatio(three.rateRatioPer30Days)).toBe('1.04');
    expect(formatRatioCi(three.ci95)).toMatch(/^95% CI 0\.9\d+–1\.\d*[1-9]$/);
  });

  it('the terminal line names the scaling only when φ̂ > 1 applied it', () => {
    const line = (name: string) => {
      const { first, counts } = readDaily(name);
      const last = new Date(Date.parse(`${first}T00:00:00Z`) + (counts.length - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const own = [first, last].map((d) => ev({ at: `${d}T08:00:00Z`, incident: false, role: 'victim' }));
      const r = ReportSchema.parse(report([...own, ...daily(first, counts)]));
      const text = escalationText(r, { chalk: new Chalk({ level: 0 }), width: 120 }).join('\n');
      return text.split('\n').find((l) => l.startsWith('Trend'))!;
    };
    expect(line('sparse-90d')).toMatch(/\[Poisson regression, φ̂ = 0\.99\]$/);
    expect(line('overdispersed-365d')).toMatch(/\[Poisson regression, SE scaled by √φ̂, φ̂ = 4\.4\]$/);
  });

  it('gives a φ̂ just above 1 with the decimals that show it is above 1, beside "vary more"', () => {
    // "φ̂ = 1.0" beside "vary more than independent contacts would" read as a contradiction.
    expect(['1.02', '1.004', '4.4', '1.1', '1.000001'].map(Number).map(phiAboveOne)).toEqual([
      '1.02',
      '1.004',
      '4.4',
      '1.1',
      '1.000001',
    ]);
  });
});

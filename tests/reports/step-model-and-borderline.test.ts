/**
 * The figures allowing for overdispersion and the note on chance beside a before/after comparison, on cases where
 * the reports said something untrue or contradictory:
 * - a timed milestone that cuts a day with contacts before it (fixtures/cut-day-milestone-separation): the step
 *   model leaves that day out, so its whole days before the arrest have none, and every format said "not computable,
 *   as one side has no contacts" beside "based on 6 contacts before";
 * - no contact before a milestone and steady counts after it (fixtures/separation-steady-after): "not computable"
 *   was said because the trend model was overdispersed, while every other figure allowing for overdispersion needs
 *   the step model's own φ̂ > 1 (here 0);
 * - an exact p below 0.05 whose interval includes 1 (fixtures/borderline-exact-p, R's poisson.test in
 *   fixtures/stats-milestones/borderline-p.ref.json): "p = 0.031" stood beside "the data cannot tell this difference
 *   from no change".
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BORDERLINE_HIGH_P,
  BORDERLINE_LOW_P,
  COULD_BE_CHANCE,
  chanceWords,
  exactDisagreement,
  NOT_COMPUTABLE,
  NOT_COMPUTABLE_WHOLE_DAYS,
} from '../../src/model/escalation-words.js';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

type Case = { r: Report; out: Record<string, string>; findings: string[] };

async function caseOf(dir: string): Promise<Case> {
  const r = await reportOf([dir]);
  return { r, out: renderAll(r), findings: r.escalation!.findings };
}

const READ = ['text', 'markdown', 'html'] as const;
const html = (s: string) => s.replaceAll("'", '&#39;');

describe('a timed arrest that cuts a day with contacts before it (cut-day-milestone-separation)', () => {
  let c: Case;
  beforeAll(async () => {
    c = await caseOf('fixtures/cut-day-milestone-separation');
  });

  it('counts the morning texts before the arrest, and the step model, which leaves that day out, has none', () => {
    const m = c.r.escalation!.milestones[0]!;
    expect(m.before).toMatchObject({ count: 6, to: '2024-03-29' });
    expect(m.before.days).toBeCloseTo(28.604167, 5);
    expect(m.after.count).toBe(59);
    expect(m.overdispersed).toMatchObject({ ci95: [null, null], p: null, shownAs: 'not-computable' });
    expect(m.overdispersed!.phi).toBeGreaterThan(1);
  });

  it('says why in every format, never "as one side has no contacts" beside 6 contacts before', () => {
    const said = `allowing for overdispersion ${NOT_COMPUTABLE_WHOLE_DAYS}`;
    expect(NOT_COMPUTABLE_WHOLE_DAYS).toBe(
      'not computable, as the step model leaves out a day that a time cuts and its whole days on one side have no contacts',
    );
    const text = c.out['text']!.split('\n');
    expect(text.find((l) => l.startsWith('Milestones'))).toBe(
      `Milestones  2024-03-29 14:30 Arrested: 0.21 → 2.2 a day (6 in 28.6 d, 59 in 27.4 d); RR 10 (95% CI 4.4–29, p < 0.001; ${said})  [exact conditional Poisson test]; 59 contacts from then on`,
    );
    expect(c.out['markdown']).toContain(`| 10 (95% CI 4.4–29) | p < 0.001 | ${NOT_COMPUTABLE_WHOLE_DAYS} |`);
    expect(c.out['html']).toContain(
      html(
        `Rate ratio, after ÷ before, <strong>10</strong> (95% CI 4.4–29; exact conditional Poisson test, p &#60; 0.001). Allowing for overdispersion: ${NOT_COMPUTABLE_WHOLE_DAYS}.`,
      ),
    );
    expect(c.findings).toContain(
      `After the milestone “Arrested” on 29 March 2024 at 14:30 the rate rose: 2.2 contacts a day from 29 March to 25 April 2024, against 0.21 a day from 1 to 29 March 2024 (rate ratio 10, 95% CI 4.4–29; exact conditional Poisson test p < 0.001; allowing for overdispersion, ${NOT_COMPUTABLE_WHOLE_DAYS}; based on 6 contacts before and 59 after).`,
    );
    for (const id of READ) {
      // The milestone is never said to have a side with no contacts…
      expect(c.out[id]).not.toMatch(/14:30[^\n]*as one side has no contacts/);
    }
  });

  it('still says "as one side has no contacts" for the first 28 days, which have none', () => {
    const h = c.r.escalation!.headline.rateNowVsStart;
    expect(h.before.count).toBe(0);
    expect(c.out['text']!.split('\n').find((l) => l.startsWith('First/last'))).toContain(
      `p < 0.001; allowing for overdispersion ${NOT_COMPUTABLE})`,
    );
  });
});

describe('no contact before a release and steady counts after it (separation-steady-after)', () => {
  let c: Case;
  beforeAll(async () => {
    c = await caseOf('fixtures/separation-steady-after');
  });

  it('gives no figures allowing for overdispersion: the step model has φ̂ 0, though the trend model is overdispersed', () => {
    const e = c.r.escalation!;
    expect(e.dispersion.overdispersed).toBe(true);
    const m = e.milestones[0]!;
    expect(m.before.count).toBe(0);
    expect(m.after.count).toBe(56);
    expect(m.rateRatio).toBeNull();
    expect(m.overdispersed).toBeNull();
    for (const id of READ) {
      expect(c.out[id]).not.toContain(NOT_COMPUTABLE);
      expect(c.out[id]).not.toContain('allowing for overdispersion not computable');
    }
    expect(c.out['text']!.split('\n').find((l) => l.startsWith('Milestones'))).toBe(
      'Milestones  2024-03-29 Released from custody: 0 → 2.0 a day (0 in 58 d, 56 in 28 d); RR ∞ (95% CI at least 30, p < 0.001)  [exact conditional Poisson test]; 56 contacts from then on',
    );
  });
});

describe('an exact p below 0.05 whose interval includes 1 (borderline-exact-p)', () => {
  // biome-ignore lint/suspicious/noExplicitAny: R's JSON, read field by field
  const ref: any = JSON.parse(
    readFileSync('fixtures/stats-milestones/borderline-p.ref.json', 'utf8'),
  ).warning;
  let c: Case;
  beforeAll(async () => {
    c = await caseOf('fixtures/borderline-exact-p');
  });

  it("has R's poisson.test figures: p below 0.05, interval from just below 1", () => {
    const m = c.r.escalation!.milestones[0]!;
    expect(m.before).toMatchObject({ count: ref.x_before, days: ref.T_before });
    expect(m.after).toMatchObject({ count: ref.x_after, days: ref.T_after });
    expect(m.rateRatio).toBeCloseTo(ref.rate_ratio, 12);
    expect(Math.abs(m.p! - ref.p)).toBeLessThanOrEqual(1e-12 * ref.p);
    expect(Math.abs(m.ci95[0]! - ref.ci[0])).toBeLessThanOrEqual(1e-10 * ref.ci[0]);
    expect(Math.abs(m.ci95[1]! - ref.ci[1])).toBeLessThanOrEqual(1e-10 * ref.ci[1]);
    expect(ref.p).toBeLessThan(0.05);
    expect(ref.ci[0]).toBeLessThan(1);
    expect(exactDisagreement(m)).toBe('low-p');
  });

  it('is called borderline in every format, never "p = 0.031" beside "cannot tell this difference from no change"', () => {
    expect(c.out['text']!.split('\n').find((l) => l.startsWith('Milestones'))).toBe(
      `Milestones  2024-02-01 Police warning issued: 0.032 → 0.25 a day (1 in 31 d, 7 in 28 d); RR 7.8 (95% CI 0.996–349, p = 0.031); ${BORDERLINE_LOW_P}  [exact conditional Poisson test]; 7 contacts from then on`,
    );
    expect(c.out['markdown']).toContain(
      `| 7.8 (95% CI 0.996–349) | p = 0.031 | – | rate ratio 7.8 (95% CI 0.996–349), p = 0.031; ${BORDERLINE_LOW_P} |`,
    );
    expect(c.out['html']).toContain(
      'Rate ratio, after ÷ before, <strong>7.8</strong> (95% CI 0.996–349; exact conditional Poisson test, p = 0.031). The exact test gives p below 0.05, but its 95% interval just includes 1: a borderline result, which the data cannot clearly tell from no change.',
    );
    expect(c.findings).toContain(
      `After the milestone “Police warning issued” on 1 February 2024 the rate was 0.25 contacts a day from 1 to 28 February 2024, against 0.032 a day from 1 to 31 January 2024 (rate ratio 7.8, 95% CI 0.996–349; exact conditional Poisson test p = 0.031; based on 1 contact before and 7 after; ${BORDERLINE_LOW_P}).`,
    );
    for (const id of READ) expect(c.out[id]).not.toMatch(/p = 0\.031[^\n]*cannot tell this difference/);
    // The latest rate against the first (1 in the first 28 days, 7 in the last 28) agrees with itself: p 0.070.
    expect(c.out['text']!.split('\n').find((l) => l.startsWith('First/last'))).toBe(
      `First/last  0.036 → 0.25 a day: RR 7.0 (95% CI 0.90–315, p = 0.070); ${COULD_BE_CHANCE}  [exact conditional Poisson test]`,
    );
  });

  it('is described in the methods of the Markdown and HTML reports', () => {
    for (const id of ['markdown', 'html'])
      expect(c.out[id]).toContain(
        'is said to be a borderline result, which the data cannot clearly tell from no change',
      );
  });

  it('says it the other way round when the interval excludes 1 but p is not below 0.05, and nothing when both agree', () => {
    const base = { rateRatio: 3, overdispersed: null };
    expect(chanceWords({ ...base, ci95: [1.01, 9], p: 0.052 })).toBe(BORDERLINE_HIGH_P);
    expect(chanceWords({ ...base, ci95: [1.01, 9], p: 0.04 })).toBeNull();
    expect(chanceWords({ ...base, ci95: [0.99, 9], p: 0.06 })).toBe(COULD_BE_CHANCE);
    expect(chanceWords({ ...base, ci95: [0.99, 9], p: 0.04 })).toBe(BORDERLINE_LOW_P);
    // An interval allowing for overdispersion that includes 1 is chance whatever the exact p.
    const od = { phi: 3, ci95: [0.8, 12] as [number, number], p: 0.2 };
    expect(chanceWords({ ...base, ci95: [1.01, 9], p: 0.052, overdispersed: od })).toBe(COULD_BE_CHANCE);
  });
});

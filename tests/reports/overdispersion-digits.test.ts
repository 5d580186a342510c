/**
 * The interval allowing for overdispersion never reads as the exact interval beside it does. Both are written to two
 * significant digits, so a quasi-Poisson interval a little wider than the exact one (φ̂ close to 1) printed the same:
 * "95% CI 1.6–3.6; … allowing for overdispersion, 95% CI 1.6–3.6", as if nothing had been allowed for. Where they
 * would read alike it is written with more digits, beside the exact interval to as many (`formatRatioCiApart`), in the
 * findings (and so the JSON) and in the text, Markdown and HTML reports, for the wider limits at each end (`hull`,
 * fixtures/overdispersion-digits) and for the quasi-Poisson interval as it is (`quasi`,
 * fixtures/overdispersion-interval/wider). The figures are R's (scripts/stats-goldens/overdispersion-digits.R).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowingForOverdispersion } from '../../src/model/escalation-words.js';
import { formatRatioCi, formatRatioCiApart } from '../../src/model/format.js';
import type { Report } from '../../src/model/index.js';
import { close, closeP, type Golden } from '../analysis/stats/helpers.js';
import { renderAll, reportOf } from '../helpers/report.js';

// biome-ignore lint/suspicious/noExplicitAny: R's JSON, read field by field
const ref: any = JSON.parse(readFileSync('fixtures/stats-milestones/overdispersion-digits.ref.json', 'utf8'));

/** The one line of the text report that starts with `label`. */
const lineOf = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label)) ?? '';

type Milestone = NonNullable<Report['escalation']>['milestones'][number];

/** The milestone's exact test and quasi-Poisson step model against R's (statistics.md §7.4 tolerances). */
function matchesR(m: Milestone, want: Golden) {
  expect(m.before).toMatchObject({ count: want.exact.x_before, days: want.exact.T_before });
  expect(m.after).toMatchObject({ count: want.exact.x_after, days: want.exact.T_after });
  close(m.rateRatio, want.exact.rate_ratio, 1e-12, 'rate ratio');
  close(m.ci95[0], want.exact.ci[0], 1e-10, 'exact lower');
  close(m.ci95[1], want.exact.ci[1], 1e-10, 'exact upper');
  closeP(m.p, want.exact.p, 1e-9, 'exact p');
  const q = m.overdispersed!;
  // R's summary.glm takes φ̂ from the working residuals of its last IRLS step, 1.5e-7 from the Pearson φ̂ of the
  // fitted means: within §7.4's 1e-6 for φ̂ and 1e-5 for the quasi-Poisson interval (and its p).
  close(q.phi, want.quasi.phi, 1e-6, 'φ̂');
  close(q.ci95[0], want.quasi.ci[0], 1e-5, 'quasi lower');
  close(q.ci95[1], want.quasi.ci[1], 1e-5, 'quasi upper');
  closeP(q.p, want.quasi.p, 1e-5, 'quasi p');
}

describe('formatRatioCiApart', () => {
  it("writes R's two intervals to two significant digits when they read differently", () => {
    // fixtures/overdispersion-interval/one-end: the quasi-Poisson lower limit 1.736 against the exact 1.759.
    expect(formatRatioCiApart([1.736, 3.901], [1.759, 3.901])).toEqual({
      shown: '95% CI 1.7–3.9',
      other: null,
    });
  });

  it("adds digits at each end, the same for both, until R's intervals read apart", () => {
    const h = ref.hull;
    const hull: [number, number] = [h.quasi.ci[0], h.exact.ci[1]];
    expect(formatRatioCi(hull)).toBe(formatRatioCi(h.exact.ci));
    expect(formatRatioCiApart(hull, h.exact.ci)).toEqual({ shown: '95% CI 1.58–3.63', other: '1.60–3.63' });
    const q = ref.quasi;
    expect(formatRatioCi(q.quasi.ci)).toBe(formatRatioCi(q.exact.ci));
    expect(formatRatioCiApart(q.quasi.ci, q.exact.ci)).toEqual({
      shown: '95% CI 1.61–3.52',
      other: '1.64–3.50',
    });
  });

  it('keeps the decimals a ratio near 1 is written with, and an unbounded upper limit', () => {
    expect(formatRatioCiApart([1.0412, 1.0794], [1.0438, 1.0791])).toEqual({
      shown: '95% CI 1.041–1.079',
      other: '1.044–1.079',
    });
    // 2.7961 and 2.8049 read 2.8, and 2.80 with one decimal more: two more part them.
    expect(formatRatioCiApart([2.7961, null], [2.8049, null])).toEqual({
      shown: '95% CI at least 2.796',
      other: 'at least 2.805',
    });
    expect(formatRatioCiApart([15_327.6, 15_900], [15_328.4, 15_900])).toEqual({
      shown: '95% CI 15,327.6–15,900.0',
      other: '15,328.4–15,900.0',
    });
  });

  it('parts intervals whose ends read as one number written two ways ("1.10" beside "1.1")', () => {
    // formatRatio writes 1.0996 as "1.10" (two decimals near 1) and 1.1004 as "1.1": the same number to a reader.
    // Both ends take as many decimals more as part them, from the most either was given: 1.0996 against 1.1004.
    expect(formatRatioCiApart([1.0996, 3.6], [1.1004, 3.6])).toEqual({
      shown: '95% CI 1.0996–3.600',
      other: '1.1004–3.600',
    });
  });

  it('writes once, as it is, an interval no handful of digits can part from the other, or with an infinite end', () => {
    expect(formatRatioCiApart([1.6, 3.63], [1.6, 3.63])).toEqual({ shown: '95% CI 1.6–3.6', other: null });
    expect(formatRatioCiApart([1.6 + 1e-13, 3.63], [1.6, 3.63])).toEqual({
      shown: '95% CI 1.6–3.6',
      other: null,
    });
    expect(formatRatioCiApart([1.6, Number.POSITIVE_INFINITY], [1.6, 3.63]).other).toBeNull();
  });
});

describe('the wider limit at each end, reading as the exact interval to two digits (overdispersion-digits)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/overdispersion-digits']);
    out = renderAll(r);
  });

  it("has R's figures, and gives the wider limit at each end: the quasi-Poisson lower and the exact upper", () => {
    const m = r.escalation!.milestones[0]!;
    matchesR(m, ref.hull);
    const q = m.overdispersed!;
    expect(q.ci95[0]!).toBeLessThan(m.ci95[0]!);
    expect(q.ci95[1]!).toBeLessThan(m.ci95[1]!);
    expect(q.shownAs).toBe('hull');
    expect(allowingForOverdispersion(m)).toMatchObject({ kind: 'hull', ci95: [q.ci95[0], m.ci95[1]] });
    // To two significant digits the two intervals are the same.
    expect(formatRatioCi([q.ci95[0], m.ci95[1]])).toBe('95% CI 1.6–3.6');
    expect(formatRatioCi(m.ci95)).toBe('95% CI 1.6–3.6');
  });

  const WIDER = '95% CI 1.58–3.63 against the exact 1.60–3.63 to as many digits';

  it('writes it with more digits, beside the exact interval to as many, in the findings', () => {
    expect(r.escalation!.findings).toContain(
      `After the milestone “Police warning issued” on 29 March 2024 the rate rose: 3.1 contacts a day from 29 March to 25 April 2024, against 1.3 a day from 1 to 28 March 2024 (rate ratio 2.4, 95% CI 1.6–3.6; exact conditional Poisson test p < 0.001; allowing for overdispersion, ${WIDER}, taking the wider limit at each end of the exact interval and the quasi-Poisson one).`,
    );
    expect(r.escalation!.findings.filter((f) => f.includes(WIDER))).toHaveLength(2);
  });

  it('writes it so in the text, Markdown and HTML reports alike', () => {
    expect(lineOf(out['text']!, 'Milestones')).toBe(
      `Milestones  2024-03-29 Police warning issued: 1.3 → 3.1 a day (36 in 28 d, 86 in 28 d); RR 2.4 (95% CI 1.6–3.6, p < 0.001; allowing for overdispersion ${WIDER}, p < 0.001, the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p)  [exact conditional Poisson test]; 86 contacts from then on`,
    );
    expect(out['markdown']).toContain(
      `| 2.4 (95% CI 1.6–3.6) | p < 0.001 | ${WIDER}, p < 0.001 (the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p; quasi-Poisson step model, φ̂ = 1.1 from the daily counts of the days compared) |`,
    );
    expect(out['html']).toContain(
      `Rate ratio, after ÷ before, <strong>2.4</strong> (95% CI 1.6–3.6; exact conditional Poisson test, p &#60; 0.001). Allowing for overdispersion (the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p; quasi-Poisson step model, φ̂ = 1.1 from the daily counts of the days compared): ${WIDER}, p &#60; 0.001.`,
    );
    // The summary tile of the latest rate against the first.
    expect(out['html']).toContain(
      `rate ratio 2.4 (95% confidence interval (CI) 1.6–3.6, exact test p &#60; 0.001; allowing for overdispersion ${WIDER}, p &#60; 0.001, the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p)`,
    );
    for (const id of ['text', 'markdown', 'html', 'json'])
      expect(out[id], id).not.toMatch(/allowing for overdispersion,? 95% CI 1\.6–3\.6/i);
  });

  it('says so in the methods', () => {
    const m = r.escalation!.methods.find(
      (x) => x.name === 'Before and after a milestone or the first request to stop',
    )!;
    expect(m.description).toContain(
      'Where the interval allowing for overdispersion would read, to the digits the reports give, as the exact interval does, it is written with more digits, beside the exact interval to as many (1.58–3.63 against the exact 1.60–3.63, both 1.6–3.6 to two digits).',
    );
  });
});

describe('the quasi-Poisson interval as it is, reading as the exact interval to two digits (overdispersion-interval/wider)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/overdispersion-interval/wider']);
    out = renderAll(r);
  });

  it("has R's figures, wider than the exact interval at both ends", () => {
    const m = r.escalation!.milestones[0]!;
    matchesR(m, ref.quasi);
    expect(m.overdispersed!.shownAs).toBe('quasi');
    expect(formatRatioCi(m.overdispersed!.ci95)).toBe(formatRatioCi(m.ci95));
  });

  it('writes it with more digits in every format', () => {
    const WIDER = '95% CI 1.61–3.52 against the exact 1.64–3.50 to as many digits';
    expect(r.escalation!.findings).toContain(
      `After the milestone “Police warning issued” on 29 March 2024 the rate rose: 3.6 contacts a day from 29 March to 25 April 2024, against 1.5 a day from 1 to 28 March 2024 (rate ratio 2.4, 95% CI 1.6–3.5; exact conditional Poisson test p < 0.001; allowing for overdispersion, ${WIDER}).`,
    );
    expect(lineOf(out['text']!, 'Milestones')).toContain(
      `RR 2.4 (95% CI 1.6–3.5, p < 0.001; quasi ${WIDER}, p < 0.001)`,
    );
    expect(out['markdown']).toContain(
      `| ${WIDER}, p < 0.001 (quasi-Poisson step model, φ̂ = 1.2 from the daily counts of the days compared) |`,
    );
    expect(out['html']).toContain(
      `Allowing for overdispersion (quasi-Poisson step model, φ̂ = 1.2 from the daily counts of the days compared): ${WIDER}, p &#60; 0.001.`,
    );
    for (const id of ['text', 'markdown', 'html', 'json'])
      expect(out[id], id).not.toMatch(/(allowing for overdispersion,?|quasi) 95% CI 1\.6–3\.5/i);
  });
});

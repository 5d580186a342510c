/**
 * Properties that must hold for any input, checked with fast-check: intervals contain their estimates,
 * p-values lie in [0, 1], quantiles invert their distribution functions, the fast paths equal the slow ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betaQuantile,
  betaTails,
  binomialTest,
  countInversions,
  gammaQuantile,
  gammaTails,
  mannKendall,
  normalCdf,
  normalQuantile,
  pairSlopeSelector,
  peltPoisson,
  poissonRate,
  poissonTrend,
  rateRatioTest,
  roundHalfEven,
  senSlope,
} from '../../../src/analysis/stats/index.js';
import { expectWellDefined } from './helpers.js';

/** Gap-like reals such as 0.0272 h: doubles of ordinary size (subnormals would only test rounding at 5e-324). */
const hours = fc.integer({ min: -500_000, max: 500_000 }).map((v) => v / 9973);

/** Daily counts as harassment logs look: mostly small, many zeros, the odd burst. */
const counts = fc.array(
  fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 })),
  {
    maxLength: 80,
  },
);
const contains = (ci: readonly (number | null)[], x: number) =>
  (ci[0] ?? Number.NEGATIVE_INFINITY) <= x * (1 + 1e-12) &&
  x <= (ci[1] ?? Number.POSITIVE_INFINITY) * (1 + 1e-12);

describe('intervals and p-values', () => {
  it('the Garwood interval contains the rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 5000 }), (n, t) => {
        const r = poissonRate(n, t);
        expect(contains(r.perDay.ci, r.perDay.rate!)).toBe(true);
      }),
    );
  });
  it('binomial test: p in [0, 1], Clopper–Pearson contains x/n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.nat(),
        (n, p, k) => {
          const x = k % (n + 1);
          const r = binomialTest(x, n, p);
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
          expect(contains(r.ci, x / n)).toBe(true);
        },
      ),
    );
  });
  it('rate-ratio test: interval contains the ratio, p in [0, 1]', () => {
    const side = fc.record({
      count: fc.integer({ min: 0, max: 2000 }),
      days: fc.integer({ min: 1, max: 400 }),
    });
    fc.assert(
      fc.property(side, side, (a, b) => {
        const r = rateRatioTest({
          countAfter: a.count,
          daysAfter: a.days,
          countBefore: b.count,
          daysBefore: b.days,
        });
        expectWellDefined(r);
        expect(r.pExact >= 0 && r.pExact <= 1 && r.pMidp >= 0 && r.pMidp <= 1).toBe(true);
        if (r.rateRatio !== null) expect(contains(r.ci, r.rateRatio)).toBe(true);
      }),
    );
  });
  it('Mann–Kendall: p in [0, 1], reversing the series negates S', () => {
    fc.assert(
      fc.property(counts, (x) => {
        const m = mannKendall(x);
        expect(m.p >= 0 && m.p <= 1).toBe(true);
        expect(mannKendall([...x].reverse()).S + m.S).toBe(0);
      }),
    );
  });
  it('Sen: selection without storing equals the stored path, and the interval contains the slope', () => {
    const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), hours), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(values, (x) => {
        const a = senSlope(x);
        const b = senSlope(x, { maxStoredPairs: 0 });
        expect(b.ciRanks).toEqual(a.ciRanks);
        for (const [u, v] of [[a.slope, b.slope], ...a.ci.map((c, i) => [c, b.ci[i]])] as [
          number,
          number,
        ][]) {
          if (u === null) expect(v).toBeNull();
          else expect(Math.abs(u - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(u)));
        }
        if (a.slope !== null) expect(contains(a.ci, a.slope)).toBe(true);
      }),
    );
  });
  it('Sen (stored): the slope and bounds are exactly the ranked values of all pair slopes, sorted', () => {
    // Many ties (small counts) and long series, where the stored path selects ranks rather than sorting.
    const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), hours), {
      minLength: 2,
      maxLength: 300,
    });
    fc.assert(
      fc.property(values, (x) => {
        const sorted: number[] = [];
        for (let i = 0; i < x.length; i++)
          for (let j = i + 1; j < x.length; j++) sorted.push((x[j]! - x[i]!) / (j - i));
        sorted.sort((a, b) => a - b);
        const s = senSlope(x);
        const kth = (k: number) => sorted[k - 1]!;
        const h = Math.floor(sorted.length / 2);
        expect(s.slope).toBe(sorted.length % 2 === 1 ? kth(h + 1) : (kth(h) + kth(h + 1)) / 2);
        const [lo, hi] = s.ciRanks!;
        expect(s.ci).toEqual([
          lo >= 1 && lo <= sorted.length ? kth(lo) : null,
          hi >= 1 && hi <= sorted.length ? kth(hi) : null,
        ]);
      }),
      { numRuns: 200 },
    );
  });
  it('Poisson trend: well defined; the quasi interval contains the ratio and is never narrower', () => {
    fc.assert(
      fc.property(counts, (x) => {
        const t = poissonTrend(x);
        expectWellDefined(t);
        if (t.rateRatio === null || t.quasi.ci[0] === null || t.poisson.ci[0] === null) return;
        expect(contains(t.quasi.ci, t.rateRatio)).toBe(true);
        expect(t.quasi.ci[0]).toBeLessThanOrEqual(t.poisson.ci[0] * (1 + 1e-12));
      }),
      { numRuns: 200 },
    );
  });
});

describe('pairwise slope selection', () => {
  it('the k-th slope equals the sorted list, even when only a few pairs may be held at once', () => {
    const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), hours), {
      minLength: 2,
      maxLength: 40,
    });
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 8 }), fc.nat(), (x, limit, r) => {
        const all: number[] = [];
        for (let i = 0; i < x.length; i++)
          for (let j = i + 1; j < x.length; j++) all.push((x[j]! - x[i]!) / (j - i));
        all.sort((a, b) => a - b);
        const k = 1 + (r % all.length);
        const got = pairSlopeSelector(x, limit)(k);
        expect(Math.abs(got - all[k - 1]!)).toBeLessThanOrEqual(1e-13 * Math.abs(all[k - 1]!));
      }),
      { numRuns: 300 },
    );
  });
});

describe('PELT', () => {
  it('segments partition the series and never cost more than no change', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 4 }), (x, m) => {
        const r = peltPoisson(x, { minSegmentLength: m, penalty: 'BIC' });
        expect(r.segments.reduce((s, g) => s + g.days, 0)).toBe(x.length);
        expect(r.segments.reduce((s, g) => s + g.count, 0)).toBe(x.reduce((s, v) => s + v, 0));
        expect(r.segments.every((g) => g.days >= m || r.segments.length === 1)).toBe(true);
        // With minseglen 1 PELT is exact, so it never costs more than no change at all. (With m ≥ 2 it can, as in
        // changepoint 2.3: pruning by a split that the minimum length then forbids, e.g. 5,0,0,0,2 with m = 2.)
        const whole = x.reduce((s, v) => s + v, 0);
        const single = whole === 0 ? 0 : 2 * whole * (Math.log(x.length) - Math.log(whole));
        if (x.length > 0) {
          const exact = peltPoisson(x, { minSegmentLength: 1, penalty: 'BIC' });
          expect(exact.objective).toBeLessThanOrEqual(single + 1e-9);
        }
      }),
    );
  });
});

describe('special functions', () => {
  it('gamma quantile inverts P', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 50_000, noNaN: true }),
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        (a, p) => {
          const x = gammaQuantile(p, a);
          const { logP, logQ } = gammaTails(a, x);
          const got = p <= 0.5 ? Math.exp(logP) : -Math.expm1(logQ);
          expect(Math.abs(got - p)).toBeLessThanOrEqual(1e-11 * Math.min(p, 1 - p) + 1e-15);
        },
      ),
    );
  });
  it('beta quantile inverts I', () => {
    const shape = fc.double({ min: 0.2, max: 20_000, noNaN: true });
    fc.assert(
      fc.property(shape, shape, fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), (a, b, p) => {
        const x = betaQuantile(p, a, b);
        // Either I inverts to 1e-9, or the quantile is within 8 ulps of the root: near 1 (U-shaped small shapes)
        // the spacing of doubles, not the solver, limits how close I(x) can get to p.
        const step = 8 * Number.EPSILON * x;
        const target = Math.min(p, 1 - p);
        const tail = (v: number) => (p <= 0.5 ? betaTails(v, a, b).lower : betaTails(v, a, b).upper);
        const [t0, t1] = [tail(x - step), tail(Math.min(1, x + step))];
        const got = tail(x);
        const ok =
          Math.abs(got - target) <= 1e-9 * target ||
          (Math.min(t0, t1) <= target && target <= Math.max(t0, t1));
        expect(ok, `I(${x}; ${a}, ${b}) = ${got}, want ${p}`).toBe(true);
      }),
    );
  });
  it('normal quantile inverts Φ', () => {
    fc.assert(
      // Above z ≈ 3, Φ(z) rounds to a double near 1 and z cannot be recovered from it (by anyone).
      fc.property(fc.double({ min: -37, max: 3, noNaN: true }), (z) => {
        expect(Math.abs(normalQuantile(normalCdf(z)) - z)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(z)),
        );
      }),
    );
  });
  it('inversion counting equals the brute-force count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 50 }), fc.boolean(), (x, orEqual) => {
        let brute = 0;
        for (let i = 0; i < x.length; i++)
          for (let j = i + 1; j < x.length; j++) if (orEqual ? x[i]! >= x[j]! : x[i]! > x[j]!) brute++;
        expect(countInversions(x, orEqual)).toBe(brute);
      }),
    );
  });
  it('rounds halves to even, like R', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6].map(roundHalfEven)).toEqual([
      0, 2, 2, -0, -2, -2, 2, 3,
    ]);
  });
});

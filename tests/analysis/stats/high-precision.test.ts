/**
 * Against 50-digit mpmath values (scripts/stats-goldens/high-precision.py) where R's double-precision answer is
 * itself a few 1e-12 off: far gamma and beta tails, normal tails near underflow, and a steep Poisson fit.
 */
import { describe, expect, it } from 'vitest';
import {
  betaTails,
  binomialUpper,
  gammaQ,
  normalCdf,
  poissonTrend,
} from '../../../src/analysis/stats/index.js';
import type { Golden } from './helpers.js';
import { close, closeAll, readJson } from './helpers.js';

const hp = readJson('high-precision.json');

describe('50-digit references', () => {
  it.each(hp.gamma_q as Golden[])('Q($a, $x)', ({ a, x, Q }) => close(gammaQ(a, x), Q, 1e-13));
  it.each(hp.beta_lower as Golden[])('I_$x($a, $b)', ({ x, a, b, I }) =>
    close(betaTails(x, a, b).lower, I, 1e-13),
  );
  it.each(hp.binom_upper as Golden[])('P(X ≥ $k), n = $n', ({ k, n, p, upper }) =>
    close(binomialUpper(k, n, p), upper, 1e-13),
  );
  it.each(hp.normal_lower as Golden[])('Φ($z)', ({ z, lower }) => close(normalCdf(z), lower, 1e-13));

  it('the Poisson trend on the steep zero-before series is at the exact MLE', () => {
    const want = hp.poisson_trend_zero_before;
    const t = poissonTrend(want.counts);
    close(t.beta, want.beta_per_day, 1e-13, 'beta');
    close(t.poisson.se, want.se, 1e-12, 'SE');
    close(t.rateRatio, want.rr_per_30d, 1e-12, 'RR30');
    closeAll(t.poisson.ci, want.ci_wald, 1e-12, 'CI');
    // …where R's golden SE, from the previous iterate's weights, is 2e-7 off.
    const r = readJson('zero-before.ref.json').poisson_glm;
    expect(Math.abs(r.se - want.se) / want.se).toBeGreaterThan(1e-7);
  });
});

#!/usr/bin/env python3
"""high-precision.py -- 50-digit reference values (mpmath) for the places where R's own double-precision answer is
not accurate enough to test against: far tails of the incomplete gamma and beta with large parameters, the normal
tail near the underflow limit, and the Poisson regression on the steep 9-day zero-before series, where R's SE comes
from the weights of its previous iterate. The tests hold src/analysis/stats to 1e-13 against these.

Usage (from the repository root):  python3 scripts/stats-goldens/high-precision.py > fixtures/stats/high-precision.json
Needs python3 with mpmath (pip/Debian python3-mpmath); nothing else.
"""
import json

import mpmath as mp

mp.mp.dps = 50


def num(x):
    return float(x)


def gamma_q(a, x):
    return mp.gammainc(mp.mpf(a), mp.mpf(x), mp.inf, regularized=True)


def beta_lower(x, a, b):
    # I_x(a, b) by direct quadrature of the density: robust where mpmath's hypergeometric route gives up
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    return mp.quad(lambda t: t ** (a - 1) * (1 - t) ** (b - 1), [0, x]) / mp.beta(a, b)


def binom_upper(k, n, p):
    # P(X >= k), exact sum of the point probabilities
    p = mp.mpf(p)
    return mp.fsum(mp.binomial(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1))


gamma_points = [(1e5, 110000), (1e5, 109486.832980505), (2210, 2351.03191128252), (5000, 5424.26406871193),
                (10, 104.868329805051), (182, 806.1), (0.5, 700)]
beta_points = [(0.999746853967023, 100, 1), (0.3, 2.5, 7), (0.05, 30, 40)]
binom_points = [(305, 426, 1 / 3), (24, 28, 0.5), (40, 50, 0.2)]
normal_points = [-37.5, -30, -20, -9.075, -5]


def zero_before_fit():
    y = [0, 0, 0, 0, 0, 1, 3, 2, 4]
    t = [mp.mpf(i) for i in range(len(y))]
    b0, b1 = mp.log(mp.mpf(sum(y)) / len(y)), mp.mpf(0)
    for _ in range(200):
        mu = [mp.e ** (b0 + b1 * ti) for ti in t]
        g0 = mp.fsum(yi - m for yi, m in zip(y, mu))
        g1 = mp.fsum(ti * (yi - m) for ti, yi, m in zip(t, y, mu))
        s0, s1, s2 = mp.fsum(mu), mp.fsum(ti * m for ti, m in zip(t, mu)), mp.fsum(ti * ti * m for ti, m in zip(t, mu))
        det = s0 * s2 - s1 * s1
        b0, b1 = b0 + (s2 * g0 - s1 * g1) / det, b1 + (-s1 * g0 + s0 * g1) / det
    mu = [mp.e ** (b0 + b1 * ti) for ti in t]
    s0, s1, s2 = mp.fsum(mu), mp.fsum(ti * m for ti, m in zip(t, mu)), mp.fsum(ti * ti * m for ti, m in zip(t, mu))
    se = mp.sqrt(s0 / (s0 * s2 - s1 * s1))
    z = mp.sqrt(2) * mp.erfinv(mp.mpf("0.95"))
    return {"counts": y, "beta_per_day": num(b1), "se": num(se), "rr_per_30d": num(mp.e ** (30 * b1)),
            "ci_wald": [num(mp.e ** (30 * (b1 - z * se))), num(mp.e ** (30 * (b1 + z * se)))]}


out = {
    "tool": "high-precision.py (mpmath %s, 50 digits)" % mp.__version__,
    "gamma_q": [{"a": a, "x": x, "Q": num(gamma_q(a, x))} for a, x in gamma_points],
    "beta_lower": [{"x": x, "a": a, "b": b, "I": num(beta_lower(x, a, b))} for x, a, b in beta_points],
    "binom_upper": [{"k": k, "n": n, "p": p, "upper": num(binom_upper(k, n, p))} for k, n, p in binom_points],
    "normal_lower": [{"z": z, "lower": num(mp.ncdf(z))} for z in normal_points],
    "poisson_trend_zero_before": zero_before_fit(),
}
print(json.dumps(out, indent=1))

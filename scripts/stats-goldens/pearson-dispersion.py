#!/usr/bin/env python3
"""pearson-dispersion.py -- scipy's upper-tail p of the Pearson chi-square of every series' Poisson trend model, for
the test of the dispersion finding (poissonTrend's pOverdispersed): the p that decides whether a report says the
daily counts vary more than independent contacts would.

It reads R's own Pearson chi-square and residual degrees of freedom from each committed NAME.ref.json (the
poisson_glm block ref_stats.R writes), so the statistic is R's and only the tail probability is scipy's:
scipy.stats.chi2.sf(X2, df), which is R's pchisq(X2, df, lower.tail = FALSE).

Usage (from the repository root):  python3 scripts/stats-goldens/pearson-dispersion.py > fixtures/stats/pearson-dispersion.json
Needs python3 with scipy (Debian python3-scipy); nothing else.
"""
import json
import os

import scipy
from scipy.stats import chi2

FIXTURES = "fixtures/stats"

with open(os.path.join(FIXTURES, "manifest.json")) as f:
    manifest = json.load(f)

out = {"tool": "scipy.stats.chi2.sf", "scipy_version": scipy.__version__, "series": {}}
for spec in manifest["series"]:
    name = spec["name"]
    with open(os.path.join(FIXTURES, f"{name}.ref.json")) as f:
        ref = json.load(f)
    g = ref.get("poisson_glm")
    if g is None or g.get("pearson_chi2") is None or not g.get("df_residual"):
        continue
    out["series"][name] = {
        "pearson_chi2": g["pearson_chi2"],
        "df": g["df_residual"],
        "p_overdispersed": float(chi2.sf(g["pearson_chi2"], g["df_residual"])),
    }

print(json.dumps(out, indent=2, sort_keys=True))

#!/usr/bin/env Rscript
# borderline-p.R -- R's exact rate-ratio test for tests/reports/step-model-and-borderline.test.ts
# (fixtures/borderline-exact-p): 1 contact in the 31 days before a police warning (1-31 January 2024) and 7 in the
# 28 days from it (1-28 February 2024). The two-sided p (R's rule) is below 0.05 while the Clopper-Pearson-based
# 95% interval just includes 1: the two are not the same test, and near 0.05 they can disagree.
#
# Usage (from the repository root):  Rscript scripts/stats-goldens/borderline-p.R
# Writes fixtures/stats-milestones/borderline-p.ref.json. Needs r-base-core and r-cran-jsonlite.

suppressPackageStartupMessages(library(jsonlite))
source("scripts/stats-goldens/rate-ratio-test.R")
out <- list(
  tool = "scripts/stats-goldens/borderline-p.R",
  r_version = R.version.string,
  warning = rate_ratio_test(7, 28, 1, 31)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null"),
           "fixtures/stats-milestones/borderline-p.ref.json")

#!/usr/bin/env Rscript
# infinite-ratio.R -- R's exact rate-ratio test for tests/analysis/escalation/infinite-ratio.test.ts: no contact in
# the 29 days before a milestone (1-29 January 2024), then 5 (`few`) or 20 (`many`) in the 30 days from it
# (30 January - 28 February 2024). The ratio is infinite and its 95% interval has a lower bound only: below 1 for
# `few` (p above 0.05), above 1 for `many`.
#
# Usage (from the repository root):  Rscript scripts/stats-goldens/infinite-ratio.R
# Writes fixtures/stats-milestones/infinite-ratio.ref.json (Inf written as null). Needs r-base-core and
# r-cran-jsonlite.

suppressPackageStartupMessages(library(jsonlite))
source("scripts/stats-goldens/rate-ratio-test.R")
out <- list(
  tool = "scripts/stats-goldens/infinite-ratio.R",
  r_version = R.version.string,
  few = rate_ratio_test(5, 30, 0, 29),
  many = rate_ratio_test(20, 30, 0, 29)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null"),
           "fixtures/stats-milestones/infinite-ratio.ref.json")

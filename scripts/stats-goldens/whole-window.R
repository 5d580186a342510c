#!/usr/bin/env Rscript
# whole-window.R -- R's exact rate-ratio test for the milestone comparisons of
# tests/analysis/escalation/whole-window.test.ts (its case: a phone backup of texts at 3 a day, then 4 a day from
# 20 March 2024, and a WhatsApp chat at 2 a day, 1 January to 30 April 2024; a warning on 15 February and an order
# on 20 March 2024). Both exports cover every day of the window, so every comparison has a rate ratio:
#   - the order over the whole window: 1 Jan - 19 Mar (79 days, 5 a day) against 20 Mar - 30 Apr (42 days, 6 a day);
#   - the order over its own sides: 15 Feb - 19 Mar (34 days, 5 a day) against 20 Mar - 30 Apr.
#
# Usage (from the repository root):  Rscript scripts/stats-goldens/whole-window.R
# Writes fixtures/stats-milestones/whole-window.ref.json. Needs r-base-core and r-cran-jsonlite.

suppressPackageStartupMessages(library(jsonlite))
source("scripts/stats-goldens/rate-ratio-test.R")
out <- list(
  tool = "scripts/stats-goldens/whole-window.R",
  r_version = R.version.string,
  order_whole_window = rate_ratio_test(42 * 6, 42, 79 * 5, 79),
  order_own_sides = rate_ratio_test(42 * 6, 42, 34 * 5, 34)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE),
           "fixtures/stats-milestones/whole-window.ref.json")

#!/usr/bin/env Rscript
# overdispersion-digits.R -- R's figures for tests/reports/overdispersion-digits.test.ts: the exact rate-ratio test
# (`poisson.test`) and the quasi-Poisson step model (`glm(family = quasipoisson)`, Wald interval with R's Pearson
# dispersion) of two fictional diaries, contacts before and after a police warning on 29 March 2024 (window 1 March
# to 25 April 2024, 28 days each side), whose interval allowing for overdispersion reads, to two significant
# digits, as the exact interval does:
#   - fixtures/overdispersion-digits (36 before, 86 after): the quasi-Poisson interval is wider at the lower end
#     only, so the reports give the wider limit at each end (`hull`);
#   - fixtures/overdispersion-interval/wider (42 before, 100 after): wider at both ends, given as it is (`quasi`).
# The fit uses glm.control(epsilon = 1e-12), as ref_stats.R does: R's default tolerance leaves the dispersion off by
# about 1e-7 relative (statistics.md §7.4).
# The daily counts are read from each diary.csv (one row per contact, ISO dates in the first column).
#
# Usage (from the repository root):  Rscript scripts/stats-goldens/overdispersion-digits.R
# Writes fixtures/stats-milestones/overdispersion-digits.ref.json. Needs r-base-core and r-cran-jsonlite.

suppressPackageStartupMessages(library(jsonlite))
source("scripts/stats-goldens/rate-ratio-test.R")

step <- function(dir) {
  rows <- read.csv(file.path(dir, "diary.csv"), stringsAsFactors = FALSE)
  days <- seq(as.Date("2024-03-01"), as.Date("2024-04-25"), by = "day")
  counts <- as.vector(table(factor(as.Date(rows[[1]]), levels = as.character(days))))
  after <- as.integer(days >= as.Date("2024-03-29"))
  fit <- glm(counts ~ after, family = quasipoisson, control = glm.control(epsilon = 1e-12, maxit = 100))
  s <- summary(fit)
  b <- unname(coef(fit)["after"])
  se <- s$coefficients["after", "Std. Error"]
  z <- qnorm(0.975)
  exact <- rate_ratio_test(sum(counts[after == 1]), 28, sum(counts[after == 0]), 28)
  list(
    dir = dir, daily = counts, exact = exact,
    quasi = list(phi = s$dispersion, rate_ratio = exp(b), ci = exp(b + c(-1, 1) * z * se),
                 p = 2 * pnorm(-abs(b / se)))
  )
}

out <- list(
  tool = "scripts/stats-goldens/overdispersion-digits.R",
  r_version = R.version.string,
  hull = step("fixtures/overdispersion-digits"),
  quasi = step("fixtures/overdispersion-interval/wider")
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE),
           "fixtures/stats-milestones/overdispersion-digits.ref.json")

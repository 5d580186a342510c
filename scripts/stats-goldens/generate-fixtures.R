#!/usr/bin/env Rscript
# generate-fixtures.R -- writes the daily (and event) series under fixtures/stats/ that the statistics tests use.
#
# Deterministic: every series comes from a fixed seed with base R's random number generator (R >= 3.6 defaults),
# so the same R version rewrites byte-identical files. The five series from "sparse" to "short" are drawn in the
# order of statistics.md section 7.2 after set.seed(7), and "step" with set.seed(20240501): they are the series that
# document quotes figures for, which lets the tests cross-check a few published numbers as well as the goldens.
#
# Usage (from the repository root):  Rscript scripts/stats-goldens/generate-fixtures.R [OUT_DIR]
# Needs only r-base-core. The committed fixtures are the source of truth; rerun only to change them on purpose.

args <- commandArgs(trailingOnly = TRUE)
out_dir <- if (length(args) >= 1) args[1] else "fixtures/stats"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

write_daily <- function(name, first, x, drop_days = integer(0)) {
  days <- seq(as.Date(first), by = "day", length.out = length(x))
  keep <- setdiff(seq_along(x), drop_days)   # dropped rows test the "missing date = 0" rule
  df <- data.frame(date = format(days[keep]), count = as.integer(x[keep]))
  write.csv(df, file.path(out_dir, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  invisible(days)
}

# Local midnight of day d and of the next day in zone tz, as POSIX seconds (DST-aware day length).
day_bounds <- function(d, tz) {
  c(as.numeric(as.POSIXct(format(d), tz = tz)), as.numeric(as.POSIXct(format(d + 1), tz = tz)))
}

# Event instants for one local day: "uniform" over the day, "night" (half in 22:00-06:00 by elapsed time from
# midnight), or "bursty" (clusters of messages a few minutes apart). Whole seconds, always inside the day.
day_events <- function(d, k, tz, style) {
  if (k == 0) return(numeric(0))
  b <- day_bounds(d, tz); len <- b[2] - b[1]
  off <- switch(style,
    uniform = runif(k, 0, len),
    night = {
      night <- runif(k) < 0.5
      ifelse(night, ifelse(runif(k) < 0.75, runif(k, 0, 6 * 3600), runif(k, len - 2 * 3600, len)), runif(k, 0, len))
    },
    bursty = {
      n_clusters <- 1 + rbinom(1, k - 1, 0.25)
      centre <- runif(n_clusters, 0, len * 0.95)
      which_c <- sample.int(n_clusters, k, replace = TRUE)
      centre[which_c] + rexp(k, 1 / 240) * runif(k)          # within minutes of the cluster start
    })
  sort(b[1] + pmin(pmax(floor(off), 0), len - 1))
}

write_events <- function(name, days, x, tz, style, zulu = FALSE) {
  t <- unlist(lapply(seq_along(x), function(i) day_events(days[i], x[i], tz, style)))
  p <- as.POSIXct(t, origin = "1970-01-01", tz = "UTC")
  stamp <- if (zulu) format(p, "%Y-%m-%dT%H:%M:%SZ", tz = "UTC") else
    sub("([+-][0-9]{2})([0-9]{2})$", "\\1:\\2", format(p, "%Y-%m-%dT%H:%M:%S%z", tz = tz))
  write.csv(data.frame(timestamp = stamp), file.path(out_dir, paste0(name, ".events.csv")),
            row.names = FALSE, quote = FALSE)
}

# --- the series of statistics.md section 7.2 (same seeds, same order) ---
set.seed(7)
sparse <- rpois(90, 0.15)
overdispersed <- rnbinom(365, size = 0.5, mu = 1.5)
three_regime <- c(rpois(100, 0.3), rpois(100, 2), rpois(100, 0.5))
ramp_3y <- rpois(1096, seq(0.05, 4, length.out = 1096))
short <- c(0, 1, 0, 0, 2, 1, 0, 3, 2, 4, 1, 5, 3, 6)
write_daily("sparse-90d", "2023-03-01", sparse)
d_over <- write_daily("overdispersed-365d", "2023-03-01", overdispersed)
write_daily("three-regime-300d", "2023-03-01", three_regime)
d_ramp3 <- write_daily("ramp-3y", "2023-03-01", ramp_3y)
d_short <- write_daily("short-14d", "2023-03-01", short)

set.seed(20240501)
step <- c(rpois(120, 1), rpois(60, 5))
d_step <- write_daily("step-180d", "2024-01-01", step)

# --- our own additional series ---
set.seed(20240601)
ramp_120 <- rpois(120, seq(0.2, 3, length.out = 120))
d_ramp120 <- write_daily("ramp-120d", "2024-02-15", ramp_120)                # crosses US DST on 2024-03-10
change_last <- c(rpois(59, 0.5), 15)
write_daily("change-last-day", "2024-05-01", change_last)
write_daily("zero-before", "2024-01-01", c(0, 0, 0, 0, 0, 1, 3, 2, 4), drop_days = 4)
write_daily("all-zero", "2024-01-01", rep(0, 5))
d_one <- write_daily("one-day", "2024-02-29", 3)
one_spike <- replace(integer(30), 15, 12L)
d_spike <- write_daily("all-on-one-day", "2024-10-13", one_spike)            # the spike is 2024-10-27 (UK fall-back)

# --- edge cases: very short series, a single event, all days tied, one huge burst, a decade of days ---
write_daily("two-days", "2024-03-30", c(1, 4))                              # crosses the UK spring-forward
write_daily("three-days", "2024-03-30", c(2, 0, 5))
single <- replace(integer(60), 41, 1L)
d_single <- write_daily("single-event-60d", "2024-01-01", single)
write_daily("constant-40d", "2024-01-01", rep(3L, 40))                      # every day tied: Var(S) = 0
set.seed(20240603)
burst <- rpois(200, 0.4); burst[150] <- 500L                                # one day of 500 in a quiet series
d_burst <- write_daily("one-burst-200d", "2024-01-01", burst)
set.seed(20240604)
decade <- rpois(3700, 0.3 + 0.4 * (seq_len(3700) > 2500))                   # > 10 years, a step at day 2501
write_daily("decade-3700d", "2014-01-01", decade)

# --- event timestamps behind some of the series ---
set.seed(20240502)
write_events("step-180d", d_step, step, "Europe/London", "night")
write_events("overdispersed-365d", d_over, overdispersed, "UTC", "bursty", zulu = TRUE)
write_events("ramp-120d", d_ramp120, ramp_120, "America/New_York", "uniform")
write_events("ramp-3y", d_ramp3, ramp_3y, "Europe/Berlin", "bursty")
write_events("short-14d", d_short, short, "Europe/London", "uniform")
write_events("one-day", d_one, 3, "Australia/Sydney", "uniform")
write_events("all-on-one-day", d_spike, one_spike, "Europe/London", "bursty")
set.seed(20240605)
write_events("single-event-60d", d_single, single, "Europe/London", "uniform")
write_events("one-burst-200d", d_burst, burst, "Europe/Paris", "bursty")

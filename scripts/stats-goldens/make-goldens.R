#!/usr/bin/env Rscript
# make-goldens.R -- writes the golden values the statistics tests compare against, by CALLING the shared reference
# script ref_stats.R (never a copy of it) on every series listed in fixtures/stats/manifest.json.
#
# For each series NAME it writes, next to NAME.csv:
#   NAME.ref.json    ref_stats.R's own command-line output, run from fixtures/stats with relative paths so that
#                    input.file stays stable. If ref_stats.R stops (it does on a one-day series), the file holds
#                    {"tool", "error", "input"} instead, and the tests check that case by hand. If only its event
#                    block stops (a single event has no gaps), the file is the run without --events and
#                    NAME.extra.json records the error as events_error.
#   NAME.extra.json  figures the command line does not print, from ref_stats.R's own functions (loaded with
#                    REF_STATS_NO_MAIN=1): PELT with other penalties and minimum segment lengths, the
#                    dispersion-scaled PELT rerun of statistics.md 2.6, exact rate-ratio tests at extra splits and
#                    Garwood intervals at other confidence levels.
#
# Usage (from the repository root; ref_stats.R from the argument, $REF_STATS, or ../shared/tools/ref_stats.R):
#   Rscript scripts/stats-goldens/make-goldens.R [/path/to/ref_stats.R]
# Needs r-base-core, r-cran-mass, r-cran-jsonlite (Debian), as ref_stats.R does.

suppressPackageStartupMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
ref <- if (length(args) >= 1) args[1] else if (nzchar(Sys.getenv("REF_STATS"))) Sys.getenv("REF_STATS") else
  "../shared/tools/ref_stats.R"
ref <- normalizePath(ref, mustWork = TRUE)
fx <- normalizePath("fixtures/stats", mustWork = TRUE)
manifest <- fromJSON(file.path(fx, "manifest.json"), simplifyVector = FALSE)

Sys.setenv(REF_STATS_NO_MAIN = "1")
source(ref)                                   # mk_test, sens_slope, pelt_poisson, rate_ratio_exact
Sys.unsetenv("REF_STATS_NO_MAIN")

write_json_file <- function(x, path) {
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"), path)
}

# The dispersion-scaled PELT rerun of statistics.md 2.6: MBIC first; while the within-segment Pearson dispersion
# exceeds 1.5, rerun with the Manual penalty max(1, phi) * 3 log n until the change-points stop changing.
within_dispersion <- function(x, cpts) {
  bounds <- c(0, cpts, length(x)); acc <- 0
  for (i in seq_len(length(bounds) - 1)) {
    s <- x[(bounds[i] + 1):bounds[i + 1]]; m <- mean(s)
    if (m > 0) acc <- acc + sum((s - m)^2) / m        # segments with mean 0 add nothing
  }
  acc / (length(x) - (length(bounds) - 1))
}
pelt_dispersion_scaled <- function(x, minseglen) {
  first <- pelt_poisson(x, "MBIC", minseglen = minseglen)
  phi <- within_dispersion(x, first$cpts)
  passes <- list(list(penalty = "MBIC", pen_value = first$pen_value, cpts = I(as.integer(first$cpts)), phi_within = phi))
  cpts <- first$cpts
  if (phi > 1.5) {
    for (k in 1:10) {
      pen <- max(1, phi) * 3 * log(length(x))
      r <- pelt_poisson(x, "Manual", pen.value = pen, minseglen = minseglen)
      stable <- identical(as.integer(r$cpts), as.integer(cpts))
      cpts <- r$cpts; phi <- within_dispersion(x, cpts)
      passes[[length(passes) + 1]] <- list(penalty = "Manual", pen_value = pen, cpts = I(as.integer(cpts)), phi_within = phi)
      if (stable) break
    }
  }
  list(triggered = length(passes) > 1, cpts = I(as.integer(cpts)), passes = passes)
}

safely <- function(expr) tryCatch(expr, error = function(e) list(error = conditionMessage(e)))

old <- setwd(fx)
for (s in manifest$series) {
  name <- s$name
  cli <- c(ref, paste0(name, ".csv"))
  if (!is.null(s$split)) cli <- c(cli, paste0("--split=", s$split))
  if (!is.null(s$minseglen)) cli <- c(cli, paste0("--minseglen=", s$minseglen))
  if (isTRUE(s$events)) cli <- c(cli, paste0("--events=", name, ".events.csv"), paste0("--tz=", s$tz),
                                 paste0("--night=", s$night))
  run_ref <- function(cli) {
    err_file <- tempfile()
    out <- suppressWarnings(system2("Rscript", cli, stdout = TRUE, stderr = err_file))
    status <- attr(out, "status")
    if (is.null(status) || status == 0) return(list(out = out, error = NULL))
    lines <- readLines(err_file)                   # "Error in ...:" plus its continuation, up to "Calls:"
    from <- grep("^Error", lines)[1]; to <- grep("^Calls:", lines)[1]
    msg <- trimws(lines[from:(if (is.na(to)) length(lines) else to - 1)])
    list(out = NULL, error = paste(msg, collapse = " "))
  }
  r <- run_ref(cli)
  events_error <- NULL
  if (!is.null(r$error) && isTRUE(s$events)) {
    # The event block stops on a single event (no gaps); the daily figures are still wanted, so run without it
    # and record why the events were left out (the tests check that case by hand).
    daily_only <- run_ref(cli[!grepl("^--(events|tz|night)=", cli)])
    if (is.null(daily_only$error)) { events_error <- r$error; r <- daily_only }   # else the daily part stops too
  }
  if (is.null(r$error)) {
    writeLines(r$out, paste0(name, ".ref.json"))
  } else {
    write_json_file(list(tool = "ref_stats.R", r_version = R.version.string, error = r$error,
                         input = list(file = paste0(name, ".csv"), args = I(cli[-1]))), paste0(name, ".ref.json"))
  }
  cat(sprintf("%-22s %s\n", name, if (!is.null(r$error)) "ref_stats.R stopped (recorded)" else
    if (!is.null(events_error)) "ok without events (event block stopped: recorded in .extra.json)" else "ok"))

  # ---- extras from the reference functions ----
  raw <- read.csv(paste0(name, ".csv"), colClasses = c("character", "numeric"))
  d <- as.Date(raw$date); all_days <- seq(min(d), max(d), by = "day")
  x <- integer(length(all_days)); x[match(d, all_days)] <- as.integer(raw$count)
  n <- length(x)
  pelt <- list()
  for (m in c(1L, 2L, 3L, 5L)) for (pen in c("MBIC", "BIC")) {
    r <- pelt_poisson(x, pen, minseglen = m)
    pelt[[length(pelt) + 1]] <- list(penalty = pen, minseglen = m, pen_value = r$pen_value,
                                     cpts = I(as.integer(r$cpts)), objective = r$objective)
  }
  for (mult in c(0.5, 2.5)) {
    pv <- mult * 3 * log(n)
    r <- pelt_poisson(x, "Manual", pen.value = pv, minseglen = 2L)
    pelt[[length(pelt) + 1]] <- list(penalty = "Manual", minseglen = 2L, pen_value = pv,
                                     cpts = I(as.integer(r$cpts)), objective = r$objective)
  }
  splits <- unique(pmax(1L, as.integer(round(n * c(0.25, 0.5, 0.75)))))
  rr <- lapply(splits[splits < n], function(k) c(list(split_index = k),
    safely(rate_ratio_exact(sum(x[(k + 1):n]), n - k, sum(x[1:k]), k))))
  garwood <- lapply(c(0.8, 0.9, 0.95, 0.99, 0.999), function(cl)
    list(conf_level = cl, total = sum(x), days = n, ci = as.vector(poisson.test(sum(x), n, conf.level = cl)$conf.int)))
  write_json_file(c(list(
    tool = "make-goldens.R (ref_stats.R functions)", r_version = R.version.string, file = paste0(name, ".csv")),
    if (!is.null(events_error)) list(events_error = events_error), list(
    pelt = pelt,
    pelt_dispersion_scaled = safely(pelt_dispersion_scaled(x, if (is.null(s$minseglen)) 2L else as.integer(s$minseglen))),
    rate_ratio_splits = rr,
    garwood = garwood,
    mann_kendall = safely(c(mk_test(x), list(sen = sens_slope(x)))))), paste0(name, ".extra.json"))
}
setwd(old)

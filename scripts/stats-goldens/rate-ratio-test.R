# rate-ratio-test.R -- sourced by whole-window.R and infinite-ratio.R: R's exact conditional test of two Poisson
# rates (`poisson.test`), the counts and exposures after a milestone against those before it, as the JSON the
# tests read (rate_ratio, its 95% interval and p).
rate_ratio_test <- function(x_after, T_after, x_before, T_before) {
  r <- poisson.test(c(x_after, x_before), c(T_after, T_before))
  list(x_after = x_after, T_after = T_after, x_before = x_before, T_before = T_before,
       rate_ratio = unname(r$estimate), ci = as.numeric(r$conf.int), p = r$p.value)
}

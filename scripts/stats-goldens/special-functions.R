#!/usr/bin/env Rscript
# special-functions.R -- golden values of R's special functions on a grid that covers what the statistics need
# (counts up to 100,000, tails down to 1e-300), for the tests of src/analysis/stats' own numerics.
#
# Usage (from the repository root):  Rscript scripts/stats-goldens/special-functions.R
# Writes fixtures/stats/special-functions.ref.json with 17 significant digits (inputs round-trip exactly). Needs r-base-core and r-cran-jsonlite.

suppressPackageStartupMessages(library(jsonlite))
rows <- function(...) {                      # data frame -> list of row objects
  df <- data.frame(..., check.names = FALSE)
  lapply(seq_len(nrow(df)), function(i) as.list(df[i, , drop = FALSE]))
}
grid <- function(a, x) expand.grid(a = a, x = x)

# log-gamma
lg_x <- c(1e-300, 1e-10, 1e-3, 0.1, 0.5, 1, 1.5, 2, 2.5, 3.7, 10, 14.9, 15, 15.1, 33.3, 100, 1000.5, 1e5, 1e10, 1e300)

# incomplete gamma P and Q: around the mean (a +- k sqrt(a)) and far into both tails
a_set <- c(0.5, 1, 2.5, 10, 44.5, 100, 1000, 2210, 5000, 20000, 1e5)
ga <- do.call(rbind, lapply(a_set, function(a) {
  x <- unique(c(a * c(1e-3, 0.1, 0.5, 0.9, 0.99, 1, 1.01, 1.1, 2, 5, 20),
                pmax(1e-6, a + c(-6, -3, -1, 1, 3, 6, 10, 30) * sqrt(a))))
  data.frame(a = a, x = x)
}))
ga$P <- pgamma(ga$x, ga$a); ga$Q <- pgamma(ga$x, ga$a, lower.tail = FALSE)
ga$logP <- pgamma(ga$x, ga$a, log.p = TRUE); ga$logQ <- pgamma(ga$x, ga$a, lower.tail = FALSE, log.p = TRUE)

qg <- grid(a = c(0.5, 1, 3, 14, 29, 427, 2210, 20000, 1e5), x = c(1e-12, 1e-3, 0.025, 0.5, 0.975, 0.999))
names(qg) <- c("a", "p"); qg$q <- qgamma(qg$p, qg$a)
qc <- grid(a = c(1, 2, 13, 179, 364, 1095), x = c(0.005, 0.025, 0.5, 0.95, 0.975, 0.995))
names(qc) <- c("df", "p"); qc$q <- qchisq(qc$p, qc$df)

# normal
z <- c(-38, -37.5, -30, -20, -14, -10, -9.075, -8.5, -5, -3, -1.96, -1, -0.5, -1e-8, 0, 0.5, 1, 1.96, 3, 5, 8.5)
pn <- data.frame(z = z, lower = pnorm(z), upper = pnorm(z, lower.tail = FALSE))
pq <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.02425, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.97575, 0.999, 1 - 1e-10)
qn <- data.frame(p = pq, q = qnorm(pq))

# incomplete beta and its inverse
ab <- list(c(0.5, 0.5), c(1, 1), c(1, 100), c(100, 1), c(2.5, 7), c(305, 122), c(122, 305), c(1, 50000),
           c(5000, 20000), c(50000, 49999), c(3, 1e5))
be <- do.call(rbind, lapply(ab, function(v) {
  x <- unique(c(qbeta(c(1e-12, 1e-4, 0.025, 0.5, 0.975, 1 - 1e-9), v[1], v[2]), 0.001, 0.3, 0.5, 0.7, 0.999))
  data.frame(a = v[1], b = v[2], x = x)
}))
be$I <- pbeta(be$x, be$a, be$b); be$upper <- pbeta(be$x, be$a, be$b, lower.tail = FALSE)
qb <- do.call(rbind, lapply(ab, function(v) data.frame(a = v[1], b = v[2], p = c(1e-10, 0.025, 0.5, 0.975, 1 - 1e-6))))
# U-shaped small shapes far in the upper tail, where the root lies within a few hundred doubles of 1 (a
# property test found the quantile at 1 - 7e-16 instead of 1 - 2.6e-14 for the last p).
qb <- rbind(qb, data.frame(a = 0.4536131801026191, b = 0.7154945348743188, p = c(1e-10, 0.5, 1 - 1e-10, 0.9999999998999981)))
qb$q <- qbeta(qb$p, qb$a, qb$b)

# binomial
bn <- do.call(rbind, lapply(list(c(10, 0.5), c(426, 1 / 3), c(5000, 0.01), c(50000, 0.5), c(28, 0.5), c(1000, 0.9)),
  function(v) {
    n <- v[1]; p <- v[2]
    k <- unique(pmin(n, pmax(0, round(c(0, 1, n * p + c(-8, -3, -1, 0, 1, 3, 8) * sqrt(n * p * (1 - p)), n - 1, n)))))
    data.frame(n = n, p = p, k = k)
  }))
bn$pmf <- dbinom(bn$k, bn$n, bn$p); bn$lower <- pbinom(bn$k, bn$n, bn$p)
bn$upper <- pbinom(bn$k - 1, bn$n, bn$p, lower.tail = FALSE)          # P(X >= k)

bt_cases <- list(c(305, 426, 1/3), c(0, 10, 0.5), c(10, 10, 0.5), c(5, 10, 0.5), c(3, 7, 0.2), c(1, 50000, 0.5),
                 c(24, 28, 0.5), c(188, 426, 8/24), c(14, 14, 4/9), c(0, 14, 4/9), c(7, 21, 1/3), c(2, 3, 0.5),
                 c(1, 1, 0.5), c(0, 1, 0.5), c(49000, 50000, 0.98), c(4, 200, 0.002), c(12, 12, 1/30))
bt <- lapply(bt_cases, function(v) {
  r <- binom.test(v[1], v[2], v[3])
  list(x = v[1], n = v[2], p = v[3], p_value = r$p.value, ci = as.vector(r$conf.int))
})

out <- list(tool = "special-functions.R", r_version = R.version.string,
  lgamma = rows(x = lg_x, value = lgamma(lg_x)),
  pgamma = rows(a = ga$a, x = ga$x, P = ga$P, Q = ga$Q, logP = ga$logP, logQ = ga$logQ),
  qgamma = rows(a = qg$a, p = qg$p, q = qg$q),
  qchisq = rows(df = qc$df, p = qc$p, q = qc$q),
  pnorm = rows(z = pn$z, lower = pn$lower, upper = pn$upper),
  qnorm = rows(p = qn$p, q = qn$q),
  pbeta = rows(a = be$a, b = be$b, x = be$x, I = be$I, upper = be$upper),
  qbeta = rows(a = qb$a, b = qb$b, p = qb$p, q = qb$q),
  binom = rows(n = bn$n, p = bn$p, k = bn$k, pmf = bn$pmf, lower = bn$lower, upper = bn$upper),
  binom_test = bt)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(17), pretty = TRUE, null = "null", na = "null"),
           "fixtures/stats/special-functions.ref.json")

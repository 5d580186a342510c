/**
 * chronolog's statistics for frequency and escalation analysis (statistics.md): pure numeric functions over dense
 * daily count series or event instants (ms), verified against R goldens in fixtures/stats/. No dependency on the
 * rest of the app; undefined values are null, never NaN.
 */
export * from './before-after.js';
export * from './binomial.js';
export * from './burstiness.js';
export * from './dates.js';
export * from './descriptive.js';
export * from './dispersion.js';
export * from './gaps.js';
export * from './glm-fit.js';
export * from './incomplete-beta.js';
export * from './incomplete-gamma.js';
export * from './laplace.js';
export * from './log-gamma.js';
export * from './mann-kendall.js';
export * from './night.js';
export * from './normal.js';
export * from './numeric.js';
export * from './pelt.js';
export * from './pelt-dispersion.js';
export * from './periods.js';
export * from './poisson-rate.js';
export * from './poisson-trend.js';
export * from './rate-ratio.js';
export * from './sens-slope.js';
export * from './slope-selection.js';
export * from './solve.js';
export * from './step-model.js';

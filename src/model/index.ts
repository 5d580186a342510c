/**
 * The shared vocabulary. Every room may import from here; this folder imports nothing of ours.
 * This barrel loads every zod schema: code that runs on every report imports the plain modules instead
 * (vocabulary.ts, errors.ts, format.ts, dates.ts, time-range.ts, skipped-at.ts), so a run that validates nothing
 * never loads zod.
 */
export * from './case-file.js';
export * from './cited-file.js';
export * from './dates.js';
export * from './errors.js';
export * from './escalation.js';
export * from './event.js';
export * from './format.js';
export * from './inspect.js';
export * from './problem.js';
export * from './report.js';
export * from './skipped-at.js';
export * from './time-range.js';
export * from './vocabulary.js';
export * from './vocabulary-schemas.js';

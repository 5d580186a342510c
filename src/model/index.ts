/** The shared vocabulary. Every room imports from here; this folder imports nothing of ours. */
export * from './case-file.js';
export * from './errors.js';
export * from './escalation.js';
export * from './event.js';
export * from './problem.js';
export * from './report.js';
export * from './vocabulary.js';

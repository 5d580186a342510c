/**
 * The one total order used everywhere: UTC instant, then input (sorted path), then position in the input.
 * Inputs are read in sorted-path order and events kept in emission order, so a stable sort on the instant
 * alone yields this order; command-line order never matters.
 */
import type { TimelineEvent } from '../model/index.js';

export function sortTimeline(events: TimelineEvent[]): TimelineEvent[] {
  // Array.prototype.sort is stable (ES2019), and near-linear on the already-ordered runs most exports are.
  return events.sort((a, b) => a.ms - b.ms || a.input - b.input);
}

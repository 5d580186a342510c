/** The books of a whole run: every input's counts summed, and how many of the kept events are incidents. */
import type { InputSummary, Report } from '../model/index.js';

export function accounting(inputs: readonly InputSummary[], incidents: number): Report['accounting'] {
  const sum = (k: 'records' | 'events' | 'kept' | 'duplicates' | 'skipped' | 'rejected') =>
    inputs.reduce((n, i) => n + i[k], 0);
  return {
    files: inputs.length,
    records: sum('records'),
    events: sum('events'),
    kept: sum('kept'),
    duplicates: sum('duplicates'),
    skipped: sum('skipped'),
    rejected: sum('rejected'),
    incidents,
  };
}

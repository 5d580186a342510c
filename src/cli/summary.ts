/** The one-line summary on stderr after a run: what was read, kept and rejected (never part of the report). */
import type { ChalkInstance } from 'chalk';
import type { Report } from '../model/index.js';
import { int, plural } from '../reports/format.js';
import { severityText } from '../reports/problem-lines.js';

export function summaryLine(r: Report, c: ChalkInstance, out: string | undefined): string {
  const a = r.accounting;
  const parts = [
    `${int(a.records)} records from ${plural(a.files, 'file')}`,
    `${int(a.kept)} events`,
    `${int(a.incidents)} incidents`,
    `${int(a.duplicates)} duplicates`,
    `${int(a.skipped)} skipped`,
    a.rejected > 0 ? c.yellow(`${int(a.rejected)} rejected`) : '0 rejected',
  ];
  const problems =
    r.problems.length > 0
      ? `; ${severityText(r.problems, r.problemsOmittedLocations)} (listed in the report)`
      : '';
  const where = out && out !== '-' ? `; written to ${out}` : '';
  return `${c.dim('chronolog:')} ${parts.join(', ')}${problems}${where}\n`;
}

/**
 * Problems as the terminal shows them, the same in `report` and `inspect`: a mark (✖ error, ! warning, i note),
 * where (file:locator), the message, and the hint that says what to do on the next line.
 */
import type { ChalkInstance } from 'chalk';
import type { Problem } from '../model/index.js';
import { plural } from './format.js';
import { terminalSafe as safe } from './sanitize.js';

/** How many problems of each severity. */
export function severityCounts(problems: readonly Problem[]): {
  errors: number;
  warnings: number;
  notes: number;
} {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
  }
  return { errors, warnings, notes: problems.length - errors - warnings };
}

/** "2 errors, 1 warning" and ", 1 note" when there are notes (information only, nothing wrong). */
export function severityText(problems: readonly Problem[]): string {
  const { errors, warnings, notes } = severityCounts(problems);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes > 0 ? `, ${plural(notes, 'note')}` : ''}`;
}

/** One problem as terminal lines: the message line, then its hint (dimmed) when it has one. */
export function problemLines(p: Problem, c: ChalkInstance): string[] {
  const mark = p.severity === 'error' ? c.red('✖') : p.severity === 'warning' ? c.yellow('!') : c.dim('i');
  const where = p.file ? `${safe(p.file)}${p.locator ? `:${safe(p.locator)}` : ''}: ` : '';
  const lines = [`  ${mark} ${where}${safe(p.message)}`];
  if (p.hint) lines.push(c.dim(`    ${safe(p.hint)}`));
  return lines;
}

/**
 * Problems as the terminal shows them, the same in `report` and `inspect`: a mark (✖ error, ! warning, i note),
 * where (file:locator), the message, and the hint that says what to do on the next line.
 */
import type { ChalkInstance } from 'chalk';
import type { OmittedLocations, Problem } from '../model/index.js';
import type { FileNames } from './file-names.js';
import { int, plural } from './format.js';
import { terminalName, terminalSafe } from './sanitize.js';

/**
 * The problems of a run as the report and `inspect --format json` give them: the first 50 of each code in full,
 * and where each of the rest is.
 */
export interface ProblemBook {
  readonly problems: readonly Problem[];
  readonly problemsOmittedLocations: readonly OmittedLocations[];
}

/** How many problems of each severity: those listed and those beyond the per-code cap (`omitted`). */
export function severityCounts(
  problems: readonly Problem[],
  omitted: readonly OmittedLocations[] = [],
): {
  errors: number;
  warnings: number;
  notes: number;
} {
  const n = { error: 0, warning: 0, info: 0 };
  for (const p of problems) n[p.severity]++;
  for (const o of omitted) n[o.severity] += o.count;
  return { errors: n.error, warnings: n.warning, notes: n.info };
}

/**
 * "2 errors, 1 warning" and ", 1 note" when there are notes (information only, nothing wrong), counting the
 * problems beyond the per-code cap (`omitted`) too.
 */
export function severityText(
  problems: readonly Problem[],
  omitted: readonly OmittedLocations[] = [],
): string {
  const { errors, warnings, notes } = severityCounts(problems, omitted);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes > 0 ? `, ${plural(notes, 'note')}` : ''}`;
}

/**
 * One problem as terminal lines: the message line, then its hint (dimmed) when it has one. With a report's `names`,
 * its file (and a message or hint naming one) is named as every place of the report names it (file-names.ts).
 */
export function problemLines(p: Problem, c: ChalkInstance, names?: FileNames): string[] {
  const safe = (s: string) => (names ? terminalName(s, names) : terminalSafe(s));
  const mark = p.severity === 'error' ? c.red('✖') : p.severity === 'warning' ? c.yellow('!') : c.dim('i');
  // A message that names its file itself ("times in chat.md are …", "x.zip!/inner.zip is an archive inside an
  // archive") is not led by the file again, unless a locator adds where in it.
  const named = p.file !== undefined && !p.locator && p.message.includes(p.file);
  const where = p.file && !named ? `${safe(p.file)}${p.locator ? `:${safe(p.locator)}` : ''}: ` : '';
  const lines = [`  ${mark} ${where}${safe(p.message)}`];
  if (p.hint) lines.push(c.dim(`    ${safe(p.hint)}`));
  return lines;
}

/**
 * What a problem list that shows only the first `shown` of `problems` leaves out, in two sentences every human
 * format uses: how many are not listed, by code, and that the JSON report gives the file and location of each
 * (the rest of `problems` in full, the others in `problemsOmittedLocations`). `code` and `option` format a code
 * and the option for the output. Undefined when the list shows every problem.
 */
export function notListedNote(
  b: ProblemBook,
  shown: number,
  code: (s: string) => string = (s) => s,
  option: (s: string) => string = (s) => s,
): { what: string; where: string } | undefined {
  const byCode = new Map<string, number>();
  for (const p of b.problems.slice(shown)) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
  for (const o of b.problemsOmittedLocations) byCode.set(o.code, (byCode.get(o.code) ?? 0) + o.count);
  const total = [...byCode.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return undefined;
  const codes = [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${code(k)} ${int(n)}`)
    .join(', ');
  return {
    what: `Not listed here: ${plural(total, 'more problem')} (${codes}).`,
    where: `The JSON report (${option('--format json')}) gives ${total === 1 ? 'its file and location' : 'the file and location of each one'}.`,
  };
}

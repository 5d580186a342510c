/**
 * What the Markdown and HTML reports say under the duplicates they list: they list only each file's first few and
 * its last (`duplicatesAt`), so they give the command line that writes every duplicate, each after the copy kept in
 * its place (`timeline --with-duplicates`), with the paths and the options the report was made with, and the rule
 * for which copy is kept (README "Duplicates", timeline/dedupe.ts).
 */
import type { Report } from '../model/index.js';
import { quoted } from '../model/shell-quote.js';
import { SKIPPED_AT_FIRST } from '../model/skipped-at.js';
import { runWords } from './command-lines.js';

/**
 * The options of `run.options` that change which records are duplicates and which copy is kept (who the subject and
 * the victim are, the zone and day/month order times are read in, the formats files are read as), and that
 * `timeline` takes, in the order they are written. The report's own (`--from`, `--to`, `--chronology`, `--strict`)
 * are not: the timeline reads every record, and would refuse them.
 */
const TIMELINE_OPTIONS = ['case', 'tz', 'region', 'subject', 'victim', 'dateOrder', 'formatOf'] as const;

/**
 * `chronolog timeline PATHS… [OPTIONS] --with-duplicates --out duplicates.csv` for the report `r`, each word as a
 * shell takes it (shell-quote.ts). A zone the report took from this computer's setting is given with `--tz`, so
 * the command reads the times alike on another computer.
 */
export function duplicatesCommand(r: Pick<Report, 'run' | 'case'>): string {
  const words = ['chronolog', 'timeline', ...runWords(r, TIMELINE_OPTIONS)];
  if (r.run.options['tz'] === undefined && r.case.timezoneSource === 'system')
    words.push('--tz', quoted(r.case.timezone));
  words.push('--with-duplicates', '--out', 'duplicates.csv');
  return words.join(' ');
}

/** The sentences after the list of duplicates, with the command line as `code` shows it. */
export function duplicatesNote(r: Pick<Report, 'run' | 'case'>, code: (command: string) => string): string {
  return `Listed for each file: its first ${SKIPPED_AT_FIRST} duplicates and its last. Every duplicate, each right after the copy kept in its place and naming it, is written by ${code(duplicatesCommand(r))}. ${KEPT_RULE}`;
}

/** Which copy of a record found in several files is kept (README "Duplicates"). */
export const KEPT_RULE =
  'Of the copies of one record, the one kept is from a file read whole rather than one damaged or read only in part, then from the file whose records are the most precise (to the millisecond, then the second, the minute, the day), then from the file first in sorted path order.';

/** `text` as one Markdown code span, whatever backticks it holds. */
export function markdownCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

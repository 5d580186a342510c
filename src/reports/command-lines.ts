/**
 * The command lines the reports suggest for another format of the same report, whole: the paths and options the
 * report was made with (`run`), shell-quoted as the CLI's hints write them, then the format and file. "--format
 * html --out report.html" alone left the reader to work out the rest, where the no-subject hint gives a line to run.
 */
import type { Report } from '../model/index.js';
import { quoted } from '../model/shell-quote.js';

/** `--date-order` for `dateOrder`: the options are recorded under their camel-case names. */
function flag(key: string): string {
  return `--${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;
}

/**
 * The paths, then the options the report was made with (`keys` of them, in that order, else all as recorded), as
 * words a shell takes back: a flag alone for a switch, a flag and a value for each value.
 */
export function runWords(r: Pick<Report, 'run'>, keys?: readonly string[]): string[] {
  const words: string[] = r.run.paths.map(quoted);
  const options = r.run.options as Record<string, unknown>;
  for (const k of keys ?? Object.keys(options)) {
    const v = options[k];
    if (v === true) words.push(flag(k));
    else if (typeof v === 'string') words.push(flag(k), quoted(v));
    else if (Array.isArray(v)) for (const x of v) words.push(flag(k), quoted(String(x)));
  }
  return words;
}

/** `chronolog report PATHS OPTIONS --format FORMAT --out OUT`, as the report was made but for its format. */
export function reportCommand(r: Report, format: string, out: string): string {
  return ['chronolog', 'report', ...runWords(r), '--format', format, '--out', out].join(' ');
}

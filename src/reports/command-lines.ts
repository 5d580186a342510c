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

/** `chronolog report PATHS OPTIONS --format FORMAT --out OUT`, as the report was made but for its format. */
export function reportCommand(r: Report, format: string, out: string): string {
  const words: string[] = r.run.paths.map(quoted);
  for (const [k, v] of Object.entries(r.run.options)) {
    if (v === true) words.push(flag(k));
    else if (typeof v === 'string') words.push(flag(k), quoted(v));
    else if (Array.isArray(v)) for (const x of v) words.push(flag(k), quoted(x));
  }
  return ['chronolog', 'report', ...words, '--format', format, '--out', out].join(' ');
}

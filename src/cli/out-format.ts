/**
 * The format of `report` and `timeline` when `--out` names the file: `--out report.html` writes HTML without
 * `--format html`. Without this, the default format went into any file name (a text report in `report.html`, which
 * a browser shows as one run-on paragraph), with exit 0. A `--format` that disagrees with the name
 * (`--format json --out report.html`) is refused as a usage error, naming both and the fix, rather than writing a
 * file whose name promises another format. A name that says nothing known (`--out notes`, `--out -`, `.csv` for a
 * report) leaves the default.
 */
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { quoted } from './shell-quote.js';

/** One output format a file name can ask for: its id, its name in words, and its file name endings. */
interface Named {
  readonly id: string;
  readonly words: string;
  /** `words` with its article, as said aloud ("an HTML file"). */
  readonly a: string;
  /** The first is the one suggested in a hint. */
  readonly endings: readonly string[];
}

const REPORT: readonly Named[] = [
  { id: 'html', words: 'HTML', a: 'an HTML', endings: ['.html', '.htm'] },
  { id: 'json', words: 'JSON', a: 'a JSON', endings: ['.json'] },
  { id: 'markdown', words: 'Markdown', a: 'a Markdown', endings: ['.md', '.markdown'] },
  { id: 'text', words: 'text', a: 'a text', endings: ['.txt'] },
];

const TIMELINE: readonly Named[] = [
  { id: 'csv', words: 'CSV', a: 'a CSV', endings: ['.csv'] },
  { id: 'jsonl', words: 'JSON Lines', a: 'a JSON Lines', endings: ['.jsonl', '.ndjson'] },
];

const TABLES = { report: REPORT, timeline: TIMELINE } as const;

export type FormatCommand = keyof typeof TABLES;

/** Where the format in use came from: `--format`, the `--out` name, or the command's default. */
export type FormatOrigin = 'flag' | 'out' | 'default';

/** The format an `--out` name asks for, if it names one of the command's formats (case ignored). */
export function formatOfName(command: FormatCommand, out: string | undefined): Named | undefined {
  if (out === undefined || out === '-') return undefined;
  const ending = path.extname(out).toLowerCase();
  if (ending === '') return undefined;
  return TABLES[command].find((f) => f.endings.includes(ending));
}

/** The endings `--format`'s help lists, e.g. `.html/.htm, .json, .md/.markdown, .txt`. */
export function endingsHelp(command: FormatCommand): string {
  return TABLES[command].map((f) => f.endings.join('/')).join(', ');
}

/** `out` with its ending replaced by the first ending of `id`, for a hint. */
function renamed(command: FormatCommand, out: string, id: string): string {
  const ending = TABLES[command].find((f) => f.id === id)?.endings[0] ?? `.${id}`;
  return `${out.slice(0, out.length - path.extname(out).length)}${ending}`;
}

/**
 * The format to write: `--format` when given, else the one the `--out` name asks for, else `fallback`. A
 * `--format` that names a different format from the `--out` name is a usage error (exit 2).
 */
export function chooseFormat(
  command: FormatCommand,
  given: string | undefined,
  out: string | undefined,
  fallback: string,
): { id: string; origin: FormatOrigin } {
  const byName = formatOfName(command, out);
  if (given === undefined)
    return byName ? { id: byName.id, origin: 'out' } : { id: fallback, origin: 'default' };
  if (byName && byName.id !== given && out !== undefined) {
    const words = TABLES[command].find((f) => f.id === given)?.words ?? given;
    throw new UsageError(
      'USAGE_FORMAT_OUT_MISMATCH',
      `--format ${given} writes ${words}, but --out ${out} is named as ${byName.a} file`,
      `Nothing was written. Name the file for the format (--out ${quoted(renamed(command, out, given))}), or give --format ${byName.id}; without --format, the format follows the --out name.`,
    );
  }
  return { id: given, origin: 'flag' };
}

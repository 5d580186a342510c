/**
 * The format of `report` and `timeline` when `--out` names the file: `--out report.html` writes HTML without
 * `--format html`. Without this, the default format went into any file name (a text report in `report.html`, which
 * a browser shows as one run-on paragraph), with exit 0. A `--format` that disagrees with the name
 * (`--format json --out report.html`) is refused as a usage error, naming both and the fix, rather than writing a
 * file whose name promises another format. So is a name in a format the command does not write: the other
 * command's (`timeline --out t.json`, `report --out report.csv`) or one neither writes (`.xlsx`, `.ods`, `.tsv`,
 * `.pdf`, `.docx`, `.odt`, `.rtf`, `.parquet`), which used to receive CSV or a text report, with exit 0; the hint
 * names the command line that writes what the name asks for, or the nearest output there is, with the options given
 * that the other command takes too (a line that dropped `--subject` or `--tz` would, pasted, fail or read the case
 * otherwise). A name that is only an ending (`--out .json`) counts as that ending. A name that says nothing known
 * (`--out notes`, `--out evidence.out`, `--out -`) leaves the default.
 */
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { cap, orList } from '../model/format.js';
import { quoted } from '../model/shell-quote.js';

/** One output format a file name can ask for: its id, its name in words, and its file name endings. */
export interface Named {
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

export const TABLES = { report: REPORT, timeline: TIMELINE } as const;

export type FormatCommand = keyof typeof TABLES;

/** The command that writes the other's formats: a report name given to timeline, a timeline name to report. */
const OTHER: Readonly<Record<FormatCommand, FormatCommand>> = { report: 'timeline', timeline: 'report' };

/**
 * A format a file name can ask for that no chronolog command writes, with the output to use instead (`use`, a
 * command and one of its formats, and an option the suggested line adds) and what makes it the one (`why`).
 */
export interface Unwritten extends Named {
  readonly why: string;
  readonly use: { readonly command: FormatCommand; readonly id: string; readonly option?: string };
  /** Said after "No chronolog command writes a … file", where one is written in another way. */
  readonly except?: string;
}

export const UNWRITTEN: readonly Unwritten[] = [
  {
    id: 'excel',
    words: 'Excel',
    a: 'an Excel',
    endings: ['.xlsx', '.xls'],
    // A name for Excel says the file is for Excel, which needs the byte-order mark to read the CSV as UTF-8.
    why: 'Excel opens the timeline as CSV, and with --excel shows its accents and emoji as written',
    use: { command: 'timeline', id: 'csv', option: '--excel' },
  },
  {
    id: 'ods',
    words: 'OpenDocument spreadsheet',
    a: 'an OpenDocument spreadsheet',
    endings: ['.ods'],
    why: 'LibreOffice and other spreadsheets open the timeline as CSV',
    use: { command: 'timeline', id: 'csv' },
  },
  {
    id: 'tsv',
    words: 'TSV',
    a: 'a TSV',
    endings: ['.tsv'],
    why: 'the timeline is written as CSV, which the same tools read',
    use: { command: 'timeline', id: 'csv' },
  },
  {
    id: 'pdf',
    words: 'PDF',
    a: 'a PDF',
    endings: ['.pdf'],
    why: 'the HTML report prints to one from a browser',
    use: { command: 'report', id: 'html' },
  },
  {
    id: 'word',
    words: 'Word',
    a: 'a Word',
    endings: ['.docx', '.doc'],
    why: 'Word opens the HTML report',
    use: { command: 'report', id: 'html' },
  },
  {
    id: 'odt',
    words: 'OpenDocument text',
    a: 'an OpenDocument text',
    endings: ['.odt'],
    why: 'LibreOffice and other word processors open the HTML report',
    use: { command: 'report', id: 'html' },
  },
  {
    id: 'rtf',
    words: 'RTF',
    a: 'an RTF',
    endings: ['.rtf'],
    why: 'word processors open the HTML report',
    use: { command: 'report', id: 'html' },
  },
  {
    id: 'parquet',
    words: 'Parquet',
    a: 'a Parquet',
    endings: ['.parquet'],
    why: 'the timeline as JSON Lines loads into the same tools',
    use: { command: 'timeline', id: 'jsonl' },
    except: ' for one case (batch writes events.parquet, of a folder of cases)',
  },
];

/** The options of `report` and `timeline` that say what is read and how, as given on the command line. */
export interface CarriedFlags {
  readonly case?: string;
  readonly tz?: string;
  readonly region?: string;
  readonly subject?: readonly string[];
  readonly victim?: readonly string[];
  readonly milestone?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly dateOrder?: string;
  readonly formatOf?: readonly string[];
  readonly strict?: boolean;
}

/**
 * The options a suggested line for `to` carries over, in the order `--help` lists them, with the commands that take
 * each. The output options (`--format`, `--out`, `--incidents-only`, `--chronology`, `--now`) are the command's own.
 */
const CARRIED: readonly (readonly [keyof CarriedFlags, string, readonly FormatCommand[]])[] = [
  ['case', '--case', ['report', 'timeline']],
  ['tz', '--tz', ['report', 'timeline']],
  ['region', '--region', ['report', 'timeline']],
  ['subject', '--subject', ['report', 'timeline']],
  ['victim', '--victim', ['report', 'timeline']],
  ['milestone', '--milestone', ['report', 'timeline']],
  ['from', '--from', ['report']],
  ['to', '--to', ['report']],
  ['dateOrder', '--date-order', ['report', 'timeline']],
  ['formatOf', '--format-of', ['report', 'timeline']],
  ['strict', '--strict', ['report', 'timeline']],
];

/** `flags` as words on a `to` command line, each value as a shell reads it back: ` --subject dan --tz …`. */
export function carriedWords(flags: CarriedFlags, to: FormatCommand): string {
  const words: string[] = [];
  for (const [key, flag, takes] of CARRIED) {
    const value = flags[key];
    if (!takes.includes(to) || value === undefined || value === false) continue;
    if (value === true) words.push(flag);
    else for (const v of typeof value === 'string' ? [value] : value) words.push(flag, quoted(v));
  }
  return words.map((w) => ` ${w}`).join('');
}

/** Where the format in use came from: `--format`, the `--out` name, or the command's default. */
export type FormatOrigin = 'flag' | 'out' | 'default';

/**
 * The ending of an `--out` name, as written: `path.extname`, or the whole base name when it is only an ending
 * (`.json`, `out/.xlsx`), which `path.extname` takes for a hidden file's name with no ending. A name of `.` or `..`
 * alone has none.
 */
function endingOf(out: string): string {
  const base = path.basename(out);
  return path.extname(out) || (/^\.[^.]+$/.test(base) ? base : '');
}

/** The ending of an `--out` file name in lower case, to look up; '' for stdout, no name or no ending. */
function endingKey(out: string | undefined): string {
  return out === undefined || out === '-' ? '' : endingOf(out).toLowerCase();
}

/** The format an `--out` name asks for, if it names one of the command's formats (case ignored). */
export function formatOfName(command: FormatCommand, out: string | undefined): Named | undefined {
  const ending = endingKey(out);
  if (ending === '') return undefined;
  return TABLES[command].find((f) => f.endings.includes(ending));
}

/** The endings `--format`'s help lists, e.g. `.html/.htm, .json, .md/.markdown, .txt`. */
export function endingsHelp(command: FormatCommand): string {
  return TABLES[command].map((f) => f.endings.join('/')).join(', ');
}

/** `out` with its ending replaced by the first ending of `id`, for a hint. */
export function renamed(command: FormatCommand, out: string, id: string): string {
  const ending = TABLES[command].find((f) => f.id === id)?.endings[0] ?? `.${id}`;
  return `${out.slice(0, out.length - endingOf(out).length)}${ending}`;
}

/** The format an `--out` name asks for that `command` does not write, if it names one (case ignored). */
function unwrittenOfName(command: FormatCommand, out: string | undefined): Named | Unwritten | undefined {
  const ending = endingKey(out);
  if (ending === '') return undefined;
  const has = (f: Named) => f.endings.includes(ending);
  return TABLES[OTHER[command]].find(has) ?? UNWRITTEN.find(has);
}

/**
 * Refuses an `--out` name in a format `command` does not write (`timeline --out t.json`), naming the formats it
 * writes and the command line that writes what the name asks for, or the nearest output chronolog has (exit 2,
 * nothing written). `paths` are the inputs and `flags` the options, for that command line. The commands call it after the check that
 * `--out` replaces no input, so that an `--out` naming the evidence itself is told that first.
 */
export function refuseUnwrittenFormat(
  command: FormatCommand,
  given: string | undefined,
  out: string | undefined,
  paths: readonly string[],
  flags: CarriedFlags = {},
): void {
  const format = unwrittenOfName(command, out);
  if (format === undefined || out === undefined) return;
  const own = TABLES[command];
  const unwritten = 'use' in format ? format : undefined;
  const use: Unwritten['use'] = unwritten?.use ?? { command: OTHER[command], id: format.id };
  const option = use.option === undefined ? '' : `${use.option} `;
  // A name the other command writes is kept as given (`t.markdown` stays so); another is renamed for `use`.
  const name = unwritten === undefined ? out : renamed(use.command, out, use.id);
  // The same command under another name, or the other command's whole line.
  // With --format given, the same command needs the format named too (the name alone would now disagree with it).
  const target =
    use.command === command
      ? `${given !== undefined ? `--format ${use.id} ` : ''}${option}--out ${quoted(name)}`
      : `chronolog ${use.command} ${paths.map(quoted).join(' ')}${carriedWords(flags, use.command)} ${option}--out ${quoted(name)}`;
  const instead = (withTarget: boolean) =>
    unwritten === undefined
      ? `${cap(format.a)} file is written by ${use.command}: ${target}`
      : `No chronolog command writes ${format.a} file${unwritten.except ?? ''}; ${unwritten.why}${withTarget ? `: ${target}` : '.'}`;
  if (given !== undefined) {
    const words = own.find((f) => f.id === given)?.words ?? given;
    // `--format html --out r.pdf`: the file renamed for the format is already the output to use instead.
    const same = use.command === command && use.id === given;
    throw new UsageError(
      'USAGE_FORMAT_OUT_UNSUPPORTED',
      `--format ${given} writes ${words}, but --out ${out} is named as ${format.a} file, which ${command} does not write`,
      `Nothing was written. Name the file for the format (--out ${quoted(renamed(command, out, given))}). ${instead(!same)}`,
    );
  }
  const names = orList(own.map((f) => `--out ${quoted(renamed(command, out, f.id))}`));
  throw new UsageError(
    'USAGE_FORMAT_OUT_UNSUPPORTED',
    `${command} writes ${orList(own.map((f) => f.words))}, not ${format.words}: --out ${out} is named as ${format.a} file`,
    use.command === command
      ? `Nothing was written. ${instead(true)}`
      : `Nothing was written. ${instead(true)}\n      or name the file for a format ${command} writes: ${names}`,
  );
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

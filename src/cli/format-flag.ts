/**
 * `--format` as people type it. Letter case is ignored (`HTML`), and a format may be named by its file ending
 * (`md` for markdown, `txt` for text, `htm`, `ndjson`). A format the command does not write is refused (exit 2,
 * nothing read or written) with the advice an `--out` name in that format gets (out-format.ts): the command line
 * that writes it (`report --format csv`: a CSV file is written by timeline), or the nearest output there is where
 * no command writes it (`report --format pdf`: the HTML report prints to one from a browser), then the formats the
 * command does write. Without this, commander's own message listed the choices and nothing else
 * (`argument 'pdf' is invalid. Allowed choices are html, json, markdown, text.`). `--help` still lists the choices.
 */
import { UsageError } from '../model/errors.js';
import { cap, orList } from '../model/format.js';
import { quoted } from '../model/shell-quote.js';
import {
  type CarriedFlags,
  carriedWords,
  type FormatCommand,
  type Named,
  renamed,
  TABLES,
  UNWRITTEN,
  type Unwritten,
} from './out-format.js';

/** The commands that take `--format`. */
export type FormatFlagCommand = FormatCommand | 'inspect';

const INSPECT: readonly Named[] = [
  { id: 'text', words: 'text', a: 'a text', endings: ['.txt'] },
  { id: 'json', words: 'JSON', a: 'a JSON', endings: ['.json'] },
];

const OWN: Readonly<Record<FormatFlagCommand, readonly Named[]>> = { ...TABLES, inspect: INSPECT };

/** The other commands whose formats a command's hint may point to, in the order they are looked in. */
const ELSEWHERE: Readonly<Record<FormatFlagCommand, readonly FormatCommand[]>> = {
  report: ['timeline'],
  timeline: ['report'],
  inspect: ['report', 'timeline'],
};

/** True when `value` (lower case) names `f`: its id, or one of its endings without the dot. */
const names = (f: Named, value: string) => f.id === value || f.endings.includes(`.${value}`);

/** The format ids of `command`, for commander's `choices` (which `--help` lists). */
export function formatChoices(command: FormatFlagCommand): string[] {
  return OWN[command].map((f) => f.id);
}

/**
 * Commander's parser for `--format`: one of the command's formats, named in any letter case or by its ending,
 * becomes its id; anything else is kept as typed, for `refuseFormatFlag` to answer.
 */
export function formatArgument(command: FormatFlagCommand): (value: string) => string {
  return (value) => OWN[command].find((f) => names(f, value.trim().toLowerCase()))?.id ?? value;
}

/** The --out name a suggested command line writes: `out` renamed for the format, else `report.html` and so on. */
function outName(command: FormatCommand, id: string, out: string | undefined): string {
  return renamed(command, out === undefined || out === '-' ? command : out, id);
}

/**
 * Refuses a `--format` value `command` does not write (exit 2), saying which command writes it, or what to use
 * where none does, and the formats `command` writes. `paths` and `flags` are those of the command line, carried
 * into a suggested one.
 */
export function refuseFormatFlag(
  command: FormatFlagCommand,
  given: string | undefined,
  out: string | undefined,
  paths: readonly string[],
  flags: CarriedFlags = {},
): void {
  const own = OWN[command];
  if (given === undefined || own.some((f) => f.id === given)) return;
  // inspect writes no file, so there is nothing it could have written.
  const nothing = command === 'inspect' ? '' : 'Nothing was written. ';
  const value = given.trim().toLowerCase();
  const writes = `${command} writes ${orList(own.map((f) => f.words))}`;
  const choices = `give a format ${command} writes: ${orList(own.map((f) => `--format ${f.id}`))}`;
  let elsewhere: { readonly command: FormatCommand; readonly format: Named } | undefined;
  for (const other of ELSEWHERE[command]) {
    const format = TABLES[other].find((f) => names(f, value));
    if (format !== undefined) {
      elsewhere = { command: other, format };
      break;
    }
  }
  const unwritten: Unwritten | undefined = elsewhere ? undefined : UNWRITTEN.find((f) => names(f, value));
  const format = elsewhere?.format ?? unwritten;
  if (format === undefined) {
    throw new UsageError(
      'USAGE_BAD_FORMAT',
      `${writes}; --format ${given} is none of them`,
      `${nothing}Give ${orList(own.map((f) => `--format ${f.id}`))}${command === 'report' ? ' (or md for markdown)' : ''}.`,
    );
  }
  const use = elsewhere ? { command: elsewhere.command, id: elsewhere.format.id } : unwritten!.use;
  const option = 'option' in use && use.option !== undefined ? ` ${use.option}` : '';
  const line = `chronolog ${use.command} ${paths.map(quoted).join(' ')}${carriedWords(flags, use.command)} --format ${use.id}${option} --out ${quoted(outName(use.command, use.id, out))}`;
  const instead = unwritten
    ? `No chronolog command writes ${format.a} file${unwritten.except ?? ''}; ${unwritten.why}: ${line}`
    : `${cap(format.a)} file is written by ${use.command}: ${line}`;
  throw new UsageError(
    'USAGE_FORMAT_UNSUPPORTED',
    `${writes}, not ${format.words}: --format ${given}`,
    use.command === command ? `${nothing}${instead}` : `${nothing}${instead}\n      or ${choices}`,
  );
}

/**
 * `chronolog timeline PATHS…`: every event, one row each, streamed as CSV or JSON Lines. The rows have no room for
 * what was not turned into an event, so stderr lists it (rejected records and other problems, files not read)
 * above the summary line `report` writes, and --strict fails the run as it does for `report`. `--excel` starts the CSV
 * with a UTF-8 byte-order mark for Excel; with JSON Lines it is refused. `--with-duplicates` writes each duplicate
 * too, right after the copy kept in its place, with that copy's file and locator (columns appended last).
 */
import { UsageError } from '../../model/errors.js';
import { quoted } from '../../model/shell-quote.js';
import { timelineRows } from '../../pipeline/rows.js';
import { timelineFormats } from '../../reports/index.js';
import { EXCEL_BOM } from '../../reports/timeline-csv.js';
import type { Environment } from '../environment.js';
import { refuseFormatFlag } from '../format-flag.js';
import {
  chooseFormat,
  type FormatOrigin,
  formatOfName,
  refuseUnwrittenFormat,
  renamed,
} from '../out-format.js';
import { refuseToOverwriteInputs } from '../out-guard.js';
import { sinkFor } from '../output.js';
import { forcedFormats, type ReadFlags, readInputs } from '../read.js';
import { forStderr } from '../stderr-lines.js';
import { complete, problemList, strictLine, summaryLine, tallyOf } from '../summary.js';

export interface TimelineFlags extends ReadFlags {
  /** As given; when absent, the --out name chooses (out-format.ts), else csv. */
  readonly format?: string;
  readonly out?: string;
  readonly incidentsOnly?: boolean;
  readonly strict?: boolean;
  /** Start the CSV with a UTF-8 byte-order mark, so Excel reads it as UTF-8. */
  readonly excel?: boolean;
  /** Each duplicate too, a row right after the copy kept in its place, with that copy's file and locator. */
  readonly withDuplicates?: boolean;
}

/**
 * `--excel` with JSON Lines: the mark is for a CSV opened in Excel, and JSON Lines is read by scripts, which a mark
 * would trip up. Refused before anything is read (exit 2), with the options that write the CSV for Excel; the
 * format given by --format is named as such, one chosen by the --out name as that.
 */
function refuseExcelWithout(id: string, origin: FormatOrigin, flags: TimelineFlags): void {
  if (flags.excel !== true || id === 'csv') return;
  const given =
    origin === 'flag'
      ? `--format ${id} writes JSON Lines`
      : `--out ${flags.out} is named as a JSON Lines file`;
  const out =
    flags.out === undefined || flags.out === '-'
      ? ''
      : ` --out ${quoted(renamed('timeline', flags.out, 'csv'))}`;
  throw new UsageError(
    'USAGE_EXCEL_FORMAT',
    `--excel starts a CSV timeline with the mark Excel needs to read it as UTF-8, but ${given}`,
    `Nothing was written. For Excel, write the CSV: ${origin === 'flag' ? '--format csv ' : ''}--excel${out}; for JSON Lines, leave out --excel.`,
  );
}

/**
 * Duplicates `--with-duplicates` could not place after a copy kept (dedupe.ts `keptOf`), which its reasoning rules
 * out: said, never left out in silence, as the rows are then fewer than the summary's duplicates.
 */
function untracedLine(n: number): string[] {
  return n === 0
    ? []
    : [
        `${n} duplicate${n === 1 ? '' : 's'} could not be traced to the copy kept and ${n === 1 ? 'is' : 'are'} not in the rows: this is a bug in chronolog, please report it.`,
      ];
}

export async function timelineCommand(
  paths: string[],
  flags: TimelineFlags,
  env: Environment,
): Promise<number> {
  refuseFormatFlag('timeline', flags.format, flags.out, paths, flags);
  // Said first, as report says it: a hint about the name or the format must not lead to replacing someone's file.
  await refuseToOverwriteInputs({
    out: flags.out,
    paths,
    caseFile: flags.case,
    forced: forcedFormats(flags.formatOf),
    what: 'timeline',
    example: `timeline.${flags.format ?? formatOfName('timeline', flags.out)?.id ?? 'csv'}`,
  });
  const chosen = chooseFormat('timeline', flags.format, flags.out, 'csv');
  const format = timelineFormats.find((f) => f.id === chosen.id);
  if (!format) throw new UsageError('USAGE_BAD_FORMAT', `unknown timeline format "${chosen.id}"`);
  refuseUnwrittenFormat('timeline', flags.format, flags.out, paths, flags);
  refuseExcelWithout(format.id, chosen.origin, flags);
  // Opened first: an unwritable --out fails before a long read.
  const sink = sinkFor(flags.out);
  const withDuplicates = flags.withDuplicates === true;
  const { timeline, kase } = await readInputs(
    paths,
    { ...flags, command: 'timeline', ...(withDuplicates ? { everyDuplicate: true } : {}) },
    env,
  );
  if (flags.incidentsOnly && kase.subject.identifiers.length === 0 && kase.victim.identifiers.length === 0) {
    throw new UsageError(
      'USAGE_NO_SUBJECT',
      '--incidents-only needs to know who the subject is',
      'Add --subject ID (repeatable) or a case file naming the subject.',
    );
  }
  // Rows are written in batches so a million-event timeline never becomes one giant string.
  let buffer = (flags.excel === true ? EXCEL_BOM : '') + format.header(withDuplicates);
  for (const row of timelineRows(timeline, flags.incidentsOnly === true, kase.lexicon, withDuplicates)) {
    buffer += format.row(row);
    if (buffer.length > 1 << 16) {
      await sink.write(buffer);
      buffer = '';
    }
  }
  await sink.write(buffer);
  await sink.close();
  const tally = tallyOf(timeline);
  if (!flags.quiet) {
    const c = env.stderrChalk;
    const lines = [...problemList(tally, c), ...untracedLine(timeline.duplicates?.untraced ?? 0), ''];
    const strict = flags.strict ? strictLine(tally, c) : '';
    process.stderr.write(
      forStderr(lines.join('\n') + summaryLine(tally, c, flags.out, 'above') + strict, env),
    );
  }
  return flags.strict && !complete(tally) ? 1 : 0;
}

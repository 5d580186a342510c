/** `chronolog report PATHS…`: read everything, analyse, and write one report. */
import { UsageError } from '../../model/errors.js';
import type { Report } from '../../model/index.js';
import { quoted } from '../../model/shell-quote.js';
import { analyseTimeline, reportMarks } from '../../pipeline/index.js';
import { reportFormats } from '../../reports/index.js';
import { problemLines } from '../../reports/problem-lines.js';
import { type Environment, generatedAt } from '../environment.js';
import { refuseFormatFlag } from '../format-flag.js';
import { byteOrder, givenName } from '../inputs.js';
import { commandAsRun, noSubjectError } from '../no-subject.js';
import { chooseFormat, type FormatOrigin, formatOfName, refuseUnwrittenFormat } from '../out-format.js';
import { refuseToOverwriteInputs } from '../out-guard.js';
import { sinkFor } from '../output.js';
import { forcedFormats, type ReadFlags, readInputs } from '../read.js';
import { forStderr } from '../stderr-lines.js';
import { complete, strictLine, summaryLine } from '../summary.js';
import { VERSION } from '../version.js';

export interface ReportFlags extends ReadFlags {
  /** As given; when absent, the --out name chooses (out-format.ts), else text. */
  readonly format?: string;
  readonly out?: string;
  readonly now?: string;
  readonly strict?: boolean;
  readonly chronology?: boolean;
}

/** The options that can change a report's content, as given (output-only options such as --out left out). */
function resultOptions(flags: ReportFlags): Record<string, string | boolean | string[]> {
  const keep = [
    'case',
    'tz',
    'region',
    'subject',
    'victim',
    'milestone',
    'from',
    'to',
    'dateOrder',
    'formatOf',
    'strict',
    // Whether the JSON holds the chronology: verify --recompute makes it again with one when this says so.
    'chronology',
  ] as const;
  const out: Record<string, string | boolean | string[]> = {};
  for (const k of keep) {
    const v = flags[k];
    // Paths as reports show them, as the inputs are named: verify finds them again by that rule.
    if (v !== undefined) out[k] = k === 'case' && typeof v === 'string' ? givenName(v) : v;
  }
  return out;
}

/**
 * The report of `paths` under `flags`, generated at `stamp`, without writing it anywhere: what `report` writes,
 * and what `verify --recompute` makes again to compare with a report kept as evidence.
 */
export async function makeReport(
  paths: readonly string[],
  flags: ReportFlags,
  env: Environment,
  stamp: string,
  withChronology: boolean,
): Promise<Report> {
  const { timeline, kase } = await readInputs(paths, { ...flags, generatedAt: stamp }, env, false, (c) =>
    reportMarks(c, withChronology),
  );
  if (kase.subject.identifiers.length === 0 && kase.victim.identifiers.length === 0) {
    throw noSubjectError(
      'who is the report about? Name the subject (the person whose contact is reported) or the victim.',
      timeline.events,
      {
        command: commandAsRun('report', paths, flags.given),
        region: kase.region,
        caseFile: kase.caseFile?.path,
        paths,
      },
    );
  }
  return analyseTimeline(timeline, kase, {
    version: VERSION,
    generatedAt: stamp,
    tzdata: env.tzdata,
    // In the order they are read, so that the order they were given in changes no byte of the report.
    run: { paths: paths.map(givenName).sort(byteOrder), options: resultOptions(flags) },
    withChronology,
  });
}

/**
 * `--chronology` asks for every incident, and a format without a chronology would drop it silently: the text
 * report is a one-screen summary (it was `report --chronology`'s default format, so the request went unanswered
 * on the very command that made it). Refused before anything is read, naming the formats that have one. HTML and
 * Markdown always include it, so the flag is simply already granted there.
 */
function refuseChronologyWithout(
  format: (typeof reportFormats)[number],
  origin: FormatOrigin,
  paths: readonly string[],
  flags: ReportFlags,
): void {
  if (flags.chronology !== true || format.id === 'json' || format.needsChronology === true) return;
  const cmd = `chronolog report ${paths.map(quoted).join(' ')}`;
  const why =
    format.id !== 'text'
      ? ''
      : origin === 'default'
        ? ' (the default format, a one-screen summary)'
        : origin === 'out'
          ? ` (a one-screen summary, chosen by the --out name ${flags.out ?? ''})`
          : ' (a one-screen summary)';
  throw new UsageError(
    'USAGE_CHRONOLOGY_FORMAT',
    `--chronology adds every incident to the JSON report; the ${format.id} report${why} has no chronology`,
    `The HTML and Markdown reports always include it, the JSON with --chronology: ${cmd} --format html --out report.html\n      or ${cmd} --format json --chronology --out report.json`,
  );
}

export async function reportCommand(paths: string[], flags: ReportFlags, env: Environment): Promise<number> {
  refuseFormatFlag('report', flags.format, flags.out, paths, flags);
  // An --out that would replace an input, or another file chronolog did not write, is said first: the other
  // refusals are about the name or the format, and a hint of theirs (give another --format) would lead to it.
  const named = flags.format ?? formatOfName('report', flags.out)?.id ?? 'text';
  await refuseToOverwriteInputs({
    out: flags.out,
    paths,
    caseFile: flags.case,
    forced: forcedFormats(flags.formatOf),
    what: 'report',
    example: `report.${({ markdown: 'md', text: 'txt' } as Record<string, string>)[named] ?? named}`,
  });
  const chosen = chooseFormat('report', flags.format, flags.out, 'text');
  const format = reportFormats.find((f) => f.id === chosen.id);
  if (!format) throw new UsageError('USAGE_BAD_FORMAT', `unknown report format "${chosen.id}"`);
  refuseUnwrittenFormat('report', flags.format, flags.out, paths, flags);
  refuseChronologyWithout(format, chosen.origin, paths, flags);
  if (format.notForTerminal && (flags.out === undefined || flags.out === '-') && env.stdoutIsTTY) {
    throw new UsageError(
      'USAGE_TERMINAL_OUTPUT',
      `refusing to write ${format.id} to the terminal`,
      `Add --out report.${format.id === 'markdown' ? 'md' : format.id}`,
    );
  }
  const stamp = generatedAt(flags.now);
  // Opened first: an unwritable --out fails before a long read, and an interrupted run has a temp file to clean.
  const sink = sinkFor(flags.out);
  const report = await makeReport(
    paths,
    flags,
    env,
    stamp,
    format.needsChronology === true || flags.chronology === true,
  );
  const toStdout = flags.out === undefined || flags.out === '-';
  await sink.write(
    format.render(report, {
      chalk: toStdout ? env.stdoutChalk : env.plainChalk,
      width: env.width,
      ...(toStdout && env.stdoutIsTTY ? { wrapAt: env.width } : {}),
      commandLine: ['chronolog', 'report', ...paths].join(' '),
    }),
  );
  await sink.close();
  if (!flags.quiet) {
    const strict = flags.strict ? strictLine(report, env.stderrChalk) : '';
    process.stderr.write(
      forStderr(
        summaryLine(report, env.stderrChalk, flags.out) +
          strict +
          windowWarning(report, env, format.id === 'text' && toStdout),
        env,
      ),
    );
  }
  return flags.strict && !complete(report) ? 1 : 0;
}

/**
 * The warning that no export covers a day of the window (CASE_WINDOW_NOT_EXPORTED: a mistyped --from/--to year
 * reads just like a window after the last export), under the summary line, so it is seen whatever the output. Not
 * repeated when the terminal report on stdout lists it among its problems.
 */
function windowWarning(report: Report, env: Environment, listedOnStdout: boolean): string {
  const p = report.problems.find((x) => x.code === 'CASE_WINDOW_NOT_EXPORTED');
  if (!p || listedOnStdout) return '';
  return `${problemLines(p, env.stderrChalk).join('\n')}\n`;
}

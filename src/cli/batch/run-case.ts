/**
 * One case of `chronolog batch`: read its folder with the same detection and case-file rules as `report`,
 * analyse it, and reduce the report to the rows of the batch outputs. Runs inside a worker thread (or in
 * process when running from sources): it returns plain data, and writes only the case's events, encoded as a
 * Parquet part, to the temporary file it is given (the main thread moves it into place).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ToolError, UsageError } from '../../model/errors.js';
import type { Report } from '../../model/index.js';
import { analyseTimeline } from '../../pipeline/index.js';
import { showControls, terminalSafe } from '../../reports/sanitize.js';
import { identifierTally } from '../../reports/tallies.js';
import { shownPath } from '../disk-path.js';
import type { Environment } from '../environment.js';
import { byteOrder, walk } from '../inputs.js';
import { readInputs } from '../read.js';
import { VERSION } from '../version.js';
import { type PartMeta, writePart } from './parquet.js';
import { tableText } from './table-text.js';

/** cases.csv columns, in order. */
export const CASE_COLUMNS = [
  'case',
  'incidents',
  'first',
  'last',
  'days_with_contact',
  'channels',
  'identifiers',
  'rate_per_day',
  'trend_rate_ratio',
  'change_points',
  'threats',
  'rejected',
  // Added later, so after the first columns (a script reading columns by position keeps working).
  'timezone',
  'timezone_source',
  'errors',
  'warnings',
  'files_not_read',
] as const;

/** cases.csv's columns before `timezone` and the rest were added: a results folder written so is still batch's own. */
export const CASE_COLUMNS_BEFORE_PROBLEMS = CASE_COLUMNS.slice(0, CASE_COLUMNS.indexOf('timezone'));

/** problems.csv columns: one row per case, severity and code, with how many problems of that code the case had. */
export const PROBLEM_COLUMNS = ['case', 'severity', 'code', 'count'] as const;

/**
 * One event as states written before parts existed held it (read for compatibility only):
 * [utcMs, localDate, channel, kind, direction, callStatus, role, incident, sender].
 */
export type EventTuple = [
  number,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  boolean,
  string | null,
];

export interface CaseResult {
  readonly case: string;
  readonly inputsHash: string;
  /**
   * The chronolog version that analysed the case (or tried to: failed cases have it since the time zone columns
   * were added): --resume runs a case again when another version made its row.
   */
  readonly generator?: string;
  readonly error?: string;
  readonly row?: (string | number)[];
  readonly channels?: [string, number][];
  readonly daily?: [string, string, number][];
  /** The case's events.parquet rows: where its part's row groups are (the part is OUTDIR/cases/<case>.parquet). */
  readonly parquet?: PartMeta;
  /** The temporary file holding the part, until the state is saved (never written into the state). */
  readonly partFile?: string;
  /** States written before parts existed hold the events themselves. */
  readonly events?: EventTuple[];
  /** The report's problems, counted by severity and code (those beyond the report's per-code cap included). */
  readonly problems?: [string, string, number][];
  /**
   * The zone the case was analysed in, and where it came from (`case-file`, `option`: batch's --tz, `system`: this
   * computer's): --resume runs a case again when a zone not its own case file's would now be another.
   */
  readonly zone?: string;
  readonly zoneSource?: 'case-file' | 'option' | 'system';
  /** The tz database the case was analysed with: another may place the same instants on other days. */
  readonly tzdata?: string | null;
}

/** What a case is analysed with besides its files: batch's --tz, the zone for cases whose case file names none. */
export interface CaseSettings {
  readonly tz?: string | undefined;
}

/**
 * SHA-256 over every file of the case (relative path, then content): what `--resume` compares. A path that is not
 * UTF-8 is hashed as its bytes, and sorted as shown (disk-path.ts).
 */
export async function hashCase(dir: string): Promise<string> {
  const h = createHash('sha256');
  const walked = await walk([dir]);
  const files = [...walked.files.map((f) => f.abs), ...walked.caseFiles].sort((a, b) =>
    byteOrder(shownPath(a), shownPath(b)),
  );
  const from = Buffer.from(path.resolve(dir), 'utf8').toString('latin1');
  for (const f of files) {
    if (typeof f === 'string') h.update(`${path.relative(dir, f)}\u0000`);
    else h.update(Buffer.from(`${path.relative(from, f.toString('latin1'))}\u0000`, 'latin1'));
    for await (const chunk of createReadStream(f)) h.update(chunk as Buffer);
  }
  return h.digest('hex');
}

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);

/**
 * The report's problems counted by severity and code, sorted by code then severity: the problems listed in full and
 * those beyond the per-code cap (problemsOmittedLocations, which keeps each one's severity).
 */
function problemCounts(r: Report): [string, string, number][] {
  const counts = new Map<string, number>();
  const add = (severity: string, code: string, n: number) => {
    const key = `${code}\u0000${severity}`;
    counts.set(key, (counts.get(key) ?? 0) + n);
  };
  for (const p of r.problems) add(p.severity, p.code, 1);
  for (const o of r.problemsOmittedLocations ?? []) add(o.severity, o.code, o.count);
  return [...counts]
    .sort((a, b) => byteOrder(a[0], b[0]))
    .map(([key, n]) => {
      const [code, severity] = key.split('\u0000') as [string, string];
      return [severity, code, n];
    });
}

function caseRow(
  name: string,
  r: Report,
  problems: readonly [string, string, number][],
  zoneSource: string,
): (string | number)[] {
  const esc = r.escalation;
  // Lexicon counts only where there was text to search: a case without any (calls only, anonymised with
  // --drop-text) leaves the cell empty, never a false 0 in pooled data. The built-in category `threats` alone (to
  // kill or harm): a case file's own `death-threats` is not comparable across cases, and adding it would count an
  // incident in both twice.
  const threats =
    esc?.content.textsSearched === 0
      ? null
      : esc?.content.categories.find((c) => c.id === 'threats')?.incidents;
  return [
    name,
    r.incidents.total,
    r.incidents.firstLocal?.slice(0, 10) ?? '',
    r.incidents.lastLocal?.slice(0, 10) ?? '',
    r.incidents.daysWithContact,
    Object.keys(r.incidents.byChannel).length,
    // As the reports count them: "(subject, as recorded)" (diary entries that name no number or account) is a
    // row of the identifiers table but no identifier.
    identifierTally(r).count,
    cell(esc?.rate.perDay),
    cell(esc?.trend.poisson.rateRatioPer30Days),
    // Change points only where they were searched for: too few days or contacts (status `below-minimum`) leave
    // the list empty unsearched, which is no "none found".
    cell(esc?.changePointMethod.status === 'ok' ? esc.changePoints.length : null),
    cell(threats),
    r.accounting.rejected,
    r.case.timezone,
    zoneSource,
    problems.filter((p) => p[0] === 'error').reduce((s, p) => s + p[2], 0),
    problems.filter((p) => p[0] === 'warning').reduce((s, p) => s + p[2], 0),
    r.ignoredFiles.length,
  ];
}

/**
 * An error message as one cell of errors.csv. A message that lists files gives one per line ("none of the 2
 * files is a supported export:\n  a: …\n  b: …"); its lines are joined with "; " so each file's reason stays
 * apart (a line ending in ":" introduces the list, and is followed by a space). File names in such lists have
 * their own line breaks shown as <U+000A>, so a line break here always ends an item.
 */
function oneLine(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  return lines.reduce((s, l, k) => (k === 0 ? l : `${s}${s.endsWith(':') ? ' ' : '; '}${l}`), '');
}

/**
 * A message about the case folder `dir` (as batch reached it: DIR as typed, joined with the case's name) with that
 * folder named by the case's name, as the tables name it: errors.csv and the state files are the same whether DIR
 * was given as `cases`, `.` or an absolute path, and never hold where the cases lie on this machine.
 */
function asCaseName(message: string, dir: string, name: string): string {
  // Messages name a path as shown (`shownPath`: a literal "<0x" as "<0x3C>0x", as the case's name shows it) and
  // made safe for a terminal (`terminalSafe`: a tab or line break as a space, controls as `<U+001B>`), or raw:
  // each form of the folder is replaced by the case's name as the tables show it (`tableText`), so a tab or line
  // break in it is shown, not lost to a space when the message is made one line (`oneLine`).
  const raw = [dir, path.resolve(dir)];
  const forms = new Set(
    raw.flatMap((f) => [f, shownPath(f)]).flatMap((f) => [f, showControls(f), terminalSafe(f)]),
  );
  const to = tableText(name);
  const pairs = [...forms].map((f) => [f, to] as const).filter(([f]) => f !== to);
  // The longest first: an absolute path holds the relative one.
  pairs.sort((a, b) => b[0].length - a[0].length);
  return pairs.reduce((m, [f, to]) => m.split(f).join(to), message);
}

/**
 * Runs one case, writing its events' Parquet part to `partFile`; every failure becomes `error` (one broken case
 * never stops the batch).
 */
export async function runCase(
  dir: string,
  name: string,
  env: Environment,
  partFile: string,
  settings: CaseSettings = {},
): Promise<CaseResult> {
  let inputsHash = '';
  try {
    inputsHash = await hashCase(dir);
    // Cases already run side by side (--jobs): a case's large files are read on its own thread. --tz stands in
    // for this computer's zone: it is the zone of the cases whose case file names none.
    const { timeline, kase } = await readInputs(
      [dir],
      { quiet: true },
      { ...env, workerMinBytes: 'off', ...(settings.tz === undefined ? {} : { systemZone: settings.tz }) },
    );
    const zoneSource =
      kase.timezoneSource === 'system' && settings.tz !== undefined ? 'option' : kase.timezoneSource;
    if (kase.subject.identifiers.length === 0 && kase.victim.identifiers.length === 0) {
      throw new UsageError(
        'USAGE_NO_SUBJECT',
        'no subject or victim named (add case.json to the case folder)',
      );
    }
    const report = analyseTimeline(timeline, kase, {
      version: VERSION,
      generatedAt: '1970-01-01T00:00:00.000Z',
      tzdata: env.tzdata,
      run: { paths: [name], options: {} },
    });
    const daily: [string, string, number][] = [];
    for (const d of report.incidents.daily) {
      for (const [ch, n] of Object.entries(d.byChannel).sort()) if (n) daily.push([d.date, ch, n]);
    }
    const parquet = await writePart(partFile, name, timeline.events, timeline.zone);
    const problems = problemCounts(report);
    return {
      case: name,
      inputsHash,
      generator: VERSION,
      zone: report.case.timezone,
      zoneSource,
      tzdata: env.tzdata,
      row: caseRow(name, report, problems, zoneSource),
      problems,
      channels: Object.entries(report.incidents.byChannel)
        .map(([c, n]) => [c, n ?? 0] as [string, number])
        .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      daily,
      parquet,
      partFile,
    };
  } catch (err) {
    const e = err as Error;
    const code = err instanceof ToolError || err instanceof UsageError ? `${err.code}: ` : '';
    return {
      case: name,
      inputsHash,
      generator: VERSION,
      error: oneLine(`${code}${asCaseName(e.message, dir, name)}`),
    };
  }
}

/**
 * `chronolog batch DIR --out OUTDIR [--jobs N] [--shard I/N] [--resume] [--excel]`: every subfolder of DIR (or
 * symbolic link to a folder, see batch/case-folders.ts) is one case.
 * Writes a state file per case (OUTDIR/cases/) and the tables cases.csv, channels.csv, daily.csv, problems.csv,
 * errors.csv and events.parquet; `--tz ZONE` is the zone of the cases whose case file names none (else this
 * computer's, which cases.csv's timezone_source then says); `--excel` starts each CSV table with a byte-order mark for Excel. `--shard I/N`
 * (1 ≤ I ≤ N) takes the cases whose name hashes to I, so the same command runs under any scheduler;
 * `chronolog merge` joins the shards.
 * Exit 0 when at least one case was analysed (or left unchanged by --resume), whatever failed besides (errors.csv
 * lists it); 1 when every case tried failed (the tables are still written), and when DIR holds no case to read.
 * A shard none of DIR's cases falls in is no failure: it writes empty tables, which `merge` joins.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isValidTimeZone } from '../../model/dates.js';
import { ToolError, UsageError } from '../../model/errors.js';
import { andList, shownOf } from '../../model/format.js';
import { quoted } from '../../model/shell-quote.js';
import { plural } from '../../reports/format.js';
import { givenPath } from '../argv-bytes.js';
import { type CaseFolders, caseFolders } from '../batch/case-folders.js';
import {
  refuseNotOwnFiles,
  refuseOutAmongCases,
  refuseStatesAmongCases,
  TABLE_FILES,
} from '../batch/out-folder.js';
import { loadState, saveState, writeTables } from '../batch/outputs.js';
import { type CaseJob, runPool } from '../batch/pool.js';
import { type CaseResult, hashCase } from '../batch/run-case.js';
import { resolvePath, shownPath } from '../disk-path.js';
import type { Environment } from '../environment.js';
import { CASE_FILE_NAMES } from '../inputs.js';
import { refuseToOverwriteInputs } from '../out-guard.js';
import { outputFolder } from '../output.js';
import { timeZoneProblem, unknownZone } from '../time-zone-advice.js';
import { VERSION } from '../version.js';

export interface BatchFlags {
  readonly out?: string;
  readonly jobs?: string;
  readonly shard?: string;
  readonly resume?: boolean;
  /** Start each CSV table with a UTF-8 byte-order mark, so Excel reads it as UTF-8. */
  readonly excel?: boolean;
  /** The zone of the cases whose case file names none, in place of this computer's. */
  readonly tz?: string;
  readonly quiet?: boolean;
}

/** The shard a case belongs to, 1…n: from a hash of its name, so it never depends on what else is in DIR. */
export function shardOf(name: string, n: number): number {
  return (Number.parseInt(createHash('sha256').update(name).digest('hex').slice(0, 8), 16) % n) + 1;
}

function parseShard(s: string | undefined): { i: number; n: number } | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || i < 1 || i > n) {
    throw new UsageError(
      'USAGE_BAD_SHARD',
      `--shard "${s}" must be I/N with 1 ≤ I ≤ N`,
      'Example: --shard 3/8',
    );
  }
  return { i, n };
}

/** --tz, checked as report checks it: a bad zone is a usage error before any case is read, not a failure per case. */
function checkTz(tz: string | undefined): void {
  if (tz === undefined) return;
  if (!isValidTimeZone(tz)) {
    const unknown = unknownZone(tz);
    throw new UsageError('USAGE_BAD_TZ', `--tz "${tz}" ${unknown.why}`, unknown.meant);
  }
  const problem = timeZoneProblem(tz);
  if (problem) throw new UsageError('USAGE_BAD_TZ', `--tz "${tz}" ${problem.why}`, problem.meant);
}

/**
 * A saved case analysed as it would be now: by this version, with this tz database, and in the zone it would be
 * read in now (its case file's, which its files' hash covers, or else --tz or this computer's zone).
 */
function sameSettings(
  prev: CaseResult,
  zone: string,
  source: 'option' | 'system',
  env: Environment,
): boolean {
  if (prev.generator !== VERSION || prev.tzdata === undefined || prev.tzdata !== env.tzdata) return false;
  if (prev.zoneSource === 'case-file') return true;
  return prev.zoneSource === source && prev.zone?.toLowerCase() === zone.toLowerCase();
}

function parseJobs(s: string | undefined): number {
  if (s === undefined) return os.availableParallelism();
  if (!/^\d+$/.test(s) || Number(s) < 1) {
    throw new UsageError('USAGE_BAD_JOBS', `--jobs "${s}" must be a whole number ≥ 1`);
  }
  return Number(s);
}

/** The files in OUTDIR a run may replace: the tables and the per-case state files and Parquet parts. */
async function filesAt(out: string): Promise<string[]> {
  const states = await readdir(path.join(out, 'cases')).catch(() => [] as string[]);
  return [...TABLE_FILES.map((n) => path.join(out, n)), ...states.map((n) => path.join(out, 'cases', n))];
}

/**
 * Links that were not followed, results folders of earlier runs and folders whose names are not UTF-8, in words:
 * all are listed in errors.csv.
 */
function notReadWords(notRead: CaseFolders['notRead']): string {
  const earlier = notRead.filter((n) => n.reason.startsWith('BATCH_EARLIER_OUTPUT')).length;
  const named = notRead.filter((n) => n.reason.startsWith('BATCH_NAME_NOT_UTF8')).length;
  const links = notRead.length - earlier - named;
  return [
    ...(links > 0 ? [plural(links, 'link')] : []),
    ...(earlier > 0 ? [plural(earlier, 'earlier results folder')] : []),
    ...(named > 0 ? [`${plural(named, 'folder')} named in bytes that are not UTF-8`] : []),
  ].join(' and ');
}

function eta(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * DIR given as one case where the folder of cases belongs: it holds a case file of its own (whatever subfolders it
 * has, such as an iPhone chat export, which batch would take for cases while passing over the exports beside them),
 * or files and not one subfolder ("0 cases" and empty tables with exit 0 would pass for a batch that found nothing).
 * Said before anything is written. An empty DIR is refused by refuseNoCases, one whose only subfolders were not
 * read (listed in errors.csv) after the tables.
 */
function refuseOneCase(folders: CaseFolders, dir: string): void {
  const caseFile = folders.files.find((f) => (CASE_FILE_NAMES as readonly string[]).includes(f));
  const onlyFiles = folders.names.length === 0 && folders.notRead.length === 0 && folders.files.length > 0;
  if (caseFile === undefined && !onlyFiles) return;
  // Up to four names, or three and how many more: "and 1 more" would take the place of the one name it hides.
  const listed = shownOf(folders.files.length, 3);
  const shown = folders.files.slice(0, listed);
  const more =
    folders.files.length > listed
      ? `${shown.join(', ')} and ${folders.files.length - listed} more`
      : andList(shown);
  const what =
    caseFile !== undefined
      ? `holds ${caseFile}, so it is one case`
      : `holds no case folders, only ${plural(folders.files.length, 'file')} (${more})`;
  throw new ToolError(
    'BATCH_DIR_IS_ONE_CASE',
    `${dir} ${what}: batch reads each subfolder of the folder it is given as one case`,
    `To report on it as one case: chronolog report ${quoted(dir)}. For a batch, give the folder that holds one subfolder per case.`,
  );
}

/**
 * DIR with no case folder at all, nor anything listed as not read: empty, or holding only hidden entries or batch's
 * own --out folder. That is almost always the wrong folder (a parent, a typo, a disk not mounted), and "0 cases"
 * with empty tables and exit 0 would pass for a batch that found nothing to report; so it is an input failure,
 * said before anything is written. (A shard that none of DIR's cases falls in is no such failure.)
 */
function refuseNoCases(folders: CaseFolders, dir: string): void {
  if (folders.names.length > 0 || folders.notRead.length > 0 || folders.files.length > 0) return;
  const own = folders.out?.leftOut.length ? `, only the --out folder ${folders.out.leftOut.join(', ')}` : '';
  throw new ToolError(
    'BATCH_NO_CASES',
    `${dir} holds no case folders${own}: batch reads each subfolder of the folder it is given as one case; nothing was written`,
    'Give the folder that holds one subfolder per case (e.g. cases, holding cases/alice and cases/bob); to report on one case: chronolog report FOLDER.',
  );
}

/**
 * DIR at a path that is not valid UTF-8 (a folder named with a Windows-1252 "é", or inside one: given so, or the
 * current folder when DIR is relative): refused before anything is written, naming it and what to do. Each case
 * needs its case file, and a case file in a folder whose path is not UTF-8 is not used (inputs.ts: it is taken
 * only when given with --case, which names one case file for a whole batch), so every case would fail with "no
 * subject or victim named" beside the case.json that names them; batch also reaches each case through DIR's path
 * as text, in the worker threads and in the comparisons of real paths that find links that loop and the --out
 * folder. A rename fixes it, and changes no table: a case is named by its folder's entry in DIR, not DIR's path.
 */
function refuseDirNotUtf8(dir: string): void {
  const given = givenPath(dir);
  const at = resolvePath(given);
  if (typeof at === 'string') return;
  // The bytes are in the current folder's path, not in DIR as typed: that path is where they are shown.
  const where = typeof given === 'string' ? `${dir} (${shownPath(at)})` : dir;
  throw new ToolError(
    'BATCH_DIR_NOT_UTF8',
    `${where}: the path of the folder of cases holds bytes that are not valid UTF-8 (shown as <0x..>), and a case file in a folder so named is not used, so no case could be read; nothing was written`,
    'Rename the folder whose name shows <0x..> (for example in the file manager) and re-run; the case names in the tables do not change.',
  );
}

export async function batchCommand(dir: string, flags: BatchFlags, env: Environment): Promise<number> {
  if (flags.out === undefined)
    throw new UsageError('USAGE_NO_OUT', 'batch writes a folder: give --out OUTDIR');
  const out = flags.out;
  const shard = parseShard(flags.shard);
  const jobs = parseJobs(flags.jobs);
  checkTz(flags.tz);
  const zone = flags.tz ?? env.systemZone;
  const zoneSource = flags.tz === undefined ? 'system' : 'option';
  const settings = flags.tz === undefined ? {} : { tz: flags.tz };
  const inShard = (n: string) => !shard || shardOf(n, shard.n) === shard.i;
  refuseDirNotUtf8(dir);
  // An --out folder inside DIR that holds only batch's own tables is no case, and its files are no inputs; an
  // --out that is DIR, a case folder or inside one is refused.
  const folders = await caseFolders(dir, out);
  refuseOneCase(folders, dir);
  refuseNoCases(folders, dir);
  refuseOutAmongCases(folders.out, out, dir);
  await refuseStatesAmongCases(out, dir);
  await refuseToOverwriteInputs({
    out,
    targets: await filesAt(out),
    paths: [dir],
    exclude: folders.out?.outputs,
    what: 'tables',
    example: 'results',
  });
  const names = folders.names.filter(inShard);
  // Links that are not followed are listed in errors.csv (and kept as states, so `merge` lists them too).
  const notRead = folders.notRead.filter((f) => inShard(f.name));
  // A file of someone else's where a table or state file goes (`results/daily.csv` of the user's own) is never
  // replaced; an earlier results folder of batch or merge holds only batch's own files, so it is.
  await refuseNotOwnFiles(out, [...names, ...notRead.map((f) => f.name)], 'batch');
  await outputFolder(out);
  const results: CaseResult[] = [];
  const todo: CaseJob[] = [];
  for (const { name, reason } of notRead) {
    const r: CaseResult = { case: name, inputsHash: '', generator: VERSION, error: reason };
    await saveState(out, r);
    results.push(r);
  }
  for (const name of names) {
    // By its folder as it is on disk: the name shown may differ (a literal "<0x", case-folders.ts).
    const caseDir = path.join(dir, folders.folders.get(name)!);
    if (flags.resume) {
      const prev = await loadState(out, name);
      // Unchanged means the same files analysed by this version in the same zone: another version, tz database
      // or zone may count differently.
      if (
        prev &&
        prev.error === undefined &&
        sameSettings(prev, zone, zoneSource, env) &&
        prev.inputsHash === (await hashCase(caseDir).catch(() => ''))
      ) {
        results.push({ ...prev, events: undefined });
        continue;
      }
    }
    todo.push({ dir: caseDir, name, settings });
  }
  const progress = env.stderrIsTTY && !flags.quiet;
  const started = Date.now();
  let done = 0;
  let failed = 0;
  await runPool(todo, jobs, env, async (r) => {
    await saveState(out, r);
    // Keep only the summary in memory: events.parquet reads each case's events back from its state file.
    results.push({ ...r, events: undefined });
    done++;
    if (r.error !== undefined) failed++;
    if (progress) {
      const left = ((Date.now() - started) / done) * (todo.length - done);
      process.stderr.write(`\r\x1b[K${done}/${todo.length} cases, ${failed} failed, ETA ${eta(left)}`);
    }
  });
  if (progress) process.stderr.write('\r\x1b[K');
  await writeTables(out, results, flags.excel === true);
  // Cases tried (links not followed are not tried): each was analysed now, left as it was by --resume, or failed.
  const failedNow = results.filter((r) => r.error !== undefined).length - notRead.length;
  const unchanged = names.length - todo.length;
  const analysed = todo.length - failedNow;
  if (!flags.quiet) {
    const parts = notReadWords(notRead);
    const links = parts === '' ? '' : `; ${parts} not read (see errors.csv)`;
    const own = folders.out?.leftOut.length ? ' (not read as a case)' : '';
    process.stderr.write(
      `${plural(names.length, 'case')}: ${analysed} analysed, ${unchanged} unchanged, ${failedNow} failed${links}; tables in ${out}${own}\n`,
    );
    // A case whose subject was never found is a row of zeros that reads as a quiet case: said, with where to look.
    const noSubject = results.filter((r) =>
      r.problems?.some((p) => p[1] === 'CASE_SUBJECT_NOT_FOUND'),
    ).length;
    if (noSubject > 0)
      process.stderr.write(
        `${plural(noSubject, 'case')} found no message or call from the subject (CASE_SUBJECT_NOT_FOUND in problems.csv, warnings in cases.csv): check the subject's identifiers in ${noSubject === 1 ? 'its case file' : 'their case files'}\n`,
      );
    // Tables that would differ on a machine set to another zone are said to, with the way to fix them.
    const inSystemZone = results.filter((r) => r.error === undefined && r.zoneSource === 'system').length;
    if (inSystemZone > 0)
      process.stderr.write(
        `${inSystemZone === names.length ? (names.length === 1 ? 'the case has' : `all ${names.length} cases have`) : `${plural(inSystemZone, 'case')} of ${names.length} ${inSystemZone === 1 ? 'has' : 'have'}`} no time zone in ${inSystemZone === 1 ? 'its' : 'their'} case file and ${inSystemZone === 1 ? 'was' : 'were'} read in this computer's zone (${env.systemZone}); give --tz ZONE (or "timezone" in each case file) so the tables are the same on every machine\n`,
      );
  }
  // DIR's only subfolders were links not followed or earlier results (errors.csv says which and why): no case.
  if (folders.names.length === 0) {
    throw new ToolError(
      'BATCH_NO_CASES',
      `${dir} holds no case that could be read, only ${notReadWords(folders.notRead)} not read; ${path.join(out, 'errors.csv')} gives the reason for each`,
      'Give the folder that holds one subfolder per case; a link to a case on another disk is read once that disk is mounted.',
    );
  }
  // Some failures are normal in a batch (errors.csv lists them); a batch where no case succeeded is a failure.
  if (names.length > 0 && analysed + unchanged === 0) {
    throw new ToolError(
      'BATCH_ALL_FAILED',
      `${names.length === 1 ? 'the one case' : `all ${plural(names.length, 'case')}`} ${shard ? `of shard ${shard.i}/${shard.n} ` : ''}in ${dir} failed, so the tables hold no case; ${path.join(out, 'errors.csv')} gives the reason for each`,
      'A case folder needs an export chronolog reads and a case.json naming the subject or the victim. Fix the cases and run the same command again.',
    );
  }
  return 0;
}

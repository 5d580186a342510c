/**
 * `chronolog merge OUTDIR… --out TARGET`: joins the outputs of `batch --shard` runs into one set. The per-case
 * state files are copied into TARGET/cases/ and every table is rebuilt from them, so the result is the same as
 * one unsharded run (`--excel` as batch's: the CSV tables start with a byte-order mark). A case found in two
 * shards with different results is an error (the shards disagree).
 */
import { existsSync, Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ToolError, UsageError } from '../../model/errors.js';
import { openErrorWords } from '../../pipeline/read-errors.js';
import { plural } from '../../reports/format.js';
import { byteOrder } from '../batch/case-folders.js';
import { refuseNotOwnFiles } from '../batch/out-folder.js';
import { loadState, saveState, stateNames, writeTables } from '../batch/outputs.js';
import type { CaseResult } from '../batch/run-case.js';
import type { Environment } from '../environment.js';
import { outputFolder } from '../output.js';

/** Rows of a batch table below its header line; 0 when the file is absent. */
async function tableRows(file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return Math.max(0, text.split('\n').filter((l) => l !== '').length - 1);
}

/**
 * A folder with no per-case state files is merged only when it is a batch output of no cases: the tables are
 * rebuilt from the state files in cases/, so the cases of a folder holding the tables alone (copied without their
 * cases/ folder) would be dropped from the merged set without a word.
 */
async function refuseWithoutStates(dir: string): Promise<void> {
  const hint =
    'Give the folders batch wrote with --out, each whole: merge rebuilds the tables from its cases/ folder.';
  const st = await stat(dir).catch((err: unknown) => err as NodeJS.ErrnoException);
  if (!(st instanceof Stats) || !st.isDirectory()) {
    const why = st instanceof Stats ? 'it is a file, not a folder' : openErrorWords(st);
    throw new ToolError('MERGE_NOT_BATCH_OUTPUT', `${dir}: cannot read batch results: ${why}`, hint);
  }
  if (!existsSync(path.join(dir, 'cases.csv')))
    throw new ToolError('MERGE_NOT_BATCH_OUTPUT', `${dir} holds no batch results (no cases/ folder)`, hint);
  const rows =
    (await tableRows(path.join(dir, 'cases.csv'))) + (await tableRows(path.join(dir, 'errors.csv')));
  if (rows > 0)
    throw new ToolError(
      'MERGE_NOT_BATCH_OUTPUT',
      `${dir} holds the tables of ${plural(rows, 'case')} but not the cases/ folder they are made from, so ${rows === 1 ? 'it' : 'they'} would be left out; nothing was written`,
      hint,
    );
}

/**
 * A state written by a version before cases.csv had its `timezone` … `files_not_read` columns and problems.csv:
 * an analysed case without `tzdata` (and so without its zone and problem counts), a failed one without `generator`
 * (its reason in that version's words). Its rows would leave those cells empty and its problems out.
 */
function fromEarlierVersion(r: CaseResult): boolean {
  return r.error === undefined ? r.tzdata === undefined : r.generator === undefined;
}

/** Refuses a folder whose state files an earlier version wrote: naming it, and how to bring it up to date. */
function refuseEarlierStates(dir: string, old: readonly string[], total: number, out: string): never {
  const some =
    old.length === total
      ? total === 1
        ? 'its one case'
        : `all ${plural(total, 'case')}`
      : `${old.length} of its ${plural(total, 'case')}`;
  throw new ToolError(
    'MERGE_EARLIER_VERSION',
    `${dir}: ${some} (${old
      .slice(0, 3)
      .map((n) => `"${n}"`)
      .join(
        ', ',
      )}${old.length > 3 ? ', …' : ''}) ${old.length === 1 ? 'was' : 'were'} analysed by an earlier chronolog version, whose state files lack the time zone, tz database and problem counts the tables now hold; nothing was written to ${out}`,
    `Run the batch command that wrote ${dir} again with this version and --resume (it analyses ${old.length === 1 ? 'that case' : 'those cases'} again), then merge.`,
  );
}

/** Why two states of one case with the same files differ: what their runs recorded, else the results alone. */
function sameFilesCause(a: CaseResult, b: CaseResult, dirA: string, dirB: string): string {
  const from = { 'case-file': 'its case file', option: '--tz', system: "this computer's zone" };
  const zone = (r: CaseResult) =>
    `${r.zone ?? 'an unrecorded zone'}${r.zoneSource === undefined ? '' : ` (${from[r.zoneSource]})`}`;
  const causes: string[] = [];
  if (a.zone !== b.zone || a.zoneSource !== b.zoneSource)
    causes.push(`read in ${zone(a)} in ${dirA} and in ${zone(b)} in ${dirB}`);
  if (a.tzdata !== b.tzdata)
    causes.push(
      `analysed with tz database ${a.tzdata ?? 'unknown'} in ${dirA} and ${b.tzdata ?? 'unknown'} in ${dirB}`,
    );
  if (a.generator !== b.generator)
    causes.push(
      `analysed by chronolog ${a.generator ?? 'unknown'} in ${dirA} and ${b.generator ?? 'unknown'} in ${dirB}`,
    );
  return causes.length === 0
    ? 'the same files gave different results, as another chronolog version would'
    : `the same files were ${causes.join(', and ')}`;
}

export async function mergeCommand(
  dirs: string[],
  flags: { out?: string; quiet?: boolean; excel?: boolean },
  _env: Environment,
) {
  if (flags.out === undefined)
    throw new UsageError('USAGE_NO_OUT', 'merge writes a folder: give --out TARGET');
  const all = new Map<string, CaseResult>();
  // The folder each case was first found in, to name both sides of a conflict.
  const foundIn = new Map<string, string>();
  // Every state is read and compared first, so that a conflict stops the merge before anything is written.
  for (const dir of dirs) {
    const names = await stateNames(dir);
    if (names.length === 0) await refuseWithoutStates(dir);
    // A folder's states are checked before any is compared: one an earlier version wrote is refused by name.
    const states: [string, CaseResult][] = [];
    for (const name of names) {
      const r = await loadState(dir, name);
      if (r) states.push([name, { ...r, events: undefined }]);
    }
    const old = states.filter(([, r]) => fromEarlierVersion(r)).map(([name]) => name);
    if (old.length > 0) refuseEarlierStates(dir, old.sort(byteOrder), states.length, flags.out);
    for (const [name, r] of states) {
      const prev = all.get(name);
      if (prev && JSON.stringify(prev) !== JSON.stringify(r)) {
        throw new ToolError(
          'MERGE_CONFLICT',
          `case "${name}" differs between ${foundIn.get(name)} and ${dir} (${prev.inputsHash === r.inputsHash ? sameFilesCause(prev, r, foundIn.get(name) ?? '', dir) : 'its files changed between the two runs'}); nothing was written to ${flags.out}`,
          prev.inputsHash === r.inputsHash && (prev.zone !== r.zone || prev.zoneSource !== r.zoneSource)
            ? 'Each case should be read in one zone: run the shards with the same --tz (or give every case file a timezone), then merge.'
            : `Each case should come from one folder: merge the shards of one batch run (--shard 1/N to N/N, the same N), or leave out the folder with the older result. To bring a folder up to date, run the same batch command again with --resume.`,
        );
      }
      if (!prev) {
        foundIn.set(name, dir);
        all.set(name, r);
      }
    }
  }
  // A file of someone else's where a table or state file goes is never replaced; an earlier merged set (or a batch
  // results folder) holds only batch's own files, so it is.
  await refuseNotOwnFiles(flags.out, foundIn.keys(), 'merge');
  await outputFolder(flags.out);
  // Then each case's state is copied from the folder it was first found in (read again: only one is in memory).
  for (const [name, dir] of foundIn) {
    const r = await loadState(dir, name);
    if (r) await saveState(flags.out, r);
  }
  await writeTables(flags.out, [...all.values()], flags.excel === true);
  if (!flags.quiet) {
    process.stderr.write(
      `merged ${plural(all.size, 'case')} from ${plural(dirs.length, 'folder')} into ${flags.out}\n`,
    );
    // Shards run on machines set to different zones read the cases without a zone of their own differently: the
    // merged set is then not one run's. Said, with the zones (cases.csv's timezone_source tells the cases apart).
    const zones = new Map<string, number>();
    for (const r of all.values())
      if (r.zoneSource !== undefined && r.zoneSource !== 'case-file' && r.zone !== undefined)
        zones.set(r.zone, (zones.get(r.zone) ?? 0) + 1);
    if (zones.size > 1)
      process.stderr.write(
        `the cases with no time zone in their case file were read in ${zones.size} different zones (${[
          ...zones,
        ]
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([z, n]) => `${z}: ${plural(n, 'case')}`)
          .join(
            ', ',
          )}), so the merged tables are not those of one run; run each shard again with the same --tz and --resume\n`,
      );
  }
  return 0;
}

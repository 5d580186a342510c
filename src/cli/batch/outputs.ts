/**
 * The batch output folder: one state file per case under OUTDIR/cases/ (what `--resume` and `merge` read) with
 * the case's events beside it as a Parquet part (OUTDIR/cases/<case>.parquet), and the tidy tables assembled from
 * them, sorted by case: cases.csv, channels.csv, daily.csv, problems.csv, errors.csv and events.parquet. With `--excel` each CSV
 * table starts with a UTF-8 byte-order mark, as the timeline's does.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from '../../reports/sanitize.js';
import { EXCEL_BOM } from '../../reports/timeline-csv.js';
import { publish, tempPath } from '../tempfiles.js';
import { byteOrder } from './case-folders.js';
import { TABLE_HEADERS } from './out-folder.js';
import { writeEventsParquet } from './parquet.js';
import type { CaseResult } from './run-case.js';
import { tableText } from './table-text.js';

/** Where a case's state lives (names are encoded so any folder name is a safe file name). */
export function statePath(outDir: string, name: string): string {
  return path.join(outDir, 'cases', `${encodeURIComponent(name)}.json`);
}

/** Where a case's Parquet part lives. */
export function partPath(outDir: string, name: string): string {
  return path.join(outDir, 'cases', `${encodeURIComponent(name)}.parquet`);
}

/** The output folder a loaded state came from (not enumerable: never copied by spreading or written as JSON). */
const FROM = Symbol('from');

/** Writes a file through a temporary name, so an interrupted run never leaves half a file. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPath(path.basename(file));
  await writeFile(tmp, data);
  await publish(tmp, file);
}

/**
 * Saves a case's state, and its part first (so a state on disk always has its part): the worker's temporary part
 * is moved into place, or a part is copied from the folder its state was loaded from (`merge`).
 */
export async function saveState(outDir: string, r: CaseResult): Promise<void> {
  await mkdir(path.join(outDir, 'cases'), { recursive: true });
  const part = partPath(outDir, r.case);
  const from = (r as { [FROM]?: string })[FROM];
  if (r.partFile !== undefined && r.error === undefined) await publish(r.partFile, part);
  else if (r.parquet !== undefined && from !== undefined && from !== outDir)
    await writeAtomic(part, await readFile(partPath(from, r.case)));
  else if (r.error !== undefined) await rm(part, { force: true });
  const { partFile: _, ...state } = r;
  await writeAtomic(statePath(outDir, r.case), JSON.stringify(state));
}

/** A saved state, or undefined when there is none (or its part is missing, so the case must be run again). */
export async function loadState(outDir: string, name: string): Promise<CaseResult | undefined> {
  let r: CaseResult;
  try {
    r = JSON.parse(await readFile(statePath(outDir, name), 'utf8')) as CaseResult;
  } catch {
    return undefined;
  }
  if (r.parquet !== undefined && !existsSync(partPath(outDir, name))) return undefined;
  return Object.defineProperty(r, FROM, { value: outDir, enumerable: false });
}

/** Every case name with a state file in OUTDIR. */
export async function stateNames(outDir: string): Promise<string[]> {
  const files = await readdir(path.join(outDir, 'cases')).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.json')).map((f) => decodeURIComponent(f.slice(0, -5)));
}

/**
 * Writes the tables for these cases (sorted by case name, byte order); events come from the state files. `excel`
 * starts each CSV table with a byte-order mark (`--excel`): case names and error reasons may hold any letter.
 */
export async function writeTables(
  outDir: string,
  results: readonly CaseResult[],
  excel = false,
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const sorted = [...results].sort((a, b) => byteOrder(a.case, b.case));
  const ok = sorted.filter((r) => r.error === undefined);
  // Case names are folder names and error reasons quote them, so a case called `=HYPERLINK("…")` or `+cmd` would
  // reach a spreadsheet as a formula, and one holding ESC or U+202E would rewrite a terminal or reorder the line
  // when the table is printed: every text cell is made inert as in the timeline CSV (controls and bidi overrides
  // shown as `<U+001B>`, formulas quoted; numbers stay numbers), and a tab or line break is shown so too
  // (`tableText`). The state files and events.parquet keep the name exactly.
  const csv = (header: readonly string[], rows: unknown[][]) =>
    (excel ? EXCEL_BOM : '') +
    stringify([
      header as string[],
      ...rows.map((r) => r.map((v) => (typeof v === 'string' ? csvSafe(tableText(v)) : v))),
    ]);
  // A state written before the last columns were added has a shorter row: those cells are left empty (unknown).
  const width = TABLE_HEADERS['cases.csv'].length;
  await writeAtomic(
    path.join(outDir, 'cases.csv'),
    csv(
      TABLE_HEADERS['cases.csv'],
      ok.map((r) => {
        const row = r.row ?? [];
        return row.length < width ? [...row, ...Array<string>(width - row.length).fill('')] : row;
      }),
    ),
  );
  await writeAtomic(
    path.join(outDir, 'channels.csv'),
    csv(
      TABLE_HEADERS['channels.csv'],
      ok.flatMap((r) => (r.channels ?? []).map((c) => [r.case, ...c])),
    ),
  );
  await writeAtomic(
    path.join(outDir, 'daily.csv'),
    csv(
      TABLE_HEADERS['daily.csv'],
      ok.flatMap((r) => (r.daily ?? []).map((d) => [r.case, ...d])),
    ),
  );
  await writeAtomic(
    path.join(outDir, 'problems.csv'),
    csv(
      TABLE_HEADERS['problems.csv'],
      ok.flatMap((r) => (r.problems ?? []).map((p) => [r.case, ...p])),
    ),
  );
  await writeAtomic(
    path.join(outDir, 'errors.csv'),
    csv(
      TABLE_HEADERS['errors.csv'],
      sorted.filter((r) => r.error !== undefined).map((r) => [r.case, r.error]),
    ),
  );
  await writeEventsParquet(
    outDir,
    sorted,
    (name) => partPath(outDir, name),
    (name) => loadState(outDir, name),
  );
}

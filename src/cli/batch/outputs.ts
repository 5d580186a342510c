/**
 * The batch output folder: one state file per case under OUTDIR/cases/ (what `--resume` and `merge` read), and
 * the tidy tables assembled from them, sorted by case: cases.csv, channels.csv, daily.csv, errors.csv and
 * events.parquet.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { publish, tempPath } from '../tempfiles.js';
import { writeEventsParquet } from './parquet.js';
import { CASE_COLUMNS, type CaseResult } from './run-case.js';

/** Where a case's state lives (names are encoded so any folder name is a safe file name). */
export function statePath(outDir: string, name: string): string {
  return path.join(outDir, 'cases', `${encodeURIComponent(name)}.json`);
}

/** Writes a file through a temporary name, so an interrupted run never leaves half a file. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPath(path.basename(file));
  await writeFile(tmp, data);
  await publish(tmp, file);
}

export async function saveState(outDir: string, r: CaseResult): Promise<void> {
  await mkdir(path.join(outDir, 'cases'), { recursive: true });
  await writeAtomic(statePath(outDir, r.case), JSON.stringify(r));
}

export async function loadState(outDir: string, name: string): Promise<CaseResult | undefined> {
  try {
    return JSON.parse(await readFile(statePath(outDir, name), 'utf8')) as CaseResult;
  } catch {
    return undefined;
  }
}

/** Every case name with a state file in OUTDIR. */
export async function stateNames(outDir: string): Promise<string[]> {
  const files = await readdir(path.join(outDir, 'cases')).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.json')).map((f) => decodeURIComponent(f.slice(0, -5)));
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Writes the tables for these cases (sorted by case name, byte order); events come from the state files. */
export async function writeTables(outDir: string, results: readonly CaseResult[]): Promise<void> {
  const sorted = [...results].sort((a, b) => byteOrder(a.case, b.case));
  const ok = sorted.filter((r) => r.error === undefined);
  const csv = (header: readonly string[], rows: unknown[][]) => stringify([header as string[], ...rows]);
  await writeAtomic(
    path.join(outDir, 'cases.csv'),
    csv(
      CASE_COLUMNS,
      ok.map((r) => r.row ?? []),
    ),
  );
  await writeAtomic(
    path.join(outDir, 'channels.csv'),
    csv(
      ['case', 'channel', 'incidents'],
      ok.flatMap((r) => (r.channels ?? []).map((c) => [r.case, ...c])),
    ),
  );
  await writeAtomic(
    path.join(outDir, 'daily.csv'),
    csv(
      ['case', 'date', 'channel', 'incidents'],
      ok.flatMap((r) => (r.daily ?? []).map((d) => [r.case, ...d])),
    ),
  );
  await writeAtomic(
    path.join(outDir, 'errors.csv'),
    csv(
      ['case', 'reason'],
      sorted.filter((r) => r.error !== undefined).map((r) => [r.case, r.error]),
    ),
  );
  await writeEventsParquet(outDir, sorted, (name) => loadState(outDir, name));
}

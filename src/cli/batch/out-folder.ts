/**
 * `chronolog batch DIR --out OUTDIR` with OUTDIR inside DIR (`batch cases --out cases/results`, run again and
 * again). Every subfolder of DIR is a case and every file under DIR is guarded as an input, so without care the
 * second run would read the first run's tables as a case and refuse to replace them. OUTDIR is batch's own when
 * everything in it is something batch writes (the tables with their exact first bytes, after the byte-order mark
 * `--excel` writes or none; `cases/` holding state files and Parquet parts) or hidden (`.DS_Store`), or when it
 * does not exist yet: then it is not a case, and its files are not inputs. Anything else there (`case.json`, a
 * chat export) makes it a case, and then --out is refused, as it is for an --out inside a case or equal to DIR:
 * tables written there would mix with evidence.
 * A folder of batch's own left by a run with another --out is no case either (`isBatchOutput`).
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../model/errors.js';
import { EXCEL_BOM } from '../../reports/timeline-csv.js';
import { fileHead } from '../file-head.js';
import { CASE_COLUMNS, CASE_COLUMNS_BEFORE_PROBLEMS, PROBLEM_COLUMNS } from './run-case.js';

/** The tables batch and merge write at the top of OUTDIR. */
export const TABLE_FILES = [
  'cases.csv',
  'channels.csv',
  'daily.csv',
  'problems.csv',
  'errors.csv',
  'events.parquet',
] as const;

/** The CSV tables and their header rows, exactly as batch writes them. */
export const TABLE_HEADERS = {
  'cases.csv': CASE_COLUMNS,
  'channels.csv': ['case', 'channel', 'incidents'],
  'daily.csv': ['case', 'date', 'channel', 'incidents'],
  'problems.csv': PROBLEM_COLUMNS,
  'errors.csv': ['case', 'reason'],
} as const satisfies Record<string, readonly string[]>;

/** Header rows earlier versions wrote, still batch's own (a results folder they left is recognised). */
const EARLIER_HEADERS: Record<string, readonly (readonly string[])[]> = {
  'cases.csv': [CASE_COLUMNS_BEFORE_PROBLEMS],
};

/** Every header row `name` may start with as batch writes it, now or as an earlier version wrote it. */
const headersOf = (name: string): string[] => {
  const header = (TABLE_HEADERS as Record<string, readonly string[]>)[name];
  if (header === undefined) return [];
  return [header, ...(EARLIER_HEADERS[name] ?? [])].map((h) => `${h.join(',')}\n`);
};

/** How each file batch writes starts: a CSV table with its header row, a Parquet file or a state file. */
const PARQUET = 'PAR1';
const STATE = '{"case":';

/** Where --out lies among the cases of DIR. */
export interface OutPlace {
  /** Names in DIR that are the --out folder (the folder itself, or a link to it): not read as cases. */
  readonly leftOut: string[];
  /** Folders, as walking DIR reaches them, that hold only batch's own outputs: their files are not inputs. */
  readonly outputs: string[];
  /** The case that --out is (`same`) or lies inside, and a file there that batch did not write. */
  readonly inCase?: { readonly name: string; readonly same: boolean; readonly foreign?: string };
  /** --out is DIR itself. */
  readonly isDir: boolean;
}

/** `p` is `base` or lies inside it (both absolute). */
export function within(p: string, base: string): boolean {
  const rel = path.relative(base, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The real path of `p`, links followed as far as it exists (the rest, not made yet, appended as given). */
export async function realTarget(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await realpath(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(await realTarget(parent), path.basename(abs));
  }
}

/** True when `file` starts with `start` (ASCII), after the byte-order mark a table written with --excel has. */
async function startsWith(file: string, start: string): Promise<boolean> {
  // The mark is 3 bytes in UTF-8.
  const head = await fileHead(file, 3 + start.length);
  return (head.startsWith(EXCEL_BOM) ? head.slice(EXCEL_BOM.length) : head).startsWith(start);
}

/** True when `file` starts with one of `starts` (none: false). */
async function startsWithOneOf(file: string, starts: readonly string[]): Promise<boolean> {
  for (const start of starts) if (await startsWith(file, start)) return true;
  return false;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Entries of a folder in byte order; undefined when it does not exist, null when it is no readable folder. */
async function entriesOf(dir: string): Promise<Dirent[] | undefined | null> {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort(byName);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
}

/**
 * The first thing in `folder` (relative path) that batch does not write, or undefined when there is none (the
 * folder holds only batch outputs and hidden entries, or does not exist). A link is never batch's: it could lead
 * to an input.
 */
export async function foreignFile(folder: string): Promise<string | undefined> {
  const top = await entriesOf(folder);
  if (top === undefined) return undefined;
  if (top === null) return '.';
  for (const e of top) {
    if (e.name.startsWith('.')) continue;
    const file = path.join(folder, e.name);
    if (e.name === 'cases' && e.isDirectory()) {
      const states = await entriesOf(file);
      for (const s of states ?? []) {
        if (s.name.startsWith('.')) continue;
        const start = s.name.endsWith('.json') ? STATE : s.name.endsWith('.parquet') ? PARQUET : undefined;
        const state = path.join(file, s.name);
        if (!s.isFile() || start === undefined || !(await fileHead(state, start.length)).startsWith(start))
          return path.join(e.name, s.name);
      }
      if (states === null) return e.name;
      continue;
    }
    const starts = e.name === 'events.parquet' ? [PARQUET] : headersOf(e.name);
    if (!e.isFile() || !(await startsWithOneOf(file, starts))) return e.name;
  }
  return undefined;
}

/**
 * True when `folder` holds the tables of an earlier batch run (its cases.csv, exactly as batch writes it) and
 * nothing else batch does not write: a results folder left in DIR by a run with another --out, which is no case.
 */
export async function isBatchOutput(folder: string): Promise<boolean> {
  return (
    (await startsWithOneOf(path.join(folder, 'cases.csv'), headersOf('cases.csv'))) &&
    (await foreignFile(folder)) === undefined
  );
}

/** What to do when --out is refused: nothing was written. */
const OUT_HINT = 'Nothing was written. Write the tables to a folder of their own, e.g. --out results.';

/**
 * Throws a usage error (exit 2) when OUTDIR/cases, where batch keeps each case's state and Parquet part, is the
 * folder of cases itself (`batch cases --out .`): the state files would sit among the cases, and the next run
 * would take them for inputs.
 */
export async function refuseStatesAmongCases(out: string, dir: string): Promise<void> {
  const states = path.join(out, 'cases');
  const [real, root] = await Promise.all([realTarget(states), realTarget(dir)]);
  if (real !== root) return;
  throw new UsageError(
    'USAGE_OUT_IS_INPUT',
    `--out ${out} would keep batch's state files in ${states}, which is the folder of cases being read`,
    OUT_HINT,
  );
}

/**
 * Throws a usage error (exit 2) when --out is DIR itself, a case folder or inside one: tables written there would
 * sit among a case's evidence and be read as its inputs on the next run.
 */
export function refuseOutAmongCases(place: OutPlace | undefined, out: string, dir: string): void {
  if (place === undefined) return;
  if (place.isDir) {
    throw new UsageError('USAGE_OUT_IS_INPUT', `--out ${out} is the folder of cases being read`, OUT_HINT);
  }
  const c = place.inCase;
  if (c === undefined) return;
  const folder = path.join(dir, c.name);
  const inputs = c.foreign === undefined || c.foreign === '.' ? '' : ` (${path.join(folder, c.foreign)}, …)`;
  throw new UsageError(
    'USAGE_OUT_IS_INPUT',
    c.same
      ? `--out ${out} is the case folder ${folder}, which holds that case's inputs${inputs}`
      : `--out ${out} is inside the case folder ${folder}, so the tables would become that case's inputs`,
    OUT_HINT,
  );
}

/** How a file batch writes at `rel` (relative to OUTDIR) starts; undefined for a name batch never writes. */
function startsOf(rel: string): readonly string[] | undefined {
  if (rel === 'events.parquet') return [PARQUET];
  const [top, name, ...rest] = rel.split(path.sep);
  if (top === 'cases' && name !== undefined && rest.length === 0) {
    if (name.endsWith('.json')) return [STATE];
    if (name.endsWith('.parquet')) return [PARQUET];
    return undefined;
  }
  const headers = headersOf(rel);
  return headers.length === 0 ? undefined : headers;
}

/**
 * The first of `files` (paths relative to OUTDIR that a run would write, replace or remove) that exists there and
 * is not batch's own: not a regular file (a link would be replaced by the table, a folder cannot be), or one that
 * holds something and does not start as batch writes that file (its table header, `PAR1`, a state's `{"case":`).
 * An empty file holds nothing to lose. Undefined when every one is batch's own or absent.
 */
export async function notOwnFile(out: string, files: readonly string[]): Promise<string | undefined> {
  for (const rel of files) {
    const file = path.join(out, rel);
    const st = await lstat(file).catch(() => undefined);
    if (st === undefined) continue;
    if (!st.isFile()) return rel;
    if (st.size === 0) continue;
    const starts = startsOf(rel);
    if (starts === undefined || !(await startsWithOneOf(file, starts))) return rel;
  }
  return undefined;
}

/** The files a run writes into OUTDIR for these cases: the tables, and each case's state file and Parquet part. */
export function filesWritten(names: Iterable<string>): string[] {
  const files: string[] = [...TABLE_FILES];
  for (const name of names) {
    const base = encodeURIComponent(name);
    files.push(path.join('cases', `${base}.json`), path.join('cases', `${base}.parquet`));
  }
  return files;
}

/**
 * Throws a usage error (exit 2) before anything is written when a file `command` (batch or merge) would write,
 * replace or remove in OUTDIR is there and is not its own: a table of the user's own (`results/daily.csv`), a
 * `cases/` folder of the user's. An earlier results folder of batch or merge holds only files that start as batch
 * writes them, so it is replaced (or resumed) as before.
 */
export async function refuseNotOwnFiles(
  out: string,
  names: Iterable<string>,
  command: 'batch' | 'merge',
): Promise<void> {
  const rel = await notOwnFile(out, filesWritten(names));
  if (rel === undefined) return;
  const file = path.join(out, rel);
  const other = path.resolve(out) === path.resolve('results') ? '' : ' (e.g. --out results)';
  throw new UsageError(
    'USAGE_OUT_NOT_OWN',
    `--out ${out} would replace ${file}, which ${command} did not write`,
    `Nothing was written. ${command} replaces only the tables and state files it wrote itself. Choose another --out${other}, or move ${file} elsewhere first.`,
  );
}

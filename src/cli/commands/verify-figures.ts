/**
 * `verify --recompute`: once every input matches, the report is made again from them, with the options, case file
 * and "generated at" time it records, and compared with the report given. Re-hashing proves the inputs are the
 * files the report was made from; this proves its figures are what chronolog makes from them, so a report edited
 * after it was written (a count changed by hand) is caught.
 *
 * Reports are deterministic, so a report made by the same chronolog from the same files is the same JSON. What may
 * honestly differ is named beside each difference: another chronolog version, another time zone database. The
 * files not read are compared both ways, except chronolog's own outputs (a report kept beside its inputs is itself
 * "not read" by a report made again): each the report lists must still be not read for the same reason, and each a
 * report made now passes over must be listed.
 */
import { closeSync, openSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { ToolError } from '../../model/errors.js';
import type { Report } from '../../model/index.js';
import { takeAsShown } from '../argv-bytes.js';
import { currentFolder, type DiskPath, pathOfShown, resolveShown } from '../disk-path.js';
import type { Environment } from '../environment.js';
import { chronologOutputAt } from '../file-head.js';
import { VERSION } from '../version.js';
import { makeReport, type ReportFlags } from './report.js';

/** What the report records of how it was made. */
const Recorded = z.looseObject({
  generatedAt: z.string(),
  generator: z.looseObject({ version: z.string() }),
  run: z.object({ paths: z.array(z.string()), options: z.record(z.string(), z.unknown()).optional() }),
  case: z.looseObject({ timezone: z.string(), tzdata: z.string().nullable() }),
  ignoredFiles: z.array(z.looseObject({ path: z.string(), reason: z.string() })),
  chronology: z.unknown().optional(),
});

/** Differences listed at most; the rest are counted. */
export const LISTED = 10;

export interface Recomputed {
  /** Where the report given and the one made again differ (JSON paths with both values), at most LISTED. */
  readonly differences: readonly string[];
  /** How many differences there are in all. */
  readonly count: number;
  /** Why a difference need not mean an edit (another version or time zone database), or undefined. */
  readonly caveat: string | undefined;
  /**
   * When the files not read are all that differs: `added` when each is a file a report made now passes over that
   * the report does not list, `changed` when some file it lists is gone or passed over for another reason.
   */
  readonly notRead: 'added' | 'changed' | undefined;
}

/**
 * Makes the report again in `base` (the folder its relative paths are read from) and compares it with `given`.
 * Throws a ToolError when it cannot be made again.
 */
export async function recompute(report: unknown, base: string, env: Environment): Promise<Recomputed> {
  const recorded = Recorded.safeParse(report);
  if (!recorded.success) {
    throw new ToolError(
      'VERIFY_NOT_RECOMPUTED',
      'the report does not record how it was made (its run, case or generatedAt fields), so it cannot be made again',
      'The inputs match their SHA-256; run verify without --recompute to check only that.',
    );
  }
  const given = recorded.data;
  const options = given.run.options ?? {};
  const flags = { ...options, format: 'json', quiet: true } as ReportFlags;
  // The zone a report made without --tz or a case zone used was this computer's: the same zone now.
  const quiet: Environment = { ...env, stderrIsTTY: false, systemZone: given.case.timezone };
  const here = currentFolder();
  let made: Report;
  try {
    // The report names its inputs as they were given, relative to the folder it was made in.
    enterFolder(pathOfShown(resolveShown(base)));
    // Its paths and --case as reports show them (`<0xE9>` for a byte that is not UTF-8): opened as what they show.
    takeAsShown([...given.run.paths, ...(typeof options['case'] === 'string' ? [options['case']] : [])]);
    // The chronology is made again when the options say it was asked for, so a report with it taken out is a
    // difference; reports made before the options recorded it have one only if it is still there.
    const withChronology = options['chronology'] === true || given.chronology !== undefined;
    made = await makeReport(given.run.paths, flags, quiet, given.generatedAt, withChronology);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ToolError(
      'VERIFY_NOT_RECOMPUTED',
      `the report could not be made again from its inputs: ${why}`,
      'The inputs match their SHA-256; run verify without --recompute to check only that.',
    );
  } finally {
    enterFolder(here);
  }
  const again = JSON.parse(JSON.stringify(made)) as Record<string, unknown>;
  const original = report as Record<string, unknown>;
  const found: string[] = [];
  let count = 0;
  const note: Note = (where, a, b, said) => {
    count++;
    if (found.length < LISTED) found.push(`${where}: ${said ?? both(a, b)}`);
  };
  for (const key of new Set([...Object.keys(original), ...Object.keys(again)])) {
    if (key === 'ignoredFiles') continue;
    differences(key, original[key], again[key], note);
  }
  const figures = count;
  // Files the report lists as not read must still be passed over for the same reason, and a file a report made
  // now passes over must be listed: a report with an entry taken out would hide that a file was not read. Only
  // chronolog's own outputs kept beside the evidence (the report itself among them) may be missing from the list,
  // as they are no evidence and are written after the report; verify names them as not inputs.
  const now = new Map(made.ignoredFiles.map((f) => [f.path, f.reason]));
  const listed = new Set(given.ignoredFiles.map((f) => f.path));
  for (const f of given.ignoredFiles) {
    if (now.get(f.path) !== f.reason) note(`ignoredFiles ${f.path}`, f.reason, now.get(f.path));
  }
  const changed = count - figures;
  for (const f of made.ignoredFiles) {
    if (listed.has(f.path) || (await chronologOutputOn(f.path, base))) continue;
    note(
      `ignoredFiles ${f.path}`,
      undefined,
      f.reason,
      `nothing in the report, ${shown(f.reason)} made again (a file added since the report was made, or taken out of its list)`,
    );
  }
  const caveats = [
    ...(given.generator.version !== VERSION
      ? [`the report was made by chronolog ${given.generator.version}, this is ${VERSION}`]
      : []),
    ...(given.case.tzdata !== env.tzdata
      ? [
          `the report used time zone data ${given.case.tzdata ?? 'unknown'}, this computer has ${env.tzdata ?? 'unknown'}`,
        ]
      : []),
  ];
  return {
    differences: found,
    count,
    notRead: figures > 0 || count === figures ? undefined : changed > 0 ? 'changed' : 'added',
    caveat:
      count > 0 && caveats.length > 0 ? `${caveats.join('; ')}: that alone can change figures` : undefined,
  };
}

/**
 * Makes `folder` the current folder. `process.chdir` takes no bytes: a folder whose name is not UTF-8 is entered
 * through an open handle on it (/proc/self/fd, Linux, the only system where such names are read as bytes).
 */
function enterFolder(folder: DiskPath): void {
  if (typeof folder === 'string') {
    process.chdir(folder);
    return;
  }
  const fd = openSync(folder, 'r');
  try {
    process.chdir(`/proc/self/fd/${fd}`);
  } finally {
    closeSync(fd);
  }
}

/** Whether `listed` (a path as a report lists it, from `base`) is a chronolog output; never a zip member. */
async function chronologOutputOn(listed: string, base: string): Promise<boolean> {
  return (
    !listed.includes('!/') && (await chronologOutputAt(pathOfShown(resolveShown(base, listed)))) !== undefined
  );
}

/** One difference at JSON path `where`: the report's value `a`, the one made again `b`, or `said` in words. */
type Note = (where: string, a: unknown, b: unknown, said?: string) => void;

/** Calls `note` for each leaf where `a` and `b` differ, named by its JSON path. */
function differences(where: string, a: unknown, b: unknown, note: Note): void {
  if (isDeepStrictEqual(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === b.length) {
      for (let i = 0; i < a.length; i++) differences(`${where}[${i}]`, a[i], b[i], note);
      return;
    }
    note(where, a, b, listChange(where, a, b));
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(`${where}.${key}`, a[key], b[key], note);
    return;
  }
  // A whole list taken out or added (the chronology): its length says more than its first characters.
  if ((a === undefined && Array.isArray(b)) || (Array.isArray(a) && b === undefined)) {
    const length = (v: unknown) => (Array.isArray(v) ? items(v.length) : 'nothing');
    note(where, a, b, `${length(a)} in the report, ${length(b)} made again`);
    return;
  }
  note(where, a, b);
}

const items = (n: number) => (n === 1 ? '1 item' : `${n} items`);

/**
 * How a list differs when it is longer or shorter than the one made again: both lengths, and the item added or
 * missing (found as what is left between the items both share at the start and at the end), else the first item
 * that differs. Both lists cut short to a few characters would look the same, as they begin alike.
 */
function listChange(where: string, a: readonly unknown[], b: readonly unknown[]): string {
  let start = 0;
  while (start < a.length && start < b.length && isDeepStrictEqual(a[start], b[start])) start++;
  let end = 0;
  const room = Math.min(a.length, b.length) - start;
  while (end < room && isDeepStrictEqual(a[a.length - 1 - end], b[b.length - 1 - end])) end++;
  const onlyA = a.length - start - end;
  const onlyB = b.length - start - end;
  const which = (n: number) => (n === 1 ? `item ${start + 1} is` : `items ${start + 1}–${start + n} are`);
  const first = (n: number, v: unknown) => `${n === 1 ? '' : 'the first '}${shown(v, ITEM)}`;
  const how =
    onlyB === 0
      ? `${which(onlyA)} not made again: ${first(onlyA, a[start])}`
      : onlyA === 0
        ? `${which(onlyB)} made again but not in the report: ${first(onlyB, b[start])}`
        : `item ${start + 1} is the first that differs, ${firstLeaf(`${where}[${start}]`, a[start], b[start])}`;
  return `${items(a.length)} in the report, ${b.length} made again; ${how}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first place two items differ, with both values: two whole items cut short would look the same. */
function firstLeaf(where: string, a: unknown, b: unknown): string {
  let said = '';
  differences(where, a, b, (w, x, y, words) => {
    said ||= `at ${w}: ${words ?? both(x, y)}`;
  });
  return said;
}

/** The characters a whole item added or missing is shown in: enough to tell which it is. */
const ITEM = 160;

/**
 * Both values of a difference: "5 in the report, 690 made again". Two strings too long to show whole are shown from
 * a little before the first character where they differ, each cut the same way, with where that is: a findings
 * sentence changed after its first 60 characters read the same twice, cut at the same prefix.
 */
function both(a: unknown, b: unknown, max = 60): string {
  if (typeof a !== 'string' || typeof b !== 'string')
    return `${shown(a)} in the report, ${shown(b)} made again`;
  // By code point, so a cut never splits an emoji or another character outside the BMP.
  const [x, y] = [Array.from(a), Array.from(b)];
  if (JSON.stringify(a).length <= max && JSON.stringify(b).length <= max)
    return `${shown(a)} in the report, ${shown(b)} made again`;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const from = Math.max(0, i - 20);
  const cut = (cs: string[]) => {
    const part = cs.slice(from, from + max).join('');
    const inner = JSON.stringify(part).slice(1, -1);
    return `${from > 0 ? '…' : '"'}${inner}${from + max < cs.length ? '…' : '"'}`;
  };
  return `${cut(x)} in the report, ${cut(y)} made again (they differ from character ${i + 1})`;
}

/** A value as said in a difference: short. */
function shown(v: unknown, max = 60): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

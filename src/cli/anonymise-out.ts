/**
 * Where `anonymise --out OUTDIR` may write. Its files are inputs by design (chronolog reads them back), so an
 * OUTDIR inside a folder being read would add them to that case on the next run (`anonymise wcopy --out
 * wcopy/anon`, then `report wcopy`: every event counted twice), and an OUTDIR holding another case
 * (`--out other-raw-case`) would have its case.json replaced by the anonymised one. So OUTDIR must lie outside
 * the input paths, and, when it exists, hold nothing but the files anonymise writes: JSONL files starting with
 * the anonymised-timeline header, a case.json shaped as anonymise writes it (title "Anonymised case", pseudonyms
 * only) and a manifest.json naming chronolog and that format. Those an earlier run left may be replaced.
 * Hidden files (`.DS_Store`) are allowed; anything else, a folder or a link included, is someone else's.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { ANON_FORMAT } from '../timeline/anonymise/index.js';
import { realTarget, within } from './batch/out-folder.js';
import { fileHead } from './file-head.js';

/** The names of the JSONL files anonymise writes (and removes when an earlier run wrote more of them). */
export const ANON_FILE = /^(input-\d+|timeline)\.jsonl$/;

/** How every JSONL file anonymise writes starts. */
export const ANON_HEADER = `{"format":"${ANON_FORMAT}"`;

/** The case file's title, as anonymise writes it. */
const ANON_TITLE = 'Anonymised case';
const PSEUDONYM = /^id:p[0-9a-f]{16}$/;
const CASE_KEYS = new Set(['title', 'timezone', 'region', 'victim', 'subject', 'milestones', 'window']);

/** A small JSON file's value, or undefined when it cannot be read or parsed (or is over 1 MiB). */
async function jsonOf(file: string): Promise<unknown> {
  try {
    if ((await stat(file)).size > 1 << 20) return undefined;
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** True when `v` is a case file as anonymise writes it: its title, its fields only, and pseudonyms only. */
function isAnonCase(v: unknown): boolean {
  if (!isObject(v) || v['title'] !== ANON_TITLE) return false;
  if (!Object.keys(v).every((k) => CASE_KEYS.has(k))) return false;
  return (['victim', 'subject'] as const).every((role) => {
    const person = v[role];
    if (!isObject(person) || !Object.keys(person).every((k) => k === 'identifiers')) return false;
    const ids = person['identifiers'];
    return Array.isArray(ids) && ids.every((id) => typeof id === 'string' && PSEUDONYM.test(id));
  });
}

/** True when `v` is a manifest as anonymise writes it. */
function isAnonManifest(v: unknown): boolean {
  return (
    isObject(v) &&
    v['format'] === ANON_FORMAT &&
    isObject(v['tool']) &&
    v['tool']['name'] === 'chronolog' &&
    Array.isArray(v['inputs'])
  );
}

/** True when the entry `name` of `dir` is a file anonymise writes, as it writes it. */
async function isOwn(dir: string, e: Dirent): Promise<boolean> {
  if (!e.isFile()) return false;
  const file = path.join(dir, e.name);
  if (ANON_FILE.test(e.name)) return (await fileHead(file, ANON_HEADER.length)) === ANON_HEADER;
  if (e.name === 'case.json') return isAnonCase(await jsonOf(file));
  if (e.name === 'manifest.json') return isAnonManifest(await jsonOf(file));
  return false;
}

/** The first entry of `dir` (in byte order) that anonymise did not write; undefined when there is none. */
async function foreignEntry(dir: string): Promise<string | undefined> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    // No folder yet, or a file (refused when the folder is made, with its own message).
    return undefined;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') && e.isFile()) continue;
    if (!(await isOwn(dir, e))) return e.name;
  }
  return undefined;
}

/**
 * Throws a usage error (exit 2) when `out` is one of the input paths or inside one, or an existing folder that
 * holds anything anonymise does not write. Nothing has been written when it throws.
 */
export async function refuseOutAmongInputs(out: string, paths: readonly string[]): Promise<void> {
  const hint = (where: string) =>
    `Nothing was written. Write the anonymised case to a new folder of its own${where}, e.g. --out anon/case-001.`;
  const target = await realTarget(out);
  for (const p of paths) {
    const input = await realTarget(p);
    if (!within(target, input)) continue;
    const st = await stat(input).catch(() => undefined);
    const kind = st?.isDirectory() ? 'folder' : 'file';
    throw new UsageError(
      'USAGE_OUT_IS_INPUT',
      target === input
        ? `--out ${out} is the input ${kind} ${p}`
        : `--out ${out} is inside the input folder ${p}, so the anonymised files would be read as inputs of that case`,
      hint(', outside the folders being read'),
    );
  }
  const foreign = await foreignEntry(out);
  if (foreign === undefined) return;
  throw new UsageError(
    'USAGE_OUT_IS_INPUT',
    `--out ${out} already holds files anonymise did not write (${path.join(out, foreign)}): the anonymised case would replace or mix with them`,
    hint(''),
  );
}

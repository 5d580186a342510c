/**
 * The cases of `chronolog batch DIR`: every subfolder of DIR, and every symbolic link in DIR to a folder (cases
 * are often linked in from wherever they are stored). A link is followed unless that would read something twice
 * or forever, and then it is listed as not read, with the reason, in errors.csv: nothing in DIR that could be a
 * case is passed over silently. Hidden entries (`.git`, `.DS_Store`) and plain files are not cases, and neither is
 * batch's own --out folder when it lies in DIR, nor the results folder of an earlier run (listed as not read; see
 * out-folder.ts).
 */
import { isUtf8 } from 'node:buffer';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ToolError } from '../../model/errors.js';
import { openErrorWords } from '../../pipeline/read-errors.js';
import { shownBytes } from '../disk-path.js';
import { RENAME } from '../inputs.js';
import { foreignFile, isBatchOutput, type OutPlace, realTarget, within } from './out-folder.js';

/** What DIR holds: the case names to read, and the entries that look like cases but are not read. */
export interface CaseFolders {
  /**
   * Case names, in byte order: entry names in DIR as reports show a path (`shownBytes`), so a literal "<0x" is
   * shown as "<0x3C>0x". A case name is one cell of the tables and the key of its state file and shard, and a
   * folder whose name is not UTF-8 is listed as not read under its name so shown ("c<0xE9>"): a valid name
   * spelling "c<0xE9>" shown as it is would take that row and state file. Open a case by `folders`, never by
   * its name.
   */
  readonly names: string[];
  /** Each case's folder: its entry name in DIR as it is on disk, by case name (`path.join(DIR, entry)`). */
  readonly folders: ReadonlyMap<string, string>;
  /** Links not followed, each with the reason (`CODE: sentence`), in byte order of name. */
  readonly notRead: { readonly name: string; readonly reason: string }[];
  /** Where --out lies among the cases, when it was given. */
  readonly out?: OutPlace;
  /**
   * Plain files (not hidden) in DIR itself, in byte order: no case, but a DIR holding files and no subfolder is
   * most likely one case given to batch instead of the folder of cases.
   */
  readonly files: string[];
}

/** Byte order of names: the same order of cases and tables on every machine, whatever its locale. */
export const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lists the cases in `dir`, leaving out the `out` folder when it is batch's own. Throws INPUT_NOT_FOUND when `dir`
 * cannot be listed.
 */
export async function caseFolders(dir: string, out?: string): Promise<CaseFolders> {
  let entries: import('node:fs').Dirent<Buffer>[];
  let root: string;
  try {
    // Listed as bytes: a name that is not UTF-8 would otherwise come as a name that names nothing (disk-path.ts).
    entries = await readdir(dir, { encoding: 'buffer', withFileTypes: true });
    root = await realpath(dir);
  } catch (err) {
    throw new ToolError(
      'INPUT_NOT_FOUND',
      `${dir}: cannot list cases: ${openErrorWords(err)}`,
      'Give the folder that holds one subfolder per case.',
    );
  }
  const notRead: { name: string; reason: string }[] = [];
  // Each case by the real folder it reads; real subfolders first, so a link to one of them is the repeat.
  const candidates: { name: string; entry: string; real: string; link: boolean }[] = [];
  const files: string[] = [];
  for (const e of entries) {
    const name = shownBytes(e.name);
    // The entry as it is on disk (a name that is UTF-8; the others are not opened): the name shown may differ.
    const entry = e.name.toString('utf8');
    if (name.startsWith('.')) continue;
    if (e.isFile()) files.push(name);
    else if (!isUtf8(e.name)) {
      // A case is named by its folder in the tables and in the files written for it: a name that is not UTF-8
      // cannot be written as it is there. Said, never read under a name that is not its own.
      if (e.isDirectory() || e.isSymbolicLink())
        notRead.push({
          name,
          reason: `BATCH_NAME_NOT_UTF8: the folder's name holds bytes that are not valid UTF-8 (shown as <0x..>), so it cannot name a case in the tables; it was not read: ${RENAME}`,
        });
    } else if (e.isDirectory()) candidates.push({ name, entry, real: path.join(root, entry), link: false });
    else if (e.isSymbolicLink()) {
      const target = await linkTarget(path.join(dir, entry));
      if (typeof target === 'string') candidates.push({ name, entry, real: target, link: true });
      else if (target.reason !== undefined) notRead.push({ name, reason: target.reason });
    }
  }
  candidates.sort((a, b) => Number(a.link) - Number(b.link) || byteOrder(a.name, b.name));
  // --out as the real folder it names, and what it holds: batch's own tables (or nothing yet), or anything else.
  const realOut = out === undefined ? undefined : await realTarget(out);
  const foreign = realOut === undefined ? undefined : await foreignFile(realOut);
  const leftOut: string[] = [];
  const leftOutEntries: string[] = [];
  let inCase: OutPlace['inCase'];
  const seen = new Map<string, string>();
  const names: string[] = [];
  const folders = new Map<string, string>();
  for (const c of candidates) {
    if (c.real === root || root.startsWith(`${c.real}${path.sep}`) || c.real === path.parse(c.real).root) {
      notRead.push({ name: c.name, reason: loopReason(path.relative(root, c.real)) });
      continue;
    }
    if (realOut !== undefined && within(realOut, c.real)) {
      const same = realOut === c.real;
      if (same && foreign === undefined) {
        leftOut.push(c.name);
        leftOutEntries.push(c.entry);
        continue;
      }
      inCase ??= { name: c.name, same, ...(same ? { foreign } : {}) };
    }
    if (!(realOut !== undefined && within(realOut, c.real)) && (await isBatchOutput(c.real))) {
      notRead.push({
        name: c.name,
        reason:
          'BATCH_EARLIER_OUTPUT: the tables of an earlier chronolog batch run (its cases.csv), not a case, so it was not read; move it out of the folder of cases if it is no longer needed',
      });
      continue;
    }
    const first = seen.get(c.real);
    if (first !== undefined) {
      notRead.push({
        name: c.name,
        reason: `BATCH_LINK_REPEAT: a symbolic link to the same folder as case "${first}", which was read once`,
      });
      continue;
    }
    seen.set(c.real, c.name);
    names.push(c.name);
    folders.set(c.name, c.entry);
  }
  names.sort(byteOrder);
  notRead.sort((a, b) => byteOrder(a.name, b.name));
  files.sort(byteOrder);
  if (realOut === undefined) return { names, folders, notRead, files };
  // The walk of DIR (the --out guard's) reaches batch's own folder through its path in DIR or a link to it.
  const walked = path.resolve(dir);
  const outputs =
    foreign !== undefined
      ? []
      : [
          ...leftOutEntries.map((n) => path.join(walked, n)),
          ...(within(realOut, root) && realOut !== root
            ? [path.join(walked, path.relative(root, realOut))]
            : []),
        ];
  const isDir = realOut === root;
  return {
    names,
    folders,
    notRead,
    files,
    out: { leftOut, outputs: [...new Set(outputs)], ...(inCase ? { inCase } : {}), isDir },
  };
}

/**
 * Why a link to `up` (its real folder, relative to DIR's: "..", "../..", or "" for DIR itself) is not followed.
 * Named relative to DIR, as every other reason names a folder: the tables are made to be shared, and an absolute
 * path would tell where the cases lie on this machine (the user's home folder, often their name).
 */
function loopReason(up: string): string {
  const what = up === '' ? 'the batch folder itself' : `${up} (relative to the batch folder), which holds it`;
  return `BATCH_LINK_LOOP: a symbolic link to ${what}; reading it would read every case again, so it was not read`;
}

/**
 * A link's real folder, or why it is not one (no reason: a link to a plain file, which is no case either). The
 * folder is found as bytes, as its name may not be UTF-8 (the case is read through the link, named as the link):
 * such a folder is named as shown (`<0xE9>`), which only tells it from the other cases.
 */
async function linkTarget(abs: string): Promise<string | { reason?: string }> {
  try {
    const real = await realpath(abs, { encoding: 'buffer' });
    if (!(await stat(real)).isDirectory()) return {};
    return isUtf8(real) ? real.toString('utf8') : shownBytes(real);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return {
      reason:
        code === 'ELOOP'
          ? 'BATCH_LINK_LOOP: a symbolic link that leads back to itself, so it was not read'
          : `BATCH_LINK_BROKEN: a symbolic link whose target cannot be opened (${code}); if it is a case on another disk, mount it and run again`,
    };
  }
}

/**
 * Turning command-line paths into `SourceInput`s: files as given, folders walked recursively in a stable order.
 * One file reached twice (named twice, inside a folder also given, or through a link) is read once: read twice,
 * every record of it would count as a duplicate, as if two exports overlapped. This module (through
 * file-chunks.ts) is the only one that opens input files; nothing here ever writes next to the inputs.
 */
import type { BigIntStats, Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { readErrorWords } from '../pipeline/read-errors.js';
import type { SourceInput } from '../sources/index.js';
import { givenPath, shownArgument } from './argv-bytes.js';
import { type DiskPath, joinPath, pathKey, pathOfShown, resolvePath, shownBytes } from './disk-path.js';
import { fileChunks, reusedChunks } from './file-chunks.js';

/** Case files are configuration, not evidence: they are never parsed as inputs. */
export const CASE_FILE_NAMES = ['case.json', 'case.yaml', 'case.yml'] as const;

/**
 * A file on disk as a `SourceInput`. `display` is the path shown in reports; `file` is opened, as its bytes when
 * its name is not UTF-8 (disk-path.ts), so `display` must then be given.
 */
export function fileInput(file: DiskPath, bytes: number, display = String(file)): SourceInput {
  return {
    path: display,
    name: path.basename(typeof file === 'string' ? file : display),
    bytes,
    open: () => fileChunks(file),
    readRange: (start: number, end: number) => fileChunks(file, start, end),
    chunks: (size) => reusedChunks(file, size),
  };
}

export interface WalkResult {
  /**
   * The files found: `abs` to open (bytes where the path is not UTF-8, disk-path.ts), `display` to name it, with
   * each such byte shown as `<0xE9>`.
   */
  readonly files: { abs: DiskPath; display: string; bytes: number }[];
  /**
   * Things passed over while walking (symlink loops, repeats, unreadable folders, special files). `error` is set
   * for a file or folder that exists but cannot be read: evidence that is lost, which the caller reports as an
   * error.
   */
  readonly passedOver: {
    display: string;
    reason: string;
    error?: { what: 'file' | 'folder'; cause: unknown };
    /** A folder reached again (a link back to a folder being read): no file, so nothing that was not read. */
    repeatedFolder?: true;
    /**
     * A case file at the top of a folder argument whose path is not UTF-8, to open (as its bytes): it is not used
     * unless --case names it too.
     */
    caseFile?: Buffer;
  }[];
  /** `case.json`/`case.yaml` found at the top of a folder argument. */
  readonly caseFiles: string[];
}

/** Byte order, not locale order: the same names sort the same on every machine. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A folder's entry with its name as shown (`<0xE9>` for a byte that is not UTF-8): what it is sorted and named by. */
interface Entry {
  readonly dirent: Dirent<Buffer>;
  readonly shown: string;
}

/**
 * The entries of a folder, listed as bytes so that a name that is not UTF-8 is kept as it is. Sorted by the name
 * shown, as names were before (a valid name is shown as it is), and where two names show alike (a byte 0xE9 and a
 * name that spells "<0xE9>") by their bytes.
 */
async function entriesOf(dir: DiskPath): Promise<Entry[]> {
  const dirents = await readdir(dir, { encoding: 'buffer', withFileTypes: true });
  return dirents
    .map((dirent) => ({ dirent, shown: shownBytes(dirent.name) }))
    .sort((a, b) => byteOrder(a.shown, b.shown) || Buffer.compare(a.dirent.name, b.dirent.name));
}

/** What to do about a name that is not valid UTF-8, where it cannot be used as it is. */
export const RENAME = 'rename it (for example in the file manager) and re-run';

/** Why a repeat is passed over, naming the path that was read when it is spelled differently. */
const alreadyRead = (first: string, repeat: string) =>
  first === repeat
    ? 'already read (reached more than once through the paths given)'
    : `already read as ${first}`;

/**
 * How reports name a path given on the command line: as shown (`shownArgument`: a byte that is not UTF-8 as
 * `<0xE9>`, a literal "<0x" as "<0x3C>0x"), spelled as `path.normalize` spells it and without a separator at its
 * end, as the files found in a folder are named (`path.join`): "./case/sms.xml", "case//sms.xml" and
 * "case/./sms.xml" are all "case/sms.xml", "./case" and "case/" are "case". The file is opened by its path made
 * absolute (`resolvePath`), which is spelled so too, so the name is that of the file read. Inputs are read in the
 * byte order of these names: another spelling of the same path changes neither the names, nor the order, nor
 * which of two copies of a record is kept. An absolute path stays absolute, a relative one relative.
 */
export function givenName(p: string): string {
  const name = path.normalize(shownArgument(p));
  return name.length > path.parse(name).root.length && name.endsWith(path.sep) ? name.slice(0, -1) : name;
}

/**
 * Where a path given on the command line is, and how it is named (`givenName`): a path given as bytes that are not
 * UTF-8 is opened as those bytes (argv-bytes.ts).
 */
const givenLocation = (p: string) => ({ abs: givenPath(p), display: givenName(p) });

/**
 * A path as reports show it (`shownPath`: a report's run paths, as `verify` walks them again): opened as the
 * path it shows, named as it is.
 */
export const shownLocation = (p: string) => ({ abs: pathOfShown(p), display: p });

/**
 * Lists the files under the given paths (`locate` says where each is and how it is named: by default a path given
 * on the command line). Throws ENOENT-style errors for a path that does not exist.
 *
 * A file is the same file when the file system says so: the same device and inode (links followed, so another
 * spelling of the path, a symbolic link or a hard link), or the same real path where the inode is not known
 * (0). Of the names one file is reached by, the first in byte order of the path shown is read and the others are
 * passed over as "already read as" it; that is the order inputs are read in, and it does not depend on the order
 * of the paths nor on how each is spelled (`givenName`). A folder reached twice is walked once, under the name
 * reached first; the paths are walked in byte order of their names so that this too does not depend on their
 * order.
 */
export async function walk(
  paths: readonly string[],
  locate: (p: string) => { abs: DiskPath; display: string } = givenLocation,
): Promise<WalkResult> {
  const found: { abs: DiskPath; display: string; bytes: number; id: string }[] = [];
  const passedOver: WalkResult['passedOver'] = [];
  const caseFiles: string[] = [];
  const seenDirs = new Map<string, string>();

  async function visitDir(abs: DiskPath, display: string, top: boolean): Promise<void> {
    const real = pathKey(await realpath(abs, { encoding: 'buffer' }));
    const first = seenDirs.get(real);
    if (first !== undefined) {
      passedOver.push({ display, reason: `folder ${alreadyRead(first, display)}`, repeatedFolder: true });
      return;
    }
    seenDirs.set(real, display);
    let entries: Entry[];
    try {
      entries = await entriesOf(abs);
    } catch (err) {
      passedOver.push({
        display,
        reason: `folder could not be opened: ${readErrorWords(err)}`,
        error: { what: 'folder', cause: err },
      });
      return;
    }
    for (const { dirent, shown } of entries) {
      const childAbs = joinPath(abs, dirent.name);
      const childDisplay = path.join(display, shown);
      if (top && dirent.isFile() && (CASE_FILE_NAMES as readonly string[]).includes(shown)) {
        if (typeof childAbs === 'string') caseFiles.push(childAbs);
        else
          passedOver.push({
            display: childDisplay,
            reason:
              'a case file in a folder whose name is not valid UTF-8 (shown as <0x..>) is not used: rename the folder, or give the case file with --case',
            caseFile: childAbs,
          });
        continue;
      }
      await visit(childAbs, childDisplay, false);
    }
  }

  async function visit(abs: DiskPath, display: string, top: boolean): Promise<void> {
    let st: BigIntStats;
    try {
      // As bigints: a 64-bit file id (NTFS) does not fit a double, and two files must not share one by rounding.
      st = await stat(abs, { bigint: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (top) throw Object.assign(err as Error, { displayPath: display });
      const link = await lstat(abs).catch(() => undefined);
      if (link?.isSymbolicLink())
        passedOver.push({ display, reason: `broken or looping symbolic link (${code})` });
      else
        passedOver.push({
          display,
          reason: `could not be read: ${readErrorWords(err)}`,
          error: { what: 'file', cause: err },
        });
      return;
    }
    if (st.isDirectory()) return visitDir(abs, display, top);
    if (!st.isFile()) {
      passedOver.push({ display, reason: 'not a regular file' });
      return;
    }
    const id =
      st.ino !== 0n ? `${st.dev}:${st.ino}` : `path:${pathKey(await realpath(abs, { encoding: 'buffer' }))}`;
    found.push({ abs, display, bytes: Number(st.size), id });
  }

  // In the order of the names shown, not of the paths as typed: "./case/sms.xml" is read where "case/sms.xml" is.
  const given = paths.map(locate).sort((a, b) => byteOrder(a.display, b.display));
  for (const { abs, display } of given) await visit(resolvePath(abs), display, true);

  const firstName = new Map<string, string>();
  for (const f of found) {
    const first = firstName.get(f.id);
    if (first === undefined || byteOrder(f.display, first) < 0) firstName.set(f.id, f.display);
  }
  const files: WalkResult['files'] = [];
  const read = new Set<string>();
  for (const { id, ...f } of found) {
    const first = firstName.get(id)!;
    // One entry with the chosen name is read; any other, even one spelled the same, is a repeat.
    if (f.display === first && !read.has(id)) {
      read.add(id);
      files.push(f);
    } else passedOver.push({ display: f.display, reason: alreadyRead(first, f.display) });
  }
  return { files, passedOver, caseFiles };
}

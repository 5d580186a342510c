/**
 * Turning command-line paths into `SourceInput`s: files as given, folders walked recursively in a stable order.
 * This module (through file-chunks.ts) is the only one that opens input files; nothing here ever writes next to
 * the inputs.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { readErrorWords } from '../pipeline/read-errors.js';
import type { SourceInput } from '../sources/index.js';
import { fileChunks } from './file-chunks.js';

/** Case files are configuration, not evidence: they are never parsed as inputs. */
export const CASE_FILE_NAMES = ['case.json', 'case.yaml', 'case.yml'] as const;

/** A file on disk as a `SourceInput`. `display` is the path shown in reports. */
export function fileInput(file: string, bytes: number, display = file): SourceInput {
  return {
    path: display,
    name: path.basename(file),
    bytes,
    open: () => fileChunks(file),
    readRange: (start: number, end: number) => fileChunks(file, start, end),
  };
}

export interface WalkResult {
  readonly files: { abs: string; display: string; bytes: number }[];
  /**
   * Things passed over while walking (symlink loops, unreadable folders, special files). `error` is set for a
   * file or folder that exists but cannot be read: evidence that is lost, which the caller reports as an error.
   */
  readonly passedOver: {
    display: string;
    reason: string;
    error?: { what: 'file' | 'folder'; cause: unknown };
  }[];
  /** `case.json`/`case.yaml` found at the top of a folder argument. */
  readonly caseFiles: string[];
}

/** Lists the files under the given paths. Throws ENOENT-style errors for a path that does not exist. */
export async function walk(paths: readonly string[]): Promise<WalkResult> {
  const files: WalkResult['files'] = [];
  const passedOver: WalkResult['passedOver'] = [];
  const caseFiles: string[] = [];
  const seenDirs = new Set<string>();

  async function visitDir(abs: string, display: string, top: boolean): Promise<void> {
    const real = await realpath(abs);
    if (seenDirs.has(real)) {
      passedOver.push({ display, reason: 'folder already read (symbolic link loop or repeat)' });
      return;
    }
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      passedOver.push({
        display,
        reason: `folder could not be opened: ${readErrorWords(err)}`,
        error: { what: 'folder', cause: err },
      });
      return;
    }
    // Byte order, not locale order: the same folder gives the same order on every machine.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childAbs = path.join(abs, entry.name);
      const childDisplay = path.join(display, entry.name);
      if (top && entry.isFile() && (CASE_FILE_NAMES as readonly string[]).includes(entry.name)) {
        caseFiles.push(childAbs);
        continue;
      }
      await visit(childAbs, childDisplay, false);
    }
  }

  async function visit(abs: string, display: string, top: boolean): Promise<void> {
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(abs);
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
    files.push({ abs, display, bytes: st.size });
  }

  for (const p of paths) await visit(path.resolve(p), p, true);
  return { files, passedOver, caseFiles };
}

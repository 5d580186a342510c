/**
 * Refuses an output that would replace an original: `--out` naming the victim's diary, a chat export or the case
 * file would put the report where the evidence it was made from was. Files are compared as the file system sees
 * them (device and inode, links followed), so another spelling of the path, a symbolic link or a hard link to an
 * input is caught too. Every file found under the input paths counts, read or not (a `notes.txt` that is no
 * export is still someone's file), except in the folders the command says hold only its own earlier outputs
 * (`batch`'s --out folder inside the folder of cases), and except a file that is itself chronolog's output (a
 * report or timeline written there before, told by its first bytes as reading tells it): reading passes it over as
 * "not read (a chronolog report)", so it is no input, and a report run again into the folder it reads replaces
 * its own earlier copy. A new file, including one inside the case folder, is always allowed.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { readHead } from '../pipeline/hashing.js';
import { detect, HEAD_BYTES, makeProbe } from '../sources/detect.js';
import { type DiskPath, pathKey } from './disk-path.js';
import { chronologOutputAt } from './file-head.js';
import { fileInput, walk } from './inputs.js';

/** `dev:ino` of a regular file (links followed), or undefined when there is none. */
export async function identity(file: DiskPath): Promise<string | undefined> {
  try {
    const st = await stat(file, { bigint: true });
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

export interface OutGuard {
  /** The --out value as given, named in the message; undefined or `-` (standard output) replace nothing. */
  readonly out: string | undefined;
  /** The files the command would write or replace; by default just `out` (a one-file output). */
  readonly targets?: readonly string[];
  /** The input paths of the command line. */
  readonly paths: readonly string[];
  /**
   * Folders under the input paths, as walking them reaches them, that hold only this command's own earlier
   * outputs: their files are not inputs, so they may be replaced.
   */
  readonly exclude?: readonly string[];
  /** `--case FILE`, when given. */
  readonly caseFile?: string | undefined;
  /** The format `--format-of` forces on an input path, if any: a forced file is read, whatever it holds. */
  readonly forced?: (path: string) => string | undefined;
  /** What is written, for the message: "report", "timeline", "anonymised case", "tables". */
  readonly what: string;
  /** A sensible --out for the hint. */
  readonly example: string;
}

/**
 * True when the file at `abs` (shown as `display`) is chronolog's own output that reading would pass over: no
 * format reads it (detection as reading does it, on the same first bytes, `forced` first), and its first bytes
 * carry the mark of a report or timeline (model/output-marks.ts; looked for as `verify` does, in the first 256 KiB,
 * where a Markdown report states it after its summary).
 */
async function ownOutput(abs: DiskPath, display: string, forced: string | undefined): Promise<boolean> {
  try {
    const input = fileInput(abs, (await stat(abs)).size, display);
    const head = await readHead(input, HEAD_BYTES);
    if (detect(makeProbe(input.name, display, head), forced).kind !== 'none') return false;
    return (await chronologOutputAt(abs)) !== undefined;
  } catch {
    // Cannot be read now: nothing shows it is an output, so it stays protected.
    return false;
  }
}

/** Throws a usage error (exit 2) when a file the command would write is one of its inputs or the case file. */
export async function refuseToOverwriteInputs(g: OutGuard): Promise<void> {
  if (g.out === undefined || (g.out === '-' && g.targets === undefined)) return;
  const existing = new Set<string>();
  for (const t of g.targets ?? [g.out]) {
    const id = await identity(t);
    if (id !== undefined) existing.add(id);
  }
  // Nothing there yet: nothing can be overwritten, and the inputs need not be listed.
  if (existing.size === 0) return;
  let found: Awaited<ReturnType<typeof walk>> | undefined;
  try {
    found = await walk(g.paths);
  } catch {
    // A path that does not exist stops the run with its own message when the inputs are read, before any write.
    found = undefined;
  }
  const shown = (abs: string) => {
    const rel = path.relative(process.cwd(), abs);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  };
  // Compared as bytes: a file's path is bytes where it is not UTF-8 (disk-path.ts).
  const excluded = (abs: DiskPath) => {
    const file = pathKey(abs);
    return (g.exclude ?? []).some((folder) => {
      const d = pathKey(folder);
      return file === d || file.startsWith(d.endsWith(path.sep) ? d : `${d}${path.sep}`);
    });
  };
  const candidates: { file: DiskPath; name: string; kind: string }[] = [
    ...(found?.files ?? [])
      .filter((f) => !excluded(f.abs))
      .map((f) => ({ file: f.abs, name: f.display, kind: 'the input file' })),
    ...(found?.caseFiles ?? []).map((f) => ({ file: f, name: shown(f), kind: 'the case file' })),
    ...(g.caseFile === undefined ? [] : [{ file: g.caseFile, name: g.caseFile, kind: 'the case file' }]),
  ];
  for (const c of candidates) {
    const id = await identity(c.file);
    if (id === undefined || !existing.has(id)) continue;
    if (c.kind === 'the input file' && (await ownOutput(c.file, c.name, g.forced?.(c.name)))) continue;
    throw new UsageError(
      'USAGE_OUT_IS_INPUT',
      `--out ${g.out} would overwrite ${c.kind} ${c.name}`,
      `Nothing was written. Write the ${g.what} somewhere else, preferably outside the folders being read, e.g. --out ${g.example}.`,
    );
  }
}

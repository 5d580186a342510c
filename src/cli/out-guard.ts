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
 *
 * A one-file output (`report`, `timeline`) replaces only a file chronolog wrote, wherever it is: an existing file
 * outside the inputs (the victim's own diary kept elsewhere, a call log backup, a letter as a PDF) is refused too,
 * unless its first bytes carry the mark of one of chronolog's reports or timelines (model/output-marks.ts), so a
 * command run again over its own earlier output still replaces it. An empty file holds nothing to lose. The
 * folders `anonymise` and `batch` write hold only their own files, which they check themselves
 * (anonymise-out.ts, batch/out-folder.ts).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../model/errors.js';
import { readHead } from '../pipeline/hashing.js';
import { detect, HEAD_BYTES, makeProbe } from '../sources/detect.js';
import { type DiskPath, pathKey } from './disk-path.js';
import { documentReason } from './documents.js';
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

/**
 * What the file at `file` reads as, in words for the message (`it reads as WhatsApp chat export (.txt)`, `a
 * picture or screenshot`), or undefined when it is none of the things chronolog knows.
 */
async function whatItIs(file: string): Promise<string | undefined> {
  try {
    const input = fileInput(file, (await stat(file)).size, file);
    const head = await readHead(input, HEAD_BYTES);
    const document = documentReason(input.name, head);
    if (document !== undefined) return document.replace(/, not a message export$/, '');
    const found = detect(makeProbe(input.name, file, head));
    if (found.kind === 'source') return `it reads as ${found.source.label}`;
    if (found.kind === 'container') return `it reads as ${found.container.label}`;
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Throws a usage error (exit 2) when the one file `out` names exists, holds something, and is not chronolog's own
 * output: replacing it would lose whatever it holds, with nothing to show for it but exit 0.
 */
async function refuseForeignFile(g: OutGuard & { out: string }): Promise<void> {
  const st = await stat(g.out).catch(() => undefined);
  if (st === undefined || !st.isFile() || st.size === 0) return;
  if ((await chronologOutputAt(g.out)) !== undefined) return;
  const what = await whatItIs(g.out);
  const other = path.resolve(g.example) === path.resolve(g.out) ? '' : `, e.g. --out ${g.example}`;
  throw new UsageError(
    'USAGE_OUT_NOT_OWN',
    `--out ${g.out} would replace an existing file that chronolog did not write${what === undefined ? '' : ` (${what})`}`,
    `Nothing was written. chronolog replaces only a report or timeline it wrote itself. Give --out another name${other}; or, if ${g.out} is not needed there, move it elsewhere (or delete it) first.`,
  );
}

/**
 * Throws a usage error (exit 2) when a file the command would write is one of its inputs or the case file, or,
 * for a one-file output, an existing file chronolog did not write.
 */
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
  if (g.targets === undefined) await refuseForeignFile({ ...g, out: g.out });
}

import { thousands } from '../model/format.js';
import type { Problem } from '../model/index.js';
import { locatorText } from '../timeline/ids.js';

/**
 * Operating-system read errors in words. Node reports them as codes (`EACCES`); a person needs to know what
 * happened and what to do. The code stays in brackets for whoever helps them, except for the common ones whose
 * words already say all it does (PLAIN): `report` says a missing path as "no such file or folder", and every
 * command says it so.
 */

/** Codes whose words say all the code does: no bracketed code after them. */
const PLAIN: ReadonlySet<string> = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

const WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied (operation not permitted)',
  EIO: 'input/output error (the disk, card or network drive may be failing)',
  ENOENT: 'it was moved or deleted while being read',
  ENOTDIR: 'part of its path is not a folder',
  EISDIR: 'it is a folder',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many files open at once',
  ENFILE: 'too many files open at once',
  EBUSY: 'it is in use by another program',
  ETIMEDOUT: 'the drive holding it did not answer in time',
  EHOSTDOWN: 'the network drive holding it is not reachable',
  ENXIO: 'the device holding it is not available',
  ENODEV: 'the device holding it is not available',
};

/** The error's code, when it is an operating-system one (`EACCES`). */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * Why a file or folder named on the command line (a case file, a key file, a folder of cases) could not be
 * opened: unlike an input read part-way, a missing one was never there, and a link loop is in its path.
 */
const OPEN_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a symbolic link in the path leads back to itself',
};

/**
 * The error in words from `words`, with the system's code in brackets unless the words say it plainly; the
 * message itself without a code.
 */
function inWords(err: unknown, words: Readonly<Record<string, string>>, otherwise: string): string {
  const code = errnoCode(err);
  if (code === undefined) return err instanceof Error ? err.message : String(err);
  const said = words[code];
  return said !== undefined && PLAIN.has(code) ? said : `${said ?? otherwise} (${code})`;
}

/** "permission denied", "input/output error … (EIO)"; the message itself for an error without a known code. */
export function readErrorWords(err: unknown): string {
  return inWords(err, WORDS, 'the system refused to read it');
}

/** "there is no such file or folder": why a path named on the command line could not be opened. */
export function openErrorWords(err: unknown): string {
  return inWords(err, OPEN_WORDS, 'the system refused to open it');
}

/** The INPUT_UNREADABLE error for a file or folder that exists but cannot be opened: evidence lost, not passed over. */
export function unreadableProblem(file: string, what: 'file' | 'folder', cause: unknown): Problem {
  return {
    code: 'INPUT_UNREADABLE',
    severity: 'error',
    file,
    message: `${what === 'folder' ? 'folder could not be opened' : 'could not be read'}: ${readErrorWords(cause)}`,
    hint: unreadableHint(cause, what),
  };
}

/** What to do about a file or folder that cannot be read. */
export function unreadableHint(err: unknown, what: 'file' | 'folder'): string {
  const code = errnoCode(err);
  if (code === 'EACCES' || code === 'EPERM')
    return (
      `Your user account is not allowed to open this ${what}. Ask whoever owns it for a copy you can open, or ` +
      `change its permissions (e.g. chmod ${what === 'folder' ? '-R u+rX' : 'u+r'} on it), then re-run. On a Mac, ` +
      'also allow the terminal under System Settings → Privacy & Security → Files and Folders.'
    );
  return `Check that the ${what} can be opened (copy it to another folder if the drive is failing) and re-run.`;
}

/**
 * How far the read of a file got before its disk failed part-way: the bytes read without fault (of how many the
 * file has) and the last record counted, so a reader knows which records the counts cover and where to look.
 */
export function readStoppedAt(
  readBytes: number | undefined,
  bytes: number,
  last: number | string | undefined,
): string {
  const counted =
    last === undefined ? 'no record counted before it' : `the last record counted: ${locatorText(last)}`;
  if (readBytes === undefined) return ` (${counted})`;
  return ` after ${thousands(readBytes)} of the file's ${thousands(bytes)} bytes (${counted})`;
}

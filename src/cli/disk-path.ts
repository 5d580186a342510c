/**
 * Paths as the file system holds them. On Linux a file name is any bytes but `/` and NUL: one copied from an old
 * USB stick or zip may hold a Windows-1252 "é" (the byte 0xE9), which is not UTF-8. Node decodes such a name to
 * U+FFFD when it is read as a string, and the decoded path then names no file: opened, it fails as if the file had
 * been deleted. So folders are listed as bytes, and a path that is not valid UTF-8 is kept as its bytes (a
 * Buffer, which every `fs` call takes) to open the file; valid paths stay strings, as before.
 *
 * A report names a file by a string (`path` in the JSON contract): the path as UTF-8 with each byte that is not
 * part of a UTF-8 character shown as `<0xE9>` (`shownPath`), as the terminal, Markdown and HTML outputs show
 * an invisible character as `<U+200B>`. The same name is then shown alike by every output, and it tells the reader
 * which byte is there, where U+FFFD would hide it. A literal "<0x" in a name is shown as "<0x3C>0x", so that two
 * names are never shown alike and a path as shown is opened again as exactly its bytes (`pathOfShown`).
 */
import { isUtf8 } from 'node:buffer';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { utf8CharLength } from '../sources/utf8-watch.js';

/** A path to open: a string when it is valid UTF-8, else its bytes. */
export type DiskPath = string | Buffer;

/** One byte that is no part of a UTF-8 character, as shown: `<0xE9>`. */
export const byteMark = (byte: number): string => `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;

/**
 * A literal "<0x" in a name, shown with its "<" as a mark ("<0x3C>0x"), so that every "<0x" in a name as shown
 * starts a mark and a valid name that spells "<0xE9>" is not shown as the byte 0xE9 is.
 */
const escapeMarks = (text: string): string => text.replaceAll('<0x', '<0x3C>0x');

/**
 * `bytes` decoded as UTF-8, each byte that is not part of a valid UTF-8 character shown as `<0xE9>` (one mark a
 * byte, so `\xE8\x80` is `<0xE8><0x80>`): what the bytes are, where Node's decoding would give U+FFFD for them.
 * A literal "<0x" is shown as "<0x3C>0x" (`escapeMarks`): two different names are never shown alike.
 */
export function shownBytes(bytes: Buffer): string {
  if (isUtf8(bytes)) return escapeMarks(bytes.toString('utf8'));
  let out = '';
  let run = 0;
  let i = 0;
  while (i < bytes.length) {
    // A character the name ends inside is no character: its bytes are shown as marks.
    const n = Math.max(0, utf8CharLength(bytes, i));
    if (n > 0) {
      i += n;
      continue;
    }
    out += escapeMarks(bytes.toString('utf8', run, i)) + byteMark(bytes[i]!);
    i++;
    run = i;
  }
  return out + escapeMarks(bytes.toString('utf8', run, i));
}

/** The path as reports show it: bytes as `shownBytes` shows them, a string as its UTF-8 bytes are shown. */
export function shownPath(p: DiskPath): string {
  return typeof p === 'string' ? escapeMarks(p) : shownBytes(p);
}

/** The path for bytes the file system gave: a string when they are valid UTF-8 (as Node would give), else the bytes. */
export function diskPath(bytes: Buffer): DiskPath {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes;
}

/** The path's bytes: a string's as UTF-8. */
export function pathBytes(p: DiskPath): Buffer {
  return typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
}

/**
 * `name` (bytes, as a folder listing gives it) joined to `dir` as `path.join` joins them. The join is made on the
 * bytes read as Latin-1, one character a byte, so `/` and `.` are found as the bytes they are and nothing else is
 * changed.
 */
export function joinPath(dir: DiskPath, name: Buffer): DiskPath {
  if (typeof dir === 'string' && isUtf8(name)) return path.join(dir, name.toString('utf8'));
  return diskPath(
    Buffer.from(path.join(pathBytes(dir).toString('latin1'), name.toString('latin1')), 'latin1'),
  );
}

/**
 * The current folder: as Node gives it, or as its bytes when its name is not UTF-8 (Node would give U+FFFD for
 * them, and that path names no folder).
 */
export function currentFolder(): DiskPath {
  const cwd = process.cwd();
  if (!cwd.includes('\uFFFD')) return cwd;
  try {
    return diskPath(realpathSync.native('.', { encoding: 'buffer' }));
  } catch {
    return cwd;
  }
}

/** `p` made absolute from the current folder, as `path.resolve(p)`; bytes stay bytes. */
export function resolvePath(p: DiskPath): DiskPath {
  // An absolute path needs no current folder (which costs a realpath when its name is not UTF-8).
  if (typeof p === 'string' && path.isAbsolute(p)) return path.resolve(p);
  const cwd = currentFolder();
  if (typeof p === 'string' && typeof cwd === 'string') return path.resolve(cwd, p);
  return diskPath(Buffer.from(path.resolve(pathKey(cwd), pathKey(p)), 'latin1'));
}

/**
 * `paths` (as shown, `shownPath`) resolved as `path.resolve` resolves them, from the current folder as shown: the
 * path as shown of the file they name, for `pathOfShown`.
 */
export function resolveShown(...paths: string[]): string {
  if (paths.length > 0 && path.isAbsolute(paths[0]!)) return path.resolve(...paths);
  return path.resolve(shownPath(currentFolder()), ...paths);
}

/** A string that differs for every two different paths, and is the same for a string and its UTF-8 bytes. */
export function pathKey(p: DiskPath): string {
  return pathBytes(p).toString('latin1');
}

/**
 * The bytes `shown` stands for when it is a path as `shownBytes` shows one with marks (`chat<0xE9>.txt`,
 * `a<0x3C>0x.txt` for a valid "a<0x.txt"), else undefined: for finding again a file a report names (`chronolog
 * verify`). A name that spells "<0xC3><0xA9>" is no such path, since those bytes are UTF-8 and would be shown as
 * "é"; nor is one with a "<0x" that starts no mark.
 */
export function bytesOfShown(shown: string): Buffer | undefined {
  if (!shown.includes('<0x')) return undefined;
  const parts = shown.split(/<0x([0-9A-F]{2})>/);
  const bytes = Buffer.concat(
    parts.map((part, i) =>
      i % 2 === 1 ? Buffer.from([Number.parseInt(part, 16)]) : Buffer.from(part, 'utf8'),
    ),
  );
  return shownBytes(bytes) === shown ? bytes : undefined;
}

/**
 * The path to open for a path as shown (`shownPath`, its inverse): the bytes it shows, a string when they are
 * UTF-8; a string that is no path as shown (no mark, or marks `shownBytes` would not make) is the path as written.
 */
export function pathOfShown(shown: string): DiskPath {
  const bytes = bytesOfShown(shown);
  return bytes === undefined ? shown : diskPath(bytes);
}

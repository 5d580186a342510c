/**
 * The first bytes of a file, as bytes or text, for the checks that tell a file by how it starts: batch's own
 * tables, the files anonymise writes, chronolog's outputs beside the evidence (verify, and an --out that would
 * replace one), pictures and documents among the exports (documents.ts).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { chronologOutput, type OutputKind } from '../model/output-marks.js';
import type { DiskPath } from './disk-path.js';

/**
 * The first `bytes` bytes of `file`, or undefined when it cannot be read or is no regular file: opened without
 * waiting, since a named pipe (FIFO) beside the evidence would otherwise hold the open until something writes to it.
 */
export async function fileBytes(file: DiskPath, bytes: number): Promise<Buffer | undefined> {
  try {
    const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!(await fh.stat()).isFile()) return undefined;
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(bytes), 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return undefined;
  }
}

/** The first `bytes` bytes of `file` decoded as UTF-8, or '' when it cannot be read. */
export async function fileHead(file: DiskPath, bytes: number): Promise<string> {
  return (await fileBytes(file, bytes))?.toString('utf8') ?? '';
}

/** How far into a file its generator mark is looked for: a Markdown report states it after its summary sections. */
const MARK_WINDOW = 256 * 1024;

/**
 * What kind of chronolog output the file at `abs` is (`model/output-marks.ts`), told from its first 256 KiB: a
 * Markdown report states its generator after its summary sections. Undefined for any other file, and for one
 * that cannot be read.
 */
export async function chronologOutputAt(abs: DiskPath): Promise<OutputKind | undefined> {
  return chronologOutput(await fileHead(abs, MARK_WINDOW));
}

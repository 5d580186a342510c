/**
 * The first bytes of a file as text, for the checks that tell a file by how it starts: batch's own tables, the
 * files anonymise writes, chronolog's outputs beside the evidence (verify).
 */
import { open } from 'node:fs/promises';

/** The first `bytes` bytes of `file` decoded as UTF-8, or '' when it cannot be read. */
export async function fileHead(file: string, bytes: number): Promise<string> {
  try {
    const fh = await open(file, 'r');
    try {
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(bytes), 0, bytes, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return '';
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks, reusedChunks } from '../../src/cli/file-chunks.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'chronolog-chunks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A file of `n` bytes that differ from position to position, so a chunk read twice or skipped shows. */
function fileOf(n: number): { file: string; bytes: Buffer } {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 31 + (i >> 16)) & 0xff;
  const file = path.join(tmp, `f-${n}.bin`);
  writeFileSync(file, bytes);
  return { file, bytes };
}

async function read(stream: AsyncIterable<unknown>): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return chunks;
}

describe('fileChunks', () => {
  // 32 KiB: decoded, no chunk makes a string too large for V8's young generation (file-chunks.ts).
  it('gives back every byte once, in 32 KiB chunks, whatever the size (empty, one byte, chunk edges, past 1 MiB)', async () => {
    for (const n of [0, 1, 32_767, 32_768, 32_769, 32 * 32_768, 32 * 32_768 + 3, 2_500_000]) {
      const { file, bytes } = fileOf(n);
      const chunks = await read(fileChunks(file));
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
      expect(chunks.every((c, i) => c.length === (i < chunks.length - 1 ? 32_768 : c.length))).toBe(true);
      expect(chunks.length).toBe(Math.ceil(n / 32_768));
    }
  });

  it('reads a byte range [start, end), for archives read from their end', async () => {
    const { file, bytes } = fileOf(300_000);
    expect(
      Buffer.concat(await read(fileChunks(file, 70_000, 200_001))).equals(bytes.subarray(70_000, 200_001)),
    ).toBe(true);
    expect(
      Buffer.concat(await read(fileChunks(file, 299_990, 400_000))).equals(bytes.subarray(299_990)),
    ).toBe(true);
    expect(await read(fileChunks(file, 5, 5))).toEqual([]);
  });

  it('hands each chunk in a buffer of its own, so a parser may keep one', async () => {
    const { file } = fileOf(200_000);
    const chunks = await read(fileChunks(file));
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
  });

  it('lets the event loop run while a large file is read (Ctrl-C and timers are not held up to the end)', async () => {
    const { file } = fileOf(4 * 1024 * 1024);
    let fired = -1;
    let seen = 0;
    setImmediate(() => {
      fired = seen;
    });
    for await (const c of fileChunks(file)) seen += (c as Buffer).length;
    expect(fired).toBeGreaterThanOrEqual(0);
    expect(fired).toBeLessThan(seen);
  });

  it('fails with the system error for a missing file or a folder, and can be left part-way', async () => {
    await expect(read(fileChunks(path.join(tmp, 'absent.txt')))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(read(fileChunks(tmp))).rejects.toMatchObject({ code: 'EISDIR' });
    const { file } = fileOf(1_000_000);
    let n = 0;
    for await (const _ of fileChunks(file)) if (++n === 3) break;
    expect(n).toBe(3);
  });
});

describe('reusedChunks', () => {
  it('gives back every byte once, in 32 KiB chunks that share one buffer, each good until the next', async () => {
    for (const n of [0, 1, 32_768, 32_769, 2_500_000]) {
      const { file, bytes } = fileOf(n);
      const copies: Buffer[] = [];
      const buffers = new Set<ArrayBufferLike>();
      for await (const c of reusedChunks(file)) {
        expect(c.length).toBeLessThanOrEqual(32_768);
        copies.push(Buffer.from(c));
        buffers.add(c.buffer);
      }
      expect(Buffer.concat(copies).equals(bytes)).toBe(true);
      expect(buffers.size).toBe(n === 0 ? 0 : 1);
    }
  });

  it('fails with the system error at the first chunk, lets the event loop run, and can be left part-way', async () => {
    await expect(read(reusedChunks(path.join(tmp, 'absent.txt')))).rejects.toMatchObject({ code: 'ENOENT' });
    const { file } = fileOf(4 * 1024 * 1024);
    let fired = -1;
    let seen = 0;
    setImmediate(() => {
      fired = seen;
    });
    for await (const c of reusedChunks(file)) seen += c.length;
    expect(fired).toBeGreaterThanOrEqual(0);
    expect(fired).toBeLessThan(seen);
    let n = 0;
    for await (const _ of reusedChunks(file)) if (++n === 3) break;
    expect(n).toBe(3);
  });

  it('reads four chunks of 16 KiB, then chunks of the size asked for, and gives the event loop a turn within each 1 MiB', async () => {
    const size = 256 * 1024;
    for (const n of [0, 1, 16 * 1024, 64 * 1024 + 1, size, size + 1, 2_500_000]) {
      const { file, bytes } = fileOf(n);
      const copies: Buffer[] = [];
      for await (const c of reusedChunks(file, size)) copies.push(Buffer.from(c));
      expect(Buffer.concat(copies).equals(bytes)).toBe(true);
      // The small first reads let a reader meet a chunk's end early, before V8 optimises it (file-chunks.ts).
      const expected: number[] = [];
      for (let left = n, reads = 1; left > 0; reads++) {
        const take = Math.min(reads <= 4 ? 16 * 1024 : size, left);
        expected.push(take);
        left -= take;
      }
      expect(copies.map((c) => c.length)).toEqual(expected);
    }
    // A size below 16 KiB is kept from the first read on.
    const { file: small } = fileOf(10_000);
    const lengths: number[] = [];
    for await (const c of reusedChunks(small, 4096)) lengths.push(c.length);
    expect(lengths).toEqual([4096, 4096, 1808]);
    const { file } = fileOf(4 * 1024 * 1024);
    const turns: number[] = [];
    let seen = 0;
    const tick = (): void => {
      turns.push(seen);
      if (turns.length < 100) setImmediate(tick);
    };
    setImmediate(tick);
    for await (const c of reusedChunks(file, size)) seen += c.length;
    // A turn came after the first 1 MiB and before the end.
    expect(turns.some((t) => t >= 1024 * 1024 && t < seen)).toBe(true);
  });
});

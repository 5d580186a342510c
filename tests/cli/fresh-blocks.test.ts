/**
 * Text blocks read ahead in the thread pool (src/cli/fresh-blocks.ts): a block is handed out only once its read
 * has completed, a request that finds none ready still gets a block, and nothing is read after `close`. A file of
 * 0xAB bytes stands in for /dev/zero, so that a block that came from a read can be told from one that did not.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshBlocks } from '../../src/cli/fresh-blocks.js';

const SIZE = 64 * 1024;
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A file of `size` bytes 0xAB. */
function patterned(size: number): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-fresh-blocks-'));
  const f = path.join(dir, 'zeros');
  writeFileSync(f, Buffer.alloc(size, 0xab));
  return f;
}

/** Lets the thread pool's reads complete and their callbacks run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
};

const fromRead = (b: Buffer) => b.every((x) => x === 0xab);

describe('fresh text blocks', () => {
  it('hands out the blocks read ahead once their reads have completed', async () => {
    const blocks = freshBlocks(SIZE, patterned(SIZE));
    const first = blocks.newBlock(SIZE);
    // The first block is a plain one: reads start only once a run asks for blocks.
    expect(first.length).toBe(SIZE);
    await settle();
    const second = blocks.newBlock(SIZE);
    const third = blocks.newBlock(SIZE);
    expect([fromRead(second), fromRead(third)]).toEqual([true, true]);
    expect(new Set([first, second, third]).size).toBe(3);
    blocks.close();
    await settle();
  });

  it('gives a plain block of any other size, and a plain block when none is ready', async () => {
    const blocks = freshBlocks(SIZE, patterned(SIZE));
    expect(blocks.newBlock(100).length).toBe(100);
    blocks.newBlock(SIZE);
    // Asked again at once: the reads are still under way, so this block did not come from one.
    const meanwhile = blocks.newBlock(SIZE);
    expect(meanwhile.length).toBe(SIZE);
    blocks.close();
    await settle();
  });

  it('works without the file (as on Windows, which has no /dev/zero)', () => {
    const blocks = freshBlocks(SIZE, path.join(os.tmpdir(), 'chronolog-no-such-file', 'zeros'));
    const a = blocks.newBlock(SIZE);
    const b = blocks.newBlock(SIZE);
    expect([a.length, b.length]).toEqual([SIZE, SIZE]);
    blocks.close();
  });

  it('reads nothing more after close, and closes the file once its reads are done', async () => {
    const fds = () => (process.platform === 'linux' ? readdirSync('/proc/self/fd').length : 0);
    const before = fds();
    const blocks = freshBlocks(SIZE, patterned(SIZE));
    blocks.newBlock(SIZE);
    expect(fds()).toBe(before + (process.platform === 'linux' ? 1 : 0));
    blocks.close();
    await settle();
    expect(fds()).toBe(before);
    // A block asked for after close is a plain one, and the file is not opened again.
    expect(blocks.newBlock(SIZE).length).toBe(SIZE);
    await settle();
    expect(fds()).toBe(before);
  });

  it('readies blocks on this thread while it would wait, up to sixteen, and hands them out first', () => {
    const blocks = freshBlocks(SIZE, patterned(SIZE));
    const readied: boolean[] = [];
    // One block filled by the first 1% of the input: far more are likely, but no more than sixteen are readied.
    const first = blocks.newBlock(SIZE);
    for (let i = 0; i < 20; i++) readied.push(blocks.fillOne(0.01));
    expect(readied.filter(Boolean)).toHaveLength(16);
    expect(readied.slice(16)).toEqual([false, false, false, false]);
    // The readied blocks are handed out first: written here (zeros where the pages were touched), not read.
    const handed = Array.from({ length: 16 }, () => blocks.newBlock(SIZE));
    expect(new Set([first, ...handed]).size).toBe(17);
    for (const b of handed) {
      expect(b.length).toBe(SIZE);
      expect(b[0]).toBe(0);
      expect(b[4096]).toBe(0);
    }
    // Another size is allocated as asked, and nothing is readied after close.
    expect(blocks.newBlock(100).length).toBe(100);
    blocks.close();
    expect(blocks.fillOne()).toBe(false);
  });

  it('readies only as many blocks as the rest of the input is likely to fill', () => {
    const blocks = freshBlocks(SIZE, patterned(SIZE));
    const readied = (done: number): number => {
      let n = 0;
      while (blocks.fillOne(done)) n++;
      return n;
    };
    // Nothing read yet: how many blocks the input needs is unknown, so only two are readied.
    expect(readied(0)).toBe(2);
    expect(readied(0)).toBe(0);
    // Four blocks handed out (the last taken to be half full) for the first 80% of the input: the last 20% is
    // likely to fill one more, and two are ready.
    for (let i = 0; i < 4; i++) blocks.newBlock(SIZE);
    expect(readied(0.8)).toBe(1);
    // Half read with the same four blocks: 3.5 more likely, so four ready in all.
    expect(readied(0.5)).toBe(3);
    // All read: nothing more is readied.
    expect(readied(1)).toBe(0);
    blocks.close();
  });
});

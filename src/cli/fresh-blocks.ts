/**
 * Text blocks for the timeline (timeline/pages.ts) whose memory is already in place when they are handed out.
 *
 * Why: the first write to each 4 KiB page of a new buffer makes the system find and clear a page, and on the VMs
 * the benchmarks run on that costs 10–15 µs a page: a million-message chat keeps ~36 MB of texts, ~9,000 pages,
 * over 0.1 s of the main thread. Here each block is filled from /dev/zero by a read in libuv's thread pool before
 * it is needed, so the pages are taken on another core while the main thread parses. Two blocks are kept ready;
 * a block is handed out only once its read has completed (its callback has run), and a request that finds none
 * ready gets a plain new buffer. Where /dev/zero cannot be opened (Windows), every block is a plain new buffer.
 *
 * The first block of a run is always a plain one: blocks are read ahead only once a run has shown it stores
 * texts, so a small case starts no reads it does not need.
 */
import { closeSync, openSync, read } from 'node:fs';
import type { NewBlock } from '../timeline/pages.js';

/** Blocks kept ready, or on their way. */
const AHEAD = 2;
/** Blocks `fillOne` readies at most: what a million-message chat's first 16 MiB of texts need. */
const IDLE_AHEAD = 16;
const PAGE = 4096;

export interface FreshBlocks {
  readonly newBlock: NewBlock;
  /**
   * Readies one more block here and now, its pages taken on this thread: for a thread that would otherwise only
   * wait (for the parse worker, parse-host.ts). False, and nothing done, once `IDLE_AHEAD` blocks are ready, or
   * as many as the rest of the input is likely to fill: `done` is the part of it read so far (0–1), and the rest
   * is taken to need blocks in the proportion the part read did. Unknown (0, nothing read yet), up to AHEAD.
   */
  fillOne(done?: number): boolean;
  /** Reads no more ahead and closes the file once the reads under way have completed. */
  close(): void;
}

/**
 * Blocks of `size` bytes read ahead from `zeros` (a file of zero bytes as long as needed); other sizes, and blocks
 * when none is ready, are allocated as usual.
 */
export function freshBlocks(size: number, zeros = '/dev/zero'): FreshBlocks {
  let fd: number | undefined;
  let unavailable = false;
  let closed = false;
  const ready: Buffer[] = [];
  let pending = 0;
  /** Blocks of `size` handed out so far. */
  let handed = 0;
  const closeFile = (): void => {
    if (fd === undefined) return;
    try {
      closeSync(fd);
    } catch {
      // Closing a file only read from cannot lose anything.
    }
    fd = undefined;
  };
  const readAhead = (): void => {
    if (fd === undefined && !unavailable && !closed) {
      try {
        fd = openSync(zeros, 'r');
      } catch {
        unavailable = true;
      }
    }
    if (fd === undefined || closed) return;
    while (ready.length + pending < AHEAD) {
      const block = Buffer.allocUnsafeSlow(size);
      pending++;
      // Position 0 every time: /dev/zero has no end, and no file position is shared with anything else.
      read(fd, block, 0, size, 0, (err, n) => {
        pending--;
        if (closed) {
          if (pending === 0) closeFile();
        } else if (err === null && n === size) ready.push(block);
      });
    }
  };
  return {
    newBlock: (bytes) => {
      if (bytes !== size) return Buffer.allocUnsafeSlow(bytes);
      handed++;
      const block = ready.shift() ?? Buffer.allocUnsafeSlow(size);
      readAhead();
      return block;
    },
    fillOne: (done = 0) => {
      // Blocks readied and never handed out are pages taken for nothing (a million-message chat's end left 15),
      // time the waiting thread can give to other work (read.ts). Before anything is read, how many blocks a
      // file needs is unknown: a report that keeps only the texts a search reads (timeline/text-marks.ts) fills
      // 11 for a million-message chat, and readying 16 before the first record took ~1,500 pages for nothing.
      // The last block handed out is taken to be half full.
      const wanted = done > 0 ? Math.ceil(((handed - 0.5) * (1 - done)) / done) : AHEAD;
      if (closed || ready.length >= Math.min(IDLE_AHEAD, wanted)) return false;
      const block = Buffer.allocUnsafeSlow(size);
      // One write a page is enough for the system to hand the page over.
      for (let p = 0; p < size; p += PAGE) block[p] = 0;
      ready.push(block);
      return true;
    },
    close: () => {
      closed = true;
      ready.length = 0;
      if (pending === 0) closeFile();
    },
  };
}

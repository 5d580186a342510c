/**
 * A file as a stream of 32 KiB chunks, read synchronously, with a turn of the event loop every 1 MiB.
 *
 * `fs.createReadStream` hands every read to libuv's thread pool and waits to be woken with the result. On the
 * two-vCPU VM the benchmarks run on, that round trip costs tens of microseconds a chunk: a 420 MB Telegram export
 * (6,400 chunks) spent about 0.4 s idle and 0.25 s more system time on it, 5–8% of its whole report. A read
 * from the page cache takes a few microseconds, so here each chunk is read in place. Every 32nd chunk is handed
 * over from `setImmediate`, so that Ctrl-C (cli/tempfiles.ts), timers and other I/O still get their turn while
 * a 2 GB backup is read. Chunks are 32 KiB (buffers of 128 KiB or more cost fresh pages from the system every
 * time, measured slower) and each is a new buffer: parsers may keep a chunk they are given.
 *
 * Why not 64 KiB: a chunk decoded to a string that holds a character beyond Latin-1 takes two bytes a character,
 * and 64 KiB of mostly ASCII then makes a string just over the largest object V8's young generation takes
 * (128 KiB). Each such string is placed in fresh memory of its own: decoding measured ten times slower.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { DiskPath } from './disk-path.js';

const CHUNK = 32 * 1024;
/** Chunks read before the event loop gets a turn (1 MiB). */
const TURN = 32;

/** Bytes [start, end) of `file` (the whole file by default) as a readable stream of chunks. */
export function fileChunks(file: DiskPath, start = 0, end = Number.POSITIVE_INFINITY): Readable {
  let fd = -1;
  let pos = start;
  let reads = 0;
  return new Readable({
    // Object mode: read() hands over one chunk at a time. In byte mode it would join all that is buffered into one
    // new buffer, which synchronous reads make the usual case (a copy, and 128 KiB buffers).
    objectMode: true,
    highWaterMark: 2,
    construct(cb) {
      try {
        fd = openSync(file, 'r');
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    read() {
      const want = Math.min(CHUNK, end - pos);
      if (want <= 0) {
        this.push(null);
        return;
      }
      let n: number;
      const buf = Buffer.allocUnsafeSlow(want);
      try {
        n = readSync(fd, buf, 0, want, pos);
      } catch (err) {
        this.destroy(err as Error);
        return;
      }
      if (n === 0) {
        this.push(null);
        return;
      }
      pos += n;
      const chunk = n < want ? buf.subarray(0, n) : buf;
      if (++reads % TURN === 0) setImmediate(() => this.push(chunk));
      else this.push(chunk);
    },
    destroy(err, cb) {
      if (fd >= 0) {
        try {
          closeSync(fd);
        } catch {
          // Closing a file only read from cannot lose data; the original error (if any) is what matters.
        }
        fd = -1;
      }
      cb(err);
    },
  });
}

/**
 * The first reads of `reusedChunks` are this small: a reader's code for a line or a character cut by the end of a
 * chunk then runs within its first few hundred lines, before V8 optimises the reader. First met after that (a
 * 256 KiB chunk holds ~4,000 chat lines), it threw the optimised line and header readers away to be compiled
 * again (--trace-deopt).
 */
const WARM_READS = 4;
const WARM_SIZE = 16 * 1024;

/**
 * The whole of `file` as chunks of `size` bytes (the first WARM_READS of WARM_SIZE at most) read into one buffer
 * again and again (`SourceInput.chunks`):
 * each chunk is good only until the next is asked for. A generator opens the file at the first request, so an
 * error opening it reaches the reader like any read error. By default chunks are as small as `fileChunks`'s, for
 * readers that decode them to strings; a reader of bytes asks for larger ones (fewer reads and fewer turns of
 * the generators in between). The event loop gets a turn every 1 MiB either way.
 */
export async function* reusedChunks(file: DiskPath, size = CHUNK): AsyncGenerator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafeSlow(size);
    const turn = Math.max(1, Math.round((TURN * CHUNK) / size));
    let pos = 0;
    for (let reads = 1; ; reads++) {
      const want = reads <= WARM_READS ? Math.min(size, WARM_SIZE) : size;
      const n = readSync(fd, buf, 0, want, pos);
      if (n === 0) return;
      pos += n;
      yield n < size ? buf.subarray(0, n) : buf;
      if (reads % turn === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a file only read from cannot lose data.
    }
  }
}

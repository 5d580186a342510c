/**
 * Hashes an input while a source reads it, so a 2 GB backup is read once, not twice. If the source never reads
 * to the end (it failed early, or it only needed part of an archive member), the caller hashes separately.
 * It also keeps the first error the input's own stream raised (an unreadable disk, a damaged archive member),
 * whatever the source made of it: some sources wrap every read error in a failure of their own format. An error
 * raised only once every byte was delivered (`FailureAtEnd`: a zip member whose CRC-32 fails) is kept the same
 * way, but the source is not told of it: its read ends as at the end of an intact file, so every record is read
 * and counted, and the pipeline reports the error afterwards.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Source, SourceContext, SourceInput } from '../sources/index.js';
import { FailureAtEnd } from '../sources/source.js';

export interface HashedInput {
  readonly input: SourceInput;
  /** The SHA-256 if some read went through the whole file. */
  digest(): string | undefined;
  /**
   * The SHA-256, reading the file once more if needed. If that read fails too, the hash covers the bytes read
   * before the failure, and `failure()` holds the error.
   */
  finish(): Promise<string>;
  /** The first error raised by the input's stream itself (not by the source reading it), if any. */
  failure(): Error | undefined;
  /** With `failure`: how many bytes from the start that read had delivered without fault. */
  failedAfter(): number | undefined;
}

export function hashing(inner: SourceInput): HashedInput {
  let digest: string | undefined;
  let failure: Error | undefined;
  let failedAfter: number | undefined;
  /** Keeps the first failure, and how far the read it stopped had got. */
  const fail = (err: Error, delivered: number): void => {
    if (failure !== undefined) return;
    failure = err;
    failedAfter = delivered;
  };
  const open = (): Readable => {
    const hash = createHash('sha256');
    let delivered = 0;
    const raw = inner.open();
    // Set when the reader stops early (it had read enough): the raw stream is then destroyed, and whatever it
    // raises after that is no fault of the input.
    let abandoned = false;
    // Pulled one chunk at a time: when the input fails, every chunk before the failure reaches the reader, so
    // what a source reads before an error never varies. The raw stream reads ahead of what it was asked for
    // (a file two chunks, other streams up to 16) and may fail while those chunks wait in its buffer: they were
    // read without fault, so they are taken with read() first, which still gives them after the failure (its
    // async iterator would drop them, and with them every record they hold).
    let waiting = false;
    const pull = (): void => {
      waiting = false;
      if (out.destroyed) return;
      const chunk = raw.read() as Buffer | null;
      if (chunk !== null) {
        hash.update(chunk);
        delivered += chunk.length;
        out.push(chunk);
      } else if (raw.errored) {
        fail(raw.errored, delivered);
        // Its chunks read ahead are all delivered now: the read got this far.
        if (failure === raw.errored) failedAfter = delivered;
        // Found once every byte was delivered (a zip member's checksum): the source reads to the end, and the
        // fault is the input's error all the same (`failure`).
        if (raw.errored instanceof FailureAtEnd) {
          digest ??= hash.digest('hex');
          out.push(null);
        } else out.destroy(raw.errored);
      } else if (raw.readableEnded) {
        digest ??= hash.digest('hex');
        out.push(null);
      } else if (raw.destroyed) {
        // Closed by something else before its end, without an error of its own: the rest was never read.
        const err = Object.assign(new Error('the input closed before its end'), {
          code: 'ERR_STREAM_PREMATURE_CLOSE',
        });
        fail(err, delivered);
        out.destroy(err);
      } else waiting = true;
    };
    const wake = (): void => {
      if (waiting) pull();
    };
    raw.on('readable', wake);
    raw.on('end', wake);
    raw.on('close', wake);
    // Also records an error raised before the first read.
    raw.on('error', (err: Error) => {
      if (abandoned) return;
      // Chunks still waiting in the raw stream's buffer are delivered after this: `pull` then counts them in.
      fail(err, delivered);
      wake();
    });
    const out: Readable = new Readable({
      objectMode: true,
      highWaterMark: 1,
      read: pull,
      destroy(err, cb) {
        if (err === null) abandoned = true;
        raw.destroy();
        cb(err);
      },
    });
    return out;
  };
  // The same for a reader of transient chunks: hashed as they pass, before the reader may reuse their memory.
  const through = inner.chunks;
  const chunks =
    through &&
    async function* (size?: number): AsyncGenerator<Buffer> {
      const hash = createHash('sha256');
      let delivered = 0;
      try {
        for await (const chunk of through(size)) {
          hash.update(chunk);
          delivered += chunk.length;
          yield chunk;
        }
      } catch (err) {
        fail(err as Error, delivered);
        if (!(err instanceof FailureAtEnd)) throw err;
      }
      digest ??= hash.digest('hex');
    };
  return {
    input: { ...inner, open, ...(chunks ? { chunks } : {}) },
    digest: () => digest,
    failure: () => failure,
    failedAfter: () => failedAfter,
    async finish() {
      if (digest !== undefined) return digest;
      const hash = createHash('sha256');
      let delivered = 0;
      try {
        for await (const chunk of inner.open()) {
          hash.update(chunk as Buffer);
          delivered += (chunk as Buffer).length;
        }
      } catch (err) {
        fail(err as Error, delivered);
      }
      digest = hash.digest('hex');
      return digest;
    },
  };
}

/** How a source's reading of an input ended: the input's SHA-256, and what went wrong, if anything. */
export interface ParseOutcome {
  readonly digest: string;
  /** What the source threw. */
  readonly thrown: unknown;
  /** The first error of the input's own stream (`HashedInput.failure`). */
  readonly stream: Error | undefined;
  /** With `stream`: the bytes from the start of the input read without fault before it (`HashedInput.failedAfter`). */
  readonly readBytes?: number | undefined;
}

/** Runs `source` over `input`, hashing what it reads (and the rest, if it stops early). */
export async function parseHashed(
  input: SourceInput,
  source: Source,
  ctx: SourceContext,
): Promise<ParseOutcome> {
  const hashed = hashing(input);
  let thrown: unknown;
  try {
    await source.parse(hashed.input, ctx);
  } catch (err) {
    thrown = err;
  }
  const digest = await hashed.finish();
  return { digest, thrown, stream: hashed.failure(), readBytes: hashed.failedAfter() };
}

/**
 * Reads up to `max` bytes from the start of an input. An error after some bytes arrived (a small archive member
 * whose checksum fails at its end, a disk error) leaves those bytes for detection: the source reading the file
 * meets the error again, and it is reported there, with the file listed as read in part.
 */
export async function readHead(input: SourceInput, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = input.open();
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      chunks.push(b);
      total += b.length;
      if (total >= max) break;
    }
  } catch (err) {
    if (total === 0) throw err;
  } finally {
    stream.destroy();
  }
  const all = Buffer.concat(chunks);
  return all.length > max ? all.subarray(0, max) : all;
}

/**
 * The SHA-256 and size of a whole input read once more, start to end: an archive, whose members are read in
 * place and hashed one by one, is hashed as the file it is too. Streamed, so memory stays bounded whatever its
 * size; a reader of transient chunks is used when there is one (the hash takes each chunk before the next).
 */
export async function wholeDigest(input: SourceInput): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of input.chunks?.() ?? input.open()) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

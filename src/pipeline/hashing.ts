/**
 * Hashes an input while a source reads it, so a 2 GB backup is read once, not twice. If the source never reads
 * to the end (it failed early, or it only needed part of an archive member), the caller hashes separately.
 * It also keeps the first error the input's own stream raised (an unreadable disk, a damaged archive member),
 * whatever the source made of it: some sources wrap every read error in a failure of their own format.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { SourceInput } from '../sources/index.js';

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
}

export function hashing(inner: SourceInput): HashedInput {
  let digest: string | undefined;
  let failure: Error | undefined;
  const open = (): Readable => {
    const hash = createHash('sha256');
    const raw = inner.open();
    // Set when the reader stops early (it had read enough): the raw stream is then destroyed with a read pending,
    // and what that read rejects with ("premature close") is no fault of the input.
    let abandoned = false;
    // The iterator reports errors to the reader; this records one raised before the first read, too.
    raw.on('error', (err: Error) => {
      if (!abandoned) failure ??= err;
    });
    const chunks = raw[Symbol.asyncIterator]();
    // Pulled one chunk at a time: when the input fails, every chunk before the failure has reached the reader
    // (a buffering stream would drop what it held), so what a source reads before an error never varies.
    const out: Readable = new Readable({
      objectMode: true,
      highWaterMark: 1,
      read() {
        chunks.next().then(
          (next) => {
            if (out.destroyed) return;
            if (next.done) {
              digest ??= hash.digest('hex');
              out.push(null);
              return;
            }
            hash.update(next.value as Buffer);
            out.push(next.value);
          },
          (err: Error) => {
            if (abandoned || out.destroyed) return;
            failure ??= err;
            out.destroy(err);
          },
        );
      },
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
    async function* (): AsyncGenerator<Buffer> {
      const hash = createHash('sha256');
      try {
        for await (const chunk of through()) {
          hash.update(chunk);
          yield chunk;
        }
      } catch (err) {
        failure ??= err as Error;
        throw err;
      }
      digest ??= hash.digest('hex');
    };
  return {
    input: { ...inner, open, ...(chunks ? { chunks } : {}) },
    digest: () => digest,
    failure: () => failure,
    async finish() {
      if (digest !== undefined) return digest;
      const hash = createHash('sha256');
      try {
        for await (const chunk of inner.open()) hash.update(chunk as Buffer);
      } catch (err) {
        failure ??= err as Error;
      }
      digest = hash.digest('hex');
      return digest;
    },
  };
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

/**
 * Hashes an input while a source reads it, so a 2 GB backup is read once, not twice. If the source never reads
 * to the end (it failed early, or it only needed part of an archive member), the caller hashes separately.
 */
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { SourceInput } from '../sources/index.js';

export interface HashedInput {
  readonly input: SourceInput;
  /** The SHA-256 if some read went through the whole file. */
  digest(): string | undefined;
  /** The SHA-256, reading the file once more if needed. */
  finish(): Promise<string>;
}

export function hashing(inner: SourceInput): HashedInput {
  let digest: string | undefined;
  const open = () => {
    const hash = createHash('sha256');
    const raw = inner.open();
    const tee = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
      flush(cb) {
        digest ??= hash.digest('hex');
        cb();
      },
    });
    raw.on('error', (err) => tee.destroy(err));
    tee.on('close', () => raw.destroy());
    return raw.pipe(tee);
  };
  return {
    input: { ...inner, open },
    digest: () => digest,
    async finish() {
      if (digest !== undefined) return digest;
      const hash = createHash('sha256');
      for await (const chunk of inner.open()) hash.update(chunk as Buffer);
      digest = hash.digest('hex');
      return digest;
    },
  };
}

/** Reads up to `max` bytes from the start of an input. */
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
  } finally {
    stream.destroy();
  }
  const all = Buffer.concat(chunks);
  return all.length > max ? all.subarray(0, max) : all;
}

/**
 * Inputs that fail part-way, for the tests of what a source keeps when its input breaks off: a file that ends
 * early, a disk error after some bytes, a zip member whose compressed data cannot be inflated past a point, and a
 * zip member whose checksum fails once all its bytes were delivered. Each is built in memory from a fixture's
 * bytes, so a test states exactly where the failure falls.
 */
import { Readable } from 'node:stream';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { SourceInput } from '../../src/sources/index.js';
import { makeZip } from './zip-writer.js';

/** Error with an operating-system code, as a failing disk gives it (`EIO`). */
export const errno = (code: string): Error => Object.assign(new Error(`${code}: failed`), { code });

/** `bytes` in pieces of `size` (copies, so nothing depends on where the pieces end or on their memory). */
function* pieces(bytes: Uint8Array, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
}

/** An intact file in memory, handed over in pieces of `size` bytes (ranges too, as a zip is read). */
export function memoryInput(path: string, bytes: Buffer, size = 64 * 1024): SourceInput {
  return {
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    bytes: bytes.length,
    open: () => Readable.from(pieces(bytes, size)),
    readRange: (start, end) => Readable.from(pieces(bytes.subarray(start, end), size)),
  };
}

/**
 * A file whose stream gives `bytes` in pieces of `size` and then fails with `err`, as a disk that fails part-way
 * does: what the file holds after `bytes` is never delivered.
 */
export function failingInput(path: string, bytes: Buffer, size: number, err: Error): SourceInput {
  return {
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    bytes: bytes.length + 4096,
    open: () => {
      const it = pieces(bytes, size);
      return new Readable({
        objectMode: true,
        read() {
          const next = it.next();
          if (next.done) this.destroy(err);
          else this.push(next.value);
        },
      });
    },
  };
}

/**
 * A zip holding `data` as `name`, deflated, whose compressed data is damaged right after the first `at` bytes:
 * inflating stops there with an error ("invalid block type"), as a bad download or disk leaves a member. The
 * headers are those of the intact member (size and CRC-32 of all of `data`).
 */
export function zipDamagedAt(name: string, data: Buffer, at: number): Buffer {
  // Stored blocks (level 0) flushed to a byte boundary, then a block header of the reserved type 3.
  const good = deflateRawSync(data.subarray(0, at), { level: 0, finishFlush: constants.Z_FULL_FLUSH });
  const body = Buffer.concat([good, Buffer.from([0x06]), Buffer.alloc(64, 0x5a)]);
  return asMember(makeZip([{ name, data: body, store: true }]), name, body.length, data);
}

/** A zip holding `data` as `name`, whose headers record a CRC-32 other than that of `data`. */
export function zipBadChecksum(name: string, data: Buffer): Buffer {
  const zip = makeZip([{ name, data, store: true }]);
  const n = Buffer.byteLength(name);
  const central = 30 + n + data.length;
  const wrong = (crc32(data) ^ 0x00010000) >>> 0;
  zip.writeUInt32LE(wrong, 14);
  zip.writeUInt32LE(wrong, central + 16);
  return zip;
}

/** Rewrites the single stored member of `zip` (whose body is `bodyLength` bytes) as deflated `data`. */
function asMember(zip: Buffer, name: string, bodyLength: number, data: Buffer): Buffer {
  const central = 30 + Buffer.byteLength(name) + bodyLength;
  for (const [header, method, crc, size] of [
    [0, 8, 14, 22],
    [central, 10, 16, 24],
  ] as const) {
    zip.writeUInt16LE(8, header + method);
    zip.writeUInt32LE(crc32(data), header + crc);
    zip.writeUInt32LE(data.length, header + size);
  }
  return zip;
}

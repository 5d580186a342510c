import { randomBytes } from 'node:crypto';
// The tests' zip writer uses Node's own crc32 (Node 20.15+); the source cannot rely on it (engines: Node 20).
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/sources/crc32.js';

describe('crc32', () => {
  it('gives the published check values', () => {
    // The CRC-32 check value (the CRC catalogue's CRC-32/ISO-HDLC) and other well-known values.
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    expect(crc32(Buffer.from('a'))).toBe(0xe8b7be43);
    expect(crc32(Buffer.from('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(Buffer.alloc(32, 0xff))).toBe(0xff6cab0b);
  });

  it('continues over pieces cut anywhere to the same value as over the whole', () => {
    const whole = randomBytes(10_007);
    const expected = crc32(whole);
    for (const cut of [0, 1, 2, 3, 4, 5, 63, 4096, 10_006, 10_007]) {
      expect(crc32(whole.subarray(cut), crc32(whole.subarray(0, cut))), `cut at ${cut}`).toBe(expected);
    }
  });

  it('agrees with zlib on random data of every length up to 64 bytes and on 1 MiB', () => {
    for (let n = 0; n <= 64; n++) {
      const b = randomBytes(n);
      expect(crc32(b), `length ${n}`).toBe(zlibCrc32(b));
    }
    const big = randomBytes(1024 * 1024);
    expect(crc32(big)).toBe(zlibCrc32(big));
  });
});

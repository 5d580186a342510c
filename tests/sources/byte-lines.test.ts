/**
 * The byte line reader must hand over, as UTF-8, exactly the lines `forEachLine` hands over as strings: the same
 * breaks (also split across chunks), numbers, replacement of bytes that are not UTF-8 and warning, whatever the
 * chunks the bytes arrive in, including chunks read into one buffer again and again.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { forEachLineBytes } from '../../src/sources/byte-lines.js';
import type { SourceContext, SourceInput } from '../../src/sources/index.js';
import { forEachLine } from '../../src/sources/text.js';

/** An input delivered in pieces of the given sizes (cycled), through `open()`. */
function streamed(file: Buffer, sizes: readonly number[]): SourceInput {
  return {
    path: 'chat.txt',
    name: 'chat.txt',
    bytes: file.length,
    open: () =>
      Readable.from(
        (function* () {
          for (let at = 0, k = 0; at < file.length; k++) {
            const n = sizes[k % sizes.length]!;
            yield Buffer.from(file.subarray(at, at + n));
            at += n;
          }
        })(),
      ),
  };
}

/** The same, through `chunks()`: one buffer filled again for every chunk, and spoilt after it. */
function reused(file: Buffer, sizes: readonly number[]): SourceInput {
  return {
    ...streamed(file, sizes),
    async *chunks() {
      const buf = Buffer.alloc(Math.max(...sizes));
      for (let at = 0, k = 0; at < file.length; k++) {
        const n = file.copy(buf, 0, at, at + sizes[k % sizes.length]!);
        at += n;
        yield buf.subarray(0, n);
        buf.fill(0x0a);
      }
    },
  };
}

type Seen = (string | number | boolean)[][];

function recording(): { ctx: SourceContext; seen: Seen } {
  const seen: Seen = [];
  const ctx: SourceContext = {
    options: { timezone: 'UTC' },
    emit: () => {},
    skip: () => {},
    reject: () => {},
    warn: (code, locator, message) => void seen.push(['warn', code, locator ?? '', message]),
    progress: () => {},
  };
  return { ctx, seen };
}

/** What `forEachLine` reports: every line, warning and the totals, in order. */
async function byStrings(input: SourceInput): Promise<Seen> {
  const { ctx, seen } = recording();
  const r = await forEachLine(input, (line, n, unended) => void seen.push([n, line, unended]), ctx);
  seen.push(['end', r.lines, r.encoding]);
  return seen;
}

/** The same from the byte reader, each line decoded while it is handed over; checks what it promises. */
async function byBytes(input: SourceInput): Promise<Seen> {
  const { ctx, seen } = recording();
  let chunkEnds = 0;
  const r = await forEachLineBytes(
    input,
    (bytes, start, end, n, unended) => {
      const line = bytes.subarray(start, end);
      expect(Buffer.isBuffer(bytes)).toBe(true);
      expect(bytes[end]).toBeLessThan(0x0e); // a byte to stop at, after the line
      expect(line.includes(0x0a) || line.includes(0x0d)).toBe(false);
      seen.push([n, line.toString('utf8'), unended]);
      // Well-formed: decoding and encoding again gives the same bytes.
      expect(Buffer.compare(Buffer.from(line.toString('utf8'), 'utf8'), line)).toBe(0);
    },
    ctx,
    () => void chunkEnds++,
  );
  seen.push(['end', r.lines, r.encoding]);
  expect(chunkEnds).toBeGreaterThanOrEqual(input.bytes > 0 ? 1 : 0);
  return seen;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const bytes = (...b: number[]) => Buffer.from(b);

describe('forEachLineBytes', () => {
  it('splits CRLF, LF and lone CR, also a CRLF cut between two chunks', async () => {
    const file = utf8('one\r\ntwo\nthree\rfour\r\n\r\nsix');
    const lines: [string, number, boolean][] = [];
    await forEachLineBytes(streamed(file, [4, 1, 1]), (b, s, e, n, unended) => {
      lines.push([b.toString('utf8', s, e), n, unended]);
    });
    expect(lines).toEqual([
      ['one', 1, false],
      ['two', 2, false],
      ['three', 3, false],
      ['four', 4, false],
      ['', 5, false],
      ['six', 6, true],
    ]);
    for (const cut of [4, 5]) {
      const seen: string[] = [];
      await forEachLineBytes(
        reused(utf8('ab\r\ncd\r\n'), [cut, 8]),
        (b, s, e) => void seen.push(b.toString('utf8', s, e)),
      );
      expect(seen, `cut after ${cut} bytes`).toEqual(['ab', 'cd']);
    }
  });

  it('hands over a line longer than many chunks whole, and keeps it when the chunk buffer is reused', async () => {
    const long = `${'é😀x'.repeat(30_000)}end`;
    const file = utf8(`first\n${long}\r\nlast`);
    const seen: string[] = [];
    await forEachLineBytes(reused(file, [4096]), (b, s, e) => void seen.push(b.toString('utf8', s, e)));
    expect(seen).toEqual(['first', long, 'last']);
  });

  it('hands over a line joined from two chunks in a buffer of its own size, after a longer one', async () => {
    const file = utf8(`${'x'.repeat(100_000)}\n${'y'.repeat(10)}\n${'z'.repeat(5000)}\nend`);
    const seen: [number, number, number][] = [];
    await forEachLineBytes(reused(file, [4096]), (b, s, e) => void seen.push([b.length, s, e]));
    // Each joined line: its bytes and the LF after them, nothing the 100,000-byte line left behind.
    expect(seen).toEqual([
      [100_001, 0, 100_000],
      [4096, expect.any(Number), expect.any(Number)],
      [5001, 0, 5000],
      [4, 0, 3],
    ]);
  });

  it('removes the leading BOM only, leaving one in the middle of a line to the source', async () => {
    const seen: string[] = [];
    await forEachLineBytes(
      streamed(utf8('\ufeffa\ufeffb\n\ufeffc\n'), [2]),
      (b, s, e) => void seen.push(b.toString('utf8', s, e)),
    );
    expect(seen).toEqual(['a\ufeffb', '\ufeffc']);
  });

  it('reads UTF-16 files with a BOM as UTF-8, in either byte order, however the bytes are cut', async () => {
    const text = 'Grüße 😀\r\nzwei\rdrei\n';
    for (const [bom, encoding] of [
      [bytes(0xff, 0xfe), 'utf16le'],
      [bytes(0xfe, 0xff), 'utf16-be'],
    ] as const) {
      const file = Buffer.concat([bom, iconv.encode(text, encoding)]);
      for (const size of [1, 2, 3, 5, 64]) {
        const seen: string[] = [];
        const r = await forEachLineBytes(
          streamed(file, [size]),
          (b, s, e) => void seen.push(b.toString('utf8', s, e)),
        );
        expect(seen, `${encoding} in ${size}-byte chunks`).toEqual(['Grüße 😀', 'zwei', 'drei']);
        expect(r).toEqual({ lines: 3, encoding: encoding === 'utf16le' ? 'utf-16le' : 'utf-16be' });
      }
    }
  });

  it('replaces bytes that are not UTF-8 and warns once, before the line that holds the first', async () => {
    const file = Buffer.concat([
      utf8('one\ntwo \ufffd\r\nthree caf'),
      bytes(0xe9),
      utf8(' “x”\nfour '),
      bytes(0xff),
      utf8('\n'),
    ]);
    const { ctx, seen } = recording();
    await forEachLineBytes(
      streamed(file, [7]),
      (b, s, e, n) => void seen.push([n, b.toString('utf8', s, e)]),
      ctx,
    );
    expect(seen).toEqual([
      [1, 'one'],
      [2, 'two \ufffd'],
      ['warn', 'TEXT_INVALID_UTF8', 3, expect.stringContaining('(first on line 3)')],
      [3, 'three caf\ufffd “x”'],
      [4, 'four \ufffd'],
    ]);
  });

  it('hands over exactly what forEachLine does, for any bytes cut into any chunks (property)', async () => {
    const pieces = [
      'ab',
      ' ',
      '\n',
      '\r',
      '\r\n',
      'é',
      '😀',
      '\ufffd',
      '\u200e',
      '\ufeff',
      '12/03/2024, 10:00 - Sam: ',
    ].map(utf8);
    const invalid = [
      bytes(0xff),
      bytes(0x80),
      bytes(0xc0, 0xaf),
      bytes(0xe2, 0x82),
      bytes(0xe0, 0x80),
      bytes(0xf0, 0x9f),
      bytes(0xf0, 0x9f, 0x98),
      bytes(0xed, 0xa0, 0x80),
      bytes(0xf8, 0x88),
      bytes(0xf4, 0x90, 0x80, 0x80),
      bytes(0x80, 0x80, 0x80, 0x80),
    ];
    const part = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...pieces) },
      { weight: 2, arbitrary: fc.constantFrom(...invalid) },
      { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }).map((a) => Buffer.from(a)) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.constantFrom(bytes(0xef, 0xbb, 0xbf)), { nil: undefined }),
        fc.array(part, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        async (bom, parts, sizes) => {
          const file = Buffer.concat([...(bom ? [bom] : []), ...parts]);
          const expected = await byStrings(streamed(file, sizes));
          expect(await byBytes(streamed(file, sizes))).toEqual(expected);
          expect(await byBytes(reused(file, sizes))).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('cuts a line longer than maxLine at a whole character and counts what it left out (property)', async () => {
    // Against the same reader with no cap: each line is the uncapped line's first bytes, no more than maxLine and
    // ending at a character; `dropped` is the rest; line numbers and the unended flag are the same.
    const part = fc.constantFrom(...['ab', 'é', '😀', '\n', '\r\n', '\r', 'xyz', '€'].map(utf8));
    const lines = async (file: Buffer, sizes: number[], maxLine?: number) => {
      const seen: [number, Buffer, boolean, number][] = [];
      await forEachLineBytes(
        reused(file, sizes),
        (b, s, e, n, unended, dropped) => {
          expect(b[e]).toBeLessThan(0x0e);
          seen.push([n, Buffer.from(b.subarray(s, e)), unended, dropped]);
        },
        undefined,
        undefined,
        maxLine,
      );
      return seen;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(part, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 12 }),
        async (parts, sizes, maxLine) => {
          const file = Buffer.concat(parts);
          const whole = await lines(file, sizes);
          const capped = await lines(file, sizes, maxLine);
          expect(capped.map(([n, , u]) => [n, u])).toEqual(whole.map(([n, , u]) => [n, u]));
          capped.forEach(([, kept, , dropped], i) => {
            const full = whole[i]![1];
            expect(kept.length).toBeLessThanOrEqual(maxLine);
            expect(kept.length + dropped).toBe(full.length);
            expect(Buffer.compare(kept, full.subarray(0, kept.length))).toBe(0);
            // Cut before a character, and not sooner than it must be.
            expect(Buffer.compare(Buffer.from(kept.toString('utf8'), 'utf8'), kept)).toBe(0);
            const next = [...full.subarray(kept.length).toString('utf8')][0] ?? '';
            if (dropped > 0) expect(kept.length + utf8(next).length).toBeGreaterThan(maxLine);
          });
        },
      ),
      { numRuns: 800 },
    );
  });

  it('hands over the end of what it left out of a cut line, its last tailBytes from a whole character (property)', async () => {
    // What a writer puts at the end of a long line (signal-export's attachment links) is still read.
    const part = fc.constantFrom(...['ab', 'é', '😀', '\n', '\r\n', '\r', 'xyz', '€'].map(utf8));
    await fc.assert(
      fc.asyncProperty(
        fc.array(part, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        async (parts, sizes, maxLine, tailBytes) => {
          const file = Buffer.concat(parts);
          const whole: Buffer[] = [];
          await forEachLineBytes(
            reused(file, sizes),
            (b, s, e) => void whole.push(Buffer.from(b.subarray(s, e))),
          );
          const seen: [number, Buffer | undefined][] = [];
          await forEachLineBytes(
            reused(file, sizes),
            (_b, _s, _e, _n, _u, dropped, tail) =>
              void seen.push([dropped, tail === undefined ? undefined : Buffer.from(tail)]),
            undefined,
            undefined,
            maxLine,
            tailBytes,
          );
          for (const [i, [dropped, tail]] of seen.entries()) {
            const left = whole[i]!.subarray(whole[i]!.length - dropped);
            // The last tailBytes of it, from the first whole character among them; none when nothing was left out.
            let from = Math.max(0, left.length - tailBytes);
            while (from < left.length && (left[from]! & 0xc0) === 0x80) from++;
            expect(tail).toEqual(dropped === 0 ? undefined : left.subarray(from));
          }
        },
      ),
      { numRuns: 800 },
    );
  });

  it('reads a line of 40 MB with a cap of 64 KiB in the memory of the cap', async () => {
    const file = Buffer.concat([utf8('first\n'), Buffer.alloc(40 * 1024 * 1024, 'é'), utf8('\nlast')]);
    const seen: [string, number, number][] = [];
    await forEachLineBytes(
      reused(file, [256 * 1024]),
      (b, s, e, _n, _u, dropped) =>
        void seen.push([b.toString('utf8', s, Math.min(e, s + 6)), e - s, dropped]),
      undefined,
      undefined,
      65_537,
    );
    // 'é' is two bytes: the odd cap cuts before the character that would not fit whole.
    expect(seen).toEqual([
      ['first', 5, 0],
      ['ééé', 65_536, 40 * 1024 * 1024 - 65_536],
      ['last', 4, 0],
    ]);
  });

  it('hands over what forEachLine does for UTF-16 text, in even-sized chunks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('ab', 'ü', '😀', '\n', '\r', '\r\n', '\ufeff'), { maxLength: 40 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }),
        async (parts, le, halves) => {
          const text = parts.join('');
          const file = le
            ? Buffer.concat([bytes(0xff, 0xfe), iconv.encode(text, 'utf16le')])
            : Buffer.concat([bytes(0xfe, 0xff), iconv.encode(text, 'utf16-be')]);
          const sizes = halves.map((h) => h * 2);
          expect(await byBytes(streamed(file, sizes))).toEqual(await byStrings(streamed(file, sizes)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a UTF-16 CRLF one line break when a chunk between its halves decodes to nothing', async () => {
    // "a\r" | the first byte of "\n" (nothing decodes yet) | the rest: still one break, not an empty line.
    const file = Buffer.concat([bytes(0xff, 0xfe), iconv.encode('a\r\nb\n', 'utf16le')]);
    const seen: string[] = [];
    await forEachLineBytes(streamed(file, [6, 1, 9]), (b, s, e) => void seen.push(b.toString('utf8', s, e)));
    expect(seen).toEqual(['a', 'b']);
  });

  it('warns only when the line is handed over, so a reader that stops before it hears nothing', async () => {
    const file = Buffer.concat([utf8('one\ntwo\nthree\n'), bytes(0x63, 0x61, 0x66, 0xe9, 0x0a)]);
    const { ctx, seen } = recording();
    const stop = new Error('stop');
    await expect(
      forEachLineBytes(
        streamed(file, [1]),
        (_b, _s, _e, n) => {
          if (n === 2) throw stop;
        },
        ctx,
      ),
    ).rejects.toBe(stop);
    expect(seen).toEqual([]);
  });
});

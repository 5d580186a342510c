/**
 * Text that is not UTF-8: a chat or diary saved again as Windows-1252 must not turn into "caf� �hi�" silently.
 * The line reader warns once, with the first line; a U+FFFD the file really holds is no alarm. A diary falls
 * back to Windows-1252, also behind a UTF-8 byte-order mark.
 */
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SourceContext, SourceInput } from '../../src/sources/index.js';
import { decodeBytes, ENCODING_SNIFF_BYTES, forEachLine, headFirst } from '../../src/sources/text.js';
import { firstInvalidUtf8 } from '../../src/sources/utf8-watch.js';

/** An input delivered in exactly these chunks. */
function chunked(...chunks: Buffer[]): SourceInput {
  return {
    path: 'chat.txt',
    name: 'chat.txt',
    bytes: chunks.reduce((n, c) => n + c.length, 0),
    open: () => Readable.from(chunks),
  };
}

/**
 * An input whose `chunks()` hands over one buffer filled again with the next `size` bytes (as a file on disk
 * does, SourceInput.chunks): a reader that kept part of a chunk without copying it would find other bytes there.
 */
function reused(file: Buffer, size: number): SourceInput {
  return {
    ...chunked(file),
    async *chunks() {
      const buf = Buffer.alloc(size);
      for (let at = 0; at < file.length; at += size) {
        const n = file.copy(buf, 0, at, at + size);
        yield buf.subarray(0, n);
        buf.fill(0xff);
      }
    },
  };
}

async function readLines(input: SourceInput) {
  const warnings: { code: string; locator: number | string | undefined; message: string; hint?: string }[] =
    [];
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London' },
    emit: () => {},
    skip: () => {},
    reject: () => {},
    warn: (code, locator, message, hint) =>
      void warnings.push({ code, locator, message, ...(hint ? { hint } : {}) }),
    progress: () => {},
  };
  const lines: string[] = [];
  await forEachLine(input, (line) => void lines.push(line), ctx);
  return { lines, warnings };
}

const cp1252 = (s: string) => iconv.encode(s, 'win1252');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('invalid UTF-8 in the line reader', () => {
  it('warns once, naming the first line where bytes were replaced and what to do', async () => {
    const file = Buffer.concat([
      utf8('12/03/2024, 10:00 - Sam: ok\n12/03/2024, 10:01 - Sam: fine\n'),
      cp1252('12/03/2024, 10:02 - Sam: café “hi”\n12/03/2024, 10:03 - Sam: naïve\n'),
    ]);
    const { lines, warnings } = await readLines(chunked(file));
    expect(lines[2]).toBe('12/03/2024, 10:02 - Sam: caf\ufffd \ufffdhi\ufffd');
    expect(warnings).toEqual([
      {
        code: 'TEXT_INVALID_UTF8',
        locator: 3,
        message:
          'The file is not valid UTF-8 (first on line 3): bytes that are no UTF-8 character were replaced with U+FFFD (\ufffd), so some letters of the text are lost. It was probably saved again in another encoding, such as Windows-1252.',
        hint: 'Use the file exactly as the app exported it (export it again if needed); if a program saved it again, save it once more as UTF-8.',
      },
    ]);
  });

  it('says nothing about a U+FFFD written in the file itself', async () => {
    const { lines, warnings } = await readLines(chunked(utf8('a\nthe app showed \ufffd here\nb\n')));
    expect(lines).toEqual(['a', 'the app showed \ufffd here', 'b']);
    expect(warnings).toEqual([]);
  });

  it('finds the line when the bad byte is at a chunk boundary, after CRLF line ends and a real U+FFFD', async () => {
    const c3 = Buffer.from([0xc3]);
    const { lines, warnings } = await readLines(
      chunked(
        // Ends inside "é" (C3 A9), after a U+FFFD the file holds: nothing wrong yet.
        Buffer.concat([utf8('one\r\ntwo café \ufffd\r\nthree caf'), c3]),
        // Finishes the "é", then ends with the lead byte of a character…
        Buffer.concat([Buffer.from([0xa9]), utf8(' ok\r\nfour '), c3]),
        // …that the next chunk does not continue: invalid, on line 4.
        utf8('x\r\nfive\r\n'),
      ),
    );
    expect(lines).toEqual(['one', 'two café \ufffd', 'three café ok', 'four \ufffdx', 'five']);
    expect(warnings.map((w) => [w.code, w.locator])).toEqual([['TEXT_INVALID_UTF8', 4]]);
  });

  it('finds a lead byte at the end of one chunk that the next does not continue', async () => {
    const { lines, warnings } = await readLines(
      chunked(utf8('one\ntwo '), Buffer.from([0xe2, 0x82]), utf8('x\n')),
    );
    expect(lines).toEqual(['one', 'two \ufffdx']);
    expect(warnings.map((w) => w.locator)).toEqual([2]);
  });

  it('finds a character the file never finishes', async () => {
    const { warnings } = await readLines(
      chunked(Buffer.concat([utf8('one\ntwo\nthree '), Buffer.from([0xe2, 0x82])])),
    );
    expect(warnings.map((w) => w.locator)).toEqual([3]);
  });

  it('gives the same warning, on the same line, however the bytes are cut into chunks', async () => {
    const files = [
      Buffer.concat([utf8('a\r\nb “x” \ufffd\n😀\r'), Buffer.from([0xe2, 0x80, 0x41]), utf8('\nc\n')]),
      Buffer.concat([utf8('one\n\ufffd \u00e9\n'), Buffer.from([0xf0, 0x9f, 0x98]), utf8('\ntwo\n')]),
      utf8('only real: \ufffd\ufffd, é, 😀\n'),
      Buffer.concat([utf8('x\n'), Buffer.from([0xed, 0xa0, 0x80]), utf8('\n')]),
    ];
    for (const file of files) {
      const whole = await readLines(chunked(file));
      for (const size of [1, 2, 3, 4, 5, 7]) {
        const parts: Buffer[] = [];
        for (let i = 0; i < file.length; i += size) parts.push(file.subarray(i, i + size));
        expect(
          await readLines(chunked(...parts)),
          `${JSON.stringify(file.toString('latin1'))} in ${size}-byte chunks`,
        ).toEqual(whole);
        expect(
          await readLines(reused(file, size)),
          `${JSON.stringify(file.toString('latin1'))} in one reused ${size}-byte buffer`,
        ).toEqual(whole);
      }
    }
    expect((await readLines(chunked(files[0]!))).warnings.map((w) => w.locator)).toEqual([4]);
    expect((await readLines(chunked(files[1]!))).warnings.map((w) => w.locator)).toEqual([3]);
    expect((await readLines(chunked(files[2]!))).warnings).toEqual([]);
    expect((await readLines(chunked(files[3]!))).warnings.map((w) => w.locator)).toEqual([2]);
  });

  it('warns only when the line is handed over, so a reader that stops before it hears nothing', async () => {
    const file = Buffer.concat([utf8('one\ntwo\nthree\n'), cp1252('caf\u00e9\n')]);
    for (const parts of [[file], [...file].map((b) => Buffer.from([b]))]) {
      const warnings: string[] = [];
      const ctx = {
        options: { timezone: 'UTC' },
        emit: () => {},
        skip: () => {},
        reject: () => {},
        warn: (code: string) => void warnings.push(code),
        progress: () => {},
      };
      const stop = new Error('stop');
      await expect(
        forEachLine(
          chunked(...parts),
          (_, n) => {
            if (n === 2) throw stop;
          },
          ctx,
        ),
      ).rejects.toBe(stop);
      expect(warnings).toEqual([]);
    }
  });

  it('knows well-formed UTF-8 from overlong forms, surrogates and stray bytes', () => {
    expect(firstInvalidUtf8(utf8('plain, café, 😀, \ufffd'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // a surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x80]))).toBe(1); // a continuation byte alone
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(-1); // cut by the end: not judged
  });
});

describe('decoding a whole small file', () => {
  it('reads Windows-1252 behind a UTF-8 byte-order mark as Windows-1252, saying so and where', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      cp1252('Date,What happened\n03/02/2024,café “hi”\n'),
    ]);
    expect(decodeBytes(bytes)).toEqual({
      text: 'Date,What happened\n03/02/2024,café “hi”\n',
      encoding: 'windows-1252',
      invalidLine: 2,
      utf8Bom: true,
    });
  });

  it('reads UTF-8 with or without the mark, and Windows-1252 without one, as before', () => {
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('a,café\n')]))).toEqual({
      text: 'a,café\n',
      encoding: 'utf-8',
    });
    expect(decodeBytes(cp1252('a\nb\r\nc,café\n'))).toEqual({
      text: 'a\nb\r\nc,café\n',
      encoding: 'windows-1252',
      invalidLine: 3,
    });
  });
});

describe('headFirst', () => {
  /** Chunks read into one buffer again and again, as `SourceInput.chunks` gives them. */
  async function* reused(pieces: string[]): AsyncGenerator<Buffer> {
    const buf = Buffer.alloc(4096);
    for (const p of pieces) {
      const n = buf.write(p, 'latin1');
      yield buf.subarray(0, n);
      buf.fill(0x3f); // whatever the reader did not copy is gone
    }
  }
  const seen = async (pieces: string[]) => {
    const out: [string, boolean, number][] = [];
    for await (const { buf, head, read } of headFirst(reused(pieces)))
      out.push([buf.toString('latin1'), head, read]);
    return out;
  };

  it('gathers the first chunks into a head of at least ENCODING_SNIFF_BYTES, kept although their memory is reused', async () => {
    // Enough to tell a byte-order mark, or UTF-16 without one, apart (text.ts utf16WithoutBom).
    expect(ENCODING_SNIFF_BYTES).toBe(1024);
    const [a, b, c] = ['a'.repeat(600), 'b'.repeat(300), 'c'.repeat(200)];
    expect(await seen([a, b, c, 'hi'])).toEqual([
      [a + b + c, true, 1100],
      ['hi', false, 1102],
    ]);
    const k = 'k'.repeat(1024);
    expect(await seen([k, 'e'])).toEqual([
      [k, true, 1024],
      ['e', false, 1025],
    ]);
  });

  it('hands over the part read as the head when reading fails before the head is whole', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('14/03/2024, 21:02 - Sam: hi\n');
      throw Object.assign(new Error('i/o error'), { code: 'EIO' });
    }
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const { buf, head } of headFirst(failing())) got.push(`${head}:${buf.toString()}`);
      })(),
    ).rejects.toThrow('i/o error');
    expect(got).toEqual(['true:14/03/2024, 21:02 - Sam: hi\n']);
  });

  it('gives a file shorter than that whole as its head, and nothing for an empty one', async () => {
    expect(await seen(['a'.repeat(600), 'b'.repeat(300)])).toEqual([
      [`${'a'.repeat(600)}${'b'.repeat(300)}`, true, 900],
    ]);
    expect(await seen(['a', 'b'])).toEqual([['ab', true, 2]]);
    expect(await seen([])).toEqual([]);
  });
});

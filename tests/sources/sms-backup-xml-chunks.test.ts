/**
 * Where chunks end must not change what an SMS Backup & Restore file reports, down to the words: every case here
 * is read 1 byte, 7 bytes and 64 KiB at a time, with and without the fast path, and must come out the same,
 * naming the line and column of the offending character as a person counts them (1-based, an emoji is one
 * column, CR LF / CR / LF are one line break each).
 */

import { describe, expect, it } from 'vitest';
import { type SourceContext, SourceFailure, type SourceInput } from '../../src/sources/index.js';
import { readBackup } from '../../src/sources/sms-backup-xml/reader.js';
import { inPieces } from '../helpers/run-source.js';

interface Outcome {
  events: { locator: string | number; text?: string }[];
  skipped: { reason: string; locator: string | number }[];
  rejected: { code: string; locator: string | number; message: string }[];
  warnings: { code: string; locator?: string | number; message: string }[];
  failure?: { code: string; message: string; locator?: string | number };
}

const pieces = (bytes: Uint8Array, size: number): SourceInput => inPieces(bytes, size, 'sms.xml');

async function read(bytes: Uint8Array, size: number, fastPath: boolean): Promise<Outcome> {
  const out: Outcome = { events: [], skipped: [], rejected: [], warnings: [] };
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London' },
    emit: (e) => void out.events.push({ locator: e.locator, text: e.text }),
    skip: (reason, locator) => void out.skipped.push({ reason, locator }),
    reject: (code, locator, message) => void out.rejected.push({ code, locator, message }),
    warn: (code, locator, message) => void out.warnings.push({ code, locator, message }),
    progress: () => {},
  };
  try {
    await readBackup(pieces(bytes, size), ctx, fastPath);
  } catch (err) {
    if (!(err instanceof SourceFailure)) throw err;
    out.failure = { code: err.code, message: err.message, locator: err.locator };
  }
  return out;
}

/** Reads `doc` in 1-byte, 7-byte and 64 KiB chunks (and without the fast path), expects one outcome, returns it. */
async function atAnyChunkSize(doc: string | Uint8Array): Promise<Outcome> {
  const bytes = typeof doc === 'string' ? new Uint8Array(Buffer.from(doc)) : doc;
  const whole = await read(bytes, 65536, true);
  for (const size of [1, 7])
    for (const fastPath of [true, false])
      expect(await read(bytes, size, fastPath), `${size}-byte chunks, fast path ${fastPath}`).toEqual(whole);
  expect(await read(bytes, 65536, false), 'saxes alone').toEqual(whole);
  return whole;
}

const sms = (i: number, body = `message ${i}`) =>
  `<sms protocol="0" address="+447700900123" date="${1709312640000 + i * 60_000}" type="1" body="${body}" contact_name="Sam" />`;
/** Plain records, so that the fast path reads them and saxes has to pick up its count of lines and columns. */
const plain = (n: number, eol = '\n') => Array.from({ length: n }, (_, i) => `  ${sms(i)}${eol}`).join('');
const disallowed = (at: string) =>
  `a character XML 1.0 forbids (${at}), usually an invisible control character, is kept as written (only a raw "<" inside a value is left out)`;

describe('control characters', () => {
  it('names the line and column of a control character in a record and between records', async () => {
    // Line 43 is `  <sms … body="a␁b" …/>`: the body's value starts at column 81, so ␁ is at column 82.
    const doc =
      `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\r\n<smses count="42">\r\n${plain(40, '\r\n')}` +
      `  ${sms(40, 'a\u0001b')}\r\n \u0002 ${sms(41)}\r\n</smses>\r\n`;
    const line43 = `  ${sms(40, 'a')}`;
    expect(line43.indexOf('body="a') + 'body="a'.length + 1).toBe(82);
    const out = await atAnyChunkSize(doc);
    expect(out.failure).toBeUndefined();
    expect(out.events).toHaveLength(42);
    expect(out.warnings).toEqual([
      {
        code: 'SMS_DISALLOWED_CHAR',
        locator: 'sms[40] (line 43)',
        message: disallowed('line 43, column 82'),
      },
      { code: 'SMS_DISALLOWED_CHAR', locator: 'line 44', message: disallowed('line 44, column 2') },
      {
        code: 'SMS_STRAY_TEXT',
        locator: 'line 44',
        message: 'text between records was ignored: "\u0002"',
      },
    ]);
  });

  it('counts an emoji before a control character as one column, in UTF-8 and UTF-16', async () => {
    const text = `<smses count="1">\n ${sms(0, '😀😀\u0001')}\n</smses>\n`;
    const column = ` ${sms(0, '😀😀')}`.indexOf('😀😀') + 3;
    expect(column).toBe(82);
    const expected = [
      { code: 'SMS_DISALLOWED_CHAR', locator: 'sms[0] (line 2)', message: disallowed('line 2, column 82') },
    ];
    expect((await atAnyChunkSize(text)).warnings).toEqual(expected);
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await atAnyChunkSize(utf16)).warnings).toEqual(expected);
  });

  it('reports a control character once, although saxes reads it twice', async () => {
    // The bytes 01 01 01 01, found by the robustness property: saxes steps back over the first character (it
    // could have been white space before the root) and reads it again as text.
    const out = await atAnyChunkSize(new Uint8Array([1, 1, 1, 1]));
    expect(out.warnings).toEqual([
      { code: 'SMS_DISALLOWED_CHAR', locator: 'line 1', message: disallowed('line 1, column 1') },
    ]);
    expect(out.failure).toEqual({
      code: 'SMS_MALFORMED_XML',
      message: 'XML error at line 1, column 1: text data outside of root node.',
      locator: 'line 1',
    });
  });
});

describe('malformed XML', () => {
  it('names the first character of text before the root, past a comment holding ">"', async () => {
    const out = await atAnyChunkSize(
      "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!-- a > b -->\n  junk > more\n<smses/>",
    );
    expect(out.failure?.message).toBe('XML error at line 3, column 3: text data outside of root node.');
  });

  it('names the first character of text after the root, an emoji counted once, CR line breaks counted', async () => {
    const text = `<smses count="2">\n${plain(2)}</smses>\r\r\n 😀 and > more`;
    const out = await atAnyChunkSize(text);
    expect(out.events).toHaveLength(2);
    // Every record was read before the fault, as the count the root declares says.
    expect(out.failure?.message).toBe(
      'XML error at line 6, column 2: text data outside of root node; the file declares 2 records; 2 were read before this error',
    );
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await atAnyChunkSize(utf16)).failure?.message).toBe(out.failure?.message);
  });

  it('names the line and column of a fault after records the fast path read', async () => {
    // Line 52 is `  <sms date=1709312640000 />`: the unquoted value starts at column 13.
    const doc = `<smses count="51">\r\n${plain(50, '\r\n')}  <sms date=1709312640000 />\r\n</smses>\r\n`;
    const out = await atAnyChunkSize(doc);
    expect(out.events).toHaveLength(50);
    expect(out.failure).toEqual({
      code: 'SMS_MALFORMED_XML',
      message:
        'XML error at line 52, column 13 inside sms[50] (line 52): unquoted attribute value; the file declares 51 records; 50 were read whole before this error',
      locator: 'sms[50] (line 52)',
    });
    // The record the error is in is counted, rejected: 51 records = 50 events + 1 rejected.
    expect(out.rejected).toEqual([
      {
        code: 'SMS_RECORD_MALFORMED',
        locator: 'sms[50] (line 52)',
        message:
          'XML error at line 52, column 13 inside this record: unquoted attribute value; the rest of the file cannot be read, so the part of this record read is not used',
      },
    ]);
  });

  it('says a file cut by zero bytes just after a CR ends at the start of the next line', async () => {
    const doc = Buffer.concat([Buffer.from(`<smses count="3">\r${plain(2, '\r')}`), Buffer.alloc(300)]);
    const out = await atAnyChunkSize(new Uint8Array(doc));
    expect(out.events).toHaveLength(2);
    expect(out.failure?.message).toBe(
      "the file ends at line 4, column 0 before the backup's closing tag: the rest of the file is zero bytes (an interrupted copy or a full disk); the file declares 3 records; 2 were read before the cut",
    );
  });
});

describe('text between records', () => {
  it('is checked however long the gap and however small the chunks', async () => {
    const doc =
      `<smses count="2">\n${plain(1)}  <!-- ${'a long comment '.repeat(60)} -->\n${' '.repeat(700)}\n` +
      `  stray words\n${plain(1)}</smses>\n`;
    const out = await atAnyChunkSize(doc);
    expect(out.events).toHaveLength(2);
    expect(out.warnings).toEqual([
      {
        code: 'SMS_STRAY_TEXT',
        locator: 'line 5',
        message: 'text between records was ignored: "stray words"',
      },
    ]);
  });

  it('puts a surrogate half just after a record, on its line, outside the record', async () => {
    const doc = `<smses count="2">\n  ${sms(0)}&#55357; tail\n  ${sms(1, 'a&#56832;b')}\n</smses>\n`;
    const out = await atAnyChunkSize(doc);
    expect(out.events.map((e) => e.text)).toEqual(['message 0', 'a\uFFFDb']);
    expect(out.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['SMS_STRAY_TEXT', 'line 2'],
      ['SMS_LONE_SURROGATE', 'line 2'],
      ['SMS_LONE_SURROGATE', 'sms[1] (line 3)'],
    ]);
  });
});

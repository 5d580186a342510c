/**
 * A DiscordChatExporter CSV cut short at every point. DCE quotes every cell and ends every row with a line break,
 * so a cut anywhere inside a row (inside a quoted cell, right after a closing quote, right after a delimiter) leaves
 * a row that is not whole, except the cut right after its last cell's closing quote: the row is then rejected at the
 * line it starts on (DISCORD_CSV_RECORD_CUT_SHORT) beside the file's DISCORD_CSV_TRUNCATED, and never emitted. Every
 * row begun is counted once. A CSV error inside a row rejects it as DISCORD_CSV_RECORD_MALFORMED.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discordCsv } from '../../src/sources/discord-csv/index.js';
import { inPieces, runInput } from '../helpers/run-source.js';

const NAME = 'Direct Messages - Sam [1200000000000000001].csv';
const bytes = readFileSync(`fixtures/discord-csv/${NAME}`);
const read = (b: Uint8Array, size = 1 << 16) => runInput(discordCsv, inPieces(b, size, NAME));

/** A data row: the line it starts on, its first byte, and the byte offsets inside its quoted cells. */
interface Row {
  readonly line: number;
  readonly start: number;
  /** The row's line break (or the end of the file). */
  readonly end: number;
  readonly quoted: ReadonlySet<number>;
}

/** The data rows of `b`, found by counting quotes (a `""` pair leaves a cell open). */
function rowsOf(b: Uint8Array): Row[] {
  const rows: Row[] = [];
  let line = 1;
  let at = b.indexOf(0x0a) + 1;
  line++;
  while (at < b.length) {
    const quoted = new Set<number>();
    let open = false;
    let i = at;
    let breaks = 0;
    for (; i < b.length; i++) {
      if (b[i] === 0x22) open = !open;
      else if (b[i] === 0x0a) {
        if (!open) break;
        breaks++;
      }
      // A cut after byte i falls inside a quoted cell when a quote is open once byte i is read.
      if (open) quoted.add(i + 1);
    }
    rows.push({ line, start: at, end: i, quoted });
    line += breaks + 1;
    at = i + 1;
  }
  return rows;
}

const rows = rowsOf(bytes);

describe(`${NAME} cut anywhere`, () => {
  it('holds rows with quotes, line breaks and reactions inside cells', async () => {
    const whole = await read(bytes);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(whole.events.length + whole.skipped.length).toBe(rows.length);
    expect(whole.failure).toBeUndefined();
  });

  it('counts every row begun once, and rejects the one any cut inside a row falls in', async () => {
    const whole = await read(bytes);
    const header = rows[0]!.start;
    for (let at = header; at < bytes.length; at++) {
      const r = await read(bytes.subarray(0, at));
      const label = `cut after ${at} bytes`;
      const begun = rows.filter((row) => row.start < at);
      const outcomes = [...r.events, ...r.skipped, ...r.rejected];
      expect(
        outcomes.map((o) => o.locator).sort((a, b) => Number(a) - Number(b)),
        label,
      ).toEqual(begun.map((row) => row.line));
      // The last row begun is whole once its last cell's closing quote is read (the byte before its CR): cut
      // anywhere before that, it is cut short, wherever in it the cut falls.
      const last = begun.at(-1);
      const cutIn = last !== undefined && at < last.end - 1 ? last : undefined;
      const fresh = r.rejected.filter((x) => x.code === 'DISCORD_CSV_RECORD_CUT_SHORT');
      if (cutIn) {
        expect(
          fresh.map((x) => x.locator),
          label,
        ).toEqual([cutIn.line]);
        expect(fresh[0]!.message, label).toMatch(
          cutIn.quoted.has(at) ? /\(in a quoted cell, at the end of line \d+\)/ : /\(after cell \d of 6/,
        );
        expect(r.failure, label).toMatchObject({ code: 'DISCORD_CSV_TRUNCATED', locator: cutIn.line });
      } else {
        expect(fresh, label).toEqual([]);
        expect(r.failure, label).toBeUndefined();
      }
      // No other reject: a cut row is never taken for one edited in a spreadsheet (DISCORD_CSV_BAD_ROW).
      expect(r.rejected.length, label).toBe(fresh.length);
      // Every row kept is the whole file's row, as it is there: none is kept with only the cells before the cut.
      const kept = (o: { locator?: unknown }) =>
        o.locator !== cutIn?.line && begun.some((b) => b.line === o.locator);
      expect(r.events, label).toEqual(whole.events.filter(kept));
      expect(r.skipped, label).toEqual(whole.skipped.filter(kept));
    }
  });

  it('reads a row whole when the file is cut between the CR and the LF after it', async () => {
    // Regression: the lone CR after the closing quote was a CSV error (DISCORD_CSV_INVALID), and the row was lost.
    const at = rows[1]!.end;
    expect(bytes[at - 1]).toBe(0x0d);
    for (const size of [1, at - 1, 1 << 16]) {
      const r = await read(bytes.subarray(0, at), size);
      expect(r.events.map((e) => e.locator)).toEqual([2, 3]);
      expect(r.rejected).toEqual([]);
      expect(r.failure).toBeUndefined();
    }
  });

  it('says the same at any chunk size', async () => {
    // Inside quoted cells, then right after a closing quote, right after a delimiter, and after the whole row.
    const afterQuote = bytes.indexOf('"","",""', rows[5]!.start) + 2;
    for (const at of [
      rows[1]!.start + 3,
      rows[2]!.start + 90,
      rows[2]!.end - 5,
      rows[4]!.start + 150,
      afterQuote,
      afterQuote + 1,
      rows[5]!.end - 2,
    ]) {
      const once = await read(bytes.subarray(0, at));
      expect(once.rejected.map((x) => x.code)).toEqual(['DISCORD_CSV_RECORD_CUT_SHORT']);
      for (const size of [1, 2, 7]) expect(await read(bytes.subarray(0, at), size)).toEqual(once);
    }
    const whole = await read(bytes.subarray(0, rows[5]!.end - 1));
    expect(whole.rejected).toEqual([]);
    for (const size of [1, 2, 7])
      expect(await read(bytes.subarray(0, rows[5]!.end - 1), size)).toEqual(whole);
  });

  it('names where a file cut in a quoted cell ends, and the row it ends in', async () => {
    // Cut inside the message of four lines that starts on line 4, after its second line.
    const at = bytes.indexOf('\n\nanswer me') + 1;
    const r = await read(bytes.subarray(0, at));
    expect(r.rejected).toEqual([
      {
        code: 'DISCORD_CSV_RECORD_CUT_SHORT',
        locator: 4,
        message:
          'the file ends inside this record (in a quoted cell, at the end of line 5); the part of it read is not used, as the rest is missing',
        hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
      },
    ]);
    expect(r.failure?.message).toBe(
      'The file ends inside a quoted cell that starts on line 4; the rows before it were kept.',
    );
  });
});

describe('a DCE CSV cut right after a closing quote or a delimiter of its last row', () => {
  // The photo and voice note sent on line 9: cut after its empty Content cell and the delimiter after it, the row
  // read as written would be a message with no content and no attachments.
  const row = rows.find((r) => r.line === 9)!;
  const afterDelimiter = bytes.indexOf('+00:00","",', row.start) + 11;

  it('rejects the row cut after a delimiter, and marks the file read in part', async () => {
    const r = await read(bytes.subarray(0, afterDelimiter));
    expect(r.events.map((e) => e.locator)).toEqual([2, 3, 4, 8]);
    expect(r.rejected).toEqual([
      {
        code: 'DISCORD_CSV_RECORD_CUT_SHORT',
        locator: 9,
        message:
          'the file ends inside this record (after cell 4 of 6 and the delimiter after it, at the end of line 9); the part of it read is not used, as the rest is missing',
        hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
      },
    ]);
    expect(r.failure).toEqual({
      code: 'DISCORD_CSV_TRUNCATED',
      message:
        'The file ends inside the row that starts on line 9, after cell 4 of 6 and the delimiter after it; the rows before it were kept.',
      locator: 9,
      hint: 'Export the channel again with DiscordChatExporter, preferably as JSON, which keeps message ids and types.',
    });
  });

  it('rejects the row cut after a closing quote as cut short, not as edited in a spreadsheet', async () => {
    const r = await read(bytes.subarray(0, afterDelimiter - 1));
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([['DISCORD_CSV_RECORD_CUT_SHORT', 9]]);
    expect(r.rejected[0]!.message).toContain('(after cell 4 of 6, at the end of line 9)');
    expect(r.failure).toMatchObject({ code: 'DISCORD_CSV_TRUNCATED', locator: 9 });
  });

  it('keeps a last row with every cell closed, though no line break follows it', async () => {
    const r = await read(bytes.subarray(0, row.end - 1));
    expect(r.events.at(-1)).toMatchObject({ locator: 9, kind: 'media' });
    expect(r.rejected).toEqual([]);
    expect(r.failure).toBeUndefined();
  });
});

describe('a 2019 DCE CSV (";" after every cell) cut in its last row', () => {
  const text =
    'Author;Date;Content;Attachments;\r\n"sam";"13/03/2023 00:05";"first";"";\r\n"sam";"14/03/2023 07:31";"second";"";';
  const cut = (drop: number) => read(Buffer.from(text.slice(0, text.length - drop)));

  it('keeps the last row when it ends with its delimiter', async () => {
    const r = await cut(0);
    expect(r.events.map((e) => e.text)).toEqual(['first', 'second']);
    expect(r.failure).toBeUndefined();
  });

  it('rejects it when the file ends before that delimiter, or before a cell', async () => {
    const before = await cut(1);
    expect(before.events.map((e) => e.text)).toEqual(['first']);
    expect(
      before.rejected.map((x) => [x.code, x.locator, x.message.replace(/^.*\((.*)\).*$/, '$1')]),
    ).toEqual([
      [
        'DISCORD_CSV_RECORD_CUT_SHORT',
        3,
        'after its last cell, before the delimiter that ends every row, at the end of line 3',
      ],
    ]);
    expect(before.failure).toMatchObject({ code: 'DISCORD_CSV_TRUNCATED', locator: 3 });
    const cellShort = await cut(3);
    expect(cellShort.rejected[0]!.message).toContain(
      '(after cell 3 of 4 and the delimiter after it, at the end of line 3)',
    );
    expect(cellShort.failure).toMatchObject({ code: 'DISCORD_CSV_TRUNCATED', locator: 3 });
  });
});

describe('a DCE CSV broken by a CSV error inside a row', () => {
  it('rejects that row at the line it starts on, beside the failure, and keeps the rows before it', async () => {
    const text = readFileSync(`fixtures/discord-csv/${NAME}`, 'utf8').replace(
      '"Please stop messaging me."',
      '"Please "stop" messaging me."',
    );
    const r = await read(Buffer.from(text));
    expect(r.events).toHaveLength(1);
    expect(r.rejected).toEqual([
      {
        code: 'DISCORD_CSV_RECORD_MALFORMED',
        locator: 3,
        message:
          'reading stopped inside this record at an error (line 3): Invalid Closing Quote; the rest of the file cannot be read, so the part of this record read is not used',
        hint: 'This record is damaged in this copy of the export (edited by hand or by another tool, or two files joined). A copy exported again may hold it whole.',
      },
    ]);
    expect(r.failure).toMatchObject({ code: 'DISCORD_CSV_INVALID', locator: 3 });
  });
});

/**
 * A DiscordChatExporter CSV cut short at every point. DCE quotes every cell, so a cut inside a row nearly always
 * falls inside a quoted cell: the row is then rejected at the line it starts on (DISCORD_CSV_RECORD_CUT_SHORT)
 * beside the file's DISCORD_CSV_TRUNCATED, and never emitted. A cut right after a cell's closing quote or a
 * delimiter leaves a short last row that reads as written (a BAD_ROW reject, or the row without its later cells);
 * either way every row begun is counted once. A CSV error inside a row rejects it as DISCORD_CSV_RECORD_MALFORMED.
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

  it('counts every row begun once, and rejects the one a cut inside a quoted cell falls in', async () => {
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
      const cutIn = begun.find((row) => row.quoted.has(at));
      const fresh = r.rejected.filter((x) => x.code === 'DISCORD_CSV_RECORD_CUT_SHORT');
      if (cutIn) {
        expect(
          fresh.map((x) => x.locator),
          label,
        ).toEqual([cutIn.line]);
        expect(r.failure, label).toMatchObject({ code: 'DISCORD_CSV_TRUNCATED', locator: cutIn.line });
      } else {
        expect(fresh, label).toEqual([]);
        expect(r.failure, label).toBeUndefined();
      }
      // The rows before the one cut are the whole file's; the one cut shows no cell it was cut in.
      const last = begun.at(-1);
      for (const e of r.events) {
        const full = whole.events.find((w) => w.locator === e.locator);
        if (e.locator !== last?.line || at > last.end) expect(e, label).toEqual(full);
        else
          expect({ text: e.text, time: e.time, sender: e.sender }, label).toEqual({
            text: full?.text,
            time: full?.time,
            sender: full?.sender,
          });
      }
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
    for (const at of [rows[1]!.start + 3, rows[2]!.start + 90, rows[2]!.end - 5, rows[4]!.start + 150]) {
      const once = await read(bytes.subarray(0, at));
      expect(once.rejected.map((x) => x.code)).toEqual(['DISCORD_CSV_RECORD_CUT_SHORT']);
      for (const size of [1, 2, 7]) expect(await read(bytes.subarray(0, at), size)).toEqual(once);
    }
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

/**
 * Blank lines in a DiscordChatExporter CSV: between rows, inside a quoted message, before rows the reader rejects
 * (a bad date, too few cells, a CSV error, a quote left open, a row too large to read), before a last row with no
 * line end, at the end, and before the header; LF and CRLF. A blank line is no record, and every row keeps the line
 * it starts on. csv-parse skips blank lines and counts them (read as rows with fewer cells than the header, it built
 * an error object for each: 200,000 took 10.7 s); each is given back at its line. Fixture in
 * fixtures/discord-csv-blank-lines; the other layouts are built at test time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discordCsv } from '../../src/sources/discord-csv/index.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/discord-csv-blank-lines';
const FILE = join(DIR, 'Direct Messages - Sam [1200000000000000041].csv');
const tmp = mkdtempSync(join(tmpdir(), 'discord-csv-blank-lines-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = 'AuthorID,Author,Date,Content,Attachments,Reactions\n';
const row = (minute: number, content: string) =>
  `"900000000000000101","sam.sample","2024-05-16T07:${String(minute).padStart(2, '0')}:00.0000000+00:00","${content}","",""\n`;

function csv(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

/** What a run comes to: each event, skip and rejection by its line, and the failure. */
const outline = async (file: string) => {
  const run = await runSource(discordCsv, file);
  return {
    events: run.events.map((e) => e.locator),
    skipped: run.skipped.map((s) => `${s.reason} ${s.locator}`),
    rejected: run.rejected.map((r) => `${r.code} ${r.locator}`),
    failure: run.failure && `${run.failure.code} ${run.failure.locator}`,
  };
};

describe('blank lines in a DCE CSV', () => {
  it('are no records; every row keeps its line, a blank line in a quoted message is part of it', async () => {
    const run = await runSource(discordCsv, FILE);
    expect(run.failure).toBeUndefined();
    expect(run.events.map((e) => [e.locator, e.kind])).toEqual([
      [2, 'message'],
      [5, 'message'],
      [10, 'message'],
      [16, 'call'],
      [17, 'media'],
    ]);
    expect(run.events[1]!.text).toBe("answer me\n\n\nI know you're reading this");
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'DISCORD_CSV_BAD_DATE',
        12,
        'The Date cell "Yesterday at 9 PM" is not a date DiscordChatExporter writes.',
      ],
      ['DISCORD_CSV_BAD_ROW', 14, 'This row has 4 cells where the header has 6.'],
    ]);
    expect(run.skipped).toEqual([]);
    expect(run.accounting).toEqual({ records: 7, events: 5, skipped: 0, rejected: 2 });
  });

  it('give the same with CRLF line ends, and wherever the pieces end', async () => {
    const lf = readFileSync(FILE);
    const want = await runInput(discordCsv, inPieces(lf, 1 << 20, FILE));
    const crlf = Buffer.from(lf.toString('utf8').replaceAll('\n', '\r\n'), 'utf8');
    for (const bytes of [lf, crlf])
      for (const size of [1 << 20, 1, 2, 3])
        expect(await runInput(discordCsv, inPieces(bytes, size, FILE)), `pieces of ${size}`).toEqual(want);
  });

  it('before a last row with no line end: the row is whole, and read at its line', async () => {
    expect(await outline(join(DIR, 'no-final-newline.csv'))).toEqual({
      events: [2, 5],
      skipped: [],
      rejected: [],
      failure: undefined,
    });
  });

  it('before a last row cut short: the row is rejected at its line', async () => {
    const file = csv('cut.csv', `${HEADER}${row(0, 'one')}\n\n${row(5, 'two').slice(0, -8)}`);
    expect(await outline(file)).toEqual({
      events: [2],
      skipped: [],
      rejected: ['DISCORD_CSV_RECORD_CUT_SHORT 5'],
      failure: 'DISCORD_CSV_TRUNCATED 5',
    });
  });

  it('before a CSV error and a quote left open: each is rejected at the line its row starts on', async () => {
    const broken = csv(
      'broken.csv',
      `${HEADER}${row(0, 'one')}\n\n"9001","sam"x,"","","",""\n\n${row(5, 'two')}`,
    );
    expect(await outline(broken)).toEqual({
      events: [2],
      skipped: [],
      rejected: ['DISCORD_CSV_RECORD_MALFORMED 5'],
      failure: 'DISCORD_CSV_INVALID 5',
    });
    const open = csv('open.csv', `${HEADER}${row(0, 'one')}\n\n${row(5, 'never closed').slice(0, -10)}\n\n`);
    expect(await outline(open)).toEqual({
      events: [2],
      skipped: [],
      rejected: ['DISCORD_CSV_RECORD_CUT_SHORT 5'],
      failure: 'DISCORD_CSV_TRUNCATED 5',
    });
  });

  it('around rows too large to read: each is rejected at its line, the rows after it keep theirs', async () => {
    const large = `"900000000000000101"${',""'.repeat(20_500)}\n`;
    const file = csv('large.csv', `${HEADER}\n${row(0, 'one')}\n${large}\n\n${row(5, 'two')}${large}\n`);
    expect(await outline(file)).toEqual({
      events: [3, 8],
      skipped: [],
      rejected: ['DISCORD_CSV_ROW_TOO_LARGE 5', 'DISCORD_CSV_ROW_TOO_LARGE 9'],
      failure: undefined,
    });
  });

  it('before the header: the blank first line is read as the header, and each row is refused at its line', async () => {
    // DCE never writes one, and such a file is not recognised as DCE CSV; forced (--format-of), it reads so.
    const file = csv('blank-first.csv', `\n\n${HEADER}${row(0, 'one')}\n${row(5, 'two')}`);
    expect(await outline(file)).toEqual({
      events: [],
      skipped: [],
      rejected: ['DISCORD_CSV_BAD_ROW 3', 'DISCORD_CSV_BAD_ROW 4', 'DISCORD_CSV_BAD_ROW 6'],
      failure: undefined,
    });
  });

  it('200,000 of them between two rows: the second row is read at its line', async () => {
    const file = csv('many.csv', `${HEADER}${row(0, 'one')}${'\n'.repeat(200_000)}${row(5, 'two')}`);
    expect(await outline(file)).toEqual({
      events: [2, 200_003],
      skipped: [],
      rejected: [],
      failure: undefined,
    });
  });
});

/**
 * A DiscordChatExporter CSV converted to CRLF throughout (unix2dos, git autocrlf, an editor on Windows): the line
 * breaks inside its quoted message cells are CRLF too. Its messages read with LF line breaks, as the LF file's do
 * and as every other reader gives a text. Fixture in fixtures/discord-csv-crlf.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discordCsv } from '../../src/sources/discord-csv/index.js';
import { caseGolden } from '../helpers/case-golden.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/discord-csv-crlf';
const FILE = join(DIR, 'Direct Messages - Sam [1200000000000000011].csv');

describe('a DCE CSV whose line breaks are all CRLF', () => {
  it('reads its multi-line messages with LF line breaks (golden)', async () => {
    // Before: "Stop contacting me.\r\nI have asked you three times now." and so on, CRLF kept in each text.
    const run = await runSource(discordCsv, FILE);
    const golden = FILE.replace(/\.csv$/, '.expected.json');
    if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    expect(run.events.filter((e) => e.text?.includes('\n')).map((e) => [e.locator, e.text])).toEqual([
      [3, 'Stop contacting me.\nI have asked you three times now.'],
      [5, "three times\n\nand I'm still here\n\nsee you saturday"],
      [12, 'Your car is outside. Blue coat today?\n"not answering" is an answer too'],
    ]);
    expect(run.events.some((e) => e.text?.includes('\r'))).toBe(false);
  });

  it('gives exactly what the same file with LF line breaks gives, wherever the pieces end', async () => {
    const bytes = readFileSync(FILE);
    const lf = Buffer.from(bytes.toString('utf8').replaceAll('\r\n', '\n'), 'utf8');
    const want = await runInput(discordCsv, inPieces(lf, 1 << 20, FILE));
    expect(want.events).toHaveLength(6);
    // Pieces of 1 to 3 bytes end between the CR and the LF of each line break, in cells and between rows.
    for (const size of [1 << 20, 1, 2, 3])
      expect(await runInput(discordCsv, inPieces(bytes, size, FILE)), `pieces of ${size}`).toEqual(want);
  });

  it('accounts for every row: 6 records, each an event', async () => {
    const got = await caseGolden([FILE]);
    const [books] = got.inputs;
    expect(books).toMatchObject({ format: 'discord-csv', records: 6, events: 6, skipped: 0, rejected: 0 });
    expect(books!.records).toBe(books!.events + books!.skipped + books!.rejected);
    expect(got.timeline.map((e) => [e.locator, e.kind])).toEqual([
      [2, 'message'],
      [3, 'message'],
      [5, 'message'],
      [10, 'call'],
      [11, 'media'],
      [12, 'message'],
    ]);
  });
});

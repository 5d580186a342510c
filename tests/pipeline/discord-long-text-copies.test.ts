/**
 * One Discord DM exported twice, as JSON and as CSV (fixtures/discord-same-channel), with one message's text of
 * 3 MiB (a damaged copy). The CSV has no message ids, so de-duplication compares texts: both readers keep the first
 * MiB of it, cut at the same character (the CSV's line breaks read as LF first), so the message still counts once,
 * flagged DISCORD_TEXT_CUT, and it is warned of once (DISCORD_TEXT_TOO_LONG) with its full length, naming both
 * copies; two overlapping CSV exports of the channel warn of it once too.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import { timelineOf } from '../helpers/timeline.js';

const CASE = 'fixtures/discord-same-channel';
const NAME = 'Direct Messages - Sam [1200000000000000009]';
const tmp = mkdtempSync(join(tmpdir(), 'discord-long-text-copies-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The case folder with the text "I just want to talk" made `text` in both exports (CRLF line ends in the CSV). */
function withText(text: string): string {
  const dir = join(tmp, 'case');
  mkdirSync(dir);
  copyFileSync(join(CASE, 'case.json'), join(dir, 'case.json'));
  const json = readFileSync(join(CASE, `${NAME}.json`), 'utf8');
  writeFileSync(join(dir, `${NAME}.json`), json.replace('"I just want to talk"', JSON.stringify(text)));
  const csv = readFileSync(join(CASE, `${NAME}.csv`), 'utf8');
  const cell = `"${text.replaceAll('"', '""')}"`.replaceAll('\n', '\r\n');
  writeFileSync(join(dir, `${NAME}.csv`), csv.replace('"I just want to talk"', cell));
  return dir;
}

describe('a Discord message over 1 MiB exported as both JSON and CSV', () => {
  it('is kept once, with the same first MiB from either file', async () => {
    const text = `I just want to talk\n"${'é'.repeat((3 * MAX_TEXT_BYTES) / 2)}`;
    const total = Buffer.byteLength(text);
    const { t, events } = await timelineOf([withText(text)], (c) => ({
      subject: { ...c.subject, identifiers: ['sam.sample'] },
      victim: { ...c.victim, identifiers: ['alex_example'] },
    }));
    expect(t.inputs.map((i) => [i.format, i.records, i.kept, i.duplicates])).toEqual([
      ['discord-csv', 8, 7, 0],
      ['discord-json', 8, 0, 7],
    ]);
    const long = events.filter((e) => e.flags?.includes('DISCORD_TEXT_CUT'));
    expect(long.map((e) => [Buffer.byteLength(e.text ?? ''), e.text?.slice(0, 21), e.incident])).toEqual([
      [MAX_TEXT_BYTES - 1, 'I just want to talk\n"', true],
    ]);
    const warned = t.problems.list.filter((p) => p.code === 'DISCORD_TEXT_TOO_LONG');
    // Warned once, as the message counts once: both readers key the warning by sender, minute and length.
    expect(warned.map((p) => p.message)).toEqual([
      `The message on line 4 has ${total.toLocaleString('en-GB')} bytes of text (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first 1,048,575 bytes of its text. The same record is also in ${join(tmp, 'case', `${NAME}.json`)}, messages[2] (an overlapping export): warned once.`,
    ]);
  });

  it('two overlapping CSV exports of the channel (the second without its last row) warn of it once', async () => {
    const text = `I just want to talk\n"${'é'.repeat((3 * MAX_TEXT_BYTES) / 2)}`;
    const dir = join(tmp, 'csv-twice');
    mkdirSync(dir);
    copyFileSync(join(CASE, 'case.json'), join(dir, 'case.json'));
    const csv = readFileSync(join(CASE, `${NAME}.csv`), 'utf8').replace(
      '"I just want to talk"',
      `"${text.replaceAll('"', '""')}"`,
    );
    const rows = csv.trimEnd().split('\n');
    writeFileSync(join(dir, `${NAME}.csv`), csv);
    writeFileSync(join(dir, `${NAME} (earlier).csv`), `${rows.slice(0, -1).join('\n')}\n`);
    const { t, events } = await timelineOf([dir], (c) => ({
      subject: { ...c.subject, identifiers: ['sam.sample'] },
      victim: { ...c.victim, identifiers: ['alex_example'] },
    }));
    expect(t.inputs.map((i) => [i.format, i.records, i.kept, i.duplicates])).toEqual([
      ['discord-csv', 7, 6, 0],
      ['discord-csv', 8, 1, 6],
    ]);
    expect(events.filter((e) => e.flags?.includes('DISCORD_TEXT_CUT'))).toHaveLength(1);
    const warned = t.problems.list.filter((p) => p.code === 'DISCORD_TEXT_TOO_LONG');
    expect(
      warned.map((p) => [p.locator, p.message.endsWith('(an overlapping export): warned once.')]),
    ).toEqual([['line 4', true]]);
  });

  it('the same JSON export twice, and an X archive twice, warn of each cut text once', async () => {
    const long = `I just want to talk ${'é'.repeat(MAX_TEXT_BYTES)}`;
    const dir = join(tmp, 'json-twice');
    mkdirSync(join(dir, 'a', 'x'), { recursive: true });
    mkdirSync(join(dir, 'b', 'x'), { recursive: true });
    copyFileSync(join(CASE, 'case.json'), join(dir, 'case.json'));
    const json = readFileSync(join(CASE, `${NAME}.json`), 'utf8').replace(
      '"I just want to talk"',
      JSON.stringify(long),
    );
    const x = readFileSync('fixtures/json-long-texts/direct-messages.js', 'utf8')
      .replace('"answer me https://t.co/Qq1Ww2Ee3R"', JSON.stringify(long))
      .replace('"answer me"', JSON.stringify(`${long}!`));
    for (const at of ['a', 'b']) {
      writeFileSync(join(dir, at, `${NAME}.json`), json);
      writeFileSync(join(dir, at, 'x', 'direct-messages.js'), x);
    }
    const { t } = await timelineOf([dir], (c) => ({
      subject: { ...c.subject, identifiers: ['sam.sample', '9100000032'] },
      victim: { ...c.victim, identifiers: ['alex_example', '9100000031'] },
    }));
    const warned = t.problems.list.filter((p) => p.code.endsWith('_TEXT_TOO_LONG'));
    expect(warned.map((p) => [p.code, p.message.endsWith('(an overlapping export): warned once.')])).toEqual([
      ['DISCORD_TEXT_TOO_LONG', true],
      ['TWITTER_TEXT_TOO_LONG', true],
      ['TWITTER_TEXT_TOO_LONG', true],
    ]);
  });
});

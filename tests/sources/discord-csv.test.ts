import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detect, makeProbe } from '../../src/sources/detect.js';
import { readStamp } from '../../src/sources/discord-csv/dates.js';
import { conversationFromName, discordCsv } from '../../src/sources/discord-csv/index.js';
import { systemNotice } from '../../src/sources/discord-csv/notices.js';
import type { SourceInput, SourceOptions } from '../../src/sources/index.js';
import { inPieces, runInput, runSource, type SourceRun } from '../helpers/run-source.js';

const FIXTURES = 'fixtures/discord-csv';
const CURRENT = 'Direct Messages - Sam [1200000000000000001].csv';
const tmp = mkdtempSync(join(tmpdir(), 'chronolog-discord-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = 'AuthorID,Author,Date,Content,Attachments,Reactions';
/** A CSV with the given Date cells (a variation for one assertion, not a fixture). */
async function withDates(dates: string[], options: Partial<SourceOptions> = {}): Promise<SourceRun> {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.csv`);
  const rows = dates.map((d, i) => `"1","sam","${d}","message ${i}","",""`);
  writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
  return runSource(discordCsv, file, options);
}

describe('discord-csv fixtures match their goldens', () => {
  for (const name of [
    CURRENT,
    'legacy-dd-mmm-yy.csv',
    'numeric-ampm-order-from-sequence.csv',
    'semicolon-2019-day-first.csv',
    'truncated.csv',
  ]) {
    it(name, async () => {
      const file = join(FIXTURES, name);
      const run = await runSource(discordCsv, file);
      const golden = file.replace(/\.csv$/, '.expected.json');
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('the current CSV (ISO dates with offsets)', () => {
  it('reads instants, the sender as written, the conversation from the file name, and locates rows by line', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, CURRENT));
    expect(run.events[0]).toEqual({
      locator: 2,
      time: { type: 'instant', ms: Date.UTC(2024, 2, 1, 18, 4, 11, 532), precision: 'ms' },
      channel: 'discord',
      kind: 'message',
      direction: 'unknown',
      sender: { id: '900000000000000101', idType: 'account', name: 'sam.sample' },
      text: 'Why are you ignoring me',
      conversation: 'Sam',
    });
    // A row whose content spans four lines starts on line 4; the next row starts on line 8.
    expect(run.events[2]).toMatchObject({
      locator: 4,
      text: 'You said "stop"\nbut you don\'t mean it\n\nanswer me',
      details: { reactions: '😡 (1)' },
    });
    expect(run.events[3]!.locator).toBe(8);
    expect(run.warnings).toEqual([]);
  });

  it('locates rows by line when every line break, in cells too, is CRLF', async () => {
    // Regression: csv-parse counts the CR and the LF of a CRLF inside a quoted cell as two lines, so every row
    // after a multi-line message in a file converted to CRLF throughout (unix2dos, git autocrlf) was located
    // one line too far per CRLF, and so was the line a cut was reported on.
    const bytes = readFileSync(join(FIXTURES, CURRENT), 'utf8').replace(/\r?\n/g, '\r\n');
    const file = join(tmp, CURRENT);
    writeFileSync(file, `${bytes}"900000000000000101","sam.sample","2024-04-02T09:00:00+01:00","cut\r\n`);
    const crlf = await runSource(discordCsv, file);
    const lf = await runSource(discordCsv, join(FIXTURES, CURRENT));
    expect(crlf.events.map((e) => e.locator)).toEqual(lf.events.map((e) => e.locator));
    // The texts too: the CRLF inside a message is read as LF (fixtures/discord-csv-crlf).
    expect(crlf.events).toEqual(lf.events);
    expect(crlf.events[3]!.locator).toBe(8);
    expect(crlf.failure).toMatchObject({ code: 'DISCORD_CSV_TRUNCATED', locator: 16 });
  });

  it('reads the fallback sentences: calls of about N minutes, notices skipped, look-alikes kept', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, CURRENT));
    expect(run.events.filter((e) => e.kind === 'call').map((e) => [e.call, e.flags])).toEqual([
      [{ status: 'unknown', durationSec: 120 }, ['duration-rounded']],
      [{ status: 'unknown', durationSec: 74040 }, ['duration-rounded']],
    ]);
    expect(run.skipped.map((s) => s.reason)).toEqual([
      'system-channel-pinned-message',
      'system-recipient-add',
    ]);
    expect(run.events.at(-1)!.text).toBe('Pinned a message. Like I pinned you.');
  });

  it('counts attachment-only rows as media with the file names, and an empty row as other', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, CURRENT));
    const media = run.events.find((e) => e.kind === 'media')!;
    expect(media.details).toEqual({ attachments: 'IMG_2231.jpg, voice note.ogg' });
    expect(run.events.find((e) => e.kind === 'other')!.flags).toEqual(['no-content']);
    expect(run.accounting).toEqual({ records: 11, events: 9, skipped: 2, rejected: 0 });
  });
});

describe('local dates', () => {
  it('reads dd-MMM-yy hh:mm tt as local minutes, warns once, and rejects impossible dates', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, 'legacy-dd-mmm-yy.csv'));
    expect(run.events.map((e) => e.time)).toEqual([
      { type: 'local', local: '2019-01-04T17:52', precision: 'min' },
      { type: 'local', local: '2019-01-05T00:11', precision: 'min' },
      { type: 'local', local: '2019-01-05T12:30', precision: 'min' },
      // Kept as written: the timeline, not the source, decides what a time in the DST gap means.
      { type: 'local', local: '2019-03-31T01:30', precision: 'min' },
      { type: 'local', local: '2020-07-17T17:03', precision: 'min' },
    ]);
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['DISCORD_CSV_LOCAL_TIME', 2]]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['DISCORD_CSV_BAD_DATE', 7],
      ['DISCORD_CSV_BAD_DATE', 8],
    ]);
    expect(run.rejected[0]!.message).toContain('"32-Jul-20 05:03 PM"');
  });

  it('takes month-first from the rows running forwards when no day is above 12, and says so', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, 'numeric-ampm-order-from-sequence.csv'));
    expect(run.events.map((e) => (e.time.type === 'local' ? e.time.local : ''))).toEqual([
      '2023-01-02T23:58',
      '2023-01-03T00:05',
      '2023-02-01T09:00',
      '2023-02-03T09:00',
      '2023-03-01T22:15',
    ]);
    expect(run.warnings.map((w) => w.code)).toEqual([
      'DISCORD_CSV_DATE_ORDER_INFERRED',
      'DISCORD_CSV_LOCAL_TIME',
    ]);
    expect(run.warnings[0]!.message).toBe(
      'Dates were read month first (mdy): only this order keeps the messages in time order.',
    );
    const bytes = readFileSync(join(FIXTURES, 'numeric-ampm-order-from-sequence.csv'));
    const told = await runInput(discordCsv, inPieces(bytes, bytes.length, 'order.csv'));
    expect(told.warnings[0]!.hint).toBe(
      'If that is wrong, pass --date-order dmy (day/month/year) or --date-order mdy (month/day/year).',
    );
  });

  it('obeys --date-order over any inference', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, 'numeric-ampm-order-from-sequence.csv'), {
      dateOrder: 'dmy',
    });
    expect(run.events[0]!.time).toEqual({ type: 'local', local: '2023-02-01T23:58', precision: 'min' });
    expect(run.warnings.map((w) => w.code)).toEqual(['DISCORD_CSV_LOCAL_TIME']);
  });

  it('keeps the order a day above 12 shows, whatever --date-order says, and says so', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, 'semicolon-2019-day-first.csv'), {
      dateOrder: 'mdy',
    });
    expect(run.events.map((e) => e.time)).toEqual([
      { type: 'local', local: '2023-03-01T23:58', precision: 'min' },
      { type: 'local', local: '2023-03-13T00:05', precision: 'min' },
      { type: 'local', local: '2023-03-14T07:30', precision: 'min' },
    ]);
    expect(run.warnings.map((w) => w.code)).toEqual([
      'DISCORD_CSV_DATE_ORDER_NOT_APPLIED',
      'DISCORD_CSV_LOCAL_TIME',
    ]);
    expect(run.warnings[0]!.message).toBe(
      '--date-order mdy was not applied to this file: its dates have a day above 12 where the option puts the month, so they can only be read day first (dmy), and were.',
    );
  });

  it('reads the 2019 ";" layout without AuthorID, day first once a day above 12 appears', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, 'semicolon-2019-day-first.csv'));
    expect(run.events.map((e) => [e.locator, e.sender, e.time])).toEqual([
      [2, { name: 'sam.sample' }, { type: 'local', local: '2023-03-01T23:58', precision: 'min' }],
      [3, { name: 'sam.sample' }, { type: 'local', local: '2023-03-13T00:05', precision: 'min' }],
      [4, { name: 'sam.sample' }, { type: 'local', local: '2023-03-14T07:30', precision: 'min' }],
    ]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['DISCORD_CSV_BAD_ROW', 5]]);
    expect(run.warnings.map((w) => w.code)).toEqual(['DISCORD_CSV_LOCAL_TIME']);
  });

  it('assumes the clock convention when nothing decides, and stops when the dates contradict each other', async () => {
    const ampm = await withDates(['01/02/2023 9:00 AM']);
    expect(ampm.events[0]!.time).toMatchObject({ local: '2023-01-02T09:00' });
    expect(ampm.warnings[0]!.message).toContain('usual order for AM/PM clocks');
    const h24 = await withDates(['01.02.2023 09:00']);
    expect(h24.events[0]!.time).toMatchObject({ local: '2023-02-01T09:00' });
    const clash = await withDates(['13/01/2023 09:00', '01/13/2023 09:00']);
    expect(clash.failure?.code).toBe('DISCORD_CSV_DATE_ORDER');
    const clashing = Buffer.from(
      `${HEADER}\n"1","sam","13/01/2023 09:00","message 0","",""\n"1","sam","01/13/2023 09:00","message 1","",""\n`,
    );
    const told = await runInput(discordCsv, inPieces(clashing, clashing.length, 'clash.csv'));
    expect(told.failure?.hint).toBe(
      'Pass the order with --date-order dmy (day/month/year) or --date-order mdy (month/day/year).',
    );
    expect(clash.events).toEqual([]);
  });

  it('reads unix seconds and milliseconds, and seconds when written', async () => {
    const run = await withDates([
      '1696552620',
      '1696552620123',
      '2023-10-06T00:37:05',
      '06-Oct-2023 00:37:05',
    ]);
    expect(run.events.map((e) => e.time)).toEqual([
      { type: 'instant', ms: 1696552620000, precision: 's' },
      { type: 'instant', ms: 1696552620123, precision: 'ms' },
      { type: 'local', local: '2023-10-06T00:37:05', precision: 's' },
      { type: 'local', local: '2023-10-06T00:37:05', precision: 's' },
    ]);
  });
});

describe('damage', () => {
  it('keeps the rows before a cut inside a quoted cell and names the line it started on', async () => {
    const run = await runSource(discordCsv, join(FIXTURES, 'truncated.csv'));
    expect(run.events.map((e) => e.text)).toEqual(['first', 'second']);
    // The row the file ends in was begun: counted, rejected, never emitted with the text read.
    expect(run.rejected.map((x) => [x.code, x.locator])).toEqual([['DISCORD_CSV_RECORD_CUT_SHORT', 4]]);
    expect(run.failure).toEqual({
      code: 'DISCORD_CSV_TRUNCATED',
      message: 'The file ends inside a quoted cell that starts on line 4; the rows before it were kept.',
      locator: 4,
    });
  });
});

const chunked = (name: string, bytes: Buffer, size: number): SourceInput => inPieces(bytes, size, name);

/** Everything a parse reports, warnings and failure wording included. */
const outcome = (input: SourceInput) => runInput(discordCsv, input);

describe('chunk boundaries', () => {
  // Regression: the header was gathered with `break` out of a for-await over the decoded text, which closes the
  // generator; every row after the first chunk (64 KiB from disk) was lost and the file called truncated.
  it('gives the same output for the same bytes whatever the chunk size, for every fixture and a UTF-16 copy', async () => {
    const files = [
      CURRENT,
      'legacy-dd-mmm-yy.csv',
      'numeric-ampm-order-from-sequence.csv',
      'semicolon-2019-day-first.csv',
      'truncated.csv',
    ];
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(readFileSync(join(FIXTURES, CURRENT), 'utf8'), 'utf16le'),
    ]);
    const inputs = [
      ...files.map((f) => [f, readFileSync(join(FIXTURES, f))] as const),
      [CURRENT, utf16] as const,
    ];
    for (const [name, bytes] of inputs) {
      const whole = await outcome(chunked(name, bytes, bytes.length));
      expect((whole as { events: unknown[] }).events.length).toBeGreaterThan(0);
      for (const size of [1, 2, 3, 5, 17, 64, 333]) {
        expect(await outcome(chunked(name, bytes, size)), `${name} in ${size}-byte chunks`).toEqual(whole);
      }
    }
    // The UTF-16 copy reads exactly like the UTF-8 original.
    expect(await outcome(chunked(CURRENT, utf16, 7))).toEqual(
      await outcome(chunked(CURRENT, readFileSync(join(FIXTURES, CURRENT)), 7)),
    );
  });

  it('rejects fast, naming its line, a row of 40 MB with no line break', async () => {
    // Regression: csv-parse looked for the line break itself, allocating for every byte until it found one, so
    // a file that is one enormous line took minutes; the header's own line break is now given to it. A row over
    // 16 MiB is no DCE row: it is rejected (before: reading stopped there, DISCORD_CSV_INVALID), and here it runs
    // to the end of the file.
    const file = join(tmp, 'one-long-line.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.alloc(40 * 1024 * 1024, 'a')]));
    const started = performance.now();
    const run = await runSource(discordCsv, file);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.events).toEqual([]);
    expect(run.rejected.map((x) => [x.code, x.locator, x.message])).toEqual([
      [
        'DISCORD_CSV_ROW_TOO_LARGE',
        2,
        'This row is 41,943,040 characters long, over 16 MiB and runs to the end of the file; a DCE row has 6 or 7 cells and a message at most 4,000 characters, so it is not read.',
      ],
    ]);
    expect(run.failure).toBeUndefined();
  });

  it('reads every row of a file larger than one 64 KiB read from disk', async () => {
    const file = join(tmp, 'Direct Messages - Sam [1200000000000000001].csv');
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `"900000000000000101","sam.sample","2024-03-01T18:${String(i % 60).padStart(2, '0')}:11.5320000+00:00","message ${i}\nsecond line","",""`,
    );
    writeFileSync(file, `${HEADER}\r\n${rows.join('\r\n')}\r\n`);
    const run = await runSource(discordCsv, file);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 3000, events: 3000, skipped: 0, rejected: 0 });
    expect(run.events.at(-1)).toMatchObject({ locator: 2 + 2 * 2999, text: 'message 2999\nsecond line' });
  });
});

describe('helpers', () => {
  it('reads only whole fallback sentences as notices', () => {
    expect(systemNotice('Started a call that lasted 0 minutes.')).toEqual({ minutes: 0 });
    expect(systemNotice('Changed the channel name: you know why')).toEqual({
      skip: 'system-channel-name-change',
    });
    expect(systemNotice('Left the group.')).toEqual({ skip: 'system-recipient-remove' });
    expect(systemNotice('Started a call that lasted forever.')).toBeUndefined();
    expect(systemNotice('I joined the server.')).toBeUndefined();
  });

  it('refuses Date cells DCE never writes', () => {
    for (const bad of [
      'yesterday',
      '2023-10-06',
      '06-Okt-23 00:37',
      '13:00 01/02/2023',
      '01/02/2023 0:37 PM',
      '123456789',
    ]) {
      expect(readStamp(bad)).toBeUndefined();
    }
  });

  it("takes the conversation from DCE's default file names only", () => {
    expect(conversationFromName('Direct Messages - Sam [1200000000000000001].csv')).toBe('Sam');
    expect(conversationFromName('Night Owls - General - general [1250000000000000001] [part 2].csv')).toBe(
      'Night Owls - General - general',
    );
    expect(conversationFromName('export.csv')).toBeUndefined();
  });
});

describe('detection', () => {
  const probe = (text: string | Buffer, name = 'x.csv') =>
    makeProbe(name, name, typeof text === 'string' ? Buffer.from(text) : text);

  it('recognises the header quoted or not, any case, after a BOM, with "," or the 2019 ";"', () => {
    expect(discordCsv.detect(probe(`${HEADER}\r\n"1","a","b","c","",""`))).toBe(true);
    expect(discordCsv.detect(probe('"authorid","author","date","content","attachments","reactions"\n'))).toBe(
      true,
    );
    expect(
      discordCsv.detect(probe(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER)]))),
    ).toBe(true);
    expect(discordCsv.detect(probe('Author;Date;Content;Attachments;\n'))).toBe(true);
    expect(discordCsv.detect(probe('Date,Time,Contact type,Description\n'))).toBe(false);
    expect(discordCsv.detect(probe(`AuthorID,Author,Date,Content,Attachments,Reactions,Extra\n`))).toBe(
      false,
    );
  });

  it('wins over the diary source for every fixture', () => {
    for (const name of [CURRENT, 'legacy-dd-mmm-yy.csv', 'semicolon-2019-day-first.csv', 'truncated.csv']) {
      const file = join(FIXTURES, name);
      const found = detect(makeProbe(name, file, readFileSync(file).subarray(0, 65536)));
      expect(found.kind === 'source' && found.source.id).toBe('discord-csv');
    }
  });
});

/**
 * A Signal chat.md or iMessage text "message" longer than any chat message (another file joined onto the export,
 * a damaged copy): it was held whole, then joined, trimmed and matched, so a 90 MB one took 357-570 MB of memory
 * for `inspect`. As WhatsApp's (whatsapp-long-message.test.ts), it is now one contact kept with the first
 * MAX_TEXT_BYTES of its text, cut before a whole character, flagged SIGNAL_TEXT_CUT / IMESSAGE_TEXT_CUT and named
 * in a warning at its line with its full length in bytes and lines; the rest is counted, never held, and the
 * lines after it keep their numbers. data.json cuts a body the same way, so chat.md and data.json of one
 * conversation still give the same message, counted once.
 *
 * Inputs: the fixtures of each format with a long message put in among their messages, read whole and in pieces
 * of several sizes (the cap falling in a piece, across pieces, in a piece of one line).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { imessageTxt } from '../../src/sources/imessage-txt.js';
import type { Source } from '../../src/sources/index.js';
import { MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import { signalChat } from '../../src/sources/signal-chat.js';
import { signalJson } from '../../src/sources/signal-json.js';
import { inPieces, runInput, runSource, type SourceRun } from '../helpers/run-source.js';
import { timelineOf } from '../helpers/timeline.js';

const IMESSAGE = 'fixtures/imessage-txt/+447700900123.txt';
const CHAT_MD = 'fixtures/signal-chat/chat.md';
const TWIN_MD = 'fixtures/signal-chat/padded-calls-quotes-stickers/chat.md';
const TWIN_JSON = 'fixtures/signal-json/padded-calls-quotes-stickers/data.json';
/** Piece sizes: a prime well below a line, a common chunk, and one just past the cap (the cap inside it). */
const PIECES = [4093, 65_536, MAX_TEXT_BYTES + 7];

const tmp = mkdtempSync(join(tmpdir(), 'chronolog-long-message-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `fixture`'s lines with `lines` put in after its line `after`, written as `name` in a folder of its own. */
function withLines(fixture: string, after: number, lines: string[], name: string, unended = false): string {
  const all = readFileSync(fixture, 'utf8').split('\n');
  if (all[all.length - 1] === '') all.pop();
  all.splice(after, 0, ...lines);
  const dir = mkdtempSync(join(tmp, 'case-'));
  const file = join(dir, name);
  writeFileSync(file, all.join('\n') + (unended ? '' : '\n'));
  return file;
}

/**
 * The golden run of `fixture`, as it must come out of its copy `file` with `added` lines put in after its line
 * `after`: the records after them moved down, and warnings that name the file naming the copy.
 */
function shifted(fixture: string, file: string, after: number, added: number): SourceRun {
  const golden = JSON.parse(
    readFileSync(fixture.replace(/\.[a-z]+$/, '.expected.json'), 'utf8'),
  ) as SourceRun;
  const move = <T extends { locator?: number | string; message?: string }>(x: T): T => {
    const named = x.message === undefined ? x : { ...x, message: x.message.split(fixture).join(file) };
    return typeof x.locator === 'number' && x.locator > after
      ? { ...named, locator: x.locator + added }
      : named;
  };
  return {
    ...golden,
    events: golden.events.map(move),
    skipped: golden.skipped.map(move),
    rejected: golden.rejected.map(move),
    warnings: golden.warnings.map(move),
  };
}

/** Reads `file` whole, then in pieces of every size of PIECES: each reading reports exactly the same. */
async function readAlike(source: Source, file: string): Promise<SourceRun> {
  const run = await runSource(source, file);
  const bytes = readFileSync(file);
  const whole = await runInput(source, inPieces(bytes, bytes.length, file));
  for (const size of PIECES) expect(await runInput(source, inPieces(bytes, size, file))).toEqual(whole);
  expect(run.accounting.records).toBe(
    run.accounting.events + run.accounting.skipped + run.accounting.rejected,
  );
  return run;
}

/** `run` without the event at `locator`, and without the warning at it. */
function without(run: SourceRun, locator: number): SourceRun {
  const events = run.events.filter((e) => e.locator !== locator);
  const warnings = run.warnings.filter((w) => w.locator !== locator);
  return {
    ...run,
    events,
    warnings,
    accounting: { ...run.accounting, records: run.accounting.records - 1, events: events.length },
  };
}

const en = (n: number): string => n.toLocaleString('en-GB');

describe('an iMessage text message longer than 1 MiB', () => {
  it('keeps a one-line message of 3 MiB as one event with the start of its text, cut at a character', async () => {
    // After the second message (lines 5-8): 'x' and then 'é' (two bytes each), so the cap falls inside an 'é'.
    const body = `x${'é'.repeat(1_572_864)}`;
    const file = withLines(
      IMESSAGE,
      8,
      ['May 17, 2024  6:00:00 PM', '+447700900123', body, ''],
      '+447700900123.txt',
    );
    const run = await readAlike(imessageTxt, file);
    const long = run.events.find((e) => e.locator === 9)!;
    expect(long).toMatchObject({ kind: 'message', flags: ['IMESSAGE_TEXT_CUT'] });
    expect(long.text).toBe(`x${'é'.repeat((MAX_TEXT_BYTES - 2) / 2)}`);
    expect(Buffer.byteLength(long.text!)).toBe(MAX_TEXT_BYTES - 1);
    expect(run.warnings.filter((w) => w.locator === 9)).toEqual([
      {
        code: 'IMESSAGE_TEXT_TOO_LONG',
        locator: 9,
        message: `The message on line 9 has 3,145,729 bytes of text (as UTF-8), more than chronolog keeps of one message (1 MiB): it is counted as one message, with the first 1,048,575 bytes of its text.`,
      },
    ]);
    // Everything else is read as without it, the lines after it numbered as they are in the file.
    expect(without(run, 9)).toEqual(shifted(IMESSAGE, file, 8, 4));
  });

  it('stops keeping the lines of a long message at the cap, counts them all, and leaves out blank lines at its end', async () => {
    const line = 'a line pasted into the chat, again and again'; // 44 bytes
    const body = ['start'];
    for (let i = 1; i <= 60_000; i++) body.push(i % 1000 === 500 ? '' : line);
    const full = body.join('\n');
    const file = withLines(
      IMESSAGE,
      8,
      ['May 17, 2024  6:00:00 PM', '+447700900123', ...body, '', ''],
      '+447700900123.txt',
    );
    const run = await readAlike(imessageTxt, file);
    const long = run.events.find((e) => e.locator === 9)!;
    expect(long.flags).toEqual(['IMESSAGE_TEXT_CUT']);
    // ASCII: the first MAX_TEXT_BYTES characters, the cap falling inside a line.
    expect(long.text).toBe(full.slice(0, MAX_TEXT_BYTES));
    expect(run.warnings.find((w) => w.locator === 9)!.message).toBe(
      `The message on line 9 has ${en(full.length)} bytes of text on 60,001 lines (as UTF-8), more than chronolog keeps of one message (1 MiB): it is counted as one message, with the first 1,048,576 bytes of its text.`,
    );
    expect(without(run, 9)).toEqual(shifted(IMESSAGE, file, 8, 60_005));
  });

  it('keeps a message of exactly the cap whole, with no flag, and cuts one a byte longer', async () => {
    const first = 'x'.repeat(1000);
    const rest = 'y'.repeat(MAX_TEXT_BYTES - first.length - 1); // "first\nrest": exactly MAX_TEXT_BYTES
    const head = ['May 17, 2024  6:00:00 PM', '+447700900123', first];
    const at = await runSource(imessageTxt, withLines(IMESSAGE, 8, [...head, rest, ''], 'at.txt'));
    expect(at.events.find((e) => e.locator === 9)!.text).toBe(`${first}\n${rest}`);
    expect(at.events.find((e) => e.locator === 9)!.flags).toBeUndefined();
    expect(at.warnings.map((w) => w.code)).toEqual(['IMESSAGE_LOCAL_TIME']);

    const over = await runSource(imessageTxt, withLines(IMESSAGE, 8, [...head, `${rest}y`, ''], 'over.txt'));
    expect(over.events.find((e) => e.locator === 9)).toMatchObject({
      text: `${first}\n${rest}`,
      flags: ['IMESSAGE_TEXT_CUT'],
    });
    expect(over.warnings.find((w) => w.locator === 9)!.message).toContain(
      `has ${en(MAX_TEXT_BYTES + 1)} bytes of text on 2 lines (as UTF-8)`,
    );
  });

  it('cuts a long last message that has no line break', async () => {
    const body = 'z'.repeat(2 * MAX_TEXT_BYTES);
    const lines = readFileSync(IMESSAGE, 'utf8').trimEnd().split('\n').length;
    const file = withLines(
      IMESSAGE,
      lines,
      ['', 'May 18, 2024  1:00:00 AM', '+447700900123', body],
      '+447700900123.txt',
      true,
    );
    const run = await readAlike(imessageTxt, file);
    expect(run.failure).toBeUndefined();
    expect(run.events.at(-1)).toMatchObject({
      locator: lines + 2,
      text: 'z'.repeat(MAX_TEXT_BYTES),
      flags: ['IMESSAGE_TEXT_CUT'],
    });
    expect(run.warnings.map((w) => [w.code, w.locator])).toContainEqual([
      'IMESSAGE_TEXT_TOO_LONG',
      lines + 2,
    ]);
  });
});

describe('a Signal chat.md message longer than 1 MiB', () => {
  // After the second message (lines 2-4, a reaction line last): a message of its own on line 5.
  const HEADER = '[2024-03-01 18:04:50] Sam: ';

  it('keeps a one-line message of 3 MiB as one event with its first MiB, cut at a character', async () => {
    const body = `x${'é'.repeat(1_572_864)}`;
    const file = withLines(CHAT_MD, 4, [`${HEADER}${body}`], 'chat.md');
    const run = await readAlike(signalChat, file);
    const long = run.events.find((e) => e.locator === 5)!;
    expect(long).toMatchObject({ kind: 'message', sender: { name: 'Sam' }, flags: ['SIGNAL_TEXT_CUT'] });
    expect(long.text).toBe(`x${'é'.repeat((MAX_TEXT_BYTES - 2) / 2)}`);
    expect(run.warnings.filter((w) => w.locator === 5)).toEqual([
      {
        code: 'SIGNAL_TEXT_TOO_LONG',
        locator: 5,
        message: `The message on line 5 has 3,145,729 bytes of text (as UTF-8), more than a Signal message can hold (64 KiB): it is counted as one message, with the first 1,048,575 bytes of its text.`,
      },
    ]);
    expect(without(run, 5)).toEqual(shifted(CHAT_MD, file, 4, 1));
  });

  it('counts a message of many lines whole, leaving out the reaction lines among them', async () => {
    const line = 'a line pasted into the chat, again and again';
    const body: string[] = [];
    // A reaction line among them, before the cap: no part of the text, kept or counted.
    for (let i = 1; i <= 60_000; i++) body.push(i === 10_000 ? '(- Alex: 👎 -)' : line);
    const text = ['start', ...body.filter((l) => !l.startsWith('(-'))].join('\n');
    const file = withLines(CHAT_MD, 4, [`${HEADER}start`, ...body, ''], 'chat.md');
    const run = await readAlike(signalChat, file);
    const long = run.events.find((e) => e.locator === 5)!;
    expect(long.flags).toEqual(['SIGNAL_TEXT_CUT']);
    expect(long.text).toBe(text.slice(0, MAX_TEXT_BYTES));
    expect(run.warnings.find((w) => w.locator === 5)!.message).toBe(
      `The message on line 5 has ${en(text.length)} bytes of text on 60,000 lines (as UTF-8), more than a Signal message can hold (64 KiB): it is counted as one message, with the first 1,048,576 bytes of its text.`,
    );
    expect(without(run, 5)).toEqual(shifted(CHAT_MD, file, 4, 60_002));
  });
});

describe('the two files of one signal-export conversation with a message over 1 MiB', () => {
  /** The twin fixtures with the quoted reply "You can't make me" made `extra` longer, in a folder of their own. */
  function twins(extra: string): string {
    const dir = mkdtempSync(join(tmp, 'twins-'));
    const conversation = join(dir, 'Sam Sample');
    mkdirSync(conversation);
    const md = readFileSync(TWIN_MD, 'utf8').replace("You can't make me  ", `You can't make me${extra}  `);
    const json = readFileSync(TWIN_JSON, 'utf8').replace(
      '"body": "You can\'t make me  "',
      `"body": ${JSON.stringify(`You can't make me${extra}  `)}`,
    );
    writeFileSync(join(conversation, 'chat.md'), md);
    writeFileSync(join(conversation, 'data.json'), json);
    return conversation;
  }

  it.each([
    ['3 MiB on many lines', `\n${'and I will keep writing until you answer me\n'.repeat(72_000)}`],
    ['a few bytes over the cap, on one line', ` ${'é'.repeat(MAX_TEXT_BYTES / 2)}`],
  ])('cuts it alike in both (%s), so the timeline counts it once', async (_what, extra) => {
    const folder = twins(extra);
    const md = await runSource(signalChat, join(folder, 'chat.md'));
    const json = await runSource(signalJson, join(folder, 'data.json'));
    const alike = (e: ParsedEvent) => ({ ...e, locator: 0 });
    expect(md.events.map(alike)).toEqual(json.events.map(alike));
    const cut = md.events.filter((e) => e.flags !== undefined);
    expect(cut.map((e) => [e.details, e.flags])).toEqual([
      [{ quote: 'Please stop.\nI mean it.' }, ['SIGNAL_TEXT_CUT']],
    ]);
    expect(Buffer.byteLength(cut[0]!.text!)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(cut[0]!.text).toBe(`You can't make me${extra}`.slice(0, cut[0]!.text!.length));
    expect(json.warnings.map((w) => w.code)).toContain('SIGNAL_TEXT_TOO_LONG');

    const { t } = await timelineOf([folder]);
    expect(t.inputs.map((i) => [i.path.split('/').pop(), i.events, i.kept, i.duplicates])).toEqual([
      ['chat.md', 14, 14, 0],
      ['data.json', 14, 0, 14],
    ]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chronologJsonl } from '../../src/sources/chronolog-jsonl.js';
import { chronologJsonlDiary } from '../../src/sources/chronolog-jsonl-diary.js';
import { sources } from '../../src/sources/index.js';
import { runSource } from '../helpers/run-source.js';
import { scratch } from './env.js';

const HEADER =
  '{"format":"chronolog-anonymised-timeline","version":1,"datesShifted":false,"textDropped":false,"pseudonyms":"x"}';

describe('chronolog-jsonl source', () => {
  it('is detected first and only from its header line; a hand-kept input goes to the diary variant', () => {
    expect(sources.slice(0, 2)).toEqual([chronologJsonlDiary, chronologJsonl]);
    const probe = (text: string) => ({ name: 't.jsonl', path: 't.jsonl', head: Buffer.from(text), text });
    const v = (version: number, handKept: boolean) =>
      `{"format":"chronolog-anonymised-timeline","version":${version},"handKept":${handKept},"input":"input-001"}\n`;
    expect(chronologJsonl.detect(probe(`${HEADER}\n`))).toBe(true);
    expect(chronologJsonlDiary.detect(probe(`${HEADER}\n`))).toBe(false);
    // Version 3 (textLength of the redacted text) and version 2 (of the original) are both read.
    for (const version of [2, 3]) {
      expect(chronologJsonl.detect(probe(v(version, false)))).toBe(true);
      expect(chronologJsonl.detect(probe(v(version, true)))).toBe(false);
      expect(chronologJsonlDiary.detect(probe(v(version, true)))).toBe(true);
      expect(chronologJsonlDiary.detect(probe(v(version, false)))).toBe(false);
    }
    for (const s of [chronologJsonl, chronologJsonlDiary]) {
      expect(s.detect(probe('{"utc":"2024-01-01T00:00:00.000Z"}\n'))).toBe(false);
      expect(s.detect(probe('{"format":"chronolog-anonymised-timeline","version":4}\n'))).toBe(false);
    }
  });

  it('reads version 2: the header is no record, stubs keep the books, dedupe becomes the native id', async () => {
    const run = await runSource(chronologJsonl, 'fixtures/chronolog-jsonl/input-v2-stubs.jsonl');
    expect(run.failure).toBeUndefined();
    expect(run.events.map((e) => [e.locator, e.channel, e.direction, e.nativeId, e.sender])).toEqual([
      [2, 'sms', 'outgoing', 'dedupe:730', { role: 'victim' }],
      [3, 'sms', 'outgoing', 'dedupe:730', { role: 'victim' }],
      [4, 'sms', 'incoming', 'dedupe:731', { id: 'p765549f9fcb1853c', idType: 'account', role: 'subject' }],
      [5, 'call', 'incoming', 'dedupe:732', { id: 'pd327051a15f9fa35', idType: 'account', role: 'subject' }],
    ]);
    expect(run.events[0]!.time).toEqual({
      type: 'instant',
      ms: Date.parse('2024-02-01T08:21:07.132Z'),
      precision: 'ms',
    });
    expect(run.events[3]!.call).toEqual({ status: 'missed', durationSec: 0 });
    expect(run.skipped).toEqual([{ reason: 'draft', locator: 6 }]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['SMS_BAD_DATE', 7],
      ['CHRONOLOG_JSONL_BAD_FIELD', 8],
      ['CHRONOLOG_JSONL_BAD_FIELD', 9],
    ]);
    expect(run.accounting).toEqual({ records: 8, events: 4, skipped: 1, rejected: 3 });
  });

  it('reads version 3 (textLength of the redacted text, null with the text dropped) as version 2', async () => {
    const exported = await runSource(chronologJsonl, 'fixtures/chronolog-jsonl-v3/input-001.jsonl');
    expect(exported.failure).toBeUndefined();
    expect(exported.events.map((e) => [e.locator, e.channel, e.nativeId, e.text])).toEqual([
      [2, 'whatsapp', 'dedupe:12', 'I know you moved to [ADDRESS]'],
      [3, 'whatsapp', 'dedupe:13', 'Text me on [PHONE] or [EMAIL]'],
    ]);
    expect(exported.accounting).toEqual({ records: 3, events: 2, skipped: 1, rejected: 0 });
    const diary = await runSource(chronologJsonlDiary, 'fixtures/chronolog-jsonl-v3/input-002.jsonl');
    expect(diary.failure).toBeUndefined();
    expect(diary.events.map((e) => [e.channel, e.kind, e.nativeId])).toEqual([
      ['in-person', 'visit', 'dedupe:14'],
    ]);
    expect(diary.rejected.map((r) => [r.code, r.locator])).toEqual([['DIARY_BAD_DATE', 3]]);
  });

  it("gives sample rows in its notes whose textLength is their text's length", () => {
    for (const file of ['src/sources/chronolog-jsonl.ts', 'src/sources/chronolog-jsonl-diary.ts']) {
      const samples = readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.replace(/^ \*\s+/, ''))
        .filter((l) => l.startsWith('{"utc"'))
        .map((l) => JSON.parse(l) as { text: string | null; textLength: number | null });
      expect(samples.length).toBeGreaterThan(0);
      for (const r of samples) expect(r.textLength).toBe(r.text === null ? null : r.text.length);
    }
  });

  it('reads a hand-kept input alike under its own format id', async () => {
    const run = await runSource(chronologJsonlDiary, 'fixtures/chronolog-jsonl-diary/hand-kept-diary.jsonl');
    expect(chronologJsonlDiary.id).toMatch(/diary/);
    expect(run.events.map((e) => [e.channel, e.kind, e.time.precision, e.sender])).toEqual([
      ['in-person', 'visit', 'min', { role: 'subject' }],
      ['post', 'delivery', 'day', { role: 'subject' }],
      ['in-person', 'visit', 'min', { role: 'subject' }],
    ]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['DIARY_BAD_DATE', 5]]);
    expect(run.accounting).toEqual({ records: 4, events: 3, skipped: 0, rejected: 1 });
  });

  it('marks the input incomplete again when the original stopped early, after reading every line', async () => {
    const file = path.join(scratch(), 'input-001.jsonl');
    writeFileSync(
      file,
      [
        '{"format":"chronolog-anonymised-timeline","version":2,"handKept":false,"input":"input-001","originalFormat":"sms-backup-xml","incomplete":true}',
        '{"utc":"2024-01-09T07:02:11.000Z","precision":"s","channel":"sms","kind":"message","direction":"incoming","sender":"p0123456789abcdef","role":"subject","dedupe":1}',
        '{"rejected":"SMS_BAD_DATE"}',
      ].join('\n'),
    );
    const run = await runSource(chronologJsonl, file);
    expect(run.accounting).toEqual({ records: 2, events: 1, skipped: 0, rejected: 1 });
    expect(run.failure?.code).toBe('CHRONOLOG_JSONL_ORIGINAL_INCOMPLETE');
  });

  it('marks the input read to the end as well when the original was, though some records were unusable', async () => {
    const file = path.join(scratch(), 'input-001.jsonl');
    writeFileSync(
      file,
      [
        '{"format":"chronolog-anonymised-timeline","version":2,"handKept":false,"input":"input-001","originalFormat":"whatsapp-txt","incomplete":true,"readToEnd":true}',
        '{"rejected":"WHATSAPP_DATE_ORDER_UNKNOWN"}',
        '{"rejected":"WHATSAPP_DATE_ORDER_UNKNOWN"}',
      ].join('\n'),
    );
    const run = await runSource(chronologJsonl, file);
    expect(run.accounting).toEqual({ records: 2, events: 0, skipped: 0, rejected: 2 });
    expect(run.failure?.code).toBe('CHRONOLOG_JSONL_ORIGINAL_INCOMPLETE');
    expect(run.failure?.readToEnd).toBe(true);
    expect(run.failure?.message).toBe(
      'the original input was read to the end, but some of its records could not be used; they are here as rejected',
    );
  });

  it('rejects a line nested 100,000 deep with its line number and reads the lines after it', async () => {
    const file = path.join(scratch(), 'input-001.jsonl');
    const row = (utc: string, channel: string) =>
      `{"utc":"${utc}","precision":"s","channel":${channel},"kind":"message","direction":"incoming","sender":"p0123456789abcdef","role":"subject","dedupe":1}`;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    writeFileSync(
      file,
      `${[HEADER, row('2024-01-09T07:02:11.000Z', '"sms"'), row('2024-01-09T07:03:11.000Z', deep), deep, row('2024-01-09T07:04:11.000Z', '"sms"')].join('\n')}\n`,
    );
    const run = await runSource(chronologJsonl, file);
    expect(run.events.map((e) => e.locator)).toEqual([2, 5]);
    expect(run.rejected).toEqual(
      [3, 4].map((n) => ({
        code: 'CHRONOLOG_JSONL_TOO_DEEP',
        locator: n,
        message: `line ${n} is nested more than 512 levels deep, which \`chronolog anonymise\` never writes; it was not read`,
        hint: 'The file was edited or damaged: run `chronolog anonymise` on the original inputs again.',
      })),
    );
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 5, events: 2, skipped: 1, rejected: 2 });
  });

  it('rejects a line of more than a million values before parsing it, cut short or not, and reads the others', async () => {
    const file = path.join(scratch(), 'input-001.jsonl');
    // The row's object, its 8 scalars and the flags array: 10 values, and `n` empty strings in the array.
    const row = (utc: string, n: number) =>
      `{"utc":"${utc}","precision":"s","channel":"sms","kind":"message","direction":"incoming","sender":"p0123456789abcdef","role":"subject","dedupe":1,"flags":[${Array(n).fill('""').join(',')}]}`;
    writeFileSync(
      file,
      [
        HEADER,
        row('2024-01-09T07:02:11.000Z', 999_990),
        row('2024-01-09T07:03:11.000Z', 999_991),
        row('2024-01-09T07:04:11.000Z', 0),
        // The last line, without its line break.
        row('2024-01-09T07:05:11.000Z', 999_991),
      ].join('\n'),
    );
    const run = await runSource(chronologJsonl, file);
    expect(run.events.map((e) => e.locator)).toEqual([2, 4]);
    expect(run.rejected).toEqual(
      [3, 5].map((n) => ({
        code: 'CHRONOLOG_JSONL_TOO_LARGE',
        locator: n,
        message: `line ${n} is made of more than 1,000,000 values, which \`chronolog anonymise\` never writes; it was not read`,
        hint: 'The file was edited or damaged: run `chronolog anonymise` on the original inputs again.',
      })),
    );
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 5, events: 2, skipped: 1, rejected: 2 });
  });

  it('emits instants, pseudonymous account senders with roles, calls and flags; rejects bad lines', async () => {
    const file = path.join(scratch(), 'timeline.jsonl');
    writeFileSync(
      file,
      [
        HEADER,
        '{"utc":"2024-01-08T21:14:00.000Z","precision":"min","channel":"sms","kind":"message","direction":"incoming","sender":"p0123456789abcdef","role":"subject","call":null,"conversation":null,"text":"Call me [NAME:p5d1e]","textLength":12,"flags":["edited"]}',
        '{"utc":"2024-01-09T07:02:11.000Z","precision":"s","channel":"call","kind":"call","direction":"incoming","sender":null,"role":"subject","call":{"status":"missed","durationSec":0},"conversation":null,"text":null,"textLength":null,"flags":[]}',
        '',
        '{"utc":"yesterday","precision":"s","channel":"sms","kind":"message","direction":"incoming"}',
        '{"utc":"2024-01-09T07:02:11.000Z","precision":"s","channel":"fax","kind":"message","direction":"incoming"}',
        '{not json',
        // Every line ends with a line break, as `anonymise` writes it: a broken last line without one was cut short.
        '',
      ].join('\n'),
    );
    const run = await runSource(chronologJsonl, file);
    expect(run.events).toEqual([
      {
        locator: 2,
        time: { type: 'instant', ms: Date.parse('2024-01-08T21:14:00.000Z'), precision: 'min' },
        channel: 'sms',
        kind: 'message',
        direction: 'incoming',
        sender: { id: 'p0123456789abcdef', idType: 'account', role: 'subject' },
        text: 'Call me [NAME:p5d1e]',
        flags: ['edited'],
      },
      {
        locator: 3,
        time: { type: 'instant', ms: Date.parse('2024-01-09T07:02:11.000Z'), precision: 's' },
        channel: 'call',
        kind: 'call',
        direction: 'incoming',
        sender: { role: 'subject' },
        call: { status: 'missed', durationSec: 0 },
      },
    ]);
    expect(run.skipped).toEqual([
      { reason: 'header', locator: 1 },
      { reason: 'blank-line', locator: 4 },
    ]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['CHRONOLOG_JSONL_BAD_FIELD', 5],
      ['CHRONOLOG_JSONL_BAD_FIELD', 6],
      ['CHRONOLOG_JSONL_BAD_JSON', 7],
    ]);
    expect(run.accounting).toEqual({ records: 7, events: 2, skipped: 2, rejected: 3 });
  });
});

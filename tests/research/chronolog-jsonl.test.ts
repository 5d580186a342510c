import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chronologJsonl } from '../../src/sources/chronolog-jsonl.js';
import { sources } from '../../src/sources/index.js';
import { runSource } from '../helpers/run-source.js';
import { scratch } from './env.js';

const HEADER =
  '{"format":"chronolog-anonymised-timeline","version":1,"datesShifted":false,"textDropped":false,"pseudonyms":"x"}';

describe('chronolog-jsonl source', () => {
  it('is detected first and only from its header line', () => {
    expect(sources[0]).toBe(chronologJsonl);
    const probe = (text: string) => ({ name: 't.jsonl', path: 't.jsonl', head: Buffer.from(text), text });
    expect(chronologJsonl.detect(probe(`${HEADER}\n`))).toBe(true);
    expect(chronologJsonl.detect(probe('{"utc":"2024-01-01T00:00:00.000Z"}\n'))).toBe(false);
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

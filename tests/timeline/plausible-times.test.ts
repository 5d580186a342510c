/**
 * The one rule for the times a record may carry (model/time-range.ts), applied where the timeline resolves each
 * record's instant: a record a device or service stamped must fall in 1990-01-01 … 2099-12-31, a hand-kept one
 * (a diary) in the years 1900–2100, and chronolog's anonymised copies in the latter widened by the largest date
 * shift. A record outside is rejected as TIMELINE_IMPLAUSIBLE_TIME with its locator and counted, never an incident.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import {
  ANONYMISED_TIMES,
  HAND_KEPT_TIMES,
  MAX_DATE_SHIFT_WEEKS,
  STAMPED_TIMES,
} from '../../src/model/time-range.js';
import { sources } from '../../src/sources/index.js';
import { TimelineBuilder } from '../../src/timeline/build.js';
import { IdentityResolver } from '../../src/timeline/identities.js';
import { Zone } from '../../src/timeline/zone.js';
import { scratch } from '../helpers/robustness.js';
import { timelineOf } from '../helpers/timeline.js';

const STAMPED_HINT =
  'Check the record in the original file: no phone, app or mail server could have sent it then, so the time is ' +
  'a placeholder (such as 1970-01-01), a device clock set wrong, or damage. If you know when it really ' +
  'happened, note it in a diary with that date.';
const STAMPED_RANGE = 'records a phone, app or mail server stamped (1990-01-01 to 2099-12-31)';

const builder = () =>
  new TimelineBuilder(
    new Zone('Europe/London'),
    new IdentityResolver({ subject: ['+447700900123'], victim: [], region: undefined }),
  );

const event = (time: ParsedEvent['time']): ParsedEvent => ({
  locator: 'sms[0]',
  time,
  channel: 'sms',
  kind: 'message',
  direction: 'incoming',
  sender: { id: '+447700900123', idType: 'phone' },
});

describe('the builder', () => {
  it('accepts a stamped time from 1990-01-01T00:00Z up to the last millisecond of 2099, and nothing outside', () => {
    const b = builder();
    const at = (ms: number) => b.build(event({ type: 'instant', ms, precision: 'ms' }), 0);
    expect(typeof at(Date.UTC(1990, 0, 1))).toBe('number');
    expect(typeof at(Date.UTC(2100, 0, 1) - 1)).toBe('number');
    expect(at(Date.UTC(1990, 0, 1) - 1)).toEqual({
      code: 'TIMELINE_IMPLAUSIBLE_TIME',
      message: `the record's time 1989-12-31 23:59:59.999 UTC is outside the dates accepted for ${STAMPED_RANGE}`,
      hint: STAMPED_HINT,
    });
    expect(at(Date.UTC(2100, 0, 1))).toMatchObject({
      code: 'TIMELINE_IMPLAUSIBLE_TIME',
      message: `the record's time 2100-01-01 00:00:00 UTC is outside the dates accepted for ${STAMPED_RANGE}`,
    });
    // Only the two accepted times were stored.
    expect(b.store.length).toBe(2);
  });

  it('compares a wall-clock time as written, before the case zone moves it', () => {
    const b = builder();
    const local = (s: string) => b.build(event({ type: 'local', local: s, precision: 'min' }), 0);
    expect(typeof local('1990-01-01T00:00')).toBe('number');
    expect(local('1989-12-31T23:59')).toMatchObject({
      message: `the record's date and time 1989-12-31 23:59 (local time as read) is outside the dates accepted for ${STAMPED_RANGE}`,
    });
    expect(b.build(event({ type: 'local', local: '2204-02-14', precision: 'day' }), 0)).toMatchObject({
      message: `the record's date 2204-02-14 (local time as read) is outside the dates accepted for ${STAMPED_RANGE}`,
    });
  });

  it('keeps a hand-kept record of 1900 and rejects one of 1899 with the diary hint', () => {
    const b = builder();
    const diary = (local: string) =>
      b.build(event({ type: 'local', local, precision: 'day' }), 0, HAND_KEPT_TIMES);
    expect(typeof diary('1900-01-01')).toBe('number');
    expect(typeof diary('2100-12-31')).toBe('number');
    expect(diary('1899-12-31')).toEqual({
      code: 'TIMELINE_IMPLAUSIBLE_TIME',
      message:
        "the record's date 1899-12-31 (local time as read) is outside the dates accepted for hand-kept records such as a diary (1900-01-01 to 2100-12-31)",
      hint: 'Check the date in the diary: a year this far off is usually a typing slip (2204 for 2024). Correct it and run again.',
    });
  });

  it('reads an anonymised copy back whatever date shift it was given, and no further', () => {
    const b = builder();
    const week = 7 * 86_400_000;
    const copy = (ms: number) => b.build(event({ type: 'instant', ms, precision: 's' }), 0, ANONYMISED_TIMES);
    expect(typeof copy(HAND_KEPT_TIMES.from - MAX_DATE_SHIFT_WEEKS * week)).toBe('number');
    expect(typeof copy(STAMPED_TIMES.until + MAX_DATE_SHIFT_WEEKS * week - 1)).toBe('number');
    expect(copy(HAND_KEPT_TIMES.until + MAX_DATE_SHIFT_WEEKS * week)).toMatchObject({
      code: 'TIMELINE_IMPLAUSIBLE_TIME',
      hint: 'chronolog anonymise never writes such a time: the file was changed after it was written. Make the anonymised copy again from the original.',
    });
  });

  it('leaves a time that is no number to TIMELINE_BAD_TIME', () => {
    expect(builder().build(event({ type: 'instant', ms: Number.NaN, precision: 'ms' }), 0)).toEqual({
      code: 'TIMELINE_BAD_TIME',
      message: 'time NaN is not a number of milliseconds',
      hint: 'Check the record in the original file.',
    });
  });
});

describe('which formats are hand-kept', () => {
  it('is declared by the diary and the anonymised copies only; every other format is stamped', () => {
    const declared = Object.fromEntries(sources.filter((s) => s.times).map((s) => [s.id, s.times]));
    expect(declared).toEqual({
      'chronolog-jsonl-diary': ANONYMISED_TIMES,
      'chronolog-jsonl': ANONYMISED_TIMES,
      'csv-diary': HAND_KEPT_TIMES,
    });
  });
});

describe('reading exports', () => {
  const s = scratch('chronolog-plausible-');
  afterAll(() => s.cleanup());

  it('rejects an SMS dated 9999999999999 with its locator, and the books still add up', async () => {
    const dir = `${s.dir}/sms`;
    s.file(
      'sms/sms-1.xml',
      `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+447700900123" date="1709312640000" type="1" body="first" contact_name="Sam" />
  <sms protocol="0" address="+447700900123" date="9999999999999" type="1" body="far future" contact_name="Sam" />
  <sms protocol="0" address="+447700900123" date="631152000000" type="1" body="new year 1990" contact_name="Sam" />
</smses>
`,
    );
    const { t, events } = await timelineOf([dir], (c) => ({
      subject: { ...c.subject, identifiers: ['+447700900123'] },
    }));
    expect(events.map((e) => [e.locator, new Date(e.ms).toISOString()])).toEqual([
      ['sms[2] (line 5)', '1990-01-01T00:00:00.000Z'],
      ['sms[0] (line 3)', '2024-03-01T17:04:00.000Z'],
    ]);
    const input = t.inputs[0]!;
    expect(input).toMatchObject({ records: 3, events: 2, kept: 2, rejected: 1 });
    expect(input.rejectedReasons).toEqual({ TIMELINE_IMPLAUSIBLE_TIME: 1 });
    expect(t.problems.list.filter((p) => p.code === 'TIMELINE_IMPLAUSIBLE_TIME')).toEqual([
      {
        code: 'TIMELINE_IMPLAUSIBLE_TIME',
        severity: 'error',
        file: `${dir}/sms-1.xml`,
        locator: 'sms[1] (line 4)',
        message: `the record's time 2286-11-20 17:46:39.999 UTC is outside the dates accepted for ${STAMPED_RANGE}`,
        hint: STAMPED_HINT,
      },
    ]);
  });

  it('rejects Telegram times 0 and 9999999999 and WhatsApp lines dated 2204 and 1901, but keeps a diary row of 1901', async () => {
    const dir = `${s.dir}/mixed`;
    s.file(
      'mixed/result.json',
      `{"name":"Sam Example","type":"personal_chat","id":4400000001,"messages":[
{"id":1,"type":"message","date":"2024-03-01T18:04:22","date_unixtime":"1709312662","from":"Sam Example","from_id":"user4400000001","text":"ok"},
{"id":2,"type":"message","date":"2286-11-20T17:46:39","date_unixtime":"9999999999","from":"Sam Example","from_id":"user4400000001","text":"future"},
{"id":3,"type":"message","date":"1970-01-01T00:00:00","date_unixtime":"0","from":"Sam Example","from_id":"user4400000001","text":"epoch zero"}
]}
`,
    );
    s.file(
      'mixed/wa.txt',
      '14/02/2204, 20:59 - Sam Example: wa far future\n14/02/2024, 20:59 - Sam Example: wa ok\n01/01/1901, 20:59 - Sam Example: wa 1901\n',
    );
    s.file(
      'mixed/diary.csv',
      'Date,Time,Type,What happened\n14/02/2024,21:00,text,Texted again\n01/06/1901,10:00,in person,Grandmother said he followed her\n',
    );
    const { t, events } = await timelineOf([dir], (c) => ({
      subject: { ...c.subject, identifiers: ['Sam Example', 'user4400000001'] },
      timezone: 'Europe/London',
    }));
    const problems = t.problems.list.filter((p) => p.code === 'TIMELINE_IMPLAUSIBLE_TIME');
    expect(problems.map((p) => [p.file?.slice(dir.length + 1), p.locator, p.message])).toEqual([
      [
        'result.json',
        'messages[1]',
        `the record's time 2286-11-20 17:46:39 UTC is outside the dates accepted for ${STAMPED_RANGE}`,
      ],
      [
        'result.json',
        'messages[2]',
        `the record's time 1970-01-01 00:00:00 UTC is outside the dates accepted for ${STAMPED_RANGE}`,
      ],
      [
        'wa.txt',
        'line 1',
        `the record's date and time 2204-02-14 20:59 (local time as read) is outside the dates accepted for ${STAMPED_RANGE}`,
      ],
      [
        'wa.txt',
        'line 3',
        `the record's date and time 1901-01-01 20:59 (local time as read) is outside the dates accepted for ${STAMPED_RANGE}`,
      ],
    ]);
    const books = Object.fromEntries(
      t.inputs.map((i) => [
        i.path.slice(dir.length + 1),
        [i.records, i.events, i.rejected, i.rejectedReasons],
      ]),
    );
    expect(books).toEqual({
      'diary.csv': [2, 2, 0, {}],
      'result.json': [3, 1, 2, { TIMELINE_IMPLAUSIBLE_TIME: 2 }],
      'wa.txt': [3, 1, 2, { TIMELINE_IMPLAUSIBLE_TIME: 2 }],
    });
    expect(events.map((e) => new Date(e.ms).toISOString().slice(0, 10))).toEqual([
      '1901-06-01',
      '2024-02-14',
      '2024-02-14',
      '2024-03-01',
    ]);
  });
});

/**
 * An anonymised copy whose header says its dates were not shifted (`"datesShifted":false`) holds its original's
 * instants, so the original's date rules hold: a time no device could stamp (a diary's years for a diary's copy) is
 * rejected, and a record dated after the report is flagged `time-after-report`, as in the original. A copy whose
 * dates were shifted (up to five years) keeps the wide rule. Copies built at test time from
 * fixtures/chronolog-jsonl-v3/input-001.jsonl (a WhatsApp chat) and fixtures/chronolog-jsonl-diary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { memoryInput } from '../helpers/partway.js';

const CHAT = readFileSync('fixtures/chronolog-jsonl-v3/input-001.jsonl', 'utf8');
const DIARY = readFileSync('fixtures/chronolog-jsonl-diary/hand-kept-diary.jsonl', 'utf8');

const message = (utc: string, dedupe: number) =>
  `{"utc":"${utc}","precision":"min","channel":"whatsapp","kind":"message","direction":"incoming","sender":"p765549f9fcb1853c","role":"subject","call":null,"conversation":"p1a0c2d3e4f506172","text":"Answer me","textLength":9,"flags":[],"dedupe":${dedupe}}`;
const visit = (utc: string, dedupe: number) =>
  `{"utc":"${utc}","precision":"day","channel":"in-person","kind":"visit","direction":"incoming","sender":null,"role":"subject","call":null,"conversation":null,"text":"Outside the house","textLength":17,"flags":[],"dedupe":${dedupe}}`;

/**
 * The chat's copy with, after its lines, messages from a phone whose clock was set to 2031 by hand, one stamped
 * 2104 (a slipped digit, no time a phone stamps) and one just inside the original's rule at its zone's edge.
 */
const CHAT_LATER = `${CHAT}${[
  message('2031-04-01T07:02:00.000Z', 20),
  message('2031-04-01T07:03:00.000Z', 21),
  message('2104-03-05T20:11:00.000Z', 22),
  message('1989-12-31T22:30:00.000Z', 23),
].join('\n')}\n`;

async function read(name: string, text: string) {
  const c = await resolveCase({}, [], 'Europe/London');
  return readTimeline({
    inputs: [memoryInput(`anon/${name}`, Buffer.from(text))],
    case: { ...c, subject: { name: undefined, identifiers: ['id:p765549f9fcb1853c'] } },
    generatedAt: '2024-07-01T09:00:00Z',
  });
}

type Read = Awaited<ReturnType<typeof read>>;
const flagged = (t: Read) => {
  const out: (number | string)[] = [];
  for (let i = 0; i < t.events.length; i++) {
    const e = t.events.at(i);
    if (e.flags?.includes('time-after-report')) out.push(e.locator);
  }
  return out;
};
const problems = (t: Read) => t.problems.list.map((p) => [p.code, p.locator, p.message]);

const HINT =
  'chronolog anonymise never writes such a time: the file was changed after it was written. Make the anonymised copy again from the original.';

describe('an anonymised copy whose dates were not shifted', () => {
  it('rejects a time no phone could stamp and flags records dated after the report, as the original', async () => {
    // Before: the 2104 message was kept (any time to 2105 was) and nothing was flagged.
    const t = await read('input-001.jsonl', CHAT_LATER);
    expect(t.inputs[0]).toMatchObject({
      format: 'chronolog-jsonl',
      records: 7,
      kept: 5,
      skipped: 1,
      rejected: 1,
    });
    expect(flagged(t)).toEqual([5, 6]);
    expect(problems(t)).toEqual([
      [
        'TIMELINE_IMPLAUSIBLE_TIME',
        'line 7',
        "the record's time 2104-03-05 20:11:00 UTC is outside the dates accepted for anonymised copies whose dates were not shifted, of records a phone, app or mail server stamped (1989-12-31 to 2100-01-01)",
      ],
      [
        'TIMELINE_AFTER_REPORT',
        'line 5',
        '2 records are dated more than 48 hours after this report was generated (2024-07-01 09:00 UTC), the first at line 5 (2031-04-01 07:02 UTC): kept, counted and marked "dated after this report was made".',
      ],
    ]);
    expect(t.problems.list[0]!.hint).toBe(HINT);
  });

  it('reads a diary’s copy by a diary’s years', async () => {
    const text = `${DIARY}${[visit('1951-06-02T00:00:00.000Z', 430), visit('2101-06-02T00:00:00.000Z', 431)].join('\n')}\n`;
    const t = await read('input-003.jsonl', text);
    expect(t.inputs[0]).toMatchObject({ format: 'chronolog-jsonl-diary', records: 6, kept: 4, rejected: 2 });
    expect(problems(t).filter(([code]) => code === 'TIMELINE_IMPLAUSIBLE_TIME')).toEqual([
      [
        'TIMELINE_IMPLAUSIBLE_TIME',
        'line 7',
        "the record's time 2101-06-02 00:00:00 UTC is outside the dates accepted for anonymised copies whose dates were not shifted, of hand-kept records such as a diary (1899-12-31 to 2101-01-01)",
      ],
    ]);
  });
});

describe('an anonymised copy whose dates were shifted', () => {
  it('keeps any time a shifted copy could hold, and flags nothing: its dates were moved on purpose', async () => {
    const t = await read(
      'input-001.jsonl',
      CHAT_LATER.replace('"datesShifted":false', '"datesShifted":true'),
    );
    expect(t.inputs[0]).toMatchObject({ records: 7, kept: 6, skipped: 1, rejected: 0 });
    expect([flagged(t), problems(t)]).toEqual([[], []]);
  });
});

/**
 * An anonymised copy whose header says its dates were not shifted (`"datesShifted":false`) holds its original's
 * instants, so the original's date rules hold: a time no device could stamp (a diary's years for a diary's copy) is
 * rejected, and a record dated after the report is flagged `time-after-report`, as in the original. A copy whose
 * dates were shifted (up to five years) keeps the wide rule, and so does a copy of version 1 or 2, written before the
 * rule, with a hint that does not say the copy was changed. Copies built at test time from
 * fixtures/chronolog-jsonl-v3/input-001.jsonl (a WhatsApp chat), fixtures/chronolog-jsonl-diary and
 * fixtures/chronolog-jsonl (versions 1 and 2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { memoryInput } from '../helpers/partway.js';

const CHAT = readFileSync('fixtures/chronolog-jsonl-v3/input-001.jsonl', 'utf8');
// A version 2 copy: made version 3 (the rule holds for version 3 copies only; the lines are alike).
const DIARY = readFileSync('fixtures/chronolog-jsonl-diary/hand-kept-diary.jsonl', 'utf8').replace(
  '"version":2,',
  '"version":3,',
);

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

/** An SMS the victim sent, as the v2 fixture's copies write one. */
const sms = (utc: string, dedupe: number) =>
  `{"utc":"${utc}","precision":"ms","channel":"sms","kind":"message","direction":"outgoing","sender":null,"role":"victim","call":null,"conversation":"pfe786d713897a451","text":"Thanks [NAME:pb0cf] x","textLength":13,"flags":[],"dedupe":${dedupe}}`;

const EARLY_HINT =
  'This anonymised copy (version 1 or 2) was written before chronolog checked the times records carry, so its original record may have this time: a placeholder, a device clock set wrong, or damage. Check the record in the original file; if you know when it really happened, note it in a diary with that date.';

describe('an anonymised copy of version 1 or 2, written before the rule for the times a device stamps', () => {
  // fixtures/chronolog-jsonl/input-v2-stubs.jsonl (an SMS backup's copy, version 2) and anonymised-demo.jsonl
  // (version 1), both unshifted, with an SMS of 1985 (read by the SMS reader then, and copied), one dated 2286
  // (a placeholder the SMS reader then took) and one after the report added.
  const added = `${[sms('1985-06-01T12:00:00.000Z', 9001), sms('2286-11-20T17:46:39.000Z', 9002), sms('2031-04-01T07:02:00.000Z', 9003)].join('\n')}\n`;

  it('keeps a time before 1990, and rejects only a time no copy holds, without saying the copy was changed', async () => {
    // Before: the 1985 SMS of the version 2 copy was rejected, with the hint that the file was changed after
    // anonymise wrote it.
    const text = readFileSync('fixtures/chronolog-jsonl/input-v2-stubs.jsonl', 'utf8') + added;
    const t = await read('input-002.jsonl', text);
    // Rejected besides: the fixture's stub of a rejection and its two malformed stubs.
    expect(t.inputs[0]).toMatchObject({ format: 'chronolog-jsonl', kept: 6, rejected: 4 });
    const lines = text.split('\n').length - 1;
    expect(t.events.at(0)).toMatchObject({ ms: Date.UTC(1985, 5, 1, 12), locator: lines - 2 });
    expect(flagged(t)).toEqual([lines]);
    const implausible = t.problems.list.filter((p) => p.code === 'TIMELINE_IMPLAUSIBLE_TIME');
    expect(implausible.map((p) => [p.locator, p.message, p.hint])).toEqual([
      [
        `line ${lines - 1}`,
        "the record's time 2286-11-20 17:46:39 UTC is outside the dates accepted for anonymised copies of version 1 or 2 (the years 1900–2100, moved by up to 260 weeks) (1895-01-07 to 2105-12-25)",
        EARLY_HINT,
      ],
    ]);
  });

  it('so is a version 1 copy, and one whose dates may have been shifted', async () => {
    const v1 = readFileSync('fixtures/chronolog-jsonl/anonymised-demo.jsonl', 'utf8') + added;
    const v2 = readFileSync('fixtures/chronolog-jsonl/input-v2-stubs.jsonl', 'utf8') + added;
    for (const text of [v1, v2.replace('"datesShifted":false', '"datesShifted":true')]) {
      const t = await read('input-001.jsonl', text);
      expect(t.events.at(0)).toMatchObject({ ms: Date.UTC(1985, 5, 1, 12) });
      const implausible = t.problems.list.filter((p) => p.code === 'TIMELINE_IMPLAUSIBLE_TIME');
      expect(implausible.map((p) => [p.locator, p.hint])).toEqual([
        [`line ${text.split('\n').length - 2}`, EARLY_HINT],
      ]);
    }
  });

  it('of version 3 rejects the 1985 SMS: no version 3 copy holds one, its original having been checked', async () => {
    const v3 = readFileSync('fixtures/chronolog-jsonl/input-v2-stubs.jsonl', 'utf8')
      .replace('"version":2', '"version":3')
      .concat(added);
    const t = await read('input-002.jsonl', v3);
    const implausible = t.problems.list.filter((p) => p.code === 'TIMELINE_IMPLAUSIBLE_TIME');
    expect(implausible.map((p) => [p.locator, p.hint])).toEqual([
      ['line 10', HINT],
      ['line 11', HINT],
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

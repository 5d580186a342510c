/**
 * De-duplication of hand-kept records: a diary's text is its writer's own account, a call's and a photo's too, so
 * it is part of the fingerprint there, while an app's wording of a call ("Missed voice call") is still left out.
 * Two diaries' different accounts of one call are two events; the same row in two copies of one diary counts
 * once, and identical rows inside one diary all count (multisets, as for every input). Fixtures in
 * fixtures/csv-diary-two-diaries.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import type { TimelineEvent } from '../../src/model/index.js';
import { contentFingerprint, fingerprint, markDuplicates } from '../../src/timeline/dedupe.js';
import { listOf } from '../../src/timeline/list.js';
import { caseGolden, expectGolden } from '../helpers/case-golden.js';
import { env, KEY_A, keyFile, scratch } from '../research/env.js';

const t0 = Date.parse('2024-03-15T08:00:00Z');

function row(input: number, text: string, over: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    ms: t0,
    precision: 'min',
    channel: 'call',
    kind: 'call',
    direction: 'incoming',
    sender: { role: 'subject' },
    senderKey: undefined,
    role: 'subject',
    incident: true,
    text,
    call: undefined,
    conversation: undefined,
    nativeId: undefined,
    flags: undefined,
    details: undefined,
    input,
    locator: 2,
    ...over,
  };
}

/** The marks as a string, one digit an event: 1 for a duplicate. */
const marks = (events: TimelineEvent[], diaries: readonly number[]) =>
  markDuplicates(listOf(events), undefined, (k) => diaries.includes(k)).dup.join('');

const THREAT = 'Rang and threatened to burn the car';
const GATE = 'Neighbour saw him at the gate during the call';

describe('a diary row of a call, a photo or a message', () => {
  it('is told apart from another diary row in the same minute by its description', () => {
    // Before: the text of a call was left out for every input, and the second diary's row was a duplicate.
    expect(marks([row(0, THREAT), row(1, GATE)], [])).toBe('01');
    expect(marks([row(0, THREAT), row(1, GATE)], [0, 1])).toBe('00');
    const photo = { channel: 'whatsapp' as const, kind: 'media' as const };
    expect(marks([row(0, 'Photo of my car', photo), row(1, 'Photo of the gate', photo)], [0, 1])).toBe('00');
  });

  it('counts once when two copies of one diary hold it, and as often as one diary holds it', () => {
    const march = [row(0, THREAT), row(0, 'Missed call'), row(0, 'Missed call')];
    const april = [row(1, THREAT), row(1, 'Missed call'), row(1, 'Missed call'), row(1, 'Missed call')];
    // Three copies of "Missed call" in April against two in March: one new, three in all.
    expect(marks([...march, ...april], [0, 1])).toBe('0001110');
  });

  it('counts once when a copy of the diary was saved again with a capital or a full stop changed', () => {
    expect(marks([row(0, 'Missed call from Sam'), row(1, 'missed call from Sam. ')], [0, 1])).toBe('01');
    expect(marks([row(0, 'Banging on the door'), row(1, 'BANGING ON THE DOOR!!')], [0, 1])).toBe('01');
    // Other words are another account: two events.
    expect(marks([row(0, 'Missed call from Sam'), row(1, 'Missed call from Sam again')], [0, 1])).toBe('00');
    // An app's texts are compared as written: a message with a full stop added is another message.
    const wa = { channel: 'whatsapp' as const, kind: 'message' as const, senderKey: 'name:sam' };
    expect(marks([row(0, 'Answer me', wa), row(1, 'Answer me.', wa)], [])).toBe('00');
  });

  it("still leaves out an app's wording of a call, in an export beside a diary", () => {
    const wa = { channel: 'whatsapp' as const, precision: 'min' as const, senderKey: 'name:sam' };
    const android = row(0, 'Missed voice call', wa);
    const iphone = row(1, 'Missed voice call, \u200eTap to call back', { ...wa, precision: 's' });
    expect(marks([android, iphone], [2])).toBe('10');
    // A diary's account of that call is the writer's record of it, kept beside the app's.
    const diary = row(2, 'He rang on WhatsApp while I was at work', wa);
    expect(marks([android, iphone, diary], [2])).toBe('100');
  });

  it('gives the content fingerprint the text only when asked, and the id fingerprint regardless', () => {
    const a = row(0, THREAT);
    const b = row(0, GATE);
    expect(contentFingerprint(a)).toBe(contentFingerprint(b));
    expect(contentFingerprint(a, true)).not.toBe(contentFingerprint(b, true));
    expect(fingerprint(a, true)).toBe(contentFingerprint(a, true));
    const withId = { nativeId: 'dedupe:7' };
    expect(fingerprint(row(0, THREAT, withId), true)).toBe(fingerprint(row(0, GATE, withId), true));
  });
});

const DIR = 'fixtures/csv-diary-two-diaries';
const DIARIES = ['alex-diary.csv', 'alex-diary-march.csv', 'jo-diary.csv'];

describe('two diaries and an earlier copy of one of them (fixtures/csv-diary-two-diaries)', () => {
  it('keeps every account once: the accounting, the problem list and the timeline', async () => {
    const got = await caseGolden(DIARIES.map((f) => `${DIR}/${f}`));
    expectGolden(got, `${DIR}/two-diaries.expected.json`);
    // The March copy sorts first: its five rows are kept, and are the April export's duplicates; both of
    // Jo's rows are kept, the call at 08:00 beside Alex's account of it.
    expect(got.inputs.map((i) => [i.path, i.records, i.kept, i.duplicates])).toEqual([
      [`${DIR}/alex-diary-march.csv`, 5, 5, 0],
      [`${DIR}/alex-diary.csv`, 6, 1, 5],
      [`${DIR}/jo-diary.csv`, 2, 2, 0],
    ]);
    expect(got.timeline.filter((e) => e.utc === '2024-03-15T08:00:00.000Z').map((e) => e.text)).toEqual([
      THREAT,
      GATE,
    ]);
    expect(got.timeline.filter((e) => e.text === 'Missed call from a withheld number')).toHaveLength(2);
  });
});

describe('the anonymised copy of the two diaries', () => {
  const tmp = scratch();
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("keeps Jo's account of the call apart, and drops the same duplicates when read back", async () => {
    const dir = path.join(tmp, 'case');
    mkdirSync(dir);
    for (const f of DIARIES) copyFileSync(path.join(DIR, f), path.join(dir, f));
    writeFileSync(path.join(dir, 'case.json'), '{"victim":{"identifiers":["Alex"]}}\n');
    const out = path.join(tmp, 'anonymised');
    const key = keyFile(tmp, KEY_A);
    expect(await anonymiseCommand([dir], { keyFile: key, out, quiet: true } as never, env)).toBe(0);
    // The record class (`dedupe`) of each line of the three inputs (sorted path: March copy, Alex, Jo).
    const classes = readdirSync(out)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) =>
        readFileSync(path.join(out, f), 'utf8')
          .split('\n')
          .slice(1)
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { dedupe: number }).dedupe),
      );
    const [march, alex, jo] = classes as [number[], number[], number[]];
    // Each input's duplicates come first: the April export's five rows are the March copy's five classes.
    expect(alex.slice(0, 5).sort()).toEqual([...march].sort());
    // Jo's call at 08:00 is a class of its own, not that of Alex's account of it.
    expect(jo.every((c) => !march.includes(c) && !alex.includes(c))).toBe(true);
    const back = await caseGolden(
      readdirSync(out)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => path.join(out, f)),
    );
    expect(back.inputs.map((i) => [i.records, i.kept, i.duplicates])).toEqual([
      [5, 5, 0],
      [6, 1, 5],
      [2, 2, 0],
    ]);
  });
});

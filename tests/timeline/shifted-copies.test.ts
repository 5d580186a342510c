/**
 * The rule that tells a chat's copy exported on a phone set to another time zone (timeline/shifted-copies.ts):
 * at least 5 messages, and four in five of the smaller input's messages within the other's dates, at one constant
 * non-zero offset of whole quarter hours, and few at offset 0; short texts never count.
 */
import { describe, expect, it } from 'vitest';
import { offsetText, WallClockTexts } from '../../src/timeline/shifted-copies.js';

const SUBJECT = '\u0001subject';
const t0 = Date.UTC(2024, 2, 14, 20, 1);
const MIN = 60_000;
const TEXTS = [
  'We need to talk about the flat',
  'Why are you ignoring me',
  'I saw your car outside the gym',
  'Answer me now',
  'You will regret this',
  'I know you blocked my other number',
  'Pick up the phone',
  'Did you get my letter',
  'I am outside your house right now',
  'This is not over',
];

/** Input 0 holds `texts` an hour apart from each other; input 1 the ones `copied` says, `offset` minutes later. */
function pair(offset: number, copied: (i: number) => boolean = () => true, texts = TEXTS): WallClockTexts {
  const w = new WallClockTexts();
  texts.forEach((t, i) => {
    w.add(0, i, 'whatsapp', 'message', SUBJECT, t0 + i * 60 * MIN, t);
  });
  texts.forEach((t, i) => {
    const other = copied(i) ? t : `Something else entirely, number ${i}`;
    w.add(1, 100 + i, 'whatsapp', 'message', SUBJECT, t0 + i * 60 * MIN + offset * MIN, other);
  });
  return w;
}

describe('a shifted copy of a chat', () => {
  it('is found at +1:00, −5:00 and +5:45, with the messages matched and the first of them in each', () => {
    for (const offset of [60, -300, 345]) {
      expect(pair(offset).find()).toEqual([
        {
          a: 0,
          b: 1,
          offsetMinutes: offset,
          matched: 10,
          compared: 10,
          smaller: 0,
          example: [0, 100],
          sampledOneIn: 1,
        },
      ]);
    }
  });

  it('is not an offset other than whole quarter hours, nor one beyond 26 hours', () => {
    expect(pair(67).find()).toEqual([]);
    expect(pair(27 * 60).find()).toEqual([]);
  });

  it('needs four in five of the messages within both exports’ dates to match', () => {
    expect(
      pair(60, (i) => i < 8)
        .find()
        .map((c) => c.matched),
    ).toEqual([8]);
    expect(pair(60, (i) => i < 7).find()).toEqual([]);
  });

  it('counts only the messages within the other export’s dates', () => {
    // The later export starts at the sixth message: five of five in the overlap match.
    const w = new WallClockTexts();
    TEXTS.forEach((t, i) => {
      w.add(0, i, 'whatsapp', 'message', SUBJECT, t0 + i * 60 * MIN, t);
    });
    TEXTS.slice(5).forEach((t, i) => {
      w.add(1, 100 + i, 'whatsapp', 'message', SUBJECT, t0 + (i + 5) * 60 * MIN + 60 * MIN, t);
    });
    expect(w.find().map((c) => [c.matched, c.compared, c.smaller, c.example])).toEqual([[5, 5, 1, [5, 100]]]);
  });

  it('needs five messages: four are not enough, however exact', () => {
    expect(pair(60, () => true, TEXTS.slice(0, 4)).find()).toEqual([]);
    expect(pair(60, () => true, TEXTS.slice(0, 5)).find()).toHaveLength(1);
  });

  it('never counts short texts, which every conversation holds', () => {
    const short = ['ok', 'ok', 'yes', 'no', '??', 'lol', 'hello', 'Where', 'why?', '👍👍'];
    expect(pair(60, () => true, short).find()).toEqual([]);
  });

  it('is not a copy that also matches at offset 0 (de-duplication already merges that)', () => {
    const w = pair(60);
    TEXTS.forEach((t, i) => {
      w.add(1, 200 + i, 'whatsapp', 'message', SUBJECT, t0 + i * 60 * MIN, t);
    });
    expect(w.find()).toEqual([]);
  });

  it('compares senders and channels: another sender’s or channel’s same words are other messages', () => {
    const w = new WallClockTexts();
    TEXTS.forEach((t, i) => {
      w.add(0, i, 'whatsapp', 'message', SUBJECT, t0 + i * 60 * MIN, t);
      w.add(1, 100 + i, 'whatsapp', 'message', 'name:jo', t0 + (i + 1) * 60 * MIN, t);
      w.add(2, 200 + i, 'messenger', 'message', SUBJECT, t0 + (i + 1) * 60 * MIN, t);
    });
    expect(w.find()).toEqual([]);
  });

  it('reads a text handed over as UTF-8 as the same text, whitespace folded', () => {
    const w = new WallClockTexts();
    TEXTS.forEach((t, i) => {
      w.add(0, i, 'whatsapp', 'message', SUBJECT, t0 + i * 60 * MIN, `${t} ✓`);
      const bytes = new TextEncoder().encode(`  ${t.replace(/ /g, '  ')}\u00a0✓ `);
      w.add(1, 100 + i, 'whatsapp', 'message', SUBJECT, t0 + (i + 1) * 60 * MIN, {
        bytes,
        start: 0,
        end: bytes.length,
      });
    });
    expect(w.find().map((c) => c.matched)).toEqual([10]);
  });

  it('forgets an input read again from the start', () => {
    const w = pair(60);
    w.drop(1);
    expect(w.find()).toEqual([]);
  });

  it('keeps memory bounded in a large case: past half a million messages it samples, and still finds the copy', () => {
    const w = new WallClockTexts();
    const n = 300_000;
    for (let i = 0; i < n; i++)
      w.add(0, i, 'whatsapp', 'message', SUBJECT, t0 + i * MIN, `Message number ${i} from Sam`);
    for (let i = 0; i < n; i++)
      w.add(
        1,
        n + i,
        'whatsapp',
        'message',
        SUBJECT,
        t0 + i * MIN - 300 * MIN,
        `Message number ${i} from Sam`,
      );
    const [copy] = w.find();
    expect(copy?.offsetMinutes).toBe(-300);
    expect(copy!.sampledOneIn).toBe(2);
    expect(copy!.matched).toBeGreaterThan(0.8 * copy!.compared);
    expect(copy!.compared).toBeLessThan(n);
  });
});

describe('offsetText', () => {
  it('writes an offset as a clock difference', () => {
    expect([60, -300, 330, 345, -30].map(offsetText)).toEqual(['+1:00', '−5:00', '+5:30', '+5:45', '−0:30']);
  });
});

/**
 * Records dated after the report was generated (timeline/future.ts): kept and counted, flagged
 * `time-after-report`, and one warning per file with their number and the first one's locator. "After" is more
 * than 48 hours after the generation time; a placeholder generation time (before 1990) checks nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { FUTURE_MARGIN_MS } from '../../src/timeline/future.js';
import { memoryInput } from '../helpers/partway.js';

const CHAT = 'WhatsApp Chat with Sam.txt';
const DEMO = readFileSync(`fixtures/demo-case/${CHAT}`, 'utf8');
/**
 * The chat exported from a phone whose clock was reset after a repair and set to the wrong year by hand: the last
 * messages are stamped 2031 instead of 2024. WhatsApp stamps each message with the phone's clock.
 */
const WRONG_CLOCK = `${DEMO}01/04/2031, 08:02 - Sam: Why did you block me
01/04/2031, 08:03 - Sam: I'm outside
02/04/2031, 22:40 - Sam: Answer me
`;

async function read(text: string, generatedAt: string | undefined) {
  const c = await resolveCase({}, [], 'Europe/London');
  return readTimeline({
    inputs: [memoryInput(`exports/${CHAT}`, Buffer.from(text))],
    case: { ...c, subject: { name: undefined, identifiers: ['Sam'] } },
    ...(generatedAt === undefined ? {} : { generatedAt }),
  });
}

const warned = (t: Awaited<ReturnType<typeof read>>) =>
  t.problems.list.filter((p) => p.code === 'TIMELINE_AFTER_REPORT');
const flagged = (t: Awaited<ReturnType<typeof read>>) => {
  const out: string[] = [];
  for (let i = 0; i < t.events.length; i++) {
    const e = t.events.at(i);
    if (e.flags?.includes('time-after-report')) out.push(String(e.locator));
  }
  return out;
};

describe('records dated after the report', () => {
  it('are kept, counted and flagged, with one warning naming the file, the first locator and the count', async () => {
    const lines = WRONG_CLOCK.trimEnd().split('\n').length;
    const alone = await read(DEMO, '2024-07-01T09:00:00Z');
    const t = await read(WRONG_CLOCK, '2024-07-01T09:00:00Z');
    expect(t.inputs[0]!.kept).toBe(alone.inputs[0]!.kept + 3);
    expect(t.inputs[0]!.rejected).toBe(0);
    expect(flagged(t)).toEqual([lines - 2, lines - 1, lines].map(String));
    expect(warned(t)).toEqual([
      {
        code: 'TIMELINE_AFTER_REPORT',
        severity: 'warning',
        file: `exports/${CHAT}`,
        locator: `line ${lines - 2}`,
        message: `3 records are dated more than 48 hours after this report was generated (2024-07-01 09:00 UTC), the first at line ${lines - 2} (2031-04-01 07:02 UTC): kept, counted and marked "dated after this report was made".`,
        hint: 'No record can be newer than the export that holds it: the device clock was probably set wrong, or the date was misread (day and month swapped, a two-digit year). Check these records in the original export. If the report itself should be dated later, set --now.',
      },
    ]);
    // The demo chat itself (February to March 2024) has nothing after the report.
    expect(warned(alone)).toEqual([]);
    expect(flagged(alone)).toEqual([]);
  });

  it('the same generation time gives the same result; a later one flags nothing', async () => {
    const a = await read(WRONG_CLOCK, '2024-07-01T09:00:00Z');
    const b = await read(WRONG_CLOCK, '2024-07-01T09:00:00Z');
    expect(warned(b)).toEqual(warned(a));
    expect(flagged(b)).toEqual(flagged(a));
    const later = await read(WRONG_CLOCK, '2031-06-01T00:00:00Z');
    expect([warned(later), flagged(later)]).toEqual([[], []]);
  });

  it('more than 48 hours after: a record a day or two ahead (another zone, a fast clock) is not flagged', async () => {
    // The chat's last message, line 91, is at 02:05 on 31 March 2024 in London, just after the clocks went
    // forward: 01:05 UTC. It is flagged only once the generation time is more than 48 hours before it.
    const last = Date.parse('2024-03-31T01:05:00Z');
    const justInside = new Date(last - FUTURE_MARGIN_MS).toISOString();
    const justOutside = new Date(last - FUTURE_MARGIN_MS - 60_000).toISOString();
    expect(flagged(await read(DEMO, justInside))).toEqual([]);
    const t = await read(DEMO, justOutside);
    expect(flagged(t)).toEqual(['91']);
    expect(warned(t).map((p) => [p.locator, p.message.slice(0, 20)])).toEqual([
      ['line 91', '1 record is dated mo'],
    ]);
  });

  it('a placeholder generation time (SOURCE_DATE_EPOCH=0, 1980) or none checks nothing', async () => {
    for (const at of ['1970-01-01T00:00:00.000Z', '1980-01-01T00:00:00.000Z', undefined]) {
      const t = await read(WRONG_CLOCK, at);
      expect([warned(t), flagged(t)]).toEqual([[], []]);
    }
  });
});

describe('an anonymised copy whose dates were shifted', () => {
  it('is not checked: --shift-dates moves its dates by up to five years on purpose', async () => {
    const header =
      '{"format":"chronolog-anonymised-timeline","version":2,"handKept":false,"input":"input-001","originalFormat":"whatsapp-txt","incomplete":false,"datesShifted":true,"textDropped":false,"pseudonyms":"p + first 16 hex of HMAC-SHA-256(key, typed normalised identifier)"}';
    // The demo chat moved 208 weeks on: its March 2024 messages now read March 2028.
    const row = (utc: string) =>
      `{"utc":"${utc}","precision":"min","channel":"whatsapp","kind":"message","direction":"incoming","sender":"p0123456789abcdef","role":"subject","call":null,"conversation":null,"text":"Answer me","textLength":9,"flags":[],"dedupe":1}`;
    const c = await resolveCase({}, [], 'Europe/London');
    const t = await readTimeline({
      inputs: [
        memoryInput(
          'anon/input-001.jsonl',
          Buffer.from(
            `${[header, row('2028-03-27T10:00:00.000Z'), row('2028-03-28T10:00:00.000Z')].join('\n')}\n`,
          ),
        ),
      ],
      case: { ...c, subject: { name: undefined, identifiers: ['id:p0123456789abcdef'] } },
      generatedAt: '2026-12-01T00:00:00Z',
    });
    expect(t.inputs[0]!.format).toBe('chronolog-jsonl');
    expect(t.inputs[0]!.kept).toBe(2);
    expect([warned(t), flagged(t)]).toEqual([[], []]);
  });
});

/**
 * One chat exported twice, the second time on a phone set to another time zone: fixtures/whatsapp-shifted-copy
 * holds the chat exported on 16 April 2024 in London and again on 21 May on a phone set to Paris time, which is one
 * hour ahead of London all year, so every time the first export holds is written one hour later in the second. A
 * WhatsApp .txt gives no zone: both are read in the case zone, the copies fall an hour apart and are counted twice.
 * chronolog cannot know which copy is right, so it does not merge them: TIMELINE_SHIFTED_COPY says so, naming both
 * files, the offset, how many messages match and where (timeline/shifted-copies.ts).
 * fixtures/whatsapp-shared-phrases is the negative: two chats with the subject's two numbers that share stock
 * phrases ("Answer me", "Pick up the phone", "ok"), three of them exactly an hour apart, at other offsets the rest:
 * no warning.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { reportOf } from '../helpers/report.js';

const DIR = 'fixtures/whatsapp-shifted-copy';
const LONDON = `${DIR}/export-2024-04-16-london/WhatsApp Chat with Sam.txt`;
const PARIS = `${DIR}/export-2024-05-21-paris/WhatsApp Chat with Sam.txt`;

let report: Report;
beforeAll(async () => {
  report = await reportOf([DIR]);
});

describe('a chat exported twice, once on a phone set to another time zone', () => {
  it('is warned about once: both files, the offset, the messages matched, one example in each', () => {
    expect(report.problems.filter((p) => p.code === 'TIMELINE_SHIFTED_COPY')).toEqual([
      {
        code: 'TIMELINE_SHIFTED_COPY',
        severity: 'warning',
        file: PARIS,
        locator: 'line 2',
        message:
          `This file and ${LONDON} hold the same 10 messages (of the 10 in that file within the other's dates), ` +
          'each written +1:00 on the clock here (later), such as line 2 there and line 2 here: the same chat ' +
          'exported twice, once on a phone set to another time zone. Their times differ, so those messages are ' +
          'counted twice, and so, most likely, are the calls and media between them.',
        hint:
          'The exports give no time zone, so chronolog cannot tell which copy is right. Keep the copy exported on ' +
          "the phone set to the case's zone and remove the other from the inputs (there is no time zone per file: " +
          'read it in a run of its own with --tz set to the zone its phone was in, if it holds messages the other ' +
          'lacks), or export the chat again with both on one setting; then run again.',
      },
    ]);
  });

  it('does not merge the copies by a guessed offset: the counts say what the files hold', () => {
    // 12 of the subject's records in London's export, the same 12 and 4 more in Paris's: 28 as read, 16 in truth.
    expect(report.incidents.total).toBe(28);
    expect(report.inputs.map((i) => [i.path, i.kept, i.duplicates])).toEqual([
      [LONDON, 14, 0],
      [PARIS, 19, 0],
    ]);
  });

  it('says nothing once the shifted copy is removed', async () => {
    const alone = await reportOf([LONDON], { case: `${DIR}/case.json` });
    expect(alone.problems.map((p) => p.code)).not.toContain('TIMELINE_SHIFTED_COPY');
  });
});

describe('two different chats that share stock phrases', () => {
  it('are not taken for a shifted copy, some of their phrases an hour apart as they may be', async () => {
    const shared = await reportOf(['fixtures/whatsapp-shared-phrases']);
    expect(shared.incidents.total).toBe(22);
    expect(shared.problems.map((p) => p.code)).not.toContain('TIMELINE_SHIFTED_COPY');
  });
});

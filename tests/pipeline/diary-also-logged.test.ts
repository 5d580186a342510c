/**
 * A diary row is never merged with a log's record (timeline/dedupe.ts), so a row "Two missed calls from his number"
 * at 21:15 beside a call backup's missed calls at 21:15 and 21:17 counts three incidents. Both stay counted, and one
 * warning (DIARY_ALSO_LOGGED) lists each diary row that falls within minutes of logged incidents on the same channel
 * from the same sender, with the records, so a reader can check them before quoting the counts.
 *
 * fixtures/diary-also-logged: a call backup of 14–19 March 2024 (Europe/London, UTC+0 then) with six calls from
 * the subject's number and one from Mum, and a diary whose rows are
 *   line 2  14/03 21:15 missed call   — beside call[0] 21:15:00 and call[1] 21:17:30: paired with both
 *   line 3  14/03 21:15 text message  — no text is logged then: another channel, not paired
 *   line 4  15/03 08:00 phone call    — beside call[2] 08:00:00: paired
 *   line 5  16/03 19:10 phone call    — call[3] is at 19:00, ten minutes off: not paired
 *   line 6  17/03 (no time) phone call — call[4] is that day at 13:30: a date alone is not compared
 *   line 7  18/03 about 8pm missed call — call[5] at 20:12, within the 15 minutes of "about": paired
 *   line 8  19/03 09:00 phone call    — the log's call then is Mum's, not the subject's: not paired
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem, Report } from '../../src/model/index.js';
import { diaryAlsoLogged } from '../../src/pipeline/diary-also-logged.js';
import { locatorText } from '../../src/timeline/ids.js';
import { renderAll, reportOf } from '../helpers/report.js';
import { timelineOf } from '../helpers/timeline.js';

const DIR = 'fixtures/diary-also-logged';
const DIARY = `${DIR}/diary.csv`;
const CALLS = `${DIR}/calls-20240320100000.xml`;

let report: Report;
let warning: Problem | undefined;
beforeAll(async () => {
  report = await reportOf([DIR]);
  warning = report.problems.find((p) => p.code === 'DIARY_ALSO_LOGGED');
});

describe('diary rows beside the same contact in a call backup', () => {
  it('are listed in one warning, with the count, both locators and the times', () => {
    expect(report.problems.filter((p) => p.code === 'DIARY_ALSO_LOGGED')).toHaveLength(1);
    expect(warning).toEqual({
      code: 'DIARY_ALSO_LOGGED',
      severity: 'warning',
      file: DIARY,
      locator: 'line 2',
      message: `3 diary rows fall within minutes of 4 logged records on the same channel from the same sender, and are counted as incidents beside them (times in Europe/London): line 2 (call, 2024-03-14 21:15) ↔ call[0] (line 3) at 2024-03-14 21:15:00 and call[1] (line 4) at 2024-03-14 21:17:30 in ${CALLS}; line 4 (call, 2024-03-15 08:00) ↔ call[2] (line 5) at 2024-03-15 08:00:00 in ${CALLS}; line 7 (call, 2024-03-18 20:00) ↔ call[5] (line 8) at 2024-03-18 20:12:00 in ${CALLS}`,
      hint: 'A diary row is never merged with a log, so each is counted as a separate incident. Read each row beside its records: if the row records the same contact the log holds (such as "two missed calls" beside two logged calls), the counts include that contact twice, so say so where they are quoted; if it records another contact, nothing needs doing. Rows compared are those with a time (within 5 minutes, or 15 for a time such as "about 9pm"); rows with only a date, a time range or a part of the day are not.',
      alsoLogged: [
        {
          diary: { file: DIARY, locator: 'line 2' },
          logged: [
            { file: CALLS, locator: 'call[0] (line 3)' },
            { file: CALLS, locator: 'call[1] (line 4)' },
          ],
        },
        { diary: { file: DIARY, locator: 'line 4' }, logged: [{ file: CALLS, locator: 'call[2] (line 5)' }] },
        { diary: { file: DIARY, locator: 'line 7' }, logged: [{ file: CALLS, locator: 'call[5] (line 8)' }] },
      ],
    });
  });

  it('pairs rows at the same minutes and "about" a time, not one ten minutes off, a date alone, another channel or sender', async () => {
    const { t } = await timelineOf([DIR]);
    const where = (i: number) => {
      const e = t.events.at(i);
      return `${path.basename(t.inputs[e.input]!.path)} ${locatorText(e.locator)}`;
    };
    const pairs = diaryAlsoLogged(t.events, t.inputs).map((p) => [where(p.row), p.logged.map(where)]);
    expect(pairs).toEqual([
      [
        'diary.csv line 2',
        ['calls-20240320100000.xml call[0] (line 3)', 'calls-20240320100000.xml call[1] (line 4)'],
      ],
      ['diary.csv line 4', ['calls-20240320100000.xml call[2] (line 5)']],
      ['diary.csv line 7', ['calls-20240320100000.xml call[5] (line 8)']],
    ]);
  });

  it('changes no figure: every row and every call is still counted', async () => {
    expect(report.inputs.map((i) => [path.basename(i.path), i.records, i.kept, i.duplicates])).toEqual([
      ['calls-20240320100000.xml', 7, 7, 0],
      ['diary.csv', 7, 7, 0],
    ]);
    // The diary's seven rows and the subject's six calls, as each file alone counts them.
    const diary = await reportOf([DIARY], { case: `${DIR}/case.json` });
    const calls = await reportOf([CALLS], { case: `${DIR}/case.json` });
    expect(diary.incidents.total).toBe(7);
    expect(calls.incidents.total).toBe(6);
    expect(report.incidents.total).toBe(13);
    expect(report.incidents.byChannel).toEqual({ call: 12, sms: 1 });
    expect(report.incidents.maxPerDay).toEqual({ date: '2024-03-14', count: 4, ties: 0 });
    // Each file alone has nothing to pair with.
    expect(diary.problems.some((p) => p.code === 'DIARY_ALSO_LOGGED')).toBe(false);
    expect(calls.problems.some((p) => p.code === 'DIARY_ALSO_LOGGED')).toBe(false);
  });

  it('is shown by every report format, as every problem is', () => {
    for (const [format, text] of Object.entries(renderAll(report))) {
      expect(text, format).toContain('3 diary rows fall within minutes of 4 logged records');
    }
  });
});

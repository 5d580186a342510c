/**
 * The text report's weekly sparkline on a case longer than the line has room for (fixtures/diary-two-years: 105
 * ISO weeks, one incident a week in 2023 and two a week from January 2024 to the last week). Each mark then
 * stands for several weeks, and the line says how many. A mark is the weekly average of its weeks, and the marks
 * end with the latest weeks, so the last mark, which a reader looks at to see whether contact is rising or falling,
 * is never one week summed against two (it fell to half height, as if the contact had dropped at the end).
 *
 * The first and last weeks of the series are part weeks here (5 and 3 days): only full weeks are drawn, and the
 * legend gives the part weeks' days and counts. Drawn as counted, a part week looked like a drop; drawn at its rate
 * for 7 days, the last week (2 entries in 3 days) would have stood more than twice as high as the weeks before it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

let r: Report;
let weekly: string;
beforeAll(async () => {
  r = await reportOf(['fixtures/diary-two-years']);
  weekly = renderAs('text', r)
    .split('\n')
    .find((l) => l.startsWith('Weekly'))!;
});

describe('the weekly sparkline of a two-year diary on 100 columns', () => {
  it('has 105 weeks: one incident a week in 2023, two a week from 2024 to the last', () => {
    const counts = r.incidents.weekly.map((w) => w.count);
    expect(counts).toHaveLength(105);
    expect(counts.slice(0, 52).every((n) => n === 1)).toBe(true);
    expect(counts.slice(52).every((n) => n === 2)).toBe(true);
  });

  it('says how many weeks each mark stands for, and what the part weeks left out held', () => {
    const [first, last] = [r.incidents.weekly[0]!, r.incidents.weekly.at(-1)!];
    expect([first.days, first.count, last.days, last.count]).toEqual([5, 1, 3, 2]);
    expect(weekly).toMatch(
      / {2}\(103 full weeks from 2023-01-09, 2 weeks a mark; part weeks not drawn: first 5 days \(1 incident\), last 3 days \(2 incidents\)\)$/,
    );
  });

  it('draws every mark of 2024 at full height, the last one too', () => {
    const marks = [...weekly.slice(12, weekly.indexOf('  ('))];
    expect(marks).toHaveLength(52);
    // The 26 marks from the end are the 52 full weeks of 2024, two incidents in each.
    expect(marks.slice(-26).join('')).toBe('█'.repeat(26));
    // The full weeks of 2023, one incident in each, at half that height.
    expect(new Set(marks.slice(0, 26))).toEqual(new Set(['▅']));
  });

  it('is left as it is when every week has a mark of its own (demo-case, 25 weeks)', async () => {
    // The case file's window ends on Sunday 30 June, the last incident on the 29th: the last week is a full week
    // of the report's period, as the Markdown and HTML tables give it (tests/reports/period-weeks.test.ts).
    const demo = renderAs('text', await reportOf(['fixtures/demo-case']));
    expect(demo).toContain('\nWeekly      ▃▂▂▁▂▂▂▂▂▆▄▃█▄▅█▆▆█▃▂▂▂▂▂  (25 weeks from 2024-01-08)\n');
  });

  it('draws every week as counted, saying which are part weeks, when fewer than two are full', async () => {
    // The first 13 messages of fixtures/text-neutral/flat: one full week, then Monday and Tuesday.
    const dir = mkdtempSync(join(tmpdir(), 'chronolog-weeks-'));
    try {
      const chat = 'WhatsApp Chat with Sam.txt';
      const lines = readFileSync(join('fixtures/text-neutral/flat', chat), 'utf8').split('\n');
      writeFileSync(join(dir, chat), `${lines.slice(0, 13).join('\n')}\n`);
      const r = await reportOf([dir], { subject: ['Sam'] });
      expect(r.incidents.weekly.map((w) => [w.days, w.count])).toEqual([
        [7, 9],
        [2, 4],
      ]);
      expect(renderAs('text', r)).toContain(
        '\nWeekly      █▄  (2 weeks from 2024-01-15; the last has 2 days)\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

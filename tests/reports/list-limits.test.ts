/**
 * A list a report shortens never ends "and 1 more": that line takes the place of the one item it hides and says
 * less (model/format.ts `listed`). fixtures/seven-visits has seven in-person incidents, one more than the Markdown
 * S-DASH sheet lists for a fact, so every one of them is listed there, as in the HTML report;
 * fixtures/diary-impossible-dates has thirteen rejected rows, one more than the text report lists, so it lists
 * each one. fixtures/twenty-one-visits has one in-person incident more than an S-DASH fact cites (20): each
 * fact cites all twenty-one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

describe('the Markdown S-DASH sheet with one incident more than it lists (seven-visits)', () => {
  let r: Report;
  let md: string;
  beforeAll(async () => {
    r = await reportOf(['fixtures/seven-visits']);
    md = renderAs('markdown', r);
  });

  it('lists all seven in-person incidents behind the question 4 and 5 facts, with no "and 1 more"', () => {
    const facts = md.split('\n').filter((l) => l.startsWith('- 7 in-person incidents'));
    expect(facts).toHaveLength(2);
    for (const f of facts) {
      expect(f).not.toContain('more.');
      for (const line of [2, 3, 4, 5, 6, 7, 8]) expect(f).toContain(`\\(incident-diary.csv line ${line}\\)`);
      expect(f.endsWith('2024-03-13 20:20 \\(incident-diary.csv line 8\\).')).toBe(true);
    }
  });

  it('still shortens a longer list, counting what it leaves out (demo-case: 17 in-person incidents)', async () => {
    const demo = renderAs('markdown', await reportOf(['fixtures/demo-case']));
    const fact = demo.split('\n').find((l) => l.startsWith('- 17 in-person incidents in'))!;
    expect(fact.match(/incident-diary\.csv line \d+/g)).toHaveLength(6);
    expect(fact.endsWith(' and 11 more.')).toBe(true);
  });
});

describe('the text report with one problem more than it lists (diary-impossible-dates)', () => {
  it('lists all thirteen rejected rows, with no "Not listed here: 1 more problem"', async () => {
    const r = await reportOf(['fixtures/diary-impossible-dates']);
    expect(r.problems.map((p) => p.code)).toEqual(Array(13).fill('DIARY_BAD_DATE'));
    const text = renderAs('text', r);
    const listedRows = text.split('\n').filter((l) => l.startsWith('  ✖ fixtures/diary-impossible-dates/'));
    expect(listedRows.map((l) => /:line (\d+):/.exec(l)?.[1])).toEqual([
      '3',
      '4',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
    ]);
    expect(text).toContain(
      '✖ fixtures/diary-impossible-dates/incident-diary.csv:line 16: Date "31/09/2023" is not a real date',
    );
    expect(text).not.toContain('Not listed here');
  });

  it('still shortens a longer list, counting what it leaves out', async () => {
    // Two rejected WhatsApp messages and a warning that no sender matched the subject: 16 problems in all.
    const r = await reportOf([
      'fixtures/diary-impossible-dates',
      'fixtures/whatsapp-txt/impossible-date.txt',
    ]);
    expect(r.problems).toHaveLength(16);
    const text = renderAs('text', r);
    expect(text.split('\n').filter((l) => /^ {2}[✖!i] /.test(l))).toHaveLength(12);
    expect(text).toContain(
      'Not listed here: 4 more problems (CASE_SUBJECT_NOT_FOUND 1, DIARY_BAD_DATE 1, WHATSAPP_BAD_TIMESTAMP 2).',
    );
  });
});

describe('the S-DASH facts with one incident more than they cite (twenty-one-visits)', () => {
  it('cite all twenty-one in-person incidents, the weeks with more than three included', async () => {
    const r = await reportOf(['fixtures/twenty-one-visits']);
    const facts = r.escalation!.sdash.flatMap((q) => q.facts).filter((f) => f.events.length > 2);
    // Before, 20 and "1 more"; and the busy weeks' fact cited 20 with no word of the 21st.
    expect(facts.map((f) => [f.text.slice(0, 45), f.events.length, f.more])).toEqual([
      ['21 in-person incidents in 3 ISO weeks; at mos', 21, 0],
      ['Weeks with more than 3 in-person incidents: w', 21, 0],
      ['21 in-person incidents (visits, following, wa', 21, 0],
    ]);
    for (const f of facts)
      expect(f.events.map((e) => e.locator)).toEqual(Array.from({ length: 21 }, (_, i) => `line ${i + 2}`));
  });
});

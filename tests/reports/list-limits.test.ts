/**
 * A list a report shortens never ends "and 1 more": that line takes the place of the one item it hides and says
 * less (model/format.ts `listed`). fixtures/seven-visits has seven in-person incidents, one more than the Markdown
 * S-DASH sheet lists for a fact, so every one of them is listed there, as in the HTML report.
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

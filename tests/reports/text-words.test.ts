/**
 * Words of the one-screen text report a police reader could misread in a minute, as a review found them:
 * - a milestone too short for a rate ratio read "8.4 → 3.0 a day (…); no rate ratio: …", the arrow of a measured
 *   change beside the words that the two sides cannot be compared;
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

describe('text report of the demo case', () => {
  let r: Report;
  let text: string;
  beforeAll(async () => {
    r = await reportOf(['fixtures/demo-case']);
    text = renderAs('text', r);
  });

  it('gives an untested milestone’s rates as before and after figures, without the arrow of a change', () => {
    const [tested, short] = r.escalation!.milestones;
    expect(tested!.status).toBe('ok');
    expect(short!.status).not.toBe('ok');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Milestones'));
    expect(lines[at]).toContain(
      '2024-04-02 Police warning (PIN) issued: 4.9 → 8.4 a day (118 in 24 d, 401 in 48 d); RR 1.7 (95% CI 1.4–2.1',
    );
    expect(lines[at + 1]).toBe(
      '            2024-05-20 Non-molestation order served: 8.4 a day before, 3.0 a day after (401 in 48 d, 36 in 12 d); no rate ratio: only 12 days after (at least 14 days each side are needed); 82 contacts from then on (possible breaches, for an officer to assess)',
    );
    expect(text).not.toContain('8.4 → 3.0');
  });
});

describe('milestones too close for a rate ratio (findings-neutral/flat, three milestones)', () => {
  let r: Report;
  let text: string;
  beforeAll(async () => {
    // About two messages a day from 15 January to 13 May 2024: the second milestone is 10 days after the first,
    // and the third 9 days before the last day.
    r = await reportOf(['fixtures/findings-neutral/flat'], {
      milestone: ['2024-03-01=Warning letter sent', '2024-03-11=Arrest', '2024-05-05=Order served'],
    });
    text = renderAs('text', r);
  });

  it('names each side’s rate, whichever side is short, and keeps the reason there is no ratio', () => {
    expect(r.escalation!.milestones.map((m) => m.status)).toEqual([
      'below-minimum',
      'below-minimum',
      'below-minimum',
    ]);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Milestones'));
    expect(lines.slice(at, at + 3)).toEqual([
      'Milestones  2024-03-01 Warning letter sent: 1.9 a day before, 2.2 a day after (88 in 46 d, 22 in 10 d); no rate ratio: only 10 days after (at least 14 days each side are needed); 146 contacts from then on',
      '            2024-03-11 Arrest: 2.2 a day before, 1.9 a day after (22 in 10 d, 102 in 55 d); no rate ratio: only 10 days before (at least 14 days each side are needed); 124 contacts from then on',
      '            2024-05-05 Order served: 1.9 a day before, 2.4 a day after (102 in 55 d, 22 in 9 d); no rate ratio: only 9 days after (at least 14 days each side are needed); 22 contacts from then on',
    ]);
    expect(lines.slice(at, at + 3).join('\n')).not.toContain('→');
  });

  it('leaves the Markdown and HTML as they were: their before and after sides are columns or rows of their own', () => {
    const md = renderAs('markdown', r);
    expect(md).toContain(
      '| 2024-05-05 | Order served | 102 in 55 days (1.9/day) 2024-03-11 – 2024-05-04 | 22 in 9 days (2.4/day) 2024-05-05 – 2024-05-13 | no rate ratio: only 9 days after \\(at least 14 days each side are needed\\) |',
    );
    const html = renderAs('html', r);
    expect(html).not.toMatch(/1\.9 → 2\.4|2\.2 → 1\.9|1\.9 → 2\.2/);
  });
});

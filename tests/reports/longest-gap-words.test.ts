/**
 * "Longest gap without contact" counts only days every export covers (analysis/figures.ts): a day an export does
 * not hold is no day of silence. The reports say so wherever that leaves days without contact out, so the figure
 * never reads as "no day without contact" beside a report that has days without contact:
 * - fixtures/mixed-case has 61 days without a recorded contact in its 104, none of them covered by every export
 *   (no day is), so the gap is 0: it was "0 days" in the text and Markdown and "no day without contact" in HTML;
 * - fixtures/demo-case has a gap of 2 days (21–22 January) on the days every export covers and 8 days without
 *   contact in June, after the call and SMS backups end, which it does not count;
 * - a diary alone limits no day (fixtures/seven-visits), so its gap is given as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const dayOf = (html: string) =>
  /<dt>Longest gap without contact<\/dt><dd>(.*?)<\/dd>/
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('a case where no day is covered by every export (mixed-case)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/mixed-case']);
    out = renderAll(r);
  });

  it('has days without contact, none of them counted in the gap', () => {
    expect(r.incidents.daily.filter((d) => d.count === 0)).toHaveLength(61);
    expect(r.incidents.longestGap).toEqual({ days: 0, from: null, to: null });
  });

  it('never says there was no day without contact, in any format', () => {
    expect(out['text']).toContain(
      '\nGap         longest run without contact on days every export covers: none; all 61 days without contact are on days not every export covers\n',
    );
    expect(out['markdown']).toContain(
      '| Longest gap without contact | none on days every export covers; all 61 days without contact are on days not every export covers |',
    );
    expect(dayOf(out['html']!)).toBe(
      '– none on days every export covers; all 61 days without contact are on days not every export covers',
    );
    for (const f of ['text', 'markdown', 'html']) {
      expect(out[f]).not.toContain('no day without contact');
      expect(out[f]).not.toMatch(/run without contact: 0 days|Longest gap without contact \| 0 days/);
    }
  });
});

describe('a case whose exports end before its last incident (demo-case)', () => {
  let out: Record<string, string>;
  beforeAll(async () => {
    out = renderAll(await reportOf(['fixtures/demo-case']));
  });

  it('gives the gap on the days every export covers, and the days without contact it leaves out', () => {
    expect(out['text']).toContain(
      '\nGap         longest run without contact on days every export covers: 2 days (2024-01-21 → 2024-01-22); 8 days without contact not counted, as not every export covers them\n',
    );
    expect(out['markdown']).toContain(
      '| Longest gap without contact | 2 days (2024-01-21 – 2024-01-22) on days every export covers; 8 days without contact not counted, as not every export covers them |',
    );
    expect(dayOf(out['html']!)).toBe(
      '2 days, 21 January 2024 – 22 January 2024, on days every export covers; 8 days without contact not counted, as not every export covers them',
    );
  });
});

describe('a case with nothing but a diary (seven-visits)', () => {
  it('gives the gap as it is, every day counted', async () => {
    const r = await reportOf(['fixtures/seven-visits']);
    const out = renderAll(r);
    expect(r.incidents.longestGap).toEqual({ days: 6, from: '2024-02-15', to: '2024-02-20' });
    expect(out['text']).toContain(
      '\nGap         longest run without contact: 6 days (2024-02-15 → 2024-02-20)\n',
    );
    expect(out['markdown']).toContain('| Longest gap without contact | 6 days (2024-02-15 – 2024-02-20) |');
    expect(dayOf(out['html']!)).toBe('6 days, 15 February 2024 – 20 February 2024');
  });
});

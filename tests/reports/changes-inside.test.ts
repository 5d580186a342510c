/**
 * An estimated change point inside the first or the last days of "Latest rate against the first" makes that side's
 * rate a mix of two rates: the demo case's last 28 days run at 6.7 a day, but the rate is estimated to have fallen
 * to 2.3 a day around 22 May, inside them. The text report and the HTML summary said so beside the figure; the JSON
 * findings and the Markdown now do too, with the same dates (model/escalation-words.ts `changePointsInside`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const SENTENCE =
  'The rate is estimated to have changed inside the last 28 days, around 22 May 2024 (from about 7.2 to 2.3 a day), so the rate of those days is a mix of two rates, not the rate at their end (PELT change point).';

let demo: Report;
let out: Record<string, string>;
beforeAll(async () => {
  demo = await reportOf(['fixtures/demo-case']);
  out = renderAll(demo);
});

describe('a change point inside the first or last days compared', () => {
  it('is one of the estimated change points, inside the last 28 days', () => {
    const h = demo.escalation!.headline.rateNowVsStart;
    expect(h.after).toMatchObject({ from: '2024-05-04', to: '2024-05-31' });
    expect(demo.escalation!.changePoints.map((c) => c.date)).toContain('2024-05-22');
  });

  it('is said in the findings, right after the latest rate against the first', () => {
    const f = demo.escalation!.findings;
    const k = f.findIndex((x) => x.startsWith('Latest rate against the first: 6.7 contacts a day'));
    expect(k).toBeGreaterThanOrEqual(0);
    expect(f[k + 1]).toBe(SENTENCE);
    expect(
      f.filter((x) => x.includes('to have changed inside') && x.endsWith('(PELT change point).')),
    ).toHaveLength(1);
  });

  it('is said in the Markdown under "Latest rate against the first", escaped', () => {
    const md = out['markdown']!;
    const section = md.slice(md.indexOf('### Latest rate against the first'), md.indexOf('### Trend'));
    expect(section).toContain(SENTENCE.replace(/[()]/g, (c) => `\\${c}`));
  });

  it('is not said where no change point falls inside the days compared', async () => {
    const flat = await reportOf(['fixtures/findings-neutral/flat']);
    const inside = flat.escalation!.changePoints.filter((c) => {
      const { before, after } = flat.escalation!.headline.rateNowVsStart;
      return [before, after].some((p) => p.from && p.to && c.date > p.from && c.date <= p.to);
    });
    expect(inside).toEqual([]);
    const all = [...flat.escalation!.findings, renderAll(flat)['markdown']!].join('\n');
    expect(all).not.toContain('to have changed inside the');
  });
});

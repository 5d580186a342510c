/**
 * The busiest hour is written as the findings write it: its end without the date when the hour stays on one day
 * ("2024-04-07 19:01 – 19:47", fixtures/demo-case), with it when it runs past midnight (fixtures/report-burst-midnight:
 * four messages 23:41–00:20 across 14/15 February 2024); the HTML writes the times in words, as it writes every
 * other time of the escalation section, not as the ISO text of the data.
 */
import { describe, expect, it } from 'vitest';
import { renderAll, reportOf } from '../helpers/report.js';

async function bursts(folder: string): Promise<{ md: string; html: string }> {
  const out = renderAll(await reportOf([folder]));
  return {
    md: /^Most contacts within one hour: [^;]*;/m.exec(out['markdown']!)![0],
    html: /<dt>Most contacts within one hour<\/dt><dd>[^;]*;/.exec(out['html']!)![0],
  };
}

describe('the most contacts within one hour', () => {
  it('gives the end of an hour on one day as its clock time alone', async () => {
    const b = await bursts('fixtures/demo-case');
    expect(b.md).toBe('Most contacts within one hour: 11 (2024-04-07 19:01 – 19:47);');
    expect(b.html).toBe('<dt>Most contacts within one hour</dt><dd>11, from 7 April 2024, 19:01 to 19:47;');
  });

  it('gives the end of an hour past midnight with its date', async () => {
    const b = await bursts('fixtures/report-burst-midnight');
    expect(b.md).toBe('Most contacts within one hour: 4 (2024-02-14 23:41 – 2024-02-15 00:20);');
    expect(b.html).toBe(
      '<dt>Most contacts within one hour</dt><dd>4, from 14 February 2024, 23:41 to 15 February 2024, 00:20;',
    );
  });
});

/**
 * Statistics wording that contradicted itself or differed between formats, on realistic cases:
 * - no contact before a release from custody, with bursts after it (fixtures/no-contact-before-overdispersed): the
 *   quasi-Poisson step model has no finite estimate, and the formats said nothing, "95% CI not computable, p not
 *   computable" or "φ̂ = 1.4 … not computable" about it; now each says the same words;
 * - the JSON says which figures the reports gave allowing for overdispersion (`overdispersed.shownAs`);
 * - the findings give a side of a comparison as "from 1 to 28 March 2024", not "from 1–28 March 2024".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_COMPUTABLE } from '../../src/model/escalation-words.js';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

type Case = { r: Report; out: Record<string, string>; findings: string[] };

async function caseOf(dir: string): Promise<Case> {
  const r = await reportOf([dir]);
  return { r, out: renderAll(r), findings: r.escalation!.findings };
}

const READ = ['text', 'markdown', 'html'] as const;

describe('no contact before a release from custody, bursts after it (no-contact-before-overdispersed)', () => {
  let c: Case;
  beforeAll(async () => {
    c = await caseOf('fixtures/no-contact-before-overdispersed');
  });

  it('has overdispersed counts and a step model that cannot be fitted, which the JSON says', () => {
    const e = c.r.escalation!;
    expect(e.dispersion.overdispersed).toBe(true);
    for (const cmp of [e.milestones[0]!, e.headline.rateNowVsStart]) {
      expect(cmp.before.count).toBe(0);
      expect(cmp.rateRatio).toBeNull();
      expect(cmp.overdispersed).toMatchObject({ ci95: [null, null], p: null, shownAs: 'not-computable' });
    }
  });

  it('says the same thing allowing for overdispersion in the text, Markdown and HTML reports and the findings', () => {
    const text = c.out['text']!.split('\n');
    const said = `allowing for overdispersion ${NOT_COMPUTABLE}`;
    expect(NOT_COMPUTABLE).toBe('not computable, as one side has no contacts');
    expect(text.find((l) => l.startsWith('Milestones'))).toBe(
      `Milestones  2024-03-29 Released from custody: 0 → 2.1 a day (0 in 28 d, 60 in 28 d); RR ∞ (95% CI at least 16, p < 0.001; ${said})  [exact conditional Poisson test]; 60 contacts from then on`,
    );
    expect(text.find((l) => l.startsWith('First/last'))).toContain(`p < 0.001; ${said})`);
    // The Markdown milestone table's column, and the sentence under the latest rate against the first.
    expect(c.out['markdown']).toContain(`| ∞ (95% CI at least 16) | p < 0.001 | ${NOT_COMPUTABLE} |`);
    expect(c.out['markdown']).toContain(`p < 0.001; ${said}.`);
    // The HTML comparison sentences and the summary tile.
    expect(c.out['html']).toContain(
      `Rate ratio, after ÷ before, not bounded above (no contacts before): 95% CI at least 16. Allowing for overdispersion: ${NOT_COMPUTABLE}.`,
    );
    expect(c.out['html']).toContain(
      `rate ratio infinite (95% CI at least 16, exact test p &#60; 0.001; ${said})`,
    );
    expect(c.findings).toContain(
      `After the milestone “Released from custody” on 29 March 2024 the rate rose: 2.1 contacts a day from 29 March to 25 April 2024, against 0 a day from 1 to 28 March 2024 (the rate ratio is infinite, 95% CI at least 16; exact conditional Poisson test p < 0.001; allowing for overdispersion, ${NOT_COMPUTABLE}; based on 0 contacts before and 60 after).`,
    );
    for (const id of READ) {
      expect(c.out[id]).not.toContain('95% CI not computable');
      expect(c.out[id]).not.toContain('p not computable');
      expect(c.out[id]).not.toContain('from the daily counts of the days compared');
      expect(c.out[id]).not.toContain('φ̂ = –');
    }
  });

  it('gives each side of the comparison as "from 1 to 28 March 2024", never "from 1–28 March 2024"', () => {
    for (const text of [c.findings.join('\n'), ...READ.map((id) => c.out[id]!)])
      expect(text).not.toMatch(/from \d{1,2}–\d{1,2} [A-Z]/);
  });
});

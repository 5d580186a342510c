/**
 * Statistics wording that contradicted itself or differed between formats, on realistic cases:
 * - a dispersion test just either side of 0.05 over seven years of daily counts (fixtures/dispersion-long-series):
 *   φ̂ 1.0465, which two significant digits give as "1.0", with p 0.0498 and 0.0504; both p read "p = 0.050", and
 *   the one below 0.05 was said to be "close to 1" beside the test that found it beyond chance;
 * - no contact before a release from custody, with bursts after it (fixtures/no-contact-before-overdispersed): the
 *   quasi-Poisson step model has no finite estimate, and the formats said nothing, "95% CI not computable, p not
 *   computable" or "φ̂ = 1.4 … not computable" about it; now each says the same words;
 * - the JSON says which figures the reports gave allowing for overdispersion (`overdispersed.shownAs`);
 * - the findings give a side of a comparison as "from 1 to 28 March 2024", not "from 1–28 March 2024".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_COMPUTABLE } from '../../src/model/escalation-words.js';
import { sig2 } from '../../src/model/format.js';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

type Case = { r: Report; out: Record<string, string>; findings: string[] };

async function caseOf(dir: string): Promise<Case> {
  const r = await reportOf([dir]);
  return { r, out: renderAll(r), findings: r.escalation!.findings };
}

const READ = ['text', 'markdown', 'html'] as const;

describe('a dispersion test just below 0.05 over seven years (dispersion-long-series/just-below)', () => {
  let c: Case;
  beforeAll(async () => {
    c = await caseOf('fixtures/dispersion-long-series/just-below');
  }, 120_000);

  it('has a φ̂ that two significant digits give as 1.0 and a Pearson p just below 0.05', () => {
    const d = c.r.escalation!.dispersion;
    expect(c.r.escalation!.window.days).toBe(2556);
    expect(d.phi).toBeCloseTo(1.0465, 4);
    expect(sig2(d.phi)).toBe('1.0');
    expect(d.pPearson).toBeCloseTo(0.04977, 5);
  });

  it('is said to vary more than a steady trend allows, with φ̂ above 1 and the p that is below 0.05', () => {
    expect(c.findings).toContain(
      'Daily counts vary more than a steady trend with independent contacts allows: contacts may come in clusters, or the rate may have changed in steps. The intervals of the trend and of the comparisons were widened to allow for this; the exact intervals of plain rates assume independent contacts and may be too narrow here (dispersion φ̂ = 1.05, Pearson χ² test p = 0.0498; quasi-Poisson: model intervals widened by √φ̂).',
    );
    // The variance/mean index is above 1 too (1.046): "index 1.0" stood beside "vary more".
    expect(c.out['markdown']).toContain('| Dispersion | index 1.05; φ̂ 1.05 (overdispersed) |');
    expect(c.out['html']).toContain('Variance/mean of the daily counts 1.05; Pearson φ̂ 1.05:');
    expect(c.out['html']).toContain(
      'Pearson φ̂ 1.05: the counts vary more than a steady trend with independent contacts allows (clusters, or steps in the rate), so model intervals are widened.',
    );
    for (const id of ['markdown', 'html']) expect(c.out[id]).toContain('φ̂ = 1.05, p = 0.0498.');
  });

  it('is never said to be close to 1, and its p never reads 0.050', () => {
    // (The methods' general note that a Wald interval "can be narrower when φ̂ is close to 1" is not about this φ̂.)
    for (const id of READ) {
      expect(c.out[id]).not.toMatch(/close to 1;|close to the 1 of independent contacts/);
      expect(c.out[id]).not.toContain('p = 0.050');
    }
    expect(c.findings.join('\n')).not.toMatch(/close to the 1|within what chance/);
  });
});

describe('a dispersion test just above 0.05 over seven years (dispersion-long-series/just-above)', () => {
  let c: Case;
  beforeAll(async () => {
    c = await caseOf('fixtures/dispersion-long-series/just-above');
  }, 120_000);

  it('has a φ̂ that two significant digits give as 1.0 and a Pearson p just above 0.05', () => {
    const d = c.r.escalation!.dispersion;
    expect(sig2(d.phi)).toBe('1.0');
    expect(d.pPearson).toBeCloseTo(0.0504, 4);
  });

  it('is said to be close to 1, with the p that is above 0.05, in every format that names it', () => {
    expect(c.findings).toContain(
      'Daily counts vary about as much as independent contacts would; the intervals of the trend and of the comparisons were widened all the same, which makes them 2% wider (dispersion φ̂ = 1.05, close to 1; quasi-Poisson: model intervals widened by √φ̂).',
    );
    expect(c.out['markdown']).toContain(
      '| Dispersion | index 1.05; φ̂ 1.05 (close to 1; intervals widened by √φ̂ all the same) |',
    );
    for (const id of ['markdown', 'html']) {
      expect(c.out[id]).toContain('φ̂ = 1.05, p = 0.0504.');
      expect(c.out[id]).not.toContain('p = 0.050.');
    }
    expect(c.findings.join('\n')).not.toMatch(/vary more than/);
  });
});

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
      `Rate ratio, after ÷ before, not bounded above (no contacts before): 95% CI at least 16 (exact conditional Poisson test, p &#60; 0.001). Allowing for overdispersion: ${NOT_COMPUTABLE}.`,
    );
    expect(c.out['html']).toContain(
      `rate ratio infinite (95% confidence interval (CI) at least 16, exact test p &#60; 0.001; ${said})`,
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

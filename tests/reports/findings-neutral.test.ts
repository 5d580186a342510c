/**
 * The escalation findings are read by police and prosecutors: they say "rose" or "fell" only where the 95% interval
 * excludes no change, say how few contacts a comparison rests on, test persistence on the time between the first
 * and the last contact (not the calendar days they touch), call the counts overdispersed only where φ̂ is clearly
 * above 1, and give the S-DASH sheet's labels by the files actually read. Cases: fixtures/findings-neutral.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/findings-neutral';
const NO_CHANGE = 'the interval includes 1, so the data cannot tell this difference from no change';

/** The report of one case of the folder, and its text in every format. */
async function caseOf(name: string): Promise<{ r: Report; out: Record<string, string>; findings: string[] }> {
  const r = await reportOf([`${DIR}/${name}`]);
  return { r, out: renderAll(r), findings: r.escalation!.findings };
}

describe('one contact before a warning and five after (five-after)', () => {
  let c: Awaited<ReturnType<typeof caseOf>>;
  beforeAll(async () => {
    c = await caseOf('five-after');
  });

  it('gives the two rates without "rose", with the counts, and says the data cannot tell them from no change', () => {
    expect(c.findings).toContain(
      `After the milestone “Police warning issued” on 15 March 2024 the rate was 0.36 contacts a day from 15 to 28 March 2024, against 0.071 a day from 1 to 14 March 2024 (rate ratio 5.0, 95% CI 0.56–236; exact conditional Poisson test p = 0.22; based on 1 contact before and 5 after; ${NO_CHANGE}).`,
    );
    expect(c.findings.join('\n')).not.toMatch(/\b(rose|fell)\b/);
  });

  it('names the first and last days as such when it gives their counts', () => {
    expect(c.findings).toContain(
      `Latest rate against the first: 0.36 contacts a day in the last 14 days (15–28 March 2024), against 0.071 a day in the first 14 (1–14 March 2024) (rate ratio 5.0, 95% CI 0.56–236; exact conditional Poisson test p = 0.22; based on 1 contact in the first 14 days and 5 in the last 14; ${NO_CHANGE}).`,
    );
  });

  it('prints the reworded note in the text report and on the HTML summary tile', () => {
    expect(c.out['text']).toContain(NO_CHANGE);
    expect(c.out['html']).toContain(NO_CHANGE);
    for (const id of ['text', 'markdown', 'html']) expect(c.out[id]).not.toContain('could be chance');
  });

  it('says the time between the first and the last contact, and that it is beyond two weeks', () => {
    expect(c.findings).toContain(
      'The first and last contacts are 22 days and 22 hours apart (5 March 2024 at 21:40 [diary.csv, line 2] to 28 March 2024 at 20:00 [diary.csv, line 7]), with contact on 6 separate days; the contact persisted beyond two weeks.',
    );
    expect(c.r.escalation!.persistence).toMatchObject({
      spanDays: 24,
      beyondTwoWeeks: true,
      tenOverFourWeeks: false,
    });
  });
});

describe('one contact before a warning and nine after, over four weeks (ten-over-four-weeks)', () => {
  let c: Awaited<ReturnType<typeof caseOf>>;
  beforeAll(async () => {
    c = await caseOf('ten-over-four-weeks');
  });

  it('says "rose" where the interval excludes 1, with the few contacts it rests on', () => {
    expect(c.findings).toContain(
      'After the milestone “Police warning issued” on 15 March 2024 the rate rose: 0.53 contacts a day from 15 to 31 March 2024, against 0.071 a day from 1 to 14 March 2024 (rate ratio 7.4, 95% CI 1.03–325; exact conditional Poisson test p = 0.027; based on 1 contact before and 9 after).',
    );
  });

  it('says what the change-point search did not find, not that nothing changed', () => {
    expect(c.findings).toContain(
      'The change-point search found no date where the daily rate clearly changed (PELT).',
    );
    expect(c.findings.join('\n')).not.toContain('No change in the daily rate was found');
  });

  it('says what the Roberts threshold is: contacts, a research threshold, not a legal test', () => {
    expect(c.findings).toContain(
      'The first and last contacts are 29 days and 20 minutes apart (1 March 2024 at 21:40 [diary.csv, line 2] to 30 March 2024 at 22:00 [diary.csv, line 11]), with contact on 10 separate days; the contact persisted beyond two weeks, and the contacts meet a threshold used in stalking research, at least 10 contacts over at least 4 weeks (Roberts 2005), which is not a legal test.',
    );
    expect(c.findings.join('\n')).not.toContain('intrusions');
    expect(c.r.escalation!.persistence.tenOverFourWeeks).toBe(true);
  });

  it('says in question 9 that the diary names no identifier, never an empty list', () => {
    const q9 = c.r.escalation!.sdash.find((q) => q.number === 9)!;
    expect(q9.facts[0]!.text).toBe(
      'No incident in the window records a phone number, account or other identifier of its sender (diary entries name the subject without one), so these files cannot show which numbers or accounts were used.',
    );
    for (const id of ['markdown', 'html']) expect(c.out[id]).not.toMatch(/--subject\)?: ?\./);
  });

  it('keeps the reference answer of the diary questions when a diary was read', () => {
    const q4 = c.r.escalation!.sdash.find((q) => q.number === 4)!;
    expect([q4.backedByData, q4.answerable]).toEqual(['Yes (diary)', true]);
  });
});

describe('two messages 13 days and 2 hours apart (thirteen-days)', () => {
  let c: Awaited<ReturnType<typeof caseOf>>;
  beforeAll(async () => {
    c = await caseOf('thirteen-days');
  });

  it('is not beyond two weeks, though the messages touch 15 dates, and says how far apart they are', () => {
    expect(c.r.escalation!.persistence).toMatchObject({ spanDays: 15, beyondTwoWeeks: false });
    expect(c.findings).toContain(
      'The first and last contacts are 13 days and 2 hours apart (1 March 2024 at 23:00 [WhatsApp Chat with Sam Carter.txt, line 1] to 15 March 2024 at 01:00 [WhatsApp Chat with Sam Carter.txt, line 2]), with contact on 2 separate days.',
    );
    expect(c.out['html']).toContain('<dt>Contact beyond two weeks</dt><dd>no');
  });

  it('prints the time the tests are made on in the Markdown and HTML persistence lines, not the 15 dates', () => {
    expect(c.out['markdown']).toContain(
      '13 days and 2 hours between the first and the last, contact on 2 days; beyond two weeks (Purcell, Pathé & Mullen 2004): no; at least 10 contacts over at least 4 weeks (a threshold used in stalking research, not a legal test): no.',
    );
    expect(c.out['html']).toContain(
      '<dt>Span</dt><dd>13 days and 2 hours between the first and the last, with contact on 2 days</dd>',
    );
    expect(c.out['html']).toContain(
      '(Roberts 2005; a threshold used in stalking research, not a legal test)',
    );
    expect(c.out['markdown']).not.toContain('15 days from first to last, contact on');
  });

  it('says "7 days at each end" of the first and last days, not "before" and "after"', () => {
    expect(c.findings).toContain(
      'The first and the last 7 days had 1 and 1 contacts; no rate ratio is given: only 7 days at each end (at least 14 days at each end are needed).',
    );
  });

  it('labels the diary questions by the files read: no diary, so no', () => {
    const sheet = c.r.escalation!.sdash;
    for (const n of [3, 4, 5, 8]) {
      const q = sheet.find((x) => x.number === n)!;
      expect([n, q.backedByData, q.answerable]).toEqual([n, 'No (no diary among the files read)', false]);
    }
    expect(c.out['html']).toContain('These files cannot inform it (no diary among the files read).');
    expect(c.out['html']).not.toContain('Yes (diary)');
    expect(c.out['markdown']).toContain('These files cannot inform it \\(no diary among the files read\\)');
  });

  it('words question 2’s note without presuming the conduct asked about', () => {
    expect(c.r.escalation!.sdash.find((q) => q.number === 2)!.note).toBe(
      'Conduct towards other people, or before the earliest record, is not in these files.',
    );
  });
});

describe('a three-day diary (three-days)', () => {
  let c: Awaited<ReturnType<typeof caseOf>>;
  beforeAll(async () => {
    c = await caseOf('three-days');
  });

  it('says "1 day at each end"', () => {
    expect(c.findings).toContain(
      'The first and the last day had 2 and 2 contacts; no rate ratio is given: only 1 day at each end (at least 14 days at each end are needed).',
    );
  });

  it('gives question 9 a sentence, not "(case file or --subject): ."', () => {
    const text = c.r.escalation!.sdash.find((q) => q.number === 9)!.facts[0]!.text;
    expect(text).toMatch(/^No incident in the window records a phone number, account or other identifier/);
    expect(text).not.toMatch(/: \.$/);
  });
});

describe('about two messages a day for 120 days, φ̂ = 1.01 (flat)', () => {
  let c: Awaited<ReturnType<typeof caseOf>>;
  beforeAll(async () => {
    c = await caseOf('flat');
  });

  it('does not call counts with φ̂ close to 1 overdispersed, and says how little the widening did', () => {
    const d = c.r.escalation!.dispersion;
    expect(d.overdispersed).toBe(true);
    expect(d.phi!).toBeGreaterThan(1);
    expect(d.phi!).toBeLessThan(1.05);
    expect(c.findings).toContain(
      'Daily counts vary about as much as independent contacts would; the intervals of the trend and of the comparisons were widened all the same, which makes them 1% wider (dispersion φ̂ = 1.01, close to 1; quasi-Poisson: model intervals widened by √φ̂).',
    );
    expect(c.findings.join('\n')).not.toMatch(/vary more than independent contacts|too narrow/);
  });

  it('says the same in the Markdown and HTML dispersion rows as in the findings', () => {
    expect(c.out['markdown']).toContain('φ̂ 1.01 (close to 1; intervals widened by √φ̂ all the same)');
    expect(c.out['html']).toContain(
      'Pearson φ̂ 1.01: close to the 1 of independent contacts; model intervals are widened by √φ̂ all the same.',
    );
    expect(c.out['markdown']).not.toContain('(overdispersed)');
    expect(c.out['html']).not.toContain('vary more than a steady trend');
  });

  it('gives the trend factor without a direction when its interval includes 1', () => {
    expect(c.findings).toContain(
      'Over the fully covered days the rate was multiplied on average by 1.03 every 30 days (95% CI 0.92–1.2, p = 0.59; the interval includes 1, so the data cannot tell this trend from no change; Poisson regression on time, its standard error scaled for overdispersion).',
    );
  });
});

describe('messages falling over 90 days, φ̂ = 1.1 (falling)', () => {
  let c: Awaited<ReturnType<typeof caseOf>>;
  beforeAll(async () => {
    c = await caseOf('falling');
  });

  it('says "fell", and the factor 0.37 as a fall of 63%, not 37%', () => {
    expect(c.findings).toContain(
      'Over the fully covered days the rate fell: on average it was multiplied by 0.37 every 30 days, a fall of 63% per 30 days (95% CI 0.30–0.46, p < 0.001; Poisson regression on time, its standard error scaled for overdispersion). This average also takes in the changes in steps above (a log-linear trend absorbs them).',
    );
  });

  it('says φ̂ = 1.1 over 89 days is within chance, not that the counts vary more than a steady trend allows', () => {
    // scipy: chi2.sf(1.118017 × 87, 87) = 0.2119 (the golden test of pOverdispersed checks the p itself).
    expect(c.r.escalation!.dispersion.pPearson).toBeCloseTo(0.2119, 4);
    expect(c.findings).toContain(
      'Daily counts vary a little more than independent contacts would, within what chance gives; the intervals of the trend and of the comparisons were widened all the same, which makes them 6% wider (dispersion φ̂ = 1.1, Pearson χ² test p = 0.21; quasi-Poisson: model intervals widened by √φ̂).',
    );
    expect(c.findings.join('\n')).not.toContain('vary more than a steady trend');
  });
});

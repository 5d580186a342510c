/**
 * How the reports give rates per period, ratios near 1, the latest rate against the first on the HTML summary
 * page, and a cease search with no message from the victim, as reviewers found them misleading:
 * - one visit on one day gave "7.0 per week" and "30 per 30 days" (a police reader may quote them): a rate per
 *   week or per 30 days is now given only from at least 7 or 30 days, and withheld with why (in the JSON too);
 * - a rise of 1.042 per 30 days (95% CI 1.019–1.067) read "rose by a factor of 1.0 (95% CI 1.0–1.1)";
 * - the summary tile gave "rate ratio 2.0 (95% CI 0.54–9.1)" without p = 0.39 or that the data cannot tell it
 *   from no change;
 * - a WhatsApp chat alone with no --victim said "no cease phrase in 0 messages searched" though the victim wrote
 *   "Stop messaging me.": the chat cannot say whose messages are the victim's.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRatio, formatRatioCi } from '../../src/model/format.js';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';
import { makeZip } from '../helpers/zip-writer.js';

describe('formatRatio: a ratio near 1 is never written as 1', () => {
  it('gives two decimals from 0.9 to 1.1, more when two would read as 1, and sig2 elsewhere', () => {
    expect([1.042, 0.962, 1.019, 1.067, 0.999, 1.0004, 0.9996, 1.09, 0.9].map(formatRatio)).toEqual([
      '1.04',
      '0.96',
      '1.02',
      '1.07',
      '0.999',
      '1.0004',
      '0.9996',
      '1.09',
      '0.90',
    ]);
    expect([1, 1.1, 0.89, 4.7, 0.54, 9.1, 541.6, 0, null].map(formatRatio)).toEqual([
      '1.0',
      '1.1',
      '0.89',
      '4.7',
      '0.54',
      '9.1',
      '542',
      '0',
      '–',
    ]);
  });

  it('writes an interval as formatCi does, its bounds as ratios', () => {
    expect(formatRatioCi([1.019, 1.067])).toBe('95% CI 1.02–1.07');
    expect(formatRatioCi([0.54, 9.1])).toBe('95% CI 0.54–9.1');
    expect(formatRatioCi([2.8, null])).toBe('95% CI at least 2.8');
    expect(formatRatioCi([null, null])).toBe('95% CI not computable');
  });
});

describe('rates per period from a short window (fixtures/single-incident: one visit on one day)', () => {
  let r: Report;
  let shown: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/single-incident']);
    shown = renderAll(r);
  });

  it('withholds the rates per week and per 30 days in the JSON, with why', () => {
    const rate = r.escalation!.rate;
    expect(rate.perDay).toBe(1);
    expect(rate.perWeek).toEqual({
      rate: null,
      ci95: [null, null],
      status: 'below-minimum',
      reason: 'only 1 day; a rate per week needs at least 7',
    });
    expect(rate.per30Days).toEqual({
      rate: null,
      ci95: [null, null],
      status: 'below-minimum',
      reason: 'only 1 day; a rate per 30 days needs at least 30',
    });
  });

  it('says so in the Markdown and HTML rate tables, and gives the count before the rate a day on the terminal', () => {
    expect(shown['markdown']).toContain(
      '| Whole window | 2024-02-14 | 1 | 1 | 1 | 1.0 (95% CI 0.025–5.6) | withheld: only 1 day; a rate per week needs at least 7 | withheld: only 1 day; a rate per 30 days needs at least 30 |',
    );
    expect(shown['markdown']).not.toMatch(/\b7\.0 \(95% CI|\| 30 \(95% CI/);
    expect(shown['html']).toContain(
      '<span class="muted">withheld: only 1 day; a rate per week needs at least 7</span>',
    );
    expect(shown['html']).toContain(
      '<span class="muted">withheld: only 1 day; a rate per 30 days needs at least 30</span>',
    );
    expect(shown['text']).toContain(
      'Rate        1 contact in 1 day: 1.0 a day (95% confidence interval (CI) 0.025–5.6)  [exact Poisson interval]',
    );
  });

  it('a 3-day window (fixtures/markdown-hostile) gives no rate per 30 days', async () => {
    const shown3 = renderAll(await reportOf(['fixtures/markdown-hostile']));
    expect(shown3['markdown']).toContain(
      '| withheld: only 3 days; a rate per week needs at least 7 | withheld: only 3 days; a rate per 30 days needs at least 30 |',
    );
    expect(shown3['markdown']).not.toContain('170');
  });
});

describe('a trend near 1 and the latest rate against the first (fixtures/diary-two-years)', () => {
  let r: Report;
  let shown: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/diary-two-years']);
    shown = renderAll(r);
  });

  it('writes the factor and its interval so that both show the rise', () => {
    const p = r.escalation!.trend.poisson;
    expect(p.rateRatioPer30Days).toBeCloseTo(1.042, 3);
    expect(r.escalation!.findings).toContain(
      'Over the fully covered days the rate rose: on average it was multiplied by 1.04 every 30 days, a rise of 4% per 30 days (95% CI 1.02–1.07, p < 0.001; Poisson regression on time).',
    );
    expect(shown['text']).toContain('Trend       ×1.04 per 30 days (95% CI 1.02–1.07, p < 0.001)');
    expect(shown['markdown']).toContain('| Rate ratio per 30 days | 1.04 (95% CI 1.02–1.07), p < 0.001 |');
    expect(shown['html']).toContain('Rate ratio per 30 days 1.04 (95% CI 1.02–1.07, p &#60; 0.001;');
    for (const id of ['text', 'markdown', 'html'])
      expect(shown[id]).not.toMatch(/1\.0 every|×1\.0 |CI 1\.0–1\.1/);
  });

  it('gives the summary tile its periods, the exact test p and that the data cannot tell the difference from no change', () => {
    expect(shown['html']).toContain(
      '<dt>Contacts a day, first → last 28 days</dt><dd><span class="big">0.14 → 0.29</span><span class="note">first 28 days of the window (4–31 January 2023) against the last 28 days (5 December 2024 to 1 January 2025); rate ratio 2.0 (95% confidence interval (CI) 0.54–9.1, exact test p = 0.39); the interval includes 1, so the data cannot tell this difference from no change</span>',
    );
    // The text summary and the Markdown say the same.
    expect(shown['text']).toContain(
      'RR 2.0 (95% CI 0.54–9.1, p = 0.39); the interval includes 1, so the data cannot tell this difference from no change',
    );
    expect(shown['markdown']).toContain(
      'rate ratio, last ÷ first, 2.0 (95% CI 0.54–9.1), p = 0.39; the interval includes 1, so the data cannot tell this difference from no change.',
    );
  });
});

describe('the summary tile of the demo case', () => {
  it('names the two periods and an estimated change inside the last of them', async () => {
    const html = renderAll(await reportOf(['fixtures/demo-case']))['html']!;
    expect(html).toContain(
      '<span class="big">1.4 → 6.7</span><span class="note">first 28 days every export covers (8 January to 4 February 2024) against the last 28 days (4–31 May 2024); rate ratio 4.7 (95% confidence interval (CI) 3.3–6.8, exact test p &#60; 0.001; allowing for overdispersion 95% CI 2.5–8.8, p &#60; 0.001); the rate is estimated to have changed around 22 May 2024, inside the last 28 days, from about 7.2 to 2.3 a day (PELT change point)</span>',
    );
  });
});

describe('cease requests in a WhatsApp chat alone, with the subject named and the victim not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronolog-cease-'));
  const chat = 'WhatsApp Chat with Sam.txt';
  const plain = join(dir, 'plain');
  const zipped = join(dir, 'zipped');
  beforeAll(() => {
    const text = readFileSync(join('fixtures/demo-case', chat));
    mkdirSync(plain);
    copyFileSync(join('fixtures/demo-case', chat), join(plain, chat));
    mkdirSync(zipped);
    writeFileSync(join(zipped, 'WhatsApp Chat with Sam.zip'), makeZip([{ name: chat, data: text }]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const words =
    "no message could be identified as the victim's (the victim is not identified in these files), so none was searched for a request to stop; to search them, name the victim, e.g. --victim Alex (the one sender other than the subject in the subject's conversations)";

  for (const [name, folder] of [
    ['plain', () => plain],
    ['zipped', () => zipped],
  ] as const) {
    it(`says the victim is not identified and how to name them (${name})`, async () => {
      const r = await reportOf([folder()], { subject: ['Sam'] });
      const c = r.escalation!.ceaseRequest;
      expect([c.searched, c.victimIdentified, c.otherSenders, c.first]).toEqual([0, false, ['Alex'], null]);
      expect(r.escalation!.findings).toContain(`N${words.slice(1)}.`);
      const shown = renderAll(r);
      expect(shown['text']).toContain(`Stop asked  ${words.slice(0, 60)}`);
      expect(shown['text']).not.toContain('no request to stop in 0 messages');
      expect(shown['markdown']).toContain(
        "No message could be identified as the victim's \\(the victim is not identified in these files\\)",
      );
      expect(shown['markdown']).not.toContain('No message contains a request to stop');
      expect(shown['html']).toContain(`<p>N${words.slice(1).replaceAll("'", '&#39;')}.</p>`);
      expect(shown['html']).not.toContain('No such request was found');
    });
  }

  it('finds the requests once the victim is named, and lists no other senders', async () => {
    const r = await reportOf([plain], { subject: ['Sam'], victim: ['Alex'] });
    const c = r.escalation!.ceaseRequest;
    expect(c.victimIdentified).toBe(true);
    expect(c.otherSenders).toBeUndefined();
    expect(c.first?.text).toBe('I’m busy. Stop messaging me.');
    expect(renderAll(r)['text']).toMatch(
      /^Stop asked {2}first 2024-01-10 23:19 \(whatsapp, phrase “stop messaging me”\)/m,
    );
  });

  it('a diary alone, with nobody but the subject in it, has nothing to search and says so plainly', async () => {
    const r = await reportOf(['fixtures/single-incident']);
    const c = r.escalation!.ceaseRequest;
    expect([c.searched, c.victimIdentified, c.otherSenders]).toEqual([0, false, []]);
    const shown = renderAll(r);
    expect(shown['text']).toContain('Stop asked  no message from the victim to the subject to search');
    expect(shown['markdown']).toContain('No message from the victim to the subject to search.');
    expect(shown['text']).not.toContain('identified');
  });
});

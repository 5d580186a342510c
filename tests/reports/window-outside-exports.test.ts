/**
 * A window (--from/--to or the case file) that runs past every export: the days no export covers are never
 * covered, so they are in no rate and no report says there was no contact on them.
 *
 * fixtures/demo-case: its exports cover 1 December 2023 (the first SMS backup's first record) to 29 June 2024 (the
 * WhatsApp chats' last message); the diary runs to 29 June too. A window of 1 July – 31 December 2024 (after a
 * non-molestation order) used to get "Rate 0 a day (95% CI 0–0.020)", the fully covered days 1 July – 31 December
 * and the finding "From 1 July to 31 December 2024 … there were no contacts attributed to Sam Carter (rate 0 a
 * day …)": with no incident in the window, no channel limited the coverage, and every day counted as one without
 * contact. A mistyped year (2030) read the same way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DEMO = 'fixtures/demo-case';

/** The HTML's text, tags dropped and the entities the findings use read back. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('a window after every export (demo case, 1 July – 31 December 2024)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf([DEMO], { from: '2024-07-01', to: '2024-12-31' });
    out = renderAll(r);
  });

  it('JSON: no day is covered; the days no export covers are named; no rate is given', () => {
    const e = r.escalation!;
    expect(e.window).toMatchObject({ from: '2024-07-01', to: '2024-12-31', days: 184, source: 'given' });
    expect(e.coverage.fullyCovered).toBeNull();
    expect(e.coverage.partialDays).toBe(184);
    expect(e.coverage.exported).toEqual({ from: '2023-12-01', to: '2024-06-29' });
    expect(e.coverage.notExported).toEqual([
      { from: '2024-07-01', to: '2024-12-31', days: 184, incidents: 0 },
    ]);
    expect(e.daily.every((d) => !d.covered)).toBe(true);
    expect(e.rate).toMatchObject({
      from: null,
      to: null,
      days: 0,
      count: 0,
      perDay: null,
      ci95: [null, null],
    });
    expect(e.rate.perWeek).toMatchObject({ rate: null, status: 'not-computable' });
    expect(e.rateFullyCovered).toBeNull();
    expect(e.headline.rateNowVsStart).toMatchObject({
      days: 0,
      status: 'not-computable',
      reason: 'no export covers any day of the window',
    });
  });

  it('the first finding says no export covers the window, never "no contacts"', () => {
    const f = r.escalation!.findings;
    expect(f[0]).toBe(
      'No export covers 1 July to 31 December 2024 (the exports end on 29 June 2024), so these files cannot show whether there were contacts attributed to Sam Carter in the window (184 days; dates and times in Europe/London), and no rate is given. Check the window\'s dates (--from, --to or "window" in the case file) if this is not the period meant.',
    );
    expect(f.join('\n')).not.toMatch(/no contacts|rate 0 a day/);
  });

  it('a milestone before the window says which days no export covers beside its counts', () => {
    const order = r.escalation!.milestones.find((m) => m.label === 'Non-molestation order served')!;
    expect(order.reason).toBe(
      'the date is outside the window, and no export covers 1 July to 31 December 2024 (the exports end on 29 June 2024)',
    );
  });

  it('a warning names the exports’ days and asks to check --from/--to', () => {
    const p = r.problems.find((x) => x.code === 'CASE_WINDOW_NOT_EXPORTED')!;
    expect(p).toMatchObject({
      severity: 'warning',
      message:
        'No export covers any day of the window 2024-07-01 to 2024-12-31: the exports cover 2023-12-01 to 2024-06-29. The report gives no rate for the window.',
      hint: 'Check --from/--to (or "window" in the case file); the exports cover 2023-12-01 to 2024-06-29.',
    });
  });

  it('text: no rate, the days no export covers named, no "first 28 days covered"', () => {
    const t = out.text!;
    expect(t).toContain(
      'Rate        not given: no export covers 2024-07-01 → 2024-12-31 (the exports end on 2024-06-29)',
    );
    expect(t).toContain('First/last  counts only: no export covers any day of the window');
    expect(t).not.toMatch(/Rate\s+0 a day|days covered 2024-07/);
  });

  it('Markdown and HTML: the finding as in the JSON, and no rate of 0 a day', () => {
    expect(out.markdown).toContain(
      'No export covers 1 July to 31 December 2024 \\(the exports end on 29 June 2024\\), so these files cannot show',
    );
    const html = htmlText(out.html!);
    expect(html).toContain(r.escalation!.findings[0]!);
    expect(html).toContain(
      'No export covers 1 July 2024 – 31 December 2024 (the exports end on 29 June 2024): those days are in no rate or statistic.',
    );
    for (const s of [out.markdown!, html]) expect(s).not.toMatch(/no contacts attributed|rate 0 a day/);
  });
});

describe('a mistyped year (demo case, --from 2030-01-01 --to 2030-02-01)', () => {
  it('says no export covers the window and warns, as for a window after the last export', async () => {
    const r = await reportOf([DEMO], { from: '2030-01-01', to: '2030-02-01' });
    const e = r.escalation!;
    expect(e.rate.perDay).toBeNull();
    expect(e.coverage.notExported).toEqual([
      { from: '2030-01-01', to: '2030-02-01', days: 32, incidents: 0 },
    ]);
    expect(e.findings[0]).toMatch(
      /^No export covers 1 January to 1 February 2030 \(the exports end on 29 June 2024\)/,
    );
    expect(r.problems.map((p) => p.code)).toContain('CASE_WINDOW_NOT_EXPORTED');
  });
});

describe('a window partly after every export (demo case, 1 June – 31 December 2024)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf([DEMO], { from: '2024-06-01', to: '2024-12-31' });
    out = renderAll(r);
  });

  it('JSON: the rate counts only the 29 days an export covers; the tail is named', () => {
    const e = r.escalation!;
    expect(e.coverage.notExported).toEqual([
      { from: '2024-06-30', to: '2024-12-31', days: 185, incidents: 0 },
    ]);
    expect(e.coverage.fullyCovered).toEqual({ from: '2024-06-01', to: '2024-06-29', days: 29 });
    expect(e.rate).toMatchObject({ from: '2024-06-01', to: '2024-06-29', days: 29, count: 46 });
    expect(e.rate.perDay).toBeCloseTo(46 / 29, 10);
    // The fully covered days are the rate's own: not given twice.
    expect(e.rateFullyCovered).toBeNull();
    expect(e.daily.filter((d) => d.covered)).toHaveLength(29);
    // Some days are covered: no warning.
    expect(r.problems.map((p) => p.code)).not.toContain('CASE_WINDOW_NOT_EXPORTED');
  });

  it('every format says which days no export covers, beside the rate over the others', () => {
    const first = r.escalation!.findings[0]!;
    expect(first).toBe(
      'From 1 June to 31 December 2024 (214 days; dates and times in Europe/London): no export covers 30 June to 31 December 2024 (the exports end on 29 June 2024), so those days are not counted. On the 29 days an export covers (1–29 June 2024) there were 46 contacts attributed to Sam Carter, 1.6 contacts a day on average (95% CI 1.2–2.1), with contact on 21 of them.',
    );
    expect(out.text).toContain(
      'Rate        1.6 a day (95% confidence interval (CI) 1.2–2.1) on the 29 days an export covers; no export covers 2024-06-30 → 2024-12-31 (the exports end on 2024-06-29)',
    );
    expect(out.markdown).toContain(
      'No export covers 2024-06-30 – 2024-12-31 \\(the exports end on 2024-06-29\\): those days are in no rate or statistic.',
    );
    const html = htmlText(out.html!);
    expect(html).toContain(first);
    expect(html).toContain(
      'No export covers 30 June 2024 – 31 December 2024 (the exports end on 29 June 2024): those days are in no rate or statistic.',
    );
  });
});

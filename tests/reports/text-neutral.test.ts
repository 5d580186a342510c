/**
 * The one-screen text report's words on two realistic chats (fixtures/text-neutral), where a reviewer found it said
 * more than its figures: the section was headed "Escalation" over contact that fell; a trend of ×1.2 (95% CI
 * 0.93–1.5) was printed with no word that it could be chance; the word lists' matches were bare ids ("threats 2",
 * one of them "I would never hurt you"); the latest rate came before the first; a slope's interval read
 * "-0.063–-0.042"; and a last week of one day was drawn as a drop in contact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCi, formatRatioCi } from '../../src/model/format.js';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

/** The first line that starts with `label` (the report is rendered unwrapped, each line whole). */
const lineOf = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label));

describe('flat contact with requests to stop and word-list matches (text-neutral/flat)', () => {
  let r: Report;
  let text: string;
  beforeAll(async () => {
    r = await reportOf(['fixtures/text-neutral/flat'], {
      subject: ['Sam'],
      victim: ['Alex'],
      tz: 'Europe/London',
      milestone: ['2024-02-28=Warning letter sent'],
    });
    text = renderAs('text', r);
  });

  it('heads the section with its window, not "Escalation"', () => {
    expect(text).toContain('\nWindow      2024-01-15 → 2024-04-15 (92 days)\n');
    expect(text).not.toContain('Escalation');
    // The JSON keeps its key.
    expect(r.escalation).toBeDefined();
  });

  it('says a trend whose interval includes 1 could be chance, and a Mann–Kendall p of 0.42 shows no clear trend', () => {
    const p = r.escalation!.trend.poisson;
    expect(p.ci95[0]!).toBeLessThan(1);
    expect(p.ci95[1]!).toBeGreaterThan(1);
    expect(text).toContain(
      '\nTrend       ×1.2 per 30 days (95% CI 0.95–1.4, p = 0.14); the interval includes 1, so the data cannot tell this trend from no change  [Poisson regression, SE scaled by √φ̂, φ̂ = 1.1]\n' +
        "            Mann–Kendall (weekly) S = 14, p = 0.42, so no clear trend; Sen's slope a change of 0.24 in contacts a week, per week (95% CI -0.50 to 1.0)\n",
    );
    // The findings say the same of the trend.
    expect(r.escalation!.findings.join('\n')).toContain('cannot tell this trend from no change');
  });

  it('gives the first rate, then the last, with the rate ratio of the last to the first and its caveat', () => {
    const h = r.escalation!.headline.rateNowVsStart;
    expect(h.rateRatio! * h.before.ratePerDay!).toBeCloseTo(h.after.ratePerDay!, 10);
    // The quasi-Poisson interval reaches further than the exact one at both ends, so it is given as the model's own,
    // with the model's own p (0.23 beside the exact test's 0.24: a Wald test's p, labelled as the model's).
    expect(text).toContain(
      '\nFirst/last  1.3 → 1.8 a day: RR 1.3 (95% CI 0.85–2.1, p = 0.24; quasi 95% CI 0.84–2.1, p = 0.23); the interval includes 1, so the data cannot tell this difference from no change  [exact conditional Poisson test]\n' +
        '            first 28 days covered 2024-01-15 → 2024-02-11, last 2024-03-19 → 2024-04-15\n',
    );
    expect(text).not.toMatch(/Last\/first| vs [\d.]+ a day/);
  });

  it('says a milestone’s rate ratio could be chance', () => {
    expect(lineOf(text, 'Milestones')).toBe(
      'Milestones  2024-02-28 Warning letter sent: 1.3 → 1.7 a day (58 in 44 d, 82 in 48 d); RR 1.3 (95% CI 0.91–1.8, p = 0.15; quasi 95% CI 0.91–1.9, p = 0.15); the interval includes 1, so the data cannot tell this difference from no change  [exact conditional Poisson test]; 82 contacts from then on',
    );
  });

  it('labels the requests to stop plainly, with the same content', () => {
    expect(lineOf(text, 'Stop asked')).toBe(
      'Stop asked  first 2024-02-04 21:05 (whatsapp, phrase “stop messaging me”); 2 requests in all; 111 contacts after the first',
    );
    expect(text).not.toMatch(/^Cease/m);
  });

  it('names the word lists’ categories by their labels, as matches to read, not findings', () => {
    // One threat ("I would never hurt you"): "I will kill myself if you leave" is self-harm only, not a threat.
    expect(lineOf(text, 'Words')).toBe(
      'Words       incidents using terms from the word lists: Threats to kill or harm 1 · Intimidation and veiled threats 1 · Threats of suicide or self-harm 1  [word matches to read in context, not findings]',
    );
    expect(text).not.toMatch(/^Content/m);
    expect(text).not.toContain('threats 2');
  });

  it('leaves the last week of one day out of the marks and gives its count, where it was drawn as a drop', () => {
    const weeks = r.incidents.weekly;
    expect(weeks.at(-1)).toEqual({ weekStart: '2024-04-15', days: 1, count: 3, partial: true });
    expect(weeks.slice(0, -1).every((w) => w.days === 7 && w.count >= 5)).toBe(true);
    expect(lineOf(text, 'Weekly')).toBe(
      'Weekly      ▅▄▆▄▄▆▅█▅▄█▃█  (13 full weeks from 2024-01-15; part weeks not drawn: last 1 day (3 incidents))',
    );
    // The Markdown report draws the same weeks with the same legend (it drew the one-day week as a drop too).
    expect(renderAs('markdown', r)).toContain(
      '\nWeekly incidents: `▅▄▆▄▄▆▅█▅▄█▃█` (13 full weeks from 2024-01-15; part weeks not drawn: last 1 day (3 incidents))\n',
    );
  });

  it('points from the bracketed methods to the report that explains them, with the whole command', () => {
    expect(lineOf(text, 'Findings')).toBe(
      'Findings    16 in plain language, each with its method and figures in brackets at its end; what each method means and its limits, the S-DASH (stalking and harassment risk checklist) evidence sheet and quoted examples: chronolog report fixtures/text-neutral/flat --format markdown --out report.md',
    );
  });

  it('fits each label in its 12 columns, so that a wrapped line goes on under its text, between list items', () => {
    const wrapped = renderAs('text', r, 80).split('\n');
    const words = wrapped.findIndex((l) => l.startsWith('Words'));
    expect(wrapped.slice(words, words + 4)).toEqual([
      'Words       incidents using terms from the word lists: Threats to kill or harm 1',
      '            Intimidation and veiled threats 1',
      '            Threats of suicide or self-harm 1',
      '            [word matches to read in context, not findings]',
    ]);
    const stop = wrapped.findIndex((l) => l.startsWith('Stop asked'));
    expect(wrapped[stop + 1]).toBe('            requests in all; 111 contacts after the first');
    // Every line of the section within 80 columns (the accounting table's rows are left whole, as they must be).
    const section = wrapped.slice(
      wrapped.findIndex((l) => l.startsWith('Window')),
      wrapped.findIndex((l) => l.startsWith('Accounting')),
    );
    for (const l of section) expect(l.length, l).toBeLessThanOrEqual(80);
  });
});

describe('falling contact (text-neutral/falling)', () => {
  let r: Report;
  let text: string;
  beforeAll(async () => {
    r = await reportOf(['fixtures/text-neutral/falling'], { subject: ['Sam'], tz: 'Europe/London' });
    text = renderAs('text', r);
  });

  it('heads a fall with its window too, and adds no chance caveat where the intervals exclude 1', () => {
    expect(text).toContain('\nWindow      2024-01-15 → 2024-03-29 (75 days)\n');
    expect(lineOf(text, 'Trend')).toBe(
      'Trend       ×0.38 per 30 days (95% CI 0.30–0.48, p < 0.001)  [Poisson regression, φ̂ = 0.85]',
    );
    expect(lineOf(text, 'First/last')).toBe(
      'First/last  4.1 → 0.86 a day: RR 0.21 (95% CI 0.13–0.32, p < 0.001)  [exact conditional Poisson test]',
    );
    expect(text).not.toContain('cannot tell this');
    expect(text).not.toContain('no clear trend');
  });

  it('writes an interval with negative ends with "to", never "–-", in every format', () => {
    const mk = r.escalation!.trend.mannKendall;
    expect(mk.senCi95[1]!).toBeLessThan(0);
    expect(text).toContain(
      "            Mann–Kendall (daily) S = -1388, p < 0.001; Sen's slope a change of -0.065 in contacts a day, per day (95% CI -0.081 to -0.048)\n",
    );
    for (const f of ['text', 'markdown', 'html', 'json']) {
      const shown = f === 'json' ? JSON.stringify(r) : renderAs(f, r);
      expect(shown, f).not.toMatch(/\d–-\d/);
      expect(shown, f).toContain('95% CI -0.081 to -0.048');
    }
  });

  it('says how many weeks are drawn and what the part week at the end held', () => {
    expect(lineOf(text, 'Weekly')).toBe(
      'Weekly      █▆▅▅▄▂▃▂▂▂  (10 full weeks from 2024-01-15; part weeks not drawn: last 5 days (6 incidents))',
    );
  });
});

describe('ranges as every format writes them', () => {
  it('keeps the dash between positive ends and writes "to" when an end is negative', () => {
    expect(formatCi([1.5, 1.9])).toBe('95% CI 1.5–1.9');
    expect(formatCi([0, 0.4])).toBe('95% CI 0–0.40');
    expect(formatCi([-0.063, -0.042])).toBe('95% CI -0.063 to -0.042');
    expect(formatCi([-0.33, 1])).toBe('95% CI -0.33 to 1.0');
    expect(formatCi([-1, 0])).toBe('95% CI -1.0 to 0');
    expect(formatCi([2.8, null])).toBe('95% CI at least 2.8');
    expect(formatRatioCi([0.93, 1.5])).toBe('95% CI 0.93–1.5');
  });
});

/**
 * How the before/after sides of the escalation comparisons read in every report a person reads, on the two cases
 * that once put a misleading rate in the tables while the findings gave counts:
 * - a side shorter than a day (fixtures/milestones-same-day: an order served at 18:00 and an arrest at 20:00 on
 *   15 March 2024, Europe/London, two texts between them): "2 in 2 hours", never "0.1 days" and "24/day";
 * - the latest rate against the first when no day is covered by every export (fixtures/mixed-case): the first and
 *   the last days are covered by different exports, so they are counts with the reason, never a rate ratio, an
 *   interval or a p-value (the JSON says `not-computable`, as for a milestone whose sides not every export covers).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const unwrap = (text: string) => text.replace(/\n {12}/g, ' ');
/** Markdown escapes brackets; the assertions are written as the reader sees them. */
const unescaped = (md: string) => md.replace(/\\([()[\]])/g, '$1');

describe('an order at 18:00 and an arrest at 20:00 the same day (milestones-same-day)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/milestones-same-day']);
    out = renderAll(r);
  });

  it('reads the fixture as designed, and the JSON keeps its numbers', () => {
    const [order, arrest] = r.escalation!.milestones;
    expect(r.escalation!.coverage.fullyCovered).toEqual({ from: '2024-02-01', to: '2024-03-29', days: 58 });
    // 18:40 and 19:25 between the two; 2 hours of exposure, 24 a day as a number in the JSON.
    for (const side of [order!.after, arrest!.before]) {
      expect(side).toMatchObject({ from: '2024-03-15', to: '2024-03-15', count: 2, boundedBy: 'milestone' });
      expect(side.days).toBeCloseTo(2 / 24, 12);
      expect(side.ratePerDay).toBeCloseTo(24, 9);
    }
    expect([order!.status, order!.reason]).toEqual([
      'below-minimum',
      'only 2 hours after (at least 14 days each side are needed)',
    ]);
    expect(arrest!.reason).toBe('only 2 hours before (at least 14 days each side are needed)');
  });

  it('gives the short side in hours with no rate a day in the Markdown milestone table', () => {
    const md = unescaped(out['markdown']!);
    expect(md).toContain(
      '| 2024-03-15 18:00 | Non-molestation order served | 45 in 43.8 days (1.0/day) 2024-02-01 – 2024-03-15 | 2 in 2 hours 2024-03-15 | no rate ratio: only 2 hours after (at least 14 days each side are needed) |',
    );
    expect(md).toContain(
      '| 2024-03-15 20:00 | Arrest | 2 in 2 hours 2024-03-15 | 15 in 14.2 days (1.1/day) 2024-03-15 – 2024-03-29 | no rate ratio: only 2 hours before (at least 14 days each side are needed) |',
    );
  });

  it('gives it in hours in the text report, counts on both sides', () => {
    const text = unwrap(out['text']!);
    expect(text).toContain(
      'Milestones  2024-03-15 18:00 Non-molestation order served: 45 contacts in 43.8 days before, 2 in 2 hours after; no rate ratio: only 2 hours after (at least 14 days each side are needed); 17 contacts from then on (possible breaches, for an officer to assess)',
    );
    expect(text).toContain(
      '2024-03-15 20:00 Arrest: 2 contacts in 2 hours before, 15 in 14.2 days after; no rate ratio: only 2 hours before (at least 14 days each side are needed); 15 contacts from then on',
    );
  });

  it('gives it in hours in the HTML comparison table, with no rate a day', () => {
    expect(out['html']).toContain(
      '<tr><th scope="row">After</th><td>15 March 2024</td><td class="num">2 hours</td><td class="num">2</td><td class="num">– (under a day)</td><td>another milestone</td></tr></tbody></table></div><p class="ratio">No rate ratio is given: only 2 hours after (at least 14 days each side are needed).</p>',
    );
    expect(out['html']).toContain(
      '<tr><th scope="row">Before</th><td>15 March 2024</td><td class="num">2 hours</td><td class="num">2</td><td class="num">– (under a day)</td><td>another milestone</td></tr>',
    );
  });

  it('shows "0.1 days" and "24 a day" in none of them', () => {
    for (const f of ['text', 'markdown', 'html']) {
      expect(out[f]).not.toMatch(/0\.1 days|0\.1 d\b|>0\.1<|24(\.0)?\/day|24(\.0)? (contacts )?a day|→ 24\b/);
    }
  });
});

describe('the latest rate against the first with no day that every export covers (mixed-case)', () => {
  const why =
    'no day of the window is covered by every export, so the first and the last days are covered by different exports and a rate ratio would compare what was exported, not what happened';
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/mixed-case']);
    out = renderAll(r);
  });

  it('is counts only in the JSON: no ratio, interval or p, and the exports that miss each side', () => {
    const e = r.escalation!;
    expect(e.coverage.fullyCovered).toBeNull();
    const h = e.headline.rateNowVsStart;
    // It was status 'ok', rate ratio 1.3 (95% CI 0.73–2.5), p = 0.39: 21 contacts in the days the email,
    // messenger and whatsapp exports cover against 28 in the days the call, sms, telegram… exports cover.
    expect(h).toMatchObject({
      days: 28,
      status: 'not-computable',
      reason: why,
      rateRatio: null,
      ci95: [null, null],
      p: null,
      overdispersed: null,
      adjustedForTrend: null,
    });
    expect([h.before.from, h.before.to, h.before.count, h.after.from, h.after.to, h.after.count]).toEqual([
      '2024-01-08',
      '2024-02-04',
      21,
      '2024-03-24',
      '2024-04-20',
      28,
    ]);
    expect(h.notCovered).toContainEqual(
      expect.objectContaining({
        side: 'before',
        channel: 'sms',
        text: 'sms exports start on 2 February 2024',
      }),
    );
    expect(h.notCovered).toContainEqual(
      expect.objectContaining({ side: 'after', channel: 'sms', text: 'sms exports end on 4 April 2024' }),
    );
    // No p-value, so none is counted among the tests of the multiple-testing note.
    expect(e.methods.map((m) => m.description).join('\n')).not.toContain('the latest rate against the first');
  });

  it('gives the counts and the reason in the text report', () => {
    // The dates' line follows, joined by `unwrap`: "first" and "last" mean the window's days here, not covered ones.
    const line = unwrap(out['text']!)
      .split('\n')
      .find((l) => l.startsWith('First/last'));
    expect(line).toBe(
      `First/last  counts only (first 21, last 28): ${why} first 28 days of the window 2024-01-08 → 2024-02-04, last 2024-03-24 → 2024-04-20`,
    );
    expect(line).not.toMatch(/RR|a day:|95% CI/);
  });

  it('gives the counts and the reason in Markdown, with no rate, ratio or p', () => {
    const md = unescaped(out['markdown']!);
    const lines = md.split('\n');
    const line = lines[lines.indexOf('### Latest rate against the first') + 2]!;
    expect(line).toMatch(
      new RegExp(
        `^Last 28 against first 28 days of the window: first 21 in 28 days 2024-01-08 – 2024-02-04; last 28 in 28 days 2024-03-24 – 2024-04-20; counts only: ${why} \\(before: .*sms exports start on 2 February 2024.*; after: .*sms exports end on 4 April 2024.*\\)\\.$`,
      ),
    );
    expect(line).not.toMatch(/rate ratio 1|95% CI|p = |\/day|Poisson/);
  });

  it('gives the counts and the reason in HTML, in the section and the summary figure', () => {
    const html = out['html']!;
    const start = html.indexOf('<section class="subsection" id="esc-now"');
    const section = html.slice(start, html.indexOf('</section>', start));
    expect(section).toContain('<p>The last 28 days of the window against the first 28 days.</p>');
    expect(section).toContain(
      '<tr><th scope="row">First 28 days</th><td>8 January 2024 – 4 February 2024</td><td class="num">28</td><td class="num">21</td><td>',
    );
    expect(section).toContain(`<p class="ratio">Counts only, no rates and no rate ratio: ${why}.</p>`);
    expect(section).not.toMatch(/Per day|Rate ratio after\/before|95% CI|p = /);
    expect(html).toContain(
      `<dt>Contacts, first → last 28 days</dt><dd><span class="big">21 → 28</span><span class="note">first 28 days of the window (8 January to 4 February 2024) against the last 28 days (24 March to 20 April 2024); counts only: ${why}</span>`,
    );
    expect(html).not.toContain('Contacts a day, first → last');
  });

  it('is said the same way in the findings', () => {
    expect(r.escalation!.findings).toContain(
      'The first and the last 28 days of the window had 21 and 28 contacts (8 January to 4 February 2024; 24 March to 20 April 2024); no rate ratio is given, as no day is covered by every export.',
    );
  });
});

/**
 * A milestone's comparison over the whole window ("coverage ignored") sets every window day before it against
 * every day after it. Where an export ends inside the window, the days after the milestone hold fewer exports
 * than the days before, and a rate ratio would show a fall that is only the export ending (a phone backup made
 * on 31 March, a WhatsApp chat exported a month later). It is then counts and days only, naming the export; with
 * every day covered it keeps its exact test, checked against R's poisson.test
 * (fixtures/stats-milestones/whole-window.ref.json, written by scripts/stats-goldens/whole-window.R).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escalationSection } from '../../../src/reports/markdown-escalation.js';
import { daily, input, kase, report } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: R's JSON, read field by field
const ref: any = JSON.parse(readFileSync('fixtures/stats-milestones/whole-window.ref.json', 'utf8'));

const rep = (n: number, v: number) => new Array<number>(n).fill(v);
const inputs = [input('case/sms-20240401.xml'), input('case/WhatsApp Chat with Sam.txt', 'whatsapp-txt')];
const milestones = [
  { date: '2024-02-15', label: 'Police warning', type: 'warning' as const },
  { date: '2024-03-20', label: 'Non-molestation order served', type: 'order' as const },
];

/**
 * Texts from the phone backup at 3 a day from 1 January and 4 a day from the order on 20 March, for its first
 * `smsDays` days (121: to 30 April; 91: to 31 March); WhatsApp messages at 2 a day from 1 January to 30 April 2024.
 */
function caseReport(smsDays: number) {
  const sms = daily('2024-01-01', [...rep(79, 3), ...rep(smsDays - 79, 4)], { channel: 'sms', input: 0 });
  const chat = daily('2024-01-01', rep(121, 2), { channel: 'whatsapp', input: 1 });
  return report([...sms, ...chat], kase({ milestones }), inputs);
}

const rel = (got: number | null, want: number, tol: number) => {
  expect(got).not.toBeNull();
  expect(Math.abs(got! - want)).toBeLessThanOrEqual(tol * Math.abs(want));
};

describe('milestone comparison over the whole window', () => {
  it('every day covered by both exports: the exact test over the whole window, as R poisson.test', () => {
    const e = caseReport(121).escalation!;
    expect(e.coverage.partialDays).toBe(0);
    const order = e.milestones[1]!;
    // Its own sides start at the warning…
    expect(order.before).toMatchObject({ from: '2024-02-15', to: '2024-03-19', days: 34, count: 170 });
    expect(order.after).toMatchObject({ from: '2024-03-20', to: '2024-04-30', days: 42, count: 252 });
    rel(order.rateRatio, ref.order_own_sides.rate_ratio, 1e-12);
    rel(order.ci95[0], ref.order_own_sides.ci[0], 1e-10);
    rel(order.ci95[1], ref.order_own_sides.ci[1], 1e-10);
    rel(order.p, ref.order_own_sides.p, 1e-9);
    // …and over the whole window at the window's first day.
    const w = order.wholeWindow!;
    expect(w.status).toBe('ok');
    expect(w.before).toMatchObject({ from: '2024-01-01', days: 79, count: 395 });
    expect(w.after).toMatchObject({ to: '2024-04-30', days: 42, count: 252 });
    rel(w.rateRatio, ref.order_whole_window.rate_ratio, 1e-12);
    rel(w.ci95[0], ref.order_whole_window.ci[0], 1e-10);
    rel(w.ci95[1], ref.order_whole_window.ci[1], 1e-10);
    rel(w.p, ref.order_whole_window.p, 1e-9);
  });

  it('the phone backup ends on 31 March: counts only over the whole window, naming the export', () => {
    const r = caseReport(91);
    const e = r.escalation!;
    expect(e.coverage.fullyCovered).toEqual({ from: '2024-01-01', to: '2024-03-31', days: 91 });
    const order = e.milestones[1]!;
    // Its own sides stop where the backup ends: 12 days after it, below the minimum.
    expect(order.status).toBe('below-minimum');
    const w = order.wholeWindow!;
    // 5 a day before and 6 a day while both exports run: the "fall" to 132 in 42 days is the backup ending.
    expect(w.before).toMatchObject({ days: 79, count: 395 });
    expect(w.after).toMatchObject({ days: 42, count: 12 * 6 + 30 * 2 });
    expect(w).toMatchObject({ status: 'not-computable', rateRatio: null, ci95: [null, null], p: null });
    expect(w.overdispersed).toBeNull();
    expect(w.adjustedForTrend).toBeNull();
    expect(w.reason).toBe(
      'not every export covers the whole window (after it: sms), so a rate ratio over it would compare what was exported, not what happened',
    );
    // The Markdown's whole-window column gives no ratio or p for either milestone (it read "0.63 (95% CI
    // 0.51–0.77), p < 0.001" for the order: a fall, where the texts rose from 3 to 4 a day).
    const md = escalationSection(r);
    for (const label of ['Police warning', 'Non-molestation order served']) {
      const row = md.filter((l) => l.includes(` ${label} |`));
      expect(row).toHaveLength(1);
      const cells = row[0]!.split(' | ');
      expect(cells.at(-1)).toBe(
        'no rate ratio: not every export covers the whole window \\(after it: sms\\), so a rate ratio over it would compare what was exported, not what happened |',
      );
    }
    // The milestone's possible breaches still count every contact from it onwards.
    expect(order.incidentsAfter.count).toBe(132);
  });
});

describe('the multiple-testing note counts the whole-window p-values the reports print', () => {
  const several = (e: NonNullable<ReturnType<typeof caseReport>['escalation']>) =>
    e.methods.find((m) => m.name === 'Several tests in one report')!.description;

  it('two milestones, every day covered: each whole-window comparison is a test of its own', () => {
    const e = caseReport(121).escalation!;
    expect(e.milestones.map((m) => [m.status, m.wholeWindow?.status])).toEqual([
      ['ok', 'ok'],
      ['ok', 'ok'],
    ]);
    // The Markdown prints both p-values of each milestone: its own and the whole window's.
    const md = escalationSection(caseReport(121)).filter((l) => l.includes('Non-molestation order served |'));
    expect(md[0]).toContain('p = 0.070');
    expect(md[0]).toContain('p = 0.026');
    expect(several(e)).toBe(
      'This report gives 8 p-values: the latest rate against the first, the milestone “Police warning”, the milestone “Police warning” over the whole window, the milestone “Non-molestation order served”, the milestone “Non-molestation order served” over the whole window, the Poisson trend, the Mann–Kendall test and the trend in the gaps. Each answers its own question, fixed in advance (not chosen by searching the data for the largest change); none is adjusted for the others.',
    );
  });

  it('one milestone and no other boundary: the whole window is its own comparison, counted once', () => {
    const sms = daily('2024-01-01', rep(121, 3), { channel: 'sms', input: 0 });
    const chat = daily('2024-01-01', rep(121, 2), { channel: 'whatsapp', input: 1 });
    const e = report([...sms, ...chat], kase({ milestones: [milestones[1]!] }), inputs).escalation!;
    const m = e.milestones[0]!;
    expect(e.changePoints).toEqual([]);
    expect(m.wholeWindow).toMatchObject({ before: m.before, after: m.after, p: m.p });
    expect(several(e)).toMatch(
      /^This report gives 5 p-values: the latest rate against the first, the milestone “Non-molestation order served”, the Poisson trend,/,
    );
  });

  it('the whole window counts only (an export ends inside it): no p-value, none counted', () => {
    const e = caseReport(91).escalation!;
    expect(several(e)).not.toContain('over the whole window');
    expect(e.methods.find((m) => m.name.startsWith('Before and after'))!.description).toContain(
      "A milestone's comparison is also given over the whole window, with no boundary but the window's, for comparison only: as counts and days alone when not every export covers the window's days.",
    );
  });
});

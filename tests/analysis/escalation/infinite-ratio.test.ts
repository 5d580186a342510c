/**
 * No contact before a milestone: the rate ratio is infinite and its interval has a lower bound only. When that
 * bound is at most 1 the interval includes "no change": the sentence gives the two rates without "rose", with how
 * few contacts they rest on, and says the data cannot tell the difference from no change, as for a finite ratio. Expected figures from R's poisson.test
 * (fixtures/stats-milestones/infinite-ratio.ref.json, written by scripts/stats-goldens/infinite-ratio.R).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse, ev, kase } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: R's JSON, read field by field
const ref: any = JSON.parse(readFileSync('fixtures/stats-milestones/infinite-ratio.ref.json', 'utf8'));

const milestone = { date: '2024-01-30', label: 'Released from custody', type: 'other' as const };

/** The victim's messages on the window's first and last days (so the export covers all 59), and `n` contacts
 *  from the subject spread over the 30 days from the milestone. */
function analyseAfter(n: number) {
  const own = ['2024-01-01', '2024-02-28'].map((d) =>
    ev({ at: `${d}T08:00:00Z`, incident: false, role: 'victim' }),
  );
  const start = Date.parse('2024-01-30T21:00:00Z');
  const contacts = Array.from({ length: n }, (_, k) =>
    ev({ at: new Date(start + Math.floor((k * 30) / n) * 86_400_000 + k * 60_000).toISOString() }),
  );
  const e = analyse([...own, ...contacts], kase({ milestones: [milestone] }));
  const m = e.milestones[0]!;
  const sentence = e.findings.find((f) => f.startsWith('After the milestone “Released from custody”'));
  return { m, sentence: sentence ?? e.findings.join('\n') };
}

const rel = (got: number | null, want: number, tol: number) => {
  expect(got).not.toBeNull();
  expect(Math.abs(got! - want)).toBeLessThanOrEqual(tol * Math.abs(want));
};

describe('infinite rate ratio after a milestone', () => {
  it('5 contacts after, none before: lower bound 0.89, so no "rose", and the data cannot tell it from no change', () => {
    const { m, sentence } = analyseAfter(5);
    expect(m.before).toMatchObject({ days: ref.few.T_before, count: 0 });
    expect(m.after).toMatchObject({ days: ref.few.T_after, count: ref.few.x_after });
    expect(m.rateRatio).toBeNull();
    rel(m.ci95[0], ref.few.ci[0], 1e-10);
    expect(m.ci95[1]).toBeNull();
    rel(m.p, ref.few.p, 1e-9);
    expect(sentence).toBe(
      'After the milestone “Released from custody” on 30 January 2024 the rate was 0.17 contacts a day from 30 January to 28 February 2024, against 0 a day from 1 to 29 January 2024 (the rate ratio is infinite, 95% CI at least 0.89; exact conditional Poisson test p = 0.063; based on 0 contacts before and 5 after; the interval includes 1, so the data cannot tell this difference from no change).',
    );
  });

  it('20 contacts after, none before: lower bound 4.8, so the rate rose, with no such note', () => {
    const { m, sentence } = analyseAfter(20);
    rel(m.ci95[0], ref.many.ci[0], 1e-10);
    expect(m.ci95[1]).toBeNull();
    rel(m.p, ref.many.p, 1e-9);
    expect(sentence).toContain('the rate rose: 0.67 contacts a day');
    // No contact before: a side with fewer than 10, so the counts are said.
    expect(sentence).toContain(
      '(the rate ratio is infinite, 95% CI at least 4.8; exact conditional Poisson test p < 0.001; based on 0 contacts before and 20 after)',
    );
    expect(sentence).not.toContain('no change');
  });
});

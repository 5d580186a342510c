/**
 * Wording a statistician found wrong in the escalation report, on realistic cases:
 * - the interval "allowing for overdispersion" is given only where it widens the exact one: the quasi-Poisson step
 *   model's Wald interval can be narrower than the exact interval when its φ̂ is close to 1
 *   (fixtures/overdispersion-interval);
 * - a window taken from the records that is the incidents' own span (any diary alone) is said to be so, with what it
 *   does to the rate, and the findings name both ends of it (fixtures/window-incident-span);
 * - Sen's slope on counts that are the same every week says so, and the gaps' trend is called the rate's change
 *   "seen another way" only when the test found one (fixtures/steady-counts, fixtures/findings-neutral/falling).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allowingForOverdispersion } from '../../src/model/escalation-words.js';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

/** The report of one case folder, its findings, its methods by name and its text in every format. */
async function caseOf(dir: string): Promise<{
  r: Report;
  out: Record<string, string>;
  findings: string[];
  method: (name: string) => string;
}> {
  const r = await reportOf([dir]);
  const methods = r.escalation!.methods;
  return {
    r,
    out: renderAll(r),
    findings: r.escalation!.findings,
    method: (name) => methods.find((m) => m.name === name)!.description,
  };
}

type Case = Awaited<ReturnType<typeof caseOf>>;

/** The one line of the text report that starts with `label`. */
const lineOf = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label)) ?? '';

const MILESTONE_METHOD = 'Before and after a milestone or the first request to stop';

describe('the interval allowing for overdispersion', () => {
  describe('a quasi-Poisson interval inside the exact one, φ̂ 1.008 (overdispersion-interval/inside)', () => {
    let c: Case;
    beforeAll(async () => {
      c = await caseOf('fixtures/overdispersion-interval/inside');
    });

    it('is narrower than the exact interval at both ends in the JSON, which keeps both', () => {
      const m = c.r.escalation!.milestones[0]!;
      const q = m.overdispersed!;
      expect(q.phi).toBeGreaterThan(1);
      expect(q.phi).toBeLessThan(1.01);
      expect(q.ci95[0]!).toBeGreaterThan(m.ci95[0]!);
      expect(q.ci95[1]!).toBeLessThan(m.ci95[1]!);
      expect(allowingForOverdispersion(m)).toEqual({ kind: 'inside', phi: q.phi });
      // The JSON says which figures the reports give, so a script need not work it out.
      expect(q.shownAs).toBe('inside');
    });

    it('is said in the findings to be no wider, with no figures of its own', () => {
      const NO_WIDER =
        'allowing for overdispersion, the interval is no wider, as the quasi-Poisson one lies inside it';
      expect(c.findings).toContain(
        `After the milestone “Police warning issued” on 29 March 2024 the rate rose: 3.1 contacts a day from 29 March to 25 April 2024, against 1.6 a day from 1 to 28 March 2024 (rate ratio 2.0, 95% CI 1.4–2.9; exact conditional Poisson test p < 0.001; ${NO_WIDER}).`,
      );
      expect(c.findings.join('\n')).toContain(`Latest rate against the first: 3.1 contacts a day`);
      expect(c.findings.filter((f) => f.includes(NO_WIDER))).toHaveLength(2);
    });

    it('is said to be no wider in the text, Markdown and HTML reports alike', () => {
      const words =
        'allowing for overdispersion no wider than the exact interval, as the quasi-Poisson interval lies inside it';
      expect(lineOf(c.out['text']!, 'Milestones')).toBe(
        `Milestones  2024-03-29 Police warning issued: 1.6 → 3.1 a day (44 in 28 d, 88 in 28 d); RR 2.0 (95% CI 1.4–2.9, p < 0.001; ${words})  [exact conditional Poisson test]; 88 contacts from then on`,
      );
      expect(c.out['text']).not.toContain('quasi 95% CI');
      expect(c.out['markdown']).toContain(
        '| 2.0 (95% CI 1.4–2.9) | p < 0.001 | no wider than the exact interval, as the quasi-Poisson interval lies inside it (quasi-Poisson step model, φ̂ = 1.01 from the daily counts of the days compared) |',
      );
      expect(c.out['html']).toContain(
        'Rate ratio, after ÷ before, <strong>2.0</strong> (95% CI 1.4–2.9; exact conditional Poisson test, p &#60; 0.001). Allowing for overdispersion (quasi-Poisson step model, φ̂ = 1.01 from the daily counts of the days compared): no wider than the exact interval, as the quasi-Poisson interval lies inside it.',
      );
      expect(c.out['html']).toContain(
        `rate ratio 2.0 (95% confidence interval (CI) 1.4–2.9, exact test p &#60; 0.001; ${words})`,
      );
      // No format gives the narrower interval as the one allowing for overdispersion.
      for (const id of ['text', 'markdown', 'html'])
        expect(c.out[id]).not.toMatch(/allowing for overdispersion,? 95% CI/i);
    });

    it('states the rule in the methods', () => {
      expect(c.method(MILESTONE_METHOD)).toContain(
        "When the daily counts of the days compared are overdispersed (the step model's φ̂ > 1), the quasi-Poisson step model, fitted to the whole days of the two sides (a day that a time cuts is left out of it), is shown beside the test as the interval allowing for overdispersion, but only where it widens the exact interval: its interval is a Wald interval, which beside an exact one can be narrower when φ̂ is close to 1. Where it is narrower at one end, the wider limit of the two intervals at each end is given, with the larger of the two p-values; where it lies inside the exact interval, it is said to be no wider and no figures are given; where its whole days on one side have no contacts, it has no estimate and is said to be not computable. Given as it is, it keeps the model's own p;",
      );
      expect(c.out['markdown']).toContain(
        'Allowing for overdispersion: the quasi-Poisson step interval when the counts are overdispersed, or the wider limit of it and the exact interval at each end where it is narrower at one (see Methods).',
      );
    });
  });

  describe('a quasi-Poisson interval wider at the lower end only, φ̂ 1.12 (overdispersion-interval/one-end)', () => {
    let c: Case;
    beforeAll(async () => {
      c = await caseOf('fixtures/overdispersion-interval/one-end');
    });

    it('takes the wider limit at each end: the quasi-Poisson lower limit and the exact upper one', () => {
      const m = c.r.escalation!.milestones[0]!;
      const q = m.overdispersed!;
      expect(q.ci95[0]!).toBeLessThan(m.ci95[0]!);
      expect(q.ci95[1]!).toBeLessThan(m.ci95[1]!);
      expect(allowingForOverdispersion(m)).toEqual({
        kind: 'hull',
        phi: q.phi,
        ci95: [q.ci95[0], m.ci95[1]],
        p: Math.max(m.p!, q.p!),
      });
      expect(q.shownAs).toBe('hull');
    });

    it('says so in the findings and in every report', () => {
      expect(c.findings).toContain(
        'After the milestone “Police warning issued” on 29 March 2024 the rate rose: 3.4 contacts a day from 29 March to 25 April 2024, against 1.3 a day from 1 to 28 March 2024 (rate ratio 2.6, 95% CI 1.8–3.9; exact conditional Poisson test p < 0.001; allowing for overdispersion, 95% CI 1.7–3.9, taking the wider limit at each end of the exact interval and the quasi-Poisson one).',
      );
      expect(lineOf(c.out['text']!, 'Milestones')).toContain(
        'RR 2.6 (95% CI 1.8–3.9, p < 0.001; allowing for overdispersion 95% CI 1.7–3.9, p < 0.001, the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p)  [exact conditional Poisson test]',
      );
      expect(c.out['markdown']).toContain(
        '| 95% CI 1.7–3.9, p < 0.001 (the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p; quasi-Poisson step model, φ̂ = 1.1 from the daily counts of the days compared) |',
      );
      expect(c.out['html']).toContain(
        'Allowing for overdispersion (the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p; quasi-Poisson step model, φ̂ = 1.1 from the daily counts of the days compared): 95% CI 1.7–3.9, p &#60; 0.001.',
      );
      expect(c.out['html']).toContain(
        'allowing for overdispersion 95% CI 1.7–3.9, p &#60; 0.001, the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p)',
      );
    });
  });

  describe('a quasi-Poisson interval wider at both ends, φ̂ 1.17 (overdispersion-interval/wider)', () => {
    let c: Case;
    beforeAll(async () => {
      c = await caseOf('fixtures/overdispersion-interval/wider');
    });

    it('gives it as it is, as the quasi-Poisson step model', () => {
      const m = c.r.escalation!.milestones[0]!;
      const q = m.overdispersed!;
      expect(q.ci95[0]!).toBeLessThan(m.ci95[0]!);
      expect(q.ci95[1]!).toBeGreaterThan(m.ci95[1]!);
      expect(allowingForOverdispersion(m)).toMatchObject({ kind: 'quasi', ci95: q.ci95 });
      expect(q.shownAs).toBe('quasi');
      expect(c.findings).toContain(
        'After the milestone “Police warning issued” on 29 March 2024 the rate rose: 3.6 contacts a day from 29 March to 25 April 2024, against 1.5 a day from 1 to 28 March 2024 (rate ratio 2.4, 95% CI 1.6–3.5; exact conditional Poisson test p < 0.001; allowing for overdispersion, 95% CI 1.61–3.52 against the exact 1.64–3.50 to as many digits).',
      );
      expect(lineOf(c.out['text']!, 'Milestones')).toContain(
        'RR 2.4 (95% CI 1.6–3.5, p < 0.001; quasi 95% CI 1.61–3.52 against the exact 1.64–3.50 to as many digits, p < 0.001)',
      );
      expect(c.out['html']).toContain(
        'Allowing for overdispersion (quasi-Poisson step model, φ̂ = 1.2 from the daily counts of the days compared): 95% CI 1.61–3.52 against the exact 1.64–3.50 to as many digits, p &#60; 0.001.',
      );
      for (const id of ['text', 'markdown', 'html'])
        expect(c.out[id]).not.toContain('the wider limit at each end');
    });
  });
});

describe('a window taken from the records', () => {
  const SPAN =
    "no record falls on a day before the first incident or after the last, so the window is the incidents' own span: the rate may be inflated and trend tests biased upward; give the period covered with --from/--to or the case file's window";

  describe('a two-day diary with no window (window-incident-span/diary-only)', () => {
    let c: Case;
    beforeAll(async () => {
      c = await caseOf('fixtures/window-incident-span/diary-only');
    });

    it('says in the methods that the window is the incidents’ own span, not that it is not theirs', () => {
      expect(c.r.escalation!.window).toMatchObject({
        source: 'events',
        from: '2024-02-14',
        to: '2024-02-15',
      });
      const d = c.method('Unit of count and window');
      expect(d).toContain(
        `The window runs from 2024-02-14 to 2024-02-15 (the first to the last day of any record in the inputs; here ${SPAN}); every day in it counts, zero days included.`,
      );
      expect(d).not.toContain('not of the incidents');
    });

    it('says the same beside the window in the Markdown, HTML and text reports', () => {
      const said = `No record falls on a day before the first incident or after the last, so the window is the incidents' own span`;
      expect(c.out['markdown']).toContain(
        `The window is 2024-02-14 – 2024-02-15 (2 days, the first to the last day of any record). ${said}: the rate may be inflated`,
      );
      expect(c.out['html']).toContain(
        `the first to the last day of any record). ${said.replace("'", '&#39;')}: the rate`,
      );
      expect(c.out['text']).toContain(`\n            ${said}: the rate may be inflated`);
    });

    it('names both ends of the window in the first finding', () => {
      expect(c.findings[0]).toBe(
        'From 14 to 15 February 2024 (2 days; dates and times in Europe/London) there were 5 contacts attributed to Sam Carter, 2.5 contacts a day on average (95% CI 0.81–5.8), with contact on 2 of the 2 days.',
      );
    });
  });

  describe('a one-day diary with no window (window-incident-span/one-day)', () => {
    let c: Case;
    beforeAll(async () => {
      c = await caseOf('fixtures/window-incident-span/one-day');
    });

    it('says "On 14 February 2024", not "From 14 February 2024 (1 day"', () => {
      expect(c.findings[0]).toBe(
        'On 14 February 2024 (dates and times in Europe/London) there were 3 contacts attributed to Sam Carter, 3.0 contacts a day on average (95% CI 0.62–8.8), with contact on that day.',
      );
      expect(c.findings.join('\n')).not.toMatch(/From 14 February 2024/);
      expect(c.method('Unit of count and window')).toContain(`here ${SPAN}`);
    });
  });

  describe('a chat whose records run beyond the incidents (window-incident-span/chat-runs-longer)', () => {
    let c: Case;
    beforeAll(async () => {
      c = await caseOf('fixtures/window-incident-span/chat-runs-longer');
    });

    it('says the window is the span of the records, not of the incidents, and nothing more', () => {
      expect(c.r.escalation!.window).toMatchObject({
        source: 'events',
        from: '2024-02-10',
        to: '2024-02-18',
      });
      expect(c.method('Unit of count and window')).toContain(
        '(the first to the last day of any record in the inputs, not of the incidents)',
      );
      for (const id of ['text', 'markdown', 'html']) expect(c.out[id]).not.toMatch(/own span/);
      expect(c.findings[0]).toMatch(
        /^From 10 to 18 February 2024 \(9 days; dates and times in Europe\/London\) /,
      );
    });
  });
});

describe('two contacts every day for twelve weeks (steady-counts/two-a-day)', () => {
  let c: Case;
  beforeAll(async () => {
    c = await caseOf('fixtures/steady-counts/two-a-day');
  });

  it('says the counts are the same every week, not that the slope is 0 "only because" of ties', () => {
    const mk = c.r.escalation!.trend.mannKendall;
    expect([mk.series, mk.senSlope, mk.shareZeroPairSlopes]).toEqual(['weekly', 0, 1]);
    expect(c.findings).toContain(
      "A second test, which assumes no particular shape of trend, finds a slope of 0: the counts are the same every week (Mann–Kendall test on the weekly counts: S = 0, p = 1.0; Sen's slope).",
    );
    expect(c.out['markdown']).toContain("| Sen's slope | 0: the counts are the same every week |");
    expect(c.out['html']).toContain('Sen’s slope 0: the counts are the same every week.');
    expect(lineOf(c.out['text']!, '            Mann–Kendall')).toContain(
      "Sen's slope 0: the counts are the same every week",
    );
    for (const id of ['text', 'markdown', 'html']) expect(c.out[id]).not.toContain('only because');
  });

  it('does not call a gap sequence without a trend the rate change seen another way', () => {
    expect(c.r.escalation!.gaps.trend.shrinking).toBeNull();
    expect(c.findings).toContain(
      'The median gap between contact episodes was 12 hours in March 2024 and 12 hours in May 2024; the gaps show no clear monotone trend (Mann–Kendall test on the sequence of gaps: S = -76, p = 0.92).',
    );
    for (const id of ['text', 'markdown', 'html']) expect(c.out[id]).not.toContain('seen another way');
  });
});

describe('messages falling over 90 days, gaps lengthening (findings-neutral/falling)', () => {
  let c: Case;
  beforeAll(async () => {
    c = await caseOf('fixtures/findings-neutral/falling');
  });

  it('calls lengthening gaps a falling rate seen another way, in the findings and the reports', () => {
    expect(c.r.escalation!.gaps.trend.shrinking).toBe(false);
    expect(c.findings).toContain(
      'The median gap between contact episodes was 3.0 hours in January 2024 and 37 hours in April 2024; the gaps lengthened over time: this is a falling rate seen another way, not separate evidence (Mann–Kendall test on the sequence of gaps: S = 4166, p < 0.001).',
    );
    expect(c.out['markdown']).toContain(
      'lengthening \\(this is a falling rate seen another way, not separate evidence\\)',
    );
    expect(c.out['html']).toContain(
      'lengthening (this is a falling rate seen another way, not separate evidence)',
    );
  });
});

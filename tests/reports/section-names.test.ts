/**
 * The Markdown and HTML reports give each part of the change-over-time analysis (the JSON's `escalation`) the same,
 * neutral name, and word the same figures alike: φ̂ and "scaled for overdispersion" only when the analysis scaled,
 * a chance caveat beside a trend whose interval includes 1, the contacts after an order as possible breaches for an
 * officer to assess, and the latest rate against the first as a ratio of last ÷ first.
 */
import { describe, expect, it } from 'vitest';
import { TREND_COULD_BE_CHANCE } from '../../src/model/escalation-words.js';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { daily, kase, report } from '../analysis/escalation/helpers.js';
import { renderAs } from '../helpers/report.js';

const rep = (n: number, v: number) => new Array<number>(n).fill(v);

/** 45 days of 3 contacts then 45 of 1 (counts less varied than chance: φ̂ < 1), an order served in the middle. */
function falling(): Report {
  const c = kase({ milestones: [{ date: '2024-02-15', label: 'Order served', type: 'order' }] });
  return ReportSchema.parse(report(daily('2024-01-01', [...rep(45, 3), ...rep(45, 1)]), c));
}

/** The page's text between tags, one space between words, entities read. */
function pageText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#60;/g, '<')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const NAMES = [
  'Change over time',
  'Window and coverage',
  'Rate of contact',
  'Latest rate against the first',
  'Trend and estimated change points',
  'Before and after the milestones',
  'Requests to stop',
  'Month by month',
  'Identifiers over time',
  'Bursts',
  'Words in the messages',
  'S-DASH evidence sheet',
  'Statistical methods and their limits',
];

describe('section names', () => {
  const r = falling();
  const md = renderAs('markdown', r);
  const html = renderAs('html', r);

  it('are the same in the Markdown and the HTML report', () => {
    const mdHeadings = md
      .split('\n')
      .filter((l) => /^#{2,4} /.test(l))
      .map((l) => l.replace(/^#+ /, ''));
    const htmlHeadings = [
      ...html.matchAll(/<h[23][^>]*>(?:<span class="num">\d+<\/span>)?([^<]+)<\/h[23]>/g),
    ].map((m) => m[1]);
    for (const name of NAMES) {
      expect(mdHeadings, name).toContain(name);
      expect(htmlHeadings, name).toContain(name);
    }
    // The trend's two parts, under the heading both reports share.
    expect(md).toContain('### Trend and estimated change points\n\n#### Trend\n');
    expect(md).toContain('#### Estimated change points\n');
  });

  it('are neutral: no "Escalation" heading, whichever way the rate went', () => {
    expect(r.escalation!.trend.poisson.rateRatioPer30Days!).toBeLessThan(1);
    expect(md).not.toMatch(/^#+ .*Escalation/m);
    expect(html).not.toMatch(/>Escalation</);
    expect(html).toContain('<li><a href="#change-over-time">Change over time</a></li>');
  });

  it('call the contacts after an order possible breaches, for an officer to assess, in both reports', () => {
    expect(md).toContain(
      '**Contacts after the order “Order served” (possible breaches, for an officer to assess)** (from 2024-02-15): 45 contacts',
    );
    expect(html).toContain(
      'Contacts after the order (possible breaches, for an officer to assess): <strong>45 contacts</strong> from then on',
    );
    // The summary's milestone table.
    expect(html).toContain(
      '45 <span class="muted">(after the order: possible breaches, for an officer to assess)</span>',
    );
    for (const out of [md, html]) expect(out).not.toMatch(/Breach window|order: possible breaches\)/);
  });

  it('name the latest rate against the first as last ÷ first, and a milestone’s as after ÷ before', () => {
    const now = /<section class="subsection" id="esc-now"[\s\S]*?<\/section>/.exec(html)![0];
    expect(now).toContain('Rate ratio, last ÷ first, <strong>');
    const section = html.slice(html.indexOf('id="change-over-time"'), html.indexOf('id="sdash"'));
    expect(section).toContain('Rate ratio, after ÷ before, <strong>');
    expect(section).not.toContain('after/before');
    expect(md).toMatch(
      /### Latest rate against the first\n\nLast 28 against first 28 days, .*; rate ratio, last ÷ first, /,
    );
  });
});

describe('overdispersion and chance beside the trend', () => {
  it('says the standard error is not scaled when φ̂ ≤ 1, in both reports', () => {
    const r = falling();
    const d = r.escalation!.dispersion;
    expect(d.phi!).toBeLessThan(1);
    expect(d.overdispersed).toBe(false);
    const md = renderAs('markdown', r);
    const page = pageText(renderAs('html', r));
    expect(md).toContain(`| Dispersion | index ${d.index!.toPrecision(2)}; φ̂ ${d.phi!.toPrecision(2)} |`);
    expect(md).toContain('| Poisson regression on time, SE not scaled (no overdispersion) |');
    expect(md).not.toContain('(overdispersed)');
    expect(page).toContain(
      `φ̂ = ${d.phi!.toPrecision(2)}, no overdispersion, so the standard error is not scaled`,
    );
    expect(page).not.toContain('scaled for overdispersion');
  });

  it('says it is scaled, with a φ̂ that shows it above 1, only when the analysis found the counts overdispersed', () => {
    const r = falling();
    const e = r.escalation!;
    // φ̂ = 1.02, just above 1: "φ̂ 1.0 (overdispersed)" would contradict itself.
    e.dispersion.phi = 1.02;
    e.dispersion.overdispersed = true;
    e.trend.poisson.dispersion = 1.02;
    const md = renderAs('markdown', r);
    const page = pageText(renderAs('html', r));
    // Scaled, but only just above 1: said to be close to 1, as the findings say (not "overdispersed").
    expect(md).toContain('φ̂ 1.02 (close to 1; intervals widened by √φ̂ all the same) |');
    expect(md).toContain('| Poisson regression on time, SE scaled by √φ̂ for overdispersion |');
    expect(page).toContain('standard error scaled for overdispersion, φ̂ = 1.02)');
    expect(page).toContain(
      'Pearson φ̂ 1.02: close to the 1 of independent contacts; model intervals are widened by √φ̂ all the same.',
    );
    // Clearly above 1 and beyond chance (the Pearson χ² test): overdispersed in both.
    e.dispersion.phi = 1.5;
    e.dispersion.pPearson = 0.0004;
    e.trend.poisson.dispersion = 1.5;
    expect(renderAs('markdown', r)).toContain('φ̂ 1.5 (overdispersed) |');
    expect(pageText(renderAs('html', r))).toContain(
      'Pearson φ̂ 1.5: the counts vary more than a steady trend with independent contacts allows (clusters, or steps in the rate), so model intervals are widened.',
    );
    // Above 1 as printed, but within what chance gives (few days): not called overdispersed in either.
    e.dispersion.pPearson = 0.3;
    const within = renderAs('markdown', r);
    expect(within).toContain('φ̂ 1.5 (within chance of 1; intervals widened by √φ̂ all the same) |');
    expect(within).not.toContain('(overdispersed)');
    expect(pageText(renderAs('html', r))).toContain(
      'Pearson φ̂ 1.5: within what chance gives independent contacts; model intervals are widened by √φ̂ all the same.',
    );
  });

  it('says the trend could be chance when its interval includes 1, and only then', () => {
    const r = falling();
    const p = r.escalation!.trend.poisson;
    const [lo, hi] = p.ci95;
    expect(hi!).toBeLessThan(1);
    const before = { md: renderAs('markdown', r), html: pageText(renderAs('html', r)) };
    expect(before.md).not.toContain(TREND_COULD_BE_CHANCE);
    expect(before.html).not.toContain('so the data cannot tell this trend from no change');
    p.rateRatioPer30Days = 0.97;
    p.ci95 = [lo!, 1.08];
    const md = renderAs('markdown', r);
    const page = pageText(renderAs('html', r));
    expect(md).toMatch(
      new RegExp(
        `\\| Rate ratio per 30 days \\| 0\\.97 \\(95% CI [^)]+–1\\.08\\), p [^|]+; ${TREND_COULD_BE_CHANCE} \\|`,
      ),
    );
    expect(page).toContain('The interval includes 1, so the data cannot tell this trend from no change.');
  });
});

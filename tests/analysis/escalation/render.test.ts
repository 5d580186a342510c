/** The text and Markdown escalation sections: same numbers as the JSON, hostile text inert, empty cases. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatCi, formatDateRange, formatP, ReportSchema, sig2 } from '../../../src/model/index.js';
import { markdown } from '../../../src/reports/markdown.js';
import { escalationSection } from '../../../src/reports/markdown-escalation.js';
import { text } from '../../../src/reports/text.js';
import { escalationText } from '../../../src/reports/text-escalation.js';
import { daily, ev, kase, report } from './helpers.js';

const chalk = new Chalk({ level: 0 });
const rep = (n: number, v: number) => new Array<number>(n).fill(v);

describe('number wording', () => {
  it('writes rates and ratios to two significant digits, p-values as the presentation rules say', () => {
    expect([sig2(1.4285), sig2(0.0423), sig2(25.4), sig2(3), sig2(1234.5), sig2(null), sig2(0)]).toEqual([
      '1.4',
      '0.042',
      '25',
      '3.0',
      '1,235',
      '–',
      '0',
    ]);
    expect([formatP(2.4e-58), formatP(0.0009999), formatP(0.0873), formatP(1), formatP(null)]).toEqual([
      'p < 0.001',
      'p < 0.001',
      'p = 0.087',
      'p = 1.0',
      'p not computable',
    ]);
    expect(formatCi([1.46, 1.69])).toBe('95% CI 1.5–1.7');
    expect(formatCi([2.8, null])).toBe('95% CI at least 2.8');
    expect(formatDateRange('2024-04-02', '2024-05-19')).toBe('2 April to 19 May 2024');
    expect(formatDateRange('2024-06-01', '2024-06-30')).toBe('1–30 June 2024');
    expect(formatDateRange('2023-12-30', '2024-01-02')).toBe('30 December 2023 to 2 January 2024');
  });
});

describe('rendered sections', () => {
  const c = kase({
    milestones: [{ date: '2024-02-15', label: 'Warning <b>[x](http://evil.example)</b>', type: 'warning' }],
  });
  const hostile =
    '\u001b[31mI know where you live\u001b[0m <img src=x onerror=alert(1)> [click](http://evil.example) |';
  const r = ReportSchema.parse(
    report(
      [
        ...daily('2024-01-01', [...rep(45, 1), ...rep(45, 3)]),
        ev({ at: '2024-03-01T22:00:00Z', text: hostile }),
      ],
      c,
    ),
  );
  const e = r.escalation!;
  const md = escalationSection(r).join('\n');
  const tx = escalationText(r, { chalk, width: 90 }).join('\n');

  it('Markdown has every section with the JSON figures', () => {
    for (const h of [
      '## Change over time',
      '### Findings',
      '### Window and coverage',
      '### Rate of contact',
      '### Latest rate against the first',
      '### Trend and estimated change points',
      '#### Trend',
      '#### Estimated change points',
      '### Before and after the milestones',
      '### Requests to stop',
      '### Month by month',
      '### Identifiers over time',
      '### Bursts',
      '### Words in the messages',
      '### S-DASH evidence sheet',
      '### Statistical methods and their limits',
    ])
      expect(md).toContain(h);
    // The names the HTML report gives the same parts, in its order (html/sections/escalation/index.ts).
    const headings = md.split('\n').filter((l) => /^#{2,4} /.test(l));
    expect(headings).toEqual([
      '## Change over time',
      '### Findings',
      '### Window and coverage',
      '### Rate of contact',
      '### Latest rate against the first',
      '### Trend and estimated change points',
      '#### Trend',
      '#### Estimated change points',
      '### Before and after the milestones',
      '### Requests to stop',
      '### Month by month',
      '#### Weeks',
      '### Identifiers over time',
      '### Bursts',
      '### Words in the messages',
      '### S-DASH evidence sheet',
      '### Statistical methods and their limits',
    ]);
    expect(md).not.toMatch(/Escalation|Breach window|What the messages say|Methods and caveats/);
    const m = e.milestones[0]!;
    expect(md).toContain(`${sig2(m.rateRatio)} (${formatCi(m.ci95)})`);
    expect(md).toContain(formatP(m.p));
    expect(md).toContain(`| ${sig2(e.rate.perDay)} (${formatCi(e.rate.ci95)}) |`);
    expect(md).toContain(
      `${sig2(e.trend.poisson.rateRatioPer30Days)} (${formatCi(e.trend.poisson.ci95)}), ${formatP(e.trend.poisson.p)}`,
    );
  });

  it('the terminal section names the method beside each figure', () => {
    expect(tx).toContain('[exact Poisson interval]');
    // φ̂ = 0.16 here: the SE is not scaled (√max(1, φ̂) = 1), so the line does not say it is.
    expect(tx).toContain('[Poisson regression, φ̂ = 0.16]');
    expect(tx).toContain('dates estimated]');
    expect(tx).toMatch(
      /Findings {4}\d+ in plain language, each with its method and figures in brackets at its end; what each method means and its limits/,
    );
  });

  it('keeps message text and labels inert', () => {
    // Only escaped forms: no raw ESC, no unescaped tag or link.
    expect(md).not.toMatch(/\u001b|(?<!\\)<img|(?<!\\)\]\(http/);
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    // The colon before // escaped too: GitHub-flavoured renderers would make a bare address a link.
    expect(md).toContain('\\[click\\]\\(http\\://evil.example\\) \\|');
    expect(tx).not.toMatch(/\u001b/);
    expect(e.content.categories.find((x) => x.id === 'surveillance')!.examples[0]!.text).toBe(
      hostile.replace(/\s+/g, ' '),
    );
  });

  it('the full text and Markdown reports include the section once', () => {
    const full = text.render(r, { chalk, width: 90 });
    expect(full.match(/^Window {6}\d{4}-/gm)).toHaveLength(1);
    const fullMd = markdown.render(r, { chalk, width: 90 });
    expect(fullMd.match(/^## Change over time$/gm)).toHaveLength(1);
    expect(fullMd.indexOf('## Change over time')).toBeLessThan(fullMd.indexOf('## Evidence and method'));
  });

  it('says little, but correctly, when there is nothing to analyse', () => {
    const empty = ReportSchema.parse(
      report([ev({ at: '2024-01-01T10:00:00Z', incident: false, role: 'victim' })]),
    );
    expect(escalationText(empty, { chalk, width: 90 }).join('\n')).toContain(
      `Findings    ${empty.escalation!.findings.length} in plain language`,
    );
    const m = escalationSection(empty).join('\n');
    expect(m).toContain('On 1 January 2024 \\(dates and times in UTC\\)');
    expect(m).toContain('### Statistical methods and their limits');
    expect(m).not.toContain('### Rate of contact');
  });
});

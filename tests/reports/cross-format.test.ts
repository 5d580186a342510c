/**
 * One case, every format a person reads: the text, Markdown and HTML reports of fixtures/demo-case give the same
 * figures as the JSON report, under the same names. Each expected string is made from the JSON's own values with
 * the helpers every report writes numbers with (`sig2`, `formatCi`, `formatP`, `int`), never typed in by hand,
 * so the test follows the analysis and only fails when a format says something the JSON does not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCi, formatP, sig2 } from '../../src/model/format.js';
import type { Comparison, Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

let report: Report;
let json: Report;
let text: string;
let md: string;
/** The HTML's text as a reader sees it: tags removed, entities decoded, white space folded. */
let html: string;

function visible(page: string): string {
  return page
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

beforeAll(async () => {
  report = await reportOf(['fixtures/demo-case']);
  const out = renderAll(report);
  json = JSON.parse(out['json']!) as Report;
  text = out['text']!;
  // Markdown escapes the characters it would read as formatting; the reader sees them unescaped.
  md = out['markdown']!.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
  html = visible(out['html']!);
});

describe('the overdispersion check beside a comparison', () => {
  const checked = (c: Comparison) => c.overdispersed!;

  it('is the JSON’s, with its own φ̂, in every format', () => {
    const e = json.escalation!;
    const h = e.headline.rateNowVsStart;
    const m = e.milestones.find((x) => x.status === 'ok' && x.overdispersed)!;
    // Each comparison's step model has its own φ̂, which need not be the trend model's (the demo case: 3.4 and 3.8).
    expect(sig2(checked(h).phi)).not.toBe(sig2(e.dispersion.phi));
    for (const c of [h, m]) {
      const q = checked(c);
      const figures = `${formatCi(q.ci95)}, ${formatP(q.p)}`;
      const method = `quasi-Poisson step model, φ̂ = ${sig2(q.phi)} from the daily counts of the days compared`;
      expect(md).toContain(`${figures} (${method})`);
      expect(html).toContain(`Allowing for overdispersion (${method}): ${figures}.`);
      expect(text).toContain(
        `RR ${sig2(c.rateRatio)} (${formatCi(c.ci95)}, ${formatP(c.p)}; quasi ${figures})`,
      );
    }
    // The trend model's φ̂ is named as the trend model's, where it is given.
    expect(md).toContain(
      `φ̂ ${sig2(e.dispersion.phi)} (overdispersed) | s²/x̄ of daily counts; Pearson φ̂ of the trend model`,
    );
    // No bare "(φ̂ 3.4)" that reads as a second answer to the trend model's φ̂.
    expect(md).not.toContain(`(φ̂ ${sig2(checked(h).phi)})`);
  });
});

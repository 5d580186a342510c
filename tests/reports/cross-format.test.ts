/**
 * One case, every format a person reads: the text, Markdown and HTML reports of fixtures/demo-case give the same
 * figures as the JSON report, under the same names. Each expected string is made from the JSON's own values with
 * the helpers every report writes numbers with (`sig2`, `formatCi`, `formatP`, `int`), never typed in by hand,
 * so the test follows the analysis and only fails when a format says something the JSON does not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCi, formatP, formatShare, sig2 } from '../../src/model/format.js';
import type { Comparison, Report } from '../../src/model/index.js';
import { int } from '../../src/reports/format.js';
import { longDateSpan } from '../../src/reports/html/dates.js';
import { renderAll, reportOf } from '../helpers/report.js';

let report: Report;
let json: Report;
let text: string;
let md: string;
/** The HTML's text as a reader sees it: tags removed, entities decoded, white space folded. */
let html: string;

/** A string matched as it is written, inside a regular expression. */
function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function visible(page: string): string {
  return (
    page
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
      // A cell, term or paragraph ends with a space, as a reader sees the gap between them.
      .replace(/<\/(th|td|dt|dd|li|p|caption|h\d)>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
  );
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

describe('the statistics each format gives', () => {
  it('are one set: Mann–Kendall S and p (with n), no z or τ in one format only', () => {
    const mk = json.escalation!.trend.mannKendall;
    expect(md).toContain(`| Mann–Kendall (${mk.series}) | S = ${mk.S}, ${formatP(mk.p)} (n = ${mk.n}) |`);
    expect(html).toContain(`On ${mk.series} counts (n = ${mk.n}): S = ${mk.S}, ${formatP(mk.p)};`);
    expect(text).toContain(`Mann–Kendall (${mk.series}) S = ${mk.S}, ${formatP(mk.p)};`);
    for (const shown of [md, html, text]) {
      expect(shown).not.toContain(`z = ${sig2(mk.z)}`);
      expect(shown).not.toContain(`τ = ${sig2(mk.tau)}`);
    }
  });

  it('leave the step adjusted for a linear trend to the JSON, as the methods say', () => {
    const m = json.escalation!.milestones.find((x) => x.adjustedForTrend)!;
    const method = json.escalation!.methods.find((x) =>
      x.description.includes('linear trend is in the JSON'),
    );
    expect(method).toBeDefined();
    for (const shown of [md, html, text]) {
      expect(shown).not.toContain('Adjusted for a linear trend');
      expect(shown).not.toContain(
        `${sig2(m.adjustedForTrend!.rateRatio)} (${formatCi(m.adjustedForTrend!.ci95)})`,
      );
    }
  });

  it('give the gaps, their trend and the burstiness alike in the Markdown and HTML', () => {
    const g = json.escalation!.gaps;
    const b = json.escalation!.bursts.burstiness;
    const gaps = `${g.episodes} contact episodes (contacts less than ${g.episodeMinutes} minutes apart form one episode); median gap ${sig2(g.medianHours)} hours over ${g.gaps} gaps`;
    const trend = `Mann–Kendall on the sequence of gaps, fully covered days: S = ${g.trend.S}, ${formatP(g.trend.p)}, Sen's slope ${sig2(g.trend.senSlope)} hours per episode, shrinking`;
    const bursty = `B = ${sig2(b.B)}, A_n = ${sig2(b.An)} over ${b.gaps} gaps`;
    expect(g.trend.shrinking).toBe(true);
    for (const shown of [md, html]) {
      expect(shown).toContain(gaps);
      expect(shown).toContain(trend);
      expect(shown).toContain(bursty);
    }
  });
});

describe('the escalation section’s words', () => {
  it('counts contacts, as its methods define them and the findings, text and Markdown say, in the HTML too', () => {
    const e = json.escalation!;
    const m = e.milestones.find((x) => x.incidentsAfter.breachWindow)!;
    const after = m.incidentsAfter;
    expect(text).toContain(
      `${after.count} contacts from then on (possible breaches, for an officer to assess)`,
    );
    expect(md).toContain(`${after.count} contacts — `);
    expect(html).toContain(`${after.count} contacts from then on (`);
    expect(html).not.toContain(`${after.count} incidents from then on`);
    const uncovered = m.afterUncovered!;
    expect(html).toContain(`${uncovered.count} contacts fall on`);
    const first = e.ceaseRequest.afterFirst!;
    expect(text).toContain(`${first.count} contacts after the first`);
    expect(md).toContain(`After the first request: ${first.count} contacts (`);
    expect(html).toContain(`${first.count} contacts after the first request (`);
    expect(html).toContain('Sent Message Phrase Where Contacts after');
    expect(html).toContain('Side Dates Days Contacts Per day Bounded by');
    expect(md).toContain('| Sent | Channel | Text | Phrase | Source | Contacts after |');
    const hour = e.bursts.maxInOneHour!;
    expect(md).toContain(`Most contacts within one hour: ${hour.count} (`);
    expect(html).toContain(`Most contacts within one hour ${hour.count}, from`);
  });

  it('names the periods, coverage and month notes alike', () => {
    const e = json.escalation!;
    const full = e.rateFullyCovered!;
    for (const shown of [md, html]) {
      expect(shown).toContain('Whole window');
      expect(shown).toContain('Fully covered days');
      expect(shown).toContain('Records cover');
      expect(shown).toContain('Limits the fully covered days');
      expect(shown).toContain('hand-kept record (a diary): no export period');
      expect(shown).not.toContain('Days every export covers');
    }
    expect(md).toContain(`| Fully covered days | ${full.from} – ${full.to} | ${full.days} | ${full.count} |`);
    expect(text).toContain(`${sig2(full.perDay)} a day on fully covered days (${formatCi(full.ci95)})`);
    const partial = e.monthly.find((x) => x.partial)!;
    const covered = e.monthly.find((x) => x.partialCoverage)!;
    for (const shown of [md, html]) {
      expect(shown).toContain(`partial month (${partial.days} days in the window)`);
      expect(shown).toContain('partial coverage (not every export covers it)');
    }
    const n = e.night.byMonth.find((x) => x.month === covered.month)!;
    const share = `(${n.count} of ${n.eligible}; 95% CI ${formatShare(n.ci95[0])}–${formatShare(n.ci95[1])})`;
    expect(md).toContain(share);
    expect(html).toContain(share);
  });
});

describe('the key figures of the demo case', () => {
  it('give the total incidents and each channel’s count as the JSON does', () => {
    const total = int(json.incidents.total);
    expect(text).toContain(`Incidents   ${total} attributed to`);
    expect(md).toContain(`**${total} incidents** attributed to`);
    expect(html).toContain(`${total} incidents attributed to the subject`);
    const channels = Object.entries(json.incidents.byChannel);
    expect(channels.length).toBeGreaterThan(3);
    // The HTML summary's Channels card: the number of channels, then each channel's count.
    const card = / Channels (\d+)(.*?) Identifiers /.exec(html)!;
    expect(Number(card[1]!.slice(0, String(channels.length).length))).toBe(channels.length);
    for (const [channel, n] of channels) {
      expect(text).toMatch(new RegExp(`Channels .*${channel} ${int(n)}( ·|\\n)`));
      expect(md).toContain(`| ${channel} | ${int(n)} |`);
      expect(` ${card[1]!.slice(String(channels.length).length)}${card[2]} `).toContain(
        ` ${int(n)} ${channel} `,
      );
    }
  });

  it('give the accounting totals as the JSON does', () => {
    const a = json.accounting;
    const line = `${int(a.records)} records read from ${a.files} files`;
    const rest = `${int(a.events)} events (${int(a.kept)} kept, ${int(a.duplicates)} duplicates), ${int(a.skipped)} skipped, ${int(a.rejected)} rejected`;
    expect(text).toMatch(new RegExp(`Accounting  ${line} in [^:]+: ${literal(rest)}`));
    for (const shown of [md, html]) {
      expect(shown).toContain(`${line}: ${rest}; ${int(a.incidents)} incidents among the events kept.`);
    }
  });

  it('give the latest rate against the first with its rate ratio, interval and counts', () => {
    const h = json.escalation!.headline.rateNowVsStart;
    const rr = `${sig2(h.rateRatio)} (${formatCi(h.ci95)}`;
    expect(text).toContain(
      `First/last  ${sig2(h.before.ratePerDay)} → ${sig2(h.after.ratePerDay)} a day: RR ${rr}, ${formatP(h.p)}`,
    );
    expect(md).toContain(
      `first ${h.before.count} in ${h.before.days} days (${sig2(h.before.ratePerDay)}/day) ${h.before.from} – ${h.before.to}; last ${h.after.count} in ${h.after.days} days (${sig2(h.after.ratePerDay)}/day)`,
    );
    expect(md).toContain(`rate ratio, last ÷ first, ${rr}), ${formatP(h.p)}`);
    expect(html).toContain(
      `First ${h.days} days ${longDateSpan(h.before.from!, h.before.to!)} ${h.before.days} ${h.before.count} ${sig2(h.before.ratePerDay)}`,
    );
    expect(html).toContain(
      `Last ${h.days} days ${longDateSpan(h.after.from!, h.after.to!)} ${h.after.days} ${h.after.count} ${sig2(h.after.ratePerDay)}`,
    );
    expect(html).toContain(
      `Rate ratio, last ÷ first, ${sig2(h.rateRatio)} (${formatCi(h.ci95)}; exact conditional Poisson test, ${formatP(h.p)})`,
    );
  });

  it('give each milestone’s before and after counts, and its rate ratio where there is one', () => {
    const ms = json.escalation!.milestones;
    expect(ms.filter((m) => m.status === 'ok').length).toBeGreaterThan(0);
    for (const m of ms) {
      const { before: b, after: a } = m;
      // The arrow only beside a rate ratio: untested, the two rates are named by their sides.
      const counts = `(${b.count} in ${b.days} d, ${a.count} in ${a.days} d)`;
      expect(text).toContain(
        m.status === 'ok'
          ? `${m.label}: ${sig2(b.ratePerDay)} → ${sig2(a.ratePerDay)} a day ${counts}; RR `
          : `${m.label}: ${sig2(b.ratePerDay)} a day before, ${sig2(a.ratePerDay)} a day after ${counts}; no rate ratio: `,
      );
      expect(md).toContain(
        `| ${b.count} in ${b.days} days (${sig2(b.ratePerDay)}/day) ${b.from} – ${b.to} | ${a.count} in ${a.days} days (${sig2(a.ratePerDay)}/day) ${a.from} – ${a.to} |`,
      );
      expect(html).toContain(
        `Before ${longDateSpan(b.from!, b.to!)} ${b.days} ${b.count} ${sig2(b.ratePerDay)}`,
      );
      expect(html).toContain(
        `After ${longDateSpan(a.from!, a.to!)} ${a.days} ${a.count} ${sig2(a.ratePerDay)}`,
      );
      expect(text).toContain(`${int(m.incidentsAfter.count)} contacts from then on`);
      if (m.status !== 'ok') continue;
      const rr = `${sig2(m.rateRatio)} (${formatCi(m.ci95)}`;
      expect(text).toContain(`RR ${rr}, ${formatP(m.p)}`);
      expect(md).toContain(`| ${rr}) | ${formatP(m.p)} |`);
      expect(html).toContain(
        `Rate ratio, after ÷ before, ${rr}; exact conditional Poisson test, ${formatP(m.p)})`,
      );
    }
  });

  it('give the trend’s rate ratio per 30 days and the Mann–Kendall S and p', () => {
    const p = json.escalation!.trend.poisson;
    const mk = json.escalation!.trend.mannKendall;
    const figures = `${sig2(p.rateRatioPer30Days)} (${formatCi(p.ci95)}`;
    expect(text).toContain(
      `×${sig2(p.rateRatioPer30Days)} per 30 days (${formatCi(p.ci95)}, ${formatP(p.p)})  [Poisson regression`,
    );
    expect(md).toContain(`| Rate ratio per 30 days | ${figures}), ${formatP(p.p)} |`);
    // The Markdown's name for it, in the HTML too (it said "Rate multiplied by 1.4 every 30 days").
    expect(html).toContain(`Rate ratio per 30 days ${figures}, ${formatP(p.p)};`);
    for (const shown of [text, md, html]) {
      expect(shown).toContain(`S = ${mk.S}, ${formatP(mk.p)}`);
      expect(shown).toContain(`φ̂ = ${sig2(p.dispersion)}`);
    }
  });
});

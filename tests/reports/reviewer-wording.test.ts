/**
 * What two reviewers of the demo case and of a messy case (fixtures/messy-case-wording: a WhatsApp chat, SMS and
 * call backups, e-mails and a diary that starts a week before the month ends) read in the text, Markdown and HTML
 * reports, and what each now says: plain findings with the method at the end, "confidence interval" and "S-DASH"
 * spelled out once, a glossary of the accounting's words, an S-DASH sheet that does not read as answering, a
 * withheld comparison not shown as a headline, a first month that was 7 days named as such, the accounting's
 * definition as the README gives it, formats that agree, and whole command lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

let demo: Report;
let messy: Report;
const d: Record<string, string> = {};
const m: Record<string, string> = {};

beforeAll(async () => {
  demo = await reportOf(['fixtures/demo-case']);
  messy = await reportOf(['fixtures/messy-case-wording']);
  Object.assign(d, renderAll(demo));
  Object.assign(m, renderAll(messy));
});

const findingsOf = (md: string) =>
  md
    .split('### Findings\n\n')[1]!
    .split('\n\n')[0]!
    .split('\n')
    .filter((l) => l.startsWith('- '));

describe('findings in plain language', () => {
  it('puts the dispersion statistic, the trend method and the Mann–Kendall test in brackets at the end', () => {
    const f = demo.escalation!.findings;
    const dispersion = f.find((s) => s.startsWith('Daily counts vary more'))!;
    expect(dispersion).toMatch(
      /^Daily counts vary more than a steady trend with independent contacts allows: contacts may come in clusters/,
    );
    expect(dispersion).toMatch(
      /\(dispersion φ̂ = 3\.8, Pearson χ² test p < 0\.001; quasi-Poisson: model intervals widened by √φ̂\)\.$/,
    );
    const trend = f.find((s) => s.startsWith('Over the fully covered days'))!;
    expect(trend).toContain(
      'a rise of 40% per 30 days (95% CI 1.3–1.6, p < 0.001; Poisson regression on time, its standard error scaled for overdispersion).',
    );
    expect(trend).not.toContain('SE scaled');
    const mk = f.find((s) => s.includes('Mann–Kendall test on the daily counts'))!;
    expect(mk).toBe(
      "A second test, which assumes no particular shape of trend, finds a change of 0.036 in contacts a day, per day (95% CI 0.025–0.049) (Mann–Kendall test on the daily counts: S = 3707, p < 0.001; Sen's slope).",
    );
    const inside = f.find((s) => s.startsWith('The rate is estimated'))!;
    expect(inside).toMatch(
      /^The rate is estimated to have changed inside the last 28 days, around 22 May 2024 .* \(PELT change point\)\.$/,
    );
    // Every sentence opens in words: no Greek letter, test name or abbreviation before its first bracket.
    for (const s of f) expect(s.split('(')[0], s).not.toMatch(/φ̂|χ²|PELT|Mann–Kendall|Sen's|\bSE\b/);
  });

  it('says in the text report how the findings are written and gives the whole command for them', () => {
    expect(d['text']).toContain(
      'Findings    23 in plain language, each with its method and figures in brackets at its end; what each method means and its limits, the S-DASH (stalking and harassment risk checklist) evidence sheet and quoted examples: chronolog report fixtures/demo-case --format markdown --out report.md',
    );
    expect(d['text']).toContain(
      'For the full report to share: chronolog report fixtures/demo-case --format html --out report.html',
    );
  });
});

describe('abbreviations and the glossary', () => {
  it('spells out "95% confidence interval" once in each format and S-DASH in the Markdown and HTML', () => {
    for (const f of ['text', 'markdown', 'html']) {
      const once = d[f]!.replace(/\\/g, '').split('95% confidence interval (CI)').length - 1;
      expect(once, f).toBe(1);
      expect(d[f]!.indexOf('confidence interval'), f).toBeLessThan(d[f]!.indexOf('95% CI'));
    }
    expect(d['markdown']).toContain(
      'The S-DASH \\(the stalking and harassment risk checklist\\) evidence sheet lists',
    );
    expect(d['html']).toContain(
      'The S-DASH (the stalking and harassment risk checklist) evidence sheet lists',
    );
  });

  it('defines the accounting words near the top of the Markdown and HTML, in six lines at most', () => {
    const md = d['markdown']!;
    const at = md.indexOf('**Words used in this report**');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(md.indexOf('## Milestones'));
    const rows = md.slice(at).split('\n\n')[1]!.split('\n');
    expect(rows.length).toBeLessThanOrEqual(6);
    for (const w of ['Record', 'Event', 'Duplicate', 'Skipped, rejected', 'Incident, contact']) {
      expect(md).toContain(`- **${w}:**`);
      expect(d['html']).toContain(`<dt>${w}</dt>`);
    }
    expect(md).toContain('events = kept \\+ duplicates');
    expect(d['html']!.indexOf('Words used in this report')).toBeLessThan(d['html']!.indexOf('id="summary"'));
  });
});

describe('the S-DASH sheet says what the files hold, not an answer', () => {
  it('words each question’s evidence as such in the Markdown and HTML', () => {
    expect(d['markdown']).not.toContain('can these files inform it?');
    expect(d['markdown']).toContain(
      '**4. Visits the victim at work, home etc. more than 3 times a week?**\n\nEvidence in these files: diary rows',
    );
    expect(d['markdown']).toContain('These files cannot inform it \\(self-report\\)');
    expect(d['html']).not.toContain('Can the files inform it?');
    expect(d['html']).toContain('<p class="muted">Evidence in these files: diary rows.</p>');
  });
});

describe('the messy case', () => {
  it('does not headline a withheld first-against-last comparison in the HTML', () => {
    expect(m['html']).not.toContain('<span class="big">4.0 → 0</span>');
    expect(m['html']).toContain(
      // 6 days at each end: the 12 days every export covers (2–13 April), the second SMS backup's duplicates counted.
      '<dt>Contacts a day, first → last 6 days</dt><dd><span class="big">withheld</span><span class="note">not compared: only 6 days at each end (at least 14 days at each end are needed).',
    );
  });

  it('names a first month of 7 days as 7 days, and a channel only the diary records as the diary’s', () => {
    const f = messy.escalation!.findings;
    expect(f).toContain(
      'Channels first used after the first 7 days of the window (25–31 March 2024): post (from April 2024; in the diary only, which has no export period).',
    );
    expect(f.join('\n')).not.toContain('after the first month');
  });

  it('defines the accounting as the README does, duplicates among the events', () => {
    expect(m['markdown']).toContain('50 events (37 kept, 13 duplicates)');
    expect(m['markdown']).not.toContain('or a duplicate of a record in another file');
    expect(m['markdown']).toContain('records = events + skipped + rejected.');
    expect(m['markdown']).toContain('events = kept + duplicates.');
  });

  it('says in the Markdown that phone numbers are shown in international form, with the region', () => {
    expect(m['markdown']).toContain(
      'Phone numbers are written in international form \\(numbers written without a country code are read as numbers of region GB\\)',
    );
  });
});

describe('the formats agree', () => {
  it('lists the same findings in the HTML as in the Markdown and counts them in the text report', () => {
    const n = demo.escalation!.findings.length;
    expect(findingsOf(d['markdown']!)).toHaveLength(n);
    const html = d['html']!.split('<h3>Findings</h3>')[1]!.split('</ul>')[0]!;
    expect(html.split('<li>').length - 1).toBe(n);
    expect(d['html']).toContain('<h3>Kinds of contact and calls</h3>');
    expect(d['text']).toContain(`Findings    ${n} in plain language`);
  });

  it('gives the Markdown the header the HTML has, and words for the codes', () => {
    expect(d['markdown']).toContain(
      '- **Subject:** Sam Carter \\(\\+447700900123, 07700 900456, Sam\\)\n- **Victim:** Alex Morgan',
    );
    expect(d['markdown']).toContain('- **Time zone:** Europe/London');
    expect(d['markdown']).toContain('- **Generated:** 2024-07-01 09:00:00 UTC by chronolog');
    expect(d['markdown']).toContain('Time zone Europe/London (from the case file)');
    expect(d['markdown']).not.toMatch(/\(case-file\)|\(built-in\+case-file;|phrases \(case-file\)/);
    expect(d['html']).not.toMatch(/<td>(change-point|coverage|window)<\/td>/);
    expect(d['html']).toContain('<td>an estimated change point</td>');
    expect(d['markdown']).toContain('beyond two weeks (Purcell, Pathé & Mullen 2004): yes');
    expect(d['markdown']).toContain(
      'first make the JSON report with the same files and options, `chronolog report fixtures/demo-case --format json --out report.json`, then run `chronolog verify report.json`',
    );
  });
});

describe('the sources of the lexicon in words', () => {
  it('says a case file added lexicon terms, not the JSON’s code', async () => {
    const md = renderAll(await reportOf(['fixtures/lexicon-trace']))['markdown']!;
    expect(md).toContain('Lexicon matches in incident texts (built-in, with terms from the case file; ');
    expect(md).not.toContain('built-in+case-file');
  });
});

describe('the text report’s calls with no number shown', () => {
  it('reads as a sentence, with the days that also had incidents', () => {
    expect(d['text']).toContain(
      '            the export names the caller “Withheld number”: 50 calls, 2024-04-04 00:13:57 → 2024-05-31 18:47:18, on 32 days, all of which also had incidents attributed to Sam Carter\n',
    );
  });
});

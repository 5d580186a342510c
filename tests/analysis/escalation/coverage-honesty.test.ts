/**
 * What the escalation parts say where the exports stop, as an officer reads them:
 * - a milestone whose sides not every export covers is given as counts and days only (no rates, no arrow), with
 *   the exports that miss its days, in the JSON, findings, text, Markdown and HTML (one table, not two); Figure 1
 *   hatches those days and says so in its legend and caption;
 * - an identifier that "fell quiet" only because its export ended is not named; the column and sentence state
 *   timing with both identifiers' channels, never "replaced";
 * - a withheld trend is not half-printed: Mann–Kendall and Sen stay in the JSON and are marked as not used for
 *   conclusions; Sen's slope 0 from tied counts is said in words, with its unit in words;
 * - one day is "1 day" everywhere.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { senSlopeWords } from '../../../src/model/escalation-words.js';
import { type Escalation, type Report, ReportSchema } from '../../../src/model/index.js';
import { dailyChart } from '../../../src/reports/html/charts/daily.js';
import { renderHtml } from '../../../src/reports/html/index.js';
import { STYLES } from '../../../src/reports/html/styles.js';
import { escalationSection } from '../../../src/reports/markdown-escalation.js';
import { escalationText } from '../../../src/reports/text-escalation.js';
import { daily, ev, input, kase, report } from './helpers.js';

const chalk = new Chalk({ level: 0 });
const SMS = input('case/sms-20240315.xml');
const WA = input('case/WhatsApp Chat with Sam.txt', 'whatsapp-txt');
const ones = (n: number) => new Array<number>(n).fill(1);

const textOf = (r: Report) => escalationText(r, { chalk, width: 100 }).join('\n');
const mdOf = (r: Report) => escalationSection(r).join('\n');
/** One subsection of the HTML page, by its id. */
function htmlPart(page: string, id: string): string {
  const start = page.indexOf(`<section class="subsection" id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  return page.slice(start, page.indexOf('</section>', start));
}

describe('a milestone after an export ends', () => {
  // Texts 1 January – 10 March 2024; the WhatsApp export ends on 29 February. The warning on 5 March falls on days
  // only the SMS backup covers.
  const c = kase({
    milestones: [{ date: '2024-03-05', label: 'Harassment warning issued', type: 'warning' }],
  });
  const r = ReportSchema.parse(
    report(
      [
        ...daily('2024-01-01', ones(70)),
        ...daily('2024-01-01', ones(60), { channel: 'whatsapp', sender: 'Sam', input: 1 }),
      ],
      c,
      [SMS, WA],
    ),
  );
  const e = r.escalation!;
  const m = e.milestones[0]!;

  it('JSON: not computable, with the exports that miss each side', () => {
    expect(e.coverage.fullyCovered).toEqual({ from: '2024-01-01', to: '2024-02-29', days: 60 });
    expect(m).toMatchObject({
      status: 'not-computable',
      reason: 'the date is outside the days every export covers',
      rateRatio: null,
      before: { from: '2024-01-01', to: '2024-03-04', days: 64, count: 124 },
      after: { from: '2024-03-05', to: '2024-03-10', days: 6, count: 6 },
    });
    expect(m.notCovered).toEqual([
      {
        side: 'before',
        channel: 'whatsapp',
        files: ['case/WhatsApp Chat with Sam.txt'],
        missing: [{ from: '2024-03-01', to: '2024-03-04' }],
        text: 'whatsapp export ends on 29 February 2024',
      },
      {
        side: 'after',
        channel: 'whatsapp',
        files: ['case/WhatsApp Chat with Sam.txt'],
        missing: [{ from: '2024-03-05', to: '2024-03-10' }],
        text: 'whatsapp export ends on 29 February 2024',
      },
    ]);
  });

  it('findings: counts only, naming the export', () => {
    expect(e.findings).toContain(
      'The milestone “Harassment warning issued” on 5 March 2024 falls outside the days every export covers (before: whatsapp export ends on 29 February 2024; after: whatsapp export ends on 29 February 2024): over the whole window there were 124 contacts in 64 days before it and 6 contacts in 6 days after it (counts only).',
    );
  });

  it('text: counts and days only, no rates and no arrow, no pointer to a comparison it does not show', () => {
    const t = textOf(r).replace(/\n {12}/g, ' ');
    const line = t.split('\n').find((l) => l.startsWith('Milestones'))!;
    expect(line).toBe(
      'Milestones  2024-03-05 Harassment warning issued: 124 contacts in 64 days before, 6 in 6 days after; counts only: the date is outside the days every export covers (before: whatsapp export ends on 29 February 2024; after: whatsapp export ends on 29 February 2024); 6 contacts from then on',
    );
    // The First/last line compares the fully covered days and so has its rates, "1.0 → 1.0 a day"; no other line has.
    const others = t
      .split('\n')
      .filter((l) => !l.startsWith('First/last'))
      .join('\n');
    expect(others).not.toMatch(/→ [\d.]+ a day|see the whole-window/);
  });

  it('Markdown: the row has counts and days only, and no whole-window ratio', () => {
    const row = mdOf(r)
      .split('\n')
      .find((l) => l.includes('| Harassment warning issued |'))!;
    expect(row).toBe(
      '| 2024-03-05 | Harassment warning issued | 124 in 64 days 2024-01-01 – 2024-03-04 | 6 in 6 days 2024-03-05 – 2024-03-10 | counts only: the date is outside the days every export covers \\(before: whatsapp export ends on 29 February 2024; after: whatsapp export ends on 29 February 2024\\) | – | – | – |',
    );
    expect(row).not.toMatch(/\/day/);
  });

  it('HTML: one table of counts with the exports that miss each side, not two tables of rates', () => {
    const part = htmlPart(renderHtml(r), 'esc-milestones');
    expect(part.match(/<table class="data comparison">/g)).toHaveLength(1);
    expect(part).not.toContain('Per day');
    expect(part).not.toContain('Over the whole window');
    expect(part).toContain('<th scope="col">Not covered by</th>');
    expect(part).toContain(
      '<td class="num">6</td><td>whatsapp export ends on 29 February 2024</td></tr></tbody></table></div><p class="ratio">Counts only, no rates and no rate ratio: the date is outside the days every export covers.</p>',
    );
  });

  it('Figure 1 hatches the days not every export covers, with a legend entry and a caption sentence', () => {
    const f = dailyChart(r)!;
    expect(f.svg).toContain(`<pattern id="fig-daily-uncov"`);
    expect(f.svg).toContain('<title>not every export covers 2024-03-01 to 2024-03-10</title>');
    expect(f.svg).toContain('>not every export covers these days</text>');
    expect(f.caption).toContain(
      'Hatched days (10 days) are not covered by every export (the whatsapp export covers 1 January 2024 – 29 February 2024): fewer incidents there may only mean that an export ends, and the trend, change points and comparisons leave them out.',
    );
  });

  it('a fully covered case has no hatching and no such sentence', () => {
    const covered = ReportSchema.parse(report(daily('2024-01-01', ones(30)), kase(), [SMS]));
    const f = dailyChart(covered)!;
    expect(f.svg).not.toContain('uncov');
    expect(f.caption).not.toContain('Hatched');
  });
});

describe('an identifier that fell quiet where its export ends', () => {
  // Sam writes twice a day on WhatsApp until 29 February; +447700900456 first texts at 12:00 that day while
  // +447700900123 goes on texting daily. Whether Sam "fell quiet" depends on whether the WhatsApp export covers
  // the week after.
  const events = () => [
    ...daily('2024-02-01', new Array<number>(29).fill(2), { channel: 'whatsapp', sender: 'Sam', input: 1 }),
    ...daily('2024-02-01', ones(49)),
    ...daily('2024-03-01', ones(20), { sender: '+447700900456' }),
    ev({ at: '2024-02-29T12:00:00Z', sender: '+447700900456' }),
  ];
  const row = (e: Escalation) => e.identifiers.find((x) => x.identifier === '+447700900456')!;

  it('is not named when the week after lies beyond its export: the report cannot tell', () => {
    const r = ReportSchema.parse(report(events(), kase(), [SMS, WA]));
    expect(r.escalation!.coverage.channels.find((x) => x.channel === 'whatsapp')!.spans).toEqual([
      { from: '2024-02-01', to: '2024-02-29' },
    ]);
    expect(row(r.escalation!).appearedAfterQuiet).toBeNull();
    expect(r.escalation!.findings.join('\n')).not.toMatch(/hours after the last contact/);
  });

  it('is named, with the channels of both, when its export covers that week', () => {
    // The same incidents; the victim's own WhatsApp message on 20 March shows the export runs on.
    const more = [
      ...events(),
      ev({ at: '2024-03-20T09:00:00Z', channel: 'whatsapp', input: 1, incident: false, role: 'victim' }),
    ];
    const r = ReportSchema.parse(report(more, kase(), [SMS, WA]));
    const e = r.escalation!;
    expect(row(e).appearedAfterQuiet).toMatchObject({
      identifier: 'Sam',
      channels: ['whatsapp'],
      lastUseBefore: { local: '2024-02-29 10:37:00', channel: 'whatsapp' },
      usesAfter: 0,
    });
    expect(e.findings).toContain(
      '+447700900456 (sms) was first used on 29 February 2024 at 12:00 (sms-20240315.xml, line 435), 1.4 hours after the last contact from Sam (whatsapp) before then, on 29 February 2024 at 10:37 (WhatsApp Chat with Sam.txt, line 365); Sam was not used again.',
    );
    const part = htmlPart(renderHtml(r), 'esc-identifiers');
    expect(part).toContain('<th scope="col">Began as another fell quiet</th>');
    expect(part).toContain(
      'First used 1.4 hours after the last contact from <span class="ident"><bdi>Sam</bdi></span> (whatsapp) before then: ',
    );
    expect(part).toContain('That identifier was not used again.');
    expect(mdOf(r)).toContain('| Began as another fell quiet |');
    expect(mdOf(r)).toContain('Sam \\(whatsapp\\) last used before then');
    // "Replaced" only where the method says what the rule does not claim.
    const identifierRows = mdOf(r)
      .split('\n')
      .filter((l) => l.startsWith('| Identifier') || l.startsWith('| \\+4477') || l.startsWith('| Sam'));
    expect(identifierRows).toHaveLength(4);
    for (const out of [part, identifierRows.join('\n'), e.findings.join('\n')])
      expect(out).not.toMatch(/replace/i);
  });
});

describe('a withheld trend', () => {
  // 40 fully covered days, one contact every third day: enough for Mann–Kendall (28 days, 10 contacts), too short
  // for the trend per 30 days (60 days).
  const r = ReportSchema.parse(
    report(
      daily(
        '2024-01-01',
        [...new Array(40)].map((_, i) => (i % 3 ? 0 : 1)),
      ),
    ),
  );
  const e = r.escalation!;

  it('keeps Mann–Kendall and Sen in the JSON', () => {
    expect(e.trend.poisson.status).toBe('below-minimum');
    expect(e.trend.mannKendall).toMatchObject({ status: 'ok', series: 'daily', n: 40, senSlope: 0 });
    expect(e.trend.mannKendall.S).not.toBeNull();
    expect(e.trend.mannKendall.shareZeroPairSlopes).toBeGreaterThan(0.5);
  });

  it('prints neither in the terminal nor in the findings', () => {
    const t = textOf(r);
    expect(t).toContain(
      'Trend       not estimated: a 40-day span is too short to express the trend per 30 days (at least 60 days)',
    );
    expect(t).not.toMatch(/Mann–Kendall|Sen's slope/);
    expect(e.findings.join('\n')).not.toMatch(/Mann–Kendall|Sen's slope/);
  });

  it('marks them as not used for conclusions in Markdown and HTML, with Sen’s zero said in words', () => {
    const md = mdOf(r);
    expect(md).toMatch(
      /\| Mann–Kendall \(daily\) \| \*not used for conclusions: the trend is not estimated\* — S = -?\d+, p = [\d.]+ \(n = 40\)/,
    );
    expect(md).toContain(
      "| Sen's slope | *not used for conclusions: the trend is not estimated* — 0 only because 53% of the pairs of days have equal counts \\(26 of the 40 days have no contact\\), so it cannot show a trend here; the weekly series, used when the daily counts give a Sen's slope of 0 or more than half their pairs are equal, needs at least 10 complete weeks, and there are only 5 |",
    );
    const part = htmlPart(renderHtml(r), 'esc-trend');
    expect(part).toContain(
      '<strong>Not used for conclusions:</strong> the trend is not estimated (a 40-day span is too short to express the trend per 30 days (at least 60 days)); shown for completeness.',
    );
    expect(part).toContain('Sen’s slope 0 only because 53% of the pairs of days have equal counts');
    for (const out of [md, part]) {
      expect(out).not.toMatch(/per day per day|95% CI 0–0/);
    }
    expect(e.methods.find((x) => x.name === 'Mann–Kendall test and Sen’s slope')!.caveats).toContain(
      'The trend is not estimated in this report (a 40-day span is too short to express the trend per 30 days (at least 60 days)), so the test and the slope are given for completeness only; no conclusion is drawn from them.',
    );
  });

  it('an estimated trend prints Mann–Kendall with Sen’s unit in words', () => {
    const rising = ReportSchema.parse(
      report(
        daily(
          '2024-01-01',
          [...new Array(90)].map((_, i) => 1 + Math.floor(i / 15)),
        ),
      ),
    );
    const x = rising.escalation!;
    expect(x.trend.poisson.status).toBe('ok');
    const words = senSlopeWords(x.trend.mannKendall)!;
    expect(words).toMatch(/^a change of [\d.]+ in contacts a day, per day \(95% CI [\d.]+–[\d.]+\)$/);
    expect(textOf(rising)).toContain(`Sen's slope ${words}`);
    expect(x.findings.join('\n')).toContain(`finds ${words} (Mann–Kendall test on the daily counts:`);
  });

  it('words Sen’s slope on weeks, and a zero from ties, in words', () => {
    // This series: 40 days, 26 of them without contact, and 5 complete weeks (too few for the weekly series).
    const mk = e.trend.mannKendall;
    expect(mk.zeroCounts).toBe(26);
    expect(mk.reason).toBe(
      "the weekly series, used when the daily counts give a Sen's slope of 0 or more than half their pairs are equal, needs at least 10 complete weeks, and there are only 5",
    );
    const bare = { ...mk, reason: null };
    expect(senSlopeWords({ ...bare, series: 'weekly', senSlope: -0.5, senCi95: [-1, 0] }, 'incidents')).toBe(
      'a change of -0.50 in incidents a week, per week (95% CI -1.0 to 0)',
    );
    // A 0 whose interval is 0–0 comes of the tied pairs even when they are fewer than half: said, not given as a
    // figure with no width.
    expect(senSlopeWords({ ...bare, senSlope: 0, shareZeroPairSlopes: 0.4, senCi95: [0, 0] })).toBe(
      '0 (95% CI 0–0), which cannot show a trend here: 40% of the pairs of days have equal counts (26 of the 40 days have no contact), enough to make the slope and both ends of its interval 0',
    );
    expect(senSlopeWords({ ...bare, senSlope: 0, shareZeroPairSlopes: 0.4, senCi95: [-0.1, 0.1] })).toBe(
      'a change of 0 in contacts a day, per day (95% CI -0.10 to 0.10)',
    );
    // A zero from ties names the days without contact only when there are some: the tied days may all have contact.
    expect(senSlopeWords({ ...bare, senSlope: 0, shareZeroPairSlopes: 0.9, senCi95: [0, 0] })).toBe(
      '0 only because 90% of the pairs of days have equal counts (26 of the 40 days have no contact), so it cannot show a trend here',
    );
    expect(
      senSlopeWords({ ...bare, senSlope: 0, shareZeroPairSlopes: 0.9, senCi95: [0, 0], zeroCounts: 0 }),
    ).toBe('0 only because 90% of the pairs of days have equal counts, so it cannot show a trend here');
    // A report made before the count was recorded says nothing of empty days either way.
    const { zeroCounts: _old, ...older } = bare;
    expect(senSlopeWords({ ...older, senSlope: 0, shareZeroPairSlopes: 0.9, senCi95: [0, 0] })).toBe(
      '0 only because 90% of the pairs of days have equal counts, so it cannot show a trend here',
    );
    // The analysis's reason for the series used follows the figure.
    expect(senSlopeWords(mk)).toBe(
      "0 only because 53% of the pairs of days have equal counts (26 of the 40 days have no contact), so it cannot show a trend here; the weekly series, used when the daily counts give a Sen's slope of 0 or more than half their pairs are equal, needs at least 10 complete weeks, and there are only 5",
    );
    expect(senSlopeWords({ ...mk, senSlope: null })).toBeNull();
  });
});

describe('one day', () => {
  // Two days: the latest rate against the first compares one day with one day.
  const r = ReportSchema.parse(report(daily('2024-01-01', [2, 3])));

  it('is "1 day" or "day", never "1 days", in the text, Markdown and HTML escalation parts', () => {
    expect(r.escalation!.headline.rateNowVsStart.days).toBe(1);
    const t = textOf(r);
    expect(t).toContain('first day covered 2024-01-01, last 2024-01-02');
    expect(mdOf(r)).toContain('### Latest rate against the first\n\nLast against first day, exact');
    const page = renderHtml(r);
    expect(htmlPart(page, 'esc-now')).toContain('<th scope="row">First day</th>');
    for (const out of [t, mdOf(r), page, r.escalation!.findings.join('\n')])
      expect(out).not.toMatch(/\b1 days\b/);
    expect(r.escalation!.findings).toContain(
      'The first and the last day had 2 and 3 contacts; no rate ratio is given: only 1 day at each end (at least 14 days at each end are needed).',
    );
  });
});

describe('identifiers in the HTML never break', () => {
  it('keeps every identifier on one line, on screen and in print', () => {
    expect(STYLES).toContain('bdi.ident, .ident > bdi { white-space: nowrap; overflow-wrap: normal;');
    expect(STYLES).toMatch(/table\.annex \.ident \{[^}]*min-width: 16ch;/);
    expect(STYLES).not.toMatch(/table\.annex \.ident \{[^}]*overflow-wrap: anywhere/);
    const page = renderHtml(ReportSchema.parse(report(daily('2024-01-01', ones(3)))));
    expect(page).toContain('<td class="ident"><bdi>+447700900123</bdi>');
  });
});

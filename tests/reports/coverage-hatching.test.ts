/**
 * The days left out of the analysis because not every export covers them are one number in every report: the
 * HTML charts hatch exactly the days the JSON flags (`escalation.daily[].covered` false, `coverage.partialDays`),
 * and the HTML coverage paragraph, the Markdown findings and the terminal's window line give the same count.
 *
 * fixtures/coverage-late-export: an SMS backup from the victim's own text of 14 February 2024 to Sam's last text on
 * 20 April, and a WhatsApp export that starts a month later, on 15 March, and ends with the victim's reply on
 * 22 April. The window (any record, 14 February – 22 April, 69 days) runs two days past the first incident and two
 * past the last; every export covers 15 March – 20 April (37 days), so 32 days are left out. The daily chart used
 * to draw only the first to the last incident and hatched 28 of them beside "32 days" in the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { dailyChart } from '../../src/reports/html/charts/daily.js';
import { dayNumber } from '../../src/reports/html/dates.js';
import { renderHtml } from '../../src/reports/html/index.js';
import { daily, input, kase, report } from '../analysis/escalation/helpers.js';
import { renderAll, reportOf } from '../helpers/report.js';

/** The days the `<title>`s of a chart's hatched rectangles name, one run each ("… 2024-02-14 to 2024-03-14"). */
function hatchedDays(svgPart: string): number {
  const runs = [
    ...svgPart.matchAll(
      /<title>(?:not every export covers|every export covers) (\d{4}-\d\d-\d\d)(?: to (\d{4}-\d\d-\d\d))?/g,
    ),
  ];
  return runs.reduce((k, m) => k + dayNumber(m[2] ?? m[1]!) - dayNumber(m[1]!) + 1, 0);
}

/** One figure of the HTML page, by its id. */
function figure(page: string, id: string): string {
  const start = page.indexOf(`<section class="chart" id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  return page.slice(start, page.indexOf('</section>', start));
}

/** The hatched group of a chart's SVG (the daily chart's `<g class="uncovered">`). */
function uncoveredGroup(fig: string): string {
  const start = fig.indexOf('<g class="uncovered"');
  expect(start).toBeGreaterThan(0);
  return fig.slice(start, fig.indexOf('</g>', start));
}

describe('an export that starts a month later (fixtures/coverage-late-export)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/coverage-late-export'], {});
    out = renderAll(r);
  });

  it('JSON: the window reaches past the first and the last incident; 32 days are left out', () => {
    const e = r.escalation!;
    expect(e.window).toMatchObject({ from: '2024-02-14', to: '2024-04-22', days: 69, source: 'events' });
    expect(r.incidents.daily[0]!.date).toBe('2024-02-16');
    expect(r.incidents.daily.at(-1)!.date).toBe('2024-04-20');
    expect(e.coverage.fullyCovered).toEqual({ from: '2024-03-15', to: '2024-04-20', days: 37 });
    expect(e.coverage.partialDays).toBe(32);
    expect(e.daily.filter((d) => !d.covered)).toHaveLength(32);
    expect(e.coverage.channels.filter((c) => c.limits).map((c) => c.channel)).toEqual(['sms', 'whatsapp']);
  });

  it('HTML: the daily chart draws the window and hatches the days the JSON leaves out, no fewer', () => {
    const page = out['html']!;
    const fig = figure(page, 'fig-daily');
    const e = r.escalation!;
    expect(hatchedDays(uncoveredGroup(fig))).toBe(e.coverage.partialDays);
    expect(fig).toContain(
      'Incidents per day from 14 February 2024 to 22 April 2024 (69 days), stacked by channel',
    );
    expect(fig).toContain(
      `Hatched days (${e.coverage.partialDays} days) are not covered by every export (the sms export covers 14 February 2024 – 20 April 2024; the whatsapp export covers 15 March 2024 – 22 April 2024)`,
    );
    // Its data table has a row for each day drawn, the days without contact at either end included.
    expect(fig).toContain('Data: incidents per day (69 rows)');
    expect(fig).toContain(
      '<tr><th scope="row">2024-02-14</th><td class="num">0</td><td class="num">0</td><td class="num">0</td></tr>',
    );
  });

  it('HTML: the coverage paragraph and the change-point chart give the same number', () => {
    const page = out['html']!;
    const n = r.escalation!.coverage.partialDays;
    expect(page).toContain(
      'Every export covers 15 March 2024 – 20 April 2024 (37 days, the fully covered days)',
    );
    expect(page).toContain(
      `The other ${n} days of the window lie outside them and are hatched in the charts.`,
    );
    expect(page).not.toContain('covered by some exports only');
    const segments = page.indexOf('id="fig-segments"');
    expect(segments).toBeGreaterThan(0);
    expect(hatchedDays(figure(page, 'fig-segments'))).toBe(n);
  });

  it('Markdown and text: the window less the fully covered days is the same number', () => {
    const e = r.escalation!;
    const covered = e.coverage.fullyCovered!.days;
    expect(e.window.days - covered).toBe(e.coverage.partialDays);
    expect(out['markdown']).toContain(
      `use the ${covered} days that every export covers, 15 March to 20 April 2024`,
    );
    expect(out['text']).toContain(
      'Window      2024-02-14 → 2024-04-22 (69 days); fully covered 2024-03-15 → 2024-04-20',
    );
  });
});

describe('days every export covers that lie apart from the fully covered days', () => {
  // Two SMS backups with a gap between them (1–20 January, then 10 February – 31 March), and a WhatsApp export over
  // the whole time. The longest run every export covers is 10 February – 31 March; 1–20 January is covered by every
  // export too but cut off from it, so the analysis leaves it out (`covered` false) with 21 January – 9 February.
  const SMS1 = input('case/sms-20240121.xml');
  const WA = input('case/WhatsApp Chat with Sam.txt', 'whatsapp-txt');
  const SMS2 = input('case/sms-20240401.xml');
  const ones = (n: number) => new Array<number>(n).fill(1);
  const r = ReportSchema.parse(
    report(
      [
        ...daily('2024-01-01', ones(20)),
        ...daily('2024-02-10', ones(51), { input: 2 }),
        ...daily('2024-01-01', ones(91), { channel: 'whatsapp', sender: 'Sam', input: 1 }),
      ],
      kase(),
      [SMS1, WA, SMS2],
    ),
  );
  const e = r.escalation!;

  it('JSON: 40 days left out, 20 of them covered by every export', () => {
    expect(e.window).toMatchObject({ from: '2024-01-01', to: '2024-03-31', days: 91 });
    expect(e.coverage.fullyCovered).toEqual({ from: '2024-02-10', to: '2024-03-31', days: 51 });
    expect(e.coverage.partialDays).toBe(40);
  });

  it('the daily chart hatches all 40, and does not say that not every export covers the 20', () => {
    const f = dailyChart(r)!;
    expect(hatchedDays(f.svg)).toBe(40);
    expect(f.svg).toContain(
      '<title>every export covers 2024-01-01 to 2024-01-20, but apart from the fully covered days</title>',
    );
    expect(f.svg).toContain('<title>not every export covers 2024-01-21 to 2024-02-09</title>');
    expect(f.svg).toContain('>outside the fully covered days</text>');
    expect(f.caption).toContain(
      'Hatched days (40 days) are left out of the trend, change points and comparisons, which use the longest run of days every export covers (10 February 2024 – 31 March 2024): 20 days not covered by every export (the sms exports cover 1 January 2024 – 20 January 2024 and 10 February 2024 – 31 March 2024), where fewer incidents may only mean that an export ends, and 20 days that every export covers but that are cut off from that run.',
    );
  });

  it('the HTML coverage paragraph and the change-point chart count the same 40', () => {
    const page = renderHtml(r);
    expect(page).toContain('The other 40 days of the window lie outside them and are hatched in the charts.');
    expect(page).toContain('id="fig-segments"');
    expect(hatchedDays(figure(page, 'fig-segments'))).toBe(40);
  });
});

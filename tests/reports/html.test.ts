import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeAxis, valueTicks, WIDTH } from '../../src/reports/html/charts/svg.js';
import { dayNumber, isoDate, longDate, weekday } from '../../src/reports/html/dates.js';
import { plain, text, token } from '../../src/reports/html/escape.js';
import { html, renderHtml } from '../../src/reports/html/index.js';
import { heatBounds, heatLabels, heatLevel } from '../../src/reports/html/palette.js';
import { reportFormats } from '../../src/reports/index.js';
import { DIARY_TWO_YEARS_MONTHS } from '../helpers/time-axis-labels.js';
import { baseReport, hostileReport, reportWithChronology, reportWithEscalation } from './html-fixture.js';

const SECTION_IDS = ['summary', 'charts', 'change-over-time', 'sdash', 'chronology', 'evidence'];
const CHART_IDS = ['fig-daily', 'fig-calendar', 'fig-hours', 'fig-identifiers', 'fig-cumulative'];

const ALLOWED_TAGS = new Set(
  'html head meta title style body a div header p h1 h2 h3 h4 q dl dt dd nav ol ul li main section span strong em table thead tbody tfoot tr th td caption figure figcaption details summary svg defs pattern path rect circle line text g clipPath desc label input select option script footer code br bdi'.split(
    ' ',
  ),
);
const ALLOWED_ATTRS = new Set(
  'lang charset http-equiv content name class id href title role aria-labelledby aria-label aria-live hidden for type autocomplete spellcheck value viewBox width height x y x1 x2 y1 y2 cx cy r rx d fill fill-opacity stroke stroke-width stroke-opacity text-anchor focusable patternUnits clip-path dir data-ch data-lex data-window scope'.split(
    ' ',
  ),
);

/** The markup outside the one `<style>` and the one `<script>` (whose contents are code, not markup). */
function markup(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/, '<style></style>')
    .replace(/<script>[\s\S]*?<\/script>/, '<script></script>');
}

interface Tag {
  readonly name: string;
  readonly attrs: [string, string | undefined][];
}

/** Every start tag with its attributes; throws on a `<` that does not start a well-formed tag. */
function tags(page: string): Tag[] {
  const m = markup(page).replace(/^<!DOCTYPE html>/, '');
  const out: Tag[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*(?:="[^"<>]*")?)*)\s*\/?>/gy;
  let i = 0;
  while (i < m.length) {
    const lt = m.indexOf('<', i);
    if (lt === -1) break;
    re.lastIndex = lt;
    const t = re.exec(m);
    if (!t) throw new Error(`stray "<" at ${lt}: ${m.slice(lt, lt + 80)}`);
    if (t[1] === '') {
      const attrs = [...t[3]!.matchAll(/\s+([a-zA-Z][a-zA-Z0-9:-]*)(?:="([^"]*)")?/g)].map(
        (a) => [a[1]!, a[2]] as [string, string | undefined],
      );
      out.push({ name: t[2]!, attrs });
    }
    i = re.lastIndex;
  }
  return out;
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

const count = (s: string, needle: string) => s.split(needle).length - 1;

afterEach(() => {
  vi.useRealTimers();
});

describe('html report: structure', () => {
  it('has every section, numbered in order, with a contents list, when the report carries all the data', () => {
    const page = renderHtml(hostileReport());
    const found = [...page.matchAll(/<section class="major" id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(found).toEqual(SECTION_IDS);
    // The headings the Markdown report gives the same sections: neutral, since contact may also fall or stay flat.
    expect(page).toContain('<h2 id="change-over-time-h"><span class="num">3</span>Change over time</h2>');
    expect(page).toContain('<h2 id="sdash-h"><span class="num">4</span>S-DASH evidence sheet</h2>');
    expect(page).toContain('<li><a href="#change-over-time">Change over time</a></li>');
    expect(page).not.toMatch(/>Escalation</);
    SECTION_IDS.forEach((id, k) => {
      expect(page).toContain(`<h2 id="${id}-h"><span class="num">${k + 1}</span>`);
      expect(page).toContain(`<a href="#${id}">`);
    });
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    for (const landmark of ['<header', '<nav', '<main', '<footer']) expect(count(page, landmark)).toBe(1);
  });

  it('leaves out escalation, S-DASH and the annex when the report has none of them', () => {
    const page = renderHtml(baseReport());
    const found = [...page.matchAll(/<section class="major" id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(found).toEqual(['summary', 'charts', 'evidence']);
    expect(page).not.toContain('id="annex-table"');
  });

  it('names every table with a caption, so a screen reader announces what it holds', () => {
    for (const page of [renderHtml(hostileReport()), renderHtml(reportWithEscalation())]) {
      const tables = [...page.matchAll(/<table[^>]*>(<caption[^>]*>([^<]*)<\/caption>)?/g)];
      expect(tables.length).toBeGreaterThan(8);
      for (const t of tables) expect(t[2] ?? '', t[0]).toMatch(/^[A-Z].{10,}/);
    }
    // Before/after tables say what they compare around and which sides (html-comparison-tables.test.ts).
    expect(renderHtml(reportWithEscalation())).toMatch(
      /<caption class="vh">The milestone “[^”]+” on \d+ \w+ \d{4}: before compared with after, dates, days and contacts<\/caption>/,
    );
  });

  it('draws every chart with a title, a description, a visible caption and its data table', () => {
    const page = renderHtml(reportWithChronology());
    CHART_IDS.forEach((id, k) => {
      const start = page.indexOf(`<section class="chart" id="${id}"`);
      expect(start, id).toBeGreaterThan(-1);
      const chart = page.slice(start, page.indexOf('</details></section>', start));
      expect(chart).toContain(`<h3 id="${id}-h">Figure ${k + 1}. `);
      expect(chart).toMatch(new RegExp(`<svg [^>]*role="img" aria-labelledby="${id}-t ${id}-d"`));
      expect(chart).toMatch(
        new RegExp(`<title id="${id}-t">[^<]+</title><desc id="${id}-d">[^<]{40,}</desc>`),
      );
      expect(chart).toMatch(/<figcaption>[^<]{40,}<\/figcaption>/);
      expect(chart).toContain('<details class="data-table"><summary>Data: ');
      expect(chart).toContain('<th scope="col"');
    });
  });

  it('states the totals of the report on the summary page, and the accounting in one line', () => {
    const page = renderHtml(baseReport());
    expect(page).toContain('<strong>5 incidents</strong> attributed to the subject, <bdi>Sam Carter</bdi>');
    expect(page).toContain('<dt>Incidents</dt><dd><span class="big">5</span>');
    expect(page).toContain(
      '<dt>Days with contact</dt><dd><span class="big">3</span><span class="note">of 7 (43%)',
    );
    expect(page).toContain(
      '<dt>Busiest day</dt><dd><span class="big">2</span><span class="note">incidents on 4 March 2024',
    );
    expect(page).toContain(
      '9 records read from 2 files: 7 events (6 kept, 1 duplicate), 1 skipped, 1 rejected; 5 incidents among the events kept.',
    );
    expect(page).toContain('Calls by outcome: 2 missed.');
    expect(page).toContain('1 of 4 incidents with a time of day (25%) were between 00:00 and 05:59.');
  });

  it('keys the milestones A, B… in the summary and the charts, and names those outside the period', () => {
    const page = renderHtml(baseReport());
    expect(page).toContain(
      '<span class="key">A</span></td><td>5 March 2024</td><td><bdi>Police warning</bdi>',
    );
    expect(page).toContain('B 20 March 2024 Order served (after the period) (outside the period shown)');
    expect(count(page, '<g class="milestone"><title>A: 5 March 2024 Police warning</title>')).toBe(3);
    expect(page).not.toContain('<g class="milestone"><title>B:');
  });

  it('gives the inputs with SHA-256, size, format and accounting, the run, the methods and how to verify', () => {
    const page = renderHtml(baseReport());
    const evidence = page.slice(page.indexOf('id="evidence"'));
    // A hash is a run of 64 characters: it may break anywhere (escape.ts, LONG_RUN).
    expect(evidence).toContain(`<code class="hash"><span class="brk">${'a'.repeat(64)}</span></code>`);
    expect(evidence).toContain('<span id="f2">F2</span>');
    expect(evidence).toContain('skipped: blank-row 1');
    expect(evidence).toContain('rejected: DIARY_BAD_DATE 1');
    expect(evidence).toContain('<span title="2,048 bytes">2.0 KiB</span>');
    expect(evidence).toContain(
      '<dt>Generated at</dt><dd><span class="brk">2024-07-01T09:00:00.000Z</span> (UTC)</dd>',
    );
    expect(evidence).toContain('<code>--tz</code> <bdi>Europe/London</bdi>');
    expect(evidence).toContain('Europe/London (from the command line); tz database 2025c');
    expect(evidence).toContain('<code>chronolog verify report.json</code>');
    expect(evidence).toContain('<dt>Night-time share</dt>');
    expect(evidence).toContain('<code>DIARY_BAD_DATE</code>');
    expect(evidence).toContain('case/notes.txt</bdi> — not a supported export format');
  });

  it('says one number written two ways is one identifier only when every number could be put in international form', () => {
    const identifiers = (page: string) => {
      const at = page.indexOf('<dt>Identifiers</dt><dd>', page.indexOf('<dl class="methods">'));
      return page.slice(at + '<dt>Identifiers</dt><dd>'.length, page.indexOf('</dd>', at));
    };
    const withRegion = identifiers(renderHtml(baseReport()));
    expect(withRegion).toContain('read as numbers of region GB');
    expect(withRegion).toContain('so one number written two ways counts as one identifier');

    const noRegion = baseReport();
    noRegion.case.region = null;
    const international = identifiers(renderHtml(noRegion));
    expect(international).toContain('so one number written two ways counts as one identifier');
    expect(international).toContain('No region was set, and none was needed');

    noRegion.problems.push({
      code: 'CASE_REGION_NOT_SET',
      severity: 'warning',
      message: '1 phone number is written in national form, without a country code (07700900123), …',
    });
    const national = identifiers(renderHtml(noRegion));
    expect(national).not.toContain('written two ways counts as one identifier');
    expect(national).toContain(
      'No region was set for phone numbers, so numbers written without a country code (national form) are kept as written: such a number and the same number written with its country code count as two identifiers',
    );
  });

  it('renders a report without incidents: the summary says so and no chart is drawn', () => {
    const r = baseReport();
    r.identifiers = [];
    r.case.milestones = [];
    r.incidents = {
      ...r.incidents,
      total: 0,
      byChannel: {},
      byKind: {},
      byCallStatus: {},
      byIdentifier: {},
      first: null,
      last: null,
      firstLocal: null,
      lastLocal: null,
      daily: [],
      daysWithContact: 0,
      maxPerDay: null,
      night: { count: 0, eligible: 0, share: null },
      longestStreak: { days: 0, from: null, to: null },
      longestGap: { days: 0, from: null, to: null },
      weekly: [],
      hourByWeekday: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
    };
    const page = renderHtml(r);
    expect(page).toContain('No incidents attributed to the subject, <bdi>Sam Carter</bdi> were found');
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('id="charts"');
  });

  it('draws weekly bars, lighter for partial weeks, when the period is longer than a year', () => {
    const r = baseReport();
    const start = dayNumber('2023-01-04'); // a Wednesday: the first week is partial
    r.incidents.daily = Array.from({ length: 400 }, (_, k) => ({
      date: isoDate(start + k),
      count: k % 3 === 0 ? 1 : 0,
      byChannel: k % 3 === 0 ? { sms: 1 } : {},
    }));
    r.incidents.weekly = [];
    for (let k = 0; k < 400; ) {
      const days = k === 0 ? 5 : Math.min(7, 400 - k);
      const c = r.incidents.daily.slice(k, k + days).reduce((s, d) => s + d.count, 0);
      r.incidents.weekly.push({
        weekStart: isoDate(start + k - (k === 0 ? 2 : 0)),
        days,
        count: c,
        partial: days < 7,
      });
      k += days;
    }
    const page = renderHtml(r);
    expect(page).toContain('Figure 1. Incidents per week, by channel');
    expect(page).toContain('<rect class="hit veil"');
    expect(page).toContain('<th scope="row">2023-01-02 (5 days)</th>');
  });

  it('leaves out the hour chart when the matrix is missing or malformed, and draws totals without per-channel data', () => {
    const r = baseReport();
    const incidents = r.incidents as unknown as Record<string, unknown>;
    delete incidents['hourByWeekday'];
    for (const d of r.incidents.daily as unknown as Record<string, unknown>[]) delete d['byChannel'];
    let page = renderHtml(r);
    expect(page).not.toContain('id="fig-hours"');
    expect(page).toContain('Figure 1. Incidents per day</h3>');
    expect(page).not.toContain('<g class="legend">');
    incidents['hourByWeekday'] = [[1, 2, 3]];
    page = renderHtml(r);
    expect(page).not.toContain('id="fig-hours"');
  });
});

describe('html report: self-contained and safe', () => {
  it('has a Content-Security-Policy that forbids network access and allows only its own style and script', () => {
    const page = renderHtml(hostileReport());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!.split(/;\s*/).map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['img-src']).toBe('data:');
    expect(directives['base-uri']).toBe("'none'");
    expect(directives['connect-src']).toBeUndefined();
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(directives['style-src']).toBe(`'sha256-${sha256(style)}'`);
    expect(directives['script-src']).toBe(`'sha256-${sha256(script)}'`);
    // The policy comes before anything it governs.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
  });

  it('makes no external reference: every link is a fragment, no src attribute, no url() but local ids', () => {
    const page = renderHtml(hostileReport());
    for (const t of tags(page)) {
      for (const [name, value] of t.attrs) {
        expect(name.toLowerCase(), `<${t.name} ${name}>`).not.toMatch(
          /^(src|srcset|xlink:href|action|formaction|poster|background)$/,
        );
        if (name === 'href') expect(value, `<${t.name} href>`).toMatch(/^#[a-z0-9_-]+$/);
        if (value !== undefined && /url\(/.test(value)) expect(value).toMatch(/^url\(#[a-z0-9-]+\)$/);
      }
    }
    expect(page).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(markup(page)).not.toMatch(/<(link|img|iframe|object|embed|base|form)\b/i);
    expect(/<style>([\s\S]*?)<\/style>/.exec(page)![1]).not.toMatch(/@import|url\(/);
  });

  it('escapes every hostile string: only known tags and attributes, no event handlers, one script, one style', () => {
    const page = renderHtml(hostileReport());
    const all = tags(page); // throws on any "<" that is not a tag of ours
    for (const t of all) {
      expect(ALLOWED_TAGS.has(t.name), `tag <${t.name}>`).toBe(true);
      for (const [name] of t.attrs) {
        expect(ALLOWED_ATTRS.has(name), `attribute ${name} on <${t.name}>`).toBe(true);
        expect(name.toLowerCase().startsWith('on')).toBe(false);
      }
    }
    expect(count(page, '<script')).toBe(1);
    expect(count(page, '<style')).toBe(1);
    expect(count(page, '</script>')).toBe(1);
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).toContain('&#60;/script&#62;&#60;script&#62;alert(2)&#60;/script&#62;');
    expect(page).toContain('&#34; onmouseover=&#34;alert(3)&#34; x=&#34;');
    expect(page).toContain('&#38;lt;b&#38;gt;not bold&#38;lt;/b&#38;gt;');
  });

  it('shows bidi overrides and control characters as visible markers, never raw', () => {
    const page = renderHtml(hostileReport());
    expect(page).not.toMatch(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/,
    );
    expect(page).toContain('invoice<span class="cc">&#60;U+202E&#62;</span>txt.exe');
    expect(page).toContain('<span class="cc">&#60;U+001B&#62;</span>[31mred');
    // In attributes and SVG text the marker is plain text.
    expect(page).toContain('invoice&#60;U+202E&#62;txt.exe');
  });

  it('keeps message text verbatim (escaped) in the annex, with its line breaks', () => {
    const page = renderHtml(hostileReport());
    expect(page).toContain('<td class="msg" dir="auto">&#60;img src=x onerror=alert(1)&#62;</td>');
    expect(page).toContain('Waiting outside the house\nfor an hour');
  });

  it('turns hostile incident ids into safe fragment ids, and S-DASH links resolve to annex rows', () => {
    const page = renderHtml(hostileReport());
    const target = `e-${token('"><script>alert(6)</script>')}`;
    const sdash = page.slice(page.indexOf('id="sdash"'), page.indexOf('id="chronology"'));
    expect(sdash).toContain(`<a href="#${target}">`);
    expect(page).toContain(`<tr id="${target}"`);
    // Every fragment link in the page points at an element of the page.
    const ids = new Set([...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of page.matchAll(/ href="#([^"]+)"/g)) expect(ids.has(m[1]), m[1]).toBe(true);
  });
});

describe('html report: escalation and S-DASH', () => {
  it('puts the findings sentences and the latest rate against the first on the summary page', () => {
    const page = renderHtml(hostileReport());
    const summary = page.slice(page.indexOf('id="summary"'), page.indexOf('id="charts"'));
    expect(summary).toContain('<li>Contact rose &#60;img src=x onerror=alert(1)&#62;</li>');
    expect(summary).toContain('<li>Second finding <span class="brk">&#60;/script&#62;');
    expect(summary).toContain(
      '<dt>Contacts a day, first → last 3 days</dt><dd><span class="big">withheld</span><span class="note">not compared: only 7 days <span class="brk">&#60;/style&#62;',
    );
    // A withheld comparison is no headline: its two rates stay in the note, with why.
    expect(summary).toContain(
      ' First 3 days every export covers (4–6 March 2024) against the last 3 days (7–9 March 2024): 1.0 a day in the first, 0 in the last (3 and 0 contacts).</span>',
    );
    expect(summary).not.toContain('<span class="big">1.0 → 0</span>');
    expect(summary).toContain('<dl class="figures n9">');
    // The milestone table gets the count of incidents from each milestone on (matched by date and label).
    const plainPage = renderHtml(reportWithEscalation());
    expect(plainPage).toContain('<bdi>Police warning</bdi></td><td>warning</td><td class="num">3</td>');
    expect(plainPage).toContain(
      '<bdi>Order served (after the period)</bdi></td><td>order</td><td class="num">–</td>',
    );
  });

  it('renders every part of the escalation analysis, escaped, with its methods and withheld figures', () => {
    const page = renderHtml(reportWithEscalation());
    const esc = page.slice(page.indexOf('id="change-over-time"'), page.indexOf('id="sdash"'));
    for (const id of [
      'coverage',
      'rate',
      'now',
      'trend',
      'milestones',
      'cease',
      'monthly',
      'identifiers',
      'bursts',
      'content',
    ])
      expect(esc, id).toContain(`<section class="subsection" id="esc-${id}"`);
    expect(esc).toContain('Rate ratio per 30 days 2.3 (95% CI 1.5–3.9, p &#60; 0.001;');
    expect(esc).toContain('Withheld: only 7 days d.');
    expect(esc).toContain(
      'Rate ratio, after ÷ before, <strong>0.10</strong> (95% CI 0.0020–1.9; exact conditional Poisson test, p = 0.087)',
    );
    expect(esc).toContain('2 contacts fall on 10 March 2024 (1 day)');
    expect(esc).toContain('<q dir="auto">You&#39;ll regret this b</q>');
    expect(esc).toContain('<h3 id="fig-segments-h">Figure 6. ');
    // Incident references link to the annex and name the input file by its key.
    expect(esc).toContain(
      '<a href="#e-0000000000000001">4 March 2024, 09:10</a> <span class="muted">(sms; <span title="case/sms.xml">F1</span> line 1)</span>',
    );
    const evidence = page.slice(page.indexOf('id="evidence"'));
    expect(evidence).toContain('<h3>Statistical methods and their limits</h3>');
    expect(evidence).toContain('<li>Counts only what the files hold c</li>');
  });

  it('cites a request to stop, a message from the victim with no chronology row, by file, place and id, unlinked', () => {
    const page = renderHtml(reportWithEscalation());
    const cease = page.slice(page.indexOf('id="esc-cease"'), page.indexOf('id="esc-monthly"'));
    expect(cease).toContain(
      '<td>4 March 2024, 09:10 <span class="muted">(sms; <span title="case/sms.xml">F1</span> line 7; id 00000000000000a0)</span></td>',
    );
    expect(page).not.toContain('href="#e-00000000000000a0"');
    expect(cease).toContain(
      'The request is a message from the victim, not an incident: it is not counted among the contacts and has no row in section “Chronology of incidents”.',
    );
    // An incident cited beside it still opens its row, and says no id (its row shows it).
    expect(cease).toContain(
      'First: <a href="#e-0000000000000005">10 March 2024, 02:30</a> <span class="muted">(sms; <span title="case/sms.xml">F1</span> sms[4] c)</span>.',
    );
  });

  it('lists S-DASH facts by question number, never answering or scoring, and names what the files cannot inform', () => {
    const page = renderHtml(reportWithEscalation());
    const sdash = page.slice(page.indexOf('id="sdash"'), page.indexOf('id="chronology"'));
    expect(sdash.indexOf('<span class="qnum">Q1</span>')).toBeLessThan(
      sdash.indexOf('<span class="qnum">Q7</span>'),
    );
    expect(sdash).toContain('Cannot be answered from these files');
    expect(sdash).toContain('<li class="muted">and 3 more</li>');
    expect(sdash).toContain('does not answer or score the questions');
  });

  it('leaves out the S-DASH section when the analysis has no items', () => {
    const r = reportWithEscalation();
    r.escalation!.sdash = [];
    const page = renderHtml(r);
    expect(page).toContain('id="change-over-time"');
    expect(page).not.toContain('id="sdash"');
  });
});

describe('html report: determinism, print, annex, wording', () => {
  it('gives byte-identical output for the same report, whatever the clock or the machine zone', () => {
    const r = hostileReport();
    const first = renderHtml(r);
    expect(renderHtml(structuredClone(r))).toBe(first);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(renderHtml(r)).toBe(first);
    } finally {
      process.env.TZ = tz;
    }
    expect(html.render(r, {} as never)).toBe(first);
  });

  it('prints as a clean A4 document: page breaks, repeated table headers, every annex row, no controls', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(renderHtml(baseReport()))![1]!;
    const print = style.slice(style.indexOf('@media print'));
    expect(style).toMatch(/@page \{ size: A4;/);
    expect(style).toContain('counter(page)');
    expect(print).toContain('section.major { margin: 0; break-before: page; }');
    expect(print).toContain('thead { display: table-header-group; }');
    expect(print).toContain('table.annex tr[hidden] { display: table-row !important; }');
    expect(print).toMatch(/\.filter[^{]*\{ display: none !important; \}/);
  });

  it('lists every incident in the annex, in order, with channel, kind, sender, text and a source key', () => {
    const r = reportWithChronology();
    const page = renderHtml(r);
    const rows = [...page.matchAll(/<tr id="e-([0-9a-z_-]+)" data-ch="([a-z-]+)">/g)];
    expect(rows.map((m) => m[1])).toEqual(r.chronology!.map((e) => e.id));
    expect(rows.map((m) => m[2])).toEqual(['sms', 'call', 'in-person', 'call', 'sms']);
    expect(page).toContain('<td>call (missed)</td>');
    expect(page).toContain('<a href="#f1" title="case/sms.xml">F1</a> <span class="loc">line 1</span>');
    expect(page).toContain('<a href="#f2" title="case/diary.csv">F2</a>');
    // Record notes in words (the code stays in the title), and a diary row's evidence columns under its text.
    expect(page).toContain('<span class="flag" title="time-approximate">time approximate</span>');
    expect(page).toContain(
      'for an hour <span class="sub"><span class="detail-name">Location:</span> <bdi>Home (new flat)</bdi>; <span class="detail-name">Witnesses:</span> <bdi>Jess</bdi>; <span class="detail-name">Reported to police:</span> <bdi>yes</bdi>; <span class="detail-name">Police reference:</span> <bdi>41/25502/24</bdi></span>',
    );
    // Filter controls stay hidden until the script shows them, so a page without scripts has no dead controls.
    expect(page).toContain('<div class="filter" id="annex-filter" role="search" hidden>');
    expect(page).toContain('<option value="in-person">in-person (1)</option>');
  });

  it('uses neutral wording', () => {
    const page = renderHtml(hostileReport()).replace(/<script>[\s\S]*?<\/script>/, '');
    expect(page).not.toMatch(/\b(stalker|perpetrator|offender|abuser|guilty)\b/i);
    // "Victim" names only the role the case file and --victim give (the person the exports belong to), as the
    // text and Markdown reports and the findings name it; it never describes what happened to them.
    const roles = [
      '<dt>Victim</dt>',
      '<dt>Victim identifiers</dt>',
      'The victim’s own messages are not incidents.',
      // The glossary's definition of an incident.
      'the victim’s own messages are not incidents. The findings call incidents contacts.',
      'Messages from the victim were searched',
      // Why a request to stop is cited without a link to the chronology.
      'is a message from the victim, not an incident',
    ];
    for (const role of roles) expect(page).toContain(role);
    expect(roles.reduce((p, role) => p.split(role).join(''), page)).not.toMatch(/\bvictim\b/i);
  });

  it('is registered after markdown as a page format that needs the chronology', () => {
    const ids = reportFormats.map((f) => f.id);
    expect(ids.indexOf('html')).toBe(ids.indexOf('markdown') + 1);
    expect(html.notForTerminal).toBe(true);
    expect(html.needsChronology).toBe(true);
  });
});

describe('html report: helpers', () => {
  it('escapes for content and for attributes', () => {
    expect(text('<a href="x">&\u202E\u200E')).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#38;<span class="cc">&#60;U+202E&#62;</span>',
    );
    expect(plain('<b>\u0007')).toBe('&#60;b&#62;&#60;U+0007&#62;');
    expect(token('a"b<c')).toBe('a_22b_3cc');
  });

  it('does calendar arithmetic without the machine zone', () => {
    expect(weekday(dayNumber('2024-03-04'))).toBe(0);
    expect(weekday(dayNumber('2024-03-10'))).toBe(6);
    expect(isoDate(dayNumber('2024-02-29') + 1)).toBe('2024-03-01');
    expect(longDate('2024-01-08 18:42')).toBe('8 January 2024');
  });

  it('wraps only runs of more than 20 characters without a space in a break-anywhere span', () => {
    expect(text('an ordinary sentence of Februaryish words')).toBe(
      'an ordinary sentence of Februaryish words',
    );
    expect(text(`see ${'x'.repeat(20)} then`)).toBe(`see ${'x'.repeat(20)} then`);
    expect(text(`see ${'x'.repeat(21)} then`)).toBe(`see <span class="brk">${'x'.repeat(21)}</span> then`);
    // An escaped character counts once, a marker as the text it shows ("<U+200B>", 8 characters).
    expect(text('&'.repeat(20))).toBe('&#38;'.repeat(20));
    expect(text(`ab\u200Bcdefghijkl`)).toBe('ab<span class="cc">&#60;U+200B&#62;</span>cdefghijkl');
    expect(text(`ab\u200Bcdefghijklm`)).toBe(
      '<span class="brk">ab<span class="cc">&#60;U+200B&#62;</span>cdefghijklm</span>',
    );
  });

  it('labels months with the year at the first label and at each new year, all inside the chart', () => {
    const labels = (svg: string) =>
      [...svg.matchAll(/<text class="ax" x="([\d.]+)" y="[\d.]+"( text-anchor="end")?>([^<]+)<\/text>/g)].map(
        (m) => ({ x: Number(m[1]), end: m[2] !== undefined, text: m[3]! }),
      );
    // fixtures/diary-two-years: 4 January 2023 to 1 January 2025, a label every two months, the last on the last day.
    const two = new TimeAxis('2023-01-04', 729, 44, WIDTH - 12).months(222);
    expect(labels(two).map((l) => l.text)).toEqual([...DIARY_TWO_YEARS_MONTHS]);
    // "Jan 2025" would start at its tick, 2 px from the plot's right edge: it ends just inside the chart instead.
    expect(labels(two).at(-1)).toEqual({ x: WIDTH - 4, end: true, text: 'Jan 2025' });
    expect(two.match(/class="tick"/g)).toHaveLength(12);
    // The identifier chart's narrower plot has no room for "Nov" before "Jan 2025": its tick stays, its label goes.
    const narrow = labels(new TimeAxis('2023-01-04', 729, 210, WIDTH - 16).months(100)).map((l) => l.text);
    expect(narrow.slice(-3)).toEqual(['Jul', 'Sep', 'Jan 2025']);
    // A case from mid-March: the partial month is named at the left edge, with its year, and April without.
    const spring = labels(new TimeAxis('2024-03-10', 60, 44, WIDTH - 12).months(222)).map((l) => l.text);
    expect(spring).toEqual(['Mar 2024', 'Apr', 'May']);
  });

  it('chooses value ticks and heat levels', () => {
    expect(valueTicks(25)).toEqual({ top: 30, ticks: [0, 10, 20, 30] });
    expect(valueTicks(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    const bounds = heatBounds(25);
    expect(bounds).toEqual([7, 13, 19, 25]);
    expect(heatLabels(bounds)).toEqual(['0', '1–7', '8–13', '14–19', '20–25']);
    expect([0, 1, 7, 8, 25, 99].map((v) => heatLevel(v, bounds))).toEqual([0, 1, 1, 2, 4, 4]);
    expect(heatLabels(heatBounds(2))).toEqual(['0', '1', '2']);
  });
});

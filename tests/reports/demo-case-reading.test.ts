/**
 * The demo case as an officer reads it (fixtures/demo-case): every format must say the same thing, in words
 * that neither overstate nor contradict each other. Each check here comes from a reading of the rendered
 * reports: a sentence that named reported change points as ones the method "would also" place, a "now" that
 * ended a month before the exports did, incidents said to be "from" the subject, a placeholder counted as an
 * identifier, and accounting that left out kept and skipped records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, renderAs, reportOf } from '../helpers/report.js';

let report: Report;
const rendered: Record<string, string> = {};

const textOf = (r: Report) => renderAs('text', r);

beforeAll(async () => {
  report = await reportOf(['fixtures/demo-case']);
  Object.assign(rendered, renderAll(report));
});

describe('demo case: what the reports say', () => {
  it('names as "also" only the change points the unscaled penalty adds', () => {
    const e = report.escalation!;
    expect(e.changePoints.map((c) => c.date)).toEqual(['2024-03-09', '2024-05-22']);
    expect(e.changePointMethod.unscaledDates).toEqual(['2024-03-09', '2024-04-02', '2024-05-22']);
    const sentence =
      'Without scaling the penalty for overdispersion, the method would also place a change around 2 April 2024; it does not stand out from the day-to-day variation.';
    expect(rendered['html']).toContain(sentence);
    expect(e.findings.join('\n')).toContain(
      'the change-point method would also place a change around 2 April 2024; allowing for it, that change does not stand out (PELT without the penalty scaled for overdispersion).',
    );
  });

  it('dates the latest rate instead of calling it "now": the exports run on past its end', () => {
    const h = report.escalation!.headline.rateNowVsStart;
    expect([h.before.from, h.before.to, h.after.from, h.after.to]).toEqual([
      '2024-01-08',
      '2024-02-04',
      '2024-05-04',
      '2024-05-31',
    ]);
    expect(report.incidents.lastLocal!.slice(0, 10)).toBe('2024-06-29');
    // Only quoted diary text may say "now" (a diary row: "asking where I live now"); the HTML anchor `esc-now`
    // stays as it was, so links into earlier reports still work.
    for (const id of ['text', 'markdown', 'html']) {
      const said = [...rendered[id]!.matchAll(/.{0,20}(?<!-)\bnow\b(?! on)(?!-)/gi)].map((m) => m[0]);
      expect(
        said.every((s) => s.endsWith('where I live now')),
        `${id}: ${said.join(' | ')}`,
      ).toBe(true);
    }
    expect(rendered['text']).toContain(
      'First/last  1.4 → 6.7 a day: RR 4.7 (95% CI 3.3–6.8, p < 0.001; quasi 95% CI 2.5–8.8, p < 0.001)  [exact conditional Poisson test]\n            first 28 days covered 2024-01-08 → 2024-02-04, last 2024-05-04 → 2024-05-31; the rate is estimated to have changed inside the last 28 days, around 2024-05-22 (see Changes)\n',
    );
    expect(rendered['html']).toContain(
      '<dt>Contacts a day, first → last 28 days</dt><dd><span class="big">1.4 → 6.7</span><span class="note">first 28 days every export covers (8 January to 4 February 2024) against the last 28 days (4–31 May 2024);',
    );
    expect(rendered['markdown']).toContain('### Latest rate against the first\n\nLast 28 against first 28');
  });

  it('attributes incidents to the subject rather than saying they are "from" them', () => {
    expect(rendered['text']).toContain(
      'Incidents   690 attributed to Sam Carter; contact on 149 of the 174 days (86%)',
    );
    expect(rendered['markdown']).toContain('**690 incidents** attributed to Sam Carter between');
    expect(report.escalation!.findings[0]).toContain('there were 690 contacts attributed to Sam Carter,');
    // The case title ("unwanted contact from Sam Carter") is the user's own words; the figures are not.
    for (const id of ['text', 'markdown']) {
      expect(
        rendered[id]!.split('\n').filter((l) => l.includes('from Sam Carter') && !l.includes('(demo case')),
      ).toEqual([]);
    }
  });

  it('counts the identifiers the subject used, not the diary rows that name no identifier', () => {
    expect(report.identifiers.map((x) => x.identifier)).toContain('(subject, as recorded)');
    expect(report.identifiers).toHaveLength(4);
    expect(rendered['markdown']).toContain(
      'through 6 channels and 3 identifiers, and 25 diary entries that name none.',
    );
    expect(rendered['html']).toContain(
      '<dt>Identifiers</dt><dd><span class="big">3</span><span class="note">attributed to the subject, and 25 diary entries that name none</span>',
    );
    const sdash = report.escalation!.sdash.find((q) => q.number === 9)!;
    expect(sdash.facts[0]!.text).toMatch(/^The incidents come from 3 identifiers attributed/);
  });

  it('gives the whole books in every format, with the reasons for skipped records', () => {
    const a = report.accounting;
    expect(a.records).toBe(a.kept + a.duplicates + a.skipped + a.rejected);
    // "Events" as the README's accounting defines it (kept + duplicates), in every format, never the number kept.
    expect(a.events).toBe(1975);
    const books =
      '1,978 records read from 6 files: 1,975 events (1,737 kept, 238 duplicates), 3 skipped, 0 rejected';
    expect(rendered['markdown']).toContain(`Accounting: ${books}; 690 incidents among the events kept.`);
    expect(rendered['html']).toContain(`${books}; 690 incidents among the events kept.`);
    expect(rendered['text']).toContain(
      'Accounting  1,978 records read from 6 files in fixtures/demo-case/: 1,975 events (1,737 kept, 238 duplicates), 3 skipped, 0 rejected',
    );
    for (const f of ['markdown', 'html', 'text']) expect(rendered[f], f).not.toMatch(/1,737 events/);
    expect(rendered['markdown']).toContain(
      '| **Total** |  |  | **1,978** | **1,737** | **238** | **3** | **0** |',
    );
    expect(rendered['markdown']).toContain(
      '- fixtures/demo-case/WhatsApp Chat with Sam.txt: skipped block-notice 1 (line 92), system-notice 1 (line 1)',
    );
    // The one-screen text gives the reasons summed over the files, in one line whatever their number.
    expect(rendered['text']).toMatch(/\n {2}total {2}[^\n]*\n {2}skipped: block-notice 1, system-notice 2\n/);
  });

  it("shows a diary row's evidence columns and how exact its time is, in the chronology", () => {
    const md = rendered['markdown']!;
    expect(md).toContain(
      '| 2024-03-02 20:00 (time approximate) | in-person | visit | \\(subject, as recorded\\) | Standing across the road',
    );
    expect(md).toContain(
      'Called 999. — *Type of contact:* Turned up at my house; *Location:* Home \\(new flat\\); *Witnesses:* Neighbour at no. 12; *Reported to police:* Y \\(999\\); *Police reference:* 41/25502/24 | fixtures/demo-case/incident-diary.csv line 26 |',
    );
    expect(rendered['html']).toContain(
      '<span class="detail-name">Police reference:</span> <bdi>41/25502/24</bdi>',
    );
    const row = report.chronology!.find(
      (c) => c.locator === 'line 26' && c.file.endsWith('incident-diary.csv'),
    )!;
    expect(row.details).toMatchObject({ witnesses: 'Neighbour at no. 12', police_ref: '41/25502/24' });
  });

  it('says how calls split between the phone and apps, so the call channel and the call kind reconcile', () => {
    expect(report.incidents.byChannel.call).toBe(149);
    expect(report.incidents.byKind.call).toBe(167);
    expect(rendered['text']).toMatch(/Calls {7}167: missed 109 · .* {2}\(149 by phone, 18 in apps\)/);
    expect(rendered['html']).toMatch(/Calls by outcome: [^<]*\(149 by phone, 18 in apps\)\./);
  });

  it('writes months and intervals so they cannot be misread', () => {
    expect(rendered['text']).toContain('Night/month 2024-01 3% · 2024-02 3% · 2024-03 13%');
    expect(rendered['html']).toContain('(120 of 689 timed incidents; 95% CI 15%–20%)');
  });

  it('keeps veiled threats apart from threats to kill or harm, and shows both to S-DASH question 6', () => {
    const cat = (id: string) => report.escalation!.content.categories.find((c) => c.id === id)!;
    expect(cat('threats')).toMatchObject({ label: 'Threats to kill or harm', incidents: 0 });
    expect(cat('intimidation')).toMatchObject({ label: 'Intimidation and veiled threats', incidents: 2 });
    const q6 = report.escalation!.sdash.find((q) => q.number === 6)!;
    expect(q6.facts.map((f) => f.text)).toEqual([
      'No incident text matches the threats-to-kill-or-harm terms of the lexicon.',
      '2 incidents have text matching the intimidation-and-veiled-threat terms of the lexicon (for a person to read in context; examples are linked).',
      'No incident text matches the sexual-content terms of the lexicon.',
    ]);
    // The sheet says what the files hold for a question, never answers it.
    expect(rendered['markdown']).toMatch(/\*\*6\. [^*]+\*\*\n\nEvidence in these files: in part\n/);
    expect(rendered['markdown']).not.toContain('backed by data');
  });

  it('says beside the rate how many incidents a narrower window leaves out', async () => {
    const narrow = await reportOf(['fixtures/demo-case'], { from: '2024-03-01', to: '2024-04-30' });
    expect(narrow.escalation!.window.incidentsOutside).toBe(332);
    expect(textOf(narrow)).toContain(
      'Rate        5.9 a day (95% confidence interval (CI) 5.3–6.5)  [exact Poisson interval]\n            332 incidents fall outside the window and are not counted in these figures\n',
    );
  });

  it('says why there are no statistics when no record falls inside the window, instead of leaving them out', async () => {
    const empty = await reportOf(['fixtures/demo-case/sms-20240315120000.xml'], {
      from: '2026-01-01',
      subject: ['+447700900123'],
      tz: 'Europe/London',
      region: 'GB',
    });
    expect(empty.accounting.events).toBe(525);
    expect(empty.escalation!.window).toMatchObject({ from: null, source: 'none', incidentsOutside: 28 });
    const said =
      'No record falls inside the window, so there is nothing to analyse: all 28 incidents fall outside it. Check the window\'s dates (--from, --to or "window" in the case file).';
    expect(empty.escalation!.findings).toEqual([said]);
    expect(textOf(empty)).toContain(`\nWindow      ${said}\n`);
  });

  it('keeps the line breaks of a message of several lines visible in the Markdown chronology, as the HTML does', () => {
    // _chat.txt lines 71–73 of the iPhone export: one message of three lines.
    expect(rendered['markdown']).toContain(
      '| Sam | I’m not going away ↵ Why did you do that to me ↵ I know you’re home — *Lexicon: Surveillance or knowledge of whereabouts* | fixtures/demo-case/whatsapp-iphone/\\_chat.txt line 71 |',
    );
    expect(rendered['html']).toContain('I’m not going away\nWhy did you do that to me\nI know you’re home');
  });

  it('says how long each of the call log’s answered calls lasted, in both chronologies', () => {
    const answered = report.chronology!.filter((c) => c.channel === 'call' && c.callStatus === 'answered');
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((c) => typeof c.callDurationSec === 'number')).toBe(true);
    expect(rendered['markdown']).toContain('| call | call (answered, 1 min 8 s) |');
    expect(rendered['html']).toContain('<td>call</td><td>call (answered, 1 min 8 s)</td>');
  });
});

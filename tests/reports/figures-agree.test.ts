/**
 * The figures a reader checks against each other say the same thing in the terminal, Markdown and HTML reports,
 * and each part of a line adds up to its total. fixtures/calls-diary-dst holds (Europe/London):
 * - Jo diary.csv: a visit, a "phone call" row that gives no outcome, a "missed call" row and a letter, none
 *   naming a number (the placeholder row "(subject, as recorded)", 4 entries);
 * - calls-….xml: a missed and a rejected call from the subject's number, an answered call from Mum;
 * - sms-….xml: two texts from the subject, one from Mum ("Are you ok hun? x"), an AMAZON parcel text, and two
 *   texts the victim sent (the last on 5 April, so the exports run 5 days past the last incident);
 * - WhatsApp Chat with Sam.txt: messages, a "Missed voice call" and a "Voice call" (no outcome) in the app, and
 *   a message written at 01:30 on 31 March 2024, a time that did not exist (the clocks went forward).
 * Calls: 6 from the subject: missed 3, rejected 1, no outcome 2 (the diary row and the WhatsApp "Voice call");
 * 4 on the phone's call log, 2 in WhatsApp.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadFlags } from '../../src/cli/read.js';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { callTally } from '../../src/reports/tallies.js';
import { cli, NOW } from '../helpers/cli.js';
import { renderAll, renderAs, reportOf } from '../helpers/report.js';
import { scratch } from '../helpers/robustness.js';

const DIR = 'fixtures/calls-diary-dst';
const BASE: ReadFlags = { tz: 'Europe/London', region: 'GB', victim: ['Jo Bennett'] };
const SUBJECT: ReadFlags = { ...BASE, subject: ['+447700900123', 'Sam'] };

let report: Report;
let shown: Record<string, string>;
beforeAll(async () => {
  report = await reportOf([DIR], SUBJECT);
  shown = renderAll(report);
});

describe('calls by outcome add up to the calls', () => {
  it('counts a call whose record gives no outcome, so no part of the line is negative', () => {
    expect(report.incidents.byKind.call).toBe(6);
    expect(report.incidents.byChannel.call).toBe(4);
    // The JSON counts the outcomes recorded (the WhatsApp "Voice call" as unknown) and, apart, the call whose
    // record gives none (the diary's "phone call"): together they are the calls. The reports count the two as
    // "outcome not recorded".
    expect(report.incidents.byCallStatus).toEqual({ missed: 3, rejected: 1, unknown: 1 });
    expect(report.incidents.callsWithoutOutcome).toBe(1);
    expect(outcomesInJson(report)).toBe(report.incidents.byKind.call);
    expect(shown['text']).toContain(
      '\nCalls       6: missed 3 · rejected 1 · outcome not recorded 2  (4 by phone, 2 in apps)\n',
    );
    expect(shown['html']).toContain(
      'Calls by outcome: 3 missed, 1 rejected and 2 with no outcome recorded (4 by phone, 2 in apps).',
    );
    expect(shown['markdown']).toContain(
      [
        '| Call outcome | Calls |',
        '| --- | ---: |',
        '| missed | 3 |',
        '| rejected | 1 |',
        '| outcome not recorded | 2 |',
        '| **Total** | **6** |',
        '',
        'Of the 6 calls, 4 by phone, 2 in apps.',
      ].join('\n'),
    );
  });

  it('says nothing about apps when every call is on the phone (the diary alone)', async () => {
    const alone = await reportOf([`${DIR}/Jo diary.csv`], SUBJECT);
    expect(alone.incidents.byCallStatus).toEqual({ missed: 1 });
    expect(alone.incidents.callsWithoutOutcome).toBe(1);
    expect(outcomesInJson(alone)).toBe(alone.incidents.byKind.call);
    const diary = renderAll(alone);
    expect(diary['text']).toContain('\nCalls       2: missed 1 · outcome not recorded 1\n');
    expect(diary['html']).toContain('Calls by outcome: 1 missed and 1 with no outcome recorded.');
    expect(diary['markdown']).toContain(
      '| outcome not recorded | 1 |\n| **Total** | **2** |\n\n## Identifiers',
    );
    for (const out of Object.values(diary)) expect(out).not.toContain('in apps');
  });

  it('says "all in apps" when no call is on the phone', () => {
    const t = callTally({
      ...report.incidents,
      byChannel: { whatsapp: 3 },
      byKind: { call: 3 },
      byCallStatus: { missed: 2 },
    });
    expect(t).toEqual({
      total: 3,
      outcomes: [
        ['missed', 2],
        ['outcome not recorded', 1],
      ],
      byPhone: 0,
      inApps: 3,
    });
  });

  it('adds up in the JSON of a diary whose calls mostly give no outcome, as the text report says', async () => {
    // fixtures/csv-diary: nine calls, of which two missed calls, a voicemail, and six rows that give no outcome.
    const diary = await reportOf(['fixtures/csv-diary'], { tz: 'Europe/London', subject: ['him'] });
    expect(diary.incidents.byKind.call).toBe(9);
    expect(diary.incidents.byCallStatus).toEqual({ missed: 2, voicemail: 1 });
    expect(diary.incidents.callsWithoutOutcome).toBe(6);
    expect(outcomesInJson(diary)).toBe(9);
    expect(renderAs('text', diary)).toContain(
      '\nCalls       9: missed 2 · voicemail 1 · outcome not recorded 6  (',
    );
  });

  it('leaves callsWithoutOutcome out when every call gives an outcome, unknown included', async () => {
    const chat = await reportOf([`${DIR}/WhatsApp Chat with Sam.txt`], SUBJECT);
    expect(chat.incidents.byCallStatus).toEqual({ missed: 1, unknown: 1 });
    expect(chat.incidents).not.toHaveProperty('callsWithoutOutcome');
    expect(outcomesInJson(chat)).toBe(chat.incidents.byKind.call);
    expect(renderAs('text', chat)).toContain(
      '\nCalls       2: missed 1 · outcome not recorded 1  (all in apps)\n',
    );
  });

  it('counts, in a report made before callsWithoutOutcome, what byKind.call has beyond byCallStatus', () => {
    const { callsWithoutOutcome: _, ...older } = report.incidents;
    expect(callTally(older)).toEqual(callTally(report.incidents));
  });
});

/** The calls the JSON accounts for: every outcome recorded, and the calls whose record gives none. */
function outcomesInJson(r: Report): number {
  const outcomes = Object.values(r.incidents.byCallStatus).reduce((s, n) => s + (n ?? 0), 0);
  return outcomes + (r.incidents.callsWithoutOutcome ?? 0);
}

describe('identifiers are counted the same way everywhere', () => {
  it('leaves the placeholder row out of the count and says what it stands for', () => {
    expect(report.identifiers.map((x) => [x.identifier, x.incidents])).toEqual([
      ['+447700900123', 4],
      ['(subject, as recorded)', 4],
      ['Sam', 5],
    ]);
    const phrase = '2 identifiers attributed to the subject, and 4 diary entries that name none';
    expect(shown['text']).toContain('\nIdentifiers 2, and 4 diary entries that name none\n');
    expect(shown['markdown']).toContain(
      'through 5 channels and 2 identifiers, and 4 diary entries that name none.',
    );
    expect(shown['markdown']).toContain(`## Identifiers used\n\n${phrase}:\n\n| Identifier |`);
    expect(shown['html']).toContain(
      '<dt>Identifiers</dt><dd><span class="big">2</span><span class="note">attributed to the subject, and 4 diary entries that name none</span>',
    );
    // Figure 4: the caption, and the lane of the placeholder row.
    expect(shown['html']).toContain(`<figcaption>${phrase}, each drawn from its first to its last use`);
    expect(shown['html']).toMatch(
      />\(subject, as recorded\)<\/text><text class="ax"[^>]*>no identifier named</,
    );
  });

  it('says the same in the findings sentence of a report without the escalation analysis', () => {
    const { escalation: _, ...rest } = report;
    const html = renderAs('html', rest as Report);
    expect(html).toContain(
      '2 identifiers attributed to the subject, by first use: <bdi>+447700900123</bdi> from 10 February 2024 (4 incidents) and <bdi>Sam</bdi> from 15 February 2024 (5 incidents), and 4 diary entries that name none.',
    );
  });
});

describe('each count of days says which days it counts', () => {
  it('names the span from the first to the last incident, which is shorter than the window', () => {
    expect(report.incidents.daily).toHaveLength(51);
    expect(report.escalation!.window).toMatchObject({ from: '2024-02-10', to: '2024-04-05', days: 56 });
    expect(shown['text']).toContain(
      'Period      2024-02-10 19:50:00 → 2024-03-31 02:45 (Europe/London): 51 days, first to last incident\nIncidents   13; contact on 10 of the 51 days (20%)\n',
    );
    expect(shown['markdown']).toContain('on 10 of the 51 days from first to last incident (20%)');
    expect(shown['markdown']).toContain(
      '| Days with contact | 10 of the 51 days from first to last incident |',
    );
    expect(shown['html']).toContain('over the 51 days from first to last incident');
    expect(shown['html']).toContain(
      '<dt>Period</dt><dd>10 February 2024, 19:50:00 – 31 March 2024, 02:45 <span class="muted">(first to last incident)</span>',
    );
  });

  it('keeps the one-screen summary lines within 100 columns on the demo case', async () => {
    const demo = renderAll(await reportOf(['fixtures/demo-case'], {}))['text']!;
    const mine = demo.split('\n').filter((l) => /^(Period|Incidents|Identifiers) /.test(l));
    expect(mine).toHaveLength(3);
    for (const l of mine) expect(l.length, l).toBeLessThanOrEqual(100);
  });
});

describe('with only the victim named, the headline says every other sender is counted', () => {
  let victimOnly: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    victimOnly = await reportOf([DIR], BASE);
    out = renderAll(victimOnly);
  });

  it('counts family and businesses, and says so at the figure in every format', () => {
    expect(victimOnly.problems.map((p) => p.code)).toContain('CASE_SUBJECT_ASSUMED');
    const texts = victimOnly.chronology!.map((c) => c.text);
    expect(texts).toContain('Are you ok hun? x');
    expect(texts).toContain('Your parcel will be delivered today');
    expect(out['text']).toContain(
      'Incidents   16; contact on 11 of the 51 days (22%)\n            counted from every sender other than the victim; name the subject with --subject ID\n',
    );
    expect(out['markdown']).toContain(
      '**16 incidents** counted from every sender other than the victim, as no subject was named (name the subject with `--subject ID` to count only their contacts), between 2024-02-10 19:50',
    );
    expect(out['html']).toContain(
      '<p class="lede"><strong>16 incidents</strong> counted from every sender other than the victim, as no subject was named, from ',
    );
    expect(out['html']).toContain(
      'To count only one person’s contact, name them as the subject (<code>--subject</code>).</p>',
    );
    expect(out['html']).toContain(
      '<dt>Subject</dt><dd>not named: every sender other than the victim is counted</dd>',
    );
    expect(out['html']).toContain(
      '<span class="note">from every sender but the victim, over the 51 days from first to last incident</span>',
    );
  });

  it('says none of it when the subject is named', () => {
    for (const s of Object.values(shown)) expect(s).not.toMatch(/every sender other than|every sender but/);
  });
});

describe('a time moved by a clock change', () => {
  const gapHint =
    'Nothing to fix unless the exact time matters: the report shows it after the clock change (one hour later than written, for a one-hour change). If it matters, check the time in the original export.';

  it('says in the chronology the time as written and why it is shown later', () => {
    const row = report.chronology!.find((c) => c.text === 'cant sleep thinking about you')!;
    expect(row).toMatchObject({ local: '2024-03-31 02:30', flags: ['dst-gap'], locator: 'line 5' });
    const note = 'written 01:30; that time did not exist on the clock-change day, read as 02:30';
    expect(shown['markdown']).toContain(
      `| 2024-03-31 02:30 (${note}) | whatsapp | message | Sam | cant sleep thinking about you |`,
    );
    expect(shown['html']).toContain(`<span class="flag" title="dst-gap">${note}</span>`);
    // The next message, written after the change, has no note.
    expect(shown['markdown']).toContain('| 2024-03-31 02:45 | whatsapp | message | Sam | hello?? |');
  });

  it('gives the problem a hint on what to check', () => {
    expect(report.problems.find((p) => p.code === 'TIMELINE_DST_GAP')).toEqual({
      code: 'TIMELINE_DST_GAP',
      severity: 'warning',
      file: `${DIR}/WhatsApp Chat with Sam.txt`,
      locator: 'line 5',
      message:
        'local time 2024-03-31T01:30 does not exist in Europe/London (clocks went forward); read with the offset before the change',
      hint: gapHint,
    });
    expect(shown['text']).toContain(`line 5: local time 2024-03-31T01:30 does not exist`);
    expect(shown['text']).toContain(`\n    ${gapHint}\n`);
  });

  it('says the rule when the report no longer lists the problem (past the cap per code)', () => {
    const capped = { ...report, problems: report.problems.filter((p) => p.code !== 'TIMELINE_DST_GAP') };
    const md = renderAs('markdown', capped);
    expect(md).toContain(
      '| 2024-03-31 02:30 (the written time did not exist, as the clocks went forward; shown after the change) |',
    );
  });

  describe('when the clocks go back', () => {
    const s = scratch('chronolog-dst-back-');
    afterAll(() => s.cleanup());

    it('gives the repeated time a hint too (through the CLI)', () => {
      s.file(
        'WhatsApp Chat with Sam.txt',
        '27/10/2024, 00:50 - Sam: are you awake\n27/10/2024, 01:30 - Sam: answer me\n27/10/2024, 02:10 - Sam: fine\n',
      );
      const r = cli([
        'report',
        s.dir,
        '--tz',
        'Europe/London',
        '--subject',
        'Sam',
        '--format',
        'json',
        '--now',
        NOW,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const json = ReportSchema.parse(JSON.parse(r.stdout));
      expect(json.problems.filter((p) => p.code.startsWith('TIMELINE_DST'))).toEqual([
        {
          code: 'TIMELINE_DST_AMBIGUOUS',
          severity: 'warning',
          file: `${s.dir}/WhatsApp Chat with Sam.txt`,
          locator: 'line 2',
          message:
            'local time 2024-10-27T01:30 occurs twice in Europe/London (clocks went back); the earlier instant was used',
          hint: 'Nothing to fix unless the exact time matters: the report takes the first of the two times the clock showed it (before the change). If it matters, check the time in the original export.',
        },
      ]);
    });
  });
});

describe('the evidence section', () => {
  it('says what chronolog verify names', () => {
    expect(shown['html']).toContain(
      'it reads each file again, the case file too, compares the SHA-256 values and names any file that has changed, is missing or was added, and any member of a zip archive that is damaged',
    );
  });
});

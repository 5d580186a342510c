/**
 * How the escalation lines read to an officer on the project's own cases, where a short wording once misled:
 * - a trend not estimated because no day is covered by every export says so, never "0 days and 0 contacts" beside
 *   a report that counts 99 incidents over 104 days (fixtures/mixed-case);
 * - the text report's "First/last" line names each count, in that order: a Telegram chat with 1 contact on its
 *   first day and 30 on its last read "counts only (1 and 30)" under "Last/first" (fixtures/telegram-json);
 * - a case of one day has no first and last days to compare: every format says so, with no "0 days" sides;
 * - a milestone given with a time of day is shown with that time in the text report, as in the other formats: two
 *   milestones on one date, one at 14:30, otherwise read as the same instant (fixtures/milestones-timed).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const unwrap = (text: string) => text.replace(/\n {12}/g, ' ');
const lineOf = (text: string, label: string) =>
  unwrap(text)
    .split('\n')
    .find((l) => l.startsWith(label));

describe('a trend where no day is covered by every export (mixed-case)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/mixed-case']);
    out = renderAll(r);
  });

  it("gives a new identifier's first use less than an hour after the last contact in minutes, in every format", () => {
    // jordan.reeve.77 (instagram) first wrote 45 minutes after the last Discord contact: "0.75 hours" made the
    // reader work it out.
    expect(r.escalation!.findings.join('\n')).toContain(
      'jordan.reeve.77 (instagram) was first used on 19 March 2024 at 08:00 (jordanreeve77_17841400000000001/message_1.json, messages[5]), 45 minutes after the last contact from 930000000000000101 (discord)',
    );
    expect(out['html']).toContain('First used 45 minutes after the last contact from');
    expect(out['markdown']).toContain('\\(45 minutes before\\)');
    for (const o of Object.values(out)) expect(o).not.toContain('0.75 h');
  });

  it('has no fully covered days, yet many incidents', () => {
    expect(r.escalation!.coverage.fullyCovered).toBeNull();
    expect(r.incidents.total).toBe(99);
  });

  it('gives the reason as no fully covered days in the JSON, as the change points do', () => {
    const e = r.escalation!;
    expect(e.trend.poisson.reason).toBe('no fully covered days');
    expect(e.trend.mannKendall.reason).toBe('no fully covered days');
    expect(e.dispersion.reason).toBe('no fully covered days');
    expect(e.changePointMethod.reason).toBe('no fully covered days');
  });

  it('never says "0 days and 0 contacts" in a report a person reads', () => {
    expect(lineOf(out['text']!, 'Trend')).toBe('Trend       not estimated: no fully covered days');
    for (const f of ['text', 'markdown', 'html']) expect(out[f]).not.toContain('0 days and 0 contacts');
  });
});

describe('the text report’s First/last line when only counts are given (telegram-json)', () => {
  let r: Report;
  let text: string;
  beforeAll(async () => {
    r = await reportOf(['fixtures/telegram-json'], { subject: ['user4400000001'] });
    text = renderAll(r)['text']!;
  });

  it('names each count, first then last, as its label reads', () => {
    const h = r.escalation!.headline.rateNowVsStart;
    expect(h.status).toBe('below-minimum');
    expect([h.before.from, h.before.count, h.after.from, h.after.count]).toEqual([
      '2024-02-29',
      1,
      '2024-03-01',
      30,
    ]);
    expect(lineOf(text, 'First/last')).toBe(
      'First/last  counts only (first 1, last 30): only 1 day at each end (at least 14 days at each end are needed) first day covered 2024-02-29, last 2024-03-01',
    );
  });
});

describe('a case of one day, too short to have first and last days (content-search)', () => {
  const why =
    'the stretch of fully covered days is 1 day long, too short to set its first days against its last (at least 14 days at each end are needed)';
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/content-search'], { subject: ['dan'] });
    out = renderAll(r);
  });

  it('says why in the JSON, not "only 0 days before and 0 days after"', () => {
    const h = r.escalation!.headline.rateNowVsStart;
    expect([h.days, h.status, h.reason]).toEqual([0, 'below-minimum', why]);
  });

  it('gives no "0 and 0" counts in the text report', () => {
    expect(lineOf(out['text']!, 'First/last')).toBe(`First/last  counts only: ${why}`);
  });

  it('shows no "0 days" sides and no "–/day" rates in Markdown or HTML, only the reason', () => {
    expect(out['markdown']).toContain(
      `### Latest rate against the first\n\nNot compared: ${why.replace(/[()]/g, '\\$&')}.`,
    );
    expect(out['html']).toContain(`<p>The first and last days are not compared: ${why}.</p>`);
    for (const f of ['text', 'markdown', 'html']) {
      expect(out[f]).not.toMatch(/\b0 days (before|after|every)|first 0 |last 0 |–\/day|– → –/);
    }
    // The summary's nine figures lose the one that has nothing to show.
    expect(out['html']).not.toContain('Contacts a day, first → last');
    expect(out['html']).not.toContain('figures n9');
  });
});

describe('a milestone with a time of day in the text report (milestones-timed)', () => {
  it('is shown with its local time; a date-only milestone with its date', async () => {
    const text = renderAll(await reportOf(['fixtures/milestones-timed']))['text']!;
    const starts = text
      .split('\n')
      .map((l) => /^(?:Milestones {2}| {12})(\d{4}-\d\d-\d\d(?: \d\d:\d\d)? [A-Z][a-z ]+):/.exec(l)?.[1])
      .filter((m) => m !== undefined);
    expect(starts).toEqual([
      '2024-02-20 Police warning',
      '2024-03-10 Report to police',
      '2024-03-10 14:30 Arrest',
      '2024-04-10 Restraining order',
    ]);
  });
});

describe('a milestone named in the findings', () => {
  it('is quoted as the case file writes it, not put after "the" in lower case (mixed-case)', async () => {
    const f = (await reportOf(['fixtures/mixed-case'])).escalation!.findings;
    expect(f.filter((s) => s.includes('Asked him in writing to stop'))).toEqual([
      expect.stringMatching(
        /^The milestone “Asked him in writing to stop” on 1 February 2024 falls outside the days every export covers /,
      ),
      'In all, 79 contacts followed the milestone “Asked him in writing to stop” on 1 February 2024, the last on 20 April 2024 at 14:00 (incident-diary.csv, line 8).',
    ]);
    expect(f.join('\n')).not.toMatch(/the (asked|reported) /);
  });

  it('gives the time of a milestone that has one, apart from one that day without (milestones-timed)', async () => {
    const f = (await reportOf(['fixtures/milestones-timed'])).escalation!.findings;
    expect(f).toContain(
      'In all, 59 contacts followed the milestone “Report to police” on 10 March 2024, the last on 30 April 2024 at 12:00 (sms-20240501080000.xml, sms[99] (line 104)).',
    );
    expect(f).toContain(
      'In all, 55 contacts followed the milestone “Arrest” on 10 March 2024 at 14:30, the last on 30 April 2024 at 12:00 (sms-20240501080000.xml, sms[99] (line 104)).',
    );
  });
});

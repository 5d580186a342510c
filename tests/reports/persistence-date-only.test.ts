/**
 * Persistence when the first or the last incident is a diary entry with a date but no time: such an entry could
 * have been at any time of its day, so the time between the first and the last is a range, and where a threshold
 * falls inside it the reports say it cannot be decided from the dates alone, never a plain "no". Entries with no
 * time known to have passed between them read "on the same day" or "on consecutive days", and a single incident
 * "one incident only", never "0 minutes". Cases: fixtures/persistence-date-only, and fixtures/persistence-bounds for the
 * range's bounds: every incident on the first and the last date counts, not only the first and the last in time
 * order; the end of a day is never reached; the range is elapsed time across a clock change; "at most" is rounded up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/persistence-date-only';
const WHY =
  'cannot be decided from the dates alone, as an incident with a date but no time could have been at any time of that day';
const ROBERTS =
  'at least 10 contacts over at least 4 weeks (a threshold used in stalking research, not a legal test)';

/** The report of one case of the folder, its text in every format, and its Markdown persistence line. */
async function caseOf(
  name: string,
  dir = DIR,
): Promise<{ r: Report; out: Record<string, string>; findings: string[]; md: string }> {
  const r = await reportOf([`${dir}/${name}`]);
  const out = renderAll(r);
  const md = out['markdown']!.split('\n').find((l) => l.startsWith('**Persistence:**'))!;
  return { r, out, findings: r.escalation!.findings, md };
}

describe('entries dated 1 and 15 March without times (undecided-two-weeks)', () => {
  let c: Awaited<ReturnType<typeof caseOf>>;
  beforeAll(async () => {
    c = await caseOf('undecided-two-weeks');
  });

  it('says the time is 13 to 15 days and that beyond two weeks cannot be decided, in the findings', () => {
    expect(c.findings).toContain(
      `The first and last contacts are at least 13 days and at most 15 days apart (1 March 2024 [diary.csv, line 2] to 15 March 2024 [diary.csv, line 3]; neither has a clock time), with contact on 2 separate days; whether the contact persisted beyond two weeks ${WHY}.`,
    );
  });

  it('keeps beyondTwoWeeks false (not known to be beyond) and adds that it is not decided, with the range', () => {
    expect(c.r.escalation!.persistence).toMatchObject({
      spanDays: 15,
      beyondTwoWeeks: false,
      beyondTwoWeeksDecided: false,
      tenOverFourWeeks: false,
      tenOverFourWeeksDecided: true,
      daysApart: { least: 13, most: 15 },
    });
  });

  it('says so in the Markdown and HTML persistence lines, never a plain "no"', () => {
    expect(c.md).toContain(
      `; at least 13 days and at most 15 days between the first and the last (neither has a clock time), contact on 2 days; beyond two weeks (Purcell, Pathé & Mullen 2004): ${WHY}; ${ROBERTS}: no.`,
    );
    expect(c.out['html']).toContain(`<dt>Contact beyond two weeks</dt><dd>${WHY} <span`);
    expect(c.out['html']).toContain(
      '<dt>Span</dt><dd>at least 13 days and at most 15 days between the first and the last',
    );
    for (const id of ['markdown', 'html', 'json'])
      expect(c.out[id]).not.toMatch(/beyond two weeks(: |<\/dt><dd>)no/);
  });
});

describe('ten entries, the first and last dated 1 and 29 March without times (undecided-four-weeks)', () => {
  let c: Awaited<ReturnType<typeof caseOf>>;
  beforeAll(async () => {
    c = await caseOf('undecided-four-weeks');
  });

  it('says beyond two weeks, and that the Roberts threshold cannot be decided', () => {
    expect(c.findings).toContain(
      `The first and last contacts are at least 27 days and at most 29 days apart (1 March 2024 [diary.csv, line 2] to 29 March 2024 [diary.csv, line 11]; neither has a clock time), with contact on 10 separate days; the contact persisted beyond two weeks; whether the contacts meet a threshold used in stalking research, at least 10 contacts over at least 4 weeks (Roberts 2005), which is not a legal test, ${WHY}.`,
    );
    expect(c.r.escalation!.persistence).toMatchObject({
      beyondTwoWeeks: true,
      beyondTwoWeeksDecided: true,
      tenOverFourWeeks: false,
      tenOverFourWeeksDecided: false,
      daysApart: { least: 27, most: 29 },
    });
  });

  it('says so in the Markdown and HTML persistence lines', () => {
    expect(c.md).toContain(`; beyond two weeks (Purcell, Pathé & Mullen 2004): yes; ${ROBERTS}: ${WHY}.`);
    expect(c.out['html']).toContain(`<dt>At least 10 contacts over at least 4 weeks</dt><dd>${WHY} <span`);
  });
});

describe('entries dated 1 and 14 March without times (decided-not-two-weeks)', () => {
  it('is not beyond two weeks whatever the times, and says so as decided', async () => {
    const c = await caseOf('decided-not-two-weeks');
    expect(c.r.escalation!.persistence).toMatchObject({
      beyondTwoWeeks: false,
      beyondTwoWeeksDecided: true,
      tenOverFourWeeksDecided: true,
      daysApart: { least: 12, most: 14 },
    });
    expect(c.findings).toContain(
      'The first and last contacts are at least 12 days apart (1 March 2024 [diary.csv, line 2] to 14 March 2024 [diary.csv, line 3]; neither has a clock time), with contact on 2 separate days.',
    );
    expect(c.md).toContain(`; beyond two weeks (Purcell, Pathé & Mullen 2004): no; ${ROBERTS}: no.`);
  });
});

describe('entries on consecutive dates or on one date, without times (consecutive-days, same-day)', () => {
  it('says "on consecutive days", never "at least 0 minutes"', async () => {
    const c = await caseOf('consecutive-days');
    expect(c.findings).toContain(
      'The first and last contacts are on consecutive days (1 March 2024 [diary.csv, line 2] to 2 March 2024 [diary.csv, line 3]; neither has a clock time), with contact on 2 separate days.',
    );
    expect(c.md).toContain(
      '; on consecutive days (neither has a clock time), contact on 2 days; beyond two weeks (Purcell, Pathé & Mullen 2004): no;',
    );
    expect(c.out['html']).toContain(
      '<dt>Span</dt><dd>on consecutive days (neither has a clock time), with contact on 2 days</dd>',
    );
    expect(c.r.escalation!.persistence.daysApart).toEqual({ least: 0, most: 2 });
    for (const id of ['markdown', 'html', 'json']) expect(c.out[id]).not.toMatch(/\b0 minutes/);
  });

  it('says "on the same day"', async () => {
    const c = await caseOf('same-day');
    expect(c.md).toContain(
      '; on the same day (neither has a clock time), contact on 1 day; beyond two weeks (Purcell, Pathé & Mullen 2004): no;',
    );
    expect(c.out['html']).toContain(
      '<dt>Span</dt><dd>on the same day (neither has a clock time), with contact on 1 day</dd>',
    );
    expect(c.r.escalation!.persistence.daysApart).toEqual({ least: 0, most: 1 });
    for (const id of ['markdown', 'html', 'json']) expect(c.out[id]).not.toMatch(/\b0 minutes/);
  });
});

describe('a single incident (one-incident)', () => {
  it('says "one incident only", not "0 minutes between the first and the last"', async () => {
    const c = await caseOf('one-incident');
    expect(c.md).toMatch(
      /^\*\*Persistence:\*\* one incident only \(2024-03-14 21:40 · .*diary\.csv line 2\); beyond two weeks \(Purcell, Pathé & Mullen 2004\): no; at least 10 contacts/,
    );
    expect(c.out['html']).toContain('<dt>Span</dt><dd>one incident only</dd>');
    expect(c.out['html']).toMatch(/<dt>The only incident<\/dt><dd><a [^>]*>14 March 2024, 21:40<\/a>/);
    expect(c.r.escalation!.persistence.daysApart).toEqual({ least: 0, most: 0 });
    for (const id of ['markdown', 'html']) {
      expect(c.out[id]).not.toMatch(/\b0 minutes/);
      expect(c.out[id]).not.toContain('between the first and the last');
    }
  });
});

const BOUNDS = 'fixtures/persistence-bounds';
/** The persistence sentence of the findings. */
const sentence = (c: Awaited<ReturnType<typeof caseOf>>) =>
  c.findings.find((f) => f.startsWith('The first and last contacts'));

describe('an undated visit on the last date, after a timed text in time order (undated-on-last-date)', () => {
  // 1 March 12:00, then on 15 March a text at 11:00 and a visit with no time, which sorts to 00:00 but could have
  // been in the evening: 13 days and 23 hours to 14 days and 12 hours, not "no" from the 11:00 text alone.
  it('is undecided, with the range up to the end of the last date', async () => {
    const c = await caseOf('undated-on-last-date', BOUNDS);
    const p = c.r.escalation!.persistence;
    expect(p).toMatchObject({
      beyondTwoWeeks: false,
      beyondTwoWeeksDecided: false,
      tenOverFourWeeksDecided: true,
    });
    expect(p.daysApart!.least).toBeCloseTo(13 + 23 / 24, 9);
    expect(p.daysApart!.most).toBeCloseTo(14.5, 9);
    expect(sentence(c)).toBe(
      `The first and last contacts are at least 13 days and 23 hours and at most 14 days and 12 hours apart (1 March 2024 at 12:00 [diary.csv, line 2] to 15 March 2024 at 11:00 [diary.csv, line 3]; another incident on 15 March 2024 has no clock time), with contact on 2 separate days; whether the contact persisted beyond two weeks ${WHY}.`,
    );
    expect(c.md).toContain(
      `; at least 13 days and 23 hours and at most 14 days and 12 hours between the first and the last (another incident on 15 March 2024 has no clock time), contact on 2 days; beyond two weeks (Purcell, Pathé & Mullen 2004): ${WHY};`,
    );
    expect(c.out['html']).toContain(`<dt>Contact beyond two weeks</dt><dd>${WHY} <span`);
  });
});

describe('an undated visit and a 09:00 text on the first date (timed-on-first-date)', () => {
  // The first contact was no later than 09:00 on 1 March, so at least 14 days and 3 hours before 15 March 12:00.
  it('is beyond two weeks, decided', async () => {
    const c = await caseOf('timed-on-first-date', BOUNDS);
    const p = c.r.escalation!.persistence;
    expect(p).toMatchObject({ beyondTwoWeeks: true, beyondTwoWeeksDecided: true });
    expect(p.daysApart!.least).toBeCloseTo(14 + 3 / 24, 9);
    expect(p.daysApart!.most).toBeCloseTo(14.5, 9);
    expect(sentence(c)).toBe(
      'The first and last contacts are at least 14 days and 3 hours apart (1 March 2024 [diary.csv, line 2] to 15 March 2024 at 12:00 [diary.csv, line 4]; the first has no clock time; another incident on 1 March 2024 has one), with contact on 2 separate days; the contact persisted beyond two weeks.',
    );
    expect(c.md).toContain('; beyond two weeks (Purcell, Pathé & Mullen 2004): yes;');
  });
});

describe('an undated visit and a 15:00 text on the only date (same-day-undated-first)', () => {
  // The undated first incident is on the last date too: it is what lets the last contact be later than 15:00, and
  // there is no other undated incident to name.
  it('names the first as undated, and no other incident', async () => {
    const c = await caseOf('same-day-undated-first', BOUNDS);
    expect(c.r.escalation!.persistence.daysApart).toEqual({ least: 0, most: 1 });
    expect(c.md).toContain(
      '; on the same day (the first has no clock time), contact on 1 day; beyond two weeks (Purcell, Pathé & Mullen 2004): no;',
    );
    expect(c.out['html']).not.toContain('another incident on 1 March 2024');
    expect(c.findings.join('\n')).not.toContain('another incident on 1 March 2024');
  });
});

describe('entries dated 1 and 16 March without times (two-weeks-exclusive)', () => {
  // The latest the first can have been is the end of 1 March, which no time of that day reaches: more than 14
  // days whatever the times. (The test "1 and 16 March: 14 to 16 days, open" said undecided before.)
  it('is beyond two weeks, decided, and says "more than 14 days"', async () => {
    const c = await caseOf('two-weeks-exclusive', BOUNDS);
    expect(c.r.escalation!.persistence).toMatchObject({
      beyondTwoWeeks: true,
      beyondTwoWeeksDecided: true,
      daysApart: { least: 14, most: 16 },
    });
    expect(sentence(c)).toBe(
      'The first and last contacts are more than 14 days apart (1 March 2024 [diary.csv, line 2] to 16 March 2024 [diary.csv, line 3]; neither has a clock time), with contact on 2 separate days; the contact persisted beyond two weeks.',
    );
    expect(c.md).toContain(
      '; more than 14 days between the first and the last (neither has a clock time), contact on 2 days; beyond two weeks (Purcell, Pathé & Mullen 2004): yes;',
    );
  });
});

describe('ten entries from an undated 1 March to 29 March at 00:00 (four-weeks-reachable)', () => {
  // A first contact at 00:00 on 1 March is exactly 28 days before the last: at least 4 weeks is reachable.
  it('leaves the Roberts threshold undecided, not "no"', async () => {
    const c = await caseOf('four-weeks-reachable', BOUNDS);
    expect(c.r.escalation!.persistence).toMatchObject({
      beyondTwoWeeks: true,
      beyondTwoWeeksDecided: true,
      tenOverFourWeeks: false,
      tenOverFourWeeksDecided: false,
      daysApart: { least: 27, most: 28 },
    });
    expect(c.md).toContain(`; beyond two weeks (Purcell, Pathé & Mullen 2004): yes; ${ROBERTS}: ${WHY}.`);
  });
});

describe('an undated 17 March to 1 April 2024 at 00:30, across the spring clock change (spring-clock-change)', () => {
  // A first contact at 23:59 GMT on 17 March is 13 days and 23.5 hours before 00:30 BST on 1 April: the clocks
  // gained an hour that did not pass.
  it('is undecided, the range in elapsed time', async () => {
    const c = await caseOf('spring-clock-change', BOUNDS);
    const p = c.r.escalation!.persistence;
    expect(p).toMatchObject({ beyondTwoWeeks: false, beyondTwoWeeksDecided: false });
    expect(p.daysApart!.least).toBeCloseTo(13 + 23.5 / 24, 9);
    expect(p.daysApart!.most).toBeCloseTo(14 + 23.5 / 24, 9);
    expect(sentence(c)).toMatch(
      /^The first and last contacts are at least 13 days and 23 hours and at most 15 days apart \(17 March 2024 \[diary\.csv, line 2\] to 1 April 2024 at 00:30 \[diary\.csv, line 3\]; the first has no clock time\), with contact on 2 separate days; whether the contact persisted beyond two weeks cannot be decided/,
    );
    for (const id of ['markdown', 'html']) expect(c.out[id]).not.toContain('14 days and 30 minutes');
  });
});

describe('an undated 1 March to 15 March at 13:30 (upper-bound-rounding)', () => {
  it('rounds "at most" up, so 14 days and 13.5 hours reads "at most 14 days and 14 hours"', async () => {
    const c = await caseOf('upper-bound-rounding', BOUNDS);
    expect(c.md).toContain(
      '; at least 13 days and 13 hours and at most 14 days and 14 hours between the first and the last (the first has no clock time),',
    );
    expect(c.out['html']).toContain('at least 13 days and 13 hours and at most 14 days and 14 hours');
    expect(sentence(c)).toContain('at least 13 days and 13 hours and at most 14 days and 14 hours apart');
  });
});

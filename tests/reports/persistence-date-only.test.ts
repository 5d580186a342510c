/**
 * Persistence when the first or the last incident is a diary entry with a date but no time: such an entry could
 * have been at any time of its day, so the time between the first and the last is a range, and where a threshold
 * falls inside it the reports say it cannot be decided from the dates alone, never a plain "no". Entries with no
 * time known to have passed between them read "on the same day" or "on consecutive days", and a single incident
 * "one incident only", never "0 minutes". Cases: fixtures/persistence-date-only.
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
): Promise<{ r: Report; out: Record<string, string>; findings: string[]; md: string }> {
  const r = await reportOf([`${DIR}/${name}`]);
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
      `; at least 13 days and at most 15 days between the first and the last, contact on 2 days; beyond two weeks: ${WHY}; ${ROBERTS}: no.`,
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
    expect(c.md).toContain(`; beyond two weeks: yes; ${ROBERTS}: ${WHY}.`);
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
    expect(c.md).toContain(`; beyond two weeks: no; ${ROBERTS}: no.`);
  });
});

describe('entries on consecutive dates or on one date, without times (consecutive-days, same-day)', () => {
  it('says "on consecutive days", never "at least 0 minutes"', async () => {
    const c = await caseOf('consecutive-days');
    expect(c.findings).toContain(
      'The first and last contacts are on consecutive days (1 March 2024 [diary.csv, line 2] to 2 March 2024 [diary.csv, line 3]; neither has a clock time), with contact on 2 separate days.',
    );
    expect(c.md).toContain(
      '; on consecutive days (neither has a clock time), contact on 2 days; beyond two weeks: no;',
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
      '; on the same day (neither has a clock time), contact on 1 day; beyond two weeks: no;',
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
      /^\*\*Persistence:\*\* one incident only \(2024-03-14 21:40 · .*diary\.csv line 2\); beyond two weeks: no; at least 10 contacts/,
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

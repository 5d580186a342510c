/**
 * The shared words of the persistence and dispersion sentences (model/escalation-words.ts): the time between the
 * first and the last contact, never rounded up to a threshold it misses and never overstated for a date-only record,
 * and whether φ̂ is clearly above 1.
 */
import { describe, expect, it } from 'vitest';
import { percentChange } from '../../../src/analysis/escalation/findings.js';
import { clearlyOverdispersed, daysApart, timeApartWords } from '../../../src/model/escalation-words.js';
import { analyse, ev, kase } from './helpers.js';

describe('daysApart', () => {
  it('is the lesser of the clock and the instant differences across the spring clock change (Europe/London)', () => {
    // 10:00 GMT on 17 March to 10:30 BST on 31 March 2024: the clocks gained an hour that did not pass.
    const { days } = daysApart(
      { local: '2024-03-17 10:00', utc: '2024-03-17T10:00:00.000Z' },
      { local: '2024-03-31 10:30', utc: '2024-03-31T09:30:00.000Z' },
    );
    expect(days).toBe(13 + 23.5 / 24);
    expect(timeApartWords(days)).toBe('13 days and 23 hours');
    // Across the autumn change the clock difference is the lesser: four weeks of wall clock are 28 days.
    expect(
      daysApart(
        { local: '2024-10-13 10:00', utc: '2024-10-13T09:00:00.000Z' },
        { local: '2024-11-10 10:00', utc: '2024-11-10T10:00:00.000Z' },
      ).days,
    ).toBe(28);
  });

  it('says the seconds a threshold was passed by: 14 days and 30 seconds is not "14 days"', () => {
    const { days } = daysApart({ local: '2024-03-15 10:00:00' }, { local: '2024-03-29 10:00:30' });
    expect(days).toBeGreaterThan(14);
    expect(timeApartWords(days)).toBe('14 days and 30 seconds');
  });

  it('is the difference of the local clock times', () => {
    expect(daysApart({ local: '2024-03-01 23:00' }, { local: '2024-03-15 01:00' })).toEqual({
      days: 13 + 2 / 24,
      dateOnly: null,
    });
  });

  it('takes a date-only first record at the end of its day and a date-only last one at its start', () => {
    expect(daysApart({ local: '2024-03-01' }, { local: '2024-03-15' })).toEqual({
      days: 13,
      dateOnly: 'both',
    });
    expect(daysApart({ local: '2024-03-01' }, { local: '2024-03-15 06:00' })).toEqual({
      days: 13.25,
      dateOnly: 'first',
    });
    expect(daysApart({ local: '2024-03-01 18:00' }, { local: '2024-03-15' })).toEqual({
      days: 13.25,
      dateOnly: 'last',
    });
    // Both on one date: no time can be said to have passed.
    expect(daysApart({ local: '2024-03-01' }, { local: '2024-03-01' }).days).toBe(0);
  });
});

describe('timeApartWords', () => {
  it('gives days and hours, or minutes when the hours are none, rounded down', () => {
    expect(timeApartWords(13 + 2 / 24)).toBe('13 days and 2 hours');
    expect(timeApartWords(14 + 30 / 1440)).toBe('14 days and 30 minutes');
    expect(timeApartWords(28)).toBe('28 days');
    expect(timeApartWords(1)).toBe('1 day');
    // A minute short of 28 days never reads "28 days" beside a threshold it misses.
    expect(timeApartWords(28 - 1 / 1440)).toBe('27 days and 23 hours');
    expect(timeApartWords(2 / 24 + 5 / 1440)).toBe('2 hours 5 minutes');
  });

  it('rounds up when asked, so an "at most" figure is never below the time it bounds', () => {
    expect(timeApartWords(14 + 13.5 / 24, 'up')).toBe('14 days and 14 hours');
    expect(timeApartWords(14 + 23.5 / 24, 'up')).toBe('15 days');
    expect(timeApartWords(15, 'up')).toBe('15 days');
    expect(timeApartWords(14 + 30 / 1440, 'up')).toBe('14 days and 30 minutes');
    expect(timeApartWords(14 + 30.5 / 1440, 'up')).toBe('14 days and 31 minutes');
  });
});

describe('clearlyOverdispersed', () => {
  it('is true only for a φ̂ that is above 1 as the reports print it', () => {
    expect([0.9, 1, 1.02, 1.049, 1.06, 1.3, 4.4, null].map(clearlyOverdispersed)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('the persistence sentence with a date-only record', () => {
  it('says "at least", and which record has no clock time', () => {
    const e = analyse([
      ev({ at: '2024-03-01T00:00:00Z', precision: 'day' }),
      ev({ at: '2024-03-20T18:30:00Z' }),
    ]);
    const s = e.findings.find((f) => f.startsWith('The first and last contacts'))!;
    expect(s).toMatch(
      /^The first and last contacts are at least 18 days and 18 hours apart \(1 March 2024 \[.*\] to 20 March 2024 at 18:30 \[.*\]; the first has no clock time\), with contact on 2 separate days; the contact persisted beyond two weeks\.$/,
    );
  });
});

describe('the persistence criteria when a date-only record leaves them open', () => {
  const dated = (d: string) => ev({ at: `${d}T00:00:00Z`, precision: 'day' });
  /** Nine incidents on 1 March 2024 (the first of them date-only) and `last`. */
  const ten = (last: ReturnType<typeof ev>) =>
    analyse([
      dated('2024-03-01'),
      ...Array.from({ length: 8 }, (_, k) =>
        ev({ at: `2024-03-01T${String(10 + k).padStart(2, '0')}:00:00Z` }),
      ),
      last,
    ]).persistence;

  it('is undecided, with the range, when a date-only first record and a timed last one straddle two weeks', () => {
    const e = analyse([dated('2024-03-01'), ev({ at: '2024-03-15T06:00:00Z' })]);
    expect(e.persistence).toMatchObject({
      beyondTwoWeeks: false,
      beyondTwoWeeksDecided: false,
      daysApart: { least: 13.25, most: 14.25 },
    });
    expect(e.findings.find((f) => f.startsWith('The first and last contacts'))).toMatch(
      /^The first and last contacts are at least 13 days and 6 hours and at most 14 days and 6 hours apart \(.*; the first has no clock time\), with contact on 2 separate days; whether the contact persisted beyond two weeks cannot be decided from the dates alone, as an incident with a date but no time could have been at any time of that day\.$/,
    );
  });

  it('decides two weeks only where every time of the dates falls on one side of them', () => {
    const two = (a: string, z: string) => analyse([dated(a), dated(z)]).persistence;
    // 1 and 14 March: at most 14 days, never beyond; 1 and 15 March: 13 to 15 days, open; 1 and 16 March: more
    // than 14 days, as the end of 1 March, which the least is counted from, is never reached (this test said "open"
    // for 1 and 16 March before); 1 and 17 March: beyond.
    expect(two('2024-03-01', '2024-03-14')).toMatchObject({
      beyondTwoWeeks: false,
      beyondTwoWeeksDecided: true,
    });
    expect(two('2024-03-01', '2024-03-15')).toMatchObject({
      beyondTwoWeeks: false,
      beyondTwoWeeksDecided: false,
    });
    expect(two('2024-03-01', '2024-03-16')).toMatchObject({
      beyondTwoWeeks: true,
      beyondTwoWeeksDecided: true,
      daysApart: { least: 14, most: 16 },
    });
    expect(two('2024-03-01', '2024-03-17')).toMatchObject({
      beyondTwoWeeks: true,
      beyondTwoWeeksDecided: true,
    });
  });

  it('decides four weeks only where every time of the dates falls on one side of them', () => {
    // A date-only last record on 28 March is less than 28 days after 1 March whatever its time; on 29 March it
    // could be either; on 30 March it is at least 28 days (the first at the end of its day).
    expect(ten(dated('2024-03-28'))).toMatchObject({
      tenOverFourWeeks: false,
      tenOverFourWeeksDecided: true,
    });
    expect(ten(dated('2024-03-29'))).toMatchObject({
      tenOverFourWeeks: false,
      tenOverFourWeeksDecided: false,
    });
    expect(ten(dated('2024-03-30'))).toMatchObject({ tenOverFourWeeks: true, tenOverFourWeeksDecided: true });
  });

  it('leaves four weeks open when exactly 28 days is reachable: a date-only first record can be at 00:00', () => {
    // 1 March 00:00 (the start of the date-only first record's day) to 29 March 00:00 is 28 days.
    expect(ten(ev({ at: '2024-03-29T00:00:00Z' }))).toMatchObject({
      tenOverFourWeeks: false,
      tenOverFourWeeksDecided: false,
    });
    // A minute earlier it can never reach 28 days.
    expect(ten(ev({ at: '2024-03-28T23:59:00Z' }))).toMatchObject({
      tenOverFourWeeks: false,
      tenOverFourWeeksDecided: true,
    });
  });

  it('counts every incident on the first and the last date, not only the first and the last in time order', () => {
    // A date-only record on 15 March sorts to 00:00, before the 11:00 text, but could have been in the evening.
    const late = analyse([
      ev({ at: '2024-03-01T12:00:00Z' }),
      ev({ at: '2024-03-15T11:00:00Z' }),
      dated('2024-03-15'),
    ]).persistence;
    expect(late).toMatchObject({ beyondTwoWeeks: false, beyondTwoWeeksDecided: false });
    expect(late.daysApart!.most).toBeCloseTo(14.5, 9);
    // A 09:00 text on 1 March bounds a date-only record that day: the first contact was no later than 09:00.
    const early = analyse([
      dated('2024-03-01'),
      ev({ at: '2024-03-01T09:00:00Z' }),
      ev({ at: '2024-03-15T12:00:00Z' }),
    ]).persistence;
    expect(early).toMatchObject({ beyondTwoWeeks: true, beyondTwoWeeksDecided: true });
    expect(early.daysApart!.least).toBeCloseTo(14 + 3 / 24, 9);
  });

  it('measures elapsed time across the spring clock change when one end is date-only (Europe/London)', () => {
    // 23:59 GMT on 17 March to 00:30 BST on 1 April is 13 days and 23.5 hours: the clocks gained an hour.
    const p = analyse(
      [ev({ at: '2024-03-17T00:00:00Z', precision: 'day' }), ev({ at: '2024-03-31T23:30:00Z' })],
      kase({ timezone: 'Europe/London' }),
    ).persistence;
    expect(p).toMatchObject({ beyondTwoWeeks: false, beyondTwoWeeksDecided: false });
    expect(p.daysApart!.least).toBeCloseTo(13 + 23.5 / 24, 9);
    expect(p.daysApart!.most).toBeCloseTo(14 + 23.5 / 24, 9);
  });

  it('is decided, with no range, when both records have a time', () => {
    const p = analyse([ev({ at: '2024-03-01T23:00:00Z' }), ev({ at: '2024-03-15T01:00:00Z' })]).persistence;
    expect(p).toMatchObject({
      beyondTwoWeeksDecided: true,
      tenOverFourWeeksDecided: true,
      daysApart: { least: 13 + 2 / 24, most: 13 + 2 / 24 },
    });
  });

  it('is decided with fewer than 10 incidents whatever the dates', () => {
    const p = analyse([dated('2024-03-01'), dated('2024-03-29')]).persistence;
    expect(p).toMatchObject({ tenOverFourWeeks: false, tenOverFourWeeksDecided: true });
  });
});

describe('percentChange', () => {
  it('never calls a fall to a factor above 0 a fall of 100%', () => {
    expect(percentChange(0.0027)).toBe('more than 99%');
    expect(percentChange(0.39)).toBe('61%');
    expect(percentChange(1.4)).toBe('40%');
    expect(percentChange(25)).toBe('2,400%');
  });
});

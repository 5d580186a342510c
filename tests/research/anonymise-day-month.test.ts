/**
 * Dates without a year and two-digit years after a day and month (a QA finding: under --shift-dates "14/2",
 * "14.02.", "1/2" and "on the 14th" stayed, giving the secret shift away, and "DOB: 3rd April 90" kept the birth
 * year), and the numbers that look like them but are knowingly kept (README, anonymise).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

function redact(text: string, shiftedDates: boolean): { text: string; dates: number } {
  const r = new Redactor([], 'GB', { shiftedDates });
  return { text: r.redact(text), dates: r.counts.date };
}

describe('anonymise: a two-digit year after a day and a month', () => {
  it('is part of a date of birth, whether or not dates are shifted', () => {
    for (const shifted of [false, true]) {
      expect(
        redact("DOB: 3rd April 90, born 3 Apr \u201990, d.o.b. 1 April 90. Born in '90.", shifted),
      ).toEqual({
        text: 'DOB: [DATE], born [DATE], d.o.b. [DATE]. Born in [DATE].',
        dates: 4,
      });
    }
  });

  it('is part of the date under --shift-dates (day-month and month-day)', () => {
    expect(redact("met 20 May 24, on 3 Apr '90 and on March 14th 19", true)).toEqual({
      text: 'met [DATE], on [DATE] and on [DATE]',
      dates: 3,
    });
  });

  it('is not a year where it is a time of day or a count', () => {
    expect(redact('3 May 10:30, 3 May 10.30, 3 May 10 am, 3 May 12 times, 3 May 11 people', true).text).toBe(
      '[DATE] 10:30, [DATE] 10.30, [DATE] 10 am, [DATE] 12 times, [DATE] 11 people',
    );
  });
});

describe('anonymise: a day and a month without a year, under --shift-dates', () => {
  const dates = [
    'on 14/2',
    'by 2/14',
    'from 14.02. on',
    'after 1/2,',
    'on the 14th',
    'on Tuesday the 14th',
    'Tuesday 14th',
    'Tue 14th',
    'by 3rd',
    'since the 1st.',
    '14th of March',
    'March 14th',
    'the 14th of the month',
    'ＯＮ ＴＨＥ １４ＴＨ',
  ];
  const expected = [
    'on [DATE]',
    'by [DATE]',
    'from [DATE] on',
    'after [DATE],',
    'on the [DATE]',
    'on Tuesday the [DATE]',
    'Tuesday [DATE]',
    'Tue [DATE]',
    'by [DATE]',
    'since the [DATE].',
    '[DATE]',
    '[DATE]',
    'the [DATE] of the month',
    'ＯＮ ＴＨＥ [DATE]',
  ];

  it('becomes [DATE] (the weekday and the words before it are kept)', () => {
    expect(dates.map((d) => redact(d, true).text)).toEqual(expected);
    expect(redact(dates.join('; '), true).dates).toBe(dates.length);
  });

  it('is kept as written without --shift-dates', () => {
    expect(redact(dates.join('; '), false)).toEqual({ text: dates.join('; '), dates: 0 });
  });

  it('leaves fractions and ratios before a unit or count word, 24/7, times, decimals, scores and ordinal counts', () => {
    const kept = [
      'half an hour is 1/2 an hour',
      '3/4 of the way',
      '2/3 times a day',
      '1/2 mile',
      'texts me 24/7',
      'at 14.02 he rang',
      'rang at 14.02.',
      'it cost £14.02.',
      'rated 3.5.',
      'it ended 3-1',
      'the 3rd time',
      'on the 2nd floor',
      'his 21st birthday',
      'the 1st one',
      '2.30am',
      'no. 12/345',
      '10/40',
    ];
    for (const text of kept) expect(redact(text, true)).toEqual({ text, dates: 0 });
  });

  it('takes a score or a rating written like a day and month for a date (knowingly over-redacted)', () => {
    expect(redact('I give it 8/10', true).text).toBe('I give it [DATE]');
  });
});

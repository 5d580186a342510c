/**
 * Diary times written in words ("ten to nine pm", "half past eight in the evening", "eleven at night"), read as
 * their digit forms are, and with "o'clock". Fixtures: fixtures/csv-diary-number-words/diary.csv,
 * fixtures/csv-diary-oclock/diary.csv.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { readTimeCell } from '../../src/sources/csv-diary/times.js';
import { clock, diaryTimes, FREE, NO_MERIDIEM, spoken } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

describe('times written in words', () => {
  it('are read as their digit forms are, and words that are still no time keep the date', async () => {
    // Each of lines 2 and 3 and 5 to 9 kept only its date, flagged time-unparsed, as "after the school run" does.
    const run = await runSource(csvDiary, 'fixtures/csv-diary-number-words/diary.csv');
    expect(diaryTimes(run)).toEqual([
      // 20:50, flagged as "10 to 9pm" is: the words can also mean 10:00 to 21:00.
      [2, '2024-06-14T20:50', 'min', ['time-spoken-or-range'], 'ten to nine pm'],
      [3, '2024-06-15T20:30', 'min', undefined, undefined],
      [4, '2024-06-16T22:15', 'min', undefined, undefined],
      [5, '2024-06-17T21:00', 'min', undefined, undefined],
      [6, '2024-06-18T23:00', 'min', undefined, undefined],
      [7, '2024-06-19T14:35', 'min', undefined, undefined],
      [8, '2024-06-20T07:20', 'min', ['time-approximate'], 'about twenty past seven in the morning'],
      // No am/pm: the hour is unknown, as for "9".
      [9, '2024-06-21', 'day', ['time-approximate'], 'nine'],
      [10, '2024-06-22', 'day', ['time-unparsed'], 'one of the neighbours saw him'],
      [11, '2024-06-23', 'day', ['time-approximate'], 'after ten pm'],
      [12, '2024-06-24T21:30', 'min', undefined, undefined],
    ]);
    const summaries = Object.fromEntries(run.warnings.map((w) => [w.code, w.message]));
    expect(summaries['DIARY_TIME_FREE_TEXT']).toContain(
      '(1 row: "one of the neighbours saw him" on line 10)',
    );
    expect(summaries['DIARY_HOUR_WITHOUT_AMPM']).toContain('(1 row: "nine" on line 9)');
    expect(summaries['DIARY_TIME_BOUND']).toContain('(1 row: "after ten pm" on line 11)');
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 11, events: 11, skipped: 0, rejected: 0 });
  });

  it.each([
    ['ten to nine pm', spoken(20, 50)],
    ['half past eight in the evening', clock(20, 30)],
    ['quarter past ten pm', clock(22, 15)],
    ['nine pm', clock(21, 0)],
    ['eleven at night', clock(23, 0)],
    ['twenty to eight am', clock(7, 40)],
    ['twenty five past ten pm', clock(22, 25)],
    ['twenty-five to three pm', clock(14, 35)],
    ['twelve noon', { ...clock(12, 0), approx: true }],
    ['ten minutes to nine pm', clock(20, 50)],
    ['half nine pm', clock(21, 30)],
    // Mixed words and digits were refused as "cannot be read as a time".
    ['ten to 9pm', spoken(20, 50)],
    ['approx nine pm', { ...clock(21, 0), approx: true }],
    // As "5 to 10pm" is: 21:55, since a range from 17:00 would be five hours long, more than the four a range read
    // from "n to <hour>" may be (csv-diary-spoken-spans.test.ts). It was that range, flagged.
    ['five to ten pm', spoken(21, 55)],
    ['from nine pm', { ...clock(21, 0), approx: true, range: true }],
    ['between nine and ten pm', { ...clock(21, 0), approx: true, range: true }],
    ['nine', NO_MERIDIEM],
    ['ten to nine', NO_MERIDIEM],
    ['after ten pm', { kind: 'day', approx: true, how: 'bound' }],
    ['ten past midnight', clock(0, 10)],
    ['quarter to midnight', clock(23, 45)],
    ['twenty to noon', clock(11, 40)],
    // Only one to twelve, twenty and twenty-five are read; other words, and words in other words, stay as today.
    ['thirteen', FREE],
    ['twenty one', FREE],
    // Number words joined to each other are one number, or a clock time ("ten-twenty" is 10:20) these words do
    // not spell: read as digits they made ranges ("20-1" from 20:00, "10-20 pm" from 10:00).
    ['twenty-one', FREE],
    ['ten-twenty pm', FREE],
    ['nine-twenty at night', FREE],
    ['one-twenty pm', FREE],
    // A word not read as a digit ("forty") still joins: "ten forty pm" is 22:40 in words, not "10 forty pm".
    ['ten forty pm', FREE],
    ['thirteen to nine pm', FREE],
    ['often', FREE],
    ['someone rang', FREE],
    ['one of the neighbours saw him', FREE],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it('reads a 100,000-character cell of number words without a catastrophic match', () => {
    expect(readTimeCell(`${'ten to '.repeat(15_000)}nine pm`)).toEqual(FREE);
    expect(readTimeCell(`${'twenty-'.repeat(15_000)}five`)).toEqual(FREE);
    expect(readTimeCell('twentyfive'.repeat(10_000))).toEqual(FREE);
    expect(readTimeCell(`${'nine '.repeat(20_000)}pm`)).toEqual(FREE);
  });
});

describe("a time with o'clock", () => {
  it('is read as the hour alone is: with am/pm or a part of the day a time, without it an hour of either half', async () => {
    // "9 o'clock" (the usual spelling) and every "o'clock" with am/pm or "at night" were rejected as "cannot be read
    // as a time"; "7 oclock am" too, and "9 oclock" without the apostrophe was read as 09:00, morning made up.
    const run = await runSource(csvDiary, 'fixtures/csv-diary-oclock/diary.csv');
    expect(
      run.events.map((e) => [
        e.locator,
        e.time.type === 'local' ? e.time.local : '',
        e.flags,
        e.details?.['time_as_written'],
      ]),
    ).toEqual([
      [2, '2024-07-13', ['time-approximate'], "9 o'clock"],
      [3, '2024-07-14T22:00', undefined, undefined],
      [4, '2024-07-15T20:00', ['time-approximate'], 'about 8 o’clock pm'],
      [5, '2024-07-16T23:00', undefined, undefined],
      [6, '2024-07-17T07:00', undefined, undefined],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.warnings.find((w) => w.code === 'DIARY_HOUR_WITHOUT_AMPM')?.message).toContain(
      `(1 row: "9 o'clock" on line 2)`,
    );
  });

  it.each([
    ['9 oclock', NO_MERIDIEM],
    ['9 o clock', NO_MERIDIEM],
    ["12 o'clock", NO_MERIDIEM],
    ["21 o'clock", clock(21, 0)],
    ["10 o'clock-11 o'clock pm", { ...clock(22, 0), approx: true, range: true }],
    ["o'clock", FREE],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it("reads a 100,000-character cell of o'clocks without a catastrophic match", () => {
    expect(readTimeCell(`9 ${"o'clock ".repeat(12_500)}`)).toEqual(NO_MERIDIEM);
    expect(readTimeCell(`9 ${'o '.repeat(50_000)}clock`)).toEqual({
      kind: 'bad',
      why: 'cannot be read as a time',
    });
  });
});

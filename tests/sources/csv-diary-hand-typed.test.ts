/**
 * Dates and times as victims type them into a diary, probed one by one: each is read as written, or its row is
 * rejected with a reason that says what is missing and what to do, never given a time or a year it did not say.
 */
import { describe, expect, it } from 'vitest';
import { readTimeCell } from '../../src/sources/csv-diary/times.js';
import { clock } from '../helpers/diary.js';

const approx = (h: number, m: number) => ({ ...clock(h, m), approx: true });

describe('words after a time that say it is approximate', () => {
  // Each was rejected as "cannot be read as a time", though "approx 9pm" and "9pm approx" were read.
  it.each([
    ['9pm approximately', approx(21, 0)],
    ['21:00 approximately', approx(21, 0)],
    ['9pm roughly', approx(21, 0)],
    ['9pm (roughly)', approx(21, 0)],
    ['9pm or thereabouts', approx(21, 0)],
    ['9pm give or take', approx(21, 0)],
    ['9pm apx', approx(21, 0)],
    ['9pm estimated', approx(21, 0)],
    ['9:30pm approximately', approx(21, 30)],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });
});

/**
 * Dates written otherwise than YYYY-MM-DD: rewritten only when there is one way to read them, never turned round
 * when day and month could be either, and an impossible date says why.
 */
import { describe, expect, it } from 'vitest';
import { dateInWords, dateProblem, readDate } from '../../src/cli/date-advice.js';

describe('readDate', () => {
  it('takes YYYY-MM-DD, and a date-time where a time is allowed', () => {
    expect(readDate('2024-04-02', false)).toEqual({ kind: 'ok' });
    expect(readDate('2024-04-02T14:30+01:00', true)).toEqual({ kind: 'ok' });
    expect(readDate('2024-04-02 14:30', true)).toEqual({ kind: 'ok' });
  });

  it('rewrites a date that can be read only one way', () => {
    expect(readDate('25/04/2024', true)).toEqual({ kind: 'other-form', iso: '2024-04-25' });
    expect(readDate('04/25/2024', true)).toEqual({ kind: 'other-form', iso: '2024-04-25' });
    expect(readDate('03.03.2024', true)).toEqual({ kind: 'other-form', iso: '2024-03-03' });
    expect(readDate('2024/4/2', true)).toEqual({ kind: 'other-form', iso: '2024-04-02' });
    expect(readDate('2 April 2024', true)).toEqual({ kind: 'other-form', iso: '2024-04-02' });
    expect(readDate('2nd Apr 2024', true)).toEqual({ kind: 'other-form', iso: '2024-04-02' });
    expect(readDate('Sept 30, 2024', true)).toEqual({ kind: 'other-form', iso: '2024-09-30' });
  });

  it('does not turn round a date whose day and month could be either', () => {
    expect(readDate('02/04/2024', true)).toEqual({
      kind: 'other-form',
      either: ['2024-04-02', '2024-02-04'],
    });
  });

  it('gives no rewrite for what is no date, or no real one', () => {
    expect(readDate('yesterday', true)).toEqual({ kind: 'other-form', iso: undefined });
    expect(readDate('31/02/2024', true)).toEqual({ kind: 'other-form', iso: undefined });
    expect(readDate('02/04/24', true)).toEqual({ kind: 'other-form', iso: undefined });
  });

  it('says why a date written YYYY-MM-DD names no day, time or instant', () => {
    expect(readDate('2023-02-29', false)).toEqual({ kind: 'not-real', why: 'February 2023 has 28 days' });
    expect(readDate('2024-13-01', false)).toEqual({ kind: 'not-real', why: 'there is no month 13' });
    expect(readDate('2024-04-02T24:00', true)).toEqual({
      kind: 'not-real',
      why: '24:00 is not a time of day',
    });
    expect(readDate('2024-04-02T10:00+14:30', true)).toEqual({
      kind: 'not-real',
      why: 'an offset from UTC is at most 14:00 either way, e.g. +01:00',
    });
  });

  it('takes the date alone from a date-time where only a date is allowed', () => {
    expect(readDate('2024-05-01T10:00', false)).toEqual({ kind: 'other-form', iso: '2024-05-01' });
    expect(readDate('2024-02-30T10:00', false)).toEqual({
      kind: 'not-real',
      why: 'February 2024 has 29 days',
    });
  });
});

describe('dateProblem', () => {
  it('words each case to follow the date itself', () => {
    expect(dateProblem('02/04/2024', { kind: 'other-form', either: ['2024-04-02', '2024-02-04'] })).toEqual({
      words: 'is not written YYYY-MM-DD (year-month-day), and could be 2 April or 4 February 2024',
      fix: undefined,
    });
    expect(dateProblem('25/04/2024', readDate('25/04/2024', true) as never)).toEqual({
      words: 'is not written YYYY-MM-DD (year-month-day)',
      fix: '2024-04-25',
    });
    expect(dateProblem('2024-04-02T25:00', readDate('2024-04-02T25:00', true) as never)).toEqual({
      words: 'is not a real date and time: 25:00 is not a time of day',
      fix: undefined,
    });
    expect(dateInWords('2024-12-01')).toBe('1 December 2024');
  });
});

/**
 * The "generated at" instant from --now or SOURCE_DATE_EPOCH: only values that name one instant on every computer
 * are accepted; anything else is a usage error that says what was wrong (tests/cli/case-file.test.ts runs the
 * same through the built CLI).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generatedAt } from '../../src/cli/environment.js';
import { UsageError } from '../../src/model/errors.js';

const saved = process.env['SOURCE_DATE_EPOCH'];
afterEach(() => {
  if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH'];
  else process.env['SOURCE_DATE_EPOCH'] = saved;
});

/** The UsageError thrown for `now` (or the epoch when `now` is undefined), as code + message. */
function refusal(now: string | undefined): string {
  try {
    generatedAt(now);
  } catch (err) {
    if (err instanceof UsageError) return `${err.code}: ${err.message}`;
    throw err;
  }
  throw new Error(`accepted ${now}`);
}

describe('--now', () => {
  it.each([
    ['2024-07-01T09:00:00Z', '2024-07-01T09:00:00.000Z'],
    ['2024-07-01T09:00Z', '2024-07-01T09:00:00.000Z'],
    ['2024-07-01t09:00z', '2024-07-01T09:00:00.000Z'],
    ['2024-07-01 09:00:00Z', '2024-07-01T09:00:00.000Z'],
    ['2024-07-01T10:00+01:00', '2024-07-01T09:00:00.000Z'],
    ['2024-07-01T10:00:00.123+0100', '2024-07-01T09:00:00.123Z'],
    ['2024-07-01T04:00-05:00', '2024-07-01T09:00:00.000Z'],
    ['2024-07-01T09:00+14:00', '2024-06-30T19:00:00.000Z'],
    ['2024-07-01', '2024-07-01T00:00:00.000Z'],
    ['2024-02-29T12:00Z', '2024-02-29T12:00:00.000Z'],
  ])('reads %s as %s', (now, iso) => {
    expect(generatedAt(now)).toBe(iso);
  });

  it.each([
    ['2024-07-01T09:00', 'has no Z or offset, so it would mean a different instant on each computer'],
    ['2024-07-01T09:00:00.5', 'has no Z or offset, so it would mean a different instant on each computer'],
    ['2024-02-30T09:00:00Z', 'is not a real date'],
    ['2023-02-29', 'is not a real date'],
    ['2024-13-01T00:00Z', 'is not a real date'],
    ['2024-07-01T24:00Z', 'is not a real time of day'],
    ['2024-07-01T09:60Z', 'is not a real time of day'],
    ['2024-07-01T09:00+15:00', 'has an offset outside -14:00 to +14:00'],
    ['2024-07-01T09:00+01:75', 'has an offset outside -14:00 to +14:00'],
    ['9999-12-31T23:00-05:00', 'is after the year 9999'],
    ['yesterday', 'is not an ISO 8601 date or date-time'],
    ['2024-7-1', 'is not an ISO 8601 date or date-time'],
    ['1719824400', 'is not an ISO 8601 date or date-time'],
  ])('refuses %s: %s', (now, why) => {
    expect(refusal(now)).toBe(`USAGE_BAD_NOW: --now "${now}" ${why}`);
  });

  it('wins over SOURCE_DATE_EPOCH', () => {
    process.env['SOURCE_DATE_EPOCH'] = '1';
    expect(generatedAt('2024-07-01')).toBe('2024-07-01T00:00:00.000Z');
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it.each([
    ['0', '1970-01-01T00:00:00.000Z'],
    ['1719824400', '2024-07-01T09:00:00.000Z'],
    ['253402300799', '9999-12-31T23:59:59.000Z'],
  ])('reads %s as %s', (epoch, iso) => {
    process.env['SOURCE_DATE_EPOCH'] = epoch;
    expect(generatedAt(undefined)).toBe(iso);
  });

  it.each(['1.5', '-1', '1e9', ' 1719824400', '0x10', 'now'])('refuses %j as not a whole number', (epoch) => {
    process.env['SOURCE_DATE_EPOCH'] = epoch;
    expect(refusal(undefined)).toBe(
      `USAGE_BAD_SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds`,
    );
  });

  it.each(['253402300800', '99999999999999'])('refuses %s as past the year 9999', (epoch) => {
    process.env['SOURCE_DATE_EPOCH'] = epoch;
    expect(refusal(undefined)).toBe(
      `USAGE_BAD_SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH "${epoch}" is too large: it would be after the year 9999 (at most 253402300799)`,
    );
  });
});

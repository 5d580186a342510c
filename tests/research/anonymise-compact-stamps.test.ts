/**
 * A compact ISO 8601 stamp (`20240312T103000Z`, as doorbell cameras, dashcams and exported logs write them) is a
 * date and a time, but its eight date digits were read as a phone number: "stamp [PHONE]T103000Z", a phone
 * number that was never there, and the date lost even where dates are kept. It is now read as a written date is
 * (`2024-03-12T10:30:00Z` already was): kept as written, or its date `[DATE]` with `--shift-dates`; the time of
 * day stays, as times do.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

const kase = {
  timezone: 'Europe/London',
  region: 'GB',
  victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
  subject: { name: 'Sam Sample', identifiers: ['+447700900456'] },
};

describe('anonymise: compact ISO 8601 stamps are dates and times, not phone numbers', () => {
  it('keeps them in a diary, redacting the real number beside one', async () => {
    expect(await anonymisedFixtureTexts('fixtures/anonymise-compact-stamps', kase)).toEqual([
      'Doorbell camera clip stamp 20240312T103000Z shows him at the gate, he rang [PHONE] after.',
      'Saved the export as clip_20240312T1045+0000.mp4 for the police.',
    ]);
  });

  it('treats the date as written dates are: kept, or [DATE] with the dates shifted', () => {
    const stamps = [
      'stamp 20240312T103000Z',
      'stamp 20240312T1030Z',
      'file 20240312T103000',
      'at 20240312T103000.123Z',
      'logged 20240312T103000+0100 by the app',
    ];
    for (const region of ['GB', undefined]) {
      const kept = new Redactor([], region, { shiftedDates: false });
      for (const text of stamps) expect(kept.redact(text), text).toBe(text);
      expect(kept.counts.phone).toBe(0);
    }
    const shifted = new Redactor([], 'GB', { shiftedDates: true });
    expect(shifted.redact('stamp 20240312T103000Z')).toBe('stamp [DATE]T103000Z');
    expect(shifted.redact('at 20240312T103000.123Z')).toBe('at [DATE]T103000.123Z');
    expect(shifted.counts).toMatchObject({ phone: 0, date: 2 });
  });

  it('takes no run for a stamp unless its date is a date', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('code 07700900T1234')).toBe('code [PHONE]T1234');
    expect(r.redact('seen 20241399T103000Z')).toBe('seen [PHONE]T103000Z');
  });
});

/**
 * A UK driving licence number (it spells the holder's surname and date of birth) came through the anonymised copy
 * as written, and an IBAN kept its country, check digits and bank ("GB82 WEST [PHONE]"). They are now `[ID]` and
 * `[IBAN]`, checked (a valid month and day; the IBAN mod-97 check) so that other codes stay.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: driving licence numbers and IBANs', () => {
  it('redacts them in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-documents', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'Car insurer says a policy was taken out in my name with licence [ID], which he photographed.',
      'He sent "pay me back or else" with his bank details: IBAN [IBAN].',
      'Bank confirmed the standing order to [IBAN] was set up from my phone.',
    ]);
  });

  it('takes only numbers that pass their checks', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('GB82 WEST 1234 5698 7654 33')).toBe('GB82 WEST [PHONE]');
    expect(r.redact('MORGA713116SM9IJ and AB12 CDEF GHIJ')).toBe('MORGA713116SM9IJ and AB12 CDEF GHIJ');
    expect(r.counts).toMatchObject({ iban: 0, id: 0 });
  });

  it('takes a licence number in any case or spaced, a dashed IBAN, and a house number with a capital letter', () => {
    const r = new Redactor([], 'GB');
    expect(
      r.redact(
        'licence morga753116sm9ij 35; MORGA 753116 SM9IJ 35; Morga753116SM9IJ; GB82-WEST-1234-5698-7654-32',
      ),
    ).toBe('licence [ID]; [ID]; [ID]; [IBAN]');
    expect(r.redact('he is at 12B Baker Street')).toBe('he is at [ADDRESS]');
    expect(r.counts).toMatchObject({ id: 3, iban: 1, address: 1 });
    for (const kept of [
      'morga713116sm9ij and morga 753116',
      'ab12-cdef-ghij',
      'the 12B bus',
      'abcde123456 is my order',
    ])
      expect(r.redact(kept)).toBe(kept);
    expect(r.counts).toMatchObject({ id: 3, iban: 1, address: 1 });
  });

  it('reads long runs of near-licences and near-IBANs in time proportional to them', () => {
    const unit = (u: string) => u.repeat(Math.ceil(100_000 / u.length));
    const r = new Redactor([], 'GB');
    for (const kept of [
      unit('morga9'),
      unit('morga 753116 '),
      unit('MORGA 713116 SM9IJ '),
      unit('GB12-ABCD-'),
      unit('gb12 abcd-'),
      unit('12B Abbey '),
    ])
      expect(r.redact(kept)).toBe(kept);
    expect(r.redact('morga753116sm9ij 35 '.repeat(5_000))).toBe('[ID] '.repeat(5_000));
    expect(r.redact('12B Baker Street, '.repeat(5_600))).toBe('[ADDRESS], '.repeat(5_600));
  });
});

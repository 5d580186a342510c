/**
 * A bank sort code (`12-34-56`) and a device's MAC address (`00:1A:2B:3C:4D:5E`) came through the anonymised copy
 * as written: six digits are no phone number, and hex pairs no number at all. A sort code names a bank branch,
 * and a MAC address the very handset a diary says the subject used. They are now `[SORT-CODE]` and `[MAC]`; a
 * date written with dashes (`20-12-15`) stays a date unless "sort code" comes just before it.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: sort codes and MAC addresses', () => {
  it('redacts them in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-bank-devices', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'Bank rang: someone tried to change my account online. Sort code [SORT-CODE], they gave my account number.',
      'He texted my own bank details back to me: [SORT-CODE] and said "I know where your money is"',
      'Unknown device on the home wifi again, MAC [MAC]. Router log also shows [MAC].',
      'Changed the wifi password at 08:00:15, router model [MAC] listed as his old phone.',
    ]);
  });

  it('keeps a dashed date and a time, and counts what it replaced', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('Court on 20-12-15, s/c 40 47 84, at 21:30:05')).toBe(
      'Court on 20-12-15, s/c [SORT-CODE], at 21:30:05',
    );
    expect(r.redact('scores 12-34-56-78 and 12 34 56')).not.toContain('[SORT-CODE]');
    expect(r.redact('AA-BB-CC-DD-EE-FF')).toBe('[MAC]');
    expect(r.counts).toMatchObject({ sortcode: 1, mac: 1 });
  });
});

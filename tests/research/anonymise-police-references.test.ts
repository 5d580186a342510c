/**
 * A police reference number, which victims are told to note down and which finds their record as surely as a
 * name, became `[PHONE]` ("crime ref [PHONE]", a false label a researcher counting shared phone numbers counts
 * too) or, short and dated as control-room logs are ("CAD 1234 12/03"), stayed as written. After the words that
 * name one it is now `[REFERENCE]`, the words kept; a phone number after "for reference" stays `[PHONE]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: police crime and incident references', () => {
  it('labels them [REFERENCE] in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-police-references', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'Rang 999 when he was at the door. Call handler gave me CAD [REFERENCE], said an officer would ring back.',
      'PC came round and took a statement. My crime ref is [REFERENCE], she said to quote it every time.',
      'He texted: "police reference [REFERENCE] means nothing, they won\'t do anything"',
      'Reported the fake account to Action Fraud, [REFERENCE]. Incident no. [REFERENCE] linked.',
      'Called 101 about him again. For reference [PHONE] is the number he used tonight.',
    ]);
  });

  it('reads the forms forces use, and leaves what no reference word names', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['crime number: 6029384', 'crime number: [REFERENCE]'],
      ['Crime Ref: 24/98765/24 - Met', 'Crime Ref: [REFERENCE] - Met'],
      ['ref CRI/06NN/0012345/24', 'ref [REFERENCE]'],
      ['case ref PS-20240312-1234', 'case ref [REFERENCE]'],
      ['CAD1234/12MAR24', 'CAD[REFERENCE]'],
      ['storm ref 0456 12/03/2024', 'storm ref [REFERENCE]'],
      // A phone number after the words stays a phone number, and a reference is never cut from a longer one.
      ['police number 01632960001', 'police number [PHONE]'],
      ['my crime ref 1234 5678', 'my crime ref [PHONE]'],
      // No reference: too short, a date, or no word that names one.
      ['report no 12', 'report no 12'],
      ['for reference: 12/03 at 10:30', 'for reference: 12/03 at 10:30'],
      ['the crime 12/03/24', 'the crime 12/03/24'],
      ['log 1234 of 12 March', 'log 1234 of 12 March'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts).toMatchObject({ reference: 6, phone: 2 });
  });

  it('reads a long run of separators after the word once', () => {
    const text = `crime ref${' '.repeat(100_000)}1 CAD${':'.repeat(100_000)}2 reference${'-'.repeat(100_000)}3`;
    expect(new Redactor([], 'GB').redact(text)).toBe(text);
  });
});

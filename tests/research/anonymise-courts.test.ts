/**
 * "Court" is a street word ("4 Crown Court"), so a court of law became `[ADDRESS]` ("Hearing at [ADDRESS]
 * adjourned", "see you at the [ADDRESS]"): the anonymised copy lost where the legal steps of a case took place,
 * which names no one. A court of law named without a house number now stays; with one it is an address.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: courts of law are no street address', () => {
  it('keeps courts and redacts an address named Court in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-courts', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'Hearing at Leeds Magistrates Court adjourned. He sat behind me in the waiting area.',
      'He texted: "see you at the Family Court, then I know where you park"',
      'Note through the door at my new place, [ADDRESS]. He has found it.',
    ]);
  });

  it('tells a court from a street named Court', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['the case is at Leeds Crown Court on 3 June', 'the case is at Leeds Crown Court on 3 June'],
      ["Coroner's Court next week", "Coroner's Court next week"],
      ['he moved to Hampton Court', 'he moved to [ADDRESS]'],
      ['Flat 2, 7 Crown Court', '[ADDRESS]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.address).toBe(2);
  });
});

/**
 * A date of birth is redacted always, shifted dates or not, after "born", "DOB" or "date of birth"; but only
 * right after the word, so "my DOB is 12.04.1990", "date of birth was …" and "born on the 3rd of April 1990"
 * stayed as written in a copy without `--shift-dates`. The marker now reads "is", "was" and "the" too.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a date of birth after "DOB is", "date of birth was", "born on the"', () => {
  it('redacts them in a diary without shifted dates', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-stated-birth-dates', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'Found a post on a local group with my photo. It says my DOB is [DATE] and where I work.',
      "He emailed my manager claiming to be me, and gave 'my date of birth was [DATE]' to reset my work account.",
      'He wrote: "I know you were born on the [DATE], I know everything"',
    ]);
  });

  it('keeps other dates as written', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('his dob is 03/04/1988, court is 12/05/2024')).toBe(
      'his dob is [DATE], court is 12/05/2024',
    );
    expect(r.redact('the baby is born on the 3rd floor')).toBe('the baby is born on the 3rd floor');
    expect(r.counts.date).toBe(1);
  });
});

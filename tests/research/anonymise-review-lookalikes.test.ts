/**
 * Ordinary phrases the street, address and plate rules of this round took for identifying details (review): a
 * street a word of place names only by description ("into another street"), a count after a word of place ("in 4
 * wheel drive"), a shouted time before a street word ("AT 11 PM ROAD WAS EMPTY") and capitalised acronyms that
 * hold a Northern Irish plate code ("FOI 2000"). The details those rules are for are still redacted beside them.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: phrases that only look like streets, addresses or plates', () => {
  it('keeps them as written', () => {
    const r = new Redactor([], 'GB');
    const kept = [
      'he followed me into another street',
      'went down another road to lose him',
      'he parked on the same street again',
      'took a nearby road, then the opposite road',
      'put it in 4 wheel drive',
      'AT 11 PM ROAD WAS EMPTY',
      'I sent an FOI 2000 request',
      'ROI 5% on that',
      'the CIA 2 film',
    ];
    for (const text of kept) expect(r.redact(text), text).toBe(text);
  });

  it('still redacts the streets, addresses and plates beside them', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['he was waiting on acacia avenue', 'he was waiting on [ADDRESS]'],
      ['waiting at 4 elm close', 'waiting at [ADDRESS]'],
      ['I KNOW YOU LIVE AT 12 ELM ROAD', 'I KNOW YOU LIVE AT [ADDRESS]'],
      ['his car is ABZ 1234', 'his car is [PLATE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
  });
});

/**
 * A user name given without its `@` after the app it is on is `[HANDLE]` where it holds an inner dot
 * ("sam.sample_"), but "i.e", "e.g" and "a.k.a" have inner dots too: "saw it on insta i.e. the photo" became
 * "on insta [HANDLE]. the photo". Single letters separated by dots are an abbreviation, never a user name.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: an abbreviation after an app name is no user name', () => {
  it('keeps i.e. and e.g. and redacts user names in an SMS backup', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-app-handle-abbreviations', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'The subject', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      'I saw it on insta i.e. the photo of my car outside work',
      'everyone talks about you on twitter e.g. the post from last night',
      'my insta is [HANDLE] now so follow it',
      'add me on snap: [HANDLE] or I come round',
    ]);
  });

  it('leaves single letters between dots and takes names with a dot in them', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['on snap a.k.a. the app he uses', 'on snap a.k.a. the app he uses'],
      ['on tiktok i.e the one with the dog', 'on tiktok i.e the one with the dog'],
      ['my ig is E.G. so what', 'my ig is E.G. so what'],
      ['new insta, its s.sample88', 'new insta, its [HANDLE]'],
      ['insta: sam.sample_', 'insta: [HANDLE]'],
      ['telegram is s.k.88', 'telegram is [HANDLE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.handle).toBe(3);
  });
});

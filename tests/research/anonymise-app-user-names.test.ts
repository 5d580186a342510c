/**
 * A user name given without its `@`, just after the app it is on ("msg me on snap: sammy_b_1990", "new insta, its
 * s.sample88"), was left as written: only `@name` was a handle. It is now `[HANDLE]` where it holds a digit, an
 * underscore or an inner dot, so the ordinary words after an app's name stay ("on twitter yesterday.").
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a user name after the app it is on', () => {
  it('redacts user names and keeps words after an app name in an SMS backup', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-app-user-names', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'The subject', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      'you blocked my number so msg me on snap: [HANDLE] or else',
      'made a new insta, its [HANDLE] so dont bother blocking',
      'I saw what you posted on twitter yesterday. Leave me alone.',
    ]);
  });

  it('takes only names shaped like user names', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['telegram username: s_sample88', 'telegram username: [HANDLE]'],
      ['add me on snapchat sammy_b', 'add me on snapchat [HANDLE]'],
      ['my ig is private', 'my ig is private'],
      ['tiktok 3 times a day', 'tiktok 3 times a day'],
      ['twitter 10x worse', 'twitter 10x worse'],
      ['snap me at 7.30', 'snap me at 7.30'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.handle).toBe(2);
  });
});

/**
 * E-mail addresses spelt out to slip past filters ("sam.sample88[at]gmail[dot]com", "s.sample (at) northwind (dot)
 * co (dot) uk", "priya.k @ hotmail.com", "alexm at outlook dot com") came through the anonymised copy as written,
 * or with only a known name inside them redacted. They are now `[EMAIL]`; the bare words "at" and "dot" make an
 * address only where it clearly is one, so "at work. It was" and "look at this dot com" stay.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: e-mail addresses spelt out', () => {
  it('redacts them in a WhatsApp chat', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-spelt-emails', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      'You blocked my number so write to me at [EMAIL]',
      'or my work one, [EMAIL]',
      'Do not contact me again.',
      "Your sister gave me hers: [EMAIL]. And yours is [EMAIL] isn't it",
      'I was at work. It was all over the news at bbc dot com, look at this dot com',
    ]);
  });

  it('takes an address only where it clearly is one', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('sam{AT}outlook . com, s_88 at live dot co dot uk, me@proton dot me')).toBe(
      '[EMAIL], [EMAIL], [EMAIL]',
    );
    for (const kept of [
      'I saw sam_88 at work. It was late',
      'meet me at 10 dot com',
      'at 10.30',
      'be at home. Com',
    ])
      expect(r.redact(kept)).toBe(kept);
    expect(r.counts.email).toBe(3);
  });

  it('takes a spaced "@" for an address only before a provider or a known ending', () => {
    const r = new Redactor([], 'GB');
    for (const kept of [
      'see you @ home.Love you',
      "I'm @ work.so busy",
      'text me @ 9pm.ok',
      'see you @ live.Love you',
    ])
      expect(r.redact(kept)).toBe(kept);
    expect(r.counts.email).toBe(0);
    expect(
      r.redact('sam.sample @ gmail . com, sam (at) outlook (dot) co (dot) uk, hans @ web.de, x @ yahoo.so'),
    ).toBe('[EMAIL], [EMAIL], [EMAIL], [EMAIL]');
    expect(r.counts.email).toBe(4);
  });

  it('reads a long run of spaced "@"s in time proportional to it', () => {
    const text = 'me @ home.so '.repeat(100_000 / 13);
    expect(text.length).toBeGreaterThan(99_000);
    expect(new Redactor([], 'GB').redact(text)).toBe(text);
    const mixed = `${'you @ work.ok '.repeat(7_200)}sam @ gmail . com`;
    expect(new Redactor([], 'GB').redact(mixed)).toBe(`${'you @ work.ok '.repeat(7_200)}[EMAIL]`);
  });
});

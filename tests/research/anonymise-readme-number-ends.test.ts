/**
 * The README's anonymisation section said "a number ends where a whole number does, so a count after it stays,
 * `rang 07700 900123 5 times`", but without a case region a number in national form shows no end and that text
 * became "rang [PHONE] times" (anonymise-number-ends.test.ts). Each count example the README gives there must keep
 * its count under the region it names ("with region GB"), or with none where it names none ("without one").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README: where a phone number ends', () => {
  it('keeps the count in each example under the region it names', () => {
    const start = README.indexOf('a number ends where a whole number does');
    expect(start).toBeGreaterThan(0);
    const passage = README.slice(start, README.indexOf('`[CARD]`', start));
    const examples = [...passage.matchAll(/`(rang [^`]*? (\d+) times)`(?: with region ([A-Z]{2}))?/g)];
    expect(examples.length).toBeGreaterThan(0);
    for (const [, text, count, region] of examples) {
      const redacted = new Redactor([], region).redact(text!);
      expect(redacted, `${text} (region ${region ?? 'none'})`).toMatch(
        new RegExp(`\\[PHONE\\] ${count} times$`),
      );
    }
  });
});

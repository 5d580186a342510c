/**
 * long-values.ts on its own: a base64 value handed over in pieces, some taken from saxes while it is read (as the
 * reader takes them after each piece of text), measures as the whole value does: the same number of characters,
 * spaces (line breaks in a value) not counted, and the same padding, wherever the takes fall, even when the `=`
 * at its end were taken and the rest handed over is empty.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Bytes } from '../../src/sources/sms-backup-xml/fields.js';
import type { Handover } from '../../src/sources/sms-backup-xml/handover.js';
import { HELD_DATA, LongValues } from '../../src/sources/sms-backup-xml/long-values.js';

/** What the reader sees of saxes reading one attribute value: its name and the characters it holds so far. */
class ValueBeingRead {
  held = '';
  constructor(readonly name: string) {}
  heldValue(): number {
    return this.held.length;
  }
  valueName(): string {
    return this.name;
  }
  takeValue(): string {
    const taken = this.held;
    this.held = '';
    return taken;
  }
}

/** Reads `value` in pieces ending at `cuts`, checking after each as the reader does; the size it lists. */
function sizeReadInPieces(value: string, cuts: readonly number[]): number {
  const saxes = new ValueBeingRead('data');
  const long = new LongValues();
  let at = 0;
  for (const cut of [...cuts, value.length]) {
    saxes.held += value.slice(at, cut);
    at = Math.max(at, cut);
    long.check(saxes as unknown as Handover);
  }
  const attrs: Record<string, string> = { data: saxes.held };
  const letGo = long.finish(attrs);
  return base64Bytes(attrs['data']!, letGo.data);
}

describe('a base64 value measured in pieces', () => {
  it('measures as the whole value wherever it is taken', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 * HELD_DATA }),
        fc.constantFrom('', '=', '=='),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(' ', '\n', '\r\n'),
        fc.array(fc.integer({ min: 0, max: 4 * HELD_DATA }), { maxLength: 12 }),
        (n, pad, wrapEvery, lineBreak, cuts) => {
          let value = `${'Q'.repeat(n)}${pad}`;
          // Some tools wrap base64 in lines: XML reads a raw line break in a value as a space, `&#10;` as itself.
          if (wrapEvery > 0)
            value = (value.match(new RegExp(`.{1,${wrapEvery + 60}}`, 'g')) ?? []).join(lineBreak);
          const sorted = cuts.filter((c) => c <= value.length).sort((a, b) => a - b);
          expect(sizeReadInPieces(value, sorted)).toBe(base64Bytes(value));
          expect(base64Bytes(value)).toBe(Math.floor(((n + pad.length) * 3) / 4) - pad.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the padding when the `=` were taken and nothing is left to hand over', () => {
    const value = `${'A'.repeat(HELD_DATA + 2)}==`;
    // Taken right after the "==": the value handed over at the end is empty.
    expect(sizeReadInPieces(value, [value.length])).toBe(Math.floor(((HELD_DATA + 4) * 3) / 4) - 2);
    expect(base64Bytes(value)).toBe(Math.floor(((HELD_DATA + 4) * 3) / 4) - 2);
  });
});

describe('the size of an attachment whose base64 is wrapped with `&#10;`', () => {
  it('counts its base64 characters only', () => {
    const raw = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff));
    const wrapped = (raw.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
    expect(base64Bytes(wrapped)).toBe(1000);
  });
});

/**
 * Texts let go (src/timeline/pages.ts `pushDropped`, `dropLast`): nothing of them is kept, reading one throws,
 * and every string around them reads back as written, also where a string let go had started a new block.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringPages, TEXT_BLOCK_BYTES, type Utf8Span } from '../../src/timeline/pages.js';

const span = (): Utf8Span => ({ bytes: new Uint8Array(0), start: 0, end: 0 });

describe('StringPages, strings let go', () => {
  it('reads back every kept string, and throws for those let go', () => {
    const blocks: Buffer[] = [];
    const pages = new StringPages((n) => {
      const b = Buffer.alloc(n);
      blocks.push(b);
      return b;
    });
    pages.push('first');
    pages.pushDropped();
    const utf8 = Buffer.from('zweite – naïve', 'utf8');
    pages.pushUtf8(utf8, 0, utf8.length);
    pages.push('let go after writing');
    pages.dropLast();
    pages.push(undefined);
    pages.push('after');
    expect(pages.length).toBe(6);
    expect(pages.get(0)).toBe('first');
    expect(() => pages.get(1)).toThrow('text 1 was read after it was let go');
    expect(pages.get(2)).toBe('zweite – naïve');
    expect(() => pages.get(3)).toThrow(/let go/);
    expect(pages.get(4)).toBeUndefined();
    expect(pages.get(5)).toBe('after');
    const s = span();
    expect(pages.bytesOf(1, s)).toBe(false);
    expect(pages.bytesOf(3, s)).toBe(false);
    // The string let go after it was written gave its bytes back: "after" was written where it began.
    expect(pages.bytesOf(5, s)).toBe(true);
    expect(s.start).toBe(5 + utf8.length);
    expect(blocks).toHaveLength(1);
  });

  it('lets go of a string kept aside, and of one that started a new block', () => {
    const pages = new StringPages();
    const long = 'x'.repeat(TEXT_BLOCK_BYTES / 8 + 1);
    pages.push(long);
    pages.dropLast();
    const nearlyFull = 'a'.repeat(TEXT_BLOCK_BYTES - 10);
    pages.push(nearlyFull.slice(0, TEXT_BLOCK_BYTES / 8));
    pages.push('b'.repeat(100_000));
    pages.dropLast();
    pages.push('c'.repeat(20));
    expect(() => pages.get(0)).toThrow(/let go/);
    expect(pages.get(1)).toBe(nearlyFull.slice(0, TEXT_BLOCK_BYTES / 8));
    expect(() => pages.get(2)).toThrow(/let go/);
    expect(pages.get(3)).toBe('c'.repeat(20));
  });

  it('keeps what a run without strings let go keeps, whatever is let go between (property)', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('string' as const),
        s: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
      }),
      fc.record({ kind: fc.constant('utf8' as const), s: fc.string({ unit: 'grapheme', maxLength: 200 }) }),
      fc.record({ kind: fc.constant('dropped' as const) }),
      fc.record({ kind: fc.constant('dropLast' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const pages = new StringPages();
        const expected: (string | undefined | 'dropped')[] = [];
        for (const o of ops) {
          if (o.kind === 'string') {
            pages.push(o.s);
            expected.push(o.s);
          } else if (o.kind === 'utf8') {
            const b = Buffer.from(o.s, 'utf8');
            pages.pushUtf8(b, 0, b.length);
            expected.push(o.s);
          } else if (o.kind === 'dropped') {
            pages.pushDropped();
            expected.push('dropped');
          } else if (expected.length > 0) {
            pages.dropLast();
            expected[expected.length - 1] = 'dropped';
          }
        }
        expected.forEach((v, k) => {
          if (v === 'dropped') expect(() => pages.get(k)).toThrow(/let go/);
          else expect(pages.get(k)).toBe(v);
        });
      }),
      { numRuns: 200 },
    );
  });
});

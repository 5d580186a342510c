import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapedStrings } from '../../src/timeline/shapes.js';

const roundTrip = (column: ShapedStrings, values: readonly (string | number | undefined)[]) => {
  for (let k = 0; k < values.length; k++) column.set(k, values[k]);
  return values.map((_, k) => column.get(k));
};

describe('shaped strings', () => {
  it('say whether any value was set, so that a column no source filled is not read event by event', () => {
    const column = new ShapedStrings();
    for (let k = 0; k < 2000; k++) column.set(k, undefined);
    expect(column.hasValues()).toBe(false);
    column.set(2000, 0);
    expect(column.hasValues()).toBe(true);
    const text = new ShapedStrings();
    text.set(0, undefined);
    text.set(1, '{"location":"Home"}');
    expect(text.hasValues()).toBe(true);
  });

  it('gives back every value exactly: numbers, absent values, leading zeros, long and missing digit runs', () => {
    const value = fc.oneof(
      fc.nat(),
      fc.constant(undefined),
      fc.double({ noNaN: true }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc
        .tuple(fc.constantFrom('sms[', 'chats.list[', '{"replyTo":"', ''), fc.nat(), fc.nat({ max: 30 }))
        .map(([h, a, b]) => `${h}${a}].messages[${b === 7 ? '007' : b}]`),
      fc.stringMatching(/^[0-9]{1,20}$/),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        expect(roundTrip(new ShapedStrings(), values)).toEqual(values);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back runs of values that differ only in their last number, whatever that number looks like', () => {
    // Consecutive values mostly share everything up to their last number (the fast path); the last number may
    // be written with a leading zero, have ten digits, or be missing, and the prefix may change under it.
    const last = fc.oneof(
      fc.nat({ max: 5000 }).map(String),
      fc.constantFrom('0', '007', '1234567890', '', 'x'),
    );
    const value = fc
      .tuple(
        fc.constantFrom('chats.list[', '4001:', '{"replyTo":"', ''),
        fc.nat({ max: 3 }),
        last,
        fc.constantFrom(']', '', '"}', '].x'),
      )
      .map(([head, chat, n, tail]) =>
        head === '4001:' || head === '' ? `${head}${n}${tail}` : `${head}${chat}].messages[${n}${tail}`,
      );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (values) => {
        expect(roundTrip(new ShapedStrings(), values)).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps values exact when they never share a shape (past the point where it stops interning them)', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `<${i}.${(i * 7919) % 1000}@mail${i}.example.org>`);
    expect(roundTrip(new ShapedStrings(), values)).toEqual(values);
  });

  it('keeps a column exact that mixes a few shared shapes with a stream of unique values (Telegram details)', () => {
    // Reply ids and media share a handful of shapes; edit times (their last digit run "000" is not a plain
    // number) are each a shape of their own until the column stops interning them; early shapes come back late.
    const shared = (i: number) =>
      [
        `{"replyTo":"${980 + i}"}`,
        '{"media":"photo","width":1280,"height":960}',
        '{"forwardedFrom":"Channel Example"}',
        `{"media":"sticker","emoji":"\u{1F621}","n":${i}}`,
      ][i % 4]!;
    const values = Array.from({ length: 6000 }, (_, i) =>
      i % 3 === 0 ? `{"editedAt":"${new Date(1704067200000 + i * 61000).toISOString()}"}` : shared(i),
    );
    values.push(...Array.from({ length: 40 }, (_, i) => shared(i)), `{"replyTo":"7"}`, values[3]!);
    expect(roundTrip(new ShapedStrings(), values)).toEqual(values);
  });

  it('reads a column of line numbers, one of ids and one left empty', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => i + 1);
    expect(roundTrip(new ShapedStrings(), lines)).toEqual(lines);
    const ids = Array.from({ length: 3000 }, (_, i) => `4001:${1000 + i}`);
    expect(roundTrip(new ShapedStrings(), ids)).toEqual(ids);
    const none = new Array<undefined>(3000).fill(undefined);
    expect(roundTrip(new ShapedStrings(), none)).toEqual(none);
  });

  describe('tell whether a value is one of a few without making it (oneOf)', () => {
    /** oneOf's answer for every value, beside the answer of making each value and looking it up. */
    const both = (values: readonly (string | number | undefined)[], wanted: ReadonlySet<string>) => {
      const column = new ShapedStrings();
      for (let k = 0; k < values.length; k++) column.set(k, values[k]);
      const oneOf = column.oneOf(wanted);
      return {
        found: values.map((_, k) => oneOf(k)),
        made: values.map((_, k) => column.get(k) !== undefined && wanted.has(String(column.get(k)))),
      };
    };

    it('agrees with making each value, for shapes with none, one or two numbers, leading zeros and long values', () => {
      const value = fc.oneof(
        fc.constant(undefined),
        fc.nat({ max: 40 }).map(String),
        fc.constantFrom('007', '0', '', 'x', '1234567890', 'a'.repeat(201), `${'b'.repeat(200)}7`),
        fc
          .tuple(fc.constantFrom('4001:', 'chats.list[', '<', ''), fc.nat({ max: 5 }), fc.nat({ max: 5 }))
          .map(([h, a, b]) => `${h}${a}].messages[${b}]`),
        fc.string({ unit: 'binary', maxLength: 6 }),
      );
      fc.assert(
        fc.property(
          fc.array(value, { maxLength: 200 }),
          fc.array(value, { maxLength: 8 }),
          (values, picks) => {
            // Some of the values wanted are in the column, some are not.
            const wanted = new Set(
              [...picks, ...values.filter((_, k) => k % 7 === 0)].filter((v) => v !== undefined).map(String),
            );
            const { found, made } = both(values, wanted);
            expect(found).toEqual(made);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('agrees past the point where the column stops interning shapes and pages its values', () => {
      // Message-ids that never share a shape: the later ones are paged, their bytes compared.
      const values = Array.from(
        { length: 5000 },
        (_, i) => `<${i}.${(i * 7919) % 1000}@mail${i}.example.org>`,
      );
      const wanted = new Set([values[3]!, values[4000]!, values[4999]!, '<1.1@nowhere.example.org>', 'é']);
      const { found, made } = both([...values, 'é', 'e'], wanted);
      expect(found).toEqual(made);
      expect(found.filter(Boolean)).toHaveLength(4);
    });
  });
});

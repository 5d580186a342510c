import { describe, expect, it } from 'vitest';
import {
  hasTooManyValues,
  MAX_RECORD_VALUES,
  TOO_MANY_VALUES,
  ValueCounter,
} from '../../src/sources/json-values.js';

/** The values of a parsed JSON value, itself included: what `ValueCounter` counts from the text. */
function valuesOf(v: unknown): number {
  if (Array.isArray(v)) return 1 + v.reduce((n: number, x) => n + valuesOf(x), 0);
  if (typeof v === 'object' && v !== null)
    return 1 + Object.values(v).reduce((n: number, x) => n + valuesOf(x), 0);
  return 1;
}

const SAMPLES = [
  '{}',
  '[]',
  '""',
  '0',
  '-1.5e+3',
  'null',
  ' { "date" : "2024-03-01T18:04:22" , "sender": "Sam", "body": "a: [b, {c}] \\" d", "n": -0.5E-2, "t": true, "f": false, "z": null } ',
  '{"reactions":[["Sam","👍"],{"name":"Alex","emoji":"❤"}],"attachments":[],"quote":"","x":{"":{"":[[],{}]}}}',
  '[{},{},[""],"\\\\",1,2.5,true]',
  '{"k\\"ey:":"va,lue:{[","t":[1,2,3]}',
];

describe('JSON value count', () => {
  it('counts every object, array, string and literal of a record, member names not, as JSON.parse builds them', () => {
    for (const text of SAMPLES) {
      const counter = new ValueCounter();
      counter.scan(text);
      expect([text, counter.count]).toEqual([text, valuesOf(JSON.parse(text))]);
    }
  });

  it('counts text fed in pieces, split anywhere (inside strings, escapes and numbers), as it counts it whole', () => {
    for (const text of SAMPLES) {
      for (let cut = 0; cut <= text.length; cut++) {
        const counter = new ValueCounter();
        counter.scan(text.slice(0, cut));
        counter.scan(text, cut);
        expect([text, cut, counter.count]).toEqual([text, cut, valuesOf(JSON.parse(text))]);
      }
    }
  });

  it('holds a record of 1,000,000 values and refuses one of 1,000,001', () => {
    expect(TOO_MANY_VALUES).toBe('made of more than 1,000,000 values');
    // The array and 999,999 or 1,000,000 empty objects in it.
    const record = (objects: number) => `[${Array(objects).fill('{}').join(',')}]`;
    expect(hasTooManyValues(record(MAX_RECORD_VALUES - 1))).toBe(false);
    expect(hasTooManyValues(record(MAX_RECORD_VALUES))).toBe(true);
    // A million empty strings as members of one object: the names do not count, the values do.
    const members = (n: number) => `{${Array.from({ length: n }, (_, i) => `"${i}":""`).join(',')}}`;
    expect(hasTooManyValues(members(MAX_RECORD_VALUES - 1))).toBe(false);
    expect(hasTooManyValues(members(MAX_RECORD_VALUES))).toBe(true);
    // One long string is one value, however long.
    expect(hasTooManyValues(`"${'{},'.repeat(MAX_RECORD_VALUES)}"`)).toBe(false);
  });
});

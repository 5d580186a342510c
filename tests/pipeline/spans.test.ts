/**
 * Each input's first and last instant (pipeline/spans.ts), read at the ends of the stretches the store holds in
 * time order: the same answer as reading every event. And the store's own order put right around its steps back
 * in time (timeline/order.ts): the same as sorting.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src/model/vocabulary.js';
import { inputSpans, storeSpans } from '../../src/pipeline/spans.js';
import { sortTimeline, storeOrder } from '../../src/timeline/order.js';
import type { EventStore } from '../../src/timeline/store.js';
import { storeOf as storedRows } from '../helpers/store.js';

interface Row {
  ms: number;
  day: boolean;
  input: number;
  channel?: Channel;
}

/** A store holding `rows` in the order given. */
const storeOf = (rows: readonly Row[]): EventStore =>
  storedRows(
    rows.map(({ ms, day, input, channel }) => ({
      ms,
      input,
      precision: day ? 'day' : 'min',
      ...(channel !== undefined ? { channel } : {}),
    })),
  );

/** The bits of `channels` as spans give them (bit c for CHANNELS[c]). */
const bits = (...channels: Channel[]) => channels.reduce((b, c) => b | (1 << CHANNELS.indexOf(c)), 0);

const every = (store: EventStore) => Uint32Array.from({ length: store.length }, (_, k) => k);

/**
 * Rows with few distinct instants (so ties are common), mostly in time order with some steps back, inputs in runs
 * that may come back.
 */
const rowsArb = fc
  .array(
    fc.record({
      step: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: -4, max: -1 })),
      day: fc.boolean(),
      input: fc.integer({ min: 0, max: 3 }),
      channel: fc.constantFrom<Channel>('sms', 'call', 'whatsapp'),
    }),
    { maxLength: 60 },
  )
  .map((xs) => {
    let ms = Date.parse('2024-03-01T00:00:00Z');
    return xs.map(({ step, day, input, channel }) => {
      ms += step * 86_400_000;
      return { ms, day, input, channel };
    });
  });

const T = Date.parse('2024-03-01T00:00:00Z');
const DAY = 86_400_000;
const at = (ms: number, day = false, input = 0): Row => ({ ms, day, input });

describe('input spans', () => {
  it('read at the ends of the ordered stretches equal those read from every event, for any store', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const store = storeOf(rows);
        expect(storeSpans(store, 4)).toEqual(inputSpans(store, every(store), 4));
      }),
      { numRuns: 500 },
    );
  });

  it("count a date-only record at an input's first or last instant only when every record there is date-only", () => {
    const store = storeOf([
      at(T, true),
      at(T, false),
      at(T + DAY, true),
      at(T + 2 * DAY, true, 1),
      at(T + 2 * DAY, true, 1),
      at(T + 3 * DAY, false, 1),
      at(T + 3 * DAY, true, 1),
    ]);
    expect(storeSpans(store, 3)).toEqual([
      { first: T, last: T + DAY, firstDay: false, lastDay: true, channels: bits('sms') },
      { first: T + 2 * DAY, last: T + 3 * DAY, firstDay: true, lastDay: false, channels: bits('sms') },
      undefined,
    ]);
  });

  it("give the channels of all of an input's events, in every run of it, whichever way they are read", () => {
    // Input 0 holds texts and, in a later run, a call; input 1 only WhatsApp messages.
    const store = storeOf([
      { ...at(T), channel: 'sms' },
      { ...at(T + DAY), channel: 'sms' },
      { ...at(T, false, 1), channel: 'whatsapp' },
      { ...at(T + 2 * DAY), channel: 'call' },
    ]);
    const channels = (spans: ReturnType<typeof inputSpans>) => spans.map((s) => s?.channels);
    const want = [bits('sms', 'call'), bits('whatsapp'), undefined];
    expect(channels(storeSpans(store, 3)!)).toEqual(want);
    expect(channels(inputSpans(store, every(store), 3))).toEqual(want);
    // Read from some events only (the others taken back), only theirs count.
    expect(channels(inputSpans(store, Uint32Array.of(0, 2), 3))).toEqual([
      bits('sms'),
      bits('whatsapp'),
      undefined,
    ]);
  });
});

describe('the store order', () => {
  it('records each event that comes before the one added before it', () => {
    expect(storeOf([T, T, T - 1, T + 1, T + 1, T - 5, T + 9].map((ms) => at(ms))).descents()).toEqual([2, 5]);
  });

  it('put right around the steps back equals the sorted timeline, for any store', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const store = storeOf(rows);
        expect([...storeOrder(store)]).toEqual([...sortTimeline(store, every(store))]);
      }),
      { numRuns: 500 },
    );
  });

  it('moves only the repeated hour of an autumn clock change, ties after the events already there', () => {
    // A chat in local time, read as instants: 00:50 and 01:30 BST, then 01:10 and 01:30 GMT (later instants),
    // then 01:20 read as BST (the earlier instant) and 01:40 GMT.
    const t = Date.parse('2024-10-26T23:50:00Z');
    const m = 60_000;
    const instants = [t, t + 40 * m, t + 80 * m, t + 100 * m, t + 30 * m, t + 40 * m, t + 110 * m];
    const store = storeOf(instants.map((ms) => at(ms)));
    expect(store.descents()).toEqual([4]);
    expect([...storeOrder(store)]).toEqual([0, 4, 1, 5, 2, 3, 6]);
  });

  it('sorts a newest-first export in full, past the budget of moves', () => {
    const instants = Array.from({ length: 3000 }, (_, i) => T - Math.floor(i / 3) * 60_000);
    const store = storeOf(instants.map((ms) => at(ms)));
    expect(store.descents()?.length).toBe(999);
    expect([...storeOrder(store)]).toEqual([...sortTimeline(store, every(store))]);
  });

  it('records no more than 4,096 steps back: a longer export newest first is sorted, its spans read one by one', () => {
    const instants = Array.from({ length: 5000 }, (_, i) => T - i * 60_000);
    const store = storeOf(instants.map((ms, i) => at(ms, i % 7 === 0)));
    expect(store.descents()).toBeUndefined();
    expect(storeSpans(store, 1)).toBeUndefined();
    expect([...storeOrder(store)]).toEqual([...sortTimeline(store, every(store))]);
  });
});

/**
 * The first and last instant of each input's live events (`Ingested.spans`), whether the events at each are
 * all date-only (a record with a time of day outranks one that gives only the date at the same instant), and the
 * channels of its events. Live events are every event read and not taken back, duplicates of other inputs' records
 * included: what the file holds, which is what it covers (analysis/escalation/window.ts), not only what was kept.
 */
import type { EventStore } from '../timeline/store.js';

/** What an input's live events span. */
export interface Span {
  first: number;
  last: number;
  firstDay: boolean;
  lastDay: boolean;
  /** The CHANNELS indexes of its live events as bits, bit c for channel c. */
  channels: number;
}

/** Per input number: its span, or undefined when it has no live events. */
export type InputSpans = (Span | undefined)[];

/**
 * `inputSpans` when every event of the store is live, without reading each (undefined when the store has too many
 * descents to say where they are: read each then): between its descents (store.ts) and
 * the starts of its inputs' runs, the store is in time order, so each such stretch starts at its first instant
 * and ends at its last. Only the events at those two instants are read (for whether they are all date-only, as
 * `inputSpans` decides at one instant), and the stretches of one input are merged by the same rules. The channels
 * are the store's own of each input run, kept as the events were added (`EventStore.runChannels`): exact here, as
 * no event was taken back.
 */
export function storeSpans(store: EventStore, inputs: number): InputSpans | undefined {
  const descents = store.descents();
  if (descents === undefined) return undefined;
  const spans: InputSpans = Array.from({ length: inputs }, () => undefined);
  const starts = [...new Set([...store.inputRuns().map(([start]) => start), ...descents])].sort(
    (a, b) => a - b,
  );
  const dayOnly = (k: number) => store.precision(k) === 'day';
  starts.forEach((start, r) => {
    const end = starts[r + 1] ?? store.length;
    const first = store.ms(start);
    let firstDay = true;
    for (let k = start; k < end && store.ms(k) === first; k++) firstDay &&= dayOnly(k);
    const last = store.ms(end - 1);
    let lastDay = true;
    for (let k = end - 1; k >= start && store.ms(k) === last; k--) lastDay &&= dayOnly(k);
    const input = store.input(start);
    const span = spans[input];
    if (span === undefined) spans[input] = { first, last, firstDay, lastDay, channels: 0 };
    else merge(span, first, firstDay, last, lastDay);
  });
  store.inputRuns().forEach(([, input], run) => {
    const span = spans[input];
    if (span !== undefined) span.channels |= store.runChannels(run);
  });
  return spans;
}

/** Adds to `span` a stretch whose first instant is `first` (all date-only: `firstDay`) and last is `last`. */
function merge(span: Span, first: number, firstDay: boolean, last: number, lastDay: boolean): void {
  if (first < span.first) {
    span.first = first;
    span.firstDay = firstDay;
  } else if (first === span.first) span.firstDay &&= firstDay;
  if (last > span.last) {
    span.last = last;
    span.lastDay = lastDay;
  } else if (last === span.last) span.lastDay &&= lastDay;
}

/**
 * The first and last time and the channels of each input's live events `live` (in any order). A function of its
 * own, with an indexed loop: in the async `ingest` a for-of over a million event numbers ran unoptimised, one
 * iterator result object per event.
 */
export function inputSpans(store: EventStore, live: Uint32Array, inputs: number): InputSpans {
  const spans: InputSpans = Array.from({ length: inputs }, () => undefined);
  for (let i = 0; i < live.length; i++) {
    const k = live[i]!;
    const ms = store.ms(k);
    const day = store.precision(k) === 'day';
    const input = store.input(k);
    const channel = 1 << store.channelIndex(k);
    const span = spans[input];
    if (span === undefined)
      spans[input] = { first: ms, last: ms, firstDay: day, lastDay: day, channels: channel };
    else {
      merge(span, ms, day, ms, day);
      span.channels |= channel;
    }
  }
  return spans;
}

/**
 * The column reads of an event list (src/timeline/list.ts): a list of stored events answers them from the store's
 * columns, a list of plain events from each event, and both must give every event's own values. The two
 * fixtures hold calls with outcomes, date-only diary rows, conversations, flags, details and many senders.
 */
import { describe, expect, it } from 'vitest';
import { incidentColumns } from '../../src/analysis/columns.js';
import { CALL_STATUSES, CHANNELS, KINDS } from '../../src/model/vocabulary.js';
import { type EventList, KIND_CALL_SLOTS, kindCallSlot, listOf } from '../../src/timeline/list.js';
import { plain } from '../../src/timeline/store.js';
import { Zone } from '../../src/timeline/zone.js';
import { timelineOf } from '../helpers/timeline.js';

/** Everything the column reads give for event i of a list. */
function reads(list: EventList, i: number) {
  const who = list.who(i);
  return {
    ms: list.ms(i),
    incident: list.incident(i),
    input: list.input(i),
    channel: CHANNELS[list.channelIndex(i)],
    kind: KINDS[list.kindIndex(i)],
    call: list.callIndex(i) === -1 ? undefined : CALL_STATUSES[list.callIndex(i)],
    sender: who.sender,
    senderKey: who.key,
    role: who.role,
    precision: list.precision(i),
    direction: list.direction(i),
    conversation: list.conversation(i),
    flags: list.flags(i),
    details: list.details(i),
  };
}

/** The bulk reads of the store's lists and of the same events as plain objects equal the reads of each event. */
async function readsAtOnce(paths: string[]) {
  const { t } = await timelineOf(paths);
  const objects = listOf(Array.from({ length: t.events.length }, (_, i) => plain(t.events.at(i))));
  for (const list of [t.events, t.events.incidents(), objects]) {
    const n = list.length;
    const channel = new Uint8Array(n);
    const perChannel = new Int32Array(CHANNELS.length);
    const perKindCall = new Int32Array(KIND_CALL_SLOTS);
    list.tally(channel, perChannel, perKindCall);
    const each = Array.from({ length: n }, (_, i) => reads(list, i));
    expect([...channel].map((c) => CHANNELS[c])).toEqual(each.map((e) => e.channel));
    // How many events give each of `values` for a field.
    const count = (values: readonly unknown[], field: (e: (typeof each)[number]) => unknown) =>
      values.map((v) => each.filter((e) => field(e) === v).length);
    expect([...perChannel]).toEqual(count(CHANNELS, (e) => e.channel));
    // Every slot of kind and outcome, the calls without an outcome among them, counted apart.
    const expected = new Array<number>(KIND_CALL_SLOTS).fill(0);
    for (const e of each) {
      const call = e.call === undefined ? -1 : CALL_STATUSES.indexOf(e.call);
      expected[kindCallSlot(KINDS.indexOf(e.kind!), call)]!++;
    }
    expect([...perKindCall]).toEqual(expected);
    expect(list.withFlagsOrDetails()).toEqual(
      each.flatMap((e, i) => (e.flags !== undefined || e.details !== undefined ? [i] : [])),
    );
    expect([...list.inputSet()]).toEqual([...new Set(each.map((e) => e.input))]);
    // Each input's first and last instants in the list's order, and its events' channels as bits.
    const spans = new Map<number, { first: number; last: number; channels: number }>();
    for (const e of each) {
      const s = spans.get(e.input) ?? { first: e.ms, last: e.ms, channels: 0 };
      s.last = e.ms;
      s.channels |= 1 << CHANNELS.indexOf(e.channel!);
      spans.set(e.input, s);
    }
    expect([...list.inputSpans()]).toEqual([...spans]);
    expect([...list.conversationSet()]).toEqual([
      ...new Set(each.flatMap((e) => (e.conversation === undefined ? [] : [e.conversation]))),
    ]);
  }
}

describe('column reads of an event list', () => {
  for (const fixture of ['fixtures/demo-case', 'fixtures/mixed-case']) {
    it(`give each event's own values, from the store and from plain events alike (${fixture})`, async () => {
      const { t } = await timelineOf([fixture]);
      const stored = t.events;
      const objects = listOf(Array.from({ length: stored.length }, (_, i) => plain(stored.at(i))));
      expect(stored.length).toBeGreaterThan(50);
      const seen = { calls: 0, dateOnly: 0, flags: 0, details: 0, conversations: 0 };
      for (let i = 0; i < stored.length; i++) {
        const e = objects.at(i);
        const fromStore = reads(stored, i);
        expect(fromStore).toEqual(reads(objects, i));
        expect(fromStore).toEqual({
          ms: e.ms,
          incident: e.incident,
          input: e.input,
          channel: e.channel,
          kind: e.kind,
          call: e.call?.status,
          sender: e.sender,
          senderKey: e.senderKey,
          role: e.role,
          precision: e.precision,
          direction: e.direction,
          conversation: e.conversation,
          flags: e.flags,
          details: e.details,
        });
        if (e.call) seen.calls++;
        if (e.precision === 'day') seen.dateOnly++;
        if (e.flags?.length) seen.flags++;
        if (e.details) seen.details++;
        if (e.conversation !== undefined) seen.conversations++;
      }
      // The fixture exercises every read that a column can leave empty.
      for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
    });

    // content-search is one file: the store answers its inputs from its one run of inputs.
    it(`read every event at once as they read each (${fixture}, fixtures/content-search)`, async () => {
      for (const paths of [[fixture], ['fixtures/content-search']]) await readsAtOnce(paths);
    });

    it(`give the same incident columns from the store as from plain events (${fixture})`, async () => {
      const { t } = await timelineOf([fixture]);
      const incidents = t.events.incidents();
      const chosen = t.events.where((i) => t.events.incident(i));
      expect(incidents.length).toBe(chosen.length);
      for (let i = 0; i < chosen.length; i++) expect(plain(incidents.at(i))).toEqual(plain(chosen.at(i)));
      const objects = listOf(Array.from({ length: incidents.length }, (_, i) => plain(incidents.at(i))));
      const zone = new Zone('Europe/London');
      const fromStore = incidentColumns(incidents, zone);
      expect(fromStore).toEqual(incidentColumns(objects, zone));
      expect(fromStore.labels.length).toBeGreaterThan(1);
      // The plain list's own selection of incidents gives the same events.
      const all = listOf(Array.from({ length: t.events.length }, (_, i) => plain(t.events.at(i))));
      expect(all.incidents().map((e) => e)).toEqual(objects.map((e) => e));
    });
  }
});

/** Event stores for tests of what reads them: events added as the timeline builder adds them. */
import type { Channel, Direction, Kind, Precision } from '../../src/model/vocabulary.js';
import { NameTable } from '../../src/timeline/names.js';
import { EventStore } from '../../src/timeline/store.js';

/** One stored event: its instant, and what else a test needs set. */
export interface StoredRow {
  ms: number;
  precision?: Precision;
  input?: number;
  channel?: Channel;
  kind?: Kind;
  direction?: Direction;
  locator?: number | string;
}

/** A store holding `rows` as incidents from one sender, numbered in the order given. */
export function storeOf(rows: readonly StoredRow[]): EventStore {
  const store = new EventStore([{ sender: undefined, key: undefined, role: 'subject' }], new NameTable());
  rows.forEach((row, i) => {
    const direction = row.direction ?? 'incoming';
    store.add(
      {
        locator: row.locator ?? i + 1,
        time: { type: 'instant', ms: row.ms, precision: row.precision ?? 'ms' },
        channel: row.channel ?? 'sms',
        kind: row.kind ?? 'message',
        direction,
      },
      {
        ms: row.ms,
        direction,
        incident: true,
        who: 0,
        conversation: 0,
        flags: undefined,
        details: undefined,
        input: row.input ?? 0,
      },
    );
  });
  return store;
}

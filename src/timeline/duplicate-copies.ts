/**
 * Every duplicate with the copy kept in its place, for `timeline --with-duplicates`: the report's `duplicatesAt`
 * names only each file's first few and its last, and this is the complete list, so that every duplicate can be
 * traced to the copy kept.
 *
 * Why no list of events: the store holds every event read, duplicates included (dedupe.ts only marks which are
 * kept), so this holds event numbers only: the duplicates grouped by the copy kept in their place, and where each
 * kept copy's group starts. Four bytes an event stored and four a duplicate, whatever the events hold; the rows
 * are made from the store as they are written (pipeline/rows.ts).
 */
import { StoreList } from './list.js';
import type { EventStore } from './store.js';

export class DuplicateCopies {
  /** The duplicates, grouped by the copy kept (in store order), each group in store order (input, then place). */
  readonly list: StoreList;

  /**
   * @param store the events
   * @param numbers the duplicates' event numbers, grouped as `list`
   * @param starts by event number k, where the duplicates of event k start in `numbers` (those of k + 1 start
   *   where they end); length: the store's events + 1
   * @param placeholders the event numbers of the deletion placeholders counted as duplicates of a message
   * @param untraced duplicates whose copy kept was not found (dedupe.ts `keptOf`), left out of the list
   */
  constructor(
    store: EventStore,
    numbers: Uint32Array,
    private readonly starts: Uint32Array,
    private readonly placeholders: ReadonlySet<number>,
    readonly untraced: number,
  ) {
    this.list = new StoreList(store, numbers);
  }

  /** The positions in `list` of event `kept`'s duplicates: [from, to), empty for an event without any. */
  of(kept: number): readonly [from: number, to: number] {
    return kept + 1 < this.starts.length ? [this.starts[kept]!, this.starts[kept + 1]!] : [0, 0];
  }

  /** Why the duplicate at `j` in `list` is one, where dedupe gives a reason (as the report's `duplicatesAt[].reason`). */
  reason(j: number): 'deleted-placeholder' | undefined {
    return this.placeholders.has(this.list.readOrder(j)) ? 'deleted-placeholder' : undefined;
  }

  /**
   * From the marking: `numbers` maps the positions marked (dedupe.ts) to event numbers; `dup` and `keptOf` are
   * the marking's, by position; `placeholders` its deletion placeholders, by position.
   */
  static of(
    store: EventStore,
    numbers: Uint32Array,
    dup: Uint8Array,
    keptOf: Int32Array,
    placeholders: ReadonlyMap<number, number>,
  ): DuplicateCopies {
    // A counting sort by the copy kept: counts first, then where each group starts, then filled in.
    const starts = new Uint32Array(store.length + 1);
    let total = 0;
    let untraced = 0;
    for (let i = 0; i < dup.length; i++) {
      if (!dup[i]) continue;
      const k = keptOf[i]!;
      if (k < 0) untraced++;
      else {
        starts[numbers[k]! + 1]!++;
        total++;
      }
    }
    for (let k = 0; k < store.length; k++) starts[k + 1]! += starts[k]!;
    const out = new Uint32Array(total);
    // starts[k] is the next free place of k's group while filling, and so ends as where k + 1's group starts.
    for (let i = 0; i < dup.length; i++) {
      const k = keptOf[i]!;
      if (!dup[i] || k < 0) continue;
      out[starts[numbers[k]!]!++] = numbers[i]!;
    }
    starts.copyWithin(1, 0, store.length);
    starts[0] = 0;
    return new DuplicateCopies(
      store,
      out,
      starts,
      new Set([...placeholders.keys()].map((p) => numbers[p]!)),
      untraced,
    );
  }
}

/**
 * The shared memory a parse worker (parse-worker.ts) and the main thread (parse-host.ts) pass records through:
 * a ring of slots (pipeline/wire/records.ts) and, for each slot, whether it is full and how many bytes it holds.
 * The worker fills a slot, marks it full and wakes the main thread; the main thread replays it, marks it free and
 * wakes the worker, which waits only when every slot is full (it is reading faster than the main thread stores).
 */
import { SLOT_BYTES, type Slot, slotOf } from '../pipeline/wire/records.js';

/** Slots in the ring: the worker may read this many slots ahead of the main thread. */
export const SLOTS = 4;
export const FREE = 0;
export const FULL = 1;

export interface Ring {
  readonly memory: SharedArrayBuffer;
  /** [state of slot 0…SLOTS−1][bytes used in slot 0…SLOTS−1] */
  readonly control: Int32Array;
  readonly slots: readonly Slot[];
}

/** The ring in `memory`, or in new memory. */
export function ring(memory = new SharedArrayBuffer(SLOTS * SLOT_BYTES + 8 * SLOTS)): Ring {
  return {
    memory,
    control: new Int32Array(memory, SLOTS * SLOT_BYTES, 2 * SLOTS),
    slots: Array.from({ length: SLOTS }, (_, i) => slotOf(memory, i * SLOT_BYTES, SLOT_BYTES)),
  };
}

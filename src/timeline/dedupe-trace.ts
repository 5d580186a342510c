/**
 * Which copy each located duplicate stands for: the report's `duplicatesAt`, a few per input.
 *
 * Why apart from the marking (dedupe.ts): the marking keeps, per fingerprint, only how many copies each input
 * held, never where they were, so that a million records cost counts and not positions. Saying "sms[0] of this
 * backup is a copy of sms[287] of that one" needs positions, for only the first few duplicates of each input and
 * its last. They are found here, after marking, by marking again with a Marker that keeps positions (`traced`),
 * counting only the copies that share a fingerprint with those few: the marks cost what they did.
 *
 * The rule: the n-th copy of a fingerprint in an input is a duplicate of the n-th copy kept, the n-th copy of the
 * first input (in the order dedupe.ts compares them) that held n. With three exports holding three, five and five
 * copies of "Answer me", the third export's first three stand for the first export's three, its fourth and fifth
 * for the second export's fourth and fifth.
 */
import { CHANNELS, type Channel } from '../model/vocabulary.js';
import type { Comparison, Marker } from './dedupe.js';

/** A duplicate and the copy kept in its place, as positions in the list given to `markDuplicates`. */
export type KeptPair = readonly [dropped: number, kept: number];

/**
 * One input's duplicates, bounded as `skippedAt` is: the first few in the order the input holds them, and the
 * last, each with the copy kept.
 */
export interface LocatedDuplicates {
  readonly first: readonly KeptPair[];
  readonly last: KeptPair;
}

/** One input's duplicates as marked: the positions of its first few and of its last. */
export interface SampledDuplicates {
  readonly input: number;
  readonly first: readonly number[];
  readonly last: number;
}

/**
 * Each sampled input's duplicates with the copies kept in their place, by input number. `traced` makes a Marker
 * over `c` that keeps positions (dedupe.ts, whose rule it is). `placeholders`: the deletion placeholders marked
 * as duplicates of a message kept (dedupe.ts `pairPlaceholders`), with that message; they are not traced.
 */
export function locateDuplicates(
  c: Comparison,
  dup: Uint8Array,
  sampled: readonly SampledDuplicates[],
  traced: () => Marker,
  placeholders: ReadonlyMap<number, number> = new Map(),
): Map<number, LocatedDuplicates> {
  const wanted = sampled.flatMap((s) => [...s.first, s.last]);
  const kept = keptCopies(
    c,
    dup,
    wanted.filter((i) => !placeholders.has(i)),
    traced,
  );
  for (const i of wanted) {
    const k = placeholders.get(i);
    if (k !== undefined) kept.set(i, k);
  }
  const located = new Map<number, LocatedDuplicates>();
  const pair = (i: number): KeptPair => [i, kept.get(i)!];
  for (const s of sampled) {
    // An input one of whose duplicates has no copy kept found is left out (its duplicatesAt is absent, as in a
    // report made before it): a provenance field is not worth stopping a report over. It cannot happen (see
    // `directCopies`), but a mistake here should cost the places, not the report.
    if (![...s.first, s.last].every((i) => kept.has(i))) continue;
    located.set(s.input, { first: s.first.map(pair), last: pair(s.last) });
  }
  return located;
}

/**
 * The copy kept in the place of each duplicate in `dropped` (positions): the n-th copy of a record in an input
 * is the duplicate of the n-th kept, the one in the first input compared that held n. Found by marking again,
 * counting only the copies that share a fingerprint with one of `dropped`, and keeping which copy first reached
 * each count. Where that copy is itself a duplicate (a channel where some records have ids and some not: a copy
 * with an id matched by its id, whose own first copy was matched by its content), the copy kept in its place is
 * found the same way, until a copy kept. A duplicate whose copy kept is not found is left out.
 */
function keptCopies(
  c: Comparison,
  dup: Uint8Array,
  dropped: readonly number[],
  traced: () => Marker,
): Map<number, number> {
  const direct = new Map<number, number>();
  for (let pending = [...new Set(dropped)]; pending.length > 0; ) {
    const found = directCopies(c, pending, traced());
    pending = [];
    for (const [i, k] of found) {
      direct.set(i, k);
      if (dup[k] && !direct.has(k)) pending.push(k);
    }
  }
  const kept = new Map<number, number>();
  for (const i of dropped) {
    let k = direct.get(i);
    while (k !== undefined && dup[k]) k = direct.get(k);
    if (k !== undefined) kept.set(i, k);
  }
  return kept;
}

/**
 * For each duplicate in `targets` (positions), the copy it stands for directly (see `keptCopies`).
 *
 * Every target is found: whether a copy is a duplicate, and which count holds it, depends only on the counts of
 * its own fingerprints (its id's, its content's), and every copy counted by those passes the filter below (it is
 * in the target's channel, with its id or its content's number), so each target is marked as the marking marked
 * it. The count n that holds it was first reached in an earlier input, when no input before had n (counts only
 * grow within an input, and inputs are closed after), so that copy was kept (`Seen.reachedBy`). A target not
 * found all the same (a mistake in this reasoning or in the code) is left out rather than thrown.
 */
function directCopies(c: Comparison, targets: readonly number[], m: Marker): Map<number, number> {
  const { events, withoutId, contents } = c;
  // Every fingerprint a copy is counted by holds its channel, and its id or its content's number: a copy that
  // shares none of these with a target is not counted, and its fingerprints are not made.
  const channels = new Set<number>();
  const contentIds = new Set<number>();
  const nativeIds = new Set<string>();
  const wanted = new Set(targets);
  for (const t of targets) {
    channels.add(events.channelIndex(t));
    const e = events.at(t);
    if (withoutId.has(e.channel)) contentIds.add(contents[t]!);
    if (e.nativeId !== undefined) nativeIds.add(e.nativeId);
  }
  const withoutIdAt = new Set([...withoutId].map((ch) => CHANNELS.indexOf(ch as Channel)));
  // Compared where they are stored, without making each record's id as a string (one per record of a channel).
  const hasWantedId = events.nativeIdOneOf(nativeIds);
  const out = new Map<number, number>();
  for (const [start, end] of c.groups) {
    if (out.size === wanted.size) break;
    m.close();
    for (let i = start; i < end; i++) {
      const ch = events.channelIndex(i);
      if (!channels.has(ch)) continue;
      if (!(withoutIdAt.has(ch) && contentIds.has(contents[i]!)) && !hasWantedId(i)) continue;
      const k = m.heldBy(i);
      if (wanted.has(i) && k >= 0) out.set(i, k);
    }
  }
  return out;
}

/**
 * Keeps what events hold independent of saxes' input chunks. An attribute value from saxes is usually a V8
 * "sliced string": a view into the 64 KiB chunk it was read from, which keeps that whole chunk alive for as long
 * as the event lives (measured: 1.28 GB for a million kept events from a 322 MB backup). Text is copied out;
 * addresses, names and parties repeat thousands of times in a backup, so each distinct one is copied once and
 * shared (the same frozen `Party` object for every message from the same number and name).
 */
import type { Party } from '../../model/index.js';
import { partyOf } from './fields.js';

/** Past this many distinct entries the tables start over, so a hostile file cannot grow them without bound. */
const LIMIT = 50_000;

/** A copy of `s` that shares no memory with the chunk it came from. */
export function detach(s: string): string {
  // Below 13 characters V8 already copies on slicing; above, a flattened cons is a fresh, small parent.
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** Per-file tables of shared strings and parties. */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly parties = new Map<string, Map<string, Party>>();

  /** The shared detached copy of a repeating value (address, name, thread id). */
  str(s: string): string;
  str(s: string | undefined): string | undefined;
  str(s: string | undefined): string | undefined {
    if (s === undefined) return undefined;
    let shared = this.strings.get(s);
    if (shared === undefined) {
      if (this.strings.size >= LIMIT) this.strings.clear();
      shared = detach(s);
      this.strings.set(shared, shared);
    }
    return shared;
  }

  /** The shared party for an address and contact name (see `partyOf`), frozen because events share it. */
  party(address: string | undefined, name: string | undefined): Party | undefined {
    if (address === undefined)
      return name === undefined ? undefined : Object.freeze({ name: this.str(name) });
    let byName = this.parties.get(address);
    if (byName === undefined) {
      if (this.parties.size >= LIMIT) this.parties.clear();
      byName = new Map();
      this.parties.set(this.str(address), byName);
    }
    const key = name ?? '';
    let party = byName.get(key);
    if (party === undefined) {
      party = Object.freeze(partyOf(this.str(address), this.str(name))!);
      byName.set(this.str(key), party);
    }
    return party;
  }
}

/**
 * Distinct names (conversation titles, e-mail subjects) numbered in the order first seen, kept as UTF-8 in string
 * pages with a hash index in a typed array. A mailbox can give every message a subject of its own: a million of
 * them as JavaScript strings in a Map cost about 110 MB of heap, here about the names' bytes plus 16 bytes each.
 */
import { column, lengthened } from './columns.js';
import { StringPages } from './pages.js';

const EMPTY = 0;

/** Names numbered in the order first seen; number 0 is "no name". */
export class NameTable {
  private readonly pages = new StringPages();
  /** Open addressing: slot → 1 + the name's number, or EMPTY. At most half full. */
  private slots = new Uint32Array(1024);
  /** Each name's hash, so that growing the index needs no name decoded. */
  private hashes = column(Uint32Array, 1024);
  // Consecutive events nearly always name the same conversation.
  private lastName: string | undefined;
  private lastId = 0;

  /** Number 0 is "no name". */
  constructor() {
    this.pages.push(undefined);
  }

  /** How many numbers are given out ("no name" included). */
  get length(): number {
    return this.pages.length;
  }

  /** The number of `name`, giving it the next one when it is new. */
  id(name: string): number {
    if (name === this.lastName) return this.lastId;
    const h = hash(name);
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (let slot = this.slots[i]!; slot !== EMPTY; slot = this.slots[i]!) {
      const id = slot - 1;
      if (this.hashes[id] === h && this.pages.get(id) === name) return this.remember(name, id);
      i = (i + 1) & mask;
    }
    const id = this.pages.push(name);
    if (id === this.hashes.length) this.hashes = lengthened(this.hashes, id * 2);
    this.hashes[id] = h;
    this.slots[i] = id + 1;
    if (id * 2 >= this.slots.length) this.rehash();
    return this.remember(name, id);
  }

  /** Name number `id` (undefined for 0). */
  get(id: number): string | undefined {
    return this.pages.get(id);
  }

  private remember(name: string, id: number): number {
    this.lastName = name;
    this.lastId = id;
    return id;
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 1; id < this.pages.length; id++) {
      let i = this.hashes[id]! & mask;
      while (slots[i] !== EMPTY) i = (i + 1) & mask;
      slots[i] = id + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

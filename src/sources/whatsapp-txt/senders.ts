/**
 * Senders and conversation names. A chat has a handful of distinct authors and a million lines, so each author
 * string becomes one shared `Party` the first time it is seen.
 */
import type { Party } from '../../model/index.js';
import { looksLikeNoticeAuthor } from './notices.js';
import { isMark } from './scan.js';

/** What the exporter's own messages are attributed to, per export language. */
const OWN_NAMES = new Set(['You', 'Du', 'Tú']);
const VICTIM: Party = Object.freeze({ name: 'You', role: 'victim' });

// Unsaved numbers are shown as written on the phone: `+44 7700 900123`, `+1 (777) 777‑7777` (U+2011).
const PHONE_RE = /^\+?\(?\d[\d ()\-\u2010\u2011.\u00a0\u202f]*\d$/;

function stripMarks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isMark(s.charCodeAt(i))) out += s[i];
  return out.trim();
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) n++;
  return n;
}

const MAX_CACHED = 10_000;
/** Longer text before `: ` is not a display name (WhatsApp caps profile names far below this). */
const MAX_NAME = 100;

type Utf8Buffer = Buffer & { utf8Slice(start: number, end: number): string };

/** An author's bytes as written, and what they were read as. */
interface Known {
  readonly raw: Uint8Array;
  readonly party: Party | null;
}

/** FNV-1a over `b[s, e)`: which list of known authors to compare the bytes with. */
export function authorHash(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}

/** True when `raw` is the bytes at `b[s, s + raw.length)`. */
function sameBytes(raw: Uint8Array, b: Uint8Array, s: number): boolean {
  for (let i = 0; i < raw.length; i++) if (raw[i] !== b[s + i]) return false;
  return true;
}

/**
 * Turns authors into shared `Party` objects; `null` marks text that is a notice's actor, not a name. Authors are
 * recognised by their UTF-8 bytes, so an author seen before is not decoded again.
 */
export class Senders {
  private readonly cache = new Map<string, Party | null>();
  /** Authors by the hash of their bytes (authors whose hashes collide share a list). */
  private readonly byBytes = new Map<number, Known[]>();
  private knownCount = 0;
  // The last two authors, compared in place: most lines of a chat alternate between two people, and this
  // spares hashing the author's bytes for each of them.
  private last0: Known = { raw: new Uint8Array(0), party: null };
  private last1: Known = this.last0;

  /** The party for an author string exactly as it appeared before `: `. */
  get(raw: string): Party | null {
    let party = this.cache.get(raw);
    if (party === undefined) {
      party = make(raw);
      // A chat has a few authors; a file with endless distinct "authors" is not kept in memory.
      if (this.cache.size < MAX_CACHED) this.cache.set(raw, party);
    }
    return party;
  }

  /** The party for the author written (UTF-8) at `b[start, end)`. */
  at(b: Buffer, start: number, end: number): Party | null {
    const length = end - start;
    const last0 = this.last0;
    if (last0.raw.length === length && sameBytes(last0.raw, b, start)) return last0.party;
    const last1 = this.last1;
    this.last1 = last0;
    this.last0 =
      last1.raw.length === length && sameBytes(last1.raw, b, start) ? last1 : this.knownAt(b, start, end);
    return this.last0.party;
  }

  /** The known author at `b[start, end)`, read and remembered the first time. */
  private knownAt(b: Buffer, start: number, end: number): Known {
    const h = authorHash(b, start, end);
    const list = this.byBytes.get(h);
    if (list !== undefined) {
      for (const k of list) if (k.raw.length === end - start && sameBytes(k.raw, b, start)) return k;
    }
    const known: Known = {
      raw: Buffer.from(b.subarray(start, end)), // a copy: the line's memory is read into again
      party: this.get((b as Utf8Buffer).utf8Slice(start, end)),
    };
    if (this.knownCount < MAX_CACHED) {
      this.knownCount++;
      if (list === undefined) this.byBytes.set(h, [known]);
      else list.push(known);
    }
    return known;
  }
}

/** How many UTF-16 units the UTF-8 text `b[s, e)` decodes to, counted only up to `max + 1`. */
function unitsUpTo(b: Uint8Array, s: number, e: number, max: number): number {
  if (e - s <= max) return e - s; // never more units than bytes
  let n = 0;
  for (let i = s; i < e && n <= max; i++) {
    const c = b[i]!;
    if ((c & 0xc0) !== 0x80) n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}

/**
 * Where the author ends in the UTF-8 line `b[?, end)` whose header's rest starts at `rs`, or -1 for a line
 * without author. The author ends at the first `: `, or at a final `:` (an empty message); failing both, at a
 * `:` glued to the text (`John Doe:.`) when what precedes it is a plausible name. Names are measured in UTF-16
 * units, as displayed names are.
 */
export function authorEnd(b: Buffer, rs: number, end: number, senders: Senders): number {
  // No name is longer than MAX_NAME units, and so than 3 × MAX_NAME bytes: a line without a colon that early
  // has no author, whatever follows.
  const far = rs + 3 * MAX_NAME;
  let colon = -1;
  let found = -1;
  for (let j = rs; j < end; j++) {
    if (b[j] === 0x3a) {
      if (b[j + 1] === 0x20) {
        found = j;
        break;
      }
      if (colon === -1) colon = j;
    } else if (colon === -1 && j > far) return -1;
  }
  if (found === -1 && end > rs + 1 && b[end - 1] === 0x3a) found = end - 1;
  if (found !== -1) return unitsUpTo(b, rs, found, MAX_NAME) <= MAX_NAME ? found : -1;
  const c = colon;
  const next = b[c + 1]!;
  // Not before a digit or a slash: "at 10:30" and "https://" in a notice are not names.
  const plausible =
    c > rs && unitsUpTo(b, rs, c, MAX_NAME) <= MAX_NAME && next !== 0x2f && !(next >= 0x30 && next <= 0x39);
  return plausible && senders.at(b, rs, c) !== null ? c : -1;
}

function make(raw: string): Party | null {
  let name = stripMarks(raw);
  // iOS marks people who are not in the address book with "~ " (space or U+202F after the tilde).
  if (name.length > 1 && name.charCodeAt(0) === 0x7e) name = name.slice(1).replace(/^[ \u00a0\u202f]+/, '');
  if (name.length === 0) name = raw.trim() || raw;
  if (OWN_NAMES.has(name)) return VICTIM;
  if (looksLikeNoticeAuthor(name)) return null;
  if (PHONE_RE.test(name) && digitCount(name) >= 6) return Object.freeze({ id: name, idType: 'phone' });
  return Object.freeze({ name });
}

// "WhatsApp Chat with Sam.txt" and its translations; a browser adds " (1)" to a repeated download.
const CHAT_FILE_RE =
  /^(?:WhatsApp Chat with|WhatsApp Chat mit|Chat de WhatsApp con|Discussion WhatsApp avec|WhatsApp-chat met|Conversa do WhatsApp com|Chat WhatsApp con) (.+?)(?: \(\d+\))?\.txt$/i;

/** The chat partner or group named by the export's file name; undefined for `_chat.txt` and other names. */
export function conversationFromFileName(fileName: string): string | undefined {
  const m = CHAT_FILE_RE.exec(fileName);
  if (!m) return undefined;
  const name = stripMarks(m[1]!);
  return name.length > 0 ? name : undefined;
}

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

/** Turns author strings into shared `Party` objects; `null` marks text that is a notice's actor, not a name. */
export class Senders {
  private readonly cache = new Map<string, Party | null>();
  // The last two authors, compared in place: most lines of a chat alternate between two people, and this
  // spares cutting out and hashing the author string for each of them.
  private raw0 = '';
  private raw1 = '';
  private party0: Party | null = null;
  private party1: Party | null = null;

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

  /** The party for the author written at `line[start, end)`. */
  at(line: string, start: number, end: number): Party | null {
    const length = end - start;
    if (this.raw0.length === length && line.startsWith(this.raw0, start)) return this.party0;
    const raw = this.raw1;
    const party = this.party1;
    this.raw1 = this.raw0;
    this.party1 = this.party0;
    if (raw.length === length && line.startsWith(raw, start)) {
      this.raw0 = raw;
      this.party0 = party;
    } else {
      this.raw0 = line.slice(start, end);
      this.party0 = this.get(this.raw0);
    }
    return this.party0;
  }
}

/**
 * Where the author ends in `line` (the header's rest starts at `rs`), or -1 for a line without author. The
 * author ends at the first `: `, or at a final `:` (an empty message); failing both, at a `:` glued to the text
 * (`John Doe:.`) when what precedes it is a plausible name.
 */
export function authorEnd(line: string, rs: number, senders: Senders): number {
  let end = line.indexOf(': ', rs);
  if (end < 0 && line.length > rs + 1 && line.charCodeAt(line.length - 1) === 0x3a) end = line.length - 1;
  if (end >= 0) return end - rs <= MAX_NAME ? end : -1;
  const c = line.indexOf(':', rs);
  const next = line.charCodeAt(c + 1);
  // Not before a digit or a slash: "at 10:30" and "https://" in a notice are not names.
  const plausible = c > rs && c - rs <= MAX_NAME && next !== 0x2f && !(next >= 0x30 && next <= 0x39);
  return plausible && senders.get(line.slice(rs, c)) !== null ? c : -1;
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

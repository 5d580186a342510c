/**
 * A filter on a message's first line as UTF-8 bytes, in front of `classify` (notices.ts): it tells apart from
 * the placeholders and notices the ordinary text that nearly every message is, so that only the rest is decoded
 * and run through the patterns. It follows `classify` step by step and is derived from the same phrase tables,
 * so a phrase added there is let through here without a change: the first two characters any start pattern can
 * match, the markers that open or close a line, the placeholders that end it, and the characters a file marker
 * (ATTACHED_RE) starts with.
 */
import {
  ATTACHED_PATTERNS,
  classify,
  firstCharTable,
  MARKER_FIRST,
  MARKER_LAST,
  MAX_NOTICE,
  MEDIA_SUFFIXES,
  type Special,
  START_PATTERNS,
} from './notices.js';

/**
 * Every string of `k` characters that a match of the pattern source `src` can start with. Understands what the
 * phrase tables use — literals, `\(` and other escaped punctuation, `[..]`, `(?:a|b)` and `(?:..)?` — and throws
 * on anything else, or on a pattern that can match fewer than `k` characters, so that a new phrase cannot slip
 * past the filter unnoticed.
 */
export function patternStarts(src: string, k: number): Set<string> {
  const out = new Set<string>();
  const visit = (rest: string, prefix: string): void => {
    if (prefix.length === k) {
      out.add(prefix);
      return;
    }
    const c = rest[0];
    if (c === undefined) throw new Error(`pattern can match fewer than ${k} characters: ${src}`);
    if (rest.startsWith('(?:')) {
      let depth = 0;
      let j = 0;
      const alts: string[] = [];
      let from = 3;
      for (; j < rest.length; j++) {
        if (rest[j] === '\\') j++;
        else if (rest[j] === '(') depth++;
        else if (rest[j] === ')' && --depth === 0) break;
        else if (rest[j] === '|' && depth === 1) {
          alts.push(rest.slice(from, j));
          from = j + 1;
        }
      }
      alts.push(rest.slice(from, j));
      const optional = rest[j + 1] === '?';
      const after = rest.slice(j + (optional ? 2 : 1));
      if (quantifier(after[0])) throw new Error(`cannot tell how this pattern starts: ${src}`);
      for (const a of alts) visit(a + after, prefix);
      if (optional) visit(after, prefix);
      return;
    }
    let chars: string[];
    let length: number;
    if (c === '[') {
      const end = rest.indexOf(']');
      chars = [...rest.slice(1, end)];
      if (chars[0] === '^' || chars.includes('-') || chars.includes('\\')) {
        throw new Error(`cannot tell how this pattern starts: ${src}`);
      }
      length = end + 1;
    } else if (c === '\\') {
      // Only escaped punctuation stands for itself (`\s`, `\d`… are classes).
      if (/[A-Za-z0-9]/.test(rest[1] ?? 'a')) throw new Error(`cannot tell how this pattern starts: ${src}`);
      chars = [rest[1]!];
      length = 2;
    } else if ('.^$*+?{|)('.includes(c)) {
      throw new Error(`cannot tell how this pattern starts: ${src}`);
    } else {
      chars = [c];
      length = 1;
    }
    if (quantifier(rest[length])) throw new Error(`cannot tell how this pattern starts: ${src}`);
    for (const ch of chars) visit(rest.slice(length), prefix + ch);
  };
  visit(src, '');
  return out;
}

function quantifier(c: string | undefined): boolean {
  return c === '?' || c === '*' || c === '+' || c === '{';
}

/** The last byte of character `c` in UTF-8. */
function lastByte(c: number): number {
  return c < 0x80 ? c : 0x80 | (c & 0x3f);
}

/** The first two UTF-8 bytes (as `b0 << 8 | b1`) of every two characters a start pattern can match first. */
export const START_PAIRS = new Uint8Array(0x10000);
for (const pattern of START_PATTERNS) {
  for (const two of patternStarts(pattern, 2)) {
    const u = Buffer.from(two, 'utf8');
    START_PAIRS[(u[0]! << 8) | u[1]!] = 1;
  }
}
/**
 * The UTF-8 bytes of every start of up to 12 characters a start pattern can match first (as many as the pattern
 * surely has, and at least four), by their first four bytes (as `b0 << 24 | b1 << 16 | b2 << 8 | b3`, unsigned).
 * Two characters let through every "That's…" for "This message was deleted", and four every "You were…" for "You
 * deleted this message": a chat full of them had half its lines decoded and run through the patterns for nothing.
 */
export const START_PREFIXES = new Map<number, Buffer[]>();
const quadOf = (u: Uint8Array, at: number): number =>
  ((u[at]! << 24) | (u[at + 1]! << 16) | (u[at + 2]! << 8) | u[at + 3]!) >>> 0;
for (const pattern of START_PATTERNS) {
  for (const start of longestStarts(pattern, 12)) {
    const u = Buffer.from(start, 'utf8');
    const quad = quadOf(u, 0);
    const list = START_PREFIXES.get(quad);
    if (list === undefined) START_PREFIXES.set(quad, [u]);
    else if (!list.some((x) => x.equals(u))) list.push(u);
  }
}

/**
 * START_PREFIXES filed by a 16-bit hash of their first four bytes (`hashOfQuad`): an array read where the map's
 * lookup took ~8 ms of the filter's ~45 over the million first lines of a chat whose lines often start like a
 * notice ("You…", "This…"). Starts whose quads share a hash share a list; the full comparison of each start tells
 * them apart, so the answer is the map's.
 */
const STARTS_BY_HASH: (Buffer[] | undefined)[] = new Array(1 << 16).fill(undefined);
const hashOfQuad = (quad: number): number => Math.imul(quad, 0x9e3779b1) >>> 16;
for (const [quad, starts] of START_PREFIXES) {
  const h = hashOfQuad(quad);
  STARTS_BY_HASH[h] = [...(STARTS_BY_HASH[h] ?? []), ...starts];
}

/** The starts of `most` characters `pattern` can match, or of fewer where it cannot tell (but never fewer than 4). */
function longestStarts(pattern: string, most: number): Set<string> {
  for (let k = most; k > 4; k--) {
    try {
      return patternStarts(pattern, k);
    } catch {
      // Shorter than k characters, or a class or repetition within the first k: try fewer.
    }
  }
  return patternStarts(pattern, 4);
}

/** The first byte of the character that sends a line to the file-marker checks, and the last bytes of those. */
const MARKER_FIRST_BYTE = Buffer.from(String.fromCharCode(MARKER_FIRST), 'utf8')[0]!;
const MARKER_LAST_BYTES = new Uint8Array(256);
for (const c of MARKER_LAST) MARKER_LAST_BYTES[lastByte(c)] = 1;
/** The placeholders that end a line, as UTF-8. */
const SUFFIX_BYTES = MEDIA_SUFFIXES.map((x) => Buffer.from(x, 'utf8'));
/** The first UTF-8 bytes of the characters a file marker starts with (it may be anywhere in the line). */
export const ATTACHED_FIRST_BYTES = new Uint8Array(256);
firstCharTable(ATTACHED_PATTERNS).forEach((on, c) => {
  if (on === 1) ATTACHED_FIRST_BYTES[Buffer.from(String.fromCharCode(c), 'utf8')[0]!] = 1;
});
/** The byte values ATTACHED_FIRST_BYTES holds, for `MarkerStarts` to search. */
const ATTACHED_FIRST_LIST: readonly number[] = [...ATTACHED_FIRST_BYTES.keys()].filter(
  (c) => ATTACHED_FIRST_BYTES[c] === 1,
);

/**
 * Whether a line of a chunk holds a byte a file marker may start with (ATTACHED_FIRST_BYTES), for the lines of
 * one chunk asked in order: one search for each such byte runs on to its next place in the chunk and answers
 * every line before it, as `BomSearch` finds byte-order marks. Why: a line that ends like a placeholder ("…d",
 * "…n", "…o", as two lines in five do) must be searched whole for a file marker, and a loop over its bytes took
 * ~22 ms of the filter's ~62 over a million first lines; a search of the engine's runs once per marker byte met,
 * not once per line.
 * `reset` forgets the searches when the chunk's memory is read into again.
 */
export class MarkerStarts {
  private buffer: Buffer | undefined;
  /** For each byte of ATTACHED_FIRST_LIST, where it is next in `buffer`: -1 nowhere after, -2 not searched. */
  private readonly next = ATTACHED_FIRST_LIST.map(() => -2);

  /** True when `b[s, e)` holds a byte of ATTACHED_FIRST_BYTES. Lines of one buffer are asked in order. */
  within(b: Buffer, s: number, e: number): boolean {
    const next = this.next;
    if (b !== this.buffer) {
      this.buffer = b;
      next.fill(-2);
    }
    for (let k = 0; k < next.length; k++) {
      let at = next[k]!;
      // Behind this line (a line before it, or not searched yet): search on from the line's start.
      if (at !== -1 && at < s) {
        at = b.indexOf(ATTACHED_FIRST_LIST[k]!, s);
        next[k] = at;
      }
      if (at !== -1 && at < e) return true;
    }
    return false;
  }

  reset(): void {
    this.buffer = undefined;
  }
}

/** True when `b` holds `bytes` at `at`. */
function holdsAt(b: Uint8Array, at: number, bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (b[at + i] !== bytes[i]) return false;
  return true;
}

/**
 * False when `classify` would certainly find the UTF-8 first line `b[s, e)` ordinary text, so it need not be
 * decoded to be classified; true means only that `classify` must look. `b[e]` must be readable. `markers`
 * searches the buffer for file markers: the lines of one buffer are asked in order (`MarkerStarts`).
 */
export function maybeSpecial(b: Buffer, s: number, e: number, markers: MarkerStarts): boolean {
  // More bytes than 3 per character allowed is longer than MAX_NOTICE characters; nothing special is empty.
  if (e <= s || e - s > 3 * MAX_NOTICE) return false;
  const first = b[s]!;
  // SPECIAL_RE matches at the start, and every start pattern is at least four characters long (patternStarts
  // throws otherwise): a line of four bytes or more must start with one of START_PREFIXES.
  if (e - s >= 2 && START_PAIRS[(first << 8) | b[s + 1]!] === 1) {
    if (e - s < 4) return true;
    // A start longer than the line cannot be matched by it.
    const starts = STARTS_BY_HASH[hashOfQuad(quadOf(b, s))];
    if (starts !== undefined) {
      for (const start of starts) if (start.length <= e - s && holdsAt(b, s, start)) return true;
    }
  }
  if (first === MARKER_FIRST_BYTE) return true;
  if (MARKER_LAST_BYTES[b[e - 1]!] !== 1) return false;
  for (const suffix of SUFFIX_BYTES) {
    const at = e - suffix.length;
    if (at >= s && holdsAt(b, at, suffix)) return true;
  }
  return markers.within(b, s, e);
}

/** First lines `RecentSpecials` remembers, and the longest it remembers (in bytes). */
const RECENT = 8;
const RECENT_BYTES = 64;

/**
 * `classify` for first lines that `maybeSpecial` let through, answering a line met among the last few from
 * memory. Why: a chat repeats its placeholders and call lines word for word ("<Media omitted>", "Missed voice
 * call", a deleted message), often one message in six, and each decode and pattern run makes a string and a
 * match array; a repeat here costs a comparison of its bytes. `classify` reads only the line, so an answer
 * remembered is the answer it would give again.
 */
export class RecentSpecials {
  private readonly lines: Uint8Array[] = [];
  private readonly answers: Special[] = [];
  /** The slot the next line remembered takes, round the RECENT. */
  private next = 0;

  /** `classify` of the UTF-8 first line `text.bytes[start, end)`; `text.string()` decodes it. */
  classify(text: {
    readonly bytes: Uint8Array;
    readonly start: number;
    readonly end: number;
    string(): string;
  }): Special {
    const { bytes, start, end } = text;
    const n = end - start;
    const lines = this.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.length === n && holdsAt(bytes, start, line)) return this.answers[i]!;
    }
    const answer = classify(text.string());
    if (n <= RECENT_BYTES) {
      // A copy: the bytes are the reader's buffer, filled again (Buffer's slice would be a view of it).
      const line = new Uint8Array(n);
      line.set(bytes.subarray(start, end));
      lines[this.next] = line;
      this.answers[this.next] = answer;
      this.next = (this.next + 1) % RECENT;
    }
    return answer;
  }
}

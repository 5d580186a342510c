/**
 * The phrase search of matcher.ts run on a text's stored UTF-8 bytes, for the texts it can settle there, so that
 * most texts are never decoded, normalised or searched by a regular expression.
 *
 * Why: the exact search costs about a microsecond a text (decode, normalise, one regular expression), and a
 * million-message chat spent most of its analysis there. V8's expressions are no faster over whole blocks of
 * text (an alternation of 150 phrases reads ~20 ns a character). This is an Aho–Corasick automaton over the
 * characters of the normal form: one table lookup a byte for ASCII, two texts read side by side.
 *
 * What it answers equals what matcher.ts answers (a property test holds it to that): for each phrase list, does
 * a phrase of it match, between word boundaries, with a trailing `*` taking the rest of a word. The bytes are
 * folded into the normal form as they are read: ASCII lower-cased, ` read as ', each run of white space one
 * space, the ends trimmed. Outside ASCII only characters whose fold does not depend on their neighbours are read
 * here (RANGES below: emoji and other symbols, typographic apostrophes and quotes, “…”, no-break spaces,
 * full-width ASCII, invisible marks); a text with any other character (a letter with an accent, a combining
 * mark) is UNSETTLED, and so is every text that is not ASCII when some phrase is not ASCII after normalising.
 */
import { byPhrases, foldCharacters, normaliseText } from './matcher.js';

/** The answer for a text the bytes alone cannot settle: it goes to the exact search. */
export const UNSETTLED = -1;

/**
 * For a text's bytes `bytes[start, end)`: bit i set when phrase list i matches, or UNSETTLED. The bytes must be
 * well-formed UTF-8 (the store's pages are). `two` answers two texts at once, into `out[0]` and `out[1]`: about
 * 40% faster than one after the other.
 */
export type ByteSearch = ((bytes: Uint8Array, start: number, end: number) => number) & {
  two(
    a: Uint8Array,
    aStart: number,
    aEnd: number,
    b: Uint8Array,
    bStart: number,
    bEnd: number,
    out: Int32Array,
  ): void;
};

/** The search for some phrase lists (at most 30; the same function for the same lists). */
export const byteSearch: (lists: readonly (readonly string[])[]) => ByteSearch = byPhrases(build);

/** Phrase lists beyond this many do not fit the answer's bits: every text is then UNSETTLED. */
const MAX_LISTS = 30;

/**
 * Characters outside ASCII read here, with their fold: each is a starter that no neighbour can combine with
 * (letters with accents and combining marks, which NFKC composes, are not among them), checked one by one below.
 * Emoji and symbols fold to themselves; “ ’ … and full-width letters fold to ASCII; no-break spaces to a space.
 */
const RANGES: readonly (readonly [number, number])[] = [
  [0x80, 0xbf], // Latin-1 punctuation and symbols, no-break space
  [0x2000, 0x206f], // general punctuation: spaces, dashes, quotes, …, invisible marks
  [0x20a0, 0x20cf], // currency signs
  [0x2100, 0x214f], // letter-like symbols (™)
  [0x2190, 0x2bff], // arrows, technical symbols, shapes, miscellaneous symbols, dingbats
  [0x3000, 0x3000], // ideographic space
  [0xfe00, 0xfe0f], // variation selectors (❤️)
  [0xff01, 0xff5e], // full-width ASCII
  [0x1f000, 0x1faff], // emoji and pictographs
];

const MARK = /^\p{M}$/u;
const ASCII_ONLY = /^[\x00-\x7f]+$/;
const WORD_CHARACTER = /^[\p{L}\p{N}_]$/u;

/** The fold of code point `cp` when it is one of RANGES whose fold does not depend on its neighbours. */
function contextFreeFold(cp: number): string | undefined {
  if (!RANGES.some(([from, to]) => cp >= from && cp <= to)) return undefined;
  const ch = String.fromCodePoint(cp);
  // A combining mark changes with the character before it; variation selectors combine with nothing.
  if (MARK.test(ch) && !(cp >= 0xfe00 && cp <= 0xfe0f)) return undefined;
  const fold = foldCharacters(ch);
  // Kept: removed, folded to ASCII, or unchanged and no word character (which would move a word boundary).
  return fold === '' || ASCII_ONLY.test(fold) || (fold === ch && !WORD_CHARACTER.test(ch)) ? fold : undefined;
}

/** Code point → its fold, for the characters of RANGES whose fold does not depend on their neighbours. */
export function contextFreeFolds(): ReadonlyMap<number, string> {
  const table = new Map<number, string>();
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const fold = contextFreeFold(cp);
      if (fold !== undefined) table.set(cp, fold);
    }
  }
  return table;
}

/** A character outside ASCII in `readableFold`: neither a word character nor white space. */
const NEUTRAL = 0x80;

// Folds as the automaton reads them, made for each character when first met: a chat uses a few dozen characters
// outside ASCII, and making the whole table of several thousand took longer than searching a million texts.
const readable = new Map<number, Uint8Array | null>();

/** A character of a fold as the automaton reads it: white space as a space, a character outside ASCII as NEUTRAL. */
const readableByte = (ch: string): number =>
  /\s/.test(ch) ? 0x20 : ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : NEUTRAL;

/**
 * contextFreeFold as the bytes the automaton reads: its white space as a space, its other characters outside
 * ASCII as NEUTRAL; null when the character is not read here.
 */
function readableFold(cp: number): Uint8Array | null {
  let r = readable.get(cp);
  if (r === undefined) {
    const fold = contextFreeFold(cp);
    r = fold === undefined ? null : Uint8Array.from([...fold], readableByte);
    readable.set(cp, r);
  }
  return r;
}

const isWordAscii = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/**
 * The search for some phrase lists, made once per lexicon in steps of their own below. Why apart: V8 optimises a
 * hot loop while it runs (on-stack replacement) by compiling the whole function around it, once for each hot
 * loop. As one function the steps were compiled three times that way and once more in full, ~0.1 s of the
 * compiler's threads (--trace-opt), while the parse worker needed the processor; as steps, ~15 ms.
 */
function build(lists: readonly (readonly string[])[]): ByteSearch {
  if (lists.length > MAX_LISTS) {
    const two: ByteSearch['two'] = (_a, _as, _ae, _b, _bs, _be, out) => {
      out[0] = out[1] = UNSETTLED;
    };
    return Object.assign(() => UNSETTLED, { two });
  }
  const { phrases, asciiOnly } = phrasesOf(lists);
  const alphabet = alphabetOf(phrases);
  const automaton = automatonOf(phrases, alphabet);
  return searchOn(lazyTable(alphabet, automaton), asciiOnly);
}

/** Phrase bodies in the normal form, each with the lists it is in (bits); a stem is marked by a leading *. */
function phrasesOf(lists: readonly (readonly string[])[]): {
  phrases: Map<string, number>;
  asciiOnly: boolean;
} {
  const phrases = new Map<string, number>();
  let asciiOnly = true;
  lists.forEach((list, i) => {
    for (const p of list) {
      const stem = p.endsWith('*');
      const body = normaliseText(stem ? p.slice(0, -1) : p);
      if (body === '') continue;
      // A phrase that is not ASCII can never match an ASCII text; texts that are not ASCII go to the exact search.
      if (!/^[\x00-\x7f]*$/.test(body)) {
        asciiOnly = false;
        continue;
      }
      const key = `${stem ? '*' : ' '}${body}`;
      phrases.set(key, (phrases.get(key) ?? 0) | (1 << i));
    }
  });
  return { phrases, asciiOnly };
}

/**
 * The symbols the automaton reads. Character classes: one per character the phrases use (upper case read as lower
 * case, ` as '), one for white space (`space`), and two for all other characters: word characters and the rest.
 * Then word boundaries as two more symbols: AFTER follows the start of the text and every character that is no
 * word character, BEFORE precedes every such character and the end. The automaton reads a character that is no
 * word character as BEFORE, the character, AFTER.
 */
interface Alphabet {
  /** Class of each byte below 0x80 and of NEUTRAL. */
  readonly classOf: Int8Array;
  /** Whether each class is of word characters. */
  readonly word: readonly boolean[];
  readonly classes: number;
  readonly space: number;
  readonly AFTER: number;
  readonly BEFORE: number;
  readonly symbols: number;
}

function alphabetOf(phrases: ReadonlyMap<string, number>): Alphabet {
  const classOf = new Int8Array(129).fill(-1);
  const OTHER_WORD = 0;
  const OTHER = 1;
  let classes = 2;
  const word: boolean[] = [true, false];
  for (const key of phrases.keys()) {
    for (let i = 1; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (classOf[c] === -1 && c !== 0x20) {
        classOf[c] = classes++;
        word.push(isWordAscii(c));
      }
    }
  }
  const space = classes++;
  word.push(false);
  for (let c = 0; c < 128; c++) if (classOf[c] === -1) classOf[c] = isWordAscii(c) ? OTHER_WORD : OTHER;
  classOf[NEUTRAL] = OTHER;
  for (let c = 0x41; c <= 0x5a; c++) classOf[c] = classOf[c + 0x20]!;
  classOf[0x60] = classOf[0x27]!;
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) classOf[c] = space;
  // Characters outside ASCII are read by their folds (none when a phrase is not ASCII: the exact search decides).
  return { classOf, word, classes, space, AFTER: classes, BEFORE: classes + 1, symbols: classes + 2 };
}

/**
 * The Aho–Corasick automaton: `delta(state, symbol)`, worked out when first asked and remembered, and each state's
 * lists. Only the steps the texts take are ever asked for (through the rows of `lazyTable`): making the whole
 * table of states × symbols up front took longer than searching a million texts.
 */
interface Automaton {
  readonly delta: (s: number, c: number) => number;
  readonly out: Int32Array;
  readonly states: number;
}

/**
 * A phrase is the literal AFTER, its characters read as the automaton reads them, BEFORE (left out for a stem: the
 * rest of the word may follow): found anywhere, it is found between word boundaries, as the exact search requires.
 * The trie of the spelled phrases, then its failure links breadth first (by depth); each state's lists include
 * those of the states its failure links lead to.
 */
function automatonOf(phrases: ReadonlyMap<string, number>, alphabet: Alphabet): Automaton {
  const { classOf, word, space, AFTER, BEFORE, symbols } = alphabet;
  const spelled = (body: string): number[] => {
    const out = [AFTER];
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i) === 0x20 ? space : classOf[body.charCodeAt(i)]!;
      if (word[c]) out.push(c);
      else out.push(BEFORE, c, AFTER);
    }
    return out;
  };
  const spellings = [...phrases].map(([key, lists]) => {
    const seq = spelled(key.slice(1));
    if (key[0] !== '*') seq.push(BEFORE);
    return { seq, lists };
  });
  const most = 1 + spellings.reduce((n, p) => n + p.seq.length, 0);
  const trie = new Int32Array(most * symbols).fill(-1);
  const own = new Int32Array(most);
  // Each state's parent, the symbol that leads to it and its depth: the failure links are made in order of depth.
  const parent = new Int32Array(most);
  const via = new Int32Array(most);
  const depth = new Int32Array(most);
  let states = 1;
  let deepest = 0;
  for (const { seq, lists } of spellings) {
    let s = 0;
    for (const c of seq) {
      if (trie[s * symbols + c] === -1) {
        parent[states] = s;
        via[states] = c;
        depth[states] = depth[s]! + 1;
        deepest = Math.max(deepest, depth[states]!);
        trie[s * symbols + c] = states++;
      }
      s = trie[s * symbols + c]!;
    }
    own[s]! |= lists;
  }
  const memo = new Int32Array(states * symbols).fill(-1);
  const fail = new Int32Array(states);
  const delta = (s: number, c: number): number => {
    const at = s * symbols + c;
    let t = memo[at]!;
    if (t === -1) {
      t = trie[at]!;
      if (t === -1) t = s === 0 ? 0 : delta(fail[s]!, c);
      memo[at] = t;
    }
    return t;
  };
  const out = own.slice(0, states);
  // States by depth (a counting sort), so that a state's failure link is made before those of its children.
  const atDepth = new Int32Array(deepest + 2);
  for (let t = 1; t < states; t++) atDepth[depth[t]! + 1]!++;
  for (let d = 1; d <= deepest + 1; d++) atDepth[d]! += atDepth[d - 1]!;
  const order = new Int32Array(states);
  for (let t = 1; t < states; t++) order[atDepth[depth[t]!]!++] = t;
  for (let k = 0; k < states - 1; k++) {
    const t = order[k]!;
    const p = parent[t]!;
    fail[t] = p === 0 ? 0 : delta(fail[p]!, via[t]!);
    out[t]! |= out[fail[t]!]!;
  }
  return { delta, out, states };
}

const END = NEUTRAL + 1;
const WIDTH = END + 1;

/**
 * Set in `matches` at a row's END column once the row is made: the search's answer is good only then. Above the
 * bits of the lists (at most MAX_LISTS, 30) and below the sign, which UNSETTLED and AGAIN use.
 */
const MADE = 1 << 30;

/**
 * The table the search runs on. Its states are the automaton's states paired with whether the last character
 * read was white space, so that a run of white space, which is one space in the normal form, is one step and
 * the search loop needs no test for it: white space after white space stays put. A row has one column per byte
 * below 0x80, one for NEUTRAL and one, END, for the end of the text: indexing by the byte itself rather than by
 * its class saves a lookup a byte. A column holds the next row's offset in the table, or its complement (~) when
 * the step matches some list (then `matches` at the same place has their bits); `matches` at END has the lists
 * matched by the BEFORE that ends the text, and MADE.
 *
 * Rows are made when a text first reaches them (`make`), not up front: a chat reaches a few hundred of the
 * thousands of pairs, and making them all took about as long as searching a million texts. The search loop does
 * not test for a row not yet made: such a row is all zeros, which is a step to row 0, a row of zeros too, which
 * is never made and stays put. A text whose search ends in a row without MADE has met a row not yet made, and is
 * read again by `slow`, which makes the rows as it goes. The table is sized for every pair; the pages of rows
 * never made are never touched.
 */
interface LazyTable {
  readonly table: Int32Array;
  readonly matches: Int32Array;
  readonly startRow: number;
  /** Makes the row at offset `s`, one not made yet (`matches` at its END has no MADE) other than row 0. */
  readonly make: (s: number) => void;
}

function lazyTable(alphabet: Alphabet, automaton: Automaton): LazyTable {
  const { classOf, word, classes, space, AFTER, BEFORE } = alphabet;
  const { delta, out, states } = automaton;
  // Row 0 is the trap of rows not yet made; rows of pairs are numbered from 1 as they are first stepped to.
  const row = new Int32Array(states * 2).fill(-1);
  const pairs: number[] = [-1];
  const rowOf = (s: number, afterSpace: number): number => {
    const pair = s * 2 + afterSpace;
    if (row[pair] === -1) {
      row[pair] = pairs.length;
      pairs.push(pair);
    }
    return row[pair]! * WIDTH;
  };
  const startRow = rowOf(delta(0, AFTER), 1);
  const table = new Int32Array((states * 2 + 1) * WIDTH);
  const matches = new Int32Array((states * 2 + 1) * WIDTH);
  const byClass = new Int32Array(classes);
  const listsByClass = new Int32Array(classes);
  const make = (at: number): void => {
    const pair = pairs[at / WIDTH]!;
    const s = pair >> 1;
    const afterSpace = pair & 1;
    // One step per character of the normal form: the state after it (and its boundaries) and the lists matched
    // on the way; reading a character that is no word character is reading BEFORE, it, AFTER.
    for (let c = 0; c < classes; c++) {
      if (c === space && afterSpace === 1) {
        byClass[c] = at;
        listsByClass[c] = 0;
        continue;
      }
      let t: number;
      let m: number;
      if (word[c]) {
        t = delta(s, c);
        m = out[t]!;
      } else {
        const t1 = delta(s, BEFORE);
        const t2 = delta(t1, c);
        t = delta(t2, AFTER);
        m = out[t1]! | out[t2]! | out[t]!;
      }
      const next = rowOf(t, c === space ? 1 : 0);
      byClass[c] = m === 0 ? next : ~next;
      listsByClass[c] = m;
    }
    fillRow(table, matches, at, classOf, byClass, listsByClass);
    matches[at + END] = out[delta(s, BEFORE)]! | MADE;
  };
  make(startRow);
  return { table, matches, startRow, make };
}

/**
 * Writes a row's columns from its steps by class. A function of its own, for the compiler: run for every row
 * made, this loop made V8 optimise all of `make` around it (~20 ms of its threads); alone it is a small job.
 */
function fillRow(
  table: Int32Array,
  matches: Int32Array,
  at: number,
  classOf: Int8Array,
  byClass: Int32Array,
  listsByClass: Int32Array,
): void {
  for (let b = 0; b <= NEUTRAL; b++) {
    table[at + b] = byClass[classOf[b]!]!;
    const m = listsByClass[classOf[b]!]!;
    if (m !== 0) matches[at + b] = m;
  }
}

/** `rest`'s answer for a text that met a row not yet made: it is read again by `slow`. */
const AGAIN = -2;

/** The code point whose UTF-8 starts with bytes[p] (≥ 0x80), and the number of bytes it takes. */
const codePointAt = (bytes: Uint8Array, p: number, b: number): number =>
  b >= 0xf0
    ? ((b & 0x07) << 18) |
      ((bytes[p + 1]! & 0x3f) << 12) |
      ((bytes[p + 2]! & 0x3f) << 6) |
      (bytes[p + 3]! & 0x3f)
    : b >= 0xe0
      ? ((b & 0x0f) << 12) | ((bytes[p + 1]! & 0x3f) << 6) | (bytes[p + 2]! & 0x3f)
      : ((b & 0x1f) << 6) | (bytes[p + 1]! & 0x3f);
const widthOf = (b: number): number => (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2);

/** The search over a lazy table (`lazyTable`), one text or two side by side. */
function searchOn({ table, matches, startRow, make }: LazyTable, asciiOnly: boolean): ByteSearch {
  /**
   * Reads bytes[p, end) on from row `s` with lists `matched` already matched; the answer for the whole text, or
   * AGAIN when it met a row not yet made.
   */
  const rest = (bytes: Uint8Array, p: number, end: number, s: number, matched: number): number => {
    for (; p < end; p++) {
      const b = bytes[p]!;
      if (b < 0x80) {
        const t = table[s + b]!;
        if (t < 0) {
          matched |= matches[s + b]!;
          s = ~t;
        } else s = t;
        continue;
      }
      // A character outside ASCII is read as its fold's characters, one after another. Decoded here rather than by
      // codePointAt (as `slow` does): this is the loop every stored text runs, and it stays one function.
      let cp: number;
      if (b >= 0xf0) {
        cp =
          ((b & 0x07) << 18) |
          ((bytes[p + 1]! & 0x3f) << 12) |
          ((bytes[p + 2]! & 0x3f) << 6) |
          (bytes[p + 3]! & 0x3f);
        p += 3;
      } else if (b >= 0xe0) {
        cp = ((b & 0x0f) << 12) | ((bytes[p + 1]! & 0x3f) << 6) | (bytes[p + 2]! & 0x3f);
        p += 2;
      } else {
        cp = ((b & 0x1f) << 6) | (bytes[p + 1]! & 0x3f);
        p += 1;
      }
      const fold = asciiOnly ? readableFold(cp) : null;
      if (fold === null) return UNSETTLED;
      for (let k = 0; k < fold.length; k++) {
        const t = table[s + fold[k]!]!;
        if (t < 0) {
          matched |= matches[s + fold[k]!]!;
          s = ~t;
        } else s = t;
      }
    }
    const atEnd = matches[s + END]!;
    return (atEnd & MADE) === 0 ? AGAIN : (matched | atEnd) & ~MADE;
  };

  /** The answer for bytes[start, end), making each row before it is read: for a text `rest` answered AGAIN. */
  const slow = (bytes: Uint8Array, start: number, end: number): number => {
    let s = startRow;
    let matched = 0;
    const step = (c: number): void => {
      if ((matches[s + END]! & MADE) === 0) make(s);
      const t = table[s + c]!;
      if (t < 0) {
        matched |= matches[s + c]!;
        s = ~t;
      } else s = t;
    };
    for (let p = start; p < end; p++) {
      const b = bytes[p]!;
      if (b < 0x80) {
        step(b);
        continue;
      }
      const fold = asciiOnly ? readableFold(codePointAt(bytes, p, b)) : null;
      if (fold === null) return UNSETTLED;
      p += widthOf(b) - 1;
      for (let k = 0; k < fold.length; k++) step(fold[k]!);
    }
    if ((matches[s + END]! & MADE) === 0) make(s);
    return (matched | matches[s + END]!) & ~MADE;
  };

  const one = (bytes: Uint8Array, start: number, end: number): number => {
    const r = rest(bytes, start, end, startRow, 0);
    return r === AGAIN ? slow(bytes, start, end) : r;
  };
  // Two texts side by side while both have ASCII left: the processor overlaps the two lookups, so a pair costs
  // little more than the longer text. The rest of each (the longer one's tail, or from a byte outside ASCII on)
  // is read on its own.
  const two: ByteSearch['two'] = (a, aStart, aEnd, b, bStart, bEnd, out) => {
    let sa = startRow;
    let ma = 0;
    let sb = startRow;
    let mb = 0;
    let p = aStart;
    let q = bStart;
    const stop = aStart + Math.min(aEnd - aStart, bEnd - bStart);
    for (; p < stop; p++, q++) {
      const x = a[p]!;
      const y = b[q]!;
      if ((x | y) >= 0x80) break;
      const ta = table[sa + x]!;
      if (ta < 0) {
        ma |= matches[sa + x]!;
        sa = ~ta;
      } else sa = ta;
      const tb = table[sb + y]!;
      if (tb < 0) {
        mb |= matches[sb + y]!;
        sb = ~tb;
      } else sb = tb;
    }
    const ra = rest(a, p, aEnd, sa, ma);
    const rb = rest(b, q, bEnd, sb, mb);
    out[0] = ra === AGAIN ? slow(a, aStart, aEnd) : ra;
    out[1] = rb === AGAIN ? slow(b, bStart, bEnd) : rb;
  };
  return Object.assign(one, { two });
}

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
  const { table, matches, startRow } = tableOf(alphabet, automaton);
  return searchOn(table, matches, startRow, asciiOnly);
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

/** The Aho–Corasick automaton: its full transition table `delta` (state × symbol) and each state's lists. */
interface Automaton {
  readonly delta: Int32Array;
  readonly out: Int32Array;
  readonly states: number;
}

/**
 * A phrase is the literal AFTER, its characters read as the automaton reads them, BEFORE (left out for a stem: the
 * rest of the word may follow): found anywhere, it is found between word boundaries, as the exact search requires.
 * The trie of the spelled phrases, then its failure links breadth first, turned into a full transition table;
 * each state's lists include those of the states its failure links lead to.
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
  let states = 1;
  for (const { seq, lists } of spellings) {
    let s = 0;
    for (const c of seq) {
      if (trie[s * symbols + c] === -1) trie[s * symbols + c] = states++;
      s = trie[s * symbols + c]!;
    }
    own[s]! |= lists;
  }
  const delta = new Int32Array(states * symbols);
  const fail = new Int32Array(states);
  const out = own.slice(0, states);
  const queue = new Int32Array(states);
  let queued = 0;
  for (let c = 0; c < symbols; c++) {
    const t = trie[c]!;
    delta[c] = t === -1 ? 0 : t;
    if (t !== -1) queue[queued++] = t;
  }
  for (let q = 0; q < queued; q++) {
    const s = queue[q]!;
    out[s]! |= out[fail[s]!]!;
    for (let c = 0; c < symbols; c++) {
      const t = trie[s * symbols + c]!;
      if (t === -1) delta[s * symbols + c] = delta[fail[s]! * symbols + c]!;
      else {
        fail[t] = delta[fail[s]! * symbols + c]!;
        delta[s * symbols + c] = t;
        queue[queued++] = t;
      }
    }
  }
  return { delta, out, states };
}

const END = NEUTRAL + 1;
const WIDTH = END + 1;

/**
 * The table the search runs on. Its states are the automaton's states paired with whether the last character
 * read was white space, so that a run of white space, which is one space in the normal form, is one step and
 * the search loop needs no test for it: white space after white space stays put. Only the pairs reachable from
 * the start (leading white space is trimmed: the start counts as after white space) are made. A row has one
 * column per byte below 0x80, one for NEUTRAL and one, END, for the end of the text: indexing by the byte itself
 * rather than by its class saves a lookup a byte. A column holds the next row's offset in the table, or its
 * complement (~) when the step matches some list (then `matches` at the same place has their bits); `matches` at END
 * has the lists matched by the BEFORE that ends the text. Rows are added as they are first reached; the table
 * is sized for every pair, and the pages of rows never reached are never touched.
 */
function tableOf(
  alphabet: Alphabet,
  automaton: Automaton,
): { table: Int32Array; matches: Int32Array; startRow: number } {
  const { classOf, word, classes, space, AFTER, BEFORE, symbols } = alphabet;
  const { delta, out, states } = automaton;
  // One step per character of the normal form: the state after it (and its boundaries) and the lists matched on
  // the way; reading a character that is no word character is reading BEFORE, it, AFTER.
  const stepOf = (s: number, c: number): number => {
    if (word[c]) return delta[s * symbols + c]!;
    const t1 = delta[s * symbols + BEFORE]!;
    return delta[delta[t1 * symbols + c]! * symbols + AFTER]!;
  };
  const matchedOf = (s: number, c: number): number => {
    if (word[c]) return out[delta[s * symbols + c]!]!;
    const t1 = delta[s * symbols + BEFORE]!;
    const t2 = delta[t1 * symbols + c]!;
    return out[t1]! | out[t2]! | out[delta[t2 * symbols + AFTER]!]!;
  };
  const row = new Int32Array(states * 2).fill(-1);
  const pairs: number[] = [];
  const rowOf = (s: number, afterSpace: number): number => {
    const pair = s * 2 + afterSpace;
    if (row[pair] === -1) {
      row[pair] = pairs.length;
      pairs.push(pair);
    }
    return row[pair]! * WIDTH;
  };
  const startRow = rowOf(delta[AFTER]!, 1);
  const table = new Int32Array(states * 2 * WIDTH);
  const matches = new Int32Array(states * 2 * WIDTH);
  const byClass = new Int32Array(classes);
  const listsByClass = new Int32Array(classes);
  for (let r = 0; r < pairs.length; r++) {
    const s = pairs[r]! >> 1;
    const afterSpace = pairs[r]! & 1;
    for (let c = 0; c < classes; c++) {
      const stay = c === space && afterSpace === 1;
      const next = stay ? r * WIDTH : rowOf(stepOf(s, c), c === space ? 1 : 0);
      const m = stay ? 0 : matchedOf(s, c);
      byClass[c] = m === 0 ? next : ~next;
      listsByClass[c] = m;
    }
    for (let b = 0; b <= NEUTRAL; b++) {
      table[r * WIDTH + b] = byClass[classOf[b]!]!;
      const m = listsByClass[classOf[b]!]!;
      if (m !== 0) matches[r * WIDTH + b] = m;
    }
    const atEnd = out[delta[s * symbols + BEFORE]!]!;
    if (atEnd !== 0) matches[r * WIDTH + END] = atEnd;
  }
  return { table, matches, startRow };
}

/** The search over `table` (tableOf), one text or two side by side. */
function searchOn(table: Int32Array, matches: Int32Array, startRow: number, asciiOnly: boolean): ByteSearch {
  /** Reads bytes[p, end) on from row `s` with lists `matched` already matched; the answer for the whole text. */
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
      // A character outside ASCII is read as its fold's characters, one after another.
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
    return matched | matches[s + END]!;
  };

  const one = (bytes: Uint8Array, start: number, end: number): number => rest(bytes, start, end, startRow, 0);
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
    out[0] = rest(a, p, aEnd, sa, ma);
    out[1] = rest(b, q, bEnd, sb, mb);
  };
  return Object.assign(one, { two });
}

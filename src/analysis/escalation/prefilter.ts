/**
 * A quick "can any phrase match?" test over a text's stored UTF-8 bytes, run before the exact search of
 * matcher.ts, so that most texts are never decoded, normalised or searched by a regular expression.
 *
 * Why: the exact search costs about a microsecond a text (decode, normalise, one regular expression), and a
 * million-message chat spent most of its analysis there, although most texts match nothing. V8's expressions
 * are no faster over whole blocks of text (an alternation of 150 phrases reads ~20 ns a character). This is an
 * Aho–Corasick automaton over bytes: one table lookup a byte.
 *
 * It may say yes wrongly, never no wrongly: a yes only sends the text to the exact search. For an ASCII text
 * the exact search's normal form is the text lower-cased, with ` read as ', runs of white space as one space and
 * the ends trimmed (matcher.ts). The automaton reads the bytes folded the same way and looks for every phrase
 * (a stem without its `*`) anywhere, ignoring word boundaries; whatever the exact search finds, it finds too.
 * A text with any other byte (NFKC and Unicode case rules then apply) is always a yes, and so is a phrase that
 * is not ASCII after normalising, which can never match an ASCII text: it is left out.
 */
import { byPhrases, normaliseText } from './matcher.js';

/** Class of a byte that is not ASCII: the text goes to the exact search. */
const NON_ASCII = 255;

export type MayMatch = (bytes: Uint8Array, start: number, end: number) => boolean;

/** The prefilter for a phrase list (the same function for the same phrases: batch workers analyse many cases). */
export const asciiPrefilter: (phrases: readonly string[]) => MayMatch = byPhrases(build);

function build(phrases: readonly string[]): MayMatch {
  const bodies = new Set<string>();
  for (const p of phrases) {
    const body = normaliseText(p.endsWith('*') ? p.slice(0, -1) : p);
    if (body !== '' && /^[\x00-\x7f]*$/.test(body)) bodies.add(body);
  }
  // Byte classes: 0 for a byte no phrase uses, one class per character phrases use, white space read as a space,
  // upper case as lower case, ` as '.
  const classOf = new Uint8Array(256);
  let classes = 1;
  for (const body of bodies) {
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = classes++;
    }
  }
  for (let b = 0x41; b <= 0x5a; b++) classOf[b] = classOf[b + 0x20]!;
  classOf[0x60] = classOf[0x27]!;
  if (classOf[0x20] === 0) classOf[0x20] = classes++;
  const space = classOf[0x20]!;
  for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d]) classOf[b] = space;
  for (let b = 0x80; b < 0x100; b++) classOf[b] = NON_ASCII;

  // The trie, then its failure links breadth first, turned into a full transition table.
  const next: number[][] = [new Array<number>(classes).fill(-1)];
  const hit: boolean[] = [false];
  for (const body of bodies) {
    let s = 0;
    for (let i = 0; i < body.length; i++) {
      const c = classOf[body.charCodeAt(i)]!;
      if (next[s]![c] === -1) {
        next[s]![c] = next.length;
        next.push(new Array<number>(classes).fill(-1));
        hit.push(false);
      }
      s = next[s]![c]!;
    }
    hit[s] = true;
  }
  const table = new Int32Array(next.length * classes);
  const found = new Uint8Array(next.length);
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) {
    const t = next[0]![c]!;
    table[c] = t === -1 ? 0 : t;
    if (t !== -1) queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    found[s] = hit[s] || found[fail[s]!] ? 1 : 0;
    for (let c = 0; c < classes; c++) {
      const t = next[s]![c]!;
      if (t === -1) table[s * classes + c] = table[fail[s]! * classes + c]!;
      else {
        fail[t] = table[fail[s]! * classes + c]!;
        table[s * classes + c] = t;
        queue.push(t);
      }
    }
  }

  return (bytes, start, end) => {
    let s = 0;
    let afterSpace = true;
    for (let p = start; p < end; p++) {
      const c = classOf[bytes[p]!]!;
      if (c === NON_ASCII) return true;
      // A run of white space is one space in the normal form.
      if (c === space) {
        if (afterSpace) continue;
        afterSpace = true;
      } else afterSpace = false;
      s = table[s * classes + c]!;
      if (found[s] === 1) return true;
    }
    return false;
  };
}

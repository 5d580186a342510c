/**
 * Attribute values too long to hold whole. saxes puts each value together before it hands over the start tag, so
 * a 150 MB base64 video in an MMS part (RCS keeps videos up to 100 MB) cost its size two and a half times over,
 * and a 297 MB `body` 2.1 GB. Checked after each piece of text the reader hands saxes (one chunk of the file at
 * most), a value past its cap is taken from saxes and counted, so it costs a chunk in memory, not its size:
 *
 *   <part ct="video/mp4" cl="VID_0001.mp4" data="AAAAIGZ0eXBpc29t…150 MB…" />   only its size is read
 *   <sms address="+447700900123" body="Answer me…3 MB…" … />                    its first 1 MiB is kept
 *
 * A message's text (an `<sms>`'s `body`, an MMS text part's `text`) keeps its first MAX_TEXT_BYTES of UTF-8, cut
 * before a whole character, as the chat readers do (long-text.ts): no text message comes near it, so only a
 * damaged or edited backup, or a large text attachment, is cut. What is kept and counted, the base64 padding and
 * the first unknown reference in a value (for its problem's label) are the same wherever the file's chunks end.
 */
import { cutString, MAX_TEXT_BYTES } from '../long-text.js';
import { Base64Count } from './fields.js';
import type { Handover } from './handover.js';
import { REFERENCE } from './xml-problems.js';

/** The most characters of an MMS part's base64 `data` held at a time (64 Ki): its size is all that is read of it. */
export const HELD_DATA = 1 << 16;

/** The attributes holding a message's text. */
const TEXTS: ReadonlySet<string> = new Set(['body', 'text']);

/** What was not held of one start tag's values. */
export interface LetGo {
  /** What was counted of `data` and not held: its base64 characters, and the `=` ending them. */
  readonly data: Base64Count;
  /** For each text attribute cut (`body`, `text`): the bytes of UTF-8 left out after its first MAX_TEXT_BYTES. */
  readonly dropped: ReadonlyMap<string, number>;
  /** For each value let go in part: the first reference written in it (`&name;`), for `labelProblems`. */
  readonly references: ReadonlyMap<string, string>;
}

const NOTHING: LetGo = { data: new Base64Count(), dropped: new Map(), references: new Map() };

export class LongValues {
  /** Of `data`, undefined until a piece of it is let go. */
  private data: Base64Count | undefined;
  /** The kept start of each text value cut so far, and the bytes left out after it. */
  private readonly cuts = new Map<string, { kept: string; dropped: number }>();
  private readonly references = new Map<string, string>();

  /** After each piece of a start tag: takes from saxes a value grown past its cap. */
  check(saxes: Handover): void {
    const held = saxes.heldValue();
    if (held <= HELD_DATA) return;
    const name = saxes.valueName();
    if (name === 'data') {
      this.data = (this.data ?? new Base64Count()).add(this.take(saxes, name));
      return;
    }
    // Taken only once it holds more characters than the cap has bytes: so its first take is over the cap, and
    // keeps just what a value read whole keeps (cutString, again in the record's reader).
    if (held <= MAX_TEXT_BYTES || !TEXTS.has(name)) return;
    const piece = this.take(saxes, name);
    const cut = this.cuts.get(name);
    if (cut !== undefined) cut.dropped += Buffer.byteLength(piece);
    else {
      const { text, dropped } = cutString(piece, MAX_TEXT_BYTES);
      this.cuts.set(name, { kept: text, dropped });
    }
  }

  /**
   * At the end of the start tag: puts the kept start of each text value cut in its place in `attrs` (saxes handed
   * over only what it read after the last take, counted as left out), and says what was let go; then starts over.
   * A value the attribute cap emptied from the list (reader.ts) stays out: its record is rejected for that.
   */
  finish(attrs: Record<string, string>): LetGo {
    if (this.data === undefined && this.cuts.size === 0) return NOTHING;
    const dropped = new Map<string, number>();
    for (const [name, cut] of this.cuts) {
      const rest = attrs[name];
      if (rest === undefined) continue;
      this.noteReference(name, rest);
      dropped.set(name, cut.dropped + Buffer.byteLength(rest));
      attrs[name] = cut.kept;
    }
    const letGo = { data: this.data ?? NOTHING.data, dropped, references: new Map(this.references) };
    this.data = undefined;
    this.cuts.clear();
    this.references.clear();
    return letGo;
  }

  private take(saxes: Handover, name: string): string {
    const piece = saxes.takeValue();
    this.noteReference(name, piece);
    return piece;
  }

  /** Keeps the first reference of a value let go: `labelProblems` no longer finds it in the value handed over. */
  private noteReference(name: string, text: string): void {
    if (this.references.has(name) || !text.includes('&')) return;
    const ref = REFERENCE.exec(text);
    if (ref !== null) this.references.set(name, ref[0]);
  }
}

/**
 * Attribute values too long to hold whole. saxes puts each value together before it hands over the start tag, so
 * a 150 MB base64 video in an MMS part (RCS keeps videos up to 100 MB) cost its size two and a half times over,
 * and a 300 MB `body` 1.6 GB. Checked after each piece of text the reader hands saxes (one chunk of the file at
 * most), a value past its cap is taken from saxes and counted, so it costs a chunk in memory, not its size:
 *
 *   <part ct="video/mp4" cl="VID_0001.mp4" data="AAAAIGZ0eXBpc29t…150 MB…" />   only its size is read
 *   <sms address="+447700900123" body="Answer me…3 MB…" … />                    its first 1 MiB is kept
 *
 * A message's text (an `<sms>`'s `body`, an MMS text part's `text`) keeps its first MAX_TEXT_BYTES of UTF-8, cut
 * before a whole character, as the chat readers do (long-text.ts): no SMS or MMS comes near it, so only a damaged
 * or made-up backup is cut. What is kept and counted is the same wherever the file's chunks end.
 */
import { cutString, MAX_TEXT_BYTES } from '../long-text.js';
import type { Handover } from './handover.js';

/** The most characters of an MMS part's base64 `data` held at a time (64 Ki): its size is all that is read of it. */
export const HELD_DATA = 1 << 16;

/** The attributes holding a message's text. */
const TEXTS: ReadonlySet<string> = new Set(['body', 'text']);

/** What was not held of one start tag's values. */
export interface LetGo {
  /** Base64 characters of `data` counted but not held (spaces, which line breaks in a value become, not counted). */
  readonly data: number;
  /** Bytes of UTF-8 of the message text (`body` or `text`) left out after its first MAX_TEXT_BYTES. */
  readonly textDropped: number;
}

const NOTHING: LetGo = { data: 0, textDropped: 0 };

export class LongValues {
  private data = 0;
  /** The kept start of each text value cut so far, and the bytes left out after it. */
  private readonly cuts = new Map<string, { kept: string; dropped: number }>();

  /** After each piece of a start tag: takes from saxes a value grown past its cap. */
  check(saxes: Handover): void {
    const held = saxes.heldValue();
    if (held <= HELD_DATA) return;
    const name = saxes.valueName();
    if (name === 'data') {
      this.data += nonSpaces(saxes.takeValue());
      return;
    }
    // Taken only once it holds more characters than the cap has bytes: so its first take is over the cap, and
    // keeps just what a value read whole keeps (cutString, again in the record's reader).
    if (held <= MAX_TEXT_BYTES || !TEXTS.has(name)) return;
    const piece = saxes.takeValue();
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
   */
  finish(attrs: Record<string, string>): LetGo {
    if (this.data === 0 && this.cuts.size === 0) return NOTHING;
    let textDropped = 0;
    for (const [name, cut] of this.cuts) {
      textDropped += cut.dropped + Buffer.byteLength(attrs[name] ?? '');
      attrs[name] = cut.kept;
    }
    const letGo = { data: this.data, textDropped };
    this.data = 0;
    this.cuts.clear();
    return letGo;
  }
}

function nonSpaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 0x20) n++;
  return n;
}

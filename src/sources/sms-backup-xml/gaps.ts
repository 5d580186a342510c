/**
 * Finds text between records without asking saxes for text events: with a text handler saxes builds a string
 * for every run of white space between records, which made a million-record backup a third slower. (Each
 * handler is also a property added to the parser after construction; from the eighth on, V8 slows the whole
 * parser down threefold, so comments and PIs are skipped here rather than through handlers.) The chunk being
 * parsed and the 512 characters before it are kept, and the few characters between one record's end and the next
 * start tag are checked by offset: saxes' `position` counts UTF-16 units across everything written. A gap
 * reaching back more than 512 characters before the current chunk is not checked.
 */

import { detach } from './interner.js';

/** Stray text found between records: a short excerpt, and how many line breaks lie between it and the tag. */
export interface Stray {
  readonly excerpt: string;
  readonly linesBefore: number;
}

const LT = 0x3c;
/** Characters of the previous chunk kept: enough for the blanks, comment or stray text that end a record. */
const KEEP = 512;

/** The chunk being parsed and the last 512 characters before it, addressable by absolute offset. */
export class TextWindow {
  private prev = '';
  private prevStart = 0;
  private cur = '';
  private curStart = 0;

  /** Records a chunk just before it is written to saxes. */
  note(text: string): void {
    // Of what came before, only a copied tail is kept: holding the whole previous chunk one round longer made
    // the young generation promote it, which cost more than everything else this file does.
    const before = this.cur.length >= KEEP ? this.cur : this.prev + this.cur;
    const keep = Math.min(before.length, KEEP);
    this.prev = keep === 0 ? '' : detach(before.slice(before.length - keep));
    this.curStart += this.cur.length;
    this.prevStart = this.curStart - keep;
    this.cur = text;
  }

  /**
   * Looks at the text from absolute offset `from` up to the next start or end tag, passing over comments and
   * processing instructions: undefined when it is only white space (or starts before the window), else the
   * stray text (CDATA counts as text). Normally only the few blanks before the next `<` are read.
   */
  strayFrom(from: number, to: number): Stray | undefined {
    // A gap that began before the window (chunks far smaller than saxes reads in practice) is not checked.
    if (from < this.prevStart) return undefined;
    let at = from;
    for (let c = this.charAt(at); c !== undefined; c = this.charAt(at)) {
      if (c === LT) {
        const skipTo = this.startsWith(at, '<!--') ? '-->' : this.startsWith(at, '<?') ? '?>' : undefined;
        if (skipTo === undefined) {
          return this.startsWith(at, '<![CDATA[') ? this.collect(at + 9, ']]>', to) : undefined;
        }
        const end = this.find(at, skipTo);
        if (end === -1) return undefined;
        at = end + skipTo.length;
      } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) at++;
      else return this.collect(at, '<', to);
    }
    return undefined;
  }

  /** The text from `start` up to `stop` (an excerpt of at most 80 characters) and the line breaks to `to`. */
  private collect(start: number, stop: string, to: number): Stray {
    const end = this.find(start, stop);
    let text = '';
    for (let at = start; at < end && text.length <= 80; at++) text += String.fromCharCode(this.charAt(at)!);
    let linesBefore = 0;
    for (let at = start; at < to; at++) if (this.charAt(at) === 0x0a) linesBefore++;
    const excerpt = text.trim().replace(/\s+/g, ' ');
    return { excerpt: excerpt.length > 80 ? `${excerpt.slice(0, 80)}…` : excerpt, linesBefore };
  }

  private startsWith(at: number, token: string): boolean {
    for (let i = 0; i < token.length; i++) if (this.charAt(at + i) !== token.charCodeAt(i)) return false;
    return true;
  }

  /** Absolute offset of `token` at or after `from` within the window, or -1. */
  private find(from: number, token: string): number {
    for (let at = from; this.charAt(at) !== undefined; at++) if (this.startsWith(at, token)) return at;
    return -1;
  }

  private charAt(offset: number): number | undefined {
    if (offset >= this.curStart) {
      const i = offset - this.curStart;
      return i < this.cur.length ? this.cur.charCodeAt(i) : undefined;
    }
    const i = offset - this.prevStart;
    return i >= 0 && i < this.prev.length ? this.prev.charCodeAt(i) : undefined;
  }
}

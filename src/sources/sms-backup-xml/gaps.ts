/**
 * Finds text between records without asking saxes for text events: with a text handler saxes builds a string
 * for every run of whitespace between records, which made a million-record backup a third slower. Instead the
 * last two chunks written to saxes are kept, and the few characters between one record's end and the next `<`
 * are checked by offset (saxes' `position` counts UTF-16 units across everything written).
 */

/** Stray text found between records: a short excerpt, and how many line breaks lie between it and the `<`. */
export interface Stray {
  readonly excerpt: string;
  readonly linesBefore: number;
}

/** The two most recent chunks handed to saxes, addressable by absolute offset. */
export class TextWindow {
  private prev = '';
  private prevStart = 0;
  private cur = '';
  private curStart = 0;

  /** Records a chunk just before it is written to saxes. */
  note(text: string): void {
    this.prev = this.cur;
    this.prevStart = this.curStart;
    this.curStart += this.cur.length;
    this.cur = text;
  }

  /**
   * Looks at the text from absolute offset `from` up to the next `<`: undefined when it is only white space (or
   * starts before the window), else the stray text. Only the characters up to the first non-blank are read in
   * the normal case, so this costs a few steps per record.
   */
  strayFrom(from: number): Stray | undefined {
    // A gap that began before the window (chunks far smaller than saxes reads in practice) is not checked.
    if (from < this.prevStart) return undefined;
    let at = from;
    for (let c = this.charAt(at); c !== undefined; c = this.charAt(++at)) {
      if (c === 0x3c) return undefined;
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return this.collect(at);
    }
    return undefined;
  }

  private collect(start: number): Stray {
    let text = '';
    let linesBefore = 0;
    let at = start;
    for (let c = this.charAt(at); c !== undefined && c !== 0x3c; c = this.charAt(++at)) {
      if (c === 0x0a) linesBefore++;
      if (text.length <= 80) text += String.fromCharCode(c);
    }
    const excerpt = text.trim().replace(/\s+/g, ' ');
    return { excerpt: excerpt.length > 80 ? `${excerpt.slice(0, 80)}…` : excerpt, linesBefore };
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

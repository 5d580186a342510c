/**
 * Finds text between records without asking saxes for text events: with a text handler saxes builds a string
 * for every run of white space between records, which made a million-record backup a third slower. (Each
 * handler is also a property added to the parser after construction; from the eighth on, V8 slows the whole
 * parser down threefold, so comments and PIs are skipped here rather than through handlers.) The chunk being
 * parsed and the 512 characters before it are kept, addressable by saxes' `position` (UTF-16 units across
 * everything written). A gap (from one record's end to the next start tag) is scanned as its text arrives, and
 * the scan is carried on after every chunk, so a gap longer than the window — a long comment, or any gap read a
 * few bytes at a time — is checked exactly like a short one, in bounded memory.
 */

import { detach } from './interner.js';

/** Stray text found between records: a short excerpt, and how many line breaks lie between it and the tag. */
export interface Stray {
  readonly excerpt: string;
  readonly linesBefore: number;
}

const LT = 0x3c;
const CR = 0x0d;
const NL = 0x0a;
const NEL = 0x85;
const LS = 0x2028;
/** Characters of the previous chunk kept: more than the scan ever leaves behind (MARGIN). */
const KEEP = 512;
/** The scan stops this far from the end of what has arrived, so a `<![CDATA[` or `-->` there is read whole. */
const MARGIN = 16;
/** Characters of stray text kept for the excerpt. */
const EXCERPT = 81;

// Where the scan of a gap is: white space so far; in a comment; in a processing instruction; stray text (or
// CDATA) found, its excerpt being read, then line breaks counted up to the tag; a tag came first (nothing stray).
const BLANK = 0;
const COMMENT = 1;
const PI = 2;
const STRAY = 3;
const TAG = 4;

/** The chunk being parsed and the last 512 characters before it, and the scan of the gap now open. */
export class TextWindow {
  private prev = '';
  private prevStart = 0;
  private cur = '';
  private curStart = 0;
  /** Absolute offset the scan of the open gap has reached, or -1 when no gap is open. */
  private at = -1;
  private mode = BLANK;
  /** In STRAY mode: what ends the excerpt (`<`, or `]]>` in CDATA); '' once the excerpt is complete. */
  private stop = '';
  private excerpt = '';
  private lines = 0;
  /** XML 1.1 also breaks lines at NEL and LS (set once the XML declaration has been read). */
  xml11 = false;

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

  /** A gap starts at absolute offset `from` (the end of a record, or of the root's start tag). */
  open(from: number): void {
    this.at = from;
    this.mode = BLANK;
    this.stop = '';
    this.excerpt = '';
    this.lines = 0;
  }

  /** Scans the open gap on after a chunk was written, so none of it falls out of the window. */
  advance(): void {
    if (this.at !== -1 && this.mode !== TAG) this.scan(this.curStart + this.cur.length - MARGIN);
  }

  /**
   * Closes the open gap at the start or end tag that ends it (`to` lies after its `<`): undefined when there was
   * only white space, comments and processing instructions, else the stray text (CDATA counts as text).
   */
  close(to: number): Stray | undefined {
    if (this.at === -1) return undefined;
    this.scan(to);
    this.at = -1;
    if (this.mode !== STRAY) return undefined;
    const excerpt = this.excerpt.trim().replace(/\s+/g, ' ');
    return {
      excerpt: excerpt.length > 80 ? `${excerpt.slice(0, 80)}…` : excerpt,
      linesBefore: this.lines,
    };
  }

  /** Reads the gap from where the scan stands up to absolute offset `to`. */
  private scan(to: number): void {
    let at = this.at;
    while (at < to && this.mode !== TAG) {
      const c = this.charAt(at);
      if (c === undefined) break;
      switch (this.mode) {
        case BLANK:
          if (c === LT) {
            if (this.startsWith(at, '<!--')) {
              this.mode = COMMENT;
              at += 4;
            } else if (this.startsWith(at, '<?')) {
              this.mode = PI;
              at += 2;
            } else if (this.startsWith(at, '<![CDATA[')) {
              this.stray(']]>');
              at += 9;
            } else this.mode = TAG;
          } else if (c === 0x20 || c === NL || c === CR || c === 0x09) at++;
          else this.stray('<');
          break;
        case COMMENT:
        case PI: {
          const end = this.mode === COMMENT ? '-->' : '?>';
          if (this.startsWith(at, end)) {
            this.mode = BLANK;
            at += end.length;
          } else at++;
          break;
        }
        default:
          if (this.stop !== '') {
            if (this.startsWith(at, this.stop) || this.excerpt.length >= EXCERPT) this.stop = '';
            else this.excerpt += String.fromCharCode(c);
          }
          if (this.breaksLine(c, at)) this.lines++;
          at++;
      }
    }
    this.at = at;
  }

  /** A line break as saxes counts them: CR LF, CR and LF are one each (in XML 1.1, also CR NEL, NEL and LS). */
  private breaksLine(c: number, at: number): boolean {
    if (c === CR) return true;
    if (c === NL || (this.xml11 && c === NEL)) return this.charAt(at - 1) !== CR;
    return this.xml11 && c === LS;
  }

  private stray(stop: string): void {
    this.mode = STRAY;
    this.stop = stop;
  }

  private startsWith(at: number, token: string): boolean {
    for (let i = 0; i < token.length; i++) if (this.charAt(at + i) !== token.charCodeAt(i)) return false;
    return true;
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

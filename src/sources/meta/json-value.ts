/**
 * One JSON value collected across chunks of text. Its end is found from bracket depth and string state alone —
 * cheap enough to run over every character — and `JSON.parse` then validates it, so a value is never half-read.
 * A value that nests deeper than `MAX_RECORD_DEPTH` is scanned to its end but not kept (`tooDeep`), and so is one
 * of more than `MAX_RECORD_VALUES` values (`tooMany`, ../json-values.ts), which `JSON.parse` would build whole.
 */
import { MAX_RECORD_DEPTH } from '../json-depth.js';
import { MAX_RECORD_VALUES, ValueCounter } from '../json-values.js';

const isDelimiter = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c || c === 0x7d || c === 0x5d;

/** The text of one value as it arrives; `scan` reports where it ends. */
export class ValueCapture {
  private readonly parts: string[] = [];
  /** Characters collected so far. */
  length = 0;
  /** True once the value nests deeper than `MAX_RECORD_DEPTH`: its text is dropped and `length` stops growing. */
  tooDeep = false;
  /** True once the value holds more than `MAX_RECORD_VALUES` values: its text is dropped likewise. */
  tooMany = false;
  /**
   * Counts the values once the text is longer than `MAX_RECORD_VALUES` characters (a shorter one cannot hold
   * more, each value taking one at least), so an ordinary message is scanned once only.
   */
  private values: ValueCounter | undefined;
  private depth: number;
  private inString: boolean;
  private escaped = false;
  /** A bare literal (number, true, false, null) ends at the first delimiter instead of a bracket or quote. */
  private readonly literal: boolean;

  /** `first` is the value's first character; `line` and `column` are where it starts (1-based). */
  constructor(
    first: number,
    readonly line: number,
    readonly column: number,
  ) {
    const compound = first === 0x7b || first === 0x5b;
    this.depth = compound ? 1 : 0;
    this.inString = first === 0x22;
    this.literal = !compound && first !== 0x22;
  }

  /**
   * Scans `text` from `from` and keeps `text[start..end)`. Returns the index just after the value, or -1 when the
   * text ended first. `onNewline` gets the index of every line feed scanned (literals hold none).
   */
  scan(text: string, from: number, start: number, onNewline: (i: number) => void): number {
    const n = text.length;
    let i = from;
    let end = -1;
    if (this.literal) {
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      if (i < n) end = i;
    } else {
      let { depth, inString, escaped } = this;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) onNewline(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            inString = false;
            if (depth === 0) {
              end = ++i;
              break;
            }
          }
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) {
          if (++depth > MAX_RECORD_DEPTH) this.tooDeep = true;
        } else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            end = ++i;
            break;
          }
        }
      }
      this.depth = depth;
      this.inString = inString;
      this.escaped = escaped;
    }
    if (!this.tooDeep && !this.tooMany) {
      const piece = text.slice(start, i);
      this.parts.push(piece);
      this.length += piece.length;
      if (this.length > MAX_RECORD_VALUES) {
        if (this.values === undefined) {
          this.values = new ValueCounter();
          for (const part of this.parts) this.values.scan(part);
        } else this.values.scan(piece);
        this.tooMany = this.values.over;
      }
    }
    if (this.tooDeep || this.tooMany) this.parts.length = 0;
    return end;
  }

  /** The whole value's text. */
  text(): string {
    return this.parts.join('');
  }
}

/**
 * Where `JSON.parse` failed inside a value that starts at `line`/`column`, and why — without V8's copy of the
 * value, which some of its messages quote whole (the text is hostile and can be megabytes).
 */
export function parseFailure(
  err: Error,
  raw: string,
  line: number,
  column: number,
): { line: number; column: number; why: string } {
  const pos = /at position (\d+)/.exec(err.message);
  if (pos) {
    const upTo = raw.slice(0, Number(pos[1]));
    const nl = upTo.lastIndexOf('\n');
    line += upTo.split('\n').length - 1;
    column = nl < 0 ? column + upTo.length : upTo.length - nl;
  }
  const why = err.message.replace(/,? ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+$/, '');
  return { line, column, why };
}

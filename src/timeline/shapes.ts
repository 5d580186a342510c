/**
 * A column of short strings that mostly differ only in a number or two: locators (`sms[41]`,
 * `chats.list[2].messages[17]`), platform ids (`4001:1017`) and details (`{"replyTo":"982"}`).
 *
 * Each value is split into an interned shape and its last one or two runs of digits, so a million locators cost
 * a few bytes each instead of a million strings. Consecutive values nearly always share their shape, so the last
 * one is compared in place before anything is cut or looked up. A value with no usable number is a shape of its
 * own. Long values, and values of a column whose shapes do not repeat (random message ids), go to string pages.
 */
import { type Index, indexColumn, lengthened, put } from './columns.js';
import { StringPages } from './pages.js';

// Shape numbers with a fixed meaning; interned shapes follow.
const ABSENT = 0;
const PLAIN_NUMBER = 1;
const IN_PAGES = 2;
/** A number that is not a plain whole number (never seen in practice, but kept exactly), paged as text. */
const ODD_NUMBER = 3;
/**
 * Past this many shapes, a column whose shapes are not each shared by several values (e-mail message ids) stops
 * interning new ones and pages the rest, so that values that never repeat are not kept twice.
 */
const FEW_SHAPES = 1024;
const VALUES_PER_SHAPE = 8;
/** Numbers above this, or written with leading zeros, are kept whole in the shape. */
const NO_NUMBER = 0xffffffff;

interface Shape {
  readonly head: string;
  readonly mid: string;
  readonly tail: string;
  readonly numbers: 0 | 1 | 2;
}

interface Run {
  start: number;
  end: number;
  value: number;
}

export class ShapedStrings {
  private cap = 0;
  // Allocated when first needed: a column of plain numbers needs only `first`, an empty column nothing.
  private shapeCol: Index | undefined;
  private first: Index | undefined;
  private second: Index | undefined;
  private readonly shapes: (Shape | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly shapeIds = new Map<string, number>();
  private lastShape = 0;
  /** Values stored as a shape and numbers. */
  private shaped = 0;
  private pages: StringPages | undefined;

  /**
   * @param usual the shape every value has until one differs (PLAIN_NUMBER for locators, ABSENT otherwise), so
   *   that a column of only that kind needs no shape column; the first value's shape replaces it
   */
  private constructor(private usual: number) {}

  /** A column whose values are mostly line numbers (locators). */
  static ofNumbers(): ShapedStrings {
    return new ShapedStrings(PLAIN_NUMBER);
  }
  /** A column whose values are mostly absent (ids, details). */
  static ofOptional(): ShapedStrings {
    return new ShapedStrings(ABSENT);
  }

  /** Sets value k; values are set in order, k = 0, 1, 2… */
  set(k: number, value: string | number | undefined): void {
    if (k >= this.cap) this.grow(k);
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 0 &&
      value < NO_NUMBER &&
      !Object.is(value, -0)
    ) {
      this.put(k, PLAIN_NUMBER, value, 0);
      return;
    }
    if (value === undefined) {
      this.put(k, ABSENT, 0, 0);
      return;
    }
    if (typeof value === 'number') {
      this.page(k, Object.is(value, -0) ? '-0' : String(value), ODD_NUMBER);
      return;
    }
    const text = value;
    // The last two runs of digits, written plainly (no leading zero, at most 9 digits) so they read back the same.
    // Long values are not worth comparing; values without a number are shapes of their own (details such as
    // {"discardReason":"missed"} repeat word for word).
    if (text.length > 200) {
      this.page(k, text);
      return;
    }
    const last = digitRunBefore(text, text.length);
    const before = last && digitRunBefore(text, last.start);
    const two = before !== undefined && last !== undefined && before.end < last.start;
    const numbers = two ? 2 : last ? 1 : 0;
    const a = two ? before.value : last ? last.value : 0;
    const b = two ? last.value : 0;
    const prev = this.shapes[this.lastShape];
    if (prev !== undefined && prev.numbers === numbers && sameShape(text, prev, two ? before : last, last)) {
      this.shaped++;
      this.put(k, this.lastShape, a, b);
      return;
    }
    const head = two ? text.slice(0, before.start) : last ? text.slice(0, last.start) : text;
    const mid = two ? text.slice(before.end, last.start) : '';
    const tail = last ? text.slice(last.end) : '';
    const key = `${numbers}\u0000${head}\u0000${mid}\u0000${tail}`;
    let s = this.shapeIds.get(key);
    if (s === undefined) {
      if (this.shapes.length > FEW_SHAPES && this.shaped < this.shapes.length * VALUES_PER_SHAPE) {
        this.page(k, text);
        return;
      }
      s = this.shapes.length;
      // Copied so that a value cut from a parser's chunk does not keep the chunk alive.
      this.shapes.push({ head: copy(head), mid: copy(mid), tail: copy(tail), numbers });
      this.shapeIds.set(copy(key), s);
    }
    this.lastShape = s;
    this.shaped++;
    this.put(k, s, a, b);
  }

  /** Value k. */
  get(k: number): string | number | undefined {
    const s = this.shapeCol?.[k] ?? this.usual;
    if (s === ABSENT) return undefined;
    const n = this.first?.[k] ?? 0;
    if (s === PLAIN_NUMBER) return n;
    if (s === IN_PAGES) return this.pages!.get(n);
    if (s === ODD_NUMBER) return Number(this.pages!.get(n));
    const shape = this.shapes[s]!;
    if (shape.numbers === 0) return shape.head;
    if (shape.numbers === 1) return `${shape.head}${n}${shape.tail}`;
    return `${shape.head}${n}${shape.mid}${this.second?.[k] ?? 0}${shape.tail}`;
  }

  private page(k: number, text: string, shape = IN_PAGES): void {
    this.pages ??= new StringPages();
    this.put(k, shape, this.pages.push(text), 0);
  }

  private put(k: number, shape: number, a: number, b: number): void {
    // A column whose values all share one shape (every locator "chats.list[…].messages[…]") needs no shape column.
    if (k === 0) this.usual = shape;
    if (shape !== this.usual || this.shapeCol)
      this.shapeCol = put(this.shapeCol ?? indexColumn(this.cap, this.usual), k, shape);
    if (a !== 0 || this.first) this.first = put(this.first ?? indexColumn(this.cap), k, a);
    if (b !== 0 || this.second) this.second = put(this.second ?? indexColumn(this.cap), k, b);
  }

  private grow(k: number): void {
    let cap = Math.max(1024, this.cap);
    while (cap <= k) cap *= 2;
    if (this.shapeCol) this.shapeCol = lengthened(this.shapeCol, cap, this.usual);
    if (this.first) this.first = lengthened(this.first, cap);
    if (this.second) this.second = lengthened(this.second, cap);
    this.cap = cap;
  }
}

const copy = (x: string): string => `${x} `.slice(0, -1);

/**
 * The last run of ASCII digits ending at or before `end` that reads back as written (no leading zero, at most
 * nine digits), or undefined when the nearest run is not such a number.
 */
function digitRunBefore(text: string, end: number): Run | undefined {
  let e = end;
  while (e > 0 && !isDigit(text.charCodeAt(e - 1))) e--;
  if (e === 0) return undefined;
  let b = e;
  while (b > 0 && isDigit(text.charCodeAt(b - 1))) b--;
  const n = e - b;
  if (n > 9 || (n > 1 && text.charCodeAt(b) === 48)) return undefined;
  return { start: b, end: e, value: Number(text.slice(b, e)) };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether `text` is `shape` with numbers at the runs `a` (first) and `b` (second, for two-number shapes). */
function sameShape(text: string, shape: Shape, a: Run | undefined, b: Run | undefined): boolean {
  if (shape.numbers === 0) return text === shape.head;
  if (a === undefined || b === undefined) return false;
  const last = shape.numbers === 2 ? b : a;
  return (
    a.start === shape.head.length &&
    text.startsWith(shape.head) &&
    (shape.numbers === 1 || (b.start - a.end === shape.mid.length && text.startsWith(shape.mid, a.end))) &&
    text.length - last.end === shape.tail.length &&
    text.endsWith(shape.tail)
  );
}

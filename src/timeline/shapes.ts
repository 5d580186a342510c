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
import { StringPages, type Utf8Span } from './pages.js';

// Shape numbers with a fixed meaning; interned shapes follow.
const ABSENT = 0;
const PLAIN_NUMBER = 1;
const IN_PAGES = 2;
/** A number that is not a plain whole number (never seen in practice, but kept exactly), paged as text. */
const ODD_NUMBER = 3;
/**
 * Past this many shapes, a column whose shapes are not each shared by several values (e-mail message ids), or
 * whose newer shapes are not (a few reply ids among a stream of unique edit times), stops interning new ones and
 * pages the rest, so that values that never repeat are not kept twice nor looked up in a growing map.
 */
const FEW_SHAPES = 1024;
const VALUES_PER_SHAPE = 8;
/** Shapes made past FEW_SHAPES before their sharing is judged; they must hold two values each on average. */
const LATE_TRIAL = 64;
/** How many recently used shapes are compared before a value is cut up and looked up. */
const RECENT = 4;
/** Numbers above this, or written with leading zeros, are kept whole in the shape. */
const NO_NUMBER = 0xffffffff;

interface Shape {
  readonly head: string;
  readonly mid: string;
  readonly tail: string;
  readonly numbers: 0 | 1 | 2;
}

/** One such column, its values set in event order and read back by event number. */
export class ShapedStrings {
  private cap = 0;
  // Allocated when first needed: a column of plain numbers needs only `first`, an empty column nothing.
  private shapeCol: Index | undefined;
  private first: Index | undefined;
  private second: Index | undefined;
  private readonly shapes: (Shape | undefined)[] = [undefined, undefined, undefined, undefined];
  private readonly shapeIds = new Map<string, number>();
  /** The shapes used last, most recent first (ABSENT where none yet). */
  private readonly recent = new Int32Array(RECENT);
  /** Values stored as a shape and numbers, and how many of them with a shape made past FEW_SHAPES. */
  private shaped = 0;
  private lateUses = 0;
  // The last shaped value up to its last run of digits ("chats.list[3].messages["), its shape, what follows that
  // run ("]"), and the number inside the prefix (3) when the shape has two: a value that starts the same way
  // needs only its last number read.
  private prefix: string | undefined;
  private prefixShape = 0;
  private prefixTail = '';
  private prefixA = -1;
  private pages: StringPages | undefined;
  /** The first value's shape: a column whose values all share it (line numbers, ids) needs no shape column. */
  private usual = ABSENT;

  /** Whether any value set was not undefined. */
  private anyValue = false;

  /** Whether any value was set (not undefined): a column no source filled need not be read event by event. */
  hasValues(): boolean {
    return this.anyValue;
  }

  /** Sets value k; values are set in order, k = 0, 1, 2… */
  set(k: number, value: string | number | undefined): void {
    if (k >= this.cap) this.grow(k);
    if (value !== undefined) this.anyValue = true;
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
    if (this.prefix !== undefined && text.startsWith(this.prefix) && this.samePrefix(k, text)) return;
    // Runs found without allocating (a million values go through here): last = [s1, e1), the one before [s0, e0).
    const e1 = runEnd(text, text.length);
    const s1 = e1 < 0 ? -1 : runStart(text, e1);
    const v1 = s1 < 0 ? -1 : plainNumber(text, s1, e1);
    const e0 = v1 < 0 ? -1 : runEnd(text, s1);
    const s0 = e0 < 0 ? -1 : runStart(text, e0);
    const v0 = s0 < 0 ? -1 : plainNumber(text, s0, e0);
    const numbers = v0 >= 0 ? 2 : v1 >= 0 ? 1 : 0;
    // The shape's numbers: with two, the first is the earlier run.
    const a = numbers === 2 ? v0 : numbers === 1 ? v1 : 0;
    const b = numbers === 2 ? v1 : 0;
    const headEnd = numbers === 2 ? s0 : numbers === 1 ? s1 : text.length;
    // The few shapes used last are compared in place: a column mixes a handful of shapes (reply ids, edit times,
    // media), and cutting the value up and looking its key up in the map costs several times more.
    const recent = this.recent;
    for (let r = 0; r < RECENT; r++) {
      const id = recent[r]!;
      const prev = this.shapes[id];
      if (
        prev !== undefined &&
        prev.numbers === numbers &&
        prev.head.length === headEnd &&
        (numbers === 0
          ? text === prev.head
          : text.length - e1 === prev.tail.length &&
            (numbers === 1 || s1 - e0 === prev.mid.length) &&
            text.startsWith(prev.head) &&
            text.endsWith(prev.tail) &&
            (numbers === 1 || text.startsWith(prev.mid, e0)))
      ) {
        if (r !== 0) this.use(id);
        this.stored(id);
        this.put(k, id, a, b);
        if (numbers !== 0) this.remember(text, s1, id, numbers === 2 ? a : -1);
        return;
      }
    }
    // Once shapes stop repeating (edit times, random message ids), a value no recent shape fits is paged as it
    // is, without cutting it up to look it up: an older shape it might share is worth less than the lookup.
    if (this.saturated()) {
      this.page(k, text);
      return;
    }
    const head = text.slice(0, headEnd);
    const mid = numbers === 2 ? text.slice(e0, s1) : '';
    const tail = numbers === 0 ? '' : text.slice(e1);
    const key = `${numbers}\u0000${head}\u0000${mid}\u0000${tail}`;
    let s = this.shapeIds.get(key);
    if (s === undefined) {
      s = this.shapes.length;
      // Copied so that a value cut from a parser's chunk does not keep the chunk alive.
      this.shapes.push({ head: copy(head), mid: copy(mid), tail: copy(tail), numbers });
      this.shapeIds.set(copy(key), s);
    }
    this.use(s);
    this.stored(s);
    this.put(k, s, a, b);
    if (numbers !== 0) this.remember(text, s1, s, numbers === 2 ? a : -1);
  }

  /**
   * Stores `text` when it is the remembered prefix, a plain number and the remembered tail (the caller checked
   * the prefix); false when it is not, and the full reading must decide. The prefix ends in a non-digit or is
   * empty, and the tail holds no digit, so the number read is exactly the value's last run of digits, and the run
   * before it (in the prefix) is the one the prefix was cut from: the full reading would give the same shape.
   */
  private samePrefix(k: number, text: string): boolean {
    const start = this.prefix!.length;
    let i = start;
    let v = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) v = v * 10 + c - 48;
    const n = i - start;
    if (n === 0 || n > 9 || (n > 1 && text.charCodeAt(start) === 48)) return false;
    if (text.length - i !== this.prefixTail.length || !text.endsWith(this.prefixTail)) return false;
    this.stored(this.prefixShape);
    if (this.prefixA >= 0) this.put(k, this.prefixShape, this.prefixA, v);
    else this.put(k, this.prefixShape, v, 0);
    return true;
  }

  /** Remembers a shaped value's prefix (up to its last run of digits, which starts at `last`). */
  private remember(text: string, last: number, shape: number, a: number): void {
    if (shape === this.prefixShape && a === this.prefixA && this.prefix !== undefined) return;
    this.prefix = copy(text.slice(0, last));
    this.prefixShape = shape;
    this.prefixTail = this.shapes[shape]!.tail;
    this.prefixA = a;
  }

  /** Counts a value stored with shape `id`. */
  private stored(id: number): void {
    this.shaped++;
    if (id > FEW_SHAPES) this.lateUses++;
  }

  /** Whether new shapes have stopped paying for themselves (see FEW_SHAPES). */
  private saturated(): boolean {
    const n = this.shapes.length;
    if (n <= FEW_SHAPES) return false;
    const late = n - FEW_SHAPES - 1;
    return this.shaped < n * VALUES_PER_SHAPE || (late >= LATE_TRIAL && this.lateUses < late * 2);
  }

  /** Moves shape `id` to the front of `recent`. */
  private use(id: number): void {
    const recent = this.recent;
    let r = 0;
    while (r < RECENT - 1 && recent[r] !== id) r++;
    for (; r > 0; r--) recent[r] = recent[r - 1]!;
    recent[0] = id;
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

  /**
   * A test of whether value k is one of `values`, as `values.has(String(get(k)))` answers it, that makes no string
   * for a value stored as a shape and numbers or in pages: for a pass over a million values looking for a few.
   * A value equal to one of them stored as a shape has that one's shape (a value's shape is a function of the
   * value: `set` finds it by comparing the recent ones or by its key, never makes a second one for a key); any
   * value may also be in pages (long ones, and all once shapes stop repeating), whose bytes are compared.
   */
  oneOf(values: ReadonlySet<string>): (k: number) => boolean {
    // Per shape, the values' first numbers, and per first number their second (0 where the shape has one).
    const shaped = new Map<number, Map<number, Set<number>>>();
    const utf8 = new Map<number, Buffer[]>();
    for (const v of values) {
      const bytes = Buffer.from(v, 'utf8');
      utf8.set(bytes.length, [...(utf8.get(bytes.length) ?? []), bytes]);
      const cut = v.length > 200 ? undefined : shapeKey(v);
      const s = cut === undefined ? undefined : this.shapeIds.get(cut.key);
      if (s === undefined) continue;
      const byA = shaped.get(s) ?? new Map<number, Set<number>>();
      byA.set(cut!.a, (byA.get(cut!.a) ?? new Set()).add(cut!.b));
      shaped.set(s, byA);
    }
    const span: Utf8Span = { bytes: new Uint8Array(0), start: 0, end: 0 };
    return (k) => {
      const s = this.shapeCol?.[k] ?? this.usual;
      if (s === ABSENT) return false;
      const a = this.first?.[k] ?? 0;
      if (s === IN_PAGES && this.pages!.bytesOf(a, span)) {
        const same = utf8.get(span.end - span.start);
        for (const b of same ?? NONE) if (sameBytes(b, span)) return true;
        return false;
      }
      if (s === PLAIN_NUMBER || s === ODD_NUMBER || s === IN_PAGES) return values.has(String(this.get(k)));
      return (
        shaped
          .get(s)
          ?.get(a)
          ?.has(this.second?.[k] ?? 0) ?? false
      );
    };
  }

  private page(k: number, text: string, shape = IN_PAGES): void {
    this.pages ??= new StringPages();
    this.put(k, shape, this.pages.push(text), 0);
  }

  private put(k: number, shape: number, a: number, b: number): void {
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

/** End of the last run of ASCII digits ending at or before `end`, or −1 when there is none. */
function runEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && !isDigit(text.charCodeAt(e - 1))) e--;
  return e === 0 ? -1 : e;
}

/** Start of the run of ASCII digits that ends at `end`. */
function runStart(text: string, end: number): number {
  let b = end;
  while (b > 0 && isDigit(text.charCodeAt(b - 1))) b--;
  return b;
}

/** The run's value when it reads back as written (no leading zero, at most nine digits), else −1. */
function plainNumber(text: string, start: number, end: number): number {
  const n = end - start;
  if (n > 9 || (n > 1 && text.charCodeAt(start) === 48)) return -1;
  let v = 0;
  for (let i = start; i < end; i++) v = v * 10 + text.charCodeAt(i) - 48;
  return v;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * How `set` cuts a value of at most 200 characters: its shape's key and its numbers (b is 0 for a shape with one,
 * both for a shape with none). Kept in step with `set`, which cuts without allocating.
 */
function shapeKey(text: string): { key: string; a: number; b: number } {
  const e1 = runEnd(text, text.length);
  const s1 = e1 < 0 ? -1 : runStart(text, e1);
  const v1 = s1 < 0 ? -1 : plainNumber(text, s1, e1);
  const e0 = v1 < 0 ? -1 : runEnd(text, s1);
  const s0 = e0 < 0 ? -1 : runStart(text, e0);
  const v0 = s0 < 0 ? -1 : plainNumber(text, s0, e0);
  const numbers = v0 >= 0 ? 2 : v1 >= 0 ? 1 : 0;
  const headEnd = numbers === 2 ? s0 : numbers === 1 ? s1 : text.length;
  const head = text.slice(0, headEnd);
  const mid = numbers === 2 ? text.slice(e0, s1) : '';
  const tail = numbers === 0 ? '' : text.slice(e1);
  return {
    key: `${numbers}\u0000${head}\u0000${mid}\u0000${tail}`,
    a: numbers === 2 ? v0 : numbers === 1 ? v1 : 0,
    b: numbers === 2 ? v1 : 0,
  };
}

const NONE: readonly Buffer[] = [];

/** Whether `bytes` are the bytes `span` points at (of the same length). */
function sameBytes(bytes: Uint8Array, span: Utf8Span): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== span.bytes[span.start + i]) return false;
  return true;
}

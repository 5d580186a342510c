/**
 * The byte loops under the Telegram scanner: they find where one JSON value ends, resumably across chunks. They
 * track only strings, escapes and bracket nesting — structural characters are ASCII and UTF-8 continuation bytes
 * are ≥ 0x80, so raw bytes are safe — and keep the nesting in a typed array instead of recursing, so a document
 * nested 200,000 deep costs 200 KB, not the stack. About 95% of a large export's bytes pass through `object`.
 */

const QUOTE = 0x22;
const BSL = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACK = 0x5b;
const RBRACK = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Returned by `value` when the value is a literal (number, true, false, null): the caller scans it itself. */
export const LITERAL = -2;
/** Bounds the nesting array's memory (1 byte per level) for hostile files. */
export const MAX_NESTING = 1_000_000;

/** Reports a byte the scan cannot get past; never returns. */
export type Fail = (kind: 'syntax' | 'too-deep', message: string, i: number) => never;

/** Where `object` is among the message object's own members (depth 1). */
enum Ph {
  First,
  Key,
  KeyStr,
  Colon,
  Value,
  Bad,
}

/** The state of the value being scanned; `reset` before each value. */
export class SpanScanner {
  /** Deepest nesting seen in the current value. */
  peak = 0;
  /**
   * For `object`: 4 absolute offsets per top-level member in `fields[0 .. fieldCount)` — key start (its opening
   * quote), key end (past its closing quote), value start (past the colon), value end (at the comma or brace).
   */
  readonly fields: number[] = [];
  fieldCount = 0;
  /** For `object`: why the object is not valid JSON at its top level. */
  bad: string | undefined;
  private depth = 0;
  private inStr = false;
  private escPending = false;
  private ph = Ph.First;
  private types = new Uint8Array(64);

  constructor(private readonly fail: Fail) {}

  reset(): void {
    this.peak = 0;
    this.fieldCount = 0;
    this.bad = undefined;
    this.depth = 0;
    this.inStr = false;
    this.escPending = false;
    this.ph = Ph.First;
  }

  /** Scans a value from `i`; returns the index just past its end, -1 when the chunk ran out first, or LITERAL. */
  value(buf: Buffer, i: number, n: number): number {
    let depth = this.depth;
    let inStr = this.inStr;
    if (this.escPending) {
      this.escPending = false;
      i++;
    } else if (depth === 0 && !inStr) {
      const c = buf[i]!;
      if (c !== QUOTE && c !== LBRACE && c !== LBRACK) {
        if (startsLiteral(c)) return LITERAL;
        this.fail('syntax', `expected a value, found ${show(c)}`, i);
      }
    }
    let types = this.types;
    while (i < n) {
      const c = buf[i]!;
      if (inStr) {
        if (c === QUOTE) {
          inStr = false;
          if (depth === 0) return this.done(i + 1);
        } else if (c === BSL) i++;
        i++;
        continue;
      }
      if (c === QUOTE) inStr = true;
      else if (c === LBRACE || c === LBRACK) {
        if (depth === types.length) types = this.grow(i);
        types[depth++] = c;
        if (depth > this.peak) this.peak = depth;
      } else if (c === RBRACE || c === RBRACK) {
        // '}' is '{' + 2 and ']' is '[' + 2.
        if (types[--depth] !== c - 2) this.mismatch(c, types[depth]!, i);
        if (depth === 0) return this.done(i + 1);
      }
      i++;
    }
    if (i > n) this.escPending = true;
    this.depth = depth;
    this.inStr = inStr;
    return -1;
  }

  /**
   * `value` for a message object (from its "{"), also recording where its own members are (see `fields`), so
   * the message can be read without parsing all of it. `base` is the absolute offset of `buf[0]`.
   */
  object(buf: Buffer, i: number, n: number, base: number): number {
    let depth = this.depth;
    let inStr = this.inStr;
    let ph = this.ph;
    let types = this.types;
    const f = this.fields;
    let fc = this.fieldCount;
    if (this.escPending) {
      this.escPending = false;
      i++;
    }
    while (i < n) {
      if (inStr) {
        // Inside a string only a quote or a backslash matters: run through the rest in a tight loop.
        let c = buf[i]!;
        while (c !== QUOTE && c !== BSL) {
          if (++i === n) break;
          c = buf[i]!;
        }
        if (i === n) break;
        if (c === BSL) {
          i += 2;
          continue;
        }
        inStr = false;
        if (ph === Ph.KeyStr) {
          f[fc++] = base + i + 1;
          ph = Ph.Colon;
        }
        i++;
        continue;
      }
      const c = buf[i]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        i++;
        continue;
      }
      if (depth === 1 && ph <= Ph.Colon) {
        // Between the tokens of the message's own members: a key, its colon, or the closing brace.
        if (c === QUOTE && ph !== Ph.Colon) {
          f[fc++] = base + i;
          ph = Ph.KeyStr;
          inStr = true;
          i++;
          continue;
        }
        if (c === COLON && ph === Ph.Colon) {
          f[fc++] = base + i + 1;
          ph = Ph.Value;
          i++;
          continue;
        }
        if (c !== RBRACE || ph !== Ph.First) {
          this.bad ??= `unexpected ${show(c)} in the message object`;
          ph = Ph.Bad;
        }
      }
      if (c === QUOTE) inStr = true;
      else if (c === LBRACE || c === LBRACK) {
        if (depth === types.length) types = this.grow(i);
        types[depth++] = c;
        if (depth > this.peak) this.peak = depth;
      } else if (c === RBRACE || c === RBRACK) {
        if (types[--depth] !== c - 2) this.mismatch(c, types[depth]!, i);
        if (depth === 0) {
          if (ph === Ph.Value) f[fc++] = base + i;
          this.fieldCount = fc;
          return this.done(i + 1);
        }
      } else if (c === COMMA && depth === 1 && ph === Ph.Value) {
        f[fc++] = base + i;
        ph = Ph.Key;
      }
      i++;
    }
    if (i > n) this.escPending = true;
    this.depth = depth;
    this.inStr = inStr;
    this.ph = ph;
    this.fieldCount = fc;
    return -1;
  }

  private done(end: number): number {
    this.depth = 0;
    this.inStr = false;
    return end;
  }

  private mismatch(close: number, open: number, i: number): never {
    return this.fail('syntax', `${show(close)} does not close "${String.fromCharCode(open)}"`, i);
  }

  private grow(i: number): Uint8Array<ArrayBuffer> {
    if (this.types.length >= MAX_NESTING)
      this.fail('too-deep', `JSON nested deeper than ${MAX_NESTING} levels`, i);
    const next = new Uint8Array(Math.min(this.types.length * 2, MAX_NESTING));
    next.set(this.types);
    this.types = next;
    return next;
  }
}

/** Whether `c` can begin a number, `true`, `false` or `null`. */
function startsLiteral(c: number): boolean {
  return c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}

/** Whether `c` can begin a JSON value. */
export function startsValue(c: number): boolean {
  return c === QUOTE || c === LBRACE || c === LBRACK || startsLiteral(c);
}

/** A byte for an error message: the character when printable ASCII, else its hex value. */
export function show(c: number): string {
  return c >= 0x21 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

const UNDER_1000 = Array.from({ length: 1000 }, (_, i) => String(i));
const PADDED_1000 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * A non-negative integer in decimal from a table rather than `String(n)`, whose results V8 keeps in a cache that
 * moves a million locators' digits into the old generation (measured on SMS backups: twice the GC time).
 */
export function decimal(n: number): string {
  return n < 1000 ? UNDER_1000[n]! : decimal(Math.floor(n / 1000)) + PADDED_1000[n % 1000]!;
}

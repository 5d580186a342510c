/**
 * The fast path beside saxes. Nearly every record of a backup is a plain `<sms … />` or `<call … />` on one line
 * with well-formed attributes; this reads those straight from the decoded text, several times faster than saxes'
 * general state machine. It accepts only what it can read exactly as saxes would and saxes would accept without
 * complaint: a space after the element name; ASCII attribute names, each once; quoted values without `<`, raw
 * tabs or line breaks (XML turns those into spaces), characters XML forbids or unpaired surrogates; references
 * limited to the five predefined entities and numeric references to allowed characters; `/>` at the end. Anything
 * else — `<mms>`, comments, processing instructions, CDATA, stray text, the root's end tag, a record cut by the
 * chunk end — stops the scan, and saxes reads on from that point (reader.ts), so every problem is still found and
 * worded by saxes. Line and column are tracked so saxes' positions stay exact after the text it did not see.
 */

/** The attributes the record readers use; the others are checked but not kept. Reused for every record. */
export type FastAttrs = {
  address: string | undefined;
  body: string | undefined;
  contact_name: string | undefined;
  date: string | undefined;
  duration: string | undefined;
  number: string | undefined;
  presentation: string | undefined;
  subject: string | undefined;
  type: string | undefined;
};

/** Receives each record read: its element name, attributes, the line of its `<`, and where it starts and ends. */
export type FastSink = (
  name: 'sms' | 'call',
  attrs: FastAttrs,
  line: number,
  start: number,
  end: number,
) => void;

/** The attributes kept, by slot number; any other attribute is slot -1. */
const SLOT_NAMES = [
  'address',
  'body',
  'contact_name',
  'date',
  'duration',
  'number',
  'presentation',
  'subject',
  'type',
] as const;
const SLOTS: ReadonlyMap<string, number> = new Map(SLOT_NAMES.map((s, i) => [s, i]));

/** The attribute names of the last record of one element, in order: the next record is matched against them. */
interface Shape {
  names: string[];
  slots: number[];
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const EQ = 0x3d;
const SEMI = 0x3b;
const NL = 0x0a;
const CR = 0x0d;
/** `scan`'s record reader gives up: saxes reads this record. */
const GIVE_UP = -1;

/** XML's NameChar, ASCII only (a name with any other character goes to saxes). */
function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x3a
  );
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
}

/** The index of the first character at or after `j` that is not a space or tab (or the text's length). */
function blanks(text: string, j: number): number {
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c !== 0x20 && c !== 0x09) break;
    j++;
  }
  return j;
}

/**
 * `text.startsWith(part, at)` as a loop: the builtin takes a slow path when one string is two-byte (a chunk with an
 * emoji) and the other one-byte, the usual case here.
 */
function startsWith(text: string, at: number, part: string): boolean {
  for (let i = 0; i < part.length; i++) if (text.charCodeAt(at + i) !== part.charCodeAt(i)) return false;
  return true;
}

/** XML 1.0's Char production, for numeric character references. */
function isXmlChar(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0xd7ff) ||
    c === 0x0a ||
    c === 0x09 ||
    c === 0x0d ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** Reads plain records; see the file comment. Positions are absolute offsets in UTF-16 units, as saxes counts. */
export class FastScanner {
  /** The line at the scan position. */
  line = 1;
  /** An absolute offset on the current line and saxes' column there (a surrogate pair counts once). */
  private anchor = 0;
  private anchorColumn = 0;
  private readonly attrs: FastAttrs = {
    address: undefined,
    body: undefined,
    contact_name: undefined,
    date: undefined,
    duration: undefined,
    number: undefined,
    presentation: undefined,
    subject: undefined,
    type: undefined,
  };
  private readonly shapes: Record<'sms' | 'call', Shape> = {
    sms: { names: [], slots: [] },
    call: { names: [], slots: [] },
  };
  // Where `record` has got to; committed to `line`/`anchor` only when the record is read whole.
  private recLine = 1;
  private recAnchor = 0;

  constructor(private readonly sink: FastSink) {}

  /** Starts tracking at absolute offset `at`, where saxes says the line and column are. */
  seed(line: number, column: number, at: number): void {
    this.line = line;
    this.anchor = at;
    this.anchorColumn = column;
  }

  /** Saxes' column at absolute offset `at` of `text` (which starts at `base`); `at` must lie on the current line. */
  columnAt(text: string, base: number, at: number): number {
    let column = this.anchorColumn + (at - this.anchor);
    // Only fully read text lies between the anchor and `at`, so every high surrogate there starts a pair.
    for (let i = Math.max(0, this.anchor - base); i < at - base; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) column--;
    }
    return column;
  }

  /** Moves the anchor to the end of `text` (so the next chunk need not look back) and returns the column there. */
  endChunk(text: string, base: number): number {
    const end = base + text.length;
    this.anchorColumn = this.columnAt(text, base, end);
    this.anchor = end;
    return this.anchorColumn;
  }

  /**
   * Reads records and the white space between them from `text[from]` on (`text` starts at absolute offset `base`).
   * Returns where it stopped: `text.length` when everything was read, else the index of the first character saxes
   * must read (the `<` of a record it gave up on, or the first character that is not white space between records).
   */
  scan(text: string, base: number, from: number): number {
    const n = text.length;
    let i = from;
    for (;;) {
      let c = 0;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === 0x20 || c === 0x09) i++;
        else if (c === NL) this.newline(base + ++i);
        else if (c === CR) {
          // A CR at the chunk end may be half of CR LF: saxes carries it over, so it reads from here.
          if (i + 1 === n) return i;
          i += text.charCodeAt(i + 1) === NL ? 2 : 1;
          this.newline(base + i);
        } else break;
      }
      if (i === n || c !== LT) return i;
      const end = this.record(text, base, i);
      if (end === GIVE_UP) return i;
      this.line = this.recLine;
      if (this.recAnchor !== -1) {
        this.anchor = this.recAnchor;
        this.anchorColumn = 0;
      }
      i = end;
    }
  }

  private newline(at: number): void {
    this.line++;
    this.anchor = at;
    this.anchorColumn = 0;
  }

  /** One record from its `<`: hands it to the sink and returns the index after its `/>`, or GIVE_UP. */
  private record(text: string, base: number, start: number): number {
    const n = text.length;
    // Every read below stays inside the text: reading past its end would make V8 deoptimise this loop.
    if (start + 6 >= n) return GIVE_UP;
    let name: 'sms' | 'call';
    let j: number;
    if (
      text.charCodeAt(start + 1) === 0x73 &&
      text.charCodeAt(start + 2) === 0x6d &&
      text.charCodeAt(start + 3) === 0x73
    ) {
      name = 'sms';
      j = start + 4;
    } else if (
      text.charCodeAt(start + 1) === 0x63 &&
      text.charCodeAt(start + 2) === 0x61 &&
      text.charCodeAt(start + 3) === 0x6c &&
      text.charCodeAt(start + 4) === 0x6c
    ) {
      name = 'call';
      j = start + 5;
    } else return GIVE_UP;
    // saxes takes the record's line where the name ends; a space keeps it on the line of the `<`.
    const after = text.charCodeAt(j);
    if (after !== 0x20 && after !== 0x09) return GIVE_UP;
    const line = this.line;
    this.recLine = line;
    this.recAnchor = -1;
    const a = this.attrs;
    a.address = a.body = a.contact_name = a.date = a.duration = undefined;
    a.number = a.presentation = a.subject = a.type = undefined;
    const shape = this.shapes[name];
    let names: string[] | undefined;
    let slots: number[] | undefined;
    let k = 0;
    for (;;) {
      // White space before the next attribute or the end of the tag; an attribute needs at least one.
      const spaceFrom = j;
      let c = 0;
      for (; j < n; j++) {
        c = text.charCodeAt(j);
        if (c === NL || c === CR) {
          if (c === CR && j + 1 < n && text.charCodeAt(j + 1) === NL) j++;
          this.recLine++;
          this.recAnchor = base + j + 1;
        } else if (c !== 0x20 && c !== 0x09) break;
      }
      if (j + 1 >= n) return GIVE_UP;
      if (c === SLASH) {
        if (text.charCodeAt(j + 1) !== GT) return GIVE_UP;
        j += 2;
        break;
      }
      if (j === spaceFrom || !isNameStart(c)) return GIVE_UP;
      // The name: most records repeat the previous record's names in the same order.
      const nameStart = j;
      let slot = -1;
      const expected = names === undefined && k < shape.names.length ? shape.names[k]! : undefined;
      if (expected !== undefined && j + expected.length < n && startsWith(text, j, expected)) {
        const len = expected.length;
        if (!isNameChar(text.charCodeAt(j + len))) {
          slot = shape.slots[k]!;
          j += len;
        }
      }
      if (j === nameStart) {
        for (j++; j < n; j++) if (!isNameChar(text.charCodeAt(j))) break;
        if (j >= n || text.charCodeAt(j) >= 0x80) return GIVE_UP;
        const attr = text.slice(nameStart, j);
        if (names === undefined || slots === undefined) {
          names = shape.names.slice(0, k);
          slots = shape.slots.slice(0, k);
        }
        // A repeated attribute is a fatal error saxes words itself. (Hundreds of attributes: saxes reads them.)
        if (names.length > 100 || names.includes(attr)) return GIVE_UP;
        slot = SLOTS.get(attr) ?? -1;
        names.push(attr);
        slots.push(slot);
      }
      j = blanks(text, j);
      if (j >= n || text.charCodeAt(j) !== EQ) return GIVE_UP;
      j = blanks(text, j + 1);
      const quote = j < n ? text.charCodeAt(j) : 0;
      if (quote !== 0x22 && quote !== 0x27) return GIVE_UP;
      const end = this.value(text, j + 1, quote, slot);
      if (end === GIVE_UP) return GIVE_UP;
      j = end + 1;
      k++;
    }
    if (names !== undefined && slots !== undefined) {
      // Copied: a name sliced from the chunk would keep the whole chunk alive.
      shape.names = names.map((s) => (s.length < 13 ? s : ` ${s}`.slice(1)));
      shape.slots = slots;
    }
    this.sink(name, a, line, base + start, base + j);
    return j;
  }

  /** Reads a value from `from` to its closing `quote` into `slot`; returns the quote's index or GIVE_UP. */
  private value(text: string, from: number, quote: number, slot: number): number {
    const n = text.length;
    let j = from;
    let decoded: string | undefined;
    let piece = from;
    for (;;) {
      if (j >= n) return GIVE_UP;
      const c = text.charCodeAt(j);
      if (c === quote) break;
      if (c < 0x3d) {
        if (c === AMP) {
          const ref = reference(text, j);
          if (ref === undefined) return GIVE_UP;
          if (slot !== -1) decoded = `${decoded ?? ''}${text.slice(piece, j)}${ref}`;
          j = text.indexOf(';', j) + 1;
          piece = j;
          continue;
        }
        if (c < 0x20 || c === LT) return GIVE_UP;
      } else if (c >= 0xd800) {
        if (c <= 0xdbff) {
          if (j + 1 >= n) return GIVE_UP;
          const d = text.charCodeAt(j + 1);
          if (!(d >= 0xdc00 && d <= 0xdfff)) return GIVE_UP;
          j++;
        } else if (c <= 0xdfff || c >= 0xfffe) return GIVE_UP;
      }
      j++;
    }
    if (slot !== -1)
      this.keep(slot, decoded === undefined ? text.slice(from, j) : decoded + text.slice(piece, j));
    return j;
  }

  /** Stores a kept attribute under its own name (a switch: a computed key would make every store slow). */
  private keep(slot: number, v: string): void {
    const a = this.attrs;
    switch (slot) {
      case 0:
        a.address = v;
        break;
      case 1:
        a.body = v;
        break;
      case 2:
        a.contact_name = v;
        break;
      case 3:
        a.date = v;
        break;
      case 4:
        a.duration = v;
        break;
      case 5:
        a.number = v;
        break;
      case 6:
        a.presentation = v;
        break;
      case 7:
        a.subject = v;
        break;
      default:
        a.type = v;
    }
  }
}

/** The character a reference at `amp` stands for, or undefined when saxes would complain or it is cut off. */
function reference(text: string, amp: number): string | undefined {
  // Long enough for any reference accepted here; one nearer the end is left to saxes.
  if (amp + 12 >= text.length) return undefined;
  const c = text.charCodeAt(amp + 1);
  if (c === 0x23) {
    let code = 0;
    let i = amp + 2;
    const hex = text.charCodeAt(i) === 0x78;
    if (hex) i++;
    const first = i;
    for (; i - first <= 7; i++) {
      const d = text.charCodeAt(i);
      let v: number;
      if (d >= 0x30 && d <= 0x39) v = d - 0x30;
      else if (hex && d >= 0x61 && d <= 0x66) v = d - 0x57;
      else if (hex && d >= 0x41 && d <= 0x46) v = d - 0x37;
      else break;
      code = code * (hex ? 16 : 10) + v;
    }
    if (i === first || i - first > 7 || text.charCodeAt(i) !== SEMI || !isXmlChar(code)) return undefined;
    return String.fromCodePoint(code);
  }
  if (c === 0x61) {
    if (text.startsWith('amp;', amp + 1)) return '&';
    if (text.startsWith('apos;', amp + 1)) return "'";
  } else if (c === 0x6c) {
    if (text.startsWith('lt;', amp + 1)) return '<';
  } else if (c === 0x67) {
    if (text.startsWith('gt;', amp + 1)) return '>';
  } else if (c === 0x71) {
    if (text.startsWith('quot;', amp + 1)) return '"';
  }
  return undefined;
}

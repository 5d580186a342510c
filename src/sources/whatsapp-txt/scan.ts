/**
 * The WhatsApp header grammar as a hand-written scanner. It runs on every line of files with millions of lines,
 * so it reads the line's UTF-8 bytes in place (no line is decoded to be scanned) and writes its findings into its
 * own fields instead of allocating a match. Positions are byte offsets.
 *
 * Grammar (marks = BOM, LRM/RLM, bidi embeddings and isolates, skipped anywhere in the header because exports
 * and concatenations put them at line starts, inside `[` and before names; spaces = space, NBSP, U+202F, U+2009;
 * in UTF-8 every mark is three bytes, E2 80 8E–8F, E2 80 AA–AE, E2 81 A6–A9 or EF BB BF, and the spaces other
 * than 0x20 are C2 A0, E2 80 AF and E2 80 89):
 *   [ "[" ] N sep N sep N [ "." ] [ "," ] space+ [ ("klo" | "à") space+ ] H (":"|".") MM [ (":"|".") SS ] [ am/pm ]
 *   then one framing:  "]" (iOS) | space+ "-" (Android) | ":" (old) | space+ (bare, "13. 6. 2018. 21:25 a: m")
 * N is 1–4 digits and `sep` one of `/ . -` (the same both times, optionally followed by spaces); am/pm is
 * `a`/`p`, an optional dot, optional spaces, `m`, an optional dot (`PM`, `p.m.`, `p. m.`, `am`).
 *
 * Arabic-language phones write the same grammar in Arabic-Indic digits (U+0660–U+0669), with an RLM after each
 * date number, the Arabic comma U+060C and ص / م for AM / PM: `٢٤‏/٤‏/٢٠٢٢، ٢:٠٧ م - Name: text`; Persian and
 * Urdu ones in Extended Arabic-Indic digits (U+06F0–U+06F9). Those digits are two bytes, D9 A0–A9 and DB B0–B9:
 * a line whose stamp starts with such a lead byte is read by `nativeStamp`, a separate path, so that ASCII
 * headers (nearly every line of nearly every export) never test for them. One header uses one digit set.
 */

/** How the time stamp is separated from the rest of the line. */
export const Framing = { Bracket: 0, Dash: 1, Colon: 2, Bare: 3 } as const;
export type Framing = (typeof Framing)[keyof typeof Framing];

/** Scan outcome: no date at the line start, a date-like start that fails the grammar, or a full header. */
export const Scan = { NotDate: 0, DateLike: 1, Header: 2 } as const;
export type Scan = (typeof Scan)[keyof typeof Scan];

/** True for the invisible marks that must not break matching (they stay in message text, except BOMs). */
export function isMark(c: number): boolean {
  return (
    c >= 0x200e &&
    (c === 0xfeff || c <= 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
  );
}

/** `s` without its invisible marks (`isMark`), for reading a line's text as the scanner reads its bytes. */
export function withoutMarks(s: string): string {
  let out = '';
  for (const ch of s) if (!isMark(ch.charCodeAt(0))) out += ch;
  return out;
}

/**
 * The length of the mark whose UTF-8 bytes start at `b[i]` (3), or 0. Reads no further than the first byte that
 * differs, so it stops at a line break.
 */
export function markAt(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === 0xe2) {
    const d = b[i + 1];
    if (d === 0x80) {
      const e = b[i + 2]!;
      return e === 0x8e || e === 0x8f || (e >= 0xaa && e <= 0xae) ? 3 : 0;
    }
    if (d === 0x81) {
      const e = b[i + 2]!;
      return e >= 0xa6 && e <= 0xa9 ? 3 : 0;
    }
    return 0;
  }
  return c === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf ? 3 : 0;
}

/** The length of the space whose UTF-8 bytes start at `b[i]` (space 1, NBSP 2, U+202F and U+2009 3), or 0. */
export function spaceAt(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === 0x20) return 1;
  if (c === 0xc2) return b[i + 1] === 0xa0 ? 2 : 0;
  if (c === 0xe2 && b[i + 1] === 0x80) {
    const e = b[i + 2];
    return e === 0xaf || e === 0x89 ? 3 : 0;
  }
  return 0;
}

/** The longest line start (to where the time starts) whose date the scanner remembers. */
const MEMO = 48;

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A reusable scanner; after `scan` returns `Scan.Header` its fields describe the header. */
export class HeaderScanner {
  /** The three date fields in the order written, and their digit counts. */
  p0 = 0;
  p1 = 0;
  p2 = 0;
  w0 = 0;
  w1 = 0;
  w2 = 0;
  /** The date separator's char code. */
  sep = 0;
  hour = 0;
  minute = 0;
  /** -1 when the stamp has no seconds. */
  second = -1;
  /** 0 none, 1 AM, 2 PM. */
  ampm = 0;
  /** True when the stamp is written in Arabic-Indic or Extended Arabic-Indic digits. */
  native = false;
  framing: Framing = Framing.Dash;
  /** Where the stamp starts, its date ends, and the stamp ends in the line (byte offsets, for quoting it). */
  stampStart = 0;
  dateEnd = 0;
  stampEnd = 0;
  /** Where the author or system text starts (a byte offset). */
  restStart = 0;

  /** Date field `k` (0–2) as written. */
  field(k: number): number {
    return k === 0 ? this.p0 : k === 1 ? this.p1 : this.p2;
  }

  /** How many digits date field `k` had. */
  digits(k: number): number {
    return k === 0 ? this.w0 : k === 1 ? this.w1 : this.w2;
  }

  /** The number just read by `number` and its digit count. */
  private v = 0;
  private w = 0;
  /** Whether the blanks just skipped by `blanks` held a space (not only marks). */
  private spaced = false;
  // The bytes from the start of the last header whose date was read to where its time starts, and what they
  // gave: consecutive messages mostly share their date, and a line that starts with the same bytes (and then a
  // digit, where the time starts) is in the same state there, so its date need not be read again.
  private readonly memo = new Uint8Array(MEMO);
  private memoLength = 0;
  private memoBracket = false;
  private memoStamp = 0;
  private memoDateEnd = 0;
  private memoFields = [0, 0, 0, 0, 0, 0, 0];

  /**
   * Scans the line `b[start, end)` (UTF-8). `b[end]` must be readable and a byte below 0x20 (the line break, or
   * one placed after the line): such a byte is neither a digit, a space nor a mark, so every loop stops there and
   * needs no bound check.
   */
  scan(b: Uint8Array, start: number, end: number): Scan {
    this.native = false;
    const known = this.memoLength;
    if (known !== 0 && start + known < end) {
      const c = b[start + known]!;
      if (c >= 0x30 && c <= 0x39 && this.startsLikeMemo(b, start)) {
        const f = this.memoFields;
        this.p0 = f[0]!;
        this.p1 = f[1]!;
        this.p2 = f[2]!;
        this.w0 = f[3]!;
        this.w1 = f[4]!;
        this.w2 = f[5]!;
        this.sep = f[6]!;
        this.stampStart = start + this.memoStamp;
        this.dateEnd = start + this.memoDateEnd;
        return this.time(b, start + known, end, this.memoBracket);
      }
    }
    let i = skipMarks(b, start);
    const bracket = b[i] === 0x5b; // [
    if (bracket) i = skipMarks(b, i + 1);
    this.stampStart = i;
    i = this.number(b, i);
    if (this.w === 0) {
      const c = b[i];
      return c === 0xd9 || c === 0xdb ? this.nativeStamp(b, i, end, bracket) : Scan.NotDate;
    }
    if (this.w > 4) return Scan.NotDate;
    this.p0 = this.v;
    this.w0 = this.w;
    const sep = b[i]!;
    if (sep !== 0x2f && sep !== 0x2e && sep !== 0x2d) return Scan.NotDate; // / . -
    this.sep = sep;
    i = this.number(b, skipSpaces(b, i + 1));
    if (this.w === 0 || this.w > 4 || b[i] !== sep) return Scan.NotDate;
    this.p1 = this.v;
    this.w1 = this.w;
    i = this.number(b, skipSpaces(b, i + 1));
    if (this.w === 0 || this.w > 4) return Scan.NotDate;
    this.p2 = this.v;
    this.w2 = this.w;
    this.dateEnd = i;
    // From here on the line starts like a date: failures are "date-like", worth a warning on a continuation.
    if (b[i] === 0x2e) i++;
    if (b[i] === 0x2c) i++;
    i = this.blanks(b, i);
    if (!this.spaced) return Scan.DateLike;
    if (b[i] === 0x6b && b[i + 1] === 0x6c && b[i + 2] === 0x6f) {
      // klo
      i = this.blanks(b, i + 3);
      if (!this.spaced) return Scan.DateLike;
    } else if (b[i] === 0xc3 && b[i + 1] === 0xa0) {
      // à (U+00E0, C3 A0): French Android, "26/09/2019 à 22:39 - Name: text"
      i = this.blanks(b, i + 2);
      if (!this.spaced) return Scan.DateLike;
    }
    const c = b[i]!;
    if (c >= 0x30 && c <= 0x39 && i - start <= MEMO) this.remember(b, start, i, bracket);
    return this.time(b, i, end, bracket);
  }

  /** True when `b` starts at `start` with the bytes remembered. */
  private startsLikeMemo(b: Uint8Array, start: number): boolean {
    const memo = this.memo;
    for (let k = this.memoLength - 1; k >= 0; k--) if (b[start + k] !== memo[k]) return false;
    return true;
  }

  /** Remembers the line start `b[start, at)` before the time, and the date it gave. */
  private remember(b: Uint8Array, start: number, at: number, bracket: boolean): void {
    for (let k = start; k < at; k++) this.memo[k - start] = b[k]!;
    this.memoLength = at - start;
    this.memoBracket = bracket;
    this.memoStamp = this.stampStart - start;
    this.memoDateEnd = this.dateEnd - start;
    const f = this.memoFields;
    f[0] = this.p0;
    f[1] = this.p1;
    f[2] = this.p2;
    f[3] = this.w0;
    f[4] = this.w1;
    f[5] = this.w2;
    f[6] = this.sep;
  }

  /** Scans the time, from `b[i]` on, and what follows it. */
  private time(b: Uint8Array, i: number, end: number, bracket: boolean): Scan {
    i = this.number(b, i);
    let c = b[i];
    if (this.w === 0 || this.w > 2 || (c !== 0x3a && c !== 0x2e)) return Scan.DateLike;
    this.hour = this.v;
    i = this.number(b, i + 1);
    if (this.w !== 2) return Scan.DateLike;
    this.minute = this.v;
    this.second = -1;
    c = b[i];
    const d = b[i + 1]!;
    if ((c === 0x3a || c === 0x2e) && d >= 0x30 && d <= 0x39) {
      i = this.number(b, i + 1);
      if (this.w !== 2) return Scan.DateLike;
      this.second = this.v;
    }
    i = this.amPm(b, i);
    this.stampEnd = i;
    return this.framingAfterStamp(b, i, end, bracket);
  }

  /** Reads a number from `b[i]` on, skipping marks, into `v` and `w`; returns the position after it. */
  private number(b: Uint8Array, i: number): number {
    let v = 0;
    let w = 0;
    for (;;) {
      const c = b[i]!;
      if (c >= 0x30 && c <= 0x39) {
        v = v * 10 + c - 0x30;
        w++;
        i++;
      } else {
        const k = c >= 0xe2 ? markAt(b, i) : 0;
        if (k === 0) break;
        i += k;
      }
    }
    this.v = v;
    this.w = w;
    return i;
  }

  /** Skips spaces and marks from `b[i]` on, setting `spaced` when there was a space; returns where they end. */
  private blanks(b: Uint8Array, i: number): number {
    let spaced = false;
    for (;;) {
      const c = b[i]!;
      if (c === 0x20) {
        spaced = true;
        i++;
      } else if (c < 0xc2) break;
      else {
        const s = spaceAt(b, i);
        if (s !== 0) spaced = true;
        const k = s || markAt(b, i);
        if (k === 0) break;
        i += k;
      }
    }
    this.spaced = spaced;
    return i;
  }

  /** Reads an optional AM/PM marker into `ampm`; returns the position after it (unchanged when absent). */
  private amPm(b: Uint8Array, i: number): number {
    this.ampm = 0;
    let j = skipSpaces(b, i);
    const a = b[j]! | 0x20;
    if (a !== 0x61 && a !== 0x70) return i; // a, p
    if (b[++j] === 0x2e) j++;
    j = skipSpaces(b, j);
    if ((b[j]! | 0x20) !== 0x6d) return i; // m
    if (b[++j] === 0x2e) j++;
    if (isAsciiLetter(b[j]!)) return i;
    this.ampm = a === 0x61 ? 1 : 2;
    return j;
  }

  /**
   * The stamp in Arabic-Indic or Extended Arabic-Indic digits, from its first digit at `b[i]` (lead byte D9 or DB)
   * on, and what follows it: the ASCII grammar with these digits, the Arabic comma besides `,`, and ص / م besides
   * the Latin AM/PM markers. No date is remembered: the memo is for ASCII lines.
   */
  private nativeStamp(b: Uint8Array, i: number, end: number, bracket: boolean): Scan {
    const lead = b[i]!;
    const zero = lead === 0xd9 ? 0xa0 : 0xb0;
    i = this.nativeNumber(b, i, lead, zero);
    if (this.w === 0 || this.w > 4) return Scan.NotDate;
    this.p0 = this.v;
    this.w0 = this.w;
    const sep = b[i]!;
    if (sep !== 0x2f && sep !== 0x2e && sep !== 0x2d) return Scan.NotDate; // / . -
    this.sep = sep;
    i = this.nativeNumber(b, skipSpaces(b, i + 1), lead, zero);
    if (this.w === 0 || this.w > 4 || b[i] !== sep) return Scan.NotDate;
    this.p1 = this.v;
    this.w1 = this.w;
    i = this.nativeNumber(b, skipSpaces(b, i + 1), lead, zero);
    if (this.w === 0 || this.w > 4) return Scan.NotDate;
    this.p2 = this.v;
    this.w2 = this.w;
    this.dateEnd = i;
    if (b[i] === 0x2e) i++;
    if (b[i] === 0x2c) i++;
    else if (b[i] === 0xd8 && b[i + 1] === 0x8c) i += 2; // ، (U+060C)
    i = this.blanks(b, i);
    if (!this.spaced) return Scan.DateLike;
    i = this.nativeNumber(b, i, lead, zero);
    let c = b[i];
    if (this.w === 0 || this.w > 2 || (c !== 0x3a && c !== 0x2e)) return Scan.DateLike;
    this.hour = this.v;
    i = this.nativeNumber(b, i + 1, lead, zero);
    if (this.w !== 2) return Scan.DateLike;
    this.minute = this.v;
    this.second = -1;
    c = b[i];
    if ((c === 0x3a || c === 0x2e) && b[i + 1] === lead && isDigitByte(b[i + 2]!, zero)) {
      i = this.nativeNumber(b, i + 1, lead, zero);
      if (this.w !== 2) return Scan.DateLike;
      this.second = this.v;
    }
    i = this.nativeAmPm(b, i);
    this.stampEnd = i;
    this.native = true;
    return this.framingAfterStamp(b, i, end, bracket);
  }

  /**
   * `number` for two-byte digits `lead` `zero`…`zero + 9`, skipping marks. A loop of its own rather than a
   * digit test passed to `number`: that one reads every header of every chat, and stays one byte compare a digit.
   */
  private nativeNumber(b: Uint8Array, i: number, lead: number, zero: number): number {
    let v = 0;
    let w = 0;
    for (;;) {
      const c = b[i]!;
      if (c === lead && isDigitByte(b[i + 1]!, zero)) {
        v = v * 10 + b[i + 1]! - zero;
        w++;
        i += 2;
      } else {
        const k = c >= 0xe2 ? markAt(b, i) : 0;
        if (k === 0) break;
        i += k;
      }
    }
    this.v = v;
    this.w = w;
    return i;
  }

  /**
   * `amPm` with the Arabic markers too: ص (U+0635, D8 B5) for AM and م (U+0645, D9 85) for PM, each a word of
   * its own (not the first letter of one, such as مساء).
   */
  private nativeAmPm(b: Uint8Array, i: number): number {
    const j = skipSpaces(b, i);
    const c = b[j];
    const d = b[j + 1];
    const ampm = c === 0xd8 && d === 0xb5 ? 1 : c === 0xd9 && d === 0x85 ? 2 : 0;
    if (ampm === 0) return this.amPm(b, i);
    const after = b[j + 2]!;
    if (after >= 0xd8 && after <= 0xdb) {
      this.ampm = 0;
      return i;
    }
    this.ampm = ampm;
    return j + 2;
  }

  private framingAfterStamp(b: Uint8Array, i: number, end: number, bracket: boolean): Scan {
    let j = skipSpaces(b, i);
    const spaced = j > i;
    const c = b[j]!;
    if (c === 0x5d) {
      // ]
      if (!bracket) return Scan.DateLike;
      j++;
      this.framing = Framing.Bracket;
    } else if (bracket) {
      return Scan.DateLike;
    } else if (spaced && (c === 0x2d || (c === 0xe2 && b[j + 1] === 0x80 && b[j + 2] === 0x93))) {
      // - or – (U+2013, E2 80 93)
      j += c === 0x2d ? 1 : 3;
      if (j < end && spaceAt(b, j) === 0) return Scan.DateLike;
      this.framing = Framing.Dash;
    } else if (!spaced && c === 0x3a) {
      // :
      j++;
      if (j < end && spaceAt(b, j) === 0) return Scan.DateLike;
      this.framing = Framing.Colon;
    } else if (spaced && j < end) {
      this.framing = Framing.Bare;
    } else {
      return Scan.DateLike;
    }
    this.restStart = skipSpaces(b, j);
    return Scan.Header;
  }
}

/** True when `c` is the second byte of a two-byte digit whose zero has second byte `zero`. */
function isDigitByte(c: number, zero: number): boolean {
  return c >= zero && c <= zero + 9;
}

/** Skips marks from `b[i]` on; returns where they end. */
function skipMarks(b: Uint8Array, i: number): number {
  for (;;) {
    const k = b[i]! >= 0xe2 ? markAt(b, i) : 0;
    if (k === 0) return i;
    i += k;
  }
}

/** Skips spaces and marks from `b[i]` on (neither occurs at a line break, so no bound check is needed). */
function skipSpaces(b: Uint8Array, i: number): number {
  for (;;) {
    const c = b[i]!;
    if (c === 0x20) i++;
    else {
      const k = c >= 0xc2 ? spaceAt(b, i) || markAt(b, i) : 0;
      if (k === 0) return i;
      i += k;
    }
  }
}

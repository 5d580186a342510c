/**
 * The WhatsApp header grammar as a hand-written scanner. It runs on every line of files with millions of lines,
 * so it reads char codes in place and writes its findings into its own fields instead of allocating a match.
 *
 * Grammar (marks = BOM, LRM/RLM, bidi embeddings and isolates, skipped anywhere in the header because exports
 * and concatenations put them at line starts, inside `[` and before names; spaces = space, NBSP, U+202F, U+2009):
 *   [ "[" ] N sep N sep N [ "." ] [ "," ] space+ [ "klo" space+ ] H (":"|".") MM [ (":"|".") SS ] [ am/pm ]
 *   then one framing:  "]" (iOS) | space+ "-" (Android) | ":" (old) | space+ (bare, "13. 6. 2018. 21:25 a: m")
 * N is 1–4 digits and `sep` one of `/ . -` (the same both times, optionally followed by spaces); am/pm is
 * `a`/`p`, an optional dot, optional spaces, `m`, an optional dot (`PM`, `p.m.`, `p. m.`, `am`).
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

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// The helpers below return the new position and leave other results in these module variables, so that
// scanning allocates nothing. They need no bound checks: a line ends at a line break (or the end of the
// string, where charCodeAt gives NaN), and neither is a digit, space or mark, so every loop stops there.
let spaces = 0;
let value = 0;
let width = 0;

function skipMarks(s: string, i: number): number {
  let c = s.charCodeAt(i);
  while (c >= 0x200e && isMark(c)) c = s.charCodeAt(++i);
  return i;
}

/** Skips spaces and marks, counting the real spaces in `spaces`. */
function skipSpaces(s: string, i: number): number {
  let n = 0;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 0x20) n++;
    else if (c < 0xa0) break;
    else if (isSpace(c)) n++;
    else if (!isMark(c)) break;
    i++;
  }
  spaces = n;
  return i;
}

/** Reads digits (marks between them are skipped) into `value` and `width`. */
function readNumber(s: string, i: number): number {
  let v = 0;
  let w = 0;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      v = v * 10 + (c - 0x30);
      w++;
    } else if (!(c >= 0x200e && isMark(c))) break;
    i++;
  }
  value = v;
  width = w;
  return i;
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
  framing: Framing = Framing.Dash;
  /** Where the stamp starts, its date ends, and the stamp ends in the line (for quoting raw values). */
  stampStart = 0;
  dateEnd = 0;
  stampEnd = 0;
  /** Where the author or system text starts. */
  restStart = 0;

  /** Date field `k` (0–2) as written. */
  field(k: number): number {
    return k === 0 ? this.p0 : k === 1 ? this.p1 : this.p2;
  }

  /** How many digits date field `k` had. */
  digits(k: number): number {
    return k === 0 ? this.w0 : k === 1 ? this.w1 : this.w2;
  }

  /**
   * Scans the line `s[start, end)`: a whole string, or a line inside a chunk of text, in which case `end` must
   * be the position of its line break (see the note on the helpers above).
   */
  scan(s: string, start: number, end: number): Scan {
    let i = skipMarks(s, start);
    const bracket = s.charCodeAt(i) === 0x5b; // [
    if (bracket) i = skipMarks(s, i + 1);
    this.stampStart = i;
    i = readNumber(s, i);
    if (width === 0 || width > 4) return Scan.NotDate;
    this.p0 = value;
    this.w0 = width;
    const sep = s.charCodeAt(i);
    if (sep !== 0x2f && sep !== 0x2e && sep !== 0x2d) return Scan.NotDate; // / . -
    this.sep = sep;
    i = readNumber(s, skipSpaces(s, i + 1));
    if (width === 0 || width > 4 || s.charCodeAt(i) !== sep) return Scan.NotDate;
    this.p1 = value;
    this.w1 = width;
    i = readNumber(s, skipSpaces(s, i + 1));
    if (width === 0 || width > 4) return Scan.NotDate;
    this.p2 = value;
    this.w2 = width;
    this.dateEnd = i;
    // From here on the line starts like a date: failures are "date-like", worth a warning on a continuation.
    if (s.charCodeAt(i) === 0x2e) i++;
    if (s.charCodeAt(i) === 0x2c) i++;
    i = skipSpaces(s, i);
    if (spaces === 0) return Scan.DateLike;
    if (s.charCodeAt(i) === 0x6b && s.startsWith('klo', i)) {
      i = skipSpaces(s, i + 3);
      if (spaces === 0) return Scan.DateLike;
    }
    i = readNumber(s, i);
    if (width === 0 || width > 2) return Scan.DateLike;
    this.hour = value;
    let c = s.charCodeAt(i);
    if (c !== 0x3a && c !== 0x2e) return Scan.DateLike;
    i = readNumber(s, i + 1);
    if (width !== 2) return Scan.DateLike;
    this.minute = value;
    this.second = -1;
    c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    if ((c === 0x3a || c === 0x2e) && d >= 0x30 && d <= 0x39) {
      i = readNumber(s, i + 1);
      if (width !== 2) return Scan.DateLike;
      this.second = value;
    }
    i = this.amPm(s, i);
    this.stampEnd = i;
    return this.framingAfterStamp(s, i, end, bracket);
  }

  /** Reads an optional AM/PM marker into `ampm`; returns the position after it (unchanged when absent). */
  private amPm(s: string, i: number): number {
    this.ampm = 0;
    let j = skipSpaces(s, i);
    const a = s.charCodeAt(j) | 0x20;
    if (a !== 0x61 && a !== 0x70) return i;
    j++;
    if (s.charCodeAt(j) === 0x2e) j++;
    j = skipSpaces(s, j);
    if ((s.charCodeAt(j) | 0x20) !== 0x6d) return i;
    j++;
    if (s.charCodeAt(j) === 0x2e) j++;
    if (isAsciiLetter(s.charCodeAt(j))) return i;
    this.ampm = a === 0x61 ? 1 : 2;
    return j;
  }

  private framingAfterStamp(s: string, i: number, end: number, bracket: boolean): Scan {
    i = skipSpaces(s, i);
    const before = spaces;
    const c = s.charCodeAt(i);
    if (c === 0x5d) {
      // ]
      if (!bracket) return Scan.DateLike;
      i++;
      this.framing = Framing.Bracket;
    } else if (bracket) {
      return Scan.DateLike;
    } else if (before > 0 && (c === 0x2d || c === 0x2013)) {
      i++;
      if (i < end && !isSpace(s.charCodeAt(i))) return Scan.DateLike;
      this.framing = Framing.Dash;
    } else if (before === 0 && c === 0x3a) {
      i++;
      if (i < end && !isSpace(s.charCodeAt(i))) return Scan.DateLike;
      this.framing = Framing.Colon;
    } else if (before > 0 && i < end) {
      this.framing = Framing.Bare;
    } else {
      return Scan.DateLike;
    }
    this.restStart = skipSpaces(s, i);
    return Scan.Header;
  }
}

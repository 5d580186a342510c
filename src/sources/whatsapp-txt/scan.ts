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
   * be the position of its line break. No bound checks are needed before `end`: a line break (or the end of the
   * string, where charCodeAt gives NaN) is neither a digit, a space nor a mark, so every loop stops there.
   * Written as one function with local variables because it runs twice per line of the file; each
   * `for (;; c = s.charCodeAt(++i))` loop reads a number (skipping marks) or skips spaces and marks.
   */
  scan(s: string, start: number, end: number): Scan {
    let i = start;
    let c = s.charCodeAt(i);
    while (c >= 0x200e && isMark(c)) c = s.charCodeAt(++i);
    const bracket = c === 0x5b; // [
    if (bracket) {
      c = s.charCodeAt(++i);
      while (c >= 0x200e && isMark(c)) c = s.charCodeAt(++i);
    }
    this.stampStart = i;
    let v = 0;
    let w = 0;
    for (; ; c = s.charCodeAt(++i)) {
      if (c >= 0x30 && c <= 0x39) {
        v = v * 10 + c - 0x30;
        w++;
      } else if (!(c >= 0x200e && isMark(c))) break;
    }
    if (w === 0 || w > 4) return Scan.NotDate;
    this.p0 = v;
    this.w0 = w;
    const sep = c;
    if (sep !== 0x2f && sep !== 0x2e && sep !== 0x2d) return Scan.NotDate; // / . -
    this.sep = sep;
    c = s.charCodeAt(++i);
    while (c === 0x20 || (c >= 0xa0 && (isSpace(c) || isMark(c)))) c = s.charCodeAt(++i);
    v = 0;
    w = 0;
    for (; ; c = s.charCodeAt(++i)) {
      if (c >= 0x30 && c <= 0x39) {
        v = v * 10 + c - 0x30;
        w++;
      } else if (!(c >= 0x200e && isMark(c))) break;
    }
    if (w === 0 || w > 4 || c !== sep) return Scan.NotDate;
    this.p1 = v;
    this.w1 = w;
    c = s.charCodeAt(++i);
    while (c === 0x20 || (c >= 0xa0 && (isSpace(c) || isMark(c)))) c = s.charCodeAt(++i);
    v = 0;
    w = 0;
    for (; ; c = s.charCodeAt(++i)) {
      if (c >= 0x30 && c <= 0x39) {
        v = v * 10 + c - 0x30;
        w++;
      } else if (!(c >= 0x200e && isMark(c))) break;
    }
    if (w === 0 || w > 4) return Scan.NotDate;
    this.p2 = v;
    this.w2 = w;
    this.dateEnd = i;
    // From here on the line starts like a date: failures are "date-like", worth a warning on a continuation.
    if (c === 0x2e) c = s.charCodeAt(++i);
    if (c === 0x2c) c = s.charCodeAt(++i);
    let n = 0;
    for (; ; c = s.charCodeAt(++i)) {
      if (c === 0x20 || (c >= 0xa0 && isSpace(c))) n++;
      else if (!(c >= 0x200e && isMark(c))) break;
    }
    if (n === 0) return Scan.DateLike;
    if (c === 0x6b && s.startsWith('klo', i)) {
      i += 3;
      n = 0;
      for (c = s.charCodeAt(i); ; c = s.charCodeAt(++i)) {
        if (c === 0x20 || (c >= 0xa0 && isSpace(c))) n++;
        else if (!(c >= 0x200e && isMark(c))) break;
      }
      if (n === 0) return Scan.DateLike;
    }
    v = 0;
    w = 0;
    for (; ; c = s.charCodeAt(++i)) {
      if (c >= 0x30 && c <= 0x39) {
        v = v * 10 + c - 0x30;
        w++;
      } else if (!(c >= 0x200e && isMark(c))) break;
    }
    if (w === 0 || w > 2 || (c !== 0x3a && c !== 0x2e)) return Scan.DateLike;
    this.hour = v;
    v = 0;
    w = 0;
    for (c = s.charCodeAt(++i); ; c = s.charCodeAt(++i)) {
      if (c >= 0x30 && c <= 0x39) {
        v = v * 10 + c - 0x30;
        w++;
      } else if (!(c >= 0x200e && isMark(c))) break;
    }
    if (w !== 2) return Scan.DateLike;
    this.minute = v;
    this.second = -1;
    const d = s.charCodeAt(i + 1);
    if ((c === 0x3a || c === 0x2e) && d >= 0x30 && d <= 0x39) {
      v = 0;
      w = 0;
      for (c = s.charCodeAt(++i); ; c = s.charCodeAt(++i)) {
        if (c >= 0x30 && c <= 0x39) {
          v = v * 10 + c - 0x30;
          w++;
        } else if (!(c >= 0x200e && isMark(c))) break;
      }
      if (w !== 2) return Scan.DateLike;
      this.second = v;
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
    if (a !== 0x61 && a !== 0x70) return i; // a, p
    if (s.charCodeAt(++j) === 0x2e) j++;
    j = skipSpaces(s, j);
    if ((s.charCodeAt(j) | 0x20) !== 0x6d) return i; // m
    if (s.charCodeAt(++j) === 0x2e) j++;
    if (isAsciiLetter(s.charCodeAt(j))) return i;
    this.ampm = a === 0x61 ? 1 : 2;
    return j;
  }

  private framingAfterStamp(s: string, i: number, end: number, bracket: boolean): Scan {
    let j = skipSpaces(s, i);
    const spaced = j > i;
    const c = s.charCodeAt(j);
    if (c === 0x5d) {
      // ]
      if (!bracket) return Scan.DateLike;
      j++;
      this.framing = Framing.Bracket;
    } else if (bracket) {
      return Scan.DateLike;
    } else if (spaced && (c === 0x2d || c === 0x2013)) {
      // - or –
      j++;
      if (j < end && !isSpace(s.charCodeAt(j))) return Scan.DateLike;
      this.framing = Framing.Dash;
    } else if (!spaced && c === 0x3a) {
      // :
      j++;
      if (j < end && !isSpace(s.charCodeAt(j))) return Scan.DateLike;
      this.framing = Framing.Colon;
    } else if (spaced && j < end) {
      this.framing = Framing.Bare;
    } else {
      return Scan.DateLike;
    }
    this.restStart = skipSpaces(s, j);
    return Scan.Header;
  }
}

/** Skips spaces and marks (neither occurs at a line break, so no bound check is needed). */
function skipSpaces(s: string, i: number): number {
  let c = s.charCodeAt(i);
  while (c === 0x20 || (c >= 0xa0 && (isSpace(c) || isMark(c)))) c = s.charCodeAt(++i);
  return i;
}

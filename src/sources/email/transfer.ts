/**
 * Content-Transfer-Encoding: quoted-printable and base64 undone at the byte level, before any charset.
 *
 *   Caf=C3=A9 at n=                 soft line break ("=" at the end of a line joins it to the next)
 *   ine                             → "Café at nine"
 *   w5xiZXJyYXNjaHVuZw==            base64, line breaks and stray characters ignored
 *   SGk=                            base64 padded line by line (some mailers): every padded line is read,
 *   SGk=                            → "HiHi"; a footer after the last padded line (no base64 line) is not
 *   ___________                     text after the base64 (a list footer): base64Extent says where the base64
 *   friends mailing list            ends, and the reader shows the rest as written
 *
 * 7bit, 8bit, binary and unknown encodings (x-uuencode…) pass through unchanged: showing the raw text is
 * better evidence than showing nothing. So does a body declared base64 that is mostly not base64 (`!!!notbase64***`,
 * or plain text under a wrong header): decoding it anyway would show bytes that were never written, so the reader
 * keeps the text as written and says so (see isMostlyNotBase64).
 */

const hexValue = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/** Decodes quoted-printable bytes; a malformed `=` sequence is kept literally. */
export function decodeQuotedPrintable(input: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(input.length);
  let j = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c !== 61) {
      out[j++] = c;
      continue;
    }
    const h = hexValue(input[i + 1] ?? -1);
    const l = hexValue(input[i + 2] ?? -1);
    if (h >= 0 && l >= 0) {
      out[j++] = h * 16 + l;
      i += 2;
      continue;
    }
    // Soft line break, tolerating white space some gateways leave between "=" and the line end.
    let k = i + 1;
    while (input[k] === 32 || input[k] === 9) k++;
    if (input[k] === 13 && input[k + 1] === 10) i = k + 1;
    else if (input[k] === 10) i = k;
    else if (k >= input.length) i = k;
    else out[j++] = c;
  }
  return out.subarray(0, j);
}

/** A line of base64 as a line-by-line encoder writes it: whole groups of four, padding only at its end. */
const PADDED_LINE = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * True when base64 goes on after the padding that ends at `end`: the rest of that line, or else the very next
 * line, is itself whole groups of four (`SGk=`). A blank line ends it (no encoder writes one inside base64), and
 * so does a list footer or signature (spaces, `_`, a word whose length is no multiple of four): they stay unread.
 */
function continuesAfterPadding(text: string, end: number): boolean {
  let start = end;
  while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++;
  if (text.charCodeAt(start) === 13) start++;
  if (text.charCodeAt(start) === 10) start++;
  if (start >= text.length) return false;
  let stop = text.indexOf('\n', start);
  if (stop < 0) stop = text.length;
  const line = text.slice(start, stop).trimEnd();
  return line.length > 0 && line.length % 4 === 0 && PADDED_LINE.test(line);
}

/**
 * Decodes base64 bytes; white space and characters outside the alphabet are ignored, as Node does. Node's
 * decoder stops at the first padding `=`, so a body whose lines are each padded (`SGk=` newline `SGk=`, as some
 * mailers write it) would keep only its first line: each padded group is decoded on its own and the pieces
 * joined. The common body, padded at most at its end, is one call to Node's decoder.
 */
export function decodeBase64(input: Uint8Array): Buffer {
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  let pad = text.indexOf('=');
  if (pad < 0) return Buffer.from(text, 'base64');
  const pieces: Buffer[] = [];
  let from = 0;
  for (;;) {
    let end = pad;
    while (text.charCodeAt(end) === 61) end++;
    if (!continuesAfterPadding(text, end)) break;
    pieces.push(Buffer.from(text.slice(from, end), 'base64'));
    from = end;
    pad = text.indexOf('=', end);
    if (pad < 0) break;
  }
  if (pieces.length === 0) return Buffer.from(text, 'base64');
  pieces.push(Buffer.from(text.slice(from), 'base64'));
  return Buffer.concat(pieces);
}

/** A letter of the base64 alphabet (padding `=` aside). */
export const isBase64Letter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;

/** A character of base64 as written: a letter or the padding `=`. */
const isBase64Char = (c: number): boolean => isBase64Letter(c) || c === 61;

/**
 * True when bytes declared base64 are mostly something else: at least one in ten of their characters is neither
 * in the base64 alphabet nor line-end white space. Line breaks, and spaces or tabs at the start or end of a line
 * (left by gateways), are never counted; a space between two characters of a line is, since an encoder never
 * writes one, and that is what gives away plain text sent under a base64 header. A few stray characters (a
 * footer a list server added, a mangled boundary) stay below the mark and are ignored, as every mail client
 * ignores them. Text made only of base64 letters (`Hello`) cannot be told apart and is decoded.
 */
export function isMostlyNotBase64(input: Uint8Array): boolean {
  let stray = 0;
  let significant = 0;
  // White space since the last character of this line, counted only if another character follows it.
  let gap = 0;
  let lineStarted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === 10 || c === 13) {
      gap = 0;
      lineStarted = false;
    } else if (c === 32 || c === 9) {
      if (lineStarted) gap++;
    } else {
      significant++;
      if (!isBase64Char(c)) stray++;
      stray += gap;
      gap = 0;
      lineStarted = true;
    }
  }
  return stray > 0 && stray * 10 >= significant;
}

/**
 * Where the base64 of a body declared base64 ends: after the leading run of base64 lines, so that text a list
 * server appended to it (a footer, "To unsubscribe…") is not decoded into bytes nobody wrote. A base64 line has
 * no white space inside it and at most one character outside the alphabet (a mangled byte, ignored as before);
 * the run ends at a blank line or the first other line. 0 when the body does not start with base64 at all, or
 * when text follows a run whose characters (padding included) are no whole number of groups of four (`Hello`
 * over plain text), which no encoder writes; a run that is the whole body is taken as base64 cut short.
 */
export function base64Extent(input: Uint8Array): number {
  let end = 0;
  let letters = 0;
  let i = 0;
  // Blank lines before the first line of base64 are allowed (a part's body may start with one).
  while (i < input.length && (input[i] === 10 || input[i] === 13 || input[i] === 32 || input[i] === 9)) i++;
  while (i < input.length) {
    let stop = input.indexOf(10, i);
    if (stop < 0) stop = input.length;
    let a = i;
    let b = stop;
    while (a < b && (input[a] === 32 || input[a] === 9)) a++;
    while (b > a && (input[b - 1] === 13 || input[b - 1] === 32 || input[b - 1] === 9)) b--;
    if (a === b) break;
    let stray = 0;
    let inLine = 0;
    for (let k = a; k < b; k++) {
      const c = input[k]!;
      if (c === 32 || c === 9) stray = 2;
      else if (!isBase64Char(c)) stray++;
      else inLine++;
      if (stray > 1) break;
    }
    if (stray > 1) break;
    letters += inLine;
    end = Math.min(stop + 1, input.length);
    i = stop + 1;
  }
  if (letters % 4 === 0) return end;
  // A run that is the whole body is base64 cut short (mime.ts flags it), not text.
  for (let k = end; k < input.length; k++) {
    const c = input[k]!;
    if (c !== 10 && c !== 13 && c !== 32 && c !== 9) return 0;
  }
  return end;
}

/** Undoes a Content-Transfer-Encoding (`quoted-printable`, `base64`; anything else passes through). */
export function decodeTransfer(input: Uint8Array, encoding: string | undefined): Uint8Array {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'quoted-printable') return decodeQuotedPrintable(input);
  if (e === 'base64') return decodeBase64(input);
  return input;
}

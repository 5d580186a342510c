/**
 * Where libphonenumber-js may find a phone number in a message, so that it reads only those places:
 *
 *   ring me on 07911 123456 ext. 4 after 9      (a window: digits, the library's punctuation, an extension label)
 *   1\u200B2\u200B3\u200B4\u200B…               (hostile: 100,000 digits between zero-width spaces)
 *
 * The library is slow per candidate: each run of digits it tries is parsed, and a failed parse throws (and
 * builds) an error, about 10 µs each. A hostile text makes every digit a candidate: digits between zero-width
 * spaces are read by the redactor a second time with a boundary where each space was (folded.ts), and a
 * boundary is no punctuation to the library, so 100,000 one-digit candidates were parsed in vain (a 200,000
 * character text took about 3 s). So the library is handed the text with what it cannot use masked:
 *
 * - A window is a run of the characters a candidate of the library can hold (its PATTERN: digits, its dashes,
 *   slashes, dots, spaces, brackets, tildes, plus signs, and what an extension adds: labels such as "ext" or
 *   "x", commas, semicolons, colons, `#`, `=`). No candidate spans a character outside them, so each window is
 *   read exactly as in the whole text; the library also looks one character either side of a candidate (a
 *   letter there rejects it) and at the text after it (a time's `:30`), which are left as they are.
 * - A window with fewer than 4 digits holds no phone number (the shortest national number of any country in the
 *   library's metadata has 4 digits) and is masked.
 * - At most `BUDGET` characters of windows per text are handed over, in order; the windows past it are masked
 *   too, and their runs of 7 or more digits (with up to 4 of the library's punctuation between two digits, as
 *   its candidates allow) are taken as phone numbers without the library, split where the library splits a
 *   candidate into two numbers (a slash, a dash with a space beside it, a wide dash, a full stop and a space:
 *   `07911 123456 / 07911 654321`) when each side holds 7 digits or more, so that each number of a long pasted
 *   list is its own `[PHONE]` as within the budget. A message holds far fewer; only a long list or a text built
 *   to stall the redactor gets there, and its numbers are still redacted.
 *
 * The masked text keeps every offset, so what the library finds is where it is in the text.
 */

/** The library's punctuation inside a candidate (libphonenumber-js constants.js: VALID_PUNCTUATION). */
const PUNCTUATION =
  '\\-\\u2010-\\u2015\\u2212\\u30FC\\uFF0D\\uFF0F/\\uFF0E. \\t\\xA0\\xAD\\u200B\\u2060\\u3000()\\uFF08\\uFF09\\uFF3B\\uFF3D\\[\\]~\\u2053\\u223C\\uFF5E';
/** The characters of a candidate: digits, its punctuation, PLUS_CHARS, and what an extension adds. */
const CHARS = `\\p{Nd}${PUNCTUATION}+\\uFF0B,;:=#\\uFF03`;
/** Extension labels (createExtensionPattern.js; the library matches them in any case). */
const LABELS =
  'e?xt(?:ensi(?:o\\u0301?|\\u00F3))?n?|\\uFF45?\\uFF58\\uFF54\\uFF4E?|\\u0434\\u043E\\u0431|anexo|int|\\uFF49\\uFF4E\\uFF54|[x\\uFF58]';
const WINDOW_RE = new RegExp(`(?:[${CHARS}]|${LABELS})+`, 'giu');
const DIGIT_RE = /\p{Nd}/gu;
/** Fewer digits than the shortest national number of any country. */
const MIN_DIGITS = 4;
/** Characters of windows per text that the library reads; a message uses a few dozen. */
export const BUDGET = 10_000;
/** What stands for a masked character: no digit, punctuation or letter, so no candidate starts or runs there. */
const MASK = '\uE002';
/** A number in a window past the budget: 7 or more digits, at most 4 of the library's punctuation between two. */
const UNREAD_NUMBER_RE = new RegExp(`(?:[+\\uFF0B] ?)?\\p{Nd}(?:[${PUNCTUATION}]{0,4}\\p{Nd})*`, 'gu');

/**
 * Where the library breaks a candidate that is no number into two (libphonenumber-js findNumbers
 * INNER_MATCHES): slashes, a dash with a space beside it, a wide dash, full stops then a space.
 */
const SPLIT_RE = /\/+|\s-|-\s|[\u2012-\u2015\uFF0D]|\.+\s/g;

/**
 * The [start, end) spans, from `offset`, of the numbers in `run` (a match of UNREAD_NUMBER_RE): split at each
 * SPLIT_RE break with 7 digits or more either side. Digits are counted once, so a long run is read in linear time.
 */
function splitRun(run: string, offset: number): [number, number][] {
  const spans: [number, number][] = [];
  const total = run.match(DIGIT_RE)?.length ?? 0;
  let start = 0;
  let before = 0; // digits in run[start, scanned)
  let seen = 0; // digits in run[0, scanned)
  let scanned = 0;
  const count = (to: number) => {
    const n = run.slice(scanned, to).match(DIGIT_RE)?.length ?? 0;
    before += n;
    seen += n;
    scanned = to;
  };
  SPLIT_RE.lastIndex = 0;
  for (let b = SPLIT_RE.exec(run); b !== null; b = SPLIT_RE.exec(run)) {
    count(b.index);
    if (before >= 7 && total - seen >= 7) {
      spans.push([offset + start, offset + b.index]);
      start = b.index + b[0].length;
      before = 0;
      scanned = start;
    }
  }
  spans.push([offset + start, offset + run.length]);
  return spans.map(([s, e]) => {
    // The spaces a break leaves at either end of a piece stay in the text.
    const piece = run.slice(s - offset, e - offset);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.length - piece.trimEnd().length;
    return [s + lead, e - trail] as [number, number];
  });
}

/** What the phone library is to read of `text`. */
export interface PhoneWindows {
  /** `text` with everything but the windows to search masked; undefined when there is none. */
  readonly searched: string | undefined;
  /** The [start, end) spans of the numbers in windows past the budget. */
  readonly unread: readonly (readonly [number, number])[];
}

/** The windows of `text` the phone library reads, and the numbers of those it does not. */
export function phoneWindows(text: string, budget = BUDGET): PhoneWindows {
  const parts: string[] = [];
  const unread: [number, number][] = [];
  let at = 0;
  let used = 0;
  WINDOW_RE.lastIndex = 0;
  for (let m = WINDOW_RE.exec(text); m !== null; m = WINDOW_RE.exec(text)) {
    const w = m[0];
    parts.push(text.slice(at, m.index));
    at = m.index + w.length;
    if ((w.match(DIGIT_RE)?.length ?? 0) < MIN_DIGITS) {
      parts.push(MASK.repeat(w.length));
    } else if (used + w.length <= budget) {
      used += w.length;
      parts.push(w);
    } else {
      parts.push(MASK.repeat(w.length));
      UNREAD_NUMBER_RE.lastIndex = 0;
      for (let n = UNREAD_NUMBER_RE.exec(w); n !== null; n = UNREAD_NUMBER_RE.exec(w))
        if ((n[0].match(DIGIT_RE)?.length ?? 0) >= 7) unread.push(...splitRun(n[0], m.index + n.index));
    }
  }
  parts.push(text.slice(at));
  return { searched: used > 0 ? parts.join('') : undefined, unread };
}

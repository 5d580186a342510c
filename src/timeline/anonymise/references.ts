/**
 * Reference numbers that only the word before them tells apart from a phone number, as victims write down what
 * the subject took or used:
 *
 *   he photographed my passport, number 123456789      (UK passport: 9 digits; others 1–2 letters and 6–9 digits,
 *   passport no. 12AB34567 / C01X00T47                   or letters and digits mixed: French, German)
 *   account no: 12345678 / a/c 1234 5678                 (UK bank account: 8 digits; 7 written without
 *   acct 1234567 / account 12345 67890                   its leading 0, and 10 at some building societies)
 *   my UTR is 12345 67890                                 (HMRC Unique Taxpayer Reference: 10 digits, K after it online)
 *
 * Written alone they are runs of 7 or more digits and were all `[PHONE]`, a false label: a researcher counting
 * the phone numbers shared in a case counted identity documents and bank accounts too. They become `[PASSPORT]`,
 * `[ACCOUNT]` and `[UTR]` only where the word is there ("passport", "account", "acc", "acct", "a/c", "UTR",
 * "unique taxpayer reference"), followed by at most two of "no", "number", "nr", "is", "was", "#" and a few
 * separators; the word stays, as a date of birth's "born" does. Without the word they stay `[PHONE]`, since
 * nothing else tells them apart. Every quantifier before the number is bounded, so a long run of spaces or
 * separators after the word is read once.
 */

/** Between the word and the number: separators, and up to two filler words. */
const SEP = '[\\s:#.,\\-]';
const FILLER = '(?:no|nos|number|num|nr|is|was)\\.?';
const MARKER = `(?:${SEP}{1,3}${FILLER}){0,2}${SEP}{1,3}`;
/** Not part of a longer number, a decimal or a word. */
const END = '(?![\\p{L}\\p{N}_]|[.,\\-]\\d)';
const START = '(?<![\\p{L}\\p{N}_])';

/**
 * A passport number of letters and digits in another order (French `12AB34567`, German `C01X00T47`, Spanish
 * `PAA123456`): 6–9 letters and digits, two digits at least, so a word after "passport" ("photos", "B4") is none.
 * The look-ahead bounds the run, so it is read once.
 */
const MIXED = '(?=[A-Za-z\\d]{6,9}(?![\\p{L}\\p{N}_]))(?:[A-Za-z]*\\d){2}[A-Za-z\\d]*';

/** A bank account number: 8 digits, 7 (written without its leading 0) or 10 (some building societies). */
const ACCOUNT_DIGITS = '(?:\\d(?:[ \\-]?\\d){6,7}|\\d(?:[ \\-]?\\d){9})';

/**
 * An account number just after its sort code, once that is `[SORT-CODE]` ("12-34-56 12345678", "40-47-84 / 1234
 * 5678"), as banking apps show them: the sort code names it as surely as the word.
 */
export const ACCOUNT_AFTER_SORT_CODE_RE = new RegExp(
  `(?<=\\[SORT-CODE\\][\\s,;:/]{1,3})${ACCOUNT_DIGITS}${END}`,
  'gu',
);

export type ReferenceKind = 'passport' | 'account' | 'utr';

/** Each kind: the words that name it, then its number (digits in groups of any size, one space or dash apart). */
export const REFERENCE_RES: readonly (readonly [ReferenceKind, RegExp])[] = [
  [
    'passport',
    new RegExp(
      `${START}(?<marker>passport${MARKER})(?:(?:[A-Za-z]{1,2} ?)?\\d(?:[ \\-]?\\d){5,8}|${MIXED})${END}`,
      'giu',
    ),
  ],
  [
    'account',
    new RegExp(`${START}(?<marker>(?:account|acct|acc|a/c)${MARKER})${ACCOUNT_DIGITS}${END}`, 'giu'),
  ],
  [
    'utr',
    new RegExp(
      `${START}(?<marker>(?:utr|unique\\s{1,3}tax\\s{0,3}payer\\s{1,3}reference)${MARKER})\\d(?:[ \\-]?\\d){9}(?:[Kk](?![\\p{L}\\p{N}_]))?${END}`,
      'giu',
    ),
  ],
];

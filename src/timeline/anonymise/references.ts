/**
 * Reference numbers that only the word before them tells apart from a phone number, as victims write down what
 * the subject took or used:
 *
 *   he photographed my passport, number 123456789      (UK passport: 9 digits; others 1–2 letters and 6–9 digits,
 *   passport no. 12AB34567 / C01X00T47                   or letters and digits mixed: French, German)
 *   account no: 12345678 / a/c 1234 5678                 (UK bank account: 8 digits; 7 written without
 *   acct 1234567 / account 12345 67890                   its leading 0, and 10 at some building societies)
 *   my UTR is 12345 67890                                 (HMRC Unique Taxpayer Reference: 10 digits, K after it online)
 *   crime ref 14/123456/24 / police ref: 1234567/24       (a police force's crime or incident reference; forces
 *   CAD 1234 12/03 / incident no. 4521 of 12/03/24        write them differently: a log number and its day, a
 *   ref CRI/06NN/0012345/24 / NFRC240312345678            force code, Action Fraud's NFRC numbers)
 *
 * Written alone they are runs of 7 or more digits and were all `[PHONE]`, a false label: a researcher counting
 * the phone numbers shared in a case counted identity documents and bank accounts too. They become `[PASSPORT]`,
 * `[ACCOUNT]` and `[UTR]` only where the word is there ("passport", "account", "acc", "acct", "a/c", "UTR",
 * "unique taxpayer reference"), followed by at most two of "no", "number", "nr", "is", "was", "#" and a few
 * separators; the word stays, as a date of birth's "born" does. Without the word they stay `[PHONE]`, since
 * nothing else tells them apart. Every quantifier before the number is bounded, so a long run of spaces or
 * separators after the word is read once.
 *
 * A police reference (the crime reference number victims are told to note down) finds the victim's record as
 * surely: it was `[PHONE]` ("crime ref [PHONE]") or, short and dated ("CAD 1234 12/03"), left as written. It is
 * `[REFERENCE]` after "crime", "police", "incident", "case", "log", "occurrence" or "report" with "ref",
 * "reference", "number" or "no" ("crime ref", "incident number"), or after "CAD" (a log number, also with the day
 * it was opened: `CAD 5521`, `1234 12/03`, `CAD1234/12MAR24`). "storm" and "URN" are ordinary words too ("the
 * great storm 1987", "the storm 12/03 was bad"): after them a reference needs "ref", "no" or "number" ("storm ref
 * 0456") or a log number and its day ("STORM 1234 12/03"); after "storm" or "URN" a year alone
 * (1900–2099) is never one, and after a bare "CAD" only where the police are spoken of around it ("rang 999, CAD
 * 2019"; not "learnt CAD 2019 at college"), since a log number runs from 1 each day and is often 4 digits. After a bare "ref" or "reference" only where it holds a slash or a letter and 5
 * digits (`ref 1234567/24`): "for reference 07911 123456" is a phone number, "for reference: 12/03" a date. An
 * Action Fraud number (`NFRC` and digits) needs no word. A reference has 4 digits or more and is never cut
 * from a longer number: one followed by more digits after a space is left to the phone steps.
 */

import { DAY, MONTH } from './dates.js';

/** Between the word and the number: separators, and up to two filler words (parcels.ts reads the same). */
export const SEP = '[\\s:#.,\\-]';
const FILLER = '(?:no|nos|number|num|nr|is|was)\\.?';
const MARKER = `(?:${SEP}{1,3}${FILLER}){0,2}${SEP}{1,3}`;
/** Not part of a longer number, a decimal or a word. */
const END = '(?![\\p{L}\\p{N}_]|[.,\\-]\\d)';
export const START = '(?<![\\p{L}\\p{N}_])';

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
 * 5678"), as banking apps show them, or just before it ("12345678 12-34-56", as a payee is written down): the
 * sort code names it as surely as the word. Not the end of a longer run of digits ("07911 1234567 12-34-56").
 */
export const ACCOUNT_BESIDE_SORT_CODE_RE = new RegExp(
  `(?<=\\[SORT-CODE\\][\\s,;:/]{1,3})${ACCOUNT_DIGITS}${END}|(?<![\\p{L}\\p{N}_]|\\d[ \\-])${ACCOUNT_DIGITS}(?=[\\s,;:/]{1,3}\\[SORT-CODE\\])`,
  'gu',
);

export type ReferenceKind = 'passport' | 'account' | 'utr' | 'reference';

/** Words that name a police reference when "ref", "number" or "no" follows them ("crime ref", "incident no."). */
const POLICE = '(?:crime|police|incident|case|log|occurrence|report)';
const REF = '(?:ref(?:erence)?|number|num|no|nr|#)\\.?';
/**
 * A reference: letters, digits, and up to four more parts after a slash or a dash (`14/123456/24`,
 * `CRI/06NN/0012345/24`, `PS-20240312-1234`), 4 digits at least; not a UK phone number's 0 and 10 or 11 digits
 * ("police number 01632960001" names the station's phone). The look-ahead bounds the run, so it is read once.
 */
const REFERENCE =
  '(?!0\\d{9,10}(?![A-Za-z\\d/-]))(?=[A-Za-z\\d/-]{4,60}(?![A-Za-z\\d/-]))(?=(?:[A-Za-z/-]{0,8}\\d){4})(?:[A-Za-z]{1,4}[/-])?[A-Za-z]{0,4}\\d[A-Za-z\\d]*(?:[/-][A-Za-z\\d]+){0,4}';
/** The day a log was opened: `12/03`, `12.03.24`, `12 March`, `12MAR24`. */
const NUMERIC_DAY = '\\d{1,2}[/.]\\d{1,2}(?:[/.](?:\\d{4}|\\d{2}))?';
const NAMED_DAY = `${DAY}\\s{0,2}${MONTH}(?:\\s{0,2}(?:\\d{4}|\\d{2}))?`;
/** A log number and the day it was opened, as forces number their control-room logs: `1234 12/03`, `1234/12MAR`. */
const LOG_DAY = `\\d{1,6}(?:\\s{1,3}of\\s{1,3}|\\s{1,3}|/)(?:${NUMERIC_DAY}|${NAMED_DAY})`;
/**
 * The same after "storm" or "URN" with no word that names a reference, where a date must not be taken for one:
 * "the storm 12/03/24" is the log 12 and the day 03/24 to `LOG_DAY`, so a slash parts a log from its day only
 * before a month's name (`1234/12MAR24`).
 */
const LOG_DAY_UNNAMED = `\\d{1,6}(?:(?:\\s{1,3}of\\s{1,3}|\\s{1,3})(?:${NUMERIC_DAY}|${NAMED_DAY})|/${NAMED_DAY})`;
/** Not a part of a longer number: no digit after it, also not after a space (parcels.ts ends the same). */
export const REFERENCE_END = '(?![\\p{L}\\p{N}_]|[.,\\-/]\\d|\\s{1,3}\\d)';
/**
 * A year alone (1900–2099) is no reference after "storm" or "URN" ("the great storm 1987"), nor after a bare
 * "CAD" where nothing speaks of the police (the last of `REFERENCE_RES`): "learnt CAD 2019 at college". After
 * "CAD ref", "CAD no." it is one: a log number runs from 1 each day, so many are 4 digits in that range.
 */
const NOT_YEAR = `(?!(?:19|20)\\d\\d${REFERENCE_END})`;

/**
 * Each kind: the words that name it, then its number (digits in groups of any size, one space or dash apart), and
 * where a match is one only in some texts, what says so.
 */
export const REFERENCE_RES: readonly (readonly [
  ReferenceKind,
  RegExp,
  ((m: RegExpExecArray, text: string) => boolean)?,
])[] = [
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
  [
    'reference',
    new RegExp(
      `${START}(?<marker>${POLICE}\\s{0,3}${REF}${MARKER})(?:${LOG_DAY}|${REFERENCE})${REFERENCE_END}`,
      'giu',
    ),
  ],
  [
    'reference',
    new RegExp(
      `${START}(?<marker>cad\\s{0,3}${REF}(?:${MARKER}|(?=\\d))|(?:cad(?:${MARKER}|(?=\\d))|(?:storm|urn)${SEP}{0,3}${REF}(?:${MARKER}|(?=\\d)))${NOT_YEAR})(?:${LOG_DAY}|${REFERENCE})${REFERENCE_END}`,
      'giu',
    ),
  ],
  // "storm" and "URN" are words too ("the storm 12/03 was bad", "the URN 2024 was broken"): alone, only a log and its day.
  [
    'reference',
    new RegExp(
      `${START}(?<marker>(?:storm|urn)(?:${MARKER}|(?=\\d)))${LOG_DAY_UNNAMED}${REFERENCE_END}`,
      'giu',
    ),
  ],
  [
    'reference',
    new RegExp(
      `${START}(?<marker>ref(?:erence)?${MARKER})(?=[\\d-]{0,30}[/A-Za-z])(?=(?:[A-Za-z/-]{0,8}\\d){5})${REFERENCE}${REFERENCE_END}`,
      'giu',
    ),
  ],
  ['reference', new RegExp(`${START}(?<marker>)NFRC\\d{8,14}${END}`, 'giu')],
  // A year after a bare "CAD" (`CAD 2019`, `CAD2019`), left by the patterns above: a control-room log number where
  // the police are spoken of around it (`policeNearby`), a year or a software version elsewhere.
  [
    'reference',
    new RegExp(`${START}(?<marker>cad(?:${MARKER}|(?=\\d)))(?:19|20)\\d\\d${REFERENCE_END}`, 'giu'),
    policeNearby,
  ],
];

/** Words that put a log number among police matters: "rang 999", "called 101", "call handler", "officer". */
const POLICE_WORDS_RE =
  /(?<![\p{L}\p{N}_])(?:police|999|101|112|911|officers?|pc|pcso|ds|dc|sgt|sergeant|constable|call\s{1,3}handler|control\s{1,3}room|log(?:ged)?|crime|incident|reported|attending|attended)(?![\p{L}\p{N}_])/iu;
/** How far before and after a CAD number the police words are looked for: the sentence around it, roughly. */
const NEARBY_BEFORE = 80;
const NEARBY_AFTER = 40;

/** Whether the CAD year `m` of `text` has police words around it. */
function policeNearby(m: RegExpExecArray, text: string): boolean {
  return POLICE_WORDS_RE.test(
    text.slice(Math.max(0, m.index - NEARBY_BEFORE), m.index + m[0].length + NEARBY_AFTER),
  );
}

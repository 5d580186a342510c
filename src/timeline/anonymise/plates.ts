/**
 * UK vehicle registration marks, as victims write down the car that follows them:
 *
 *   a silver Golf, AB12 CDE / ab12cde     (current format since 2001: area letters, age digits, three letters)
 *   his old van A123 BCD                  (prefix format, 1983–2001: age letter, 1–3 digits, three letters)
 *   ABC 123D                              (suffix format, 1963–1983: three letters, 1–3 digits, age letter)
 *
 * A plate names the subject's car (or the victim's) through the DVLA as surely as a name, and was left as
 * written. The letters each format never uses (I, Q, Z…) and the age digits (not 00, 01 or 50) rule out most
 * words; the three-letter group must not be a common word either, so shouting ("STUCK ON M25 FOR HOURS", "ON
 * A12 NOW") and roads keep their words. Case-insensitive only in the current format (the digits inside the
 * letters make it no word); older formats only in capitals, as plates are written. Not attempted: dateless and
 * Northern Irish marks (`ABC 1234`, `1 AB`), which are too like other codes.
 */

/** `cls` (a character class body of capitals) with its lower-case letters too. */
const both = (cls: string) => `[${cls}${cls.toLowerCase()}]`;
/** Memory-tag letters (no I, J, Q, T, U, X, Z); second letters (no I, Q, Z); random letters (no I, Q). */
const AREA = 'A-HK-PR-SVWY';
const SECOND = 'A-HJ-PR-Y';
const LETTER = 'A-HJ-PR-Z';
/** The age letter of the prefix and suffix formats (no I, O, Q, U, Z). */
const AGE = 'A-HJ-NPR-TV-Y';
export const PLATE_RE = new RegExp(
  [
    `(?<![\\p{L}\\p{N}_])(?<current>${both(AREA)}${both(SECOND)}(?<age>\\d\\d) ?${both(LETTER)}{3})(?![\\p{L}\\p{N}_])`,
    `(?<![\\p{L}\\p{N}_])(?<prefix>[${AGE}]\\d{1,3} ?[${LETTER}]{3})(?![\\p{L}\\p{N}_])`,
    `(?<![\\p{L}\\p{N}_])(?<suffix>[${LETTER}]{3} ?\\d{1,3}[${AGE}])(?![\\p{L}\\p{N}_])`,
  ].join('|'),
  'gu',
);

/** Three-letter words that follow a road name or a number in shouted text: never a plate's letters. */
const WORDS = new Set(
  `AND THE FOR NOW YOU ARE BUT NOT ALL ANY CAN HAD HER WAS ONE OUR OUT DAY GET HAS HIM HIS HOW MAN NEW OLD SEE TWO
WAY WHO DID ITS LET PUT SAY SHE TOO USE YES YET WHY OFF OWN RUN SAW SET TRY GOT BAD BIG END FAR FEW HOT LOT MAY RED
SAT SIX TEN TOP WIN CAR VAN BUS MIN MPH KPH HRS AGO EVE AMP USB GBP USD EUR TIL WAS GOD OMG LOL WTF`.split(
    /\s+/,
  ),
);

/** Whether a `PLATE_RE` match is a plate: a valid age, and letters that are no common word. */
export function plate(m: RegExpExecArray): boolean {
  const g = m.groups ?? {};
  const text = (g['current'] ?? g['prefix'] ?? g['suffix'] ?? '').toUpperCase();
  if (g['current'] !== undefined) {
    const age = g['age']!;
    if (age === '00' || age === '01' || age === '50') return false;
  }
  const letters = g['suffix'] !== undefined ? text.slice(0, 3) : text.slice(-3);
  return !WORDS.has(letters);
}

/**
 * Message text is hostile, and the redactor reads every message of every case: one long message must not stall a
 * batch. Each pattern must take time in proportion to the text. Two did not: a run of 100,000 spaces took nearly
 * two minutes with `--shift-dates` (the look-behind before a day of the month read back over the whole run at
 * every space), and a run of letters with no `@` was read again from each of its characters by the e-mail pattern
 * (400,000 letters: over a minute). These tests give each pattern a long text built to make it backtrack and
 * check what comes out and how long it took (`LIMIT_MS`).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

/** `unit` repeated to `length` characters. */
function run(unit: string, length = 100_000): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * How long one text may take. A test's timeout cannot stop a pattern that backtracks (it runs synchronously, and
 * the test passed, however late, once it ended: "Ha-" × 33,334 took 26 s), so the time is measured. Each text here
 * takes well under half a second; a pattern that reads the text again from each of its characters takes tens.
 */
const LIMIT_MS = 3000;

const terms = [
  { term: 'Sam Sample', placeholder: '[NAME:p0001]' },
  { term: 'Sam', placeholder: '[NAME:p0001]' },
  { term: 'Sample', placeholder: '[NAME:p0001]' },
];

describe('anonymise: redaction takes time in proportion to the text', () => {
  it.each([
    ['spaces, then a day of the month', `${run(' ')}on the 14th`, `${run(' ')}on the [DATE]`],
    ['spaces after "at", then a day and month', `at${run(' ')}14.02.`, `at${run(' ')}14.02.`],
    ['spaces after "am", then a day and month', `am${run(' ')}14.3.`, `am${run(' ')}14.3.`],
    ['words of time without a month', run('since in '), run('since in ')],
    ['days without a month', run('am 14. de '), run('am 14. de ')],
    ['apostrophes and digits', run("'2"), run("'2")],
    ['letters with no @ (e-mail)', run('a', 400_000), run('a', 400_000)],
    ['a local part with no domain', `${run('a.b')}@`, `${run('a.b')}@`],
    ['accented letters with no @', run('é', 200_000), run('é', 200_000)],
    ['an accented local part with no domain', `${run('ñ.b')}@`, `${run('ñ.b')}@`],
    // Cards, IMEIs, NHS numbers and IP addresses (numbers.ts, network.ts).
    ['digits spaced one by one', run('1 ').trimEnd(), '[PHONE]'],
    ['dotted numbers', run('1.2.'), '[PHONE].'],
    ['hex and colons', run('ab:'), run('ab:')],
    ['hex pairs', run('0a:1b-'), run('0a:1b-')],
    // Numbers joined by wide dashes, spaced dashes, slashes, commas (redact.ts, JOINED_DIGITS_RE).
    ['groups joined by wide dashes', run('0\u2013'), '[PHONE]\u2013'],
    ['short groups joined by colons and commas', run('012:3,'), run('012:3,')],
    ['area codes and slashes with no number after', run('0151 / x '), run('0151 / x ')],
    // Sort codes and number plates (numbers.ts, plates.ts).
    ['dashed pairs', run('12-'), '[PHONE]'],
    ['plates one after another', run('AB12 ABC ', 99_999), '[PLATE] '.repeat(11_111)],
    ['plate-like letters and digits run together', run('AB12ABC'), run('AB12ABC')],
    // E-mail addresses spelt out (emails.ts).
    ['"at" between words', run('a at '), run('a at ')],
    ['bracketed "at" and "dot"', run('a[at]b[dot]'), run('a[at]b[dot]')],
    ['a long user part spelt out', `${run('a')} at gmail dot com`, `${run('a')} at gmail dot com`],
    // Street addresses (streets.ts).
    ['numbers and lower-case words', run('12 elm '), run('12 elm ')],
    ['flats without a street', run('Flat 3, 12 '), run('Flat 3, 12 ')],
    ['capitalised words without a street word', run('12 Abbey '), run('12 Abbey ')],
    ['a long lower-case word after a capital', `H${run('a')}`, `H${run('a')}`],
    ['German street names without a house number', run('Hauptstraße '), run('Hauptstraße ')],
    ['house numbers and French street words', run('12 rue de '), run('12 rue de ')],
    ['Spanish street words and names without a number', run('Calle Mayor de '), run('Calle Mayor de ')],
    // A capital after every hyphen: each is a start of the German street pattern and of a street name's word,
    // and each read the whole run (a 100,000-character message of "Ha-Ha-…" took 17 s).
    ['capitals after hyphens', run('Ha-'), run('Ha-')],
    ['capitalised words after hyphens', run('Ab-Cd-'), run('Ab-Cd-')],
    ['a German adjective after hyphens', run('Berliner-'), run('Berliner-')],
    ['single capitals after hyphens', run('H-'), run('H-')],
    ['hyphenated capitals and a German street word', run('Ha-Ha-Straße '), run('Ha-Ha-Straße ')],
    ['initials, names and counts', run('R. Jones, 3 '), run('R. Jones, 3 ')],
    // A list of names after a word of witness, and initials and names without one (redact.ts, WITNESSED_RE).
    [
      'witnesses one after another',
      run('witness: R. McDonald, ', 22 * 4_500),
      'witness: [NAME], '.repeat(4_500),
    ],
    ['a list of initials and names', run('R. van der Berg and '), run('R. van der Berg and ')],
    ['initials and capitals', run('A B C D E F '), run('A B C D E F ')],
    ['French street words before English words', run('2 Square '), run('2 Square ')],
    ['acute accents for apostrophes', run('D´'), run('D´')],
    // Each "12 rue Saint" is an address; a hyphen and a digit end its name.
    [
      'French street words before hyphenated names',
      '12 rue Saint-'.repeat(7_700),
      '[ADDRESS]-'.repeat(7_700),
    ],
    ['German particles between hyphens', run('Ha-von-'), run('Ha-von-')],
    // Names glued to other letters.
    ['a full name run together, over and over', run('xsamsample'), 'x[NAME:p0001]'.repeat(10_000)],
    ['a name in camel case, over and over', run('aSam-'), 'a[NAME:p0001]-'.repeat(20_000)],
    ['almost a name', run('Samsun'), run('Samsun')],
    // IBANs and driving licence numbers (documents.ts).
    ['groups of four', run('GB12 ABCD '), run('GB12 ABCD ')],
    ['capitals and nines', run('MORGA9'), run('MORGA9')],
  ])('%s', (_what, text, expected) => {
    const start = performance.now();
    expect(new Redactor(terms, 'GB', { shiftedDates: true }).redact(text)).toBe(expected);
    expect(performance.now() - start).toBeLessThan(LIMIT_MS);
  });

  it('still finds an e-mail address and a day of the month after a long run', () => {
    const r = new Redactor(terms, 'GB', { shiftedDates: true });
    const long = run('x ');
    expect(r.redact(`${long}mail sam.s@example.org on the 14th`)).toBe(`${long}mail [EMAIL] on the [DATE]`);
  });
});

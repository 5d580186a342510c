/**
 * Redaction inside message text and milestone labels. The patterns read the text folded (folded.ts: invisible
 * characters such as a zero-width space or a direction mark removed, full-width and other compatibility forms
 * in their NFKC form), so "S\u200Bamantha" and "０７７００９００１２３" are found; each placeholder replaces the
 * whole original span of its match, and the rest of the text is kept as written. Replaced, in this order, with
 * typed placeholders:
 * 1. URLs (`https://…`, `www.…`) → `[URL]` (first, because a URL can hold an address or a number);
 * 2. e-mail addresses → `[EMAIL]`, also spelt out to slip past filters (`sam[at]gmail[dot]com`,
 *    `sam (at) gmail (dot) com`, `sam @ gmail.com`; emails.ts);
 * 3. URLs without a scheme on a known top-level domain (`instagram.com/roselee`, `bbc.co.uk`) or a short-link
 *    host (`t.me/roselee`, `bit.ly/3xYz`) → `[URL]`; domains whose ending is also a short word (`.me`, `.ly`,
 *    `.to`…) only with a path, so ordinary words with dots are left;
 * 4. handles (`@jane_doe_88`, not the `@` of an e-mail address; or just after the app it is on, `snap:
 *    sammy_b_1990`) → `[HANDLE]`;
 * 4b. IP addresses (`81.2.69.160`, `2001:db8::1`; network.ts) → `[IP]`, a version number after its word
 *    (`version 10.0.1.2`) or one no phone number is shaped like (`10.0.19045.4170`) set aside; payment card
 *    numbers, IMEIs and NHS numbers, told apart from phone numbers by their check digits (numbers.ts) → `[CARD]`,
 *    `[IMEI]`, `[NHS-NUMBER]` (they were all `[PHONE]`, or left as written); MAC addresses
 *    (`00:1A:2B:3C:4D:5E`) → `[MAC]`; UK sort codes (`12-34-56`, or a date-shaped one after "sort code")
 *    → `[SORT-CODE]`; IBANs (mod-97 checked) → `[IBAN]`; UK driving licence numbers (`MORGA753116SM9IJ`, surname
 *    and date of birth inside; documents.ts) → `[ID]`; passport, UK bank account and UTR tax reference numbers
 *    after the word that names them (`passport no. 123456789`, `a/c 12345678`, `UTR: 12345 67890`; references.ts),
 *    and an account number just before or after its sort code → `[PASSPORT]`, `[ACCOUNT]`, `[UTR]`, and police crime and
 *    incident references after theirs (`crime ref 14/123456/24`, `CAD 1234 12/03`) → `[REFERENCE]` (without the
 *    word they stay `[PHONE]`); parcel tracking, order and booking numbers after their word or with letters
 *    glued to their digits (`JD0123456789GB`, `tracking 15501234567890`; parcels.ts) → `[ORDER-REF]`, whole;
 * 4c. times of day (`21:30`) are set aside, so that no number step takes their minutes for a number's;
 * 5. the counters and dates in the names apps give attachments (`<attached: 00000004-PHOTO-2024-04-06-20-21-45.jpg>`,
 *    `IMG-20240312-WA0003.jpg`; file-names.ts) are set aside, their dates replaced as in 7 when shifted;
 * 6. map positions (`51.5074, -0.1278`, `51°30'26"N 0°07'40"W`, what3words `///filled.count.soap`, plus codes
 *    `GV4C+XV`; locations.ts) → `[LOCATION]`;
 * 7. dates of birth (a date or year after "born", "DOB", "d.o.b.", "date of birth") → `[DATE]`, always; and with
 *    the dates shifted, every written date (dates.ts) → `[DATE]`, since one unshifted date beside a shifted
 *    record gives the secret shift away. Dates that are kept are set aside so that no later step takes their
 *    digits for a phone number; with the dates shifted, a day and month without a year (`14/2`, `14.02.`,
 *    `on the 14th`) → `[DATE]` after the phone numbers, and a year standing alone → `[YEAR]`;
 * 8. UK National Insurance numbers (`QQ123456C`, `QQ 12 34 56 C`) → `[ID]`;
 * 9. phone numbers found by libphonenumber-js in the case region → `[PHONE]` (it reads only the windows of the
 *    text that can hold one, at most a bounded part of a hostile text: phone-windows.ts), then a number from a trunk
 *    0 or a `+` whose groups a wide or spaced dash, a slash, an underscore, a comma, a colon or a middle dot joins
 *    (`07700–900123`, `07700 - 900123`, `0151/23456789`, `07700,900,123`), then any remaining run of 7+
 *    digits (with spaces, dots, dashes or brackets: `(07700) 900-123`) → `[PHONE]`, so numbers libphonenumber
 *    rejects are not left behind, cut where a whole number ends (phone-ends.ts: "07700 900123 5 times" keeps its
 *    count), but not a list of ranges or years joined by hyphens (`open 9-12 2-5 7-9`, `2019-2020-2021`; ranges.ts)
 *    unless a word that gives a number out comes before it or the case region writes local numbers so (`liga
 *    2019-2045`), and one typed with the letter O for its zeros (`O7700 9OO 456`). The library and the digit runs
 *    read the other dashes, tildes and `ー` between digits as hyphens (`9876–5432`, `03ー1234ー5678`);
 * 9b. UK number plates (`AB12 CDE`, `A123 BCD`, `ABC 123D`, Northern Irish `ABZ 1234`, and dateless `1 ABC` after
 *    "reg"; in lower case after "reg" or a vehicle, `his van a123 bcd`; plates.ts) → `[PLATE]`, not a flight
 *    (`flight BA12 LHR`);
 * 10. UK postcodes (`SW1A 1AA`, `M1 1AE`) and US ZIP+4 (`12345-6789`) → `[POSTCODE]` (before 11, whose
 *    placeholders' hex the case-blind pattern could take for a postcode); a Brazilian CEP or a Portuguese postcode
 *    after its word, or after a house number and a comma before a town (`CEP 01310-100`, `12, 1100-053 Lisboa`),
 *    → `[POSTCODE]` before 9, which took them for phone numbers;
 * 11. a title and a capitalised name no other step knows, with up to three initials ("PC Hughes", "Mrs Patel's",
 *    "PC R. Jones") → the title and `[NAME:p…]` of that name (before addresses, which would take the "Saw Dr" of
 *    "Saw Dr Patel" for a street); and so an initial and a surname after a word naming a witness ("witness: R.
 *    Patel", "witnessed by R.Patel", "witnesses: R. Patel and K. Shah", "witness: R. McDonald", "J. van der Berg")
 *    → `[NAME:p…]`;
 * 12. street addresses: an optional house number then one to three capitalised words and a street word from
 *    `STREET_WORDS` (`12 Station Road`, `Elm Street`), a flat before it included (`Flat 3, 12 High Road`), and
 *    after a house number, or a range of them (`14-16`, `14 to 16`, `14 & 16`), a street named in one word
 *    (`14 Kingsway`), one typed in lower case (`12 elm road`, `23 chapel rise`, `7 elm park`) or one ending in a
 *    word that is also an ordinary word (`3 Abbey Green`; streets.ts), and after a word of place a
 *    lower-case street with or without a house number (`waiting at 4 elm close`, `on acacia avenue`), and one in
 *    capitals after its house number (`AT 12 ELM ROAD`), an American numbered street (`350 5th Ave`), and a street
 *    as German, French, Spanish and Portuguese addresses write it (`Hauptstraße 12`, `12 rue de la Paix`, `Calle
 *    Mayor 5`; streets.ts) → `[ADDRESS]`; not a court of law without a house number
 *    (`Leeds Crown Court`, `the Family Court`), nor with an hour after a word of time where a hearing is spoken of
 *    (`the hearing is at 10 Crown Court`), nor a count before a lower-case everyday street word (`1 lovely view`;
 *    streets.ts);
 * 13. the names and identifiers of everyone in the case (case-folded, on word boundaries) → `[NAME:p7f3a]`
 *    (the first five characters of that person's pseudonym, so mentions stay linkable within a study), except
 *    everyday words that phones use as contact labels (`EVERYDAY_WORDS`: "Mum", the "Work" of "Priya Work"):
 *    they name a relationship or a place, not a person, and redacting them would remove the very words the
 *    content analysis looks for ("I called your work"), so the anonymised report would no longer match.
 *    A single name that is an ordinary word (words.ts: "Will", the "Hurt" of "Amy Hurt") only where it is written
 *    capitalised; a part that is only digits (a group of a phone number) never. Digits after a name are the
 *    name's (`sam_carter88`, a user name), and a full name run together is one more term (index.ts: `SamCarter`).
 *    The names include those the timeline's details hold for other people (names.ts: e-mail Cc/To, diary
 *    witnesses and officers, forwards) and those the inputs name outside their records (a Messenger or
 *    Instagram thread's participants, `SourceContext.people`).
 * Deliberately not attempted: other free-form names of people outside the case (no named-entity model).
 */

import type { CountryCode } from 'libphonenumber-js';
import { phoneNumbers } from '../phone-numbers.js';
import {
  BIRTH_RE,
  DATE_RE,
  DAY_MONTH_RE,
  dayMonth,
  englishWordMonth,
  MONTH_ALONE_RE,
  validDate,
  verbMay,
  YEAR_RE,
} from './dates.js';
import { IBAN_RE, iban, LICENCE_RE, licence } from './documents.js';
import { OBFUSCATED_EMAIL_RES, obfuscatedEmail } from './emails.js';
import { CAMERA_COUNTER_RE, COUNTER_RE, STAMP_RE, STAMP_TRAIL_RE, stampParts } from './file-names.js';
import { FoldedText, fold as foldText, type Replacement } from './folded.js';
import { LOCATION_RE, validPosition } from './locations.js';
import { PARTICLES } from './name-parts.js';
import { INITIALISM, TITLES } from './names.js';
import { IPV4_RE, IPV6_RE, isIPv6, MAC_RE, VERSION_RE, VERSION_SHAPE_RE, versionShaped } from './network.js';
import {
  LONG_NUMBER_RE,
  type NumberKind,
  namingText,
  numberKind,
  SORT_CODE_RE,
  sortCode,
} from './numbers.js';
import { GLUED_REFERENCE_RE, gluedReference, NAMED_PARCEL_RE } from './parcels.js';
import { NumberEnds } from './phone-ends.js';
import { phoneWindows } from './phone-windows.js';
import { DATELESS_RE, datelessPlate, flight, NI_PLATE_RE, niPlate, PLATE_RE, plate } from './plates.js';
import { numberMeant, rangeList, rangeShaped } from './ranges.js';
import { ACCOUNT_BESIDE_SORT_CODE_RE, REFERENCE_RES } from './references.js';
import {
  COUNT_WORDS,
  courtOfLaw,
  DATED_STREET_RE,
  FLAT,
  FOREIGN_STREET_RES,
  HOUSE_NUMBER,
  hearingTime,
  LOWER_PLACE_STREET_RE,
  lowerPlaceStreet,
  NUMBERED_ADDRESS_RE,
  NUMBERED_US_STREET_RE,
  PLACED_NUMBERED_STREET_RE,
  PLACED_STREET_RE,
  ruaOrInitial,
  SHOUTED_ADDRESS_RE,
} from './streets.js';
import { EVERYDAY_WORDS, ORDINARY_WORDS } from './words.js';

/**
 * Street words recognised after one to three capitalised words. Not "Park" or "Hill": without a house number
 * "Roundhay Park" and "Primrose Hill" are places, as towns are (streets.ts, NUMBERED_STREET_WORDS).
 */
export const STREET_WORDS = [
  'Street',
  'St',
  'Road',
  'Rd',
  'Lane',
  'Ln',
  'Avenue',
  'Ave',
  'Drive',
  'Dr',
  'Close',
  'Crescent',
  'Court',
  'Place',
  'Square',
  'Terrace',
  'Gardens',
  'Grove',
  'Way',
  'Row',
  'Mews',
  'Boulevard',
  'Blvd',
  'Parade',
  'Walk',
] as const;

/** The placeholders of the long numbers that are no phone numbers (numbers.ts). */
const NUMBER_PLACEHOLDERS: Record<NumberKind, string> = {
  card: '[CARD]',
  imei: '[IMEI]',
  nhs: '[NHS-NUMBER]',
};

/** Placeholder types, as counted in the manifest. */
export type RedactionType =
  | 'url'
  | 'email'
  | 'handle'
  | 'date'
  | 'id'
  | 'phone'
  | 'card'
  | 'imei'
  | 'nhs'
  | 'ip'
  | 'mac'
  | 'sortcode'
  | 'iban'
  | 'passport'
  | 'account'
  | 'utr'
  | 'reference'
  | 'order'
  | 'plate'
  | 'postcode'
  | 'address'
  | 'location'
  | 'name';

/** How a case is redacted. */
export interface RedactOptions {
  /** The case's dates are shifted: every written date is replaced, not only dates of birth. */
  readonly shiftedDates: boolean;
  /** The placeholder of a name found after a title ("PC Hughes"); `[NAME]` without it. */
  readonly nameToken?: (name: string) => string;
  /**
   * The phrases the analysis searches texts for (content lexicon, cease phrases; `*` ends a stem). A name part
   * that is an ordinary word is kept where one of them covers it, capitalised or not: "Hurt you?" at the start
   * of a sentence is the threat "hurt you", not Amy Hurt, and the anonymised copy must still count it.
   */
  readonly keep?: readonly string[];
}

/** Every phrase of `phrases` as one case-insensitive expression of whole words (white space and apostrophes loose). */
function phraseAlternation(phrases: readonly string[]): RegExp | undefined {
  const sources = phrases
    .map((p) => {
      const stem = p.endsWith('*');
      const body = (stem ? p.slice(0, -1) : p).trim();
      if (body === '') return undefined;
      const literal = spacedLiteral(body).replace(/['’‘`]/g, "['’‘`]");
      return stem ? `${literal}[\\p{L}\\p{N}_]*` : literal;
    })
    .filter((x): x is string => x !== undefined)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return wholeWords(sources, 'giu');
}

/** The [start, end) spans of `text` that some match of `re` covers (overlapping matches included). */
function covered(re: RegExp, text: string): [number, number][] {
  const spans: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    spans.push([m.index, m.index + m[0].length]);
    re.lastIndex = m.index + 1;
  }
  return spans;
}

/**
 * A time of day (`21:30`, `9:05`, `21:30:05`), not inside a longer run of digits and colons: "21:30 07911 123456"
 * was "21:[PHONE]", the digit pattern taking the minutes for the number's first group.
 */
const TIME_RE = /(?<![\p{L}\p{N}_:.])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\p{N}]|[:.]\d)/gu;

/**
 * The dashes other than the hyphen-minus that join a number's groups or part a word from
 * what follows it (`witness ⸺ R. Patel`): the hyphen, en, em, figure and other dashes
 * (U+2010–U+2015), a minus (U+2212), the hyphen bullet `⁃` (U+2043), and the two- and three-em dashes `⸺` `⸻`
 * (U+2E3A, U+2E3B); as the characters of a class, for an expression's source.
 */
const WIDE_DASHES = '\\u2010-\\u2015\\u2212\\u2043\\u2E3A\\u2E3B';
/**
 * A capitalised word, its accents as combining marks or not (folded.ts leaves them apart): a capital and a small
 * letter, then the rest of the word whatever its case, so a name with a capital inside is whole ("McDonald",
 * "MacLeod", "DeSouza", "DiMaggio", "LeBlanc": the pattern stopped at the inner capital, and "Dr [NAME]Donald" kept
 * the rest); with an apostrophe after its first capital ("O'Neill", "D’Arcy"), and parts after an apostrophe or a
 * hyphen ("MacDonald-Smith", "Patel's").
 */
const CAPITALISED = `\\p{Lu}\\p{M}*(?:['’]\\p{Lu}\\p{M}*)?\\p{Ll}[\\p{L}\\p{M}]*(?:['’-][\\p{L}\\p{M}]+)*`;
/** The particles a surname may start with, written in small letters ("van der Berg", "de Souza"; name-parts.ts). */
const PARTICLE = `(?:${[...PARTICLES].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|')})`;
/**
 * One or two capitalised words, particles before either ("Patel", "Raj Patel", "van der Berg", "Van der Berg",
 * "Ana de Souza"): a person's name after a title or initials.
 */
const PERSON = `(?:${PARTICLE}\\s+){0,3}${CAPITALISED}(?:\\s+(?:${PARTICLE}\\s+){0,3}${CAPITALISED})?`;
/** An initial, with or without its full stop. */
const INITIAL = `\\p{Lu}(?:\\.\\s*|\\s+)`;
/**
 * A title ("PC", "Mrs", "Dr.") then one or two capitalised words: a person's name, even one no field named. Up to
 * three initials before them are the name's too ("PC R. Jones", "Dr J.R. Smith", "Mr J Smith"): left in clear, an
 * initial and a surname are as telling as the full name.
 */
const TITLED_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])((?:${TITLES.join('|')})\\.?\\s+)((?:${INITIAL}){0,3}${PERSON})`,
  'gu',
);
/**
 * One to three initials, with or without their full stops, and a surname, particles before it or not: "R. Patel",
 * "R Patel", "J.R.Okafor", "J. van der Berg". "A" and "I" are initials only with their full stop: without it they are
 * the words ("Witnessed by A Police Officer", "witnesses: I Think…"). Not an abbreviation (`INITIALISM`: "U.K. Border Force").
 */
const INITIALLED = `(?!${INITIALISM})(?![AI]\\s)${INITIAL}(?:${INITIAL}){0,2}(?:${PARTICLE}\\s+){0,3}${CAPITALISED}`;
/**
 * A person before a witness's initial and surname in a list, and what parts them (a comma, a semicolon, "&", "+",
 * a slash, "and" or "or"): a name with a title, initials or neither ("Raj Patel and K. Shah", "R. Patel/K. Shah"),
 * or the placeholder a titled one has become ("Dr [NAME:p1a2b] and K. Shah").
 */
const LISTED = `(?:(?:${TITLES.join('|')})\\.?\\s+)?(?:(?:${INITIAL}){0,3}${PERSON}|\\[NAME(?::[^\\]\\s]{1,40})?\\])(?:\\s{0,3}[,;&+/]\\s{0,3}|\\s{1,3}(?:and|or)\\s{1,3})`;
/**
 * An initial and a surname after a word that names a witness ("witness: R. Patel", "witnessed by R.Patel",
 * "Witnesses - R. Patel and K. Shah", "witness ⸺ R. Patel", "witnesses (R. Patel and K. Shah)", each of a list
 * of up to ten): as after a title, a person's name, even one no field named, and as telling as the full name. Only
 * with an initial: "Witness Statement", "witness: None" and "witnesses Mum and Dad" name no one here. Without such a
 * word an initial and a surname are left, as every name met only in free text is ("R. Jones, 32, of Leeds"; README:
 * no named-entity model), and an abbreviation is no initial ("St. Mary", "Fig. 3", "No. 5", "U.K. Border Force").
 */
const WITNESSED_RE = new RegExp(
  `(?=\\p{Lu})(?<=(?<![\\p{L}\\p{N}_])(?:[Ww]itness(?:es)?|WITNESS(?:ES)?|[Ww]itnessed\\s{1,3}by)\\s{0,3}(?:[:=\\-${WIDE_DASHES}]\\s{0,3})?(?:\\(\\s{0,2})?(?:${LISTED}){0,9})(${INITIALLED})`,
  'gu',
);

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
/**
 * Starts only where a run of address characters starts: without the look-behind, a long run with no `@` in it was
 * read again from every one of its characters (100,000 letters took 5 s, twice that took four times as long).
 * Letters of any script, accents as combining marks too: an address may hold them (`josé@ejemplo.es`,
 * `sam.carter@münchen.de`), and with ASCII only the first was left whole and the second kept its domain.
 */
const EMAIL_RE =
  /(?<![\p{L}\p{M}\p{N}_.+-])[\p{L}\p{M}\p{N}_.+-]+@[\p{L}\p{M}\p{N}_-]+(?:\.[\p{L}\p{M}\p{N}_-]+)+/gu;
// `(+44) 7700 900123`: the bracket before the plus is the number's too, or a lone "(" is left in the text.
const DIGITS_RE = /(?:\(\+?|\+)?\d(?:[\s.\-()]{0,2}\d){6,}/g;
/**
 * What joins a number's groups as a hyphen does: `WIDE_DASHES`, a tilde `~` (a full-width `～` folds to it), the
 * wave dash `〜` (U+301C), the swung dash `⁓` (U+2053), the tilde operator `∼` (U+223C), and the Japanese
 * long-vowel mark `ー` (U+30FC; a half-width `ｰ` folds to it), which Japanese keyboards give for a dash between digits
 * (`03ー1234ー5678`). As the characters of a class, for an expression's source.
 */
const NUMBER_JOINS = `${WIDE_DASHES}~\\u301C\\u2053\\u223C\\u30FC`;
/** One of `NUMBER_JOINS`. */
const NUMBER_JOIN = new RegExp(`[${NUMBER_JOINS}]`, 'u');
const NUMBER_JOIN_G = new RegExp(`[${NUMBER_JOINS}]`, 'gu');
/** One of `NUMBER_JOINS` between two digits, a space or two beside it or not. */
const DIGITS_JOIN_G = new RegExp(`(?<=\\d\\s{0,2})[${NUMBER_JOINS}](?=\\s{0,2}\\d)`, 'gu');
/**
 * `text` with each of `NUMBER_JOINS` between digits a hyphen, one character for one, as the phone library and the
 * digit step are to read it: they know the hyphen, and only some of the others or none (the library breaks a
 * number at an en dash, and knows no `⸺`), so `9876–5432`, `7700–900123`, `555⁃123⁃4567` and, in an Indian case,
 * `98765⸺43210` stayed in clear while the same with hyphens was `[PHONE]`.
 */
function hyphened(text: string): string {
  return NUMBER_JOIN.test(text) ? text.replace(DIGITS_JOIN_G, '-') : text;
}
/**
 * What joins two groups of a number in the spellings the phone library and DIGITS_RE miss: a wide dash (`07700–900123`,
 * `07700—900123`, `07700⸺900123`, `07700〜900123`: `NUMBER_JOINS`), a dash with spaces on both sides (`07700 - 900123`), a slash or a
 * backslash between groups of 2 digits or more (`07700/900123`, the German `0151/23456789`, `0171 / 1234567`), and
 * an underscore, comma, colon or middle dot between groups of 3 or more (`07700_900123`, `07700,900,123`,
 * `07700:900123`, `07700·900·123`); not between shorter groups, which lists and scores are written with
 * (`01,15,22,34`, `3:2:1`).
 */
const ODD_JOIN = `\\s{0,2}[${NUMBER_JOINS}]\\s{0,2}|\\s{1,2}-\\s{1,2}|(?<=\\d\\d)\\s?[/\\\\](?:\\s(?=\\d))?(?=\\d\\d)|(?<=\\d{3})[_,:\\u00B7\\u2022\\u2219](?=\\d{3})`;
/** Splits a match of JOINED_DIGITS_RE at its odd joins (no `g` flag: shared, it keeps no state). */
const ODD_JOIN_SPLIT = new RegExp(`(?:${ODD_JOIN})`, 'u');
/**
 * A number joined by one of `ODD_JOIN` somewhere, 7 digits or more in all: only from a trunk `0` or a `+`, as a
 * whole number is written (a count, an amount or a year never starts with 0: `£1,000,000`, `2019–2024` stay), and
 * not inside a longer number or list. `joinedNumbers` takes it where the joins hold the number together.
 */
const JOINED_DIGITS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_.,:/\\\\\\u00B7\\u2022\\u2219+\\-${NUMBER_JOINS}])(?:\\(\\s?\\+|\\+|\\(?(?=0))\\d(?:(?:${ODD_JOIN}|[\\s.\\-()]{0,2})\\d){6,}`,
  'gu',
);
/**
 * The start of a number the library found only the end of, having split it at a join it breaks candidates at
 * (a slash, a dash): `0151/[PHONE]`, `030 / [PHONE]`. Its first group or groups, from a trunk `0` or a `+`, and
 * the join, up to the placeholder.
 */
const JOINED_START_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_.,:/\\\\\\u00B7\\u2022\\u2219+\\-${NUMBER_JOINS}])(?:\\(\\s?\\+|\\+|\\(?(?=0))\\d(?:[\\s.\\-()]{0,2}\\d){0,8}(?:(?<=\\d\\d)\\s?[/\\\\]\\s?|\\s{0,2}[${NUMBER_JOINS}]\\s{0,2}|\\s{1,2}-\\s{1,2}|(?<=\\d{3})[_,:\\u00B7\\u2022\\u2219])(?=\\[PHONE\\])`,
  'gu',
);
/**
 * A North American number written with a wide dash between its groups (`(202) 555–0147`, `202—555—0147`, a figure
 * dash `‒` or a minus `−`, as word processors and phones' "smart punctuation" write them; a full-width hyphen
 * folds to `-`): JOINED_DIGITS_RE wants a trunk 0 or a `+`, which these have not, DIGITS_RE and the library know
 * only the hyphen-minus, so they stayed in clear. An area code and an exchange starting 2–9, then 4 digits, with a
 * `1` before it or not; `nanpWideDash` wants one wide dash at least (with hyphens only it is DIGITS_RE's). Not a
 * 7-digit local number (`555–0147`), which reads like a range as often ("200–1000 people"). A label may come
 * just before it, with its punctuation and no space (`Tel:202–555–0147`, `call me,202–555–0147`, `tel.(202)
 * 555–0147`); a full stop, comma or colon after a digit says it goes on a number (`1.202–555–0147`, a decimal).
 * Beside the wide dash, its other gaps may be a hyphen, a space or a full stop, and the `1` may touch the area
 * code's bracket (`1(202)555–0147`, `1.202.555–0147`, `202–555 0147`): the digit runs took the part of such a
 * number before or after its wide dash, and left the rest in clear (`[PHONE]–0147`, `202–[PHONE]`).
 */
const NANP_DASH = `[\\-${NUMBER_JOINS}]`;
const NANP_DASHED = new RegExp(NANP_DASH, 'u');
const NANP_GAP = `\\s{0,2}${NANP_DASH}\\s{0,2}|\\s|\\.`;
const NANP_WIDE_DASH_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_/\\\\+\\-${NUMBER_JOINS}])(?<!\\p{N}[.,:])(?:1(?<g0>${NANP_GAP}|(?=\\()))?(?:\\(\\s?[2-9]\\d\\d\\s?\\)(?<g1b>${NANP_GAP}|\\s{0,2})|[2-9]\\d\\d(?<g1>${NANP_GAP}))[2-9]\\d\\d(?<g2>${NANP_GAP})\\d{4}(?![\\p{N}]|[.,]\\d)`,
  'gu',
);
/** An English word of count, time or measure after it: "between 250 300–1050 people" is no number. */
const NANP_COUNT_AFTER_RE = new RegExp(`^\\s{1,3}(?:${COUNT_WORDS})(?![\\p{L}\\p{N}_])`, 'iu');
/** A gap of white space only, or none (`1(202)`, `(202)555`): a number or two of their own may go before it. */
const plainGap = (gap: string | undefined) => gap !== undefined && /^\s*$/u.test(gap);
/**
 * Whether a match of NANP_WIDE_DASH_RE (in `text`) is such a number: it has a wide dash, and where its last gap
 * is a space or a full stop (`202–555 0147`), a dash before the exchange. Where a gap before the exchange is only a
 * space, or none, that gap may part two numbers ("Bus 212 830–1030 then walk", "between 250 300–1000 people",
 * "chapter 1 212–213–2024"), and the rule took both for one: then its last 7 digits must have no range's shape
 * (`rangeShaped`) and no count word may follow (`(202) 555–0147`, `202 555–0147` are numbers). A real number
 * whose last 4 digits are a round hundred or a year 1990–2039 (3 in 200) is knowingly left, when so written.
 */
function nanpWideDash(m: RegExpExecArray, text: string): boolean {
  const { g0, g1, g1b, g2 } = m.groups!;
  // One of the joins other than the hyphen (`NUMBER_JOINS`) must be in the number.
  if (!NUMBER_JOIN.test(m[0])) return false;
  const beforeExchange = g1 ?? g1b!;
  if (!NANP_DASHED.test(g2!)) return NANP_DASHED.test(beforeExchange);
  if (!plainGap(g0) && !plainGap(beforeExchange)) return true;
  const [, exchange, line] = /(\d{3})\D{1,5}(\d{4})$/u.exec(m[0])!;
  const end = m.index + m[0].length;
  return !rangeShaped(Number(exchange), Number(line)) && !NANP_COUNT_AFTER_RE.test(text.slice(end, end + 24));
}
/** A range of 24-hour times (`0900 - 1700`, `0830–1730`), no phone number. */
const TIME_RANGE_RE = new RegExp(`^0\\d[0-5]\\d\\s*[\\-${NUMBER_JOINS}]\\s*(?:[01]\\d|2[0-3])[0-5]\\d$`, 'u');
/** The last two groups of a run, joined by one of `NUMBER_JOINS` (`830–1030` of `212 830–1030`). */
const LAST_JOINED_RE = new RegExp(`(?<!\\d)(\\d{1,6})\\s{0,2}[${NUMBER_JOINS}]\\s{0,2}(\\d{1,6})$`, 'u');
/** How many digits `s` holds. */
const digitCount = (s: string) => s.replace(/\D/g, '').length;
/**
 * A number written with the letter O for some of its zeros (`O7700 9OO 456`, `O77OO9OO456`), as people type them
 * and to slip past filters: groups of digits and O's, each holding a digit; taken when they hold 7 or more digits
 * and O's in all and at least one O (digits alone are DIGITS_RE's). An O that is a word ("10 o'clock", "or") has
 * no digit in it and is never taken. Groups are split only at a separator: with an empty one allowed, a run such
 * as "1o1o1o…" could be cut into groups in exponentially many ways, and a 46-character message took 40 s.
 */
const O_GROUP = '[Oo]*\\d[\\dOo]*';
const LETTER_O_DIGITS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:\\(\\+?|\\+)?${O_GROUP}(?:[\\s.\\-()]{1,2}${O_GROUP})*(?![\\p{L}\\p{N}_])`,
  'gu',
);
/**
 * A country calling code written just before a number libphonenumber-js found without it: `+1 (555) 010-9999`,
 * where a number not valid in its country is still found as the national `(555) 010-9999`, leaving `+1 ` out.
 * At most 13 characters (`( +1234 ) `): the 14 before a number are enough to find it, however long the text.
 */
const CALLING_CODE_BEFORE = /(?:\(\s{0,2}\+\d{1,4}\s{0,2}\)|\(?\+\d{1,4}\)?)[\s.-]{0,2}$/;
/** A bracket opened before a number's `+`, which a bracket after its code closes: `( +44) 7700 900123`. */
const BRACKET_BEFORE = /\(\s{0,2}$/;
const CODE_CLOSED = /^\+\d{1,4}\s{0,2}\)/;

/**
 * Where a number found at `start` of `s` starts with its country calling code: before a code written apart from
 * it (`+1 (555) 010-9999`, `( +44 ) 7911 123456`), or before the bracket a code's `+` is written in
 * (`( +44) 7700 900123`: the library finds the number from its `+`, which left "( [PHONE]").
 */
function withCallingCode(s: string, start: number): number {
  if (s[start] === '+') {
    const open = BRACKET_BEFORE.exec(s.slice(Math.max(0, start - 3), start));
    return open && CODE_CLOSED.test(s.slice(start, start + 9)) ? start - open[0].length : start;
  }
  if (!/[\d(]/.test(s[start] ?? '')) return start;
  const lead = CALLING_CODE_BEFORE.exec(s.slice(Math.max(0, start - 14), start));
  return start - (lead?.[0].length ?? 0);
}
/** Endings that are rarely a word: a host on one of them is a URL even without a path. */
const TLDS = 'com|org|net|edu|gov|info|biz|io|uk|ie|xyz|app|dev|online|site|shop|tv|eu|au|nz|ca';
/** Endings that are also short words or abbreviations ("no.it", "e.g."): a URL only with a path. */
const PATH_TLDS = 'me|ly|gl|be|to|co|us|de|fr|es|it|in|at|am|ee|cc|gy|gd|link|page|ai|gg|fm|ws';
/** Short-link and profile hosts, with or without a path. */
const HOSTS =
  't.me|wa.me|m.me|fb.me|bit.ly|goo.gl|ow.ly|buff.ly|t.co|is.gd|youtu.be|instagr.am|tinyurl.com|linktr.ee|cutt.ly|rb.gy|tiny.cc|snapchat.com|tiktok.com';
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const URL_PATH = '/[^\\s<>"]*';
const BARE_URL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_@./-])(?:(?:${HOSTS.replace(/\./g, '\\.')})(?![\\p{L}\\p{N}_-])(?:${URL_PATH})?|(?:${LABEL}\\.)+(?:(?:${TLDS})(?![\\p{L}\\p{N}_-])(?:${URL_PATH})?|(?:${PATH_TLDS})${URL_PATH}))`,
  'giu',
);
/** `@name` not inside a word or an address; at least one letter or underscore. */
const HANDLE_RE =
  /(?<![\p{L}\p{N}_@.])@(?=[\w.]*[A-Za-z_])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\p{L}\p{N}_@])/gu;
/**
 * A user name without its `@`, just after the app it is on ("add me on snap: sammy_b_1990", "my insta is
 * sam.sample_"), as people give them out: it was left as written. Only a name holding a digit, an underscore or
 * an inner dot, starting with a letter or an underscore, so the words after an app's name ("on twitter
 * yesterday.", "tiktok 3 times", "my discord is down") stay; and not just after a comma, which ends a list's item
 * ("on snap, sam.official on tiktok": that name is tiktok's, left to the name step). Single letters between dots
 * are an abbreviation, not a name ("on insta i.e. the photo", "on twitter e.g.", "a.k.a."), though they have an
 * inner dot; a name with more after its letters ("s.sample88", "s.k.88") is still one.
 */
const APP_HANDLE_RE =
  /(?<=(?<![\p{L}\p{N}_])(?:snap(?:chat)?|insta(?:gram)?|ig|tik\s?tok|kik|telegram|discord|twitter|threads|twitch|psn|xbox|gamertag)(?:,?\s{1,3}(?:name|handle|user\s?name|id|is|was|its|it['’]s)){0,2}\s{0,3}[:=-]?\s{1,3})(?![A-Za-z](?:\.[A-Za-z])+\.?(?![\p{L}\p{N}_]|\.[\p{L}\p{N}_]))(?=[A-Za-z0-9_.]{0,28}(?:[_\d]|\.[A-Za-z0-9_]))[A-Za-z_][A-Za-z0-9_.]{1,28}[A-Za-z0-9_](?![\p{L}\p{N}_@]|\.[A-Za-z0-9_])/giu;
/** UK National Insurance numbers: two letters, six digits, A–D (spaced forms in capitals only). */
const NINO_RE =
  /(?<![\p{L}\p{N}_])(?:[A-Za-z]{2}\d{6}[A-Da-d]|[A-Z]{2} \d{2} \d{2} \d{2} [A-D])(?![\p{L}\p{N}_])/gu;
const POSTCODE_RE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|\d{5}-\d{4})\b/gi;
/**
 * A Brazilian CEP or a Portuguese postcode after its word (`CEP 01310-100`, `código postal 1100-053`), or a
 * Portuguese one after a house number or a floor and a comma, before a capitalised town (`R. Augusta, 12, 1100-053
 * Lisboa`, `2.º Esq., 1100-053 Lisboa`): the phone steps took their 7 or 8 digits for a number (`[PHONE]`).
 */
const IBERIAN_POSTCODE_RE =
  /(?=\d)(?:(?<=(?<![\p{L}\p{N}_])(?:CEP|Cep|cep|C\.E\.P\.|[Cc][óo]digo\s{1,3}[Pp]ostal)\s{0,3}:?\s{0,3})(?:\d{5}-?\d{3}|\d{4}-\d{3})|(?<=(?:\d[A-Za-z]?|[Ee]sq\.?|[Dd]to\.?|[Dd]ir\.?|andar|r\/c),\s{0,3})\d{4}-\d{3}(?=,?\s{1,3}\p{Lu}\p{Ll}))(?![\p{L}\p{N}_]|[.,-]\d)/gu;
/**
 * A capitalised word of a street name, also with a capital inside (`O'Connell`, `McDonald`, `D’Arcy`) or after a
 * hyphen (`Ashby-de-la-Zouch`, whose "Ashby-de-la-" was left in clear before the `[ADDRESS]`). At most six pieces
 * after hyphens: a pattern starts at every capital after a hyphen, so an unbounded run of them ("Ha-Ha-Ha-…") was
 * read to its end from each one (20,000 characters took half a second, 100,000 a quarter of a minute).
 */
const STREET_NAME_WORD = "[A-Z](?:[a-z]*['’]?[A-Z])?[a-z'’-]+(?:(?<=-)[A-Z][a-z'’-]+){0,6}";
/** "St." or "Mt." before a street's name (`12 St. John’s Wood Road`), which kept "St." and its house number. */
const SAINT = '(?:St|Mt|Ste)\\.?\\s+';
/**
 * A street word before a name placeholder is a title ("Saw Dr [NAME:…]"), not the end of an address. The dot of
 * an abbreviation ("Elm St.") is the address's; after a whole word it ends the sentence and stays.
 */
const ADDRESS_RE = new RegExp(
  `\\b(?:${FLAT}?${HOUSE_NUMBER},?\\s+)?(?:${SAINT})?(?:${STREET_NAME_WORD}\\s+){1,3}(?:${STREET_WORDS.join('|')})\\b(?!\\.?\\s+\\[NAME)(?:(?<=St|Rd|Ln|Ave|Dr|Blvd)\\.)?`,
  'g',
);

/** A combining mark that belongs to one script (Devanagari's vowel signs), not one all scripts share. */
const SCRIPT_MARK = '(?!\\p{Script=Inherited})\\p{M}';

/**
 * Whole-word alternation of `terms` (longest first, as given), any run of spaces matching any other; group `name`
 * is the term matched.
 */
function alternation(terms: readonly string[], flags: string): RegExp | undefined {
  if (terms.length === 0) return undefined;
  // An underscore joins words in file names and user names (`Sam_passport.jpg`, `IMG_Sam.jpg`, `alex_morgan`):
  // a name is a whole word beside one, or those names would be left in the text as written. User names also end
  // in digits (`sam_carter88`, `KimLee99`, often a year of birth): they are the name's too, or "carter88" stayed.
  // A mark of the name's own script beside it continues the word: "अमित" (Amit) is not in "अमिता" (Amita), whose
  // vowel sign "ा" is a mark. A mark any script uses (an accent, U+0301) stays a boundary as written ("Sam\u0301").
  return new RegExp(
    `(?<![\\p{L}\\p{N}]|${SCRIPT_MARK})(?<name>${terms.map(nameLiteral).join('|')})\\d*(?![\\p{L}\\p{N}]|${SCRIPT_MARK})`,
    flags,
  );
}

/**
 * The apostrophes a name is written with: the straight one, the curly one iOS and Word type, a backtick, U+02BC,
 * the acute accent ´ and the prime ′ some keyboards give for it ("D´Arcy"). The text is read folded (folded.ts),
 * and NFKC folds ´ into a space and a combining acute (U+0301), so that pair is one too.
 */
const APOSTROPHES = /['’‘`ʼ´′]|\s\u0301/gu;
/** Any one of `APOSTROPHES` or none, in an expression. */
const ANY_APOSTROPHE = "(?:['’‘`ʼ´′]|\\s\\u0301)?";

/**
 * A name as an expression matching it literally, any run of white space matching any other and any apostrophe any
 * other or none: a sender named "Declan D’Arcy" (iOS writes the curly one) is "D'Arcy" in a text typed elsewhere,
 * and "O’Neill" is typed "oneill" too. A name with an apostrophe also stands for its family in the plural ("the
 * O’Connors"), an `s` no other name part takes ("Sams" is no plural of Sam).
 */
function nameLiteral(text: string): string {
  const pieces = text.split(APOSTROPHES);
  const literal = pieces.map(spacedLiteral).join(ANY_APOSTROPHE);
  return pieces.length === 1 ? literal : `${literal}(?:s(?![\\p{L}\\p{N}]))?`;
}

/** `text` as an expression matching it literally, any run of white space matching any other. */
function spacedLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** One expression of the alternatives `sources`, matched as whole words (no `word` character either side); undefined when none. */
function wholeWords(sources: readonly string[], flags: string): RegExp | undefined {
  const word = '[\\p{L}\\p{N}_]';
  return sources.length ? new RegExp(`(?<!${word})(?:${sources.join('|')})(?!${word})`, flags) : undefined;
}

/**
 * A name as the text may write it: composed, and with its accents as combining marks, which the fold leaves
 * apart (folded.ts) so that a mark after a name stays a boundary as written.
 */
function forms(term: string): string[] {
  const decomposed = term.normalize('NFD');
  const plain = withoutAccents(term);
  return [...new Set([term, decomposed, plain])];
}

/**
 * A Latin name without its accents ("José" → "Jose", "Zoë" → "Zoe"), as people type it on a keyboard without
 * them: the case knows "José Ñúñez" and a text says "Jose". Only the combining diacritical marks (U+0300–U+036F)
 * go, so the vowel signs of other scripts (Devanagari's "ा"), which make other words without them, stay.
 */
function withoutAccents(term: string): string {
  return term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** The key of a matched name among the terms: lower case, one space, accents composed, one apostrophe. */
function key(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(APOSTROPHES, "'");
}

/** A person's term to find in text and the placeholder that replaces it. */
export interface NameTerm {
  readonly term: string;
  readonly placeholder: string;
}

/**
 * The end of a number the library found in `text` at [start, end), without an "extension" that is the next number
 * of a list. The library reads digits after a comma or semicolon as a dialling extension (`0161 496 0000,204`), so
 * in "07911 123456, 07911 654321" it found "07911 123456, 07911", and "654321" was left in clear. Such an
 * extension that goes on into more digits, or holds five or more, is cut off at its comma (no other punctuation
 * of the library's numbers is a comma or semicolon), and the digit patterns take the next number whole.
 */
function listedEnd(text: string, start: number, end: number): number {
  const comma = /\s*[,;]/.exec(text.slice(start, end));
  if (!comma) return end;
  const ext = text.slice(start + comma.index, end).replace(/\D/g, '');
  return ext.length >= 5 || /^[\s.\-()]{0,2}\d/.test(text.slice(end, end + 3)) ? start + comma.index : end;
}

/** Redacts text for one case: build once per case (the name pattern is compiled once), call per event. */
export class Redactor {
  readonly counts: Record<RedactionType, number> = {
    url: 0,
    email: 0,
    handle: 0,
    date: 0,
    id: 0,
    phone: 0,
    card: 0,
    imei: 0,
    nhs: 0,
    ip: 0,
    mac: 0,
    sortcode: 0,
    iban: 0,
    passport: 0,
    account: 0,
    utr: 0,
    reference: 0,
    order: 0,
    plate: 0,
    postcode: 0,
    address: 0,
    location: 0,
    name: 0,
  };
  private readonly names: RegExp | undefined;
  private readonly capitalised: RegExp | undefined;
  /** Names glued to other letters: a full name run together anywhere, a part capitalised inside a tag (below). */
  private readonly glued: RegExp | undefined;
  private readonly camel: RegExp | undefined;
  private readonly placeholders = new Map<string, string>();
  private readonly keep: RegExp | undefined;

  constructor(
    terms: readonly NameTerm[],
    private readonly region: string | undefined,
    private readonly options: RedactOptions = { shiftedDates: false },
  ) {
    // One apostrophe, as `key` has it: "O’Neill" and "O'Neill" are one name with one placeholder.
    const fold = (x: string) => x.trim().toLowerCase().replace(/\s+/g, ' ').replace(APOSTROPHES, "'");
    // Folded as the text is (folded.ts), so a name or a phrase given in another form still meets it.
    // An acute accent for an apostrophe ("D´Arcy") becomes one before the fold, which would part the name in two.
    const folded = terms.map((t) => ({
      term: foldText(t.term.replace(/´/gu, '’')),
      placeholder: t.placeholder,
    }));
    const uniq = [...new Map(folded.map((t) => [fold(t.term), t])).values()]
      .filter((t) => fold(t.term).length >= 2 && !EVERYDAY_WORDS.has(fold(t.term)))
      // A digit group ("900" of "07700 900 456") is no name: only letters, or a whole number (7+ digits).
      .filter((t) => /\p{L}/u.test(t.term) || t.term.replace(/\D/g, '').length >= 7)
      .sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
    for (const t of uniq) this.placeholders.set(fold(t.term), t.placeholder);
    // The name typed without its accents has that person's placeholder too (unless it is someone's own name).
    for (const t of uniq) {
      const plain = fold(withoutAccents(t.term));
      if (!this.placeholders.has(plain)) this.placeholders.set(plain, t.placeholder);
      // And typed without its apostrophe ("oneill" for "O’Neill"), or in the plural ("the O’Connors").
      const bare = plain.replace(/'/g, '');
      if (bare !== plain) {
        if (!this.placeholders.has(bare)) this.placeholders.set(bare, t.placeholder);
        for (const k of [`${plain}s`, `${bare}s`])
          if (!this.placeholders.has(k)) this.placeholders.set(k, t.placeholder);
      }
    }
    this.keep = phraseAlternation((options.keep ?? []).map(foldText));
    // Each form of a name on its own: "Rosé" is a name, but written without its accent it is the word "rose".
    const all = uniq.flatMap((t) => forms(t.term.trim())).filter((f) => !EVERYDAY_WORDS.has(fold(f)));
    const ordinary = (f: string) => ORDINARY_WORDS.has(fold(f));
    this.names = alternation(
      all.filter((f) => !ordinary(f)),
      'giu',
    );
    // Ordinary words ("Will", "Hurt"): only as written capitalised, like a name (words.ts).
    this.capitalised = alternation(
      [...new Set(all.filter(ordinary).map(fold))].flatMap((w) =>
        forms(w.charAt(0).toUpperCase() + w.slice(1)),
      ),
      'gu',
    );
    // A name glued to other letters, as tags and user names write it ("#JusticeForSam", "ItsSamHere",
    // "realsamsample", "xXSamSampleXx"): the whole-word patterns above never see it. A full name run together
    // (7 letters or more: no word holds "samsample" by chance) is found inside any word, in any case; a single
    // part only where its capital starts it inside a word and no lower-case letter goes on after it (camel case),
    // and not a part that is an ordinary word ("GoodWill", "NoHope" stay), so "Samsung" and "Samantha" stay.
    // Each keeps the placeholder of the full name it was made of; where two full names run together alike, the
    // first (longest) one's, as `uniq` is sorted.
    const joined = uniq
      .map((t) => ({ parts: t.term.trim().split(/\s+/), placeholder: t.placeholder }))
      .filter(({ parts }) => parts.length > 1 && parts.every((w) => /^\p{L}+$/u.test(w)))
      .map(({ parts, placeholder }) => ({ term: parts.join(''), placeholder }))
      .filter((j) => j.term.length >= 7);
    for (const j of joined)
      if (!this.placeholders.has(fold(j.term))) this.placeholders.set(fold(j.term), j.placeholder);
    this.glued = joined.length
      ? new RegExp(
          `(?<name>${[...new Set(joined.flatMap((j) => forms(j.term)))].map(spacedLiteral).join('|')})\\d*`,
          'giu',
        )
      : undefined;
    const parts = [
      ...new Set(
        all
          .filter((f) => /^\p{L}{3,}$/u.test(f) && !ordinary(f))
          .map((f) => f.charAt(0).toUpperCase() + f.slice(1))
          .filter((f) => f.charAt(0) !== f.charAt(0).toLowerCase()),
      ),
    ].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.camel = parts.length
      ? new RegExp(
          `(?<![\\p{Lu}\\p{Lt}]|${SCRIPT_MARK})(?<name>${parts.map(spacedLiteral).join('|')})\\d*(?![\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}])`,
          'gu',
        )
      : undefined;
  }

  /**
   * The text with every recognised identifier replaced by its placeholder. The patterns read the text folded
   * (folded.ts: invisible characters removed, NFKC forms), and each placeholder replaces the whole original
   * span its match came from; the rest of the text is kept as written.
   */
  redact(text: string): string {
    const t = new FoldedText(text);
    this.sub(t, URL_RE, 'url', '[URL]');
    this.sub(t, EMAIL_RE, 'email', '[EMAIL]');
    for (const re of OBFUSCATED_EMAIL_RES) this.sub(t, re, 'email', '[EMAIL]', obfuscatedEmail);
    t.replace(BARE_URL_RE, (m) => {
      // Sentence punctuation after a path ("see t.me/roselee.") is not part of the URL.
      const tail = /[.,;:!?)\]'"]+$/.exec(m[0])?.[0] ?? '';
      this.counts.url++;
      return { text: '[URL]', trail: tail.length };
    });
    this.sub(t, HANDLE_RE, 'handle', '[HANDLE]');
    this.sub(t, APP_HANDLE_RE, 'handle', '[HANDLE]');
    this.fileStamps(t);
    // Before dates and phone numbers, which would take their digits for a phone number (or a date). A version
    // number after its word is set aside first: it is no address.
    t.setAside(VERSION_RE, () => true, '\uE000');
    t.setAside(VERSION_SHAPE_RE, versionShaped, '\uE000');
    this.sub(t, IPV4_RE, 'ip', '[IP]');
    t.replace(IPV6_RE, (m) => {
      // A full stop after the address ends the sentence.
      const trail = /\.*$/.exec(m[0])![0].length;
      if (!isIPv6(m[0].slice(0, m[0].length - trail))) return undefined;
      this.counts.ip++;
      return { text: '[IP]', trail };
    });
    this.sub(t, MAC_RE, 'mac', '[MAC]');
    // Times of day are kept, with the dates shifted too: set aside, so no number step takes their minutes.
    t.setAside(TIME_RE, () => true, '\uE000');
    this.sub(t, IBAN_RE, 'iban', '[IBAN]', iban);
    this.sub(t, LICENCE_RE, 'id', '[ID]', licence);
    // Tracking, order and booking numbers (parcels.ts), whole: the digit steps left their letters ("JD[PHONE]GB").
    // Their own placeholder, and before the police references, whose bare "ref" would take "booking ref QX12345678":
    // a researcher counting police references must not count parcels among them.
    t.replace(NAMED_PARCEL_RE, (m) => {
      this.counts.order++;
      return { text: '[ORDER-REF]', lead: m.groups!['marker']!.length };
    });
    // Before sort codes, cards, NHS numbers and phone numbers, which would take their digits.
    for (const [kind, re, when] of REFERENCE_RES)
      t.replace(re, (m, text) => {
        if (when && !when(m, text)) return undefined;
        this.counts[kind]++;
        return { text: `[${kind.toUpperCase()}]`, lead: m.groups!['marker']!.length };
      });
    // Letters glued to digits with no word: after the police references, so "crime ref AB1234567" stays one.
    this.sub(t, GLUED_REFERENCE_RE, 'order', '[ORDER-REF]', gluedReference);
    this.sub(t, SORT_CODE_RE, 'sortcode', '[SORT-CODE]', (m, text) => sortCode(m, namingText(text, m.index)));
    this.sub(t, ACCOUNT_BESIDE_SORT_CODE_RE, 'account', '[ACCOUNT]');
    t.replace(LONG_NUMBER_RE, (m, text) => {
      const kind = numberKind(m[0], namingText(text, m.index), this.region);
      if (kind === undefined) return undefined;
      this.counts[kind]++;
      return NUMBER_PLACEHOLDERS[kind];
    });
    // Before dates and phone numbers, which would take "51.507351,-0.127758" for digits of theirs.
    this.sub(t, LOCATION_RE, 'location', '[LOCATION]', validPosition);
    t.replace(BIRTH_RE, (m) => {
      if (!validDate(m.groups)) return undefined;
      this.counts.date++;
      return { text: '[DATE]', lead: m.groups!['marker']!.length };
    });
    // A street named after a month ("5 May Road") before its house number and month are taken for a date.
    this.sub(t, DATED_STREET_RE, 'address', '[ADDRESS]');
    // Dates kept as written are set aside, so that no later step takes their digits for a phone number.
    const realDate = (m: RegExpExecArray) => validDate(m.groups) && !verbMay(m[0]);
    if (this.options.shiftedDates)
      this.sub(t, DATE_RE, 'date', '[DATE]', (m, s) => realDate(m) && !englishWordMonth(m, s));
    else t.setAside(DATE_RE, realDate, '\uE000');
    this.sub(t, NINO_RE, 'id', '[ID]');
    this.sub(t, IBERIAN_POSTCODE_RE, 'postcode', '[POSTCODE]');
    this.phones(t);
    this.joinedNumbers(t);
    // After the numbers from a `+` (`+1 202–555–0147` is one already), before the bare digit runs.
    this.sub(t, NANP_WIDE_DASH_RE, 'phone', '[PHONE]', nanpWideDash);
    this.digitRuns(t);
    this.sub(
      t,
      LETTER_O_DIGITS_RE,
      'phone',
      '[PHONE]',
      (m) => /[Oo]/.test(m[0]) && (m[0].match(/[\dOo]/g)?.length ?? 0) >= 7,
    );
    this.sub(t, PLATE_RE, 'plate', '[PLATE]', (m, text) => plate(m, text) && !flight(m, text));
    this.sub(t, NI_PLATE_RE, 'plate', '[PLATE]', niPlate);
    this.sub(t, DATELESS_RE, 'plate', '[PLATE]', datelessPlate);
    // After phone numbers, whose digit groups may look like years or a day and month.
    if (this.options.shiftedDates) {
      this.sub(t, DAY_MONTH_RE, 'date', '[DATE]', (m) => dayMonth(m));
      this.sub(t, YEAR_RE, 'date', '[YEAR]');
      this.sub(t, MONTH_ALONE_RE, 'date', '[DATE]');
    }
    // Before titled names: the hex of a titled name's placeholder can be postcode-shaped, and the case-blind
    // pattern took the "p64fb" of "[NAME:p64fb]" for one, leaving "[NAME:[POSTCODE]]".
    this.sub(t, POSTCODE_RE, 'postcode', '[POSTCODE]');
    // Before addresses, which would take "Saw Dr" of "Saw Dr Patel" for a street; a name the case knows is
    // left to the name step, so it keeps its one placeholder.
    t.replace(TITLED_RE, (m) => {
      const [, title, name] = m as unknown as [string, string, string];
      return this.namedPerson(name, title.length);
    });
    // A witness's initial and surname, once the titled names are placeholders ("witness: Dr R. Patel" is one).
    t.replace(WITNESSED_RE, (m) => this.namedPerson(m[1]!, 0));
    // Before the English patterns, which took "3 bis avenue" of "3 bis avenue Victor Hugo" for a lower-case street.
    this.sub(t, NUMBERED_US_STREET_RE, 'address', '[ADDRESS]');
    for (const re of FOREIGN_STREET_RES) this.sub(t, re, 'address', '[ADDRESS]', ruaOrInitial);
    this.sub(t, ADDRESS_RE, 'address', '[ADDRESS]', (m, s) => !courtOfLaw(m) && !hearingTime(m, s));
    this.sub(t, NUMBERED_ADDRESS_RE, 'address', '[ADDRESS]');
    this.sub(t, SHOUTED_ADDRESS_RE, 'address', '[ADDRESS]');
    this.sub(t, LOWER_PLACE_STREET_RE, 'address', '[ADDRESS]', lowerPlaceStreet);
    this.sub(t, PLACED_NUMBERED_STREET_RE, 'address', '[ADDRESS]');
    this.sub(t, PLACED_STREET_RE, 'address', '[ADDRESS]');
    for (const re of [this.names, this.capitalised, this.glued, this.camel]) {
      if (!re) continue;
      // Per copy of the text the patterns read (folded.ts), the spans the phrases to keep cover.
      const kept = new Map<string, [number, number][]>();
      t.replace(re, (m, text) => {
        const at = m.index;
        if (re === this.capitalised && this.keep) {
          const keep = kept.get(text) ?? covered(this.keep, text);
          kept.set(text, keep);
          if (keep.some(([from, to]) => from <= at && at + m[0].length <= to)) return undefined;
        }
        this.counts.name++;
        return this.placeholders.get(key(m.groups?.['name'] ?? m[0])) ?? '[NAME]';
      });
    }
    return t.toString();
  }

  /**
   * The placeholder of a person's name found by its shape after a title or a word naming a witness, `lead`
   * characters into the match (the title, kept); undefined for a name the case knows, which the name step redacts
   * with that person's placeholder. A possessive "'s" is kept.
   */
  private namedPerson(name: string, lead: number): Replacement | undefined {
    const possessive = /['’]s$/.exec(name)?.[0] ?? '';
    const bare = name.slice(0, name.length - possessive.length);
    const known = [bare, ...bare.split(/[\s.]+/)].some((w) => this.placeholders.has(key(w)));
    if (known) return undefined;
    this.counts.name++;
    return { text: this.options.nameToken?.(bare) ?? '[NAME]', lead, trail: possessive.length };
  }

  /** Replaces the matches of `re` (those `when` accepts) by `placeholder`, counting them as `type`. */
  private sub(
    text: FoldedText,
    re: RegExp,
    type: RedactionType,
    placeholder: string,
    when: (m: RegExpExecArray, text: string) => boolean = () => true,
  ): void {
    text.replace(re, (m, s) => {
      if (!when(m, s)) return undefined;
      this.counts[type]++;
      return placeholder;
    });
  }

  /**
   * The counters, dates and times in the names apps give attachments (file-names.ts): set aside, so their digits
   * are no phone number; the date is replaced as every written date is when the dates are shifted.
   */
  private fileStamps(text: FoldedText): void {
    // Every stamp holds 5 digits together, or an ISO date (`photo_2024-03-12_10-30-00.jpg`).
    if (!/\d{5}|\d{4}-\d\d-\d\d/.test(text.text)) return;
    text.setAside(COUNTER_RE, () => true, '\uE000');
    text.setAside(CAMERA_COUNTER_RE, () => true, '\uE000');
    if (!this.options.shiftedDates) {
      text.setAside(STAMP_RE, (m) => stampParts(m) !== undefined, '\uE000');
      return;
    }
    text.replace(STAMP_RE, (m) => {
      const parts = stampParts(m);
      if (!parts) return undefined;
      this.counts.date++;
      return { text: '[DATE]', lead: parts.lead.length, trail: parts.trail.length };
    });
    // The time after the date stays, as times of day do (and is no phone number either).
    text.setAside(STAMP_TRAIL_RE, () => true, '\uE000');
  }

  /**
   * The runs of 7 or more digits the library took no number from (DIGITS_RE) → `[PHONE]`, each number of a run
   * apart and a count after one kept (phone-ends.ts: "rang 07700 900123 5 times").
   */
  private digitRuns(text: FoldedText): void {
    const ends = new NumberEnds(this.region);
    this.counts.phone += text.replaceFound((s) => {
      const spans: [number, number][] = [];
      // Read with a hyphen for each other join between digits (`9876–5432`, `03ー1234ー5678`).
      const read = hyphened(s);
      DIGITS_RE.lastIndex = 0;
      for (let m = DIGITS_RE.exec(read); m !== null; m = DIGITS_RE.exec(read))
        spans.push(
          // Ranges are no number, also where a whole number ends before them (phone-ends.ts), unless the text
          // says a number is meant.
          ...ends
            .spans(m[0], m.index, read.slice(m.index + m[0].length, m.index + m[0].length + 16))
            .filter(([from, to]) => !this.keptRange(s, read, from, to)),
        );
      // A code written apart from the number (`( +44 ) 7700 900123`): the run starts after it.
      return spans.map(([from, to]): [number, number] => [withCallingCode(s, from), to]);
    }, '[PHONE]');
  }

  /**
   * Whether the digits at [from, to) of `text` (`read` with hyphens for its other joins) are ranges to keep: ranges
   * as a list of them is written (ranges.ts, `rangeList`: `open 9-12 2-5 7-9`, `2019-2020-2021`); or, joined by a
   * wide dash or another of `NUMBER_JOINS` (which no digit step read before), ending in a range a number's last
   * digits are seldom written as (`rangeShaped`: `200–1000`, `600–2024`, `830–1030`, as the North American rule
   * reads them), a range of 24-hour times (`0830–1730`) or before a word of count (`300–1050 people`). Not where
   * the text says a number is meant (ranges.ts, `numberMeant`: "liga 2019-2045", "call 200–1000").
   */
  private keptRange(text: string, read: string, from: number, to: number): boolean {
    const run = read.slice(from, to);
    const written = text.slice(from, to);
    let shaped = rangeList(run);
    if (!shaped && written !== run) {
      const last = LAST_JOINED_RE.exec(written.slice(-20));
      shaped =
        last !== null &&
        (rangeShaped(Number(last[1]), Number(last[2])) ||
          TIME_RANGE_RE.test(written) ||
          NANP_COUNT_AFTER_RE.test(text.slice(to, to + 24)));
    }
    return shaped && !numberMeant(text, from, to, run, this.region);
  }

  /**
   * The numbers joined by a wide dash, a spaced dash, a slash, an underscore, a comma, a colon or a middle dot
   * (`JOINED_DIGITS_RE`) → `[PHONE]`, before the library, which splits a candidate at such a join and took only
   * the part after it (`0151/[PHONE]`) or nothing (`07700–900123`, `07700 - 900123`). Taken only where some part
   * between the joins holds fewer than 7 digits, so the join holds one number together: where every part is a
   * number of its own (`07700 900123 / 07700 900456`) the steps after take each as before. The run is read with
   * its joins as spaces and dashes, so a count after it stays (`07700/900123 5 times`, phone-ends.ts).
   */
  private joinedNumbers(text: FoldedText): void {
    const ends = new NumberEnds(this.region);
    this.counts.phone += text.replaceFound((s) => {
      const spans: [number, number][] = [];
      JOINED_DIGITS_RE.lastIndex = 0;
      for (let m = JOINED_DIGITS_RE.exec(s); m !== null; m = JOINED_DIGITS_RE.exec(s)) {
        const run = m[0];
        const parts = run.split(ODD_JOIN_SPLIT);
        // Each join must come before the number is whole: "0161 496 0000,204" is a number and its extension.
        if (parts.length < 2 || parts.slice(0, -1).some((p) => digitCount(p) >= 7) || TIME_RANGE_RE.test(run))
          continue;
        // Read as the library reads a number: the joins it does not know as spaces, wide dashes as dashes.
        const read = run.replace(NUMBER_JOIN_G, '-').replace(/[/\\_,:\u00B7\u2022\u2219]/gu, ' ');
        const end = m.index + run.length;
        spans.push(...ends.spans(read, m.index, s.slice(end, end + 16)));
      }
      return spans;
    }, '[PHONE]');
    // The start the library left of a number it found the rest of goes into its placeholder, counted once.
    text.replace(JOINED_START_RE, (m) => (digitCount(m[0]) < 7 ? '' : undefined));
  }

  private phones(text: FoldedText): void {
    if (!/\d{3}/.test(text.text)) return;
    this.counts.phone += text.replaceFound((s) => {
      // Only the places a number can be (phone-windows.ts): a hostile text made the library parse every digit.
      // With a hyphen for each other join between digits, which the library breaks a number at or does not know.
      const { searched, unread } = phoneWindows(hyphened(s));
      const found =
        searched === undefined
          ? []
          : phoneNumbers()
              .findPhoneNumbersInText(searched, { defaultCountry: this.region as CountryCode | undefined })
              .map((f) => [withCallingCode(s, f.startsAt), listedEnd(s, f.startsAt, f.endsAt)] as const);
      return [...found, ...unread];
    }, '[PHONE]');
  }
}

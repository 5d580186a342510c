/**
 * Ranges that the digit step (redact.ts, DIGITS_RE) would take for a phone number, as diaries write them:
 *
 *   open 9-12 2-5 7-9             (hours: a list of ranges, a hyphen in each, a space between them)
 *   rooms 101-105 201-205         (short runs of 3-digit numbers, one after another)
 *   0900-1200 1400-1700           (times of day, one after another)
 *   2019-2020-2021, from 1990-1995 (years going up)
 *
 * They hold 7 digits or more and became `[PHONE]`; with the dates shifted their years were no `[YEAR]`. They stay,
 * but only where nothing says a number is meant, as a number typed so is left in clear otherwise:
 *
 *   liga 2019-2045                (a Brazilian local number after "ring": a word that gives a number out)
 *   his numbers 12-34 56-78       (a number typed in pairs)
 *   office 2019-2045 ext 12       (an extension after it)
 *   2019-2045 in a Brazilian, Hong Kong or Singapore case, whose local numbers are written 2xxx-xxxx
 *   830-1030 845-1015             (times that overlap: no list of opening hours)
 *
 * A leak is worse than a range taken: where in doubt, the run is a number.
 */
import type { CountryCode } from 'libphonenumber-js';
import { phoneNumbers } from '../phone-numbers.js';

/** A time of day at the hour or a quarter past, to, or half past (`830`, `1030`, `1745`). */
const quarterHour = (n: number) => n % 100 < 60 && (n % 100) % 15 === 0 && n < 2400;

/**
 * Whether `from`–`to` reads as a range rather than a number's last digits: to a round hundred of 1,000 or more
 * (`300–1000`, `800–1500`), to a year (`600–2024`), or from one time of day to another (`830–1030`).
 */
export function rangeShaped(from: number, to: number): boolean {
  if (to < 1000) return false;
  return to % 100 === 0 || (to >= 1990 && to <= 2039) || (quarterHour(from) && quarterHour(to));
}

/** A year of the kind a text speaks of (1900–2099), written whole. */
const wholeYear = (g: string) => /^(?:19|20)\d\d$/.test(g);
/** A time of day written as 3 or 4 digits at the hour or a quarter past, to or half past (`830`, `0900`, `1730`). */
const clockTime = (g: string) => g.length >= 3 && quarterHour(Number(g));

/** What a range of a list reads as (`rangeKind`). */
type RangeKind = 'hours' | 'numbers' | 'years' | 'times';

/**
 * What `a`–`b` (digits only) reads as in a list of ranges: `times`, two times of day going up (`0900-1200`,
 * `830-1030`); `hours`, hours or a score, both 24 or less and written in 1 or 2 digits (`9-12`, `6-2`, `3-1`);
 * `numbers`, two numbers of 3 digits going up by less than 100 (`101-105`, `120-135`); `years`, years going up
 * (`2019-2020`); undefined for anything else, such as `12-34` or `123-456` (a number typed in groups). Never a
 * group of 2 digits or more starting with 0, save a time of day (`0900`).
 */
function rangeKind(a: string, b: string): RangeKind | undefined {
  const [x, y] = [Number(a), Number(b)];
  if (clockTime(a) && clockTime(b)) return x < y ? 'times' : undefined;
  if (/^0\d/.test(a) || /^0\d/.test(b)) return undefined;
  if (a.length <= 2 && b.length <= 2 && x <= 24 && y <= 24) return 'hours';
  if (a.length === 3 && b.length === 3) return x < y && y - x < 100 ? 'numbers' : undefined;
  return wholeYear(a) && wholeYear(b) && x < y ? 'years' : undefined;
}

/**
 * Whether a run of 7 digits or more that the digit step found (hyphens and single spaces between its groups) is
 * shaped as ranges, where a hyphen parts two numbers of a range and a space two ranges: two ranges or more of one
 * `rangeKind` (`open 9-12 2-5 7-9`, `rooms 101-105 201-205`, `0900-1200 1400-1700`, `2019-2020 2021-2022`), each
 * starting where the one before ends or later, save hours (`9-12 2-5`, `6-2 2-10 10-6` go round the clock); or
 * years going up one by one or a range of two (`2019-2020-2021`, `from 1990-1995`). Taken only as a whole: a number
 * written among them (`Bus 212 830-1030`: a New York number is written `212 830-1030`), a group of a pair standing
 * alone, a bracket, a `+`, a full stop, two spaces, a chain of three groups or more other than years
 * (`555-123-4567`, `07700-900-123`, `10-12-14-16`) or one range of other numbers (`830-1030`, a local number's
 * shape) are no ranges. Nor are ranges that overlap (`830-1030 845-1015`, `200-1200 215-1215`) or numbers typed in
 * pairs (`12-34 56-78`); a run that starts with a 0, unless every group is a time of day (`09-12 14-17`, like a
 * number typed in pairs: `0-7 7-0 0-9…`); or a run of single digits only (`3-1 2-2 4-0 1-1`, scores, or a number).
 */
export function rangeList(run: string): boolean {
  if (!/^\d+(?:[- ]\d+)*$/.test(run)) return false;
  const groups = run.split(/[- ]/);
  if (!run.includes(' ')) {
    if (!groups.every(wholeYear)) return false;
    const years = groups.map(Number);
    return years.length === 2
      ? years[0]! < years[1]!
      : years.every((y, k) => k === 0 || y === years[k - 1]! + 1);
  }
  const pairs = run.split(' ').map((t) => t.split('-'));
  if (pairs.length < 2 || pairs.some((p) => p.length !== 2)) return false;
  if (run.startsWith('0') && !groups.every(clockTime)) return false;
  if (groups.every((g) => g.length === 1)) return false;
  const kinds = pairs.map(([a, b]) => rangeKind(a!, b!));
  const kind = kinds[0];
  if (kind === undefined || kinds.some((k) => k !== kind)) return false;
  // One after another: each range starts where the one before ends, or later (hours go round the clock).
  return kind === 'hours' || pairs.every((p, k) => k === 0 || Number(p[0]) >= Number(pairs[k - 1]![1]));
}

/**
 * The words that give a phone number out, in the languages of the cases chronolog reads: "call", "ring", "text",
 * "number", "phone", "tel", "mob", "cell", "WhatsApp"; Portuguese "liga", "ligue", "celular", "zap"; Spanish
 * "llama", "llámame", "móvil"; French "appelle", "portable"; German "ruf", "anrufen", "Handy", "Nummer"; Italian
 * "chiama"; Dutch "bel". Any of them before a run makes it a number, however range-shaped.
 */
const PHONE_WORDS = [
  'numbers?',
  'nos?\\.',
  'nums?',
  'nr',
  'ph',
  'phone[sd]?',
  'phoning',
  't[eé]l(?:e?phone)?',
  'call(?:s|ed|ing)?',
  'ring(?:s|ing)?',
  'rang',
  'rung',
  'dial(?:s|l?ed|l?ing)?',
  'text(?:s|ed|ing)?',
  'txt',
  'sms',
  'msg',
  'mob(?:ile)?',
  'cell(?:phone)?',
  'landline',
  'hotline',
  'fax',
  'contact',
  'reach',
  'whats\\s?app',
  'whats',
  'wpp',
  'zap(?:zap)?',
  'viber',
  'signal',
  // Portuguese, Spanish, French, German, Italian, Dutch.
  'lig(?:a|ar|ue|ou)',
  'celular',
  'cel',
  'telefone',
  'fone',
  'n[úu]mero',
  'll[áa]m(?:a|e|ar|ame)',
  'tel[ée]fono',
  'm[óo]vil',
  'appel(?:le|lez|er)',
  't[ée]l[ée]phone',
  'portable',
  'num[ée]ro',
  'ruf(?:t|en)?',
  'anrufen',
  'telefon',
  'handy',
  'nummer',
  'chiam(?:a|ami|are)',
  'cellulare',
  'bel',
  'tlf',
];
/**
 * Words between the one that gives a number out and the number: "call me on", "his number is now", "ring him
 * back at", "me liga no", "llama al", "appelle-moi au", "ruf mich unter".
 */
const FILLERS = [
  'is',
  'was',
  'are',
  'now',
  'me',
  'him',
  'her',
  'them',
  'us',
  'you',
  'on',
  'at',
  'to',
  'back',
  'again',
  'new',
  'his',
  'my',
  'our',
  'their',
  'the',
  'a',
  'its',
  "it['’]s",
  'no\\.?',
  'nr\\.?',
  'numbers?',
  'de',
  'do',
  'da',
  'em',
  'na',
  'pra',
  'para',
  'al',
  'au',
  'moi',
  'mich',
  'mir',
  'unter',
  'an',
  'am',
  'é',
  'es',
  'est',
  'ist',
  'mi',
  'meu',
  'minha',
  'mon',
  'mein',
  'meine',
];
const PHONE_WORD_BEFORE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${PHONE_WORDS.join('|')})(?:[\\s:#.=,()\\-]{1,3}(?:${FILLERS.join('|')}))*[\\s:#.=,(\\-]{0,3}$`,
  'iu',
);
/** An extension after the run ("office 2019-2045 ext 12", "x12", Portuguese "ramal 3", German "Durchwahl 4"). */
const EXTENSION_AFTER_RE =
  /^\s{0,3}[,;(]?\s{0,2}(?:ext(?:ension|n)?\.?|ramal|durchwahl|poste|x(?=\s?\d))\s{0,2}[:.#]?\s{0,2}\d/iu;
/**
 * The regions whose local numbers are written as range-shaped digits (Brazil's fixed `2xxx-xxxx` and mobile
 * `9xxxx-xxxx`, Hong Kong's and Singapore's `xxxx-xxxx`, all dialled without an area code): in a case of theirs a
 * pair of 4 digits and 4 (5 and 4 in Brazil) is a number, also where the library calls it none (Brazil's want
 * an area code to be valid).
 */
const LOCAL_SHAPES: Readonly<Partial<Record<string, RegExp>>> = {
  BR: /^\d{4,5}-\d{4}$/,
  HK: /^\d{4}-\d{4}$/,
  SG: /^\d{4}-\d{4}$/,
};

/**
 * Whether the range-shaped run `run` (digits read with hyphens for its joins) at [from, to) of `text` is still to
 * be taken for a number: after a word that gives a number out (`PHONE_WORDS`, "call", "liga", "his number is"),
 * before an extension, in a region whose local numbers are so written (`LOCAL_SHAPES`), or where the phone library
 * calls its digits a valid national number of the case region (an 8-digit Danish or Norwegian one).
 */
export function numberMeant(
  text: string,
  from: number,
  to: number,
  run: string,
  region: string | undefined,
): boolean {
  if (PHONE_WORD_BEFORE_RE.test(text.slice(Math.max(0, from - 60), from))) return true;
  if (EXTENSION_AFTER_RE.test(text.slice(to, to + 24))) return true;
  if (region === undefined) return false;
  if (LOCAL_SHAPES[region]?.test(run)) return true;
  const digits = run.replace(/\D/g, '');
  return digits.length <= 17 && phoneNumbers().isValidPhoneNumber(digits, region as CountryCode);
}

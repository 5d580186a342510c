/**
 * Where the numbers end in a run of digits that libphonenumber-js found no number in, as messages write them:
 *
 *   he rang 07700 900123 5 times today       (a number, then a count: "[PHONE] 5 times", not "[PHONE] times")
 *   07911 123456 07911 654321                (two numbers one space apart: two `[PHONE]`s)
 *   +44 7700 900123 3 times                  (a number in international form, then a count)
 *
 * The library reads such a run as one candidate, finds it too long for a number and takes nothing, so the digit
 * pattern that catches what it rejects (redact.ts) took the whole run: the count after a number was lost (and
 * with it what a researcher reads of "5 times"), and two numbers were counted as one. A run is now cut after a
 * group of digits where a whole number ends: one the library calls valid in the case region (`07911 123456`), or
 * one of the longest length a number of its country can have (`07700 900123`, a number of Ofcom's range for drama,
 * which the library calls possible but not valid), so one digit more would make it too long. The groups after it
 * are read again the same way; those holding fewer than 7 digits (the count) stay as written. A number ends after
 * five groups at most: digits spaced one by one (`0 7 7 0 0 9 0 0 1 2 3`) show no end, and stay one run.
 *
 * Only a break holding white space cuts (`07700 900123 5`, never `07700-900123-5`), and only where the whole run
 * is no number of a possible length: a run the library could take for one number stays one `[PHONE]`. Where no
 * number ends (no region set and no `+`, or digits no country's numbers fit: `0151 2345 6704` in a UK case), the
 * run stays one `[PHONE]` as before: a number of another country's length left partly in clear would be worse than
 * a count lost. The library is asked at most `CHECKS` times per text, past which runs are taken whole, so a text
 * built of thousands of numbers costs no more than a message.
 *
 * Without a case region a number in national form shows no end, but one case is safe to cut: a count of 1 to 3
 * digits that a count word follows (`rang 07700 900123 5 times`, `3 missed calls`, `5x`), after groups that are
 * a whole UK number (trunk 0) or North American one (`(555) 010-9999 4 times`). The word says the last group is a
 * count, and the whole number before it says no digit of the number is left in clear; without the word
 * (`030 1234567 89`, a German number's last digits?) or the whole number (`0151 2345 6704 2 times`), the run
 * stays one `[PHONE]`.
 *
 * A country code in brackets (`(+44) 7700 900123 5 times`, a spelling the digit pattern takes with its bracket) is
 * read without the bracket before the `+`: the library calls anything starting "(+" no number at all, so no
 * number ended in such a run and the count after it was taken into the `[PHONE]`.
 */
import type { CountryCode } from 'libphonenumber-js';
import { phoneNumbers } from '../phone-numbers.js';

/** A number never has more digits: 15 (E.164) and the international prefix 00. */
const MAX_DIGITS = 17;
/**
 * A number ends after at most this many groups (`+44 7700 900 123` has four): digits spaced one by one
 * (`0 7 7 0 0 9 0 0 1 2 3`, written to slip past filters) give no sign where a number ends, and stay one run.
 */
const MAX_GROUPS = 5;
/** Fewer digits than any number the digit pattern takes. */
const MIN_DIGITS = 7;
/** Library checks per text; a message needs a few, a pasted list of numbers a few per number. */
const CHECKS = 2_000;
/** A break between two groups where a number may end: separators holding white space. */
const BREAK_RE = /[\s.\-()]*\s[\s.\-()]*/g;

/** The regions whose national numbers a count is cut from without a case region (see above). */
const COUNTED_REGIONS: readonly CountryCode[] = ['GB', 'US'];
/** A word after a count of calls or messages, as victims write them: "5 times", "3 missed calls", "5x". */
const COUNT_WORD_RE =
  /^\s*(?:x|times?|calls?|missed|rings?|texts?|messages?|msgs?|voicemails?|vms?|attempts?|mins?|minutes?|hrs?|hours?|days?|weeks?|more|in a row)(?![\p{L}\p{N}])/iu;

/** `number` as the library reads it: `(+44) 7700 900123` as `+44) 7700 900123` (it rejects "(+" outright). */
function asked(number: string): string {
  return number.replace(/^\(\s*\+/, '+');
}

/** Asks the library whether the numbers of a run end, within a budget of checks shared by one text. */
export class NumberEnds {
  private left = CHECKS;

  constructor(private readonly region: string | undefined) {}

  /**
   * The [start, end) spans, from `offset`, of the numbers in `run` (a match of the digit pattern): each number
   * where one ends, the rest as one number, and the groups after the last number left out when they hold fewer
   * than 7 digits.
   */
  spans(run: string, offset: number, after = ''): [number, number][] {
    // The groups of digits, split at the breaks holding white space.
    const groups: [number, number][] = [];
    let at = 0;
    BREAK_RE.lastIndex = 0;
    for (let b = BREAK_RE.exec(run); b !== null; b = BREAK_RE.exec(run)) {
      groups.push([at, b.index]);
      at = b.index + b[0].length;
    }
    groups.push([at, run.length]);
    const digits = groups.map(([s, e]) => run.slice(s, e).replace(/\D/g, '').length);
    const spans: [number, number][] = [];
    let rest = digits.reduce((a, b) => a + b, 0); // digits in groups[i…]
    for (let i = 0; i < groups.length; ) {
      if (rest < MIN_DIGITS) break;
      const end = this.firstEnd(run, groups, digits, i);
      if (end === undefined) {
        const counted = i === 0 && this.counted(run, groups, digits, after);
        spans.push([offset + groups[i]![0], offset + (counted ? groups[groups.length - 2]![1] : run.length)]);
        break;
      }
      spans.push([offset + groups[i]![0], offset + groups[end]![1]]);
      for (; i <= end; i++) rest -= digits[i]!;
    }
    return spans;
  }

  /**
   * The last group of the number starting at group `i`, where it ends before the run does; undefined where the
   * rest of the run is one number, or no number ends in it.
   */
  private firstEnd(
    run: string,
    groups: readonly [number, number][],
    digits: readonly number[],
    i: number,
  ): number | undefined {
    const text = (j: number) => run.slice(groups[i]![0], groups[j]![1]);
    const last = groups.length - 1;
    if (i === last || this.possible(text(last))) return undefined;
    let found: number | undefined;
    let count = 0;
    for (let j = i; j < last && j < i + MAX_GROUPS; j++) {
      count += digits[j]!;
      if (count > MAX_DIGITS) break;
      if (count >= MIN_DIGITS && this.ends(text(j))) found = j;
    }
    return found;
  }

  /**
   * Without a region: whether the run's last group is a count (1 to 3 digits, a count word `after` the run) after
   * a whole national number of COUNTED_REGIONS, the rest of the run.
   */
  private counted(
    run: string,
    groups: readonly [number, number][],
    digits: readonly number[],
    after: string,
  ): boolean {
    const last = groups.length - 1;
    if (this.region !== undefined || last < 1 || digits[last]! > 3 || !COUNT_WORD_RE.test(after))
      return false;
    const number = run.slice(0, groups[last - 1]![1]);
    if (number.replace(/\D/g, '').length < MIN_DIGITS || /^\D*\+/.test(number)) return false;
    return COUNTED_REGIONS.some((country) => this.ends(number, country));
  }

  /** Whether `number` has a length a number can have (false when out of checks: the run is taken whole). */
  private possible(number: string): boolean {
    if (this.left <= 0) return true;
    this.left--;
    return phoneNumbers().validatePhoneNumberLength(asked(number), this.country) === undefined;
  }

  /** Whether a number ends with `number`: valid, or of a possible length that one digit more makes too long. */
  private ends(number: string, country = this.country): boolean {
    if (this.left <= 0) return false;
    this.left -= 2;
    const lib = phoneNumbers();
    number = asked(number);
    if (lib.isValidPhoneNumber(number, country)) return true;
    return (
      lib.validatePhoneNumberLength(number, country) === undefined &&
      lib.validatePhoneNumberLength(`${number}0`, country) === 'TOO_LONG'
    );
  }

  private get country(): CountryCode | undefined {
    return this.region as CountryCode | undefined;
  }
}

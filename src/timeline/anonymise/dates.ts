/**
 * Dates written inside text (message bodies, milestone labels), for the redactor. A secret date shift is only
 * secret while no written date sits next to a shifted one: "the order was served on 20 May" beside a shifted
 * milestone gives the offset away, and with it the whole case. Shifting written dates reliably is impossible
 * (formats, missing years, day/month order), so they are replaced by `[DATE]` instead.
 *
 * Recognised, case-insensitively and without a weekday: numeric day/month/year and month/day/year with `/`, `.`
 * or `-` and 2- or 4-digit years (`22/04/2024`, `4.22.24`); ISO-like year-month-day (`2024-04-22`,
 * `2024/4/22`); a day and a month name (`20 May`, `20th of May 2024`, `1 Apr. '24`); a month name and a day
 * (`May 20`, `May 20th, 2024`); a month name and a 4-digit year (`March 2024`), or a month number and one
 * (`03.2019`, `3/2019`); a holiday (`Christmas Eve`,
 * `Bonfire Night 2023`). Month names are full or abbreviated. Times of day (`22:50`, `2.30am`) and plain numbers are not dates: a numeric date needs three
 * parts with valid day and month numbers, and a month name needs a day or a year next to it.
 *
 * A date of birth (a date, or a 4-digit year, after "born", "DOB", "d.o.b." or "date of birth") identifies a
 * person whether or not dates are shifted, so it is always replaced.
 */

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\\.(?=,?\\s*[\\d\\x27]))?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR4 = '(?:1[89]\\d\\d|2[01]\\d\\d)';
const YEAR = `(?:${YEAR4}|'\\d\\d)(?![/.-]\\d)`;
/** Not inside a longer number or another numeric date. */
const NUM_BEFORE = '(?<![\\p{L}\\p{N}_]|\\d[/.-])';
/** Not followed by more of a number; `T` then a digit starts the time of an ISO timestamp. */
const NUM_AFTER = '(?!(?!T\\d)[\\p{L}\\p{N}_]|[/.-]\\d)';

/** `dd/mm/yy(yy)`, `mm/dd/yy(yy)` with one separator used twice. */
const NUMERIC = `${NUM_BEFORE}(?<a>\\d{1,2})(?<s1>[/.-])(?<b>\\d{1,2})\\k<s1>(?:\\d{4}|\\d{2})${NUM_AFTER}`;
/** `yyyy-mm-dd` (also with `/` or `.`). */
const ISO = `${NUM_BEFORE}\\d{4}(?<s2>[/.-])(?<im>\\d{1,2})\\k<s2>(?<id>\\d{1,2})${NUM_AFTER}`;
/**
 * Days named for a holiday ("on Christmas Eve", "Bonfire Night 2023"): a date as plain as "24 December", and
 * as telling beside a shifted record. Movable feasts (Easter, Mother's Day) are dates within a year too.
 */
const HOLIDAY = `(?:christmas(?:\\s+(?:day|eve))?|xmas(?:\\s+(?:day|eve))?|boxing\\s+day|new\\s+year['’]?s(?:\\s+(?:day|eve))?|hogmanay|valentine['’]?s(?:\\s+day)?|hallowe['’]?en|bonfire\\s+night|guy\\s+fawkes(?:\\s+night)?|burns\\s+night|st\\.?\\s+patrick['’]?s\\s+day|easter(?:\\s+(?:sunday|monday|day|weekend))?|good\\s+friday|mothering\\s+sunday|mother['’]?s\\s+day|father['’]?s\\s+day|thanksgiving(?:\\s+day)?|independence\\s+day)(?:\\s+${YEAR4})?`;
/** Dates with a month name: day month [year] | month day [year] | month year; and holidays. */
const NAMED = `(?<![\\p{L}\\p{N}_])(?:${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?|${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?|${MONTH}\\s+${YEAR4}|${HOLIDAY})(?![\\p{L}\\p{N}_])`;

/** `mm/yyyy` or `mm.yyyy` (`since 03.2019`), a month and a 4-digit year written as numbers. */
const MONTH_YEAR = `${NUM_BEFORE}(?:0?[1-9]|1[0-2])[/.-]${YEAR4}${NUM_AFTER}`;

/** One written date, any recognised form (the named groups are the numeric parts, checked by `validDate`). */
const DATE_SRC = `(?:${NUMERIC}|${ISO}|${MONTH_YEAR}|${NAMED})`;

/** Every written date (see the module comment). */
export const DATE_RE = new RegExp(DATE_SRC, 'giu');

/**
 * A year standing alone ("back in 2019", "the 1990s", "FY2019"): beside records shifted by a secret number of
 * weeks it would date the case to within a year, so with `--shift-dates` it goes too. Not a part of a longer or
 * decimal number, nor an amount after a currency sign; a four-digit time of day ("at 2030") or a plain count in
 * that range is taken for a year.
 */
export const YEAR_RE = new RegExp(`(?<![\\p{N}_£$€¥]|\\d[.,])${YEAR4}s?(?![\\p{L}\\p{N}_]|[.,]\\d)`, 'gu');

/** A date of birth: the marker (kept, group `marker`), then a date or a 4-digit year (replaced). */
export const BIRTH_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<marker>(?:born(?:\\s+(?:on|in))?|d\\.?o\\.?b\\.?|date\\s+of\\s+birth)(?:\\s*[:\\-–]\\s*|\\s+|(?<=\\.)))(?:${DATE_SRC}|${YEAR4}(?![\\p{L}\\p{N}_]))`,
  'giu',
);

/** Whether a match of `DATE_RE` or `BIRTH_RE` is a possible date: day 1–31 and month 1–12, in either order. */
export function validDate(g: Readonly<Record<string, string | undefined>> | undefined): boolean {
  const ok = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  if (g?.['a'] !== undefined) {
    const a = Number(g['a']);
    const b = Number(g['b']);
    return ok(a, b) || ok(b, a);
  }
  if (g?.['im'] !== undefined) return ok(Number(g['id']), Number(g['im']));
  return true;
}

/** "you may 2…": the verb, not the month (a lower-case "may" and a bare number, no ordinal, no year). */
export function verbMay(match: string): boolean {
  return /^may\s+\d{1,2}$/.test(match);
}

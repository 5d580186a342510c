/**
 * Date cells that give no one date the diary is sure of, each rejected saying why, never read as a day it does
 * not give:
 *
 *   June 2024   early June 2024   06/2024        (no day)
 *   Mon 3rd June   3/6   June 3rd 9pm           (no year)
 *   approx 13 June 2024   13/06/2024?           (the diary is unsure of it)
 *   w/c 3 June 2024   3-4 June 2024   3 & 4 June 2024   June 3-4, 2024   (a week, or several days)
 */
import { MONTHS, readDateCell } from './dates.js';
import { lowerPlain } from './fold.js';
import { WEEKDAY } from './weekdays.js';

// A day and month with no year after them: "3/6", "3.6.", "3rd June", "June 3rd", each maybe followed by a time
// ("3/6 9pm"). Not "3-6", which could be a span of days.
// What ends such a day and month: the end of the cell, a space or a comma, and no year after it ("'24", "2024";
// a time, "3/6 21:00" or "3/6 10.30", is no year).
const NO_YEAR_AFTER = String.raw`(?=$|[\s,])(?![\s,]*['\u2019]?\d{2}(?:\d{2})?(?![\d:.h]))`;
const NO_YEAR_NUMERIC = new RegExp(String.raw`^\d{1,2}[/.]\d{1,2}\.?` + NO_YEAR_AFTER);
const NO_YEAR_DAY_MONTH = new RegExp(
  String.raw`^\d{1,2}(?:st|nd|rd|th|er)?\.?(?:\s+(?:of|de))?[\s\-/.]*([a-z]+)\.?` + NO_YEAR_AFTER,
);
const NO_YEAR_MONTH_DAY = new RegExp(String.raw`^([a-z]+)\.?\s*\d{1,2}(?:st|nd|rd|th)?` + NO_YEAR_AFTER);

// A month and year with no day: "June 2024", "early June 2024", "end of June 2024", "06/2024".
const NO_DAY =
  /^(?:(?:early|mid|late|end of|start of|beginning of|sometime in|in)\s+)?(?:([a-z]+)\.?,?\s+(?:of\s+)?|(\d{1,2})[/.-])\d{4}$/;

/** Whether a Date cell that is no date (`readDateCell` gave nothing) is a month and year without a day. */
export function lacksDay(raw: string): boolean {
  const m = NO_DAY.exec(lowerPlain(raw));
  if (!m) return false;
  return m[1] === undefined ? Number(m[2]) >= 1 && Number(m[2]) <= 12 : MONTHS.has(m[1]);
}

/**
 * Whether a Date cell that is no date (`readDateCell` gave nothing) is a day and month written without a year
 * ("Mon 3rd June", "3/6"), so that its rejection says so: the year is never taken from other rows or the clock.
 */
export function lacksYear(raw: string): boolean {
  const s = lowerPlain(raw).replace(WEEKDAY, '');
  if (NO_YEAR_NUMERIC.test(s)) return true;
  const month = NO_YEAR_DAY_MONTH.exec(s)?.[1] ?? NO_YEAR_MONTH_DAY.exec(s)?.[1];
  return month !== undefined && MONTHS.has(month);
}

// A date its writer marks as uncertain: "approx 13 June 2024", "around 13/06/2024", "c. 13/06/2024", "13/06/2024?".
const UNSURE_BEFORE = /^(approx(?:imately)?\.?|around|about|abt\.?|roughly|circa|ca\.|c\.|~|\u2248)\s*/i;

/**
 * Whether a "?" in a Date cell comes straight after its date, attached or after a space or an opening bracket, with
 * nothing but the date before it: "13/06/2024?", "13/06/2024 ?", "13/06/2024 (?)", "13/06/2024? 21:00". Typed there
 * it questions the date, whatever follows it; only a "?" after a time ("13/06/2024 21:00?") or after "at"
 * ("13/06/2024 at ?") questions the time.
 */
function questionAfterDate(t: string): boolean {
  const at = t.indexOf('?');
  if (at < 0) return false;
  const date = t.slice(0, at).replace(/[\s(]+$/, '');
  // "13/06/2024 at ?", "… @ ?": the time is what is not known.
  if (/(?:@|\s(?:at|um|a las|a la|a|vers))$/i.test(date)) return false;
  const cell = readDateCell(date);
  return cell !== undefined && (cell.kind === 'serial' || cell.rest === '');
}

/**
 * The word with which a Date cell marks its date as uncertain, as written ("approx" of "approx 13 June 2024", "?"
 * of "13/06/2024?" and of "13/06/2024 ?"), or undefined: its rejection then says why, and the date is never read as
 * if the diary were sure of it. A "?" is read so only straight after the date (`questionAfterDate`).
 */
export function unsureDateWord(raw: string): string | undefined {
  const t = raw.trim();
  const before = UNSURE_BEFORE.exec(t);
  const after = before ? t.slice(before[0].length) : t;
  if (questionAfterDate(after)) return before ? before[1] : '?';
  return before && readDateCell(after) !== undefined ? before[1] : undefined;
}

// A week for a date: "w/c 3 June 2024" (week commencing), "w/b", "week beginning", "week of", "w/e" (week ending).
const WEEK =
  /^(w\/? ?c|w\/? ?b|w\/? ?e|wk\.? (?:comm?|commencing|beg|beginning|ending)|week (?:commencing|beginning|starting|ending|of))\.?:? +(.+)$/;
// Days joined before one date: "3-4 June 2024", "3rd to 5th June 2024", "3 & 4 June 2024", "30 May - 2 June 2024",
// "3.-4. Juni 2024", "3-4/6/2024"; the first part is a day (with or without its month) the second's date ends.
const DAYS_JOIN = / *(?:[-\u2013\u2014&+,]|\b(?:to|till|til|until|through|thru|and|bis|und|al|au|y|et)\b) */;
// Days listed rather than spanned: "3 & 4 June 2024", "3rd and 5th June 2024".
const LIST = /[&+,]|\b(?:and|und|y|et)\b/;
const DAY_ONLY = /^\d{1,2}(?:st|nd|rd|th|er)?\.?$/;
// "June 3-4, 2024", "Jun 3rd to 5th 2024": month first.
const MONTH_DAYS =
  /^([a-z]+)\.? +\d{1,2}(?:st|nd|rd|th)? *(?:[-\u2013\u2014&+,]|\b(?:to|till|until|through|thru|and)\b) *\d{1,2}(?:st|nd|rd|th)?,? +['\u2019]?(?:\d{4}|\d{2})\b/;

/**
 * What a Date cell that is no date (`readDateCell` gave nothing) gives instead of one day, as written: a week
 * ("w/c" of "w/c 3 June 2024"), or days, spanned ("3-4 June 2024") or listed ("3 & 4 June 2024"). Neither is one
 * date, and taking its first day would place an incident on a day the diary does not give.
 */
export function manyDays(
  raw: string,
): { kind: 'week'; word: string } | { kind: 'days'; span: boolean } | undefined {
  const t = lowerPlain(raw);
  const week = WEEK.exec(t);
  if (week && (readDateCell(week[2]!) !== undefined || lacksYear(week[2]!)))
    return { kind: 'week', word: raw.trim().slice(0, week[1]!.length) };
  const month = MONTH_DAYS.exec(t.replace(WEEKDAY, ''));
  if (month && MONTHS.has(month[1]!)) return { kind: 'days', span: !LIST.test(month[0]) };
  const join = DAYS_JOIN.exec(t);
  if (!join || join.index === 0) return undefined;
  const [first, second] = [t.slice(0, join.index), t.slice(join.index + join[0].length)];
  const firstIsDay = DAY_ONLY.test(first.replace(WEEKDAY, '')) || lacksYear(first);
  // The second part may lack its year too ("3-4 June"): the row needs one date for each day first.
  const secondIsDate = readDateCell(second) !== undefined || lacksYear(second);
  return firstIsDay && secondIsDate ? { kind: 'days', span: !LIST.test(join[0]) } : undefined;
}

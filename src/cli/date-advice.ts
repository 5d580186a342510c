/**
 * Plain words for a date written otherwise than chronolog reads dates (YYYY-MM-DD, with a time for a milestone),
 * in the case file and on the command line: why it is refused, and the date as it should be written when that is
 * certain. A date whose day and month could be either way round (02/04/2024) is never turned round: the words say
 * it could be either, and show the form.
 */
import { DATE_RE, daysInMonth, isRealDate } from '../model/dates.js';
import { formatDate, MONTH_NAMES } from '../model/format.js';

/** `2024-04-02` as `2 April 2024`, as every report writes dates. */
export { formatDate as dateInWords };

export type DateReading =
  /** Written as it should be. */
  | { readonly kind: 'ok' }
  /** Written YYYY-MM-DD (and a time) but naming no such day, time or offset; `why` says what is wrong. */
  | { readonly kind: 'not-real'; readonly why: string }
  /**
   * Written another way. `iso` is the same date written YYYY-MM-DD when there is only one way to read it;
   * `either` the two days it could be when day and month could be either way round.
   */
  | { readonly kind: 'other-form'; readonly iso?: string; readonly either?: readonly [string, string] };

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The date YYYY-MM-DD if y-m-d is a real day, else undefined. */
function real(y: number, m: number, d: number): string | undefined {
  const s = iso(y, m, d);
  return DATE_RE.test(s) && isRealDate(s) ? s : undefined;
}

/** A month from its English name or its first three letters or more (`Apr`, `Sept`). */
function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTH_NAMES.findIndex(
    (m) => n.length >= 3 && m.toLowerCase().startsWith(n.replace(/^sept$/, 'sep')),
  );
  return i < 0 ? undefined : i + 1;
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** Why a date written in the right shape names nothing, e.g. `February 2024 has 29 days`. */
function notRealWhy(m: RegExpExecArray): string {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `there is no month ${m[2]}`;
  if (d < 1 || d > daysInMonth(y, mo)) return `${MONTH_NAMES[mo - 1]} ${y} has ${daysInMonth(y, mo)} days`;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)
    return `${m[4]}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`} is not a time of day`;
  return 'an offset from UTC is at most 14:00 either way, e.g. +01:00';
}

/** How `value` stands as a date (`withTime`: a date-time with an optional offset is allowed too). */
export function readDate(value: string, withTime: boolean): DateReading {
  const shape = SHAPE.exec(value);
  if (shape && shape[4] !== undefined && !withTime) {
    // Only a date is taken here: the date part is what to write, if it is a real one.
    const date = value.slice(0, 10);
    return isRealDate(date)
      ? { kind: 'other-form', iso: date }
      : { kind: 'not-real', why: notRealWhy(SHAPE.exec(date)!) };
  }
  if (shape) return isRealDate(value) ? { kind: 'ok' } : { kind: 'not-real', why: notRealWhy(shape) };
  const s = value.trim();
  let m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s);
  if (m) return { kind: 'other-form', iso: real(Number(m[1]), Number(m[2]), Number(m[3])) };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dayFirst = real(y, b, a);
    const monthFirst = real(y, a, b);
    if (dayFirst && monthFirst && dayFirst !== monthFirst)
      return { kind: 'other-form', either: [dayFirst, monthFirst] };
    return { kind: 'other-form', iso: dayFirst ?? monthFirst };
  }
  // 2 April 2024, 2nd Apr 2024, April 2, 2024.
  const dm = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s);
  const md = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  const [d, name, y] = dm ? [dm[1], dm[2], dm[3]] : md ? [md[2], md[1], md[3]] : [];
  const month = name === undefined ? undefined : monthNumber(name);
  return { kind: 'other-form', iso: month ? real(Number(y), month, Number(d)) : undefined };
}

/**
 * What is wrong with a date that is not `ok`, in words that follow the date itself (`is not written YYYY-MM-DD
 * (year-month-day)`, `is not a real date: February 2024 has 29 days`), and the date to write instead when that is
 * certain.
 */
export function dateProblem(
  value: string,
  reading: Exclude<DateReading, { kind: 'ok' }>,
): { words: string; fix: string | undefined } {
  if (reading.kind === 'not-real') {
    const what = /[T ]\d/.test(value.trim()) ? 'date and time' : 'date';
    return { words: `is not a real ${what}: ${reading.why}`, fix: undefined };
  }
  const either = reading.either
    ? `, and could be ${formatDate(reading.either[0]).replace(/ \d+$/, '')} or ${formatDate(reading.either[1])}`
    : '';
  return { words: `is not written YYYY-MM-DD (year-month-day)${either}`, fix: reading.iso };
}

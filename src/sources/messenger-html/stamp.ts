/**
 * The date lines of Meta's HTML exports. They carry no zone: the page shows the exporting account's wall clock.
 * Layouts seen (formats.md §3.5, msgvault fixtures, exports from 2019–2024):
 *   Sep 13, 2020, 12:26 PM · Oct 19, 2019 at 2:37 PM · 19 Oct 2019, 14:37 · Jun 04, 2023 9:30:15 pm ·
 *   Wednesday, 3 January 2018 at 21:50 UTC+01 (the older archive, which did name an offset).
 * Only English month names are read; other languages' layouts are not guessed (no day/month order is inferred).
 */
import { isRealDate } from '../../model/dates.js';
import { FULL_MONTHS, MONTHS } from '../english-dates.js';

/** A date line: wall-clock time, and the offset in minutes when the line names one. */
export interface Stamp {
  readonly local: string;
  readonly precision: 'min' | 's';
  readonly offsetMinutes?: number;
}

const MONTH_NUMBER = new Map<string, number>(MONTHS.map((m, i) => [m, i + 1]));

const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?';
const TIME = String.raw`(?:,? at|,)? (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([ap])\.?m\.?)?(?: (?:utc|gmt)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?)?`;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9})\.? (\d{1,2}),? (\d{4})${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})${TIME}$`);

function month(name: string): number | undefined {
  const short = MONTH_NUMBER.get(name.slice(0, 3));
  if (short === undefined) return undefined;
  // "Sept" and full names are fine; "Septembre" or "Marz" are not English.
  const full = FULL_MONTHS[short - 1]!;
  return name.length === 3 || full === name || (name === 'sept' && short === 9) ? short : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses one date line, or returns undefined when it is not one of the known layouts. */
export function parseStamp(raw: string): Stamp | undefined {
  // Cheap refusals first: this runs on the last child of every element with two or more children.
  if (raw.length > 60 || raw.length < 12 || !raw.includes(':')) return undefined;
  // NNBSP before AM/PM (2023+ locales), NBSP and thin spaces are spaces here.
  const s = raw
    .replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
  let m = MONTH_FIRST.exec(s);
  let parts: { mon: string; day: string; year: string } | undefined;
  if (m) parts = { mon: m[1]!, day: m[2]!, year: m[3]! };
  else {
    m = DAY_FIRST.exec(s);
    if (m) parts = { mon: m[2]!, day: m[1]!, year: m[3]! };
  }
  if (!m || !parts) return undefined;
  const [hh, mm, ss, ap, sign, oh, om] = m.slice(4);
  const mon = month(parts.mon);
  if (mon === undefined) return undefined;
  let hour = Number(hh);
  if (ap !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ap === 'p' ? 12 : 0);
  } else if (hour > 23) return undefined;
  const minute = Number(mm);
  const second = ss === undefined ? undefined : Number(ss);
  if (minute > 59 || (second !== undefined && second > 59)) return undefined;
  const date = `${parts.year}-${pad(mon)}-${pad(Number(parts.day))}`;
  if (!isRealDate(date)) return undefined;
  const local = `${date}T${pad(hour)}:${pad(minute)}${second === undefined ? '' : `:${pad(second)}`}`;
  const precision = second === undefined ? 'min' : 's';
  // "UTC" alone is offset 0; "UTC+01" / "GMT-05:30" give the offset; no zone word means wall clock only.
  const zoned = /(?:utc|gmt)/.test(s.slice(s.lastIndexOf(' ')));
  if (!zoned) return { local, precision };
  const offsetMinutes =
    sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om ?? 0));
  if (Math.abs(offsetMinutes) > 14 * 60) return undefined;
  return { local, precision, offsetMinutes };
}

/** Epoch milliseconds of a stamp that names its offset. */
export function stampInstant(stamp: Stamp & { offsetMinutes: number }): number {
  const [d, t] = stamp.local.split('T') as [string, string];
  const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
  const [h, mi, se] = t.split(':').map(Number) as [number, number, number | undefined];
  return Date.UTC(y, mo - 1, da, h, mi, se ?? 0) - stamp.offsetMinutes * 60_000;
}

/**
 * The `Date` cell of a DiscordChatExporter CSV, which changed with DCE's versions:
 *   2023-09-23T13:15:48.3790000+03:00   round-trip "o" (Nov 2023 on): an instant
 *   04-Jan-19 05:52 PM                   "dd-MMM-yy hh:mm tt", invariant culture (2018 – Feb 2023 default)
 *   10/06/2023 12:37 AM                  "MM/dd/yyyy h:mm tt" (Feb – Sep 2023 default)
 *   10/6/2023 12:37 AM · 06/10/2023 00:37 · 06.10.2023 00:37   the locale's "g" (Sep – Nov 2023, DCE#1152)
 *   1696552620 · 1696552620000           custom "unix" / "unixms" formats
 * Every form but "o" and unix is the exporting computer's wall clock without a zone. Numeric dates need the
 * file's day/month order (`decideOrder`). Other custom formats and non-English month names are not read.
 */
import type { Precision } from '../../model/index.js';
import { parseIsoInstant } from '../discord-json/time.js';
import { MONTHS } from '../english-dates.js';
import type { DateOrder } from '../source.js';

/** A Date cell as read, before a numeric one's day/month order is known. */
export type Stamp =
  | { readonly kind: 'instant'; readonly ms: number; readonly precision: Precision }
  /** Year, month and day known (ISO without offset, month names). */
  | {
      readonly kind: 'local';
      readonly y: number;
      readonly mo: number;
      readonly d: number;
      readonly clock: Clock;
    }
  /** `a/b/c`: which is the day and which the month depends on the file; `ampm` tells the clock the locale used. */
  | {
      readonly kind: 'numeric';
      readonly a: number;
      readonly b: number;
      readonly c: number;
      readonly yearFirst: boolean;
      readonly ampm: boolean;
      readonly clock: Clock;
    };

/** Hours (0–23), minutes and seconds, when written. */
export interface Clock {
  readonly h: number;
  readonly mi: number;
  readonly s: number | undefined;
}

// Spaces .NET puts around AM/PM on ICU (U+202F, U+00A0) are read as plain spaces.
const SPACES = /[\u00a0\u202f\u2009]/g;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(?:\s*([AaPp])\.?\s?[Mm]\.?)?`;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;
const NAMED = new RegExp(String.raw`^(\d{1,2})[- ]([A-Za-z]{3,9})\.?[- ](\d{2}|\d{4}),? ${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})\.?,? ${TIME}$`);
const UNIX = /^\d{10}$|^\d{13}$/;

/** Reads one Date cell, or returns `undefined` when it is none of DCE's forms. */
export function readStamp(raw: string): Stamp | undefined {
  const s = raw.replace(SPACES, ' ').trim();
  const ms = parseIsoInstant(s);
  if (ms !== undefined) return { kind: 'instant', ms, precision: 'ms' };
  if (UNIX.test(s)) {
    const n = Number(s);
    return s.length === 10
      ? { kind: 'instant', ms: n * 1000, precision: 's' }
      : { kind: 'instant', ms: n, precision: 'ms' };
  }
  let m = ISO_LOCAL.exec(s);
  if (m) {
    const clock = { h: Number(m[4]), mi: Number(m[5]), s: m[6] === undefined ? undefined : Number(m[6]) };
    return { kind: 'local', y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), clock };
  }
  m = NAMED.exec(s);
  if (m) {
    const mo = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const clock = clockOf(m, 4);
    if (mo === 0 || !clock || !MONTHS.some((n) => m![2]!.toLowerCase().startsWith(n))) return undefined;
    return { kind: 'local', y: fullYear(m[3]!), mo, d: Number(m[1]), clock };
  }
  m = NUMERIC.exec(s);
  if (m) {
    const clock = clockOf(m, 5);
    if (!clock) return undefined;
    const yearFirst = m[1]!.length === 4;
    if (!yearFirst && m[4]!.length !== 4 && m[4]!.length !== 2) return undefined;
    return {
      kind: 'numeric',
      a: Number(m[1]),
      b: Number(m[3]),
      c: yearFirst ? Number(m[4]) : fullYear(m[4]!),
      yearFirst,
      ampm: m[5 + 3] !== undefined,
      clock,
    };
  }
  return undefined;
}

/** A two-digit year is 20xx: Discord began in 2015. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The clock from the 4 groups starting at `i` (hour, minute, second, a/p), or `undefined` when impossible. */
function clockOf(m: RegExpExecArray, i: number): Clock | undefined {
  let h = Number(m[i]);
  const mi = Number(m[i + 1]);
  const s = m[i + 2] === undefined ? undefined : Number(m[i + 2]);
  const ap = m[i + 3]?.toLowerCase();
  if (ap !== undefined) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ap === 'p' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || (s !== undefined && s > 59)) return undefined;
  return { h, mi, s };
}

/** Year, month, day of a numeric stamp under `order`. */
export function ymdOf(st: Extract<Stamp, { kind: 'numeric' }>, order: DateOrder): [number, number, number] {
  if (st.yearFirst) return [st.a, st.b, st.c];
  return order === 'mdy' ? [st.c, st.a, st.b] : [st.c, st.b, st.a];
}

/** `YYYY-MM-DDTHH:mm[:ss]` with its precision, or `undefined` when the date does not exist (31 April). */
export function localOf(
  y: number,
  mo: number,
  d: number,
  c: Clock,
): { local: string; precision: Precision } | undefined {
  if (mo < 1 || mo > 12 || d < 1 || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  const p2 = (n: number) => String(n).padStart(2, '0');
  const hm = `${String(y).padStart(4, '0')}-${p2(mo)}-${p2(d)}T${p2(c.h)}:${p2(c.mi)}`;
  return c.s === undefined ? { local: hm, precision: 'min' } : { local: `${hm}:${p2(c.s)}`, precision: 's' };
}

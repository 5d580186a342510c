/**
 * A header's date and time as a local wall-clock string, once the file's day/month order is known. Impossible
 * values (31 February, 25:61, "13:00 AM") come back as a reason for the rejection message.
 */
import { daysInMonth } from '../../model/dates.js';
import { describeLayout, fullYear, type Layout } from './date-order.js';
import type { HeaderScanner } from './scan.js';

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
// "HH:MM" for every minute of a day and ":SS" for every second: a local time is then the date part and one or
// two of these, not five strings joined.
const HH_MM = Array.from({ length: 24 * 60 }, (_, i) => `${PAD2[Math.floor(i / 60)]}:${PAD2[i % 60]}`);
const COLON_SS = Array.from({ length: 60 }, (_, i) => `:${PAD2[i]}`);
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** WhatsApp's first year: an earlier year in Arabic-Indic digits is another calendar's. */
const FIRST_YEAR = 2009;

/** Why a header's time is impossible; `date` says whether the date (and so maybe the order) is at fault. */
export interface ClockProblem {
  readonly reason: string;
  readonly date: boolean;
}

/**
 * Reads scanned headers as wall-clock times: `wallMs` at once, the `YYYY-MM-DDTHH:mm[:ss]` string only when asked
 * for (`local`). The timeline works from `wallMs`; the string is for messages and for the rare year before 1000
 * (written with four digits, `0999-07-14T10:01`),
 * and making one for every header cost a million strings a million-message chat.
 */
export class LocalClock {
  private readonly order: string;
  private lastDateKey = -1;
  private datePrefix = '';
  /** The time `read` accepted last: its key, its parts, and its string once made (empty until then). */
  private timeKey = -1;
  private y = 0;
  private mo = 0;
  private d = 0;
  private h = 0;
  private minute = 0;
  private second = -1;
  private lastLocal = '';
  private dayMs = 0;
  /**
   * The time `read` accepted last, as wall-clock milliseconds (EventTime's `wallMs`); undefined for a year
   * before 1000 (Date.UTC would read 0–99 as 1900–1999), whose local string the timeline judges. A number
   * until then, so that V8 keeps the field as a double written in place (see LiveTime in messages.ts).
   */
  wallMs: number | undefined = 0;

  /**
   * `forced`: the layout is the one `--date-order` names. A two-digit year it makes earlier than WhatsApp
   * (`02/03/24` read year-first is 2002) is then rejected as a date no export writes, rather than read as asked;
   * an inferred layout never puts such a year there, as date-order.ts counts it against the layout.
   */
  constructor(
    private readonly layout: Layout,
    private readonly forced = false,
  ) {
    this.order = describeLayout(layout);
  }

  /** The local time `read` accepted last, as `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss`. */
  local(): string {
    if (this.lastLocal === '') {
      const { y, mo, d } = this;
      const dateKey = (y * 16 + mo) * 32 + d;
      if (dateKey !== this.lastDateKey) {
        this.lastDateKey = dateKey;
        // Four digits always: a year before 1000 (a damaged "0024") is still an ISO local time, for the timeline
        // to judge by its range, not a string of another shape.
        this.datePrefix = `${y < 1000 ? String(y).padStart(4, '0') : y}-${PAD2[mo]}-${PAD2[d]}T`;
      }
      const hm = this.datePrefix + HH_MM[this.h * 60 + this.minute]!;
      this.lastLocal = this.second >= 0 ? hm + COLON_SS[this.second]! : hm;
    }
    return this.lastLocal;
  }

  /**
   * Reads the header the scanner just read: undefined when its date and time exist (then `wallMs` and `local()`
   * give them), else why they cannot.
   */
  read(sc: HeaderScanner): ClockProblem | undefined {
    const { layout, order } = this;
    const y = fullYear(sc.field(layout.y), sc.digits(layout.y));
    const mo = sc.field(layout.m);
    const d = sc.field(layout.d);
    if (y < 0) return { reason: `the year "${sc.field(layout.y)}" has neither 2 nor 4 digits`, date: true };
    if (this.forced && y < FIRST_YEAR && sc.digits(layout.y) === 2) {
      return { reason: `the year would be ${y}, before WhatsApp existed (${FIRST_YEAR})`, date: true };
    }
    // Phones set to Arabic or Persian may write the Hijri or Solar Hijri year (1445, 1403), which read as a
    // Gregorian year would date a message centuries back. WhatsApp dates from 2009: such a header is rejected.
    if (y < FIRST_YEAR && sc.native) {
      return {
        reason: `the year ${y} is before WhatsApp existed (${FIRST_YEAR}); it may be a Hijri or Solar Hijri calendar year, which is not read`,
        date: false,
      };
    }
    if (mo < 1 || mo > 12) return { reason: `there is no month ${mo} when read as ${order}`, date: true };
    if (d < 1 || d > daysInMonth(y, mo)) {
      return { reason: `there is no day ${d} in ${MONTHS[mo - 1]} ${y} when read as ${order}`, date: true };
    }
    let h = sc.hour;
    if (sc.ampm !== 0) {
      // Exports write "00:04 AM" and "23:59 PM": a 24-hour clock with the marker added. Those hours are read as
      // written (and flagged by the caller); a marker that contradicts the hour ("13:00 AM") is impossible.
      if (h > 23 || (h > 12 && sc.ampm === 1) || (h === 0 && sc.ampm === 2)) {
        return { reason: `hour ${h} cannot carry ${sc.ampm === 1 ? 'AM' : 'PM'}`, date: false };
      }
      if (h === 12) h = sc.ampm === 1 ? 0 : 12;
      else if (sc.ampm === 2 && h < 12) h += 12;
    } else if (h > 23) return { reason: `there is no hour ${h}`, date: false };
    if (sc.minute > 59) return { reason: `there is no minute ${sc.minute}`, date: false };
    if (sc.second > 59) return { reason: `there is no second ${sc.second}`, date: false };
    const dateKey = (y * 16 + mo) * 32 + d;
    const timeKey = dateKey * 86400 + h * 3600 + sc.minute * 60 + sc.second;
    if (timeKey === this.timeKey) return undefined;
    if (y !== this.y || mo !== this.mo || d !== this.d) {
      this.y = y;
      this.mo = mo;
      this.d = d;
      this.dayMs = Date.UTC(y, mo - 1, d);
    }
    this.h = h;
    this.minute = sc.minute;
    this.second = sc.second;
    this.wallMs =
      y < 1000 ? undefined : this.dayMs + h * 3_600_000 + sc.minute * 60_000 + Math.max(0, sc.second) * 1000;
    this.timeKey = timeKey;
    this.lastLocal = '';
    return undefined;
  }
}

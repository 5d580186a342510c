/**
 * One diary row → one event, skip or reject, and the per-file tallies that become summary warnings (unmapped
 * contact types, free-text times, hours without am/pm, Excel serial dates) once the file is read.
 */
import { tzOffset } from '@date-fns/tz';
import type { EventTime } from '../../model/index.js';
import { FULL_DAYS } from '../english-dates.js';
import type { DateOrder, SourceContext } from '../source.js';
import { type ContactClass, classifyContactType } from './channels.js';
import {
  applyOrder,
  type DateCell,
  dateInWords,
  dependsOnOrder,
  FIRST_YEAR,
  hasSecondDate,
  impossibleInBothOrders,
  LAST_YEAR,
  lacksDay,
  lacksYear,
  manyDays,
  type OrderDecision,
  outOfRange,
  readDateCell,
  realDate,
  stampInstant,
  unsureDateWord,
  type Ymd,
  type ZonedTime,
} from './dates.js';
import { fold, lowerPlain, words } from './fold.js';
import { type Layout, sender, yesNo } from './layout.js';
import {
  minutesOn,
  NO_MERIDIEM,
  readTimeCell,
  readTimeSpan,
  type TimeReading,
  type TimeSpan,
} from './times.js';
import type { DiaryYears } from './years.js';
import { clockBefore, estimated, wordAfterTime, wordNotRead, zoneAfterTime, zoneNotRead } from './zones.js';

// How people say "same day as the row above". Read literally it would copy a date nobody wrote on this row.
const DITTO = new Set(
  words(`
    same | same day | same date | same as above | as above | ditto | do | dito | idem | wie oben |
    gleicher tag | mismo dia | meme jour
  `),
);
const DITTO_MARKS = /^["“”〃'`]+$/;

interface Rejection {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** A stamp's instant, and its wall clock in the case zone as a Date whose UTC fields are that clock. */
interface Instant {
  readonly ms: number;
  readonly inZone: Date;
}

/** A row whose date and time could be read. */
interface Readable {
  readonly cell: DateCell;
  readonly date: string;
  readonly reading: Exclude<TimeReading, { kind: 'bad' }>;
  readonly written: string;
  /** The instant a Date cell's stamp with a UTC offset states, and what its Time cell says of it. */
  readonly stamp?: Stamp;
  /** A time the Date cell also gives beside a filled Time cell, which the Time cell's time is used over. */
  readonly inDate?: InDate;
}

/**
 * A time written in the Date cell (`13/08/2024 21:00`) beside a filled Time cell: the Date cell is kept as
 * written (`date_as_written`), and `disagreement` is set when both are exact clock times that differ.
 */
interface InDate {
  readonly disagreement?: string;
  /** Set when the Date cell says the time is approximate ("13/06/2024 approx 9pm"), which the row is flagged for. */
  readonly approximate?: true;
}

// Words alone after a date that say it is approximate: "13/06/2024 (approx)", "13/06/2024 roughly". Nothing says
// they are of a time rather than of the date, so the date is taken as uncertain, as "approx 13/06/2024" is.
const APPROX_ONLY =
  /^\(?\s*(approx(?:imately)?\.?|roughly|circa|ca\.?|c\.|about|around|not sure|unsure|-?ish)\s*\)?$/;

/** A row's instant from its Date cell (`2024-02-03T21:40+01:00`), which its Time cell, if filled, should agree with. */
interface Stamp {
  readonly ms: number;
  readonly precision: 's' | 'min';
  /** Set when the Time cell gives an exact clock time that is neither the stamp's own nor its time in the case zone. */
  readonly disagreement?: string;
  /** Whether the Time cell says exactly what the stamp says (then it need not be kept beside it). */
  readonly agrees: boolean;
}

const TIME_HINT =
  'Write the time as 14:30 or 2:30pm ("approx 8am" and "evening" are fine), or leave it blank if unknown';

/** How many rows the summary of hours without am/pm names (six when only one would be left over). */
export const MAX_EXAMPLES = 5;

export interface Tally {
  count: number;
  line: number;
}
function tally(map: Map<string, Tally>, key: string, line: number): void {
  const t = map.get(key);
  if (t) t.count++;
  else map.set(key, { count: 1, line });
}

/** Reads rows of one file under a decided day/month order, and remembers what to summarise. */
export class RowReader {
  readonly unmapped = new Map<string, Tally>();
  readonly freeTimes = new Map<string, Tally>();
  /** Times written only as a bound ("after 10pm"), which keep only their date. */
  readonly boundTimes = new Map<string, Tally>();
  /**
   * Hours written without am/pm ("8", "9-10"), which keep only their date: how many, the first six, and the first
   * h:mm time ("7:30") among them that is in doubt only because the diary writes times with am/pm (and none on the
   * 24-hour clock).
   */
  readonly hoursWithoutAmPm = {
    count: 0,
    examples: [] as { written: string; line: number }[],
    inTwelveHour: undefined as string | undefined,
  };
  readonly blankTypes: Tally = { count: 0, line: 0 };
  /**
   * Rows read with more cells than the header has, the extra ones empty: a trailing delimiter, or a delimiter
   * inside an unquoted cell that moved the cells after it one column on (warned about once, summary.ts).
   */
  readonly longRows: Tally = { count: 0, line: 0 };
  emitted = 0;
  /** Rows rejected because their date depends on a day/month order the file does not settle, and the first. */
  readonly undated: Tally = { count: 0, line: 0 };
  serial: { count: number; line: number; value: string; date: string } | undefined;
  private readonly types = new Map<string, ContactClass | undefined>();

  constructor(
    private readonly layout: Layout,
    private readonly order: DateOrder,
    private readonly ctx: SourceContext,
    private readonly years: DiaryYears,
    private readonly undecided?: OrderDecision['undecided'],
    /** The first line with an am/pm time, when the diary writes its times so and never on the 24-hour clock. */
    readonly twelveHourLine?: number,
  ) {}

  row(cells: readonly string[], line: number): void {
    const r = this.read(cells);
    if ('skip' in r) this.ctx.skip(r.skip, line);
    else if ('code' in r) {
      this.ctx.reject(r.code, line, r.message, r.hint);
      if (r.code === UNDATED && this.undated.count++ === 0) this.undated.line = line;
    } else {
      this.emit(cells, line, r);
      if (cells.length > this.layout.cells.length) {
        this.longRows.count++;
        this.longRows.line ||= line;
      }
    }
  }

  /** Checks one row's cells: empty, malformed, or a date and time that can be used. */
  private read(cells: readonly string[]): { skip: string } | Rejection | Readable {
    const { layout } = this;
    if (cells.every((c) => c.trim() === '')) return { skip: 'empty-row' };
    const extra = cells.slice(layout.cells.length).filter((c) => c.trim() !== '');
    if (extra.length > 0)
      return {
        code: 'DIARY_TOO_MANY_CELLS',
        message: `Row has ${cells.length} cells but the header has ${layout.cells.length} columns (extra: "${extra.join('", "')}")`,
        hint: 'A delimiter inside a cell needs the cell in double quotes; correct the row in the spreadsheet and export again',
      };
    const dateRaw = layout.cell(cells, 'date');
    if (dateRaw === '' || DITTO.has(fold(dateRaw)) || DITTO_MARKS.test(dateRaw))
      return {
        code: 'DIARY_MISSING_DATE',
        message:
          dateRaw === ''
            ? 'Row has no date (a blank Date cell is not read as "same as the row above")'
            : `Date "${dateRaw}" refers to another row; each row needs its own date`,
        hint: 'Fill in the date on this row (copy it from the row above if it is the same day) and re-run',
      };
    // Before all else: a date the diary questions is not read, whatever else the row says of it.
    const unsureWord = unsureDateWord(dateRaw);
    if (unsureWord !== undefined) return unsureDate(dateRaw, unsureWord);
    const cell = readDateCell(dateRaw);
    if (cell && this.undecided && dependsOnOrder(cell)) return this.undatable(dateRaw, cell, this.undecided);
    const date = cell && realDate(applyOrder(cell, this.order));
    if (!cell || !date) return this.badDate(dateRaw, cell);
    if (cell.kind !== 'serial' && cell.rest !== '' && hasSecondDate(cell.rest))
      return {
        code: 'DIARY_BAD_DATE',
        message: `Date "${dateRaw}" gives more than one date; a row is one incident on one date`,
        hint: 'Give each incident its own row with its own date (something that went on over several days: one row for each day), then re-run',
      };
    const unsure = cell.kind === 'serial' ? null : APPROX_ONLY.exec(cell.rest);
    if (unsure) return unsureDate(dateRaw, unsure[1]!);
    // Never read without its zone, whatever the Time cell says: the row would be an hour or more off.
    const caseZone = this.ctx.options.timezone;
    if (cell.kind !== 'serial' && cell.zone !== undefined && !estimated(cell.zone, caseZone))
      return badTime(
        zoneNotRead(
          'Date',
          dateRaw,
          { zone: cell.zone, orRange: cell.zoneOrRange },
          date,
          clockBefore(cell.rest),
          caseZone,
        ),
      );
    const timeCell = layout.cell(cells, 'time');
    // A zone in the Time cell ("21:00 BST", "9pm EST") is no more read than one in the Date cell.
    const zoneInTime = timeCell === '' ? undefined : zoneAfterTime(lowerPlain(timeCell), 'Time');
    if (zoneInTime && !estimated(zoneInTime.zone, caseZone))
      return badTime(
        zoneNotRead('Time', timeCell, zoneInTime, date, clockBefore(lowerPlain(timeCell)), caseZone),
      );
    const written = timeCell || (cell.kind === 'serial' ? '' : cell.rest);
    const reading =
      written === '' && cell.kind === 'serial' && cell.seconds !== undefined
        ? serialClock(cell.seconds)
        : readTimeCell(written);
    if (reading.kind === 'bad') {
      const where = timeCell === '' ? 'Date' : 'Time';
      const raw = timeCell === '' ? dateRaw : timeCell;
      // "21:00 XYZ": the word is named, and what to do if it is a zone.
      const word = wordAfterTime(timeCell === '' ? dateTimeAsWritten(dateRaw, written) : timeCell);
      if (word !== undefined)
        return badTime(wordNotRead(where, raw, word, date, clockBefore(lowerPlain(written)), caseZone));
      return timeCell === ''
        ? {
            code: 'DIARY_BAD_TIME',
            message: `The time in Date "${dateRaw}" ${reading.why}`,
            hint: 'Write the time after the date as 21:40 or 9:40pm, or as an ISO 8601 stamp with its UTC offset (YYYY-MM-DDThh:mm+01:00, or Z for UTC; a zone name such as CET is not read, several zones share some), or leave it out if unknown',
          }
        : { code: 'DIARY_BAD_TIME', message: `Time "${written}" ${reading.why}`, hint: TIME_HINT };
    }
    if (cell.kind === 'fixed' && cell.zoned) {
      // A spreadsheet writes a date-only value as midnight: of its own clock ("2024-02-03T00:00:00Z"), or of the
      // zone it was typed in, converted to UTC ("2024-02-02T23:00:00Z" for 3 February in London in summer).
      // Midnight then says no time, so the row is read from that date and its Time cell, as other rows are; a
      // blank Time cell keeps the date alone, never a made-up 00:00.
      // The stamp's instant and its clock in the case zone, worked out once for both checks below.
      const at = this.instant(cell.ymd, cell.zoned);
      const dateOnly = dateOnlyStamp(cell.zoned, 'invalid' in at ? undefined : at.inZone, date);
      // A zoned stamp leaves nothing after it in the cell (`rest` is ''), so `reading` is the Time cell's.
      if (dateOnly !== undefined) return { cell, date: dateOnly, reading, written };
      const stamp = this.stamped(dateRaw, cell.zoned, at, reading, written);
      return 'code' in stamp ? stamp : { cell, date, reading, written, stamp };
    }
    const inDate = timeCell === '' ? undefined : timeInDate(dateRaw, cell, reading, timeCell);
    const also = inDate === undefined ? {} : { inDate };
    // "7:30" in a diary that writes "9:40 PM" and "8:00 AM" could be either, as a bare "8" could.
    if (reading.kind === 'clock' && reading.open && this.twelveHourLine !== undefined) {
      this.hoursWithoutAmPm.inTwelveHour ??= written;
      return { cell, date, reading: NO_MERIDIEM, written, ...also };
    }
    return { cell, date, reading, written, ...also };
  }

  /**
   * A row whose Date and Time cells give different clock times: flagged, as a Telegram date that its other clock
   * contradicts is, so every citation of the record says so, and warned about with `message` naming the line.
   */
  private disagrees(flags: string[], line: number, message: string): void {
    flags.push('time-local-mismatch');
    this.ctx.warn(
      'DIARY_TIME_DISAGREES',
      line,
      message,
      'Check the original record and correct whichever cell is wrong, then re-run',
    );
  }

  /**
   * The instant a stamp states (`stampInstant`) and its wall clock in the case zone, as a Date whose UTC fields
   * are that clock (`inZone.getUTCHours()` is the hour in the case zone); or why it states none.
   */
  private instant(ymd: Ymd, zoned: ZonedTime): Instant | { invalid: string } {
    const at = stampInstant(ymd, zoned);
    if ('invalid' in at) return at;
    return {
      ms: at.ms,
      inZone: new Date(at.ms + tzOffset(this.ctx.options.timezone, new Date(at.ms)) * 60_000),
    };
  }

  /**
   * The instant of a Date cell written as an ISO 8601 stamp with its UTC offset, checked against the row's Time
   * cell (`reading`, as `written`). Only an exact clock time is compared, to the minute: it agrees when it is the
   * stamp's own clock time or the stamp's time in the case zone (an app may export UTC, `…Z`, beside a Time
   * column typed in local time); "7:30" without am/pm agrees with 07:30 or 19:30. An approximate time, a range or
   * a part of the day says less than the stamp and is kept as written beside it, not compared.
   */
  private stamped(
    raw: string,
    zoned: ZonedTime,
    at: Instant | { invalid: string },
    reading: Readable['reading'],
    written: string,
  ): Stamp | Rejection {
    if ('invalid' in at)
      return {
        code: 'DIARY_BAD_TIME',
        message: `Date "${raw}" is not a time that exists: ${at.invalid}`,
        hint: 'Correct the date and time in the diary as the original record gives it (hours 00–23, minutes and seconds 00–59, a UTC offset such as +01:00 or Z) and re-run',
      };
    const precision = zoned.s !== undefined && zoned.s > 0 ? 's' : 'min';
    const { ms, inZone } = at;
    if (reading.kind !== 'clock' || reading.approx || reading.range) return { ms, precision, agrees: false };
    const zone = this.ctx.options.timezone;
    const candidates = [
      [zoned.h, zoned.m],
      [inZone.getUTCHours(), inZone.getUTCMinutes()],
    ];
    if (candidates.some(([h, m]) => sameMinute(h!, m!, reading, reading.open)))
      return { ms, precision, agrees: true };
    const hm = (h: number, m: number) => `${pad(h)}:${pad(m)}`;
    return {
      ms,
      precision,
      agrees: false,
      disagreement: `Date "${raw}" gives the time ${hm(zoned.h, zoned.m)} (${hm(inZone.getUTCHours(), inZone.getUTCMinutes())} in ${zone}), but the Time cell says "${written}"; the Date cell's time is used, and the Time cell is kept as written (time_as_written)`,
    };
  }

  private emit(cells: readonly string[], line: number, readable: Readable): void {
    const { cell, date, reading, written, stamp } = readable;
    const { layout } = this;
    const flags: string[] = [];
    const details: Record<string, string> = {};
    if (cell.kind !== 'serial' && cell.weekday !== undefined)
      this.checkWeekday(layout.cell(cells, 'date'), cell.weekday, date, flags, line);
    let time: EventTime;
    // The stamp as written, with its offset: the timeline shows the instant in the case zone, which may differ.
    if (cell.kind === 'fixed' && cell.zoned) details['date_as_written'] = layout.cell(cells, 'date');
    if (stamp) {
      time = { type: 'instant', ms: stamp.ms, precision: stamp.precision };
      if (written !== '' && !stamp.agrees) details['time_as_written'] = written;
      if (stamp.disagreement) this.disagrees(flags, line, stamp.disagreement);
    } else if (reading.kind === 'clock') {
      const hm = `${date}T${pad(reading.h)}:${pad(reading.m)}`;
      time =
        reading.s > 0
          ? { type: 'local', local: `${hm}:${pad(reading.s)}`, precision: 's' }
          : { type: 'local', local: hm, precision: 'min' };
      if (reading.approx) flags.push('time-approximate');
      if (reading.range) flags.push('time-range');
    } else {
      time = { type: 'local', local: date, precision: 'day' };
      if (reading.how === 'part-of-day') flags.push('time-part-of-day');
      if (reading.approx) flags.push('time-approximate');
      if (reading.how === 'free-text') {
        flags.push('time-unparsed');
        tally(this.freeTimes, written, line);
      }
      if (reading.how === 'bound') tally(this.boundTimes, written, line);
      if (reading.how === 'no-meridiem' && this.hoursWithoutAmPm.count++ <= MAX_EXAMPLES)
        this.hoursWithoutAmPm.examples.push({ written, line });
    }
    if (!stamp && written !== '' && (reading.kind !== 'clock' || reading.approx))
      details['time_as_written'] = written;
    if (readable.inDate) {
      details['date_as_written'] = layout.cell(cells, 'date');
      // The other way round from a stamp: the Time cell's time is used, and the Date cell's contradicts it.
      if (readable.inDate.disagreement) this.disagrees(flags, line, readable.inDate.disagreement);
      if (readable.inDate.approximate && !flags.includes('time-approximate')) flags.push('time-approximate');
    }
    if (cell.kind === 'serial') {
      flags.push('date-excel-serial');
      details['date_as_written'] = layout.cell(cells, 'date');
      this.serial ??= { count: 0, line, value: details['date_as_written'], date };
      this.serial.count++;
    }
    const type = layout.cell(cells, 'contact_type');
    const cls = type === '' ? undefined : this.classify(type);
    if (type === '' && layout.index.contact_type !== undefined) {
      this.blankTypes.count++;
      this.blankTypes.line ||= line;
    } else if (cls?.viaThirdParty) flags.push('via-third-party');
    else if (type !== '' && !cls) {
      flags.push('contact-type-unmapped');
      tally(this.unmapped, type, line);
    }
    layout.detailKeys.forEach((key, i) => {
      const v = (cells[i] ?? '').trim();
      if (key !== undefined && v !== '') details[key] = key === 'reported' ? yesNo(v) : v;
    });
    const text = layout.index.description === undefined ? '' : (cells[layout.index.description] ?? '');
    this.emitted++;
    this.ctx.emit({
      locator: line,
      time,
      channel: cls?.channel ?? 'other',
      kind: cls?.kind ?? 'other',
      direction: 'incoming',
      sender: sender(layout.cell(cells, 'who'), layout.cell(cells, 'identifier')),
      ...(text.trim() !== '' ? { text } : {}),
      ...(cls?.callStatus ? { call: { status: cls.callStatus } } : {}),
      ...(flags.length > 0 ? { flags } : {}),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    });
  }

  /**
   * A weekday written before the date ("Sun 3rd June 2024") that is not the date's (3 June 2024 was a Monday):
   * the day or the weekday is wrong, and the diary does not say which. The date is kept as written, flagged
   * `date-weekday-mismatch` so every citation of the row says so, and a warning names the line.
   */
  private checkWeekday(raw: string, weekday: number, date: string, flags: string[], line: number): void {
    const actual = weekdayOf(date);
    if (actual === weekday) return;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    flags.push('date-weekday-mismatch');
    this.ctx.warn(
      'DIARY_WEEKDAY_DISAGREES',
      line,
      `Date "${raw}" says ${DAY_NAMES[weekday]}, but ${dateInWords({ y, m, d })} was a ${DAY_NAMES[actual]}; the date is used as written, flagged date-weekday-mismatch`,
      'Check the original record and correct the day or the weekday, whichever is wrong, then re-run',
    );
  }

  /** Why a Date cell gives no usable date: unreadable, not in the calendar, or a real date in a year refused. */
  private badDate(raw: string, cell: DateCell | undefined): Rejection {
    const code = 'DIARY_BAD_DATE';
    // No example date: next to "31/02/2024" any real date reads as the suggested correction.
    const hint =
      'Correct the date in the diary as the original record gives it (a day, month and year, written like the other rows, or as YYYY-MM-DD) and re-run';
    const many = cell ? undefined : manyDays(raw);
    if (many)
      return {
        code,
        message:
          many.kind === 'week'
            ? `Date "${raw}" is a week ("${many.word}"), not one date, and no day is picked from it`
            : `Date "${raw}" gives ${many.span ? 'a span of days' : 'more than one day'}, not one date, and no day is picked from it`,
        hint: 'Give the incident one row for each day it happened, each with the date it happened (one day, month and year), then re-run; if the day is not known, the row stays listed as rejected',
      };
    if (!cell && lacksDay(raw))
      return {
        code,
        message: `Date "${raw}" gives a month but no day, and a day is never guessed`,
        hint: 'Add the day to the date in the diary if it is known, then re-run; if it is not known, the row stays listed as rejected (without a day it cannot be placed in time)',
      };
    if (!cell && lacksYear(raw))
      return {
        code,
        message: `Date "${raw}" has no year, and a year is never guessed`,
        hint: 'Add the year to the date in the diary and re-run',
      };
    if (!cell) return { code, message: `Cannot read the date "${raw}"`, hint };
    const ymd = applyOrder(cell, this.order);
    if (outOfRange(ymd)) {
      const meant = this.years.likelyMeant(cell, ymd);
      return {
        code,
        message: `Date "${raw}"${cell.kind === 'serial' ? ' (an Excel serial number)' : ''} is ${dateInWords(ymd)}, outside the years chronolog accepts (${FIRST_YEAR} to ${LAST_YEAR})`,
        hint: meant
          ? `Did you mean ${meant.year}? ${meant.rows === 1 ? 'Another row is' : `${meant.rows} other rows are`} dated ${meant.year}. Correct the year in the diary and re-run`
          : cell.kind === 'serial'
            ? hint
            : 'Correct the year in the diary and re-run',
      };
    }
    const how = impossibleInBothOrders(cell)
      ? ' whether read day-first or month-first'
      : cell.kind === 'numeric'
        ? ` (read as ${ORDER_WORDS[this.order]})`
        : '';
    return { code, message: `Date "${raw}" is not a real date${how}`, hint };
  }

  /**
   * A date that is two different days in the two orders (or a day in one and none in the other), in a file that
   * does not settle its order: rejected, never read by a guess.
   */
  private undatable(
    raw: string,
    cell: DateCell,
    undecided: NonNullable<OrderDecision['undecided']>,
  ): Rejection {
    const as = (order: 'dmy' | 'mdy'): string => {
      const ymd = applyOrder(cell, order);
      return realDate(ymd) === undefined ? 'no date' : dateInWords(ymd);
    };
    return {
      code: UNDATED,
      message: `Date "${raw}" is ${as('dmy')} read day-first but ${as('mdy')} read month-first, and ${undecided.why}${weekdayFits(cell)}`,
      hint: undecided.failure.hint ?? 'Re-run with --date-order dmy or --date-order mdy',
    };
  }

  private classify(type: string): ContactClass | undefined {
    if (!this.types.has(type)) this.types.set(type, classifyContactType(type));
    return this.types.get(type);
  }
}

/**
 * What a weekday written with a date that depends on the order says of its two readings, for the rejection of
 * its row: "; Monday fits only the day-first reading (6 March 2024 was a Wednesday)…", or nothing when it fits
 * both or there is none. It is not used to settle the order: it may be the slip (a row whose weekday disagrees
 * with its date is kept as written, flagged), and one row would then decide every date in the diary without a
 * word. It is named so that the person can check it and re-run with that order.
 */
function weekdayFits(cell: DateCell): string {
  if (cell.kind !== 'numeric' || cell.weekday === undefined) return '';
  const reading = (order: 'dmy' | 'mdy') => {
    const ymd = applyOrder(cell, order);
    const date = realDate(ymd);
    return date === undefined ? undefined : { ymd, day: weekdayOf(date) };
  };
  const [dmy, mdy] = [reading('dmy'), reading('mdy')];
  if (dmy === undefined || mdy === undefined) return '';
  const named = DAY_NAMES[cell.weekday];
  const fitsDmy = dmy.day === cell.weekday;
  const fitsMdy = mdy.day === cell.weekday;
  if (fitsDmy === fitsMdy)
    return fitsDmy
      ? ''
      : `; ${named} fits neither reading (${dateInWords(dmy.ymd)} was a ${DAY_NAMES[dmy.day]}, ${dateInWords(mdy.ymd)} a ${DAY_NAMES[mdy.day]})`;
  const [order, other] = fitsDmy ? (['day-first', mdy] as const) : (['month-first', dmy] as const);
  const flag = fitsDmy ? 'dmy' : 'mdy';
  return `; ${named} fits only the ${order} reading (${dateInWords(other.ymd)} was a ${DAY_NAMES[other.day]}), but a weekday does not decide the order: if it is right and the diary writes dates ${order}, re-run with --date-order ${flag}`;
}

/** Day names as a message writes them, Sunday first (as `weekdayOf` numbers them). */
const DAY_NAMES = FULL_DAYS.map((d) => d[0]!.toUpperCase() + d.slice(1));

/** The day of the week of a `YYYY-MM-DD` date, 0 for Sunday. */
function weekdayOf(date: string): number {
  return new Date(`${date}T00:00Z`).getUTCDay();
}

/** The reject code of a row whose date depends on a day/month order the file does not settle. */
const UNDATED = 'DIARY_DATE_ORDER_UNKNOWN';

const ORDER_WORDS: Record<DateOrder, string> = {
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  ymd: 'year/month/day',
};

/**
 * The date a stamp stands for when it is a date-only value: midnight of its own clock (its written date,
 * `written`), or midnight in the case zone (that local date, from `inZone`, the stamp's clock there); undefined
 * for any other time.
 */
function dateOnlyStamp(zoned: ZonedTime, inZone: Date | undefined, written: string): string | undefined {
  if (zoned.s) return undefined;
  if (isMidnight(zoned)) return written;
  if (inZone === undefined) return undefined;
  if (inZone.getUTCHours() !== 0 || inZone.getUTCMinutes() !== 0 || inZone.getUTCSeconds() !== 0)
    return undefined;
  return inZone.toISOString().slice(0, 10);
}

/**
 * What a time in the Date cell (`raw`, as read: `cell`) says beside the Time cell's (`reading`, written `timeCell`),
 * or undefined when there is none to keep. Only an exact clock time in the Time cell is compared, to the minute, as
 * a stamp and its Time cell are: with an exact time in the Date cell ("9:40" without am/pm agrees with 09:40 or
 * 21:40), or with a range or an open start there ("9:00-10:00", "from 9pm"), which it agrees with when it falls
 * within it. A time that says less ("evening", "approx 10pm" on either side) is kept as written, not compared;
 * words that say it is approximate flag the row so (a range is not for that approximate: the Time cell narrows
 * it). Midnight is how a spreadsheet writes a date alone.
 */
function timeInDate(
  raw: string,
  cell: DateCell,
  reading: Readable['reading'],
  timeCell: string,
): InDate | undefined {
  const span: TimeSpan | undefined =
    cell.kind === 'serial'
      ? cell.seconds
        ? { reading: serialClock(cell.seconds), approxWords: false }
        : undefined
      : cell.rest === ''
        ? undefined
        : readTimeSpan(cell.rest);
  if (span === undefined) return undefined;
  const inDate = span.reading;
  const exact = (r: TimeReading) => r.kind === 'clock' && !r.approx && !r.range;
  if (inDate.kind === 'clock' && exact(inDate) && inDate.h === 0 && inDate.m === 0 && inDate.s === 0)
    return undefined;
  // "13/06/2024 approx 9pm" beside "21:00": the row says its time is approximate.
  if (span.approxWords) return { approximate: true };
  if (inDate.kind !== 'clock' || reading.kind !== 'clock' || !exact(reading)) return {};
  const open = inDate.open || reading.open;
  if (!inDate.range) {
    if (sameMinute(inDate.h, inDate.m, reading, open)) return undefined;
    return {
      disagreement: `Date "${raw}" gives the time ${pad(inDate.h)}:${pad(inDate.m)}, but the Time cell says "${timeCell}"; the Time cell's time is used, and the Date cell is kept as written (date_as_written)`,
    };
  }
  const from = inDate.h * 60 + inDate.m;
  if (within(from, span.end, reading.h * 60 + reading.m, open)) return {};
  const times =
    span.end === undefined
      ? `times from ${clockOf(from)} on`
      : `times from ${clockOf(from)} to ${clockOf(span.end)}`;
  return {
    disagreement: `Date "${raw}" gives the ${times}, but the Time cell says "${timeCell}", outside them; the Time cell's time is used, and the Date cell is kept as written (date_as_written)`,
  };
}

/**
 * Whether the minute `t` of the day falls in the range from `from` to `end` (minutes, across midnight if it ends
 * earlier; no `end`: from `from` to the end of the day); `open` when an hour is without am/pm, so that either half
 * of the day is tried.
 */
function within(from: number, end: number | undefined, t: number, open: boolean | undefined): boolean {
  const day = 24 * 60;
  return (open ? [0, day / 2] : [0]).some((shift) => {
    const a = (from + shift) % day;
    return end === undefined ? t >= a : minutesOn(a, t) <= minutesOn(a, (end + shift) % day);
  });
}

function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/**
 * Whether the clock time h:m is `clock`'s, to the minute; `open` when one of them has its hour without am/pm
 * ("9:40" is 09:40 or 21:40), whose hour then agrees in either half of the day.
 */
function sameMinute(
  h: number,
  m: number,
  clock: { h: number; m: number },
  open: boolean | undefined,
): boolean {
  return m === clock.m && (open ? h % 12 === clock.h % 12 : h === clock.h);
}

/** Whether a stamp's clock is 00:00 (or 00:00:00), as a date-only value is written. */
function isMidnight(t: ZonedTime): boolean {
  return t.h === 0 && t.m === 0 && !t.s;
}

/** A row rejected because its Date cell (`raw`) marks the date as uncertain with `word`. */
function unsureDate(raw: string, word: string): Rejection {
  return {
    code: 'DIARY_BAD_DATE',
    message: `Date "${raw}" is marked as uncertain ("${word}"); a date is read only as the diary gives it, never one it is unsure of`,
    hint: 'If the day is right, write the date alone and say in the description that it is approximate, then re-run',
  };
}

/** A row rejected for its time, with the reason and what to do. */
function badTime(reason: { message: string; hint: string }): Rejection {
  return { code: 'DIARY_BAD_TIME', ...reason };
}

/**
 * The time after the date in a Date cell as written (`raw`), given it as read (`rest`, lower-cased): the last
 * words of the cell, as many as `rest` has, so that a word after the time is named as the diary writes it.
 */
function dateTimeAsWritten(raw: string, rest: string): string {
  const n = rest.split(' ').length;
  return raw.trim().split(/\s+/).slice(-n).join(' ');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function serialClock(seconds: number): Readable['reading'] {
  const s = Math.min(seconds, 86_399);
  return {
    kind: 'clock',
    h: Math.floor(s / 3600),
    m: Math.floor((s % 3600) / 60),
    s: s % 60,
    approx: false,
    range: false,
  };
}

/**
 * One diary row → one event, skip or reject, and the per-file tallies that become summary warnings (unmapped
 * contact types, free-text times, hours without am/pm, Excel serial dates) once the file is read.
 */
import type { EventTime } from '../../model/index.js';
import type { DateOrder, SourceContext } from '../source.js';
import { realDate } from './calendar.js';
import { type ContactClass, classifyContactType } from './channels.js';
import { pad } from './clock.js';
import { applyOrder, dependsOnOrder, type ForcedOrder, type OrderDecision } from './date-order.js';
import { dateShapedTime } from './date-shaped-times.js';
import { type DateCell, hasSecondDate, readDateCell } from './dates.js';
import { fold, lowerPlain, words } from './fold.js';
import { type Layout, sender, yesNo } from './layout.js';
import { unsureDateWord } from './not-one-date.js';
import type { RunOnRow, TooLongRow } from './read.js';
import {
  againstOption,
  badDate,
  badTime,
  dateInTimeCell,
  dateOrTimeInDate,
  type Rejection,
  rowTooLong,
  runOnQuote,
  twoDates,
  UNDATED,
  undatable,
  unsureDate,
} from './rejections.js';
import { dateCellTime, type InDate, timeInDate } from './time-in-date.js';
import { NO_MERIDIEM, type TimeReading, type UsableTime } from './time-reading.js';
import { readTimeCell } from './times.js';
import { checkWeekday } from './weekdays.js';
import { isAccount } from './what-column.js';
import type { DiaryYears } from './years.js';
import { checkStamp, dateOnlyStamp, type Stamp, stampAt } from './zoned-stamps.js';
import { clockBefore, estimated, wordAfterTime, wordNotRead, zoneAfterTime, zoneNotRead } from './zones.js';

// How people say "same day as the row above". Read literally it would copy a date nobody wrote on this row.
const DITTO = new Set(
  words(`
    same | same day | same date | same as above | as above | ditto | do | dito | idem | wie oben |
    gleicher tag | mismo dia | meme jour
  `),
);
const DITTO_MARKS = /^["“”〃'`]+$/;

/** The skip reason of a row that holds a date and nothing else. */
export const DATE_ONLY = 'date-only-row';

/** Exactly 00:00:00, as read from a Date cell: no range, not approximate. */
function isMidnight(r: TimeReading): boolean {
  return r.kind === 'clock' && r.h === 0 && r.m === 0 && r.s === 0 && !r.range && !r.approx;
}

/** A row whose date and time could be read. */
interface Readable {
  readonly cell: DateCell;
  readonly date: string;
  readonly reading: UsableTime;
  readonly written: string;
  /** The instant a Date cell's stamp with a UTC offset states, and what its Time cell says of it. */
  readonly stamp?: Stamp;
  /** A time the Date cell also gives beside a filled Time cell, which the Time cell's time is used over. */
  readonly inDate?: InDate;
  /**
   * Set when the Date cell says after its date that the time is unknown ("13/06/2024 - ?", "13/06/2024 at ?"),
   * read as a "?" in the Time cell is. The date alone does not show what the cell says after it, and "- ?"
   * could also be read as days with no end given, so the cell is kept as written (`date_as_written`).
   */
  readonly unknownInDate?: true;
}

// Words alone after a date that say it is approximate: "13/06/2024 (approx)", "13/06/2024 roughly". Nothing says
// they are of a time rather than of the date, so the date is taken as uncertain, as "approx 13/06/2024" is.
const APPROX_ONLY =
  /^\(?\s*(approx(?:imately)?\.?|roughly|circa|ca\.?|c\.|about|around|not sure|unsure|-?ish)\s*\)?$/;

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
  /** Rows read whole whose quoted cell runs over lines that start with a date (read.ts), and the first such line. */
  readonly datedLinesInCell = { count: 0, line: 0, dated: 0 };
  /**
   * Rows read with more cells than the header has, the extra ones empty: a trailing delimiter, or a delimiter
   * inside an unquoted cell that moved the cells after it one column on (warned about once, summary.ts).
   */
  readonly longRows: Tally = { count: 0, line: 0 };
  /**
   * Rows holding a date and nothing else, skipped (`DATE_ONLY`): a diary template filled in ahead with every date
   * of a month would otherwise count each blank day as an incident. The first and last line, for the warning.
   */
  readonly dateOnly = { count: 0, line: 0, last: 0 };
  emitted = 0;
  /** Rows rejected because their date depends on a day/month order the file does not settle, and the first. */
  readonly undated: Tally = { count: 0, line: 0 };
  serial: { count: number; line: number; value: string; date: string } | undefined;
  /** Times written as Excel fractions of a day ("0.875"), read as clock times: how many, and the first. */
  excelTimes: { count: number; line: number; value: string; time: string } | undefined;
  private readonly types = new Map<string, ContactClass | undefined>();

  constructor(
    private readonly layout: Layout,
    private readonly order: DateOrder,
    private readonly ctx: SourceContext,
    private readonly years: DiaryYears,
    private readonly undecided?: OrderDecision['undecided'],
    /** The first line with an am/pm time, when the diary writes its times so and never on the 24-hour clock. */
    readonly twelveHourLine?: number,
    /** Set when --date-order gave `order`: a date it leaves none is rejected naming the option. */
    private readonly forced?: ForcedOrder,
  ) {}

  row(cells: readonly string[], line: number): void {
    const r = this.read(cells);
    if ('skip' in r) {
      this.ctx.skip(r.skip, line);
      if (r.skip === DATE_ONLY) {
        this.dateOnly.count++;
        this.dateOnly.line ||= line;
        this.dateOnly.last = line;
      }
    } else if ('code' in r) {
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

  /** A row read whole whose quoted cell runs over lines that start with a date (read.ts): counted, the first kept. */
  datedLines(line: number, dated: number): void {
    const t = this.datedLinesInCell;
    if (t.count++ === 0) Object.assign(t, { line, dated });
  }

  /** A row whose quoted cell runs on over the rows after it: rejected, with its line (read.ts). */
  runOn(row: RunOnRow): void {
    const r = runOnQuote(row);
    this.ctx.reject(r.code, row.line, r.message, r.hint);
  }

  /** A row too long to read (read.ts): rejected, with its line. */
  tooLong(row: TooLongRow): void {
    const r = rowTooLong(row);
    this.ctx.reject(r.code, row.line, r.message, r.hint);
  }

  /** Checks one row's cells: empty, malformed, or a date and time that can be used. */
  private read(cells: readonly string[]): { skip: string } | Rejection | Readable {
    const { layout } = this;
    if (cells.every((c) => c.trim() === '')) return { skip: 'empty-row' };
    // The header again (two exports joined into one file): structure, not an incident with an unreadable date.
    const header = layout.headerAgain(cells);
    if (header === 'same') return { skip: 'repeated-header' };
    if (header === 'other')
      return {
        code: 'DIARY_HEADER_DIFFERS',
        message: `Row is a header naming other columns (${namedCells(cells)}) than the header on line ${layout.line}; the rows after it are read with the columns of line ${layout.line}`,
        hint: `If two diaries were joined, put the rows below this one in the columns of line ${layout.line} (or keep them as a CSV file of their own, with this row as its header), then re-run`,
      };
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
    if (cell && this.undecided && dependsOnOrder(cell)) return undatable(dateRaw, cell, this.undecided);
    const date = cell && realDate(applyOrder(cell, this.order));
    if (cell && !date && this.forced) {
      const option = againstOption(dateRaw, cell, this.forced);
      if (option) return option;
    }
    if (!cell || !date) return badDate(dateRaw, cell, this.order, this.years);
    // The time the Date cell gives with its date, read once for each check of it below.
    const dateTime = dateCellTime(cell);
    // A real date and no other cell filled: nothing was recorded on that day. A date with a time, in its own
    // cell or the Date cell, is kept (the time says something happened then), and so is a date that cannot
    // be read (rejected above, so that a typo in a template is still told).
    // Midnight in the Date cell is how a spreadsheet writes a date alone (`2024-03-03 00:00:00`, serial `45353.0`).
    const dateAt = layout.index.date;
    const noTime = dateTime === undefined || isMidnight(dateTime.reading);
    if (noTime && cells.every((c, i) => i === dateAt || c.trim() === '')) return { skip: DATE_ONLY };
    if (cell.kind !== 'serial' && dateTime !== undefined && hasSecondDate(cell.rest, dateTime.reading))
      return twoDates(dateRaw);
    const orders = this.undecided ? (['dmy', 'mdy'] as const) : [this.order];
    const timeCell = layout.cell(cells, 'time');
    // "16.06.24 17.06.24": the second date has the form of a time with dots and seconds (date-shaped-times.ts).
    const dateShaped = cell.kind === 'serial' ? undefined : dateShapedTime(cell.rest, dateRaw, cell, orders);
    if (dateShaped?.kind === 'date') return twoDates(dateRaw, dateShaped);
    if (dateShaped) return dateOrTimeInDate(dateRaw, dateShaped);
    // Date "16.06.24", Time "17.06.24": a date in the Time cell is not read as 17:06:24 either.
    const timeShaped = timeCell === '' ? undefined : dateShapedTime(timeCell, dateRaw, cell, orders);
    if (timeShaped) return dateInTimeCell(timeCell, dateRaw, timeShaped);
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
    // A zone in the Time cell ("21:00 BST", "9pm EST") is no more read than one in the Date cell.
    const zoneInTime = timeCell === '' ? undefined : zoneAfterTime(lowerPlain(timeCell), 'Time');
    if (zoneInTime && !estimated(zoneInTime.zone, caseZone))
      return badTime(
        zoneNotRead('Time', timeCell, zoneInTime, date, clockBefore(lowerPlain(timeCell)), caseZone),
      );
    const written = timeCell || (cell.kind === 'serial' ? '' : cell.rest);
    const reading = timeCell !== '' ? readTimeCell(timeCell) : (dateTime?.reading ?? readTimeCell(''));
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
            hint:
              reading.hint ??
              'Write the time after the date as 21:40 or 9:40pm, or as an ISO 8601 stamp with its UTC offset (YYYY-MM-DDThh:mm+01:00, or Z for UTC; a zone name such as CET is not read, several zones share some), or leave it out if unknown',
          }
        : {
            code: 'DIARY_BAD_TIME',
            message: `Time "${written}" ${reading.why}`,
            hint: reading.hint ?? TIME_HINT,
          };
    }
    if (cell.kind === 'fixed' && cell.zoned) {
      // A spreadsheet writes a date-only value as midnight: of its own clock ("2024-02-03T00:00:00Z"), or of the
      // zone it was typed in, converted to UTC ("2024-02-02T23:00:00Z" for 3 February in London in summer).
      // Midnight then says no time, so the row is read from that date and its Time cell, as other rows are; a
      // blank Time cell keeps the date alone, never a made-up 00:00.
      // The stamp's instant and its clock in the case zone, worked out once for both checks below.
      const at = stampAt(cell.ymd, cell.zoned, caseZone);
      const dateOnly = dateOnlyStamp(cell.zoned, 'invalid' in at ? undefined : at.inZone, date);
      // A zoned stamp leaves nothing after it in the cell (`rest` is ''), so `reading` is the Time cell's.
      if (dateOnly !== undefined) return { cell, date: dateOnly, reading, written };
      const stamp = checkStamp(dateRaw, cell.zoned, at, reading, written, caseZone);
      return 'code' in stamp ? stamp : { cell, date, reading, written, stamp };
    }
    const inDate = timeCell === '' ? undefined : timeInDate(dateRaw, dateTime, reading, timeCell);
    const also = inDate === undefined ? {} : { inDate };
    // "7:30" in a diary that writes "9:40 PM" and "8:00 AM" could be either, as a bare "8" could.
    if (reading.kind === 'clock' && reading.open && this.twelveHourLine !== undefined) {
      this.hoursWithoutAmPm.inTwelveHour ??= written;
      return { cell, date, reading: NO_MERIDIEM, written, ...also };
    }
    // "13/06/2024 - ?": the dash leads a time here as in "13/06/2024 - 21:00" (TIME_LEAD), and the "?" is that time.
    if (timeCell === '' && written !== '' && reading.kind === 'day' && reading.how === 'blank')
      return { cell, date, reading, written, unknownInDate: true };
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

  private emit(cells: readonly string[], line: number, readable: Readable): void {
    const { cell, date, reading, written, stamp } = readable;
    const { layout } = this;
    const flags: string[] = [];
    const details: Record<string, string> = {};
    if (cell.kind !== 'serial') checkWeekday(this.ctx, layout.cell(cells, 'date'), cell, date, flags, line);
    // The flag says a weekday disagrees; the cell as written says which one, on the event every citation reads.
    if (flags.includes('date-weekday-mismatch')) details['date_as_written'] = layout.cell(cells, 'date');
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
      if (reading.orRange) flags.push('time-spoken-or-range');
      if (reading.excel) {
        // On the event as well as in the file's one warning: a time converted from a number says so where it is cited.
        flags.push('time-excel-fraction');
        this.excelTimes ??= { count: 0, line, value: written, time: hm.slice(11) };
        this.excelTimes.count++;
      }
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
    // An Excel fraction ("0.875") is kept as written, so that the row shows the time was converted from it; so is
    // "5 to 10pm", read as 21:55, which the words also give as a range (spoken-clock.ts).
    if (
      !stamp &&
      written !== '' &&
      (reading.kind !== 'clock' || reading.approx || reading.excel || reading.orRange)
    )
      details['time_as_written'] = written;
    if (readable.unknownInDate) details['date_as_written'] = layout.cell(cells, 'date');
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
    // A What column read as the description (what-column.ts) holds accounts and types both: a cell of fewer than
    // ACCOUNT_WORDS words is a type of contact, read as a type cell is; a longer one is the event's text.
    const what = layout.account === undefined ? '' : (cells[layout.account.column] ?? '').trim();
    const whatType = what !== '' && !isAccount(what);
    const text =
      whatType || layout.index.description === undefined ? '' : (cells[layout.index.description] ?? '');
    const type = whatType ? what : layout.cell(cells, 'contact_type');
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
      else if (whatType && i === layout.account?.column) details['contact_type'] = v;
    });
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

  private classify(type: string): ContactClass | undefined {
    if (!this.types.has(type)) this.types.set(type, classifyContactType(type));
    return this.types.get(type);
  }
}

/**
 * The time after the date in a Date cell as written (`raw`), given it as read (`rest`, lower-cased): the last
 * words of the cell, as many as `rest` has, so that a word after the time is named as the diary writes it.
 */
function dateTimeAsWritten(raw: string, rest: string): string {
  const n = rest.split(' ').length;
  return raw.trim().split(/\s+/).slice(-n).join(' ');
}

/** A header row's cells as a message quotes them: `"Date", "Type", "Time"`, at most eight. */
function namedCells(cells: readonly string[]): string {
  const named = cells.map((c) => c.trim()).filter((c) => c !== '');
  const shown = named.slice(0, 8).map((c) => `"${c.slice(0, 40)}"`);
  return named.length > 8 ? `${shown.join(', ')}…` : shown.join(', ');
}

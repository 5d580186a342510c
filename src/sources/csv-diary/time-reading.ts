/**
 * What reading a Time cell (or the time after a Date cell's date) gives, shared by the readers of its forms
 * (times.ts, clock.ts, time-ranges.ts, spoken-clock.ts) and by the row reader: a clock time, the date alone
 * and why, or a refusal with its reason. Kept apart so that none of those readers depends on another for it.
 */

/** A time cell as read. */
export type TimeReading =
  | {
      readonly kind: 'clock';
      readonly h: number;
      readonly m: number;
      readonly s: number;
      readonly approx: boolean;
      readonly range: boolean;
      /**
       * Written h:mm with an hour from 1 to 12 and nothing to say morning or evening ("9:30": no am/pm, no leading
       * zero, no "Uhr"): read on the 24-hour clock, unless the diary writes times on the 12-hour clock and none on
       * the 24-hour clock (see `clockStyle`).
       */
      readonly open?: true;
      /** Read from the fraction of a day Excel writes for a time cell formatted as General ("0.875": excel-times.ts). */
      readonly excel?: true;
      /**
       * Read as minutes to the hour from "n to <hour>" said with a bare number that could also be the hour a range
       * starts from ("5 to 10pm": 21:55, or 17:00 to 22:00; spoken-clock.ts): the spoken reading was chosen, the
       * range is also common, so the time is an interpretation of the words.
       */
      readonly orRange?: true;
    }
  | {
      readonly kind: 'day';
      readonly approx: boolean;
      /**
       * `no-meridiem`: an hour written without am/pm ("8", "9-10"), which could be morning or evening; the row
       * reader also gives it to an open h:mm ("7:30") in a diary that writes times on the 12-hour clock only.
       */
      readonly how: 'blank' | 'part-of-day' | 'free-text' | 'bound' | 'no-meridiem';
    }
  | {
      readonly kind: 'bad';
      readonly why: string;
      /** What to do, when the row's usual advice on writing a time would not help (excel-times.ts). */
      readonly hint?: string;
    };

/** An hour written without am/pm: the date is known, the hour is one of two twelve hours apart. */
export const NO_MERIDIEM: Extract<TimeReading, { kind: 'day' }> = {
  kind: 'day',
  approx: true,
  how: 'no-meridiem',
};

/** What a clock time read from a cell says of the clock it is written on, for `clockStyle`. */
export interface Said {
  /** True when its hour came with am/pm or a word for the part of the day ("pm", "in the evening", "abends"). */
  twelveHour: boolean;
  /** The end of a range read as its start, in minutes from midnight ("9-10pm": 22:00); "from 9pm" has none. */
  end?: number;
  /** True when words say the time is approximate ("approx 9pm", "9pm-ish"), as a range's start is not. */
  approxWords?: boolean;
}

/** A time cell as read (`readTimeCell`), with the end of a range and whether words say it is approximate. */
export interface TimeSpan {
  readonly reading: TimeReading;
  /** The end of a range, in minutes from midnight of the row's date (1440 for midnight at its end). */
  readonly end?: number;
  readonly approxWords: boolean;
}

/** A time as read that a row can use: anything but a refusal. */
export type UsableTime = Exclude<TimeReading, { kind: 'bad' }>;

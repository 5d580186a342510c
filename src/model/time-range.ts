/**
 * The times a record may carry, by who wrote them: one rule for every format, applied by the timeline where each
 * record's instant is resolved (timeline/build.ts), which rejects a record outside it (`TIMELINE_IMPLAUSIBLE_TIME`)
 * instead of placing an incident decades from the rest (one SMS dated 2286 made a "95,958-day" case). An absolute
 * time is compared in UTC, a wall-clock time as written. A format declares its range on its `Source` (`times`);
 * without one, its records are taken as stamped by a device or service.
 *
 * Some formats still check their own fields first, because their message can say more: SMS and Messenger name
 * the unit that went wrong (seconds for milliseconds), Signal reads 1970 as "no timestamp", and a diary names the
 * year its other rows suggest (`2204` for `2024`) and keeps such a row out of its day/month order.
 */

/** A half-open range of times, with the words a rejection is written with. */
export interface TimeRange {
  /** The first time accepted, in ms since 1970-01-01T00:00Z. */
  readonly from: number;
  /** The first time no longer accepted. */
  readonly until: number;
  /** The records it is for, as the message says: "records a phone, app or mail server stamped". */
  readonly records: string;
  /** What to do about a record outside it. */
  readonly hint: string;
  /**
   * Set when the times may have been moved on purpose (anonymise --shift-dates): a record dated after the report
   * then says nothing of the clock that wrote it, so it is not flagged `time-after-report` (timeline/future.ts).
   */
  readonly shifted?: true;
}

/**
 * Records a phone, app or server stamped: from 1990-01-01 until 2100-01-01. No record chronolog reads is older in
 * a case today (SMS began in 1992, the oldest app here, Facebook, in 2004; e-mail is older, but mail from the
 * 1980s is no record of contact in a case now), and the times a device writes when it has none fall below it:
 * 0 (1970-01-01), seconds taken for milliseconds (January 1970), a reset clock (1980-01-01, the GPS epoch
 * 1980-01-06). The upper bound is the one the Messenger and Discord readers already used: far beyond a clock set
 * wrong by a few years, which still passes (the range removes only the impossible), and below 9999999999 seconds
 * (2286) and a slipped digit (2204 for 2024).
 */
export const STAMPED_TIMES: TimeRange = {
  from: Date.UTC(1990, 0, 1),
  until: Date.UTC(2100, 0, 1),
  records: 'records a phone, app or mail server stamped',
  hint:
    'Check the record in the original file: no phone, app or mail server could have sent it then, so the time is ' +
    'a placeholder (such as 1970-01-01), a device clock set wrong, or damage. If you know when it really ' +
    'happened, note it in a diary with that date.',
};

/**
 * The years a person may write in a hand-kept record (a diary): a diary may note an incident from long ago, but
 * a year outside 1900–2100 is a typing slip. The diary reader rejects such a date itself, with the year its
 * other rows suggest; this range is the timeline's check of the same rule.
 */
export const HAND_KEPT_YEARS = { first: 1900, last: 2100 } as const;

/** Hand-kept records (diaries): the days of the years `HAND_KEPT_YEARS`. */
export const HAND_KEPT_TIMES: TimeRange = {
  from: Date.UTC(HAND_KEPT_YEARS.first, 0, 1),
  until: Date.UTC(HAND_KEPT_YEARS.last + 1, 0, 1),
  records: 'hand-kept records such as a diary',
  hint: 'Check the date in the diary: a year this far off is usually a typing slip (2204 for 2024). Correct it and run again.',
};

/** The largest secret date shift `chronolog anonymise --shift-dates` applies, in weeks either way. */
export const MAX_DATE_SHIFT_WEEKS = 260;

const SHIFT_MS = MAX_DATE_SHIFT_WEEKS * 7 * 86_400_000;

/**
 * chronolog's anonymised copies (`chronolog-jsonl`, `chronolog-jsonl-diary`): the hand-kept range, the widest,
 * made wider by the largest date shift each way. A version 3 copy's times were checked by this file's rules when
 * the original was read (a record outside them is written as a rejection), so this only keeps out a time no copy
 * could hold; versions 1 and 2 have `EARLY_ANONYMISED_TIMES`.
 */
export const ANONYMISED_TIMES: TimeRange = {
  from: HAND_KEPT_TIMES.from - SHIFT_MS,
  until: HAND_KEPT_TIMES.until + SHIFT_MS,
  records: `anonymised copies (the years ${HAND_KEPT_YEARS.first}–${HAND_KEPT_YEARS.last}, moved by up to ${MAX_DATE_SHIFT_WEEKS} weeks)`,
  hint: 'chronolog anonymise never writes such a time: the file was changed after it was written. Make the anonymised copy again from the original.',
  // A shifted copy may be dated up to five years on; one whose header does not say it is unshifted may be shifted.
  shifted: true,
};

/**
 * How far a wall-clock time may be from its UTC instant: zones run from UTC−12 to UTC+14. The original's range was
 * checked on a wall-clock time as written (a WhatsApp chat's, a diary's); its anonymised copy holds the instant.
 */
const ZONE_SPREAD_MS = 14 * 3_600_000;

/**
 * An anonymised copy whose header says its dates were not shifted (`"datesShifted":false`): its instants are its
 * original records', so the original's rule holds (`original`, widened by the zones, since the copy holds UTC
 * instants), and a record dated after the report is flagged as the original's would be (not `shifted`).
 */
function unshifted(original: TimeRange): TimeRange {
  return {
    from: original.from - ZONE_SPREAD_MS,
    until: original.until + ZONE_SPREAD_MS,
    records: `anonymised copies whose dates were not shifted, of ${original.records}`,
    hint: ANONYMISED_TIMES.hint,
  };
}

/** An unshifted anonymised copy of an export: the times of `STAMPED_TIMES`. */
export const UNSHIFTED_STAMPED_TIMES = unshifted(STAMPED_TIMES);

/** An unshifted anonymised copy of a diary. */
export const UNSHIFTED_HAND_KEPT_TIMES = unshifted(HAND_KEPT_TIMES);

/**
 * Copies of versions 1 and 2 (`chronolog-jsonl`), written before the rules above were (version 3 came after them):
 * their original's record may carry any time the reader of its format then took, such as an SMS of 1985 or of
 * 2286 (a placeholder). The range anonymised copies have had since the rules came is kept, with words that blame
 * the original record's time, not the copy.
 */
const EARLY_COPY_HINT =
  'This anonymised copy (version 1 or 2) was written before chronolog checked the times records carry, so its ' +
  'original record may have this time: a placeholder, a device clock set wrong, or damage. Check the record in the ' +
  'original file; if you know when it really happened, note it in a diary with that date.';

/** A version 1 or 2 copy whose dates may have been shifted (its header does not say they were not). */
export const EARLY_ANONYMISED_TIMES: TimeRange = { ...ANONYMISED_TIMES, hint: EARLY_COPY_HINT };

/**
 * A version 1 or 2 copy whose header says its dates were not shifted: the same times, and a record dated after the
 * report is flagged, as its original's would be.
 */
export const EARLY_UNSHIFTED_TIMES: TimeRange = {
  from: ANONYMISED_TIMES.from,
  until: ANONYMISED_TIMES.until,
  records: `anonymised copies of version 1 or 2 (the years ${HAND_KEPT_YEARS.first}–${HAND_KEPT_YEARS.last}, moved by up to ${MAX_DATE_SHIFT_WEEKS} weeks)`,
  hint: EARLY_COPY_HINT,
};

/**
 * The record flags that say how to read a record's time: approximate, a range, only a part of the day, taken
 * from somewhere else than the record's own stamp, or moved by a clock change. Sources and the timeline write
 * them as kebab-case codes beginning `time-`, `date-` or `dst-`; the chronology writes their words next to the
 * time, and so does every incident the escalation analysis cites (`EventRef.timeFlags`), so a quoted time never
 * looks more exact than the record it comes from. A plain module (no zod): reports/labels.ts takes these words
 * into its table of every flag, and the findings sentences use them too.
 */

/** Each time flag in words, as the reports people read write it. */
export const TIME_FLAG_WORDS: Readonly<Record<string, string>> = {
  'time-approximate': 'time approximate',
  'time-range': 'time given as a range',
  'time-spoken-or-range': 'read as minutes to the hour; the words can also mean a range of hours',
  'time-part-of-day': 'only the part of the day is known',
  'time-unparsed': 'time not readable; date only',
  'time-from-id': 'time taken from the message id',
  'time-id-mismatch': 'time differs from the message id',
  'time-local-mismatch': 'time differs from the clock time the export also gives',
  'time-from-received': 'time taken from when the e-mail was received',
  'time-from-mbox-separator': 'time taken from the mailbox file, not the e-mail',
  'date-excel-serial': 'date read from a spreadsheet number',
  'time-excel-fraction': 'time read from a spreadsheet number',
  'date-received-mismatch': 'sent date far from the received date',
  'date-weekday-mismatch': 'the weekday written in the date does not match the date',
  'date-zone-abbreviation': 'time zone written as an abbreviation (such as EST), read by its usual meaning',
  'date-zone-military':
    'time zone written as a military letter, read as UTC, as the e-mail standard advises (its meaning is unreliable)',
  'date-zone-missing': 'no time zone in the date: read as case-zone time',
  'date-zone-unknown':
    'time zone in the date not recognised or ambiguous (such as IST): read as case-zone time',
  'time-after-report': 'dated after this report was made: a device clock set wrong or a misread date',
  'dst-gap': 'the written time did not exist, as the clocks went forward; shown after the change',
  'dst-ambiguous': 'the written time happened twice, as the clocks went back; the earlier is used',
  'dst-ambiguous-later':
    'the written time happened twice, as the clocks went back; the later is used, as the record before it was already past the earlier',
};

/**
 * The record flag of each way a wall-clock time was read around a clock change: the timeline's (`build`), and an
 * e-mail Date in a POSIX zone's (email/time.ts).
 */
export const DST_FLAGS = {
  gap: 'dst-gap',
  overlap: 'dst-ambiguous',
  'overlap-later': 'dst-ambiguous-later',
} as const;

/** Whether a record flag is about how to read the record's time (a known one or any `time-`/`date-`/`dst-` code). */
export function isTimeFlag(flag: string): boolean {
  return flag.startsWith('time-') || flag.startsWith('date-') || flag.startsWith('dst-');
}

/** The time flags among a record's flags, in the order the source wrote them. */
export function timeFlagsOf(flags: readonly string[] | undefined): string[] {
  return flags === undefined ? [] : flags.filter(isTimeFlag);
}

/** Time flags in words ("time approximate, time given as a range"); a code with no words is shown as written. */
export function timeFlagText(flags: readonly string[] | undefined): string {
  return (flags ?? []).map((f) => TIME_FLAG_WORDS[f] ?? f).join(', ');
}

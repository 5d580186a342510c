/**
 * Which time an e-mail gets, in order of trust, never "now":
 *
 *   1. `Date:` with a certain zone (numeric offset, UT/GMT/UTC/Z, RFC US zones)     no flag
 *   2. the topmost `Received:` stamp that parses with a certain zone               `time-from-received`
 *   3. an mbox separator date with a numeric zone (Gmail Takeout writes `+0000`)     `time-from-mbox-separator`
 *   4. `Date:` with an uncertain zone: a known abbreviation (CET…) is applied        `date-zone-abbreviation`;
 *      a military letter is read as UTC (RFC 5322 §4.3)                           `date-zone-military`;
 *      a zone word not known, or with several meanings (IST), is not applied:
 *      a wall-clock time for the case zone                                        `date-zone-unknown`;
 *      no zone at all leaves a wall-clock time for the case zone                  `date-zone-missing`
 *   5. nothing usable: the message is rejected (`EMAIL_BAD_DATE` or `EMAIL_NO_DATE`), saying which stamps it
 *      has whose zone is not certain (a zone-less separator such as `From - Mon Jan 01 12:00:00 2024`).
 *
 * A Date that is missing, unparseable or has an uncertain zone is always reported with `ctx.warn` and its raw
 * value, naming the zone as written (and, for an ambiguous one such as IST, the zones it can mean), and saying
 * where the time was taken from instead (the Received stamp, the mbox separator) or which zone was assumed
 * (the abbreviation's offset, UTC for a military letter, the case zone for none). RFC 5322
 * allows one Date field; when a message has more that say different things, the first is the one read, and
 * `EMAIL_DATE_REPEATED` names them (the first three, and how many more). A value is quoted by its first 80
 * characters, with "…" when it is longer (quoteDate). The Received stamp is set by the receiving server, so it beats a guessed
 * zone; when both are certain and more than a day apart the record is flagged `date-received-mismatch` (a wrong
 * clock, a long queue or a forged Date). Precision is `s`, or `min` when the chosen stamp has no seconds.
 *
 * A certain Date that is implausible gives way like an uncertain one, to Received and then a zoned mbox separator,
 * flagged `time-from-received` (and `date-received-mismatch`) or `time-from-mbox-separator`, with an
 * `EMAIL_DATE_IMPLAUSIBLE` warning and the raw Date kept in details:
 *   - a Date outside the times a mail server could have stamped (before 1990 or from 2100, model/time-range.ts):
 *     1970-01-01 from a zeroed clock, 1980 from a reset one;
 *   - a Date more than a day after the Received stamp: a message cannot be sent after it arrived, so the sender's
 *     clock was wrong (or the Date forged); a day covers clock drift and a mislabelled zone (at most 14 hours).
 * A Date long *before* Received stays the time: a queue, a re-delivery or an import (Gmail's "fetch mail", a
 * migrated mailbox) stamps a later Received on a true Date. With nothing else to go by, an implausible Date is
 * kept as written, never replaced by an invented time: the timeline then rejects one outside the range
 * (`TIMELINE_IMPLAUSIBLE_TIME`) with its locator.
 */
import { listed, plural, thousands } from '../../model/format.js';
import type { EventTime } from '../../model/index.js';
import { DST_FLAGS } from '../../model/time-flags.js';
import { STAMPED_TIMES } from '../../model/time-range.js';
import { excerptOf } from '../long-text.js';
import type { SourceContext } from '../source.js';
import { type EmailDate, isCertain, parseEmailDate } from './date.js';
import { type HeaderField, header, headers } from './headers.js';
import { AMBIGUOUS_ZONES } from './zones.js';

/** The chosen time and what the reader should know about it. */
export interface ChosenTime {
  readonly time: EventTime;
  readonly flags: string[];
  /** The raw date part of the Received stamp that was read, when one was. */
  readonly received?: string;
}

const DAY_MS = 86_400_000;

/**
 * The most characters of a Date or Received value quoted in a message or kept in details: 80, more than any mail
 * program writes (`Thu, 15 Feb 2024 08:41:02 +0100 (Mitteleuropäische Normalzeit)` has 62). A longer value (a
 * damaged message can hold a Date of a megabyte, and a run keeps 50 warnings of each code) is quoted by its start,
 * with "…".
 */
const DATE_QUOTED = 80;

/** A Date or Received value as quoted, and as kept in details: as written, at most DATE_QUOTED characters. */
export const quoteDate = (v: string): string => excerptOf(v, DATE_QUOTED);

/** How many of the further Date fields that differ from the first EMAIL_DATE_REPEATED names; the rest are counted. */
const NAMED_DATES = 3;

/** How far the Date is after the Received stamp, in whole days, for the warning. */
const daysAfter = (date: number, received: number): string =>
  plural(Math.floor((date - received) / DAY_MS), 'day');

/**
 * Why a certain Date cannot be the time of the message (see the header comment), as the rest of a sentence
 * starting `The Date header "…"`, or undefined when it can.
 */
function implausibility(
  date: EmailDate & { ms: number },
  received: { date: EmailDate & { ms: number }; raw: string } | undefined,
): string | undefined {
  if (date.ms < STAMPED_TIMES.from) {
    return 'is before 1990, earlier than any mail a case holds (a sending clock set to zero or reset writes such dates)';
  }
  if (date.ms >= STAMPED_TIMES.until) return "is after 2099, so the sender's clock was wrong";
  if (received && date.ms - received.date.ms > DAY_MS) {
    return `is ${daysAfter(date.ms, received.date.ms)} after the message was received, which no sender's clock set right writes`;
  }
  return undefined;
}

/** The first Received stamp, from the top, whose date parses with a certain zone. */
function topReceived(
  fields: readonly HeaderField[],
): { date: EmailDate & { ms: number }; raw: string } | undefined {
  for (const value of headers(fields, 'received')) {
    const semi = value.lastIndexOf(';');
    if (semi < 0) continue;
    const raw = value.slice(semi + 1).trim();
    const date = parseEmailDate(raw);
    if (date && isCertain(date)) return { date, raw };
  }
  return undefined;
}

const instant = (d: EmailDate & { ms: number }): EventTime => ({
  type: 'instant',
  ms: d.ms,
  precision: d.hasSeconds ? 's' : 'min',
});

/** The best time after a certain Date: Received, a zoned mbox separator, then the Date under an assumption. */
function fallback(
  date: EmailDate | undefined,
  received: { date: EmailDate & { ms: number } } | undefined,
  envelope: EmailDate | undefined,
): { time: EventTime; flags: string[] } | undefined {
  if (received) return { time: instant(received.date), flags: ['time-from-received'] };
  if (envelope && envelope.zone === 'numeric' && envelope.ms !== undefined) {
    return { time: instant(envelope as EmailDate & { ms: number }), flags: ['time-from-mbox-separator'] };
  }
  if (date && date.ms !== undefined) {
    const flag = date.zone === 'military' ? 'date-zone-military' : 'date-zone-abbreviation';
    // A POSIX zone's time at a clock change is flagged as the timeline flags a wall-clock time there.
    const dst = date.dst === undefined ? [] : [DST_FLAGS[date.dst]];
    return { time: instant(date as EmailDate & { ms: number }), flags: [flag, ...dst] };
  }
  if (date) {
    const local = date.hasSeconds ? date.local : date.local.slice(0, 16);
    return {
      time: { type: 'local', local, precision: date.hasSeconds ? 's' : 'min' },
      flags: [date.zone === 'unknown' ? 'date-zone-unknown' : 'date-zone-missing'],
    };
  }
  return undefined;
}

/**
 * Warns when the message has further Date fields that differ from the first (`raw`, read as `date`): in
 * words, or, both read, in the time they give (`+0000` and `GMT` agree). Equal copies are not worth a warning.
 */
function warnRepeatedDate(
  fields: readonly HeaderField[],
  raw: string,
  date: EmailDate | undefined,
  locator: number | string,
  ctx: SourceContext,
): void {
  let count = 0;
  for (const f of fields) if (f.name === 'date') count++;
  if (count < 2) return;
  const words = (v: string) => v.trim().replace(/\s+/g, ' ');
  const differ = headers(fields, 'date')
    .slice(1)
    .filter((other) => {
      if (words(other) === words(raw)) return false;
      const d = parseEmailDate(other);
      if (!date || !d) return true;
      return date.ms !== undefined || d.ms !== undefined ? date.ms !== d.ms : date.local !== d.local;
    });
  if (differ.length === 0) return;
  const { shown, more } = listed(differ, NAMED_DATES);
  const quoted = shown.map((v) => `"${quoteDate(words(v))}"`).join(', ');
  const others = more > 0 ? `${quoted} and ${thousands(more)} more` : quoted;
  ctx.warn(
    'EMAIL_DATE_REPEATED',
    locator,
    `The message has ${count} Date headers: the first, "${quoteDate(words(raw))}", is the one read; ${others} ${differ.length === 1 ? 'differs' : 'differ'} from it.`,
    'A message has one Date header; another was added by a program or by hand. Check the message in the mail program it came from, and its Received headers, to see which date is right.',
  );
}

/** The zone of an uncertain Date, in words: `the zone "IST", which can mean India, Ireland or Israel time, …`. */
function zoneWords(date: EmailDate): string {
  const written = date.zoneText;
  if (written === undefined) return 'no time zone';
  if (date.zone !== 'unknown') return `the non-standard zone "${written}"`;
  const key = written.toLowerCase();
  const meanings = Object.hasOwn(AMBIGUOUS_ZONES, key) ? AMBIGUOUS_ZONES[key] : undefined;
  return meanings === undefined
    ? `the zone "${written}", which chronolog does not recognise, so it is not applied`
    : `the zone "${written}", which can mean ${meanings} time, so it is not applied`;
}

/** `UTC+02:00`, `UTC-05:00`, `UTC` for an offset in minutes east of UTC. */
function utcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const m = Math.abs(minutes);
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

const CHECK_IN_MAIL_PROGRAM =
  'If the exact time matters, compare it with the time shown for the message in the mail program it came from.';

/**
 * Where the time of a message came from when its Date gave none that is certain (`flags` are fallback's), as the
 * end of the warning about the Date, and what the reader can do: the stamp used, or the zone assumed and how.
 */
function takenFrom(
  flags: readonly string[],
  date: EmailDate | undefined,
  received: { raw: string } | undefined,
  envelope: EmailDate | undefined,
  timezone: string,
): { where: string; hint: string } {
  const flag = flags[0];
  if (flag === 'time-from-received' && received) {
    return {
      where: `the time is taken from the Received stamp ("${quoteDate(received.raw)}") instead (flagged time-from-received)`,
      hint: `Nothing to fix: the time a mail server stamped when the message arrived is used; it is usually seconds or minutes after the message was sent. ${CHECK_IN_MAIL_PROGRAM}`,
    };
  }
  if (flag === 'time-from-mbox-separator' && envelope) {
    const wall = (envelope.hasSeconds ? envelope.local : envelope.local.slice(0, 16)).replace('T', ' ');
    const zone = envelope.zoneText === undefined ? '' : ` ${envelope.zoneText}`;
    return {
      where: `the time is taken from the mbox separator line (the "From " line that starts the message in the mailbox file: ${wall}${zone}) instead (flagged time-from-mbox-separator)`,
      hint: `Nothing to fix: the time the mail program wrote when it saved the message in the mailbox file is used, which is usually when it arrived. ${CHECK_IN_MAIL_PROGRAM}`,
    };
  }
  if ((flag === 'date-zone-abbreviation' || flag === 'date-zone-military') && date?.ms !== undefined) {
    const offset = utcOffset(Math.round((Date.parse(`${date.local}Z`) - date.ms) / 60_000));
    if (flag === 'date-zone-military') {
      return {
        where: `it was read as ${offset}, as the e-mail standard (RFC 5322) says for these letters (flagged date-zone-military)`,
        hint: `Old mail programs gave these letters different meanings, so the time may be hours off. ${CHECK_IN_MAIL_PROGRAM}`,
      };
    }
    // A POSIX TZ name (EST5EDT) has its offset on that date from the time zone database; an abbreviation, its one.
    const meaning = /\d/.test(date.zoneText ?? '') ? "that zone's offset on that date" : 'its usual meaning';
    return {
      where: `it was read as ${offset}, ${meaning} (flagged date-zone-abbreviation)`,
      hint: `Zone abbreviations are not standard in e-mail dates and are sometimes wrong (a summer-time zone written in winter), so the time may be an hour or more off. ${CHECK_IN_MAIL_PROGRAM}`,
    };
  }
  return {
    where: `the time is read as written, as a time in the case's time zone, ${timezone} (flagged ${flag})`,
    hint: `If the sender's computer or phone was set to another time zone, the time is off by the difference. ${CHECK_IN_MAIL_PROGRAM}`,
  };
}

const ZONELESS_HINT =
  'A time without a certain zone could be hours off wherever it is placed, so no zone is guessed for it. If you know ' +
  'when the message came (your mail program may show it), add it to a diary entry.';

/**
 * Why the message's other stamps gave no time, as the rest of a sentence that starts "No Date header", and what
 * the reader can do, for a rejection. A Received stamp or mbox separator whose time has no certain zone
 * (`From - Mon Jan 01 12:00:00 2024`, as Thunderbird writes) is named as such: it carries a time, but one that
 * cannot be placed without guessing the zone, so it is deliberately unused. "Nothing else carries a time" is
 * said only when that is true.
 */
function nothingElse(
  fields: readonly HeaderField[],
  envelope: EmailDate | undefined,
): { why: string; hint: string } {
  const stamps = headers(fields, 'received').map((v) =>
    v.includes(';') ? parseEmailDate(v.slice(v.lastIndexOf(';') + 1).trim()) : undefined,
  );
  const zoneless = stamps.some((d) => d !== undefined);
  const received =
    stamps.length === 0
      ? 'no Received header'
      : zoneless
        ? 'no Received header with a certain time zone'
        : 'no readable Received header';
  if (envelope === undefined) {
    return {
      why: ` and ${received}`,
      hint: zoneless
        ? ZONELESS_HINT
        : 'Nothing else in the message carries a time; add it to a diary entry if you know when it came.',
    };
  }
  const wall = (envelope.hasSeconds ? envelope.local : envelope.local.slice(0, 16)).replace('T', ' ');
  const zone = envelope.zoneText ? `the zone "${envelope.zoneText}", not a numeric offset` : 'no time zone';
  return {
    why: `, ${received}, and the mbox separator line's time (${wall}) has ${zone}, so it is not used`,
    hint: ZONELESS_HINT,
  };
}

/** Picks the time of one message, warning or rejecting through `ctx`; undefined means it was rejected. */
export function chooseTime(
  fields: readonly HeaderField[],
  envelope: EmailDate | undefined,
  locator: number | string,
  ctx: SourceContext,
): ChosenTime | undefined {
  const raw = header(fields, 'date');
  const date = raw === undefined ? undefined : parseEmailDate(raw);
  if (raw !== undefined) warnRepeatedDate(fields, raw, date, locator, ctx);
  const received = topReceived(fields);
  const withReceived = received ? { received: received.raw } : {};
  if (date && isCertain(date)) {
    const far = received !== undefined && Math.abs(received.date.ms - date.ms) > DAY_MS;
    const implausible = implausibility(date, received);
    // Only a stamp a server or mailbox program wrote replaces the Date; with none, it is kept as written.
    const other = implausible === undefined ? undefined : fallback(undefined, received, envelope);
    if (other === undefined) {
      const flags = date.weekdayMismatch ? ['date-weekday-mismatch'] : [];
      if (far) flags.push('date-received-mismatch');
      return { time: instant(date), flags, ...withReceived };
    }
    const source = received ? `the Received stamp ("${quoteDate(received.raw)}")` : 'the mbox separator line';
    ctx.warn(
      'EMAIL_DATE_IMPLAUSIBLE',
      locator,
      `The Date header "${quoteDate(raw ?? '')}" ${implausible}; the time is taken from ${source} instead.`,
      'Nothing to fix: the stamp a mail server or mail program wrote is used, and the Date as written is kept in the details. If the exact time matters, compare the two in the original message.',
    );
    const flags = far ? [...other.flags, 'date-received-mismatch'] : other.flags;
    return { time: other.time, flags, ...withReceived };
  }
  // The Date problem is reported as a warning only when another time keeps the record; otherwise the
  // rejection below carries the raw value.
  const found = fallback(date, received, envelope);
  if (found) {
    const { where, hint } = takenFrom(found.flags, date, received, envelope, ctx.options.timezone);
    if (raw === undefined)
      ctx.warn('EMAIL_NO_DATE', locator, `The message has no Date header; ${where}.`, hint);
    else if (!date)
      ctx.warn(
        'EMAIL_BAD_DATE',
        locator,
        `The Date header "${quoteDate(raw)}" could not be read; ${where}.`,
        hint,
      );
    else
      ctx.warn(
        'EMAIL_DATE_ZONE_UNCERTAIN',
        locator,
        `The Date header "${quoteDate(raw)}" has ${zoneWords(date)}; ${where}.`,
        hint,
      );
    return { ...found, ...withReceived };
  }
  const { why, hint } = nothingElse(fields, envelope);
  if (raw === undefined) ctx.reject('EMAIL_NO_DATE', locator, `No Date header${why}.`, hint);
  else ctx.reject('EMAIL_BAD_DATE', locator, `Unreadable Date header "${quoteDate(raw)}"${why}.`, hint);
  return undefined;
}

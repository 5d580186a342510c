/**
 * The lines of one anonymised input file (format documented in src/sources/chronolog-jsonl.ts): event rows,
 * and stubs that stand for the records the original input skipped or rejected, so the read-back input keeps
 * the original's books (records = events + skipped + rejected; events = kept + duplicates).
 */
import type { InputSummary, TimelineEvent } from '../../model/index.js';
import { DST_FLAGS } from '../../model/time-flags.js';
import type { Zone } from '../zone.js';

const DAY_MS = 86_400_000;

/** One event line of the anonymised JSONL. */
export interface AnonRow {
  readonly utc: string;
  readonly precision: TimelineEvent['precision'];
  readonly channel: TimelineEvent['channel'];
  readonly kind: TimelineEvent['kind'];
  readonly direction: TimelineEvent['direction'];
  readonly sender: string | null;
  readonly role: TimelineEvent['role'] | null;
  readonly call: TimelineEvent['call'] | null;
  readonly conversation: string | null;
  readonly text: string | null;
  /** The length of `text` as written here (redacted); null with the text dropped (index.ts, `textAndLength`). */
  readonly textLength: number | null;
  readonly flags: readonly string[];
  /**
   * The record's de-duplication identity: rows share it exactly when the original records had the same
   * fingerprint (timeline/dedupe.ts), so reading back marks the same records as duplicates even though text is
   * redacted and platform ids are gone. A per-case counter, not a hash: it reveals only which rows are copies.
   */
  readonly dedupe: number;
}

/** A line standing for one record the original input skipped (with its reason) or rejected (with its code). */
export type AnonStub = { readonly skipped: string } | { readonly rejected: string };

/**
 * Record flags whose truth depends on the original date, and which would give the shift away beside a shifted
 * one: a clock change's (`dst-gap`, `dst-ambiguous`, `dst-ambiguous-later`, also an e-mail's in its own zone),
 * which fall only on the clock-change days of the original dates, and `time-after-report`, which compares the
 * original date with when the original was read (anonymise reads without a generation time, so it is not set
 * today; a copy of a timeline that had it would keep it). The weekday and the differences other time flags compare
 * (`date-weekday-mismatch`, `date-received-mismatch`, `time-local-mismatch`) stay true under a shift by whole
 * weeks of local time, and are kept.
 */
function originalDateFlag(flag: string): boolean {
  return flag.startsWith('dst-') || flag === 'time-after-report';
}

/** A record's instant and flags in the copy. */
export interface ShiftedTime {
  readonly ms: number;
  readonly flags: readonly string[];
}

/**
 * The date shift as a function of the instant and flags of a record: whole weeks of local wall-clock time in the
 * case zone, so every record keeps its local date's weekday, its local hour and minute, and hence its day in the
 * daily series even when the shift crosses a clock change (a UTC shift would move night-time records across
 * midnight for half the year). The copy is the case as if every time had been written that many weeks later, read
 * by the timeline's rule (zone.ts): a wall-clock time that does not exist on the shifted date (a spring-forward
 * gap) is read with the offset before the change and flagged `dst-gap`, one that occurs twice is the earlier and
 * flagged `dst-ambiguous`; the original's clock-change flags go (`originalDateFlag`). A time written in the hour
 * the clocks skipped on the original date (flagged `dst-gap`, shown an hour later) is shifted as written: shown
 * after the change, an entry written at 01:30 every night would stand at 02:30 on one shifted day, a
 * clock-change day of the original, and give the shift away as the flag did.
 */
export function shifter(zone: Zone, weeks: number): (ms: number, flags: readonly string[]) => ShiftedTime {
  if (weeks === 0) return (ms, flags) => ({ ms, flags });
  const by = weeks * 7 * DAY_MS;
  return (ms, flags) => {
    const r = zone.resolve(writtenWallClock(zone, ms, flags) + by);
    const kept = flags.filter((f) => !originalDateFlag(f));
    return { ms: r.ms, flags: r.dst === undefined ? kept : [...kept, DST_FLAGS[r.dst]] };
  };
}

/**
 * The wall-clock time (as "UTC-like" milliseconds) a record was written at in the case zone: its local time, or
 * for a time the clocks skipped (`dst-gap`, read with the offset before the change) the time as written, when
 * the case zone's rule gives this very instant for it (an e-mail's `dst-gap` may be of its own zone).
 */
function writtenWallClock(zone: Zone, ms: number, flags: readonly string[]): number {
  const local = ms + zone.offsetAt(ms) * 60_000;
  if (!flags.includes(DST_FLAGS.gap)) return local;
  const written = ms + zone.offsetAt(ms - DAY_MS) * 60_000;
  const r = zone.resolve(written);
  return r.dst === 'gap' && r.ms === ms ? written : local;
}

/** `YYYY-MM-DD…` moved by whole days (for the case file's dates, which are local dates already). */
export function shiftDate(date: string, days: number): string {
  const d = new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * DAY_MS);
  return d.toISOString().slice(0, 10) + date.slice(10);
}

/** A case-file date-time with its offset (`2024-06-01T14:30+01:00`, `…Z`): date, time and offset. */
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A milestone's date moved as the records are (`shifter`). A date, or a local time without an offset, is moved
 * by whole days: the report reads its local time on the shifted date as it reads the records'. A time with an
 * offset names an instant: moved by local wall-clock time in the case zone and written with the case zone's
 * offset on the shifted date (`Z` stays `Z`), at the precision written. Keeping the original offset instead
 * would move it by an hour against the records when the shift crosses a clock change (14:30+01:00 on a winter
 * date is 13:30 local), and a summer offset on a winter date would tell in which part of the year it was.
 */
export function shiftMilestoneDate(
  date: string,
  days: number,
  zone: Zone,
  shift: (ms: number, flags: readonly string[]) => ShiftedTime,
): string {
  const m = WITH_OFFSET.exec(date);
  if (days === 0 || !m) return days === 0 ? date : shiftDate(date, days);
  const offset = m[3] === 'Z' ? 'Z' : `${m[3]!.slice(0, 3)}:${m[3]!.slice(-2)}`;
  const ms = Date.parse(`${m[1]}T${m[2]}${offset}`);
  if (!Number.isFinite(ms)) return shiftDate(date, days);
  const to = shift(ms, []).ms;
  const width = m[2]!.length > 5 ? 19 : 16;
  if (offset === 'Z') return `${new Date(to).toISOString().slice(0, width)}Z`;
  const minutes = zone.offsetAt(to);
  const abs = Math.abs(minutes);
  const sign = minutes < 0 ? '-' : '+';
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${new Date(to + minutes * 60_000).toISOString().slice(0, width)}${sign}${hhmm}`;
}

/** One stub per skipped or rejected record of an input, reasons and codes in sorted order. */
export function stubsOf(input: InputSummary): AnonStub[] {
  const out: AnonStub[] = [];
  for (const [reason, n] of Object.entries(input.skippedReasons).sort(byKey))
    for (let i = 0; i < n; i++) out.push({ skipped: reason });
  for (const [code, n] of Object.entries(input.rejectedReasons).sort(byKey))
    for (let i = 0; i < n; i++) out.push({ rejected: code });
  return out;
}

function byKey(a: [string, number], b: [string, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** The file name of input `index` (0-based) of `count`: `input-001.jsonl`, sorting in the original order. */
export function inputName(index: number, count: number): string {
  const width = Math.max(3, String(count).length);
  return `input-${String(index + 1).padStart(width, '0')}`;
}

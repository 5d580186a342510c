/**
 * The lines of one anonymised input file (format documented in src/sources/chronolog-jsonl.ts): event rows,
 * and stubs that stand for the records the original input skipped or rejected, so the read-back input keeps
 * the original's books (records = events + skipped + rejected; events = kept + duplicates).
 */
import type { InputSummary, TimelineEvent } from '../../model/index.js';
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
 * The date shift as a function of the instant: whole weeks of local wall-clock time in the case zone, so every
 * record keeps its local date's weekday, its local hour and minute, and hence its day in the daily series even
 * when the shift crosses a clock change (a UTC shift would move night-time records across midnight for half
 * the year). A wall-clock time that does not exist on the shifted date (a spring-forward gap) is read with the
 * offset before the change, as the timeline reads local times.
 */
export function shifter(zone: Zone, weeks: number): (ms: number) => number {
  if (weeks === 0) return (ms) => ms;
  const by = weeks * 7 * DAY_MS;
  return (ms) => zone.resolve(ms + zone.offsetAt(ms) * 60_000 + by).ms;
}

/** `YYYY-MM-DD…` moved by whole days (for the case file's dates, which are local dates already). */
export function shiftDate(date: string, days: number): string {
  const d = new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * DAY_MS);
  return d.toISOString().slice(0, 10) + date.slice(10);
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

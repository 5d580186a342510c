/**
 * Records dated after the report was made. No record can be newer than the export that holds it, and the export
 * was made before the report, so a record dated after the report's generation time (--now, SOURCE_DATE_EPOCH,
 * else the clock: the `generatedAt` the report states) shows a device clock set wrong or a date misread (day and
 * month swapped, a two-digit year taken for the wrong century). It is evidence all the same: kept, counted and
 * flagged `time-after-report`, and each file holding such records gets one warning with their number and the
 * first one's locator.
 *
 * Rule: "after" means more than 48 hours after the generation time. A time written without a zone is read in the
 * case zone, which may be up to 26 hours from the zone of the phone that wrote it (UTC−12 to UTC+14), and a
 * device clock a few minutes fast is no sign of anything: the margin leaves both alone. The generation time, not
 * the newest record of the export, is the bound: it holds for a file whose every record is misdated, and needs
 * no guess of how far from the rest a record may be. The same inputs and generation time give the same flags; a
 * generation time before 1990 (SOURCE_DATE_EPOCH=0, or 1980 as some build tools set it) is a placeholder, not
 * when the report was made, and nothing is checked against it (STAMPED_TIMES rejects records before 1990).
 * Nor are anonymised copies whose dates may have been shifted (their `TimeRange` is `shifted`): with --shift-dates
 * their dates are moved by up to five years on purpose. A copy whose header says its dates were not shifted holds
 * its original's instants, and is checked as its original is (sources/chronolog-jsonl.ts).
 */
import { plural, utcText } from '../model/format.js';
import type { Problem } from '../model/index.js';
import { STAMPED_TIMES } from '../model/time-range.js';
import { locatorText } from './ids.js';

/** How far after the generation time a record may be dated before it is flagged. */
export const FUTURE_MARGIN_MS = 48 * 3_600_000;

/** The instant past which a record is flagged, for a report generated at `generatedAt`; none for a placeholder. */
export function futureAfter(generatedAt: string | undefined): number | undefined {
  if (generatedAt === undefined) return undefined;
  const ms = Date.parse(generatedAt);
  return Number.isFinite(ms) && ms >= STAMPED_TIMES.from ? ms + FUTURE_MARGIN_MS : undefined;
}

/** One input's records dated after the report: how many, and the first one's locator and instant. */
export class FutureRecords {
  private n = 0;
  private first: { locator: number | string; ms: number } | undefined;

  add(locator: number | string, ms: number): void {
    if (this.n++ === 0) this.first = { locator, ms };
  }

  /** Forgets them (the input is read again from the start). */
  clear(): void {
    this.n = 0;
    this.first = undefined;
  }

  /** The warning for `file`, generated at `generatedAt`; undefined when it has no such record. */
  problem(file: string, generatedAt: string): Problem | undefined {
    if (this.first === undefined) return undefined;
    const { n, first } = this;
    const records = `${plural(n, 'record')} ${n === 1 ? 'is' : 'are'}`;
    return {
      code: 'TIMELINE_AFTER_REPORT',
      severity: 'warning',
      file,
      locator: locatorText(first.locator),
      message: `${records} dated more than ${FUTURE_MARGIN_MS / 3_600_000} hours after this report was generated (${utcText(Date.parse(generatedAt), { millis: false })} UTC), ${n === 1 ? 'at' : 'the first at'} ${locatorText(first.locator)} (${utcText(first.ms, { millis: false })} UTC): kept, counted and marked "dated after this report was made".`,
      hint: 'No record can be newer than the export that holds it: the device clock was probably set wrong, or the date was misread (day and month swapped, a two-digit year). Check these records in the original export. If the report itself should be dated later, set --now.',
    };
  }
}

/**
 * One fault, one problem. A reader that stops inside a record (the file ends there, or its syntax breaks there)
 * counts that record, rejected at its own locator with its `_RECORD_CUT_SHORT` or `_RECORD_MALFORMED` code
 * (sources/cut-record.ts), and then fails the file at the same locator. Both were listed as errors, so a cut SMS
 * backup read as two faults ("2 errors") where there was one:
 *
 *     SMS_RECORD_CUT_SHORT  sms[270] (line 275)  the file ends inside this record, before its end tag (…)
 *     SMS_TRUNCATED_XML     sms[270] (line 275)  the file ends inside sms[270] (line 275), before its end tag (…)
 *
 * The file's failure says more (how much was read, against the count the file declares; what to do about the
 * file), so it is the one kept, at the same locator, with what became of the record added to its message. The
 * record stays counted as rejected, under the failure's code, so the accounting still adds up and each reason
 * it gives is a code the problem list holds. Sources still report both (their tests see the books as read); only
 * the problem list tells them once.
 */
import type { Problem } from '../model/index.js';
import type { SourceFailure } from '../sources/index.js';
import { locatorText } from '../timeline/ids.js';

/** The codes of a record rejected because the file stopped inside it. */
const STOPPED_INSIDE = /_RECORD_(CUT_SHORT|MALFORMED)$/;

/** A record rejected, with the problem that told it. */
export interface Rejection {
  readonly code: string;
  readonly problem: Problem;
}

/** Whether `code` rejects a record because the file stopped inside it (sources/cut-record.ts). */
export function stopsInside(code: string): boolean {
  return STOPPED_INSIDE.test(code);
}

/** Of the records rejected for the file stopping inside them, the one `failure` stops at, if any. */
export function stoppedAt(failure: SourceFailure, rejected: readonly Rejection[]): Rejection | undefined {
  if (failure.locator === undefined) return undefined;
  const at = locatorText(failure.locator);
  return rejected.find((r) => r.problem.locator === at);
}

/**
 * The message of the one problem left for `failure` and the rejection of the record it stopped inside (`told`):
 * the failure's, with what became of the record.
 */
export function toldOnce(failure: SourceFailure, told: Rejection): string {
  const message = failure.message;
  // A failure that already says the record is not used (mbox's "so that message is not used") is complete.
  if (/\bnot used\b/.test(message)) return message;
  const why =
    STOPPED_INSIDE.exec(told.code)?.[1] === 'CUT_SHORT'
      ? 'as the rest of it is missing'
      : 'as its end cannot be read';
  const fate = `the part of ${told.problem.locator} read is not used, ${why}`;
  return /[.!?]$/.test(message)
    ? `${message} ${fate.charAt(0).toUpperCase()}${fate.slice(1)}.`
    : `${message}; ${fate}`;
}

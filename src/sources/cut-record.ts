/**
 * The record a file breaks off in. A reader that stops inside a record (the file ends there, or its syntax breaks
 * there) has read that record's start, so the record was met: it is counted, as rejected at its own locator,
 * before the reader's failure is thrown. It is never emitted with the part that was read (a message cut in the
 * middle of its text would be quoted as if whole), and never left out of the books, where "records read = events
 * + skipped + rejected" would then hide it. The SMS reader has its own wording (sms-backup-xml/reader.ts), which
 * names end tags; every other reader words it here, so that a police reader sees one sentence for one situation.
 */
import type { SourceContext } from './source.js';

const CUT_HINT = 'Only the start of this record is in the file. A whole copy of the export may hold it.';
const BROKEN_HINT =
  'This record is damaged in this copy of the export (edited by hand or by another tool, or two files joined). ' +
  'A copy exported again may hold it whole.';

/**
 * Rejects the record at `locator`, inside which the file ends. `where` says where the file ends (e.g. "line 43,
 * column 21, byte 810"); `code` is the reader's own, e.g. `TELEGRAM_RECORD_CUT_SHORT`.
 */
export function rejectCutRecord(
  ctx: SourceContext,
  code: string,
  locator: string | number,
  where: string,
): void {
  ctx.reject(
    code,
    locator,
    `the file ends inside this record (${where}); the part of it read is not used, as the rest is missing`,
    CUT_HINT,
  );
}

/**
 * Rejects the record at `locator`, inside which reading stopped at a syntax error: `what` is the error, `where`
 * its place; `code` is the reader's own, e.g. `TELEGRAM_RECORD_MALFORMED`.
 */
export function rejectBrokenRecord(
  ctx: SourceContext,
  code: string,
  locator: string | number,
  where: string,
  what: string,
): void {
  ctx.reject(
    code,
    locator,
    `reading stopped inside this record at an error (${where}): ${what.replace(/\.$/, '')}; the rest of the file ` +
      'cannot be read, so the part of this record read is not used',
    BROKEN_HINT,
  );
}

/**
 * The timeline's columns (CSV header, JSON Lines keys), in order. A plain module (no zod): format detection
 * recognises a saved timeline by this header on every run, and importing the schema would load zod (index.ts).
 * `TimelineRowSchema` (report.ts) has these keys in this order; tests/reports/timeline-columns.test.ts holds it to
 * that. New columns are appended at the end, so a script that reads CSV cells by position keeps reading the same.
 */
export const TIMELINE_COLUMNS = [
  'id',
  'utc',
  'local',
  'precision',
  'channel',
  'kind',
  'callStatus',
  'direction',
  'sender',
  'senderResolved',
  'role',
  'incident',
  'text',
  'file',
  'sha256',
  'locator',
  'flags',
  'details',
  'callDurationSec',
  'lexicon',
] as const;

/**
 * The columns added after the first release, in the order they were appended. A timeline saved by an earlier
 * version has a header that stops before them, and is still recognised as chronolog's (output-marks.ts).
 */
export const APPENDED_TIMELINE_COLUMNS = ['callDurationSec', 'lexicon'] as const;

/**
 * The columns `timeline --with-duplicates` appends after all the others, and only then (JSON Lines: keys every row
 * has then, and no row has otherwise), so a timeline written without it stays byte for byte what it was. Each
 * duplicate is a row of its own, right after the copy kept in its place: `duplicate` tells it, `keptFile` and
 * `keptLocator` name that copy (as the report's `duplicatesAt[].kept`), `duplicateReason` says why where
 * de-duplication gives a reason (`deleted-placeholder`).
 */
export const DUPLICATE_COLUMNS = ['duplicate', 'keptFile', 'keptLocator', 'duplicateReason'] as const;

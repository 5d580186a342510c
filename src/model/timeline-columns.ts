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

/**
 * The timeline's columns (CSV header, JSON Lines keys), in order. A plain module (no zod): format detection
 * recognises a saved timeline by this header on every run, and importing the schema would load zod (index.ts).
 * `TimelineRowSchema` (report.ts) has these keys in this order; tests/reports/timeline-columns.test.ts holds it to
 * that.
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
] as const;

/**
 * `timeline --format csv`: one row per event, RFC 4180 quoting via csv-stringify. Every cell that could start
 * a spreadsheet formula is neutralised, because message text is written by the person being reported.
 */
import { stringify } from 'csv-stringify/sync';
import type { TimelineRow } from '../model/index.js';
import type { TimelineFormat } from './report.js';
import { csvSafe, showControls } from './sanitize.js';

export const TIMELINE_COLUMNS: readonly (keyof TimelineRow)[] = [
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
];

const line = (cells: string[]) =>
  stringify([cells.map((c) => csvSafe(showControls(c)))], { record_delimiter: '\n' });

export const timelineCsv: TimelineFormat = {
  id: 'csv',
  label: 'CSV, one row per event (spreadsheet-safe)',
  header: () => line([...TIMELINE_COLUMNS]),
  row: (r) =>
    line(
      TIMELINE_COLUMNS.map((c) => {
        const v = r[c];
        if (v === null) return '';
        if (typeof v === 'boolean') return v ? 'yes' : 'no';
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
      }),
    ),
};

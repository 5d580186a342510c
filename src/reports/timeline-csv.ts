/**
 * `timeline --format csv`: one row per event, RFC 4180 quoting via csv-stringify. Every cell that could start
 * a spreadsheet formula is neutralised, because message text is written by the person being reported. A list
 * (the lexicon categories) is one cell, its items joined with ';'; an object (details) is JSON text.
 */
import { stringify } from 'csv-stringify/sync';
import { TIMELINE_COLUMNS } from '../model/timeline-columns.js';
import type { TimelineFormat } from './report.js';
import { csvSafe, showControls } from './sanitize.js';

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
        if (Array.isArray(v)) return v.join(';');
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
      }),
    ),
};

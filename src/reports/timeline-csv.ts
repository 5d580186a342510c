/**
 * `timeline --format csv`: one row per event, RFC 4180 quoting via csv-stringify. Every cell that could start
 * a spreadsheet formula is neutralised, because message text is written by the person being reported. A list
 * (the lexicon categories) is one cell, its items joined with ';'; an object (details) is JSON text. With `--excel`
 * the file starts with EXCEL_BOM; every byte after it is the same. With `--with-duplicates` the columns of
 * DUPLICATE_COLUMNS come last, neutralised as every cell is (a file kept in may be named `=…`).
 */
import { stringify } from 'csv-stringify/sync';
import type { TimelineRow } from '../model/index.js';
import { DUPLICATE_COLUMNS, TIMELINE_COLUMNS } from '../model/timeline-columns.js';
import type { TimelineFormat } from './report.js';
import { csvSafe, showControls } from './sanitize.js';

/**
 * The UTF-8 byte-order mark (bytes EF BB BF) that `--excel` writes before the header (the timeline's and batch's
 * tables). Excel on Windows reads a CSV without it in the ANSI code page, so an accented letter, a curly quote or
 * an emoji in a message shows as mojibake (é as Ã©). It is not the default: pandas and R keep it in the first
 * column's name unless told the encoding (utf-8-sig, UTF-8-BOM), and scripts read these files too.
 */
export const EXCEL_BOM = '\uFEFF';

// Rows end in LF, and a cell holding a CR or LF is quoted: csv-stringify quotes CR and LF only while the record
// delimiter is its default unless told to, and an unquoted CR ends the row for Python's csv module, pandas and
// spreadsheet programs, so a message's "ok\r=SUM(…)" became a row of its own starting with a live formula.
const line = (cells: string[]) =>
  stringify([cells.map((c) => csvSafe(showControls(c)))], {
    record_delimiter: '\n',
    quote_record_delimiter: true,
  });

export const timelineCsv: TimelineFormat = {
  id: 'csv',
  label: 'CSV, one row per event (spreadsheet-safe)',
  header: (withDuplicates = false) =>
    line(withDuplicates ? [...TIMELINE_COLUMNS, ...DUPLICATE_COLUMNS] : [...TIMELINE_COLUMNS]),
  // A row of `timeline --with-duplicates` has its keys (every row has them then, none otherwise): appended last.
  row: (r) =>
    line((r.duplicate === undefined ? TIMELINE_COLUMNS : COLUMNS_WITH_DUPLICATES).map((c) => cell(r[c]))),
};

const COLUMNS_WITH_DUPLICATES = [...TIMELINE_COLUMNS, ...DUPLICATE_COLUMNS] as const;

function cell(v: TimelineRow[keyof TimelineRow]): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.join(';');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

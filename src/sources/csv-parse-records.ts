/**
 * What the two readers built on csv-parse (csv-diary/read.ts, discord-csv/rows.ts) do alike with its records.
 *
 * Rows of fewer cells than the header. csv-parse (7.0.3) compares each record's number of cells with the first
 * record's and, for one that differs, builds a `CsvError` (a stack trace and a JSON copy of its state and of the
 * record) before it looks at `relax_column_count`, which then only counts the record in `info.invalid_field_length`
 * and drops the error. A diary kept by hand often leaves a row's trailing empty cells out: 100,000 such rows took
 * twice as long to report as the same rows written whole (14 s against 6 s). No option spares it: with
 * `relax_column_count_less`, `skip_records_with_error` or `columns` it is built all the same, and `on_record` is
 * called after it. csv-parse takes the length it expects from the record it reads while `info.records` is 0, so
 * the record hook sets that count back to 0 (`expectEachRecordsLength`): each record is compared with itself. The
 * readers read nothing else from `info.records` and use neither `from` nor `to`, the options that count with it;
 * the records, their lines and csv-parse's errors are the same. Should a later csv-parse take the expected length
 * otherwise, only the time changes; tests/sources/csv-diary-short-rows.test.ts would say so.
 */
import type { Parser } from 'csv-parse';

/**
 * Called first in csv-parse's `on_record` hook: the next record's own number of cells becomes the number expected
 * of it, so a record shorter or longer than the header costs what any other record costs.
 */
export function expectEachRecordsLength(parser: Parser): void {
  (parser.info as { records: number }).records = 0;
}

/**
 * The blank lines csv-parse skips (`skip_empty_lines`) and counts in `info.empty_lines`, given back in order: the
 * function returned calls `give` once for each blank line up to the `emptyLines`th not given yet, which gives it
 * as the row of one empty cell it would have been read as, at its line.
 */
export function blankRows(give: () => void): (emptyLines: number) => void {
  let given = 0;
  return (emptyLines) => {
    for (; given < emptyLines; given++) give();
  };
}

/**
 * Counting a diary row's cells before csv-parse reads it. csv-parse caps a row by the characters of its cells'
 * contents (`max_record_size`), which empty cells add nothing to: a row of 33 million empty quoted cells
 * (`"","","",…`, 100 MB) passes that cap and is built as one array of 33 million strings (2.2 GB, half a minute).
 * No spreadsheet writes a row of more cells than `MAX_RECORD_CELLS`, so a row with more is found here, from the text
 * csv-parse has not yet been given, and passed over as a row too large to read. The row is read as csv-parse reads
 * it with `relax_quotes` (as `recordEnd` in run-on-quotes.ts reads it): a quote opens a cell only as its first
 * character; inside, `""` is a quote and a line end is part of the cell; any other quote closes the cell.
 */

/**
 * More cells than a row of any spreadsheet has columns (Excel and LibreOffice 16,384, Google Sheets 18,278), so a
 * row over it was never a diary's row; with the 8 MiB of cell contents csv-parse allows, it bounds what a row costs.
 */
export const MAX_RECORD_CELLS = 20_000;

const QUOTE = 0x22;
const LINE_END = 0x0a;
const BOM = 0xfeff;

/**
 * Reads a text's rows from `start` in pieces (`upTo`), each piece after the last, counting each row's cells; the
 * first row over `max` cells stops it.
 */
export class RowCells {
  private at: number;
  private quoted = false;
  private cellStart = true;
  private cells = 1;
  private rowStart: number;
  private readonly delimiter: number;

  constructor(
    private readonly text: string,
    start: number,
    delimiter: string,
    private readonly max = MAX_RECORD_CELLS,
  ) {
    // csv-parse (`bom: true`) drops a byte-order mark at the start of what it is given.
    this.at = text.charCodeAt(start) === BOM ? start + 1 : start;
    this.rowStart = start;
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Reads on to offset `end` (or a character past it, the second quote of a `""`); returns the offset of the first
   * row over `max` cells, or undefined when none has been found.
   */
  upTo(end: number): number | undefined {
    const { text, delimiter } = this;
    let i = this.at;
    for (; i < end; i++) {
      if (this.quoted) {
        // Inside a quoted cell only a quote matters: jump to the next one.
        const q = text.indexOf('"', i);
        if (q < 0 || q >= end) {
          i = end;
          break;
        }
        i = q;
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else this.quoted = false;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === LINE_END) {
        this.cells = 1;
        this.rowStart = i + 1;
        this.cellStart = true;
      } else if (c === delimiter) {
        this.cellStart = true;
        if (++this.cells > this.max) {
          this.at = i + 1;
          return this.rowStart;
        }
      } else {
        if (c === QUOTE && this.cellStart) this.quoted = true;
        this.cellStart = false;
      }
    }
    this.at = i;
    return undefined;
  }
}

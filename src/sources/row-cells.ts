/**
 * Counting a CSV row's cells before csv-parse reads it, for the CSV readers (the diary, DiscordChatExporter CSV).
 * csv-parse caps a row by the characters of its cells' contents (`max_record_size`), which empty cells add nothing
 * to: a row of 33 million empty quoted cells (`"","","",…`, 100 MB) passes that cap and is built as one array of 33
 * million strings (2.2 GB, half a minute). No spreadsheet writes a row of more cells than `MAX_RECORD_CELLS`, and no
 * export comes near it, so a row with more is found here, from the text csv-parse has not yet been given, and
 * passed over as a row too large to read. The row is read as csv-parse reads it with `relax_quotes` (as `recordEnd`
 * in csv-diary/run-on-quotes.ts reads it): a quote opens a cell only as its first character; inside, `""` is a
 * quote and a line end is part of the cell; any other quote closes the cell. Without `relax_quotes` csv-parse
 * refuses a quote anywhere else, so the rows it reads are the same. The text may be one string (the diary, read
 * whole) or pieces of a stream, given one after another (`next`).
 */

/**
 * More cells than a row of any spreadsheet has columns (Excel and LibreOffice 16,384, Google Sheets 18,278), so a
 * row over it was never a diary's row, nor an export's; with a cap on characters, it bounds what a row costs.
 */
export const MAX_RECORD_CELLS = 20_000;

const QUOTE = 0x22;
const CR = 0x0d;
const BOM = 0xfeff;

/**
 * Where `RowCells.scan` stopped: at a row over the cap of cells (`over`: where the row starts), or just after the
 * line end of the row being read (`rowEnd`); offsets count from the start of the first piece.
 */
export type RowStop = { readonly over: number } | { readonly rowEnd: number };

/**
 * Reads a text's rows from `start` in pieces (`upTo`), each piece after the last, counting each row's cells; the
 * first row over `max` cells stops it. A text read as a stream is given piece by piece (`next`), and `scan` also
 * stops at each row's end.
 */
export class RowCells {
  /** Where `text` starts in the whole text read, the pieces before it counted. */
  private base = 0;
  private at: number;
  private quoted = false;
  /** A quote ended the last piece inside a quoted cell: the next piece's first character tells if it is `""`. */
  private quoteAtEnd = false;
  private cellStart = true;
  private cells = 1;
  /** The row being read was found over `max` cells (it is not found so again). */
  private over = false;
  private rowStartAt: number;
  private readonly delimiter: number;
  private readonly lineEnd: number;
  /** Rows end with CRLF: an LF ends one only after a CR. */
  private readonly crlf: boolean;
  /** The last piece ended with a CR. */
  private crBefore = false;

  constructor(
    private text: string,
    start: number,
    delimiter: string,
    private readonly max = MAX_RECORD_CELLS,
    /** What ends a row: `\n`, `\r` or `\r\n` (csv-parse's `record_delimiter`). */
    lineEnd: '\n' | '\r' | '\r\n' = '\n',
  ) {
    // csv-parse (`bom: true`) drops a byte-order mark at the start of what it is given.
    this.at = text.charCodeAt(start) === BOM ? start + 1 : start;
    this.rowStartAt = start;
    this.delimiter = delimiter.charCodeAt(0);
    this.lineEnd = lineEnd.charCodeAt(lineEnd.length - 1);
    this.crlf = lineEnd === '\r\n';
  }

  /** Where the row being read starts, counted from the start of the first piece. */
  get rowStart(): number {
    return this.rowStartAt;
  }

  /**
   * Reads on to offset `end` (or a character past it, the second quote of a `""`); returns the offset of the first
   * row over `max` cells, or undefined when none has been found.
   */
  upTo(end: number): number | undefined {
    const stop = this.scan(end, false);
    return stop === undefined ? undefined : (stop as { over: number }).over;
  }

  /**
   * Goes on to the next piece of a text read as a stream; offsets go on counting from the end of the last piece
   * (which must have been read to its end).
   */
  next(text: string): void {
    this.base += this.text.length;
    this.at -= this.text.length;
    if (this.text !== '') this.crBefore = this.text.charCodeAt(this.text.length - 1) === CR;
    this.text = text;
    if (this.quoteAtEnd && text !== '') {
      this.quoteAtEnd = false;
      // `""` split between two pieces is a quote in the cell; a lone quote closed the cell.
      if (text.charCodeAt(0) === QUOTE) this.at = 1;
      else this.quoted = false;
    }
  }

  /**
   * Reads on to offset `end` of the current piece, stopping at the first row over `max` cells and, with `rowEnds`,
   * after each row's line end; undefined when it reached `end`.
   */
  scan(end: number, rowEnds: boolean): RowStop | undefined {
    const { text, delimiter, lineEnd } = this;
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
        if (q + 1 === text.length) {
          this.quoteAtEnd = true;
          i = end;
          break;
        }
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else this.quoted = false;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === lineEnd && (!this.crlf || (i > 0 ? text.charCodeAt(i - 1) === CR : this.crBefore))) {
        this.cells = 1;
        this.rowStartAt = this.base + i + 1;
        this.cellStart = true;
        this.over = false;
        if (rowEnds) {
          this.at = i + 1;
          return { rowEnd: this.rowStartAt };
        }
      } else if (c === delimiter) {
        this.cellStart = true;
        if (++this.cells > this.max && !this.over) {
          this.over = true;
          this.at = i + 1;
          return { over: this.rowStartAt };
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

/**
 * Rows too large to be a DCE row, kept from csv-parse. A real row has 6 or 7 cells and a few kilobytes at most (a
 * message holds at most 4,000 characters, besides attachment URLs and reactions). csv-parse builds a row whole
 * before it can be judged: a row of 33 million empty quoted cells (`"","",…`, 99 MB, nothing in any cell for its
 * `max_record_size` to count) took 1.7 GB, and a row over that cap stopped the file there. Here the text is read
 * before csv-parse is given it, row by row (the cells counted by ../row-cells.ts): a row of more than
 * `MAX_RECORD_CELLS` cells or `MAX_ROW_CHARS` characters is never given to it, and is listed instead, so that the
 * reader rejects it at its line and reads on from the next row. csv-parse is given only whole rows; the row being
 * read is held here until its line end comes (up to `MAX_ROW_CHARS`), and what is held when the text ends is given
 * then, for csv-parse to judge as it always did (a quote left open, a last row cut short).
 */
import { MAX_RECORD_CELLS, RowCells } from '../row-cells.js';

/** More characters than any DCE row holds, by thousands of times. */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;

/** A row too large to read, not given to csv-parse. */
export interface LargeRow {
  /** How many rows csv-parse was given before it, the header counted. */
  readonly after: number;
  /** The line breaks in it, its own line end counted (as an editor counts them: CRLF is one). */
  readonly breaks: number;
  /** Its length in characters, its line end counted. */
  readonly chars: number;
  /** What it is over: `MAX_ROW_CHARS` characters, or `MAX_RECORD_CELLS` cells. */
  readonly over: 'chars' | 'cells';
  /** The text ends inside it (no line end closes it). */
  readonly unended: boolean;
}

/** Mutable tally of a row being passed over. */
type Passing = { -readonly [K in keyof LargeRow]: LargeRow[K] };

const CR = 0x0d;
const LF = 0x0a;

/** Hands csv-parse the whole rows of a text given piece by piece, leaving out those too large to read. */
export class RowGate {
  private cells: RowCells | undefined;
  /** Where the current piece starts in the whole text. */
  private base = 0;
  /** The start of the row being read, from earlier pieces, while it is not over a cap. */
  private held: string[] = [];
  private heldChars = 0;
  private given = 0;
  private passing: Passing | undefined;
  /** The last character looked at for line breaks was a CR (a CRLF may be split between pieces). */
  private cr = false;
  /** The rows passed over, in order; the reader takes them as it goes. */
  readonly passed: LargeRow[] = [];

  constructor(
    private readonly delimiter: string,
    /** What ends a row (csv-parse's `record_delimiter`). */
    private readonly lineEnd: '\n' | '\r' | '\r\n',
    private readonly maxChars = MAX_ROW_CHARS,
    private readonly maxCells = MAX_RECORD_CELLS,
  ) {}

  /** The text of the rows `piece` completes, to give csv-parse; a row over a cap is left out and listed in `passed`. */
  take(piece: string): string {
    if (piece === '') return '';
    if (this.cells) this.cells.next(piece);
    else this.cells = new RowCells(piece, 0, this.delimiter, this.maxCells, this.lineEnd);
    const out: string[] = [];
    // The run of whole rows in this piece not yet put in `out`.
    let run = 0;
    let from = 0;
    for (;;) {
      const stop = this.cells.scan(piece.length, true);
      if (stop !== undefined && 'over' in stop) {
        if (this.passing === undefined) {
          if (run < from) out.push(piece.slice(run, from));
          run = from;
          this.pass('cells');
        }
        continue;
      }
      const to = stop === undefined ? piece.length : stop.rowEnd - this.base;
      if (this.passing === undefined && this.heldChars + (to - from) > this.maxChars) {
        if (run < from) out.push(piece.slice(run, from));
        run = from;
        this.pass('chars');
      }
      if (this.passing !== undefined) {
        this.passing.chars += to - from;
        this.passing.breaks += this.breaks(piece, from, to);
      } else if (stop === undefined) {
        if (to > from) {
          this.held.push(piece.slice(from, to));
          this.heldChars += to - from;
        }
      } else if (this.held.length > 0) {
        out.push(...this.held);
        this.held = [];
        this.heldChars = 0;
      }
      if (stop === undefined) {
        if (this.passing === undefined && run < from) out.push(piece.slice(run, from));
        break;
      }
      if (this.passing !== undefined) {
        this.passed.push({ ...this.passing });
        this.passing = undefined;
        run = to;
      } else this.given++;
      from = to;
    }
    this.base += piece.length;
    return out.join('');
  }

  /**
   * At the end of the text: the row left unended, to give csv-parse (which judges it), or '' when the text ended
   * in a row passed over, which is then listed, unended.
   */
  end(): string {
    if (this.passing !== undefined) {
      this.passed.push({ ...this.passing, unended: true });
      this.passing = undefined;
      return '';
    }
    const rest = this.held.join('');
    this.held = [];
    this.heldChars = 0;
    return rest;
  }

  /** Whether the text ended inside a row passed over (`end` listed it). */
  get endedPassing(): boolean {
    const last = this.passed.at(-1);
    return last?.unended === true;
  }

  /** Starts passing over the row being read: what is held of it is dropped, its line breaks counted. */
  private pass(over: LargeRow['over']): void {
    this.passing = { after: this.given, breaks: 0, chars: 0, over, unended: false };
    this.cr = false;
    for (const text of this.held) {
      this.passing.chars += text.length;
      this.passing.breaks += this.breaks(text, 0, text.length);
    }
    this.held = [];
    this.heldChars = 0;
  }

  /** Line breaks in `text` from `from` to `to`, as an editor counts them (CRLF, CR or LF). */
  private breaks(text: string, from: number, to: number): number {
    let n = 0;
    // A CRLF split between pieces: its LF was counted as the CR.
    if (from < to && this.cr && text.charCodeAt(from) === LF) from++;
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
    for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1))
      if (i + 1 === to || text.charCodeAt(i + 1) !== LF) n++;
    if (to > from) this.cr = text.charCodeAt(to - 1) === CR;
    return n;
  }
}

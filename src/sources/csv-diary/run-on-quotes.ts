/**
 * Finding a quoted cell that runs on over the rows after it. A diary edited in a text editor can open a cell with
 * a double quote and never close it (`12/03/2024,21:40,Text,"You can't hide from me`): csv-parse then reads every
 * line after it as that one cell, up to the end of the file (an error) or up to the next quote, which opens a cell
 * of a later row and so closes this one followed by something other than a delimiter (no error at all: the rows
 * in between vanish into one cell). A spreadsheet closes a quoted cell over several lines (a description of two
 * or three lines) with a quote followed by a delimiter or the line end, and a hand-typed one may leave spaces
 * before it (`...light on" ,Home`): neither is taken for a run-on. Nor is any other quote that does not stand
 * where a later row's cell would open: taking a closed cell for a run-on reads its inner lines that start with
 * dates as rows, events that never happened, which is worse than leaving rows in one cell's text.
 */

/** One quoted cell over more than one line: the line its quote opens on and the line it is closed on, 0-based. */
export interface QuotedSpan {
  readonly opened: number;
  /** Undefined when the quote is never closed. */
  readonly closed: number | undefined;
  /**
   * The quote is closed by a quote followed by something other than a delimiter or the line end, white space
   * (spaces, tabs) before them allowed.
   */
  readonly relaxed: boolean;
  /**
   * The closing quote stands where a cell opens (at a line's start or after the delimiter, white space between
   * allowed), as a later row's opening quote does; false for a quote never closed.
   */
  readonly atCellStart: boolean;
  /** Where in `raw` the opening quote is. */
  readonly at: number;
}

/**
 * The quoted cells of one record's text (`raw`, its lines joined by `\n`) that run over a line end, read as
 * csv-parse reads them with `relax_quotes`: a quote opens a cell only as its first character; inside, `""` is a
 * quote; a quote followed by the delimiter, the line end or the end of the text closes the cell, and one followed
 * by anything else closes it too (relaxed, unless only spaces or tabs come before the delimiter or line end), the
 * cell going on unquoted. Linear in `raw`.
 */
export function quotedSpans(raw: string, delimiter: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let line = 0;
  let quoted = false;
  let opened = 0;
  let at = 0;
  let fieldStart = true;
  /**
   * Whether the quote `raw[i]` stands where a cell opens: after the line start or the delimiter, with only white
   * space between, or quotes (`"""x` closes on its third quote; read from its own row, its first opens the cell).
   */
  const cellStartAt = (i: number): boolean => {
    let j = i - 1;
    while (j >= 0 && raw[j] === '"') j--;
    while (j >= 0 && (raw[j] === ' ' || raw[j] === '\t')) j--;
    return j < 0 || raw[j] === '\n' || raw[j] === delimiter;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\n') {
      line++;
      if (!quoted) fieldStart = true;
      continue;
    }
    if (quoted) {
      if (c !== '"') continue;
      if (raw[i + 1] === '"') {
        i++;
        continue;
      }
      quoted = false;
      fieldStart = false;
      let j = i + 1;
      while (raw[j] === ' ' || raw[j] === '\t') j++;
      const next = raw[j];
      const relaxed = next !== undefined && next !== '\n' && next !== delimiter;
      if (line > opened) spans.push({ opened, closed: line, relaxed, atCellStart: cellStartAt(i), at });
      continue;
    }
    if (c === delimiter) fieldStart = true;
    else if (c === '"' && fieldStart) {
      quoted = true;
      opened = line;
      at = i;
      fieldStart = false;
    } else fieldStart = false;
  }
  // Never closed: csv-parse fails at the end of the text, whether or not the quote ran over a line end.
  if (quoted) spans.push({ opened, closed: undefined, relaxed: false, atCellStart: false, at });
  return spans;
}

/**
 * The span of `raw` that runs on over rows of their own, or undefined: a quote never closed, or one closed only
 * by a later quote that is not followed by a delimiter (relaxed) and stands where a cell opens, as a later row's
 * opening quote does, when one of the lines after its opening line, up to the closing one, starts a row of its
 * own (`startsRow`: a date in the Date column). A quoted cell of several lines closed as a spreadsheet closes it,
 * or by a quote inside a cell's words (`...light on" (copied)`), stays one cell, whatever its lines hold: a
 * later row's quote inside its words (`He said "I'm outside"`) that closes a run-on cell is not told from that,
 * and those rows stay in the one cell, as before run-ons were looked for.
 */
export function runOnSpan(
  raw: string,
  delimiter: string,
  startsRow: (line: string) => boolean,
): QuotedSpan | undefined {
  const spans = quotedSpans(raw, delimiter);
  if (spans.length === 0) return undefined;
  const lines = raw.split('\n');
  return spans.find(
    (s) =>
      s.closed === undefined ||
      (s.relaxed && s.atCellStart && lines.slice(s.opened + 1, s.closed + 1).some((l) => startsRow(l))),
  );
}

/**
 * Where the record that starts at `start` in `text` ends: the offset of the line end after it, or the text's length
 * when it runs to the end. Read as `quotedSpans` reads a record (a quote opens a cell only as its first character,
 * `""` inside is a quote, any other quote closes the cell): a line end inside a quoted cell is part of the cell. For
 * a record too long for csv-parse, which stops without saying where it ends. Linear in the record's length.
 */
export function recordEnd(text: string, start: number, delimiter: string): number {
  let quoted = false;
  let fieldStart = true;
  for (let i = start; i < text.length; i++) {
    if (quoted) {
      // Inside a quoted cell only a quote matters: jump to the next one.
      i = text.indexOf('"', i);
      if (i < 0) break;
      if (text[i + 1] === '"') i++;
      else quoted = false;
      continue;
    }
    const c = text[i];
    if (c === '\n') return i;
    if (c === delimiter) fieldStart = true;
    else {
      if (c === '"' && fieldStart) quoted = true;
      fieldStart = false;
    }
  }
  return text.length;
}

/** The text of a cell from its opening quote to its line's end, shortened for a message. */
export function cellStart(raw: string, at: number, max = 50): string {
  const end = raw.indexOf('\n', at);
  const cell = raw.slice(at, end < 0 ? raw.length : end).trimEnd();
  return cell.length > max ? `${cell.slice(0, max).trimEnd()}…` : cell;
}

/**
 * Offsets of a text's lines, asked for in rising order, except that a line after the first line of the last
 * `lines` call may be asked for again (reading starts again inside a run-on row): each line end is looked for a
 * bounded number of times.
 */
export class LineCursor {
  private line = 1;
  private offset = 0;
  private mark = { line: 1, offset: 0 };
  constructor(private readonly text: string) {}

  /** Where 1-based `line` starts (the text's length past its last line). */
  start(line: number): number {
    if (line < this.line) {
      if (line < this.mark.line) throw new Error(`line ${line} was passed`);
      ({ line: this.line, offset: this.offset } = this.mark);
    }
    while (this.line < line) {
      const nl = this.text.indexOf('\n', this.offset);
      this.offset = nl < 0 ? this.text.length : nl + 1;
      this.line++;
    }
    return this.offset;
  }

  /** Lines `from` to `to` (1-based, inclusive) without the line end after the last; with no `to`, to the end. */
  lines(from: number, to?: number): string {
    const start = this.start(from);
    this.mark = { line: from, offset: start };
    if (to === undefined) return this.text.slice(start);
    let end = start;
    for (let n = from; n <= to; n++) {
      const nl = this.text.indexOf('\n', end);
      if (nl < 0) return this.text.slice(start);
      end = nl + 1;
    }
    return this.text.slice(start, end - 1);
  }
}

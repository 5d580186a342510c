/**
 * Lines wider than a terminal broken to fit it, for the text report on a terminal and chronolog's own lines on
 * stderr: only at a space, never inside a word, so a number, date, path or command-line word stays whole and
 * copyable, even when it alone is wider than the terminal. The words and their order never change, only where the
 * lines break. Widths are measured without chalk's styles and by what the reader sees (displayWidth: an emoji or a
 * Chinese character is two columns); a break is only ever at an ASCII space, so no character is cut in two.
 */
import { displayWidth } from './format.js';

// chalk's styles (SGR sequences); the data's own escape characters never reach here (sanitize.ts).
const STYLE = /\x1b\[[0-9;]*m/g;
// A line led by a 12-column label ("Calls       13: …", "Busiest day 2024-…") or continuing one (12 spaces): the
// label fills the 12 columns exactly, so a sentence ("For the full report…") is no label.
const LABELLED = /^(?:[A-Z][A-Za-z/ -]{10} | {12})(?! )/;
// A table's row: after its indent, columns apart by two spaces or more ("  Sam     324  2024-01-08 → …").
const TABLE_ROW = /^ +\S+(?: \S+)* {2,}\S/;
// The runs of two spaces or more between a table's cells.
const CELL_GAP = / {2,}(?=\S)/g;
/**
 * Columns a row's last cell must have beside it to be broken under itself ("in-person, other, post" of the
 * identifiers table); with less, each of its lines would hold a word or two and the row is left whole.
 */
const LAST_CELL_ROOM = 12;

/** `s` without chalk's styles: what a terminal shows of it. */
export const plain = (s: string) => s.replace(STYLE, '');
const widthOf = (s: string) => displayWidth(plain(s));

/** A word and the space before it ('' for the first), which a break drops. */
interface Piece {
  readonly gap: string;
  readonly text: string;
}

/**
 * `line` on as many lines as it needs to fit `width`. Each further line is indented under the text: `indent`
 * columns when given, else 12 after a label (the report's left column), else 2 more than the line's own indent
 * ("  ! file: …" goes on at 4).
 *
 * By kind of line:
 * - A line holding a " · " list ("missed 7 · answered 1 · outcome not recorded 2  (6 by phone)") breaks between
 *   its items and at a double space (before a bracketed note), so "outcome not recorded 2" or "2024-01 10%" stays on
 *   one line. Its words before a colon ("not counted as incidents: missed 26") are a sentence, not an item, and break
 *   at any space, as does an item too wide for a line of its own.
 * - A table's row breaks only inside its last cell, which goes on under itself, so every other cell stays under
 *   its heading. A row with no room for that (a last cell that is one number, or that starts within
 *   LAST_CELL_ROOM columns of the edge) is left whole: the terminal folds it, but its columns stay true, which a
 *   row broken anywhere else would not.
 * - Any other line breaks at any space.
 *
 * In every kind, a few words are never parted (`glued`): "2024-01-08 → 2024-02-04", "p < 0.001", "24 d", "RR 1.7",
 * "--out report.md", and a command line that fits a line of its own.
 *
 * The styles carry over: a terminal keeps a line's bold or dim until its end sequence.
 */
export function wrapLine(line: string, width: number, indent?: number): string[] {
  const flat = plain(line);
  if (displayWidth(flat) <= width) return [line];
  const labelled = LABELLED.test(flat);
  if (!labelled && indent === undefined && TABLE_ROW.test(flat)) return tableRow(line, width);
  const hang = indent ?? (labelled ? 12 : (/^ */.exec(flat)?.[0].length ?? 0) + 2);
  const lead = /^ */.exec(line)?.[0] ?? '';
  const body = line.slice(lead.length);
  const pieces = flat.includes(' · ') ? listPieces(body, width - hang) : wordPieces(body, '');
  return fill(lead, glued(pieces, width - hang), width, hang);
}

/** `wrapLine` for each line. */
export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((l) => wrapLine(l, width));
}

/** A row broken inside its last cell, under that cell; whole when that cell has no room (see `wrapLine`). */
function tableRow(line: string, width: number): string[] {
  const m = [...line.matchAll(CELL_GAP)].at(-1);
  if (!m) return [line];
  const start = m.index + m[0].length;
  const column = widthOf(line.slice(0, start));
  if (column + LAST_CELL_ROOM > width) return [line];
  const [first, ...rest] = wordPieces(line.slice(start), '');
  return fill(line.slice(0, start), [{ gap: '', text: first!.text }, ...rest], width, column);
}

/** Words apart at single spaces; a run of spaces gives empty words, so a label's padding is kept as it is. */
function wordPieces(s: string, firstGap: string): Piece[] {
  return s.split(' ').map((text, k) => ({ gap: k === 0 ? firstGap : ' ', text }));
}

// "2024-01-08 → 2024-02-04", "p < 0.001", "φ̂ = 3.8": a sign stays between the words it joins.
const SIGN = /^(?:→|<|>|=|≤|≥)$/;
// "24 d": a number of days stays beside its unit.
const NUMBER = /\d$/;
const DAY_UNIT = /^d(?![a-z])/;
// "RR 1.7", "95% CI 3.3–6.8": a figure stays beside the abbreviation that names it, and a level beside its interval.
const ABBREVIATION = /^[A-Z]{2,3}$/;
const FIGURE = /^[\d∞]/;
const LEVEL = /^\(?\d+%$/;
// "--out report.md", "--tz ZONE": an option stays beside its value.
const OPTION = /^--[a-z-]+$/;
// "chronolog report …": a command line, which the report gives at the end of a line.
const COMMAND = /^chronolog$/;
const SUBCOMMAND = /^[a-z]+$/;

/**
 * The pieces with the words no break should come between joined into one: a sign and the words either side of
 * it, a number and its unit, a figure and its abbreviation, an option and its value, and a command line from
 * "chronolog" to the end of the line when it fits on a line of its own (`room` columns), so that it is copied
 * whole: run in two parts, its first line would be a command of its own. A command wider than that still breaks
 * at its spaces, never inside a word.
 */
function glued(pieces: readonly Piece[], room: number): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const { gap, text } = pieces[k]!;
    const word = plain(text);
    const prev = out.at(-1);
    const next = pieces[k + 1];
    if (prev && COMMAND.test(word) && next && SUBCOMMAND.test(plain(next.text))) {
      const rest = pieces.slice(k);
      const command = rest.map((p, i) => (i === 0 ? p.text : p.gap + p.text)).join('');
      if (widthOf(command) <= room) {
        out.push({ gap, text: command });
        break;
      }
    }
    const last = prev === undefined ? '' : plain(prev.text).split(' ').at(-1)!;
    const joins =
      prev !== undefined &&
      word !== '' &&
      (SIGN.test(word) ||
        SIGN.test(last) ||
        OPTION.test(last) ||
        (NUMBER.test(last) && DAY_UNIT.test(word)) ||
        (ABBREVIATION.test(last) && FIGURE.test(word)) ||
        (LEVEL.test(last) && ABBREVIATION.test(word)));
    if (joins) out[out.length - 1] = { gap: prev.gap, text: prev.text + gap + text };
    else out.push({ gap, text });
  }
  return out;
}

/**
 * A " · " list's items, whole, apart at " · " and at double spaces. The words before an item's last ": " are a
 * sentence (a label's lead-in, "not counted as incidents:") and may break anywhere, and so may an item wider than
 * `room`, the width of a line of its own.
 */
function listPieces(body: string, room: number): Piece[] {
  const parts = body.split(/( · | {2})/);
  const pieces: Piece[] = [];
  for (let k = 0; k < parts.length; k += 2) {
    const gap = k === 0 ? '' : parts[k - 1]!;
    const part = parts[k]!;
    const colon = part.lastIndexOf(': ');
    const item = colon < 0 ? part : part.slice(colon + 2);
    if (colon >= 0) pieces.push(...wordPieces(part.slice(0, colon + 1), gap));
    const itemGap = colon >= 0 ? ' ' : gap;
    if (widthOf(item) > room) pieces.push(...wordPieces(item, itemGap));
    else pieces.push({ gap: itemGap, text: item });
  }
  return pieces;
}

/**
 * The pieces laid out greedily from `first` on: a piece that would go past `width` starts the next line at `hang`
 * columns, dropping the space or " · " before it. A line holding nothing past its indent yet takes the piece
 * whatever its width: a word is never cut. An empty piece (a run of spaces) never starts a line.
 */
function fill(first: string, pieces: readonly Piece[], width: number, hang: number): string[] {
  const rest = ' '.repeat(hang);
  const out: string[] = [];
  let current = first;
  let used = widthOf(first);
  for (const { gap, text } of pieces) {
    const w = widthOf(text);
    if (used + gap.length + w > width && used > hang && plain(text).trim() !== '') {
      // An item after a run of three spaces or more has the extra ones in its text: a line starts with its word.
      const word = text.replace(/^ +/, '');
      out.push(current.replace(/ +$/, ''));
      current = rest + word;
      used = hang + widthOf(word);
    } else {
      current += gap + text;
      used += gap.length + w;
    }
  }
  out.push(current);
  return out;
}

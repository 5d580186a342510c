/**
 * The file column of the terminal report's accounting table: each file's name in the column's width, read as
 * "start…end" and fitting that file alone (short-paths.ts).
 *
 * Two downloads of the same threads (Facebook's "Download your information" taken in April and again in June,
 * two folders copied off two phones) hold the same paths inside, and differ only in the download's own name, at
 * the start: a name then needs both the download and the thread to tell it apart, more than the column holds,
 * and was given whole, wider than the screen. Such rows are put under a line of their own naming the download
 * (and the folders all its files are in), each row indented below it and named by the rest of its path, told
 * apart from the rests of every download's files (so one rest has one name under every heading):
 *
 *   facebook-zoeexample-2024-04-01-AbCdEfGh.zip!/your_facebook_activity/messages/inbox/
 *     jordanreeve_9876543210/message_1.json       messenger-json   …
 *     samsample_1234567890/message_1.json         messenger-json   …
 *   facebook-zoeexample-2024-06-01-XyZwVuTs.zip!/your_facebook_activity/messages/inbox/
 *     jordanreeve_9876543210/message_1.json       messenger-json   …
 *
 * Used only when it gives fewer names too wide for the column than the plain column does, so a table whose names
 * fit is as before.
 */
import { shortPaths } from './short-paths.js';

/** The file column, one entry per row. */
export interface FileColumn {
  /** What the row's file cell shows: its name, shortened, or whole (wider than the column) when nothing shorter tells it apart. */
  readonly cells: string[];
  /** What the cell would show unshortened. */
  readonly whole: string[];
  /** The line above the row, naming the download or folder the rows from it to the next such line are in. */
  readonly headings: (string | undefined)[];
  /** Whether the row is under such a line, its cell indented (by INDENT) below it. */
  readonly indented: boolean[];
}

/** Rows under a heading are indented by this much in their cell. */
export const INDENT = '  ';

/** The longest folder prefix (ending in a separator) shared by every path. */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0]!.slice(0, paths[0]!.lastIndexOf('/') + 1);
  for (const p of paths)
    while (prefix && !p.startsWith(prefix))
      prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix;
}

/** How many of `cells` are wider than `width`. */
const tooWide = (cells: readonly string[], width: number) => cells.filter((c) => c.length > width).length;

/**
 * The rows grouped by the first folder of their names (the download), or undefined when fewer than two
 * downloads are among them. Names in no folder stay as they are, unindented.
 */
function byDownload(
  names: readonly string[],
  plain: readonly string[],
  width: number,
  lineWidth: number,
): FileColumn | undefined {
  const first = names.map((n) => n.slice(0, n.indexOf('/') + 1));
  const keys = [...new Set(first.filter((k) => k !== ''))];
  if (keys.length < 2) return undefined;
  // Each download's heading: the folder every file of it is in.
  const folder = new Map(keys.map((k) => [k, commonFolder(names.filter((_, i) => first[i] === k))]));
  const cells: string[] = [];
  const whole: string[] = [];
  for (const [i, n] of names.entries()) {
    const f = folder.get(first[i]!) ?? '';
    whole.push(f === '' ? n : INDENT + n.slice(f.length));
  }
  // A name in no folder is under no heading, and is shown as in the plain column, told apart from every file.
  for (const [i, k] of first.entries()) if (k === '') cells[i] = plain[i]!;
  // The others by the rest of their paths, the heading above saying which download it is in. The rests are
  // shortened together, those of every download: the same thread in two downloads is then shown alike under each
  // (shortened for one download alone, it read "j…essage_1.json" under April and "jo…ssage_1.json" under June), and
  // no name fits another rest of any download (April's "j…essage_1.json" also fitted June's jreeve thread).
  const rows = names.flatMap((_, i) => (first[i] === '' ? [] : [i]));
  const rests = [...new Set(rows.map((i) => whole[i]!.slice(INDENT.length)))];
  const label = new Map(shortPaths(rests, width - INDENT.length).map((s, j) => [rests[j]!, s]));
  for (const i of rows) cells[i] = INDENT + label.get(whole[i]!.slice(INDENT.length))!;
  // Headings too long for the line are shortened too, each fitting its own folder alone among every folder of
  // every file: a heading that also fitted a folder of another download's file could be read as that one's.
  const folders = [...new Set(names.flatMap((n) => [...n.matchAll(/\//g)].map((m) => n.slice(0, m.index))))];
  const short = new Map(shortPaths(folders, lineWidth - INDENT.length - 1).map((s, j) => [folders[j]!, s]));
  const shown = new Map(keys.map((k) => [k, `${short.get(folder.get(k)!.slice(0, -1))!}/`] as const));
  const headings = names.map((_, i) =>
    first[i] !== '' && first[i] !== first[i - 1] ? shown.get(first[i]!) : undefined,
  );
  return { cells, whole, headings, indented: first.map((k) => k !== '') };
}

/**
 * The file column for `names` (paths below the folder the table's heading names) in `width` characters, on lines
 * of `lineWidth`.
 */
export function fileColumn(names: readonly string[], width: number, lineWidth: number): FileColumn {
  const plain: FileColumn = {
    cells: shortPaths(names, width),
    whole: [...names],
    headings: names.map(() => undefined),
    indented: names.map(() => false),
  };
  const over = tooWide(plain.cells, width);
  if (over === 0) return plain;
  const grouped = byDownload(names, plain.cells, width, lineWidth);
  return grouped !== undefined && tooWide(grouped.cells, width) < over ? grouped : plain;
}

/** How the batch tables show text: a cell is one line, inert in a terminal and a spreadsheet. */
import { showControls } from '../../reports/sanitize.js';

/**
 * Text as one cell of the batch tables: control and bidi characters shown as `<U+001B>` (`showControls`), and so
 * are the tab, line breaks (CR, LF, U+2028, U+2029) that `showControls` keeps for message text. A table holds
 * one row per line, and these come from a case's folder name (the reasons are made one line), where a raw one
 * would split the row for a reader that takes a line for a row, or read as a space, so that two folders show alike.
 */
export function tableText(s: string): string {
  return showControls(s).replace(
    /[\t\n\r\u2028\u2029]/g,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

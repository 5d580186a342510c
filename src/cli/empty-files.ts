/**
 * Files that are not read because they hold nothing: an export cut off, or copied before it was finished. Forcing
 * a format (--format-of) cannot help such a file, so the advice for it is to export or copy it again.
 */
import { EMPTY_FILE, NO_TEXT } from '../sources/detect.js';

/** True when a file was passed over because it holds no bytes, or nothing but blank lines. */
export function isEmptyFile(entry: { readonly reason: string }): boolean {
  return entry.reason === EMPTY_FILE || entry.reason === NO_TEXT;
}

/**
 * What to do about the `empty` files among the `total` that were not read: said on its own when they are all of
 * them, and after the advice for the others when not.
 */
export function emptyHint(empty: number, total: number): string {
  const one = empty === 1;
  const again = one
    ? 'Export it again from the app, or copy the file again from where it was saved, then re-run.'
    : 'Export them again from the app, or copy the files again from where they were saved, then re-run.';
  if (empty === total)
    return one
      ? `The file is empty: the export may have been cut off, or not finished copying. ${again}`
      : `These files are empty: the exports may have been cut off, or not finished copying. ${again}`;
  return one
    ? 'The empty file may be an export cut off, or not finished copying: export it again, or copy it again.'
    : 'The empty files may be exports cut off, or not finished copying: export them again, or copy them again.';
}

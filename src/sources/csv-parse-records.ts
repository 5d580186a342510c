/**
 * What the two readers built on csv-parse (csv-diary/read.ts, discord-csv/rows.ts) do alike with its records.
 */

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

/**
 * The years a diary's dates are in, for the hint on a date whose year chronolog does not accept. A year typed
 * wrong is almost always one slip away from the year the rest of the diary is in: two digits swapped (`2204`
 * for `2024`) or one digit wrong (`2924`, `0024`). When exactly one year of the other rows is such a slip away,
 * the hint names it; the row is rejected all the same, since the diary did not say that year.
 */
import { FIRST_YEAR, LAST_YEAR, type Ymd } from './calendar.js';
import type { DateCell } from './dates.js';

/** Whether two 4-digit years differ in one digit, or in two digits that are each other's swapped. */
function oneSlipApart(a: string, b: string): boolean {
  const differing: number[] = [];
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) differing.push(i);
  if (differing.length === 1) return true;
  const [i, j] = differing as [number, number];
  return differing.length === 2 && a[i] === b[j] && a[j] === b[i];
}

/** Counts the accepted years of the Date cells of one file (the first pass), and suggests one for a slip. */
export class DiaryYears {
  private readonly rows = new Map<number, number>();

  /** Adds the year of one Date cell; years outside the accepted range say nothing about the diary. */
  add(year: number): void {
    if (year >= FIRST_YEAR && year <= LAST_YEAR) this.rows.set(year, (this.rows.get(year) ?? 0) + 1);
  }

  /**
   * The one accepted year of the other rows that `ymd`'s year is a slip away from, with how many rows are in
   * it; undefined when there is none or more than one. Excel serial numbers have no written year to mistype.
   */
  likelyMeant(cell: DateCell, ymd: Ymd): { year: number; rows: number } | undefined {
    if (cell.kind === 'serial') return undefined;
    const written = String(ymd.y).padStart(4, '0');
    if (written.length !== 4) return undefined;
    const near = [...this.rows].filter(([y]) => oneSlipApart(written, String(y)));
    if (near.length !== 1) return undefined;
    const [year, rows] = near[0]!;
    return { year, rows };
  }
}

/**
 * Accessible data tables: column headers with `scope="col"`, an optional row header column with `scope="row"`,
 * numbers right-aligned in tabular figures, and a caption naming the table. Cells are markup the caller has already escaped.
 */

export interface Column {
  readonly label: string;
  /** Right-aligned numeric column. */
  readonly num?: boolean;
  /** Extra class on every cell of the column. */
  readonly cls?: string;
}

export interface TableSpec {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
  /** The first cell of each row is its header (`<th scope="row">`). */
  readonly rowHeaders?: boolean;
  /** A totals row, rendered in `<tfoot>`. */
  readonly foot?: readonly string[];
  /**
   * The table's name for a screen reader, which lists and announces tables by their caption (escaped markup).
   * Required: a table without one is announced only as "table, N columns". It is visually hidden, as the heading or
   * `<summary>` above each table already shows the same words on the page.
   */
  readonly caption: string;
  readonly cls?: string;
}

function cellClass(c: Column | undefined): string {
  const cls = [c?.num ? 'num' : '', c?.cls ?? ''].filter(Boolean).join(' ');
  return cls ? ` class="${cls}"` : '';
}

function row(cells: readonly string[], spec: TableSpec): string {
  return `<tr>${cells
    .map((cell, i) =>
      i === 0 && spec.rowHeaders
        ? `<th scope="row"${cellClass(spec.columns[i])}>${cell}</th>`
        : `<td${cellClass(spec.columns[i])}>${cell}</td>`,
    )
    .join('')}</tr>`;
}

/** A complete `<table>`. */
export function table(spec: TableSpec): string {
  const head = spec.columns.map((c) => `<th scope="col"${cellClass(c)}>${c.label}</th>`).join('');
  const foot = spec.foot ? `<tfoot>${row(spec.foot, spec)}</tfoot>` : '';
  return `<table${spec.cls ? ` class="${spec.cls}"` : ''}><caption class="vh">${spec.caption}</caption><thead><tr>${head}</tr></thead><tbody>${spec.rows.map((r) => row(r, spec)).join('')}</tbody>${foot}</table>`;
}

/** What every section module returns, and the per-report lookups the sections share. */
import type { Report } from '../../../model/index.js';
import { type FileNames, fileNamesOf } from '../../file-names.js';
import { token } from '../escape.js';

export interface Section {
  /** Fragment id of the section (`summary`, `charts`, …), fixed so links and tests can rely on it. */
  readonly id: string;
  readonly title: string;
  /** Escaped markup of the section's content, below its heading. */
  readonly body: string;
}

export interface HtmlContext {
  /** Short key of each input file by path, in report order: `F1`, `F2`, … (the evidence table's first column). */
  readonly inputKeys: ReadonlyMap<string, string>;
  /** The report's file names, compared once: every place that prints one shows it by their rule (file-names.ts). */
  readonly names: FileNames;
  /**
   * The ids of the chronology annex's rows (none without the annex): a citation links to a row only when the page
   * has it, so no link leads nowhere.
   */
  readonly annexRows: ReadonlySet<string>;
  /** The next figure number: figures are numbered through the page in the order sections are built. */
  nextFigure(): number;
}

/** Builds the shared lookups once per report. */
export function htmlContext(r: Report): HtmlContext {
  let figure = 0;
  return {
    inputKeys: new Map(r.inputs.map((x, i) => [x.path, `F${i + 1}`])),
    names: fileNamesOf(r),
    annexRows: new Set(Array.isArray(r.chronology) ? r.chronology.map((e) => e.id) : []),
    nextFigure: () => ++figure,
  };
}

/** Fragment id of an incident's annex row. */
export function rowId(id: string): string {
  return `e-${token(id)}`;
}

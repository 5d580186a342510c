/**
 * The output contracts. A report format is a pure function from the `Report` to a string; a timeline format
 * turns rows into chunks so a million-event timeline streams instead of building one huge string.
 */
import type { ChalkInstance } from 'chalk';
import type { Report, TimelineRow } from '../model/index.js';

export interface ReportContext {
  /** Colours for terminal output, already decided by the CLI (level 0 when NO_COLOR or not a TTY). */
  readonly chalk: ChalkInstance;
  /** Terminal width for the text report. */
  readonly width: number;
  /**
   * Where the text report breaks lines wider than this (a terminal's width), indented under their text; absent
   * when the text goes to a file or a pipe, where a line is left whole so that grep finds a sentence on one line.
   */
  readonly wrapAt?: number;
  /** The command line that produced the report, for the method section. */
  readonly commandLine?: string;
}

export interface ReportFormat {
  readonly id: string;
  readonly label: string;
  /** True for binary-ish or page formats that should not be written to a terminal. */
  readonly notForTerminal?: boolean;
  /** The format shows every incident, so the analysis must include `report.chronology`. */
  readonly needsChronology?: boolean;
  render(report: Report, ctx: ReportContext): string;
}

export interface TimelineFormat {
  readonly id: string;
  readonly label: string;
  /** `withDuplicates`: the rows have the keys of `timeline --with-duplicates` (timeline-columns.ts). */
  header(withDuplicates?: boolean): string;
  row(row: TimelineRow): string;
}

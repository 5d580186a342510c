/**
 * A column headed "What" in a diary with no description column. The header table reads "What" as the type of
 * contact (Type of contact / Method / What), and in many diaries it is ("Text", "Call", "Turned up at my house"),
 * but in many others it holds the whole account ("He sent 14 texts then waited outside the gym"), which would then
 * be no event's text, only a contact type nothing maps. The rule, on the column's filled cells in the data rows,
 * is fixed: when half of them or more have at least `ACCOUNT_WORDS` words, the column is read as the description,
 * with one warning naming it and why; otherwise as the type of contact, as before. A type of contact is a word or
 * a few; an account of what happened is a sentence. Read as the description, the column's cells are still told
 * apart one by one (`isAccount`): a short one is a type of contact, read as a type cell is, since a column of
 * accounts can hold a few ("Text", "Call") and a column of types a few long ones ("Missed call from a withheld
 * number").
 */
import { foldHeader } from './headers.js';
import type { Layout } from './layout.js';

/** Words from which a cell reads as an account rather than a type ("Turned up at my house" has five). */
export const ACCOUNT_WORDS = 6;

/** The evidence for reading a What column as the description: its filled cells, the long ones, the first. */
export interface WhatCells {
  readonly column: number;
  readonly header: string;
  filled: number;
  long: number;
  first?: { readonly value: string; readonly line: number };
}

/** The column to look at: headed "What", read as the type of contact, in a header with no description column. */
export function whatColumn(layout: Layout): WhatCells | undefined {
  if (layout.index.description !== undefined) return undefined;
  const column = layout.index.contact_type;
  if (column === undefined || foldHeader(layout.cells[column] ?? '') !== 'what') return undefined;
  return { column, header: (layout.cells[column] ?? '').trim(), filled: 0, long: 0 };
}

/** Words in a cell: runs between spaces that hold a letter or a digit ("14", "can't"; not "-"). */
export function wordCount(value: string): number {
  return value.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whether a What cell is an account of what happened (a sentence) rather than a type of contact. */
export function isAccount(value: string): boolean {
  return wordCount(value) >= ACCOUNT_WORDS;
}

/** Counts one data row's What cell. */
export function addWhatCell(what: WhatCells, value: string, line: number): void {
  if (value === '') return;
  what.filled++;
  if (!isAccount(value)) return;
  what.long++;
  what.first ??= { value, line };
}

/** Whether the column reads as accounts of what happened: half of its filled cells or more are long. */
export function readsAsAccount(what: WhatCells): boolean {
  return what.filled > 0 && 2 * what.long >= what.filled;
}

/**
 * The header as columns: where each known field is, and the `details` key of every other column, so that no
 * column a victim kept is lost even when the reader does not know what it means.
 */
import type { Party } from '../../model/index.js';
import { fold, lowerPlain, words } from './fold.js';
import { type DiaryField, fieldOf, foldHeader, mapHeader } from './headers.js';
import type { WhatCells } from './what-column.js';

/** Fields that go to `details` under their own key, as written (`reported` is read as yes/no). */
const DETAIL_FIELDS = words(`
    contact_type | location | witnesses | evidence | effect | reported | police_ref | officer |
    recorded_at | end_time
  `) as readonly DiaryField[];

/** The header as columns: the field each fills, the details key each goes to, where each field is. */
export class Layout {
  readonly index: Partial<Record<DiaryField, number>> = {};
  readonly detailKeys: (string | undefined)[];
  /** Headers of columns that match no field, kept as details under a key made from the header. */
  readonly unrecognised: string[] = [];

  constructor(
    readonly cells: readonly string[],
    readonly fields: readonly (DiaryField | undefined)[],
    /** The header's line in the file. */
    readonly line = 1,
    /** Set when a What column is read as the description (what-column.ts), with why. */
    readonly account?: WhatCells,
    /** The fields the header names, which a header row further down is compared with. */
    private readonly named: readonly (DiaryField | undefined)[] = fields,
  ) {
    fields.forEach((f, i) => {
      if (f !== undefined) this.index[f] ??= i;
    });
    const used = new Set<string>(DETAIL_FIELDS);
    this.detailKeys = cells.map((cell, i) => {
      const f = fields[i];
      if (f !== undefined) return (DETAIL_FIELDS as readonly string[]).includes(f) ? f : undefined;
      const base = foldHeader(cell).replace(/ /g, '_') || `column_${i + 1}`;
      let key = base;
      for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
      used.add(key);
      if (cell.trim() !== '') this.unrecognised.push(cell.trim());
      return key;
    });
  }

  /** The same header with its What column read as the description instead of the type of contact. */
  withAccount(what: WhatCells): Layout {
    const fields = this.fields.map((f, i) => (i === what.column ? 'description' : f));
    return new Layout(this.cells, fields, this.line, what, this.named);
  }

  cell(cells: readonly string[], field: DiaryField): string {
    const i = this.index[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  }

  /**
   * Whether a row is a header row again, as when two exports of a diary are joined into one file: `same` when
   * it names the same columns in the same places (in the same or other words: "Type" for "Type of contact"),
   * `other` when it names other columns (a Date among them), undefined for a row that is no header. Only a row
   * whose Date cell names a column is looked at, so an incident's row is never taken for one.
   */
  headerAgain(cells: readonly string[]): 'same' | 'other' | undefined {
    if (fieldOf(this.cell(cells, 'date')) === undefined) return undefined;
    const fields = mapHeader(cells);
    if (!fields.includes('date')) return undefined;
    const n = Math.max(cells.length, this.cells.length);
    let same = true;
    for (let i = 0; i < n && same; i++) {
      const f = fields[i];
      same =
        f === this.named[i] &&
        (f !== undefined || foldHeader(cells[i] ?? '') === foldHeader(this.cells[i] ?? ''));
    }
    if (same) return 'same';
    // A Date and one other column named: a header. A Date cell alone saying "Date" stays a row with no date.
    return fields.filter((f) => f !== undefined).length >= 2 ? 'other' : undefined;
  }
}

const YES = new Set(['y', 'yes', 'j', 'ja', 'si', 'oui', 'true', 'x']);
const NO = new Set(['n', 'no', 'nein', 'non', 'false']);

/** A Y/N cell as `yes` or `no` (Y, ja, sí, oui, X…); anything else ("Yes - 101 call") as written. */
export function yesNo(v: string): string {
  const f = lowerPlain(v).replace(/[.!]$/, '');
  return YES.has(f) ? 'yes' : NO.has(f) ? 'no' : v;
}

// A Who cell that points at the reported person without naming them.
const SUBJECT_WORDS = new Set(
  words(`
    him | her | he | she | them | they | same | same person | ex | my ex | the ex | unknown | stalker |
    the stalker | suspect | perpetrator | er | sie | ihn | mein ex | der ex | el | ella | mi ex |
    desconocido | lui | elle | mon ex | inconnu
  `),
);

/**
 * A diary is about the reported person, so an entry with no Who/Number is theirs (`role: subject`). A named
 * person or number is left to the timeline to match against the case file, unless the Who cell only points at
 * the subject ("him", "my ex", "unknown").
 */
export function sender(who: string, id: string): Party {
  if (who === '' && id === '') return { role: 'subject' };
  const pointsAtSubject = who !== '' && SUBJECT_WORDS.has(fold(who));
  return {
    ...(id !== '' ? { id } : {}),
    ...(who !== '' ? { name: who } : {}),
    ...(pointsAtSubject ? { role: 'subject' as const } : {}),
  };
}

/**
 * Numbers worked out from each text as the timeline stores it, for the analyses that would otherwise search every
 * text afterwards: the content search's byte answer for an incident's text (analysis/escalation/content.ts), the
 * cease-phrase search's for a text from the victim's side (cease.ts). Each analysis reads the marks instead of
 * searching again, and searches as before any text without a mark (one the store keeps only as a string).
 *
 * And texts no analysis will read are not kept (`dropUnread`). A report reads an incident's text only when the
 * content search found something in it (or cannot settle it on its bytes), and a text from the victim's side only
 * when a cease phrase may be in it: a million-message chat's ~36 MB of texts were otherwise copied, and their
 * ~9,000 pages taken from the system (10–15 µs each on the benchmark VMs), for the few hundred that are read. Only
 * a run that reads them otherwise keeps them all: the `timeline` command (it has no marks), a report with the
 * chronology (every incident's text), and a run of several inputs (duplicates are told apart by their texts, after
 * the last input; pipeline/ingest.ts says when). A text let go that is read anyway throws (pages.ts), rather than
 * read as empty.
 *
 * Marks are kept per event number in the store, which is only ever appended to (a source that restarts has its
 * earlier events left out by range, not overwritten), so a mark never goes stale.
 */
import { column, lengthened } from './columns.js';
import type { EventStore } from './store.js';

/**
 * What a text is marked with: any 32-bit integer but NOT_MARKED, for the bytes `bytes[start, end)` (empty for an
 * empty text). 0 means "nothing found": a text marked 0 is never read, and may be let go.
 */
export type TextClassifier = (bytes: Uint8Array, start: number, end: number) => number;

/** What each classifier was made from (`keyed`). */
const keys = new WeakMap<TextClassifier, string>();

/**
 * `classify`, known by `key`: what it was made from (its search and phrase lists). Marks made by any classifier
 * with the same key are the same marks, so an analysis recognises them even when its own classifier is another
 * object (one made again after a cache let the first go).
 */
export function keyed(key: string, classify: TextClassifier): TextClassifier {
  keys.set(classify, key);
  return classify;
}

/** Whether `a` and `b` mark every text alike: the same function, or made from the same thing (`keyed`). */
export function sameClassifier(a: TextClassifier | undefined, b: TextClassifier): boolean {
  if (a === undefined) return false;
  if (a === b) return true;
  const key = keys.get(a);
  return key !== undefined && key === keys.get(b);
}

/** The classifier for each kind of text an analysis searches. */
export interface TextClassifiers {
  /** For an incident's text. */
  readonly incident: TextClassifier;
  /** For the text of an event that is not an incident, from the victim or outgoing. */
  readonly victim: TextClassifier;
}

/** Whose text an event's is, for marking (`TextMarks.mark`): an incident's, the victim's side's, or anyone else's. */
export const INCIDENT_TEXT = 0;
export const VICTIM_TEXT = 1;
export const OTHER_TEXT = 2;
export type TextSide = typeof INCIDENT_TEXT | typeof VICTIM_TEXT | typeof OTHER_TEXT;

/** Reserved: no mark (a text kept only as a string, or anyone else's). */
const NOT_MARKED = -0x80000000;
/** NOT_MARKED as the column holds it: marks are kept as unsigned 32-bit numbers, read back as signed. */
const NOT_MARKED_STORED = NOT_MARKED >>> 0;

export class TextMarks {
  // Grows in place, as the store's columns do (columns.ts).
  private marks = column(Uint32Array, 0);
  private store: EventStore | undefined;
  private made: TextClassifiers | undefined;
  private dropping = false;

  /**
   * @param make the classifiers, made at the first text: making them can take a few tens of milliseconds (the
   *   content search's automaton), which a run without texts never spends.
   * @param keepAll keep every text (a report with the chronology reads them all).
   */
  constructor(
    private readonly make: () => TextClassifiers,
    private readonly keepAll = false,
  ) {}

  /** The incidents' classifier; undefined before the first text (no event is marked then). */
  get classify(): TextClassifier | undefined {
    return this.made?.incident;
  }

  /** The store whose events are marked (the timeline builder's). */
  attach(store: EventStore): void {
    this.store = store;
    store.textMarks = this;
  }

  /**
   * From now on, lets go of the texts marked "nothing found" and of those no analysis searches, unless made to
   * keep all: for a run whose texts nothing else reads (one input, so no duplicates to tell apart).
   */
  dropUnread(): void {
    this.dropping = !this.keepAll;
  }

  /** Marks event k's text `bytes[start, end)`, whose side it is; true when the text is to be kept. */
  mark(k: number, side: TextSide, bytes: Uint8Array, start: number, end: number): boolean {
    // (An empty text costs nothing to keep.)
    if (side === OTHER_TEXT) return !this.dropping || start === end;
    this.made ??= this.make();
    const m = (side === INCIDENT_TEXT ? this.made.incident : this.made.victim)(bytes, start, end);
    if (k >= this.marks.length) {
      this.marks = lengthened(this.marks, Math.max(k + 1, this.marks.length * 2, 1024), NOT_MARKED_STORED);
    }
    this.marks[k] = m;
    return m !== 0 || !this.dropping || start === end;
  }

  /**
   * The marks of events numbers[0…], incidents, in order: counts those marked `skip` (not NOT_MARKED) and calls
   * `each(i, mark)` for the others, mark undefined for those without one. Returns the count. One loop over the
   * column: most of a million incidents' texts match nothing, and a call each for those cost more than the rest
   * of the content analysis.
   */
  scan(numbers: Uint32Array, skip: number, each: (i: number, mark: number | undefined) => void): number {
    let skipped = 0;
    for (let i = 0; i < numbers.length; i++) {
      const m = this.at(numbers[i]!);
      if (m === skip) skipped++;
      else each(i, m === NOT_MARKED ? undefined : m);
    }
    return skipped;
  }

  /**
   * Event k's mark, when `classify` made it (the incidents' classifier for an incident, the victim's for another
   * event); otherwise, or when it has none, undefined.
   */
  of(k: number, classify: TextClassifier): number | undefined {
    const made = this.made;
    if (made === undefined || this.store === undefined) return undefined;
    if (!sameClassifier(this.store.incident(k) ? made.incident : made.victim, classify)) return undefined;
    const m = this.at(k);
    return m === NOT_MARKED ? undefined : m;
  }

  /** Event k's mark as kept: NOT_MARKED when it has none. */
  private at(k: number): number {
    return k < this.marks.length ? this.marks[k]! | 0 : NOT_MARKED;
  }
}

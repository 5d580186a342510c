/**
 * A number worked out from each incident's stored text while the timeline is still being read, for an analysis
 * that would otherwise work it out afterwards (the content search's byte answer, analysis/escalation/content.ts).
 *
 * Why: with a large file read on the parse worker, this thread spends ~0.1–0.2 s of a million-message report
 * waiting for the worker's records, and the content search then runs alone after the last one (~0.1 s). Run in
 * those waits (`step`, from the worker host's idle work), the search is mostly done when the analysis starts,
 * which reads the marks instead. Nothing here changes what is found: the mark of an event is what `classify`
 * returns for its text's bytes, whenever that is called, and an event with no mark is classified by the
 * analysis as before. Marks are kept per event number in the store, which is only ever appended to (a source
 * that restarts has its earlier events left out by range, not overwritten), so a mark never goes stale.
 */
import { column, lengthened } from './columns.js';
import type { Utf8Span } from './pages.js';
import type { EventStore } from './store.js';

/**
 * What an incident's text is marked with: any 32-bit integer but NOT_MARKED, for the bytes `bytes[start, end)`
 * (empty for an empty text).
 */
export type TextClassifier = (bytes: Uint8Array, start: number, end: number) => number;

/** Reserved: no mark (not an incident, a text kept only as a string, or not reached yet). */
const NOT_MARKED = -0x80000000;
/** NOT_MARKED as the column holds it: marks are kept as unsigned 32-bit numbers, read back as signed. */
const NOT_MARKED_STORED = NOT_MARKED >>> 0;

/** Events marked per `step`: ~0.1 ms of work, so a slot the worker fills is taken up soon after. */
const STEP = 1024;

export class TextMarks {
  // Grows in place, as the store's columns do (columns.ts).
  private marks = column(Uint32Array, 0);
  /** Events 0…done−1 have been looked at. */
  private done = 0;
  private store: EventStore | undefined;
  private readonly span: Utf8Span = { bytes: new Uint8Array(0), start: 0, end: 0 };

  private made: TextClassifier | undefined;

  /**
   * @param make the classifier, made at the first step: making one can take a few tens of milliseconds (the
   *   content search's automaton), time the reader would otherwise spend before the first record.
   */
  constructor(private readonly make: () => TextClassifier) {}

  /** What the marks were made with; undefined before the first step (no event is marked then). */
  get classify(): TextClassifier | undefined {
    return this.made;
  }

  /** The store whose events are marked (the timeline builder's). */
  attach(store: EventStore): void {
    this.store = store;
    store.textMarks = this;
  }

  /** Marks up to `budget` more stored events; false when every event stored so far has been looked at. */
  step(budget = STEP): boolean {
    const store = this.store;
    if (store === undefined) return false;
    const n = store.length;
    if (this.done >= n) return false;
    if (this.marks.length < n) {
      this.marks = lengthened(this.marks, Math.max(n, this.marks.length * 2, 1024), NOT_MARKED_STORED);
    }
    this.made ??= this.make();
    const classify = this.made;
    const end = Math.min(n, this.done + budget);
    const span = this.span;
    for (let k = this.done; k < end; k++) {
      if (store.incident(k) && store.textBytes(k, span))
        this.marks[k] = classify(span.bytes, span.start, span.end);
    }
    this.done = end;
    return true;
  }

  /**
   * The marks of events numbers[0…], in order: counts those marked `skip` (not NOT_MARKED) and calls `each(i, mark)`
   * for the others, mark undefined for those without one. Returns the count. One loop over the column: most of a
   * million incidents' texts match nothing, and a call each for those cost more than the rest of the content
   * analysis.
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

  /** Event k's mark, or undefined when it has none. */
  of(k: number): number | undefined {
    const m = this.at(k);
    return m === NOT_MARKED ? undefined : m;
  }

  /** Event k's mark as kept: NOT_MARKED when it has none. */
  private at(k: number): number {
    return k < this.done ? this.marks[k]! | 0 : NOT_MARKED;
  }
}

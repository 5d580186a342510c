/**
 * Warnings about one record's content (SourceContext.warn's `copy`, e.g. a WhatsApp block notice) across
 * overlapping exports. The same chat exported twice (the .txt and the .zip of it, or a month apart) holds the
 * same notice twice; its events count once (timeline/dedupe.ts), so its warning is told once too, saying where
 * the other copies are: a reader sees the notice is in both files, and is not told of two blocks.
 *
 * Rule, on multisets like the events': inputs are taken in the order read (sorted path). For each code and
 * `copy`, an input's n-th warning is a copy when inputs read before it already warned n times; it is not added,
 * and the earlier input's n-th warning names its file and locator. Copies one input alone holds (a block on
 * two days) are all told. The inputs' skip counts are unchanged: each file's notice is a record of that file.
 */
import type { Problem } from '../model/index.js';

export class CopyWarnings {
  /** Per code and copy, the warnings told for its 1st, 2nd… copy by the inputs already read. */
  private readonly told = new Map<string, Problem[]>();
  /** Each told warning's own message and the places of its copies, to write the message again as they grow. */
  private readonly places = new Map<Problem, { message: string; at: string[] }>();
  /** The input being read: its copies of each key so far, the warnings it tells, and the copies it does not. */
  private counts = new Map<string, number>();
  private fresh: [string, Problem][] = [];
  private again: [Problem, string][] = [];

  /** Whether `p` is to be told; false when it is a copy of an earlier input's warning (named there at `close`). */
  add(p: Problem, copy: string): boolean {
    const key = `${p.code}\u0000${copy}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    const earlier = this.told.get(key);
    if (earlier !== undefined && n <= earlier.length) {
      this.again.push([earlier[n - 1]!, p.locator === undefined ? p.file! : `${p.file}, ${p.locator}`]);
      return false;
    }
    this.fresh.push([key, p]);
    return true;
  }

  /** Forgets the input being read (it is read again from the start). */
  restart(): void {
    this.counts = new Map();
    this.fresh = [];
    this.again = [];
  }

  /** The input being read is done: its warnings are told, and those it held again name it. */
  close(): void {
    for (const [key, p] of this.fresh) {
      const list = this.told.get(key) ?? [];
      list.push(p);
      this.told.set(key, list);
    }
    for (const [p, where] of this.again) {
      const seen = this.places.get(p) ?? { message: p.message, at: [] };
      seen.at.push(where);
      this.places.set(p, seen);
      const exports = seen.at.length === 1 ? 'an overlapping export' : 'overlapping exports';
      // A message without a full stop of its own (the clock-change warnings) gets one before the next sentence.
      const said = /[.!?"”)]$/.test(seen.message) ? seen.message : `${seen.message}.`;
      p.message = `${said} The same record is also in ${seen.at.join('; ')} (${exports}): warned once.`;
    }
    this.restart();
  }
}

/**
 * Collects problems for the report. A broken file can produce a million identical problems, so each code keeps
 * its first `perCode` entries in order and only counts the rest; the report says how many were left out.
 */
import type { Problem } from '../model/index.js';

export class ProblemLog {
  readonly list: Problem[] = [];
  readonly omitted = new Map<string, number>();
  private readonly perCode = new Map<string, number>();

  constructor(private readonly cap = 50) {}

  add(p: Problem): void {
    const n = (this.perCode.get(p.code) ?? 0) + 1;
    this.perCode.set(p.code, n);
    if (n <= this.cap) this.list.push(p);
    else this.omitted.set(p.code, (this.omitted.get(p.code) ?? 0) + 1);
  }

  count(code: string): number {
    return this.perCode.get(code) ?? 0;
  }

  /** Where the log stands now, for `rollback`. */
  mark(): ProblemMark {
    return { length: this.list.length, perCode: new Map(this.perCode), omitted: new Map(this.omitted) };
  }

  /** Forgets every problem added since `mark` (a source that reads its input again from the start). */
  rollback(mark: ProblemMark): void {
    this.list.length = mark.length;
    for (const [map, saved] of [
      [this.perCode, mark.perCode],
      [this.omitted, mark.omitted],
    ] as const) {
      map.clear();
      for (const [code, n] of saved) map.set(code, n);
    }
  }
}

/** A point in a problem log to go back to. */
export interface ProblemMark {
  readonly length: number;
  readonly perCode: ReadonlyMap<string, number>;
  readonly omitted: ReadonlyMap<string, number>;
}

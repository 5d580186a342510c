/**
 * Collects problems for the report. A broken file can produce a million identical problems, so each code keeps
 * its first `perCode` entries in full, in order, and of the rest only the code, file and locator (see
 * omitted-locations.ts): the report counts them and says where each one is.
 */
import type { OmittedLocations, Problem } from '../model/index.js';
import { OmittedLocationLog, type OmittedMark } from './omitted-locations.js';

export class ProblemLog {
  readonly list: Problem[] = [];
  private readonly perCode = new Map<string, number>();
  private readonly where = new OmittedLocationLog();

  constructor(private readonly cap = 50) {}

  add(p: Problem): void {
    const n = (this.perCode.get(p.code) ?? 0) + 1;
    this.perCode.set(p.code, n);
    if (n <= this.cap) this.list.push(p);
    else this.where.add(p);
  }

  /** Per code, how many problems were counted beyond the first `cap` kept in full. */
  get omitted(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [code, n] of this.perCode) if (n > this.cap) out.set(code, n - this.cap);
    return out;
  }

  count(code: string): number {
    return this.perCode.get(code) ?? 0;
  }

  /** The file and locator of each problem counted in `omitted`, grouped by code, severity and file. */
  omittedLocations(): OmittedLocations[] {
    return this.where.locations();
  }

  /**
   * Takes back `p`, added before, and says whether it did: only while its code is kept in full (none of that code
   * counted past the cap), so the counts and the omitted locations stay as they were for the others.
   */
  withdraw(p: Problem): boolean {
    const n = this.perCode.get(p.code) ?? 0;
    if (n > this.cap) return false;
    const i = this.list.lastIndexOf(p);
    if (i === -1) return false;
    this.list.splice(i, 1);
    if (n === 1) this.perCode.delete(p.code);
    else this.perCode.set(p.code, n - 1);
    return true;
  }

  /** Where the log stands now, for `rollback`. */
  mark(): ProblemMark {
    return {
      length: this.list.length,
      perCode: new Map(this.perCode),
      where: this.where.mark(),
    };
  }

  /** Forgets every problem added since `mark` (a source that reads its input again from the start). */
  rollback(mark: ProblemMark): void {
    this.list.length = mark.length;
    this.perCode.clear();
    for (const [code, n] of mark.perCode) this.perCode.set(code, n);
    this.where.rollback(mark.where);
  }
}

/** A point in a problem log to go back to. */
export interface ProblemMark {
  readonly length: number;
  readonly perCode: ReadonlyMap<string, number>;
  readonly where: OmittedMark;
}

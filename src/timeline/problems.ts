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
}

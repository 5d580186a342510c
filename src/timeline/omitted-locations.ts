/**
 * Where the problems beyond the per-code cap are, in little memory: a garbage file can reject millions of lines,
 * and each must still be found from the report. A problem keeps only its group (code, severity, file) and its
 * locator; line locators ("line 52", the form `locatorText` writes) are kept as numbers, and a line that follows
 * the previous one of its group extends that run, so a file whose every line is rejected costs one run. A run is
 * 20 bytes (group, first, last); other locators keep their text.
 *
 * Runs are stored in the order the problems arrive, so `mark` is one position and `rollback` cuts back to it.
 */
import type { OmittedLocations, Problem, Severity } from '../model/index.js';

/** In `first`: the run stands for `last` problems with no locator. */
const NO_LOCATOR = -1;
/** In `first`, below NO_LOCATOR: the run is the one locator `others[OTHER - first]`. */
const OTHER = -2;

const LINE = /^line ([1-9]\d{0,14})$/;

interface Group {
  readonly code: string;
  readonly severity: Severity;
  readonly file: string | null;
}

/** A point to go back to: how many runs there were, the last one's end, and how many text locators. */
export interface OmittedMark {
  readonly runs: number;
  readonly lastEnd: number;
  readonly others: number;
}

export class OmittedLocationLog {
  private readonly groups: Group[] = [];
  private readonly groupIds = new Map<string, number>();
  private group = new Uint32Array(256);
  private first = new Float64Array(256);
  private last = new Float64Array(256);
  private runs = 0;
  private readonly others: string[] = [];

  add(p: Problem): void {
    const g = this.groupOf(p);
    const n = this.runs;
    const line = p.locator === undefined ? undefined : LINE.exec(p.locator);
    const at = line ? Number(line[1]) : p.locator === undefined ? NO_LOCATOR : undefined;
    if (n > 0 && this.group[n - 1] === g && at !== undefined) {
      const f = this.first[n - 1]!;
      const l = this.last[n - 1]!;
      if (at === NO_LOCATOR && f === NO_LOCATOR) {
        this.last[n - 1] = l + 1;
        return;
      }
      if (at !== NO_LOCATOR && f >= 0 && at === l + 1) {
        this.last[n - 1] = at;
        return;
      }
    }
    if (n === this.group.length) this.grow();
    this.group[n] = g;
    if (at === undefined) {
      this.first[n] = OTHER - this.others.length;
      this.others.push(p.locator!);
    } else {
      this.first[n] = at;
      this.last[n] = at === NO_LOCATOR ? 1 : at;
    }
    this.runs = n + 1;
  }

  mark(): OmittedMark {
    return {
      runs: this.runs,
      lastEnd: this.runs > 0 ? this.last[this.runs - 1]! : 0,
      others: this.others.length,
    };
  }

  rollback(m: OmittedMark): void {
    this.runs = m.runs;
    if (m.runs > 0) this.last[m.runs - 1] = m.lastEnd;
    this.others.length = m.others;
  }

  /** Every group with its count, line runs (adjacent runs joined) and other locators, sorted by code, file, severity. */
  locations(): OmittedLocations[] {
    const out = new Map<number, OmittedLocations>();
    for (let k = 0; k < this.runs; k++) {
      const g = this.group[k]!;
      let entry = out.get(g);
      if (entry === undefined) {
        entry = { ...this.groups[g]!, count: 0, lines: [], locators: [] };
        out.set(g, entry);
      }
      const f = this.first[k]!;
      const l = this.last[k]!;
      if (f === NO_LOCATOR) entry.count += l;
      else if (f <= OTHER) {
        entry.count++;
        entry.locators.push(this.others[OTHER - f]!);
      } else {
        entry.count += l - f + 1;
        const prev = entry.lines.at(-1);
        if (prev && prev[1] + 1 === f) prev[1] = l;
        else entry.lines.push([f, l]);
      }
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...out.values()].sort(
      (a, b) => cmp(a.code, b.code) || cmp(a.file ?? '', b.file ?? '') || cmp(a.severity, b.severity),
    );
  }

  private groupOf(p: Problem): number {
    // Problems come in long stretches of one group: a file's bad lines, one after another.
    const n = this.runs;
    if (n > 0) {
      const last = this.groups[this.group[n - 1]!]!;
      if (last.code === p.code && last.severity === p.severity && last.file === (p.file ?? null)) {
        return this.group[n - 1]!;
      }
    }
    const key = `${p.code}\u0000${p.severity}\u0000${p.file === undefined ? '' : `/${p.file}`}`;
    let g = this.groupIds.get(key);
    if (g === undefined) {
      g = this.groups.length;
      this.groups.push({ code: p.code, severity: p.severity, file: p.file ?? null });
      this.groupIds.set(key, g);
    }
    return g;
  }

  private grow(): void {
    const size = this.group.length * 2;
    const group = new Uint32Array(size);
    const first = new Float64Array(size);
    const last = new Float64Array(size);
    group.set(this.group);
    first.set(this.first);
    last.set(this.last);
    this.group = group;
    this.first = first;
    this.last = last;
  }
}

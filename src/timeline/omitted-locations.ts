/**
 * Where the problems beyond the per-code cap are, in little memory: a garbage file can reject millions of
 * records, and each must still be found from the report. A problem keeps only its group (code, severity, file)
 * and its locator, packed into runs:
 *
 * - line locators ("line 52", the form `locatorText` writes) as numbers: a line that follows the previous one of
 *   its group extends that run, so a file whose every line is rejected costs one run;
 * - indexed locators ("messages[51]", "sms[7] (line 11)", "message[3] (line 40)", "chats[2].messages[9]") as a
 *   shape (the text around the last `[index]`, with the line number of a trailing "(line N)" taken out too),
 *   interned once, and numbers: the next index of the same shape extends the run, when its line (if it has one)
 *   keeps the run's step (0 for records on one line, 1 for one record a line, any other for records of one size);
 * - positions ("line 9, column 5", where a Messenger HTML message block starts) as numbers: the next position
 *   that keeps the run's step in line and column extends it (blocks of one size on one line, one block a line at
 *   one indent), and a position that does not starts a run of its own, still two numbers, not a text;
 * - problems with no locator as a count.
 *
 * A run is 48 bytes (group, kind, first, last, first line, line step, column step) however many problems it stands
 * for; only locators of no known shape keep their text. Runs are stored in the order the problems arrive, so `mark` is one
 * position and `rollback` cuts back to it.
 */
import type { OmittedIndexed, OmittedLocations, Problem, Severity } from '../model/index.js';

/** In `kind`: a run of lines `first`…`last`. */
const LINE = -1;
/** In `kind`: `last` problems with no locator. */
const NONE = -2;
/** In `kind`: the one locator `others[first]`. */
const TEXT = -3;
/**
 * In `kind`: `last` positions from line `first`, column `line`, each `step` lines and `colStep` columns after the one
 * before.
 */
const POSITION = -4;
/* A `kind` of 0 or more is a shape: indices `first`…`last`, and with a line, lines `line`, `line + step`, … */

const LINE_LOCATOR = /^line ([1-9]\d{0,14})$/;
/** "line 9, column 5", the form nodeLocator (messenger-html/tree.ts) writes. */
const POSITION_LOCATOR = /^line ([1-9]\d{0,14}), column ([1-9]\d{0,14})$/;
/** prefix (up to the last `[` before a whole index), index, suffix (from the `]` on). */
const INDEXED = /^(.*\[)(0|[1-9]\d{0,14})(\].*)$/s;
/** A suffix that ends with the record's line: "] (line 11)". */
const WITH_LINE = /^(.*\(line )([1-9]\d{0,14})\)$/s;

interface Group {
  readonly code: string;
  readonly severity: Severity;
  readonly file: string | null;
}

/** Locators that differ only in their index (and line): `prefix` index `suffix` [line `)`]. */
interface Shape {
  readonly prefix: string;
  readonly suffix: string;
  readonly withLine: boolean;
  /** As the report writes it: "messages[{n}]", "sms[{n}] (line {line})". */
  readonly template: string;
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
  private readonly shapes: Shape[] = [];
  private readonly shapeIds = new Map<string, number>();
  private group = new Uint32Array(256);
  private kind = new Int32Array(256);
  private first = new Float64Array(256);
  private last = new Float64Array(256);
  private line = new Float64Array(256);
  private step = new Float64Array(256);
  private colStep = new Float64Array(256);
  private runs = 0;
  private readonly others: string[] = [];

  add(p: Problem): void {
    const g = this.groupOf(p);
    const loc = p.locator;
    let kind: number;
    let at = 0;
    let line = 0;
    if (loc === undefined) kind = NONE;
    else {
      const l = LINE_LOCATOR.exec(loc);
      const pos = l ? null : POSITION_LOCATOR.exec(loc);
      const m = l || pos ? null : INDEXED.exec(loc);
      if (l) {
        kind = LINE;
        at = Number(l[1]);
      } else if (pos) {
        kind = POSITION;
        at = Number(pos[1]);
        line = Number(pos[2]);
      } else if (m) {
        const w = WITH_LINE.exec(m[3]!);
        kind = this.shapeOf(m[1]!, w ? w[1]! : m[3]!, w !== null);
        at = Number(m[2]);
        if (w) line = Number(w[2]);
      } else kind = TEXT;
    }
    if (kind !== TEXT && this.extend(g, kind, at, line)) return;
    const n = this.runs;
    if (n === this.group.length) this.grow();
    this.group[n] = g;
    this.kind[n] = kind;
    if (kind === TEXT) {
      this.first[n] = this.others.length;
      this.others.push(loc!);
    } else if (kind === NONE) this.last[n] = 1;
    else if (kind === POSITION) {
      this.first[n] = at;
      this.line[n] = line;
      this.last[n] = 1;
      this.step[n] = 0;
      this.colStep[n] = 0;
    } else {
      this.first[n] = at;
      this.last[n] = at;
      this.line[n] = line;
      this.step[n] = 0;
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
    // A shape run cut back to one index takes its line step afresh from the next one.
    if (m.runs > 0) this.last[m.runs - 1] = m.lastEnd;
    this.others.length = m.others;
  }

  /**
   * Every group with its count, line runs, indexed runs (runs another group interrupted joined again) and other
   * locators, sorted by code, file, severity.
   */
  locations(): OmittedLocations[] {
    const out = new Map<number, { entry: OmittedLocations; indexed: Map<number, OmittedIndexed> }>();
    for (let k = 0; k < this.runs; k++) {
      const g = this.group[k]!;
      let o = out.get(g);
      if (o === undefined) {
        o = {
          entry: { ...this.groups[g]!, count: 0, lines: [], indexed: [], locators: [] },
          indexed: new Map(),
        };
        out.set(g, o);
      }
      const { entry } = o;
      const kind = this.kind[k]!;
      const f = this.first[k]!;
      const l = this.last[k]!;
      if (kind === NONE) entry.count += l;
      else if (kind === POSITION) {
        entry.count += l;
        const run = positionRun(f, this.line[k]!, l, this.step[k]!, this.colStep[k]!);
        entry.positions ??= [];
        const prev = entry.positions.at(-1);
        if (!(prev && joinPositions(prev, run))) entry.positions.push(run);
      } else if (kind === TEXT) {
        entry.count++;
        entry.locators.push(this.others[f]!);
      } else if (kind === LINE) {
        entry.count += l - f + 1;
        const prev = entry.lines.at(-1);
        if (prev && prev[1] + 1 === f) prev[1] = l;
        else entry.lines.push([f, l]);
      } else {
        entry.count += l - f + 1;
        const shape = this.shapes[kind]!;
        let series = o.indexed.get(kind);
        if (series === undefined) {
          series = { locator: shape.template, runs: [] };
          o.indexed.set(kind, series);
          entry.indexed.push(series);
        }
        const prev = series.runs.at(-1);
        if (!shape.withLine) {
          if (prev && prev[1] + 1 === f) prev[1] = l;
          else series.runs.push([f, l]);
        } else {
          const first = this.line[k]!;
          const run: [number, number, number, number] = [f, l, first, first + (l - f) * this.step[k]!];
          if (!(prev && joins(prev, run))) series.runs.push(run);
        }
      }
    }
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...out.values()]
      .map((o) => o.entry)
      .sort((a, b) => cmp(a.code, b.code) || cmp(a.file ?? '', b.file ?? '') || cmp(a.severity, b.severity));
  }

  /** Extends the last run with the next line, index or unlocated problem of its group, if it follows on. */
  private extend(g: number, kind: number, at: number, line: number): boolean {
    const n = this.runs - 1;
    if (n < 0 || this.group[n] !== g || this.kind[n] !== kind) return false;
    if (kind === NONE) {
      this.last[n]!++;
      return true;
    }
    if (kind === POSITION) {
      const count = this.last[n]!;
      const lineStep = at - this.first[n]!;
      const colStep = line - this.line[n]!;
      if (count === 1) {
        this.step[n] = lineStep;
        this.colStep[n] = colStep;
      } else if (lineStep !== count * this.step[n]! || colStep !== count * this.colStep[n]!) return false;
      this.last[n] = count + 1;
      return true;
    }
    const f = this.first[n]!;
    const l = this.last[n]!;
    if (at !== l + 1) return false;
    if (kind >= 0 && this.shapes[kind]!.withLine) {
      const from = this.line[n]!;
      if (f === l) {
        if (line < from) return false;
        this.step[n] = line - from;
      } else if (line !== from + (at - f) * this.step[n]!) return false;
    }
    this.last[n] = at;
    return true;
  }

  private shapeOf(prefix: string, suffix: string, withLine: boolean): number {
    // The usual case: the same shape as the last run.
    const n = this.runs - 1;
    const k = n >= 0 ? this.kind[n]! : -1;
    if (k >= 0) {
      const s = this.shapes[k]!;
      if (s.prefix === prefix && s.suffix === suffix && s.withLine === withLine) return k;
    }
    // The report writes a shape as a template with {n} and {line}: a locator with braces of its own keeps its text.
    if (/[{}]/.test(prefix) || /[{}]/.test(suffix)) return TEXT;
    const key = `${withLine ? 'L' : 'I'}${prefix}\u0000${suffix}`;
    let id = this.shapeIds.get(key);
    if (id === undefined) {
      id = this.shapes.length;
      this.shapes.push({
        prefix,
        suffix,
        withLine,
        template: `${prefix}{n}${withLine ? `${suffix}{line})` : suffix}`,
      });
      this.shapeIds.set(key, id);
    }
    return id;
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
    const kind = new Int32Array(size);
    group.set(this.group);
    kind.set(this.kind);
    this.group = group;
    this.kind = kind;
    const wider = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.first = wider(this.first);
    this.last = wider(this.last);
    this.line = wider(this.line);
    this.step = wider(this.step);
    this.colStep = wider(this.colStep);
  }
}

/**
 * Joins `next` onto `prev` (both [first index, last index, first line, last line]) when together they are one run:
 * the indices follow on and the lines keep one step.
 */
function joins(prev: number[], next: readonly [number, number, number, number]): boolean {
  const [a, b, la, lb] = prev as [number, number, number, number];
  const [c, d, lc, ld] = next;
  if (c !== b + 1) return false;
  const step = lc - lb;
  if (step < 0) return false;
  if (b > a && (lb - la) / (b - a) !== step) return false;
  if (d > c && (ld - lc) / (d - c) !== step) return false;
  prev[1] = d;
  prev[3] = ld;
  return true;
}

type PositionRun = [number, number] | [number, number, number, number, number];

/** A position run as the report writes it: [line, column] for one, [first line, first column, last line, last column, count]. */
function positionRun(
  line: number,
  column: number,
  count: number,
  lineStep: number,
  colStep: number,
): PositionRun {
  if (count === 1) return [line, column];
  return [line, column, line + (count - 1) * lineStep, column + (count - 1) * colStep, count];
}

/**
 * Joins the position run `next` onto `prev` (both as `positionRun` writes them) when together they are one run: the
 * step from the last of `prev` to the first of `next` is that of each run of more than one position.
 */
function joinPositions(prev: PositionRun, next: PositionRun): boolean {
  const [l0, c0, l1 = l0, c1 = c0, n = 1] = prev;
  const [a0, b0, a1 = a0, b1 = b0, m = 1] = next;
  const lineStep = a0 - l1;
  const colStep = b0 - c1;
  if (n > 1 && (l1 - l0 !== (n - 1) * lineStep || c1 - c0 !== (n - 1) * colStep)) return false;
  if (m > 1 && (a1 - a0 !== (m - 1) * lineStep || b1 - b0 !== (m - 1) * colStep)) return false;
  (prev as number[]).splice(0, prev.length, l0, c0, a1, b1, n + m);
  return true;
}

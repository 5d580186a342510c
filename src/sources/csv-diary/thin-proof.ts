/**
 * Whether a diary's proof of its day/month order is too thin to go by: a date with a day above 12 proves the
 * order of its own row, not of the whole diary. When one or two such rows stand against many whose dates could be
 * either (`25/04/2024` among `03/01/2024`, `03/02/2024`, `04/01/2024`…), a row typed the other way round, or pasted
 * from another record, would otherwise turn every other date round without a word. An incident diary is kept as
 * things happen, one row after another (the guidance it follows asks for a contemporaneous record), so the order
 * its other dates run in is the other side of the question: thin proof decides nothing when those dates step back
 * in time more often read its way than the other way, and no convention (dots, the case region) supports it. A
 * diary written up out of order steps back about as often either way, and keeps the order its dates prove.
 */

import { EITHER_ORDER } from '../date-order-option.js';
import { SourceFailure } from '../source.js';
import type { Ymd } from './calendar.js';

/** A date as evidence: its line and the cell as written. */
interface Seen {
  readonly line: number;
  readonly value: string;
}

/** A step back in time between two consecutive rows: the later one and the one before. */
export interface BackStep extends Seen {
  readonly prev: Seen;
}

/**
 * The Date cells that read as a real date both day- and month-first (both parts 1–12), in row order: how often
 * they step back in time read each way, and the first step back one way that is none the other way. Dates that
 * prove an order stay out of it, so that the row in question does not count against either reading.
 */
export class RowChain {
  readonly back = { dmy: 0, mdy: 0 };
  /** Steps between consecutive dates of the chain (each is back, forwards or the same day, read each way). */
  steps = 0;
  readonly first: { dmy?: BackStep; mdy?: BackStep } = {};
  private prev: (Seen & { dmy: number; mdy: number }) | undefined;

  /** Adds a row's date as read day-first and month-first. */
  add(line: number, value: string, dmy: Ymd, mdy: Ymd): void {
    const key = (d: Ymd): number => (d.y * 16 + d.m) * 32 + d.d;
    const here = { line, value, dmy: key(dmy), mdy: key(mdy) };
    const prev = this.prev;
    this.prev = here;
    if (prev === undefined) return;
    this.steps++;
    const backDmy = here.dmy < prev.dmy;
    const backMdy = here.mdy < prev.mdy;
    const step = { line, value, prev: { line: prev.line, value: prev.value } };
    if (backDmy) {
      this.back.dmy++;
      if (!backMdy) this.first.dmy ??= step;
    }
    if (backMdy) {
      this.back.mdy++;
      if (!backDmy) this.first.mdy ??= step;
    }
  }
}

/**
 * The failure (and the end of each rejected row's message) for a diary whose only proof is thin and contradicted
 * by the order of its rows: the first date that proves the order and the first step back in time it makes of the
 * other dates, each as `file:line` (`line N` without a path).
 */
export function thinProofFailure(
  proven: { readonly words: string; readonly first: Seen; readonly count: number; readonly back: number },
  other: { readonly words: string; readonly back: number },
  dependent: number,
  step: BackStep,
  path: string,
): { failure: SourceFailure; why: string } {
  const at = (line: number): string => (path === '' ? `line ${line}` : `${path}:${line}`);
  const few = proven.count === 1 ? 'only 1 date' : `only ${proven.count} dates`;
  const times = (n: number): string => (n === 1 ? '1 time' : `${n} times`);
  return {
    failure: new SourceFailure(
      'DIARY_DATE_ORDER_AMBIGUOUS',
      `Cannot tell whether dates are day/month or month/day: ${few} of the ${dependent} whose reading depends on the order can only be read ${proven.words} ("${proven.first.value}" at ${at(proven.first.line)}), but read that way the other rows step back in time ${times(proven.back)}, against ${times(other.back)} read ${other.words} ("${step.value}" at ${at(step.line)} after "${step.prev.value}" at ${at(step.prev.line)}); one date written the other way round would decide every other, so neither order is guessed`,
      proven.first.line,
      `Re-run with ${EITHER_ORDER}`,
    ),
    why: `too few of this file's dates show its order (line ${proven.first.line}) and its rows run forwards in time only read the other way`,
  };
}

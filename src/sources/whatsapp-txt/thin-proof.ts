/**
 * Whether a chat's proof of its day/month order is too thin to go by: a few dates with a number above 12 that the
 * rest of the chat contradicts. A date above 12 proves the order of the line that holds it, not of the whole file:
 * one pasted from another chat, or the first line of a second export joined to this one, would otherwise turn every
 * other date round (`3/1/24` read as 3 January) without a word. An export writes its messages in time order, so the
 * order its other dates run in is the other side of the question; when the two disagree, neither is guessed and the
 * file is treated as one whose order cannot be told (the person names it with `--date-order`).
 */

/** A step back in time between two consecutive dates: the later one's line and date as written, and the one before. */
export interface BackStep {
  readonly line: number;
  readonly text: string;
  readonly prevLine: number;
  readonly prevText: string;
}

/**
 * For one year position, the chain of dates whose two other numbers are both 1–12 (each a real date in either
 * order, so none of them proves anything): how often it steps back in time read each way (k = 0: the first of the
 * two numbers is the day; 1: the second), and the first step back one way that is none the other way. Dates that
 * prove an order stay out of it, so that the pasted line itself does not count against either reading.
 */
export class PlainChain {
  readonly back = [0, 0];
  readonly first: (BackStep | undefined)[] = [undefined, undefined];
  private prev: { line: number; text: string; year: number; a: number; b: number } | undefined;

  /** Adds a distinct date: its line, its date as written, its full year and its two other numbers in written order. */
  add(line: number, text: string, year: number, a: number, b: number): void {
    if (a < 1 || b < 1 || a > 12 || b > 12) return;
    const prev = this.prev;
    this.prev = { line, text, year, a, b };
    // Across a change of year both readings step the same way: only steps within a year tell them apart.
    if (prev === undefined || prev.year !== year) return;
    const backIfA = b * 32 + a < prev.b * 32 + prev.a;
    const backIfB = a * 32 + b < prev.a * 32 + prev.b;
    const step = { line, text, prevLine: prev.line, prevText: prev.text };
    if (backIfA) {
      this.back[0]!++;
      if (!backIfB) this.first[0] ??= step;
    }
    if (backIfB) {
      this.back[1]!++;
      if (!backIfA) this.first[1] ??= step;
    }
  }
}

/** What the message of a thin, contradicted proof names. */
export interface ThinProof {
  /** "day/month/year (dmy)" for the order the few dates prove, and for the other. */
  readonly proven: string;
  readonly other: string;
  readonly proofs: number;
  readonly dependent: number;
  /** The first date that proves `proven`. */
  readonly sample: { readonly line: number; readonly text: string };
  /** Steps back in time of the other dates, read as `proven` and as `other`, and the first that only `proven` has. */
  readonly backProven: number;
  readonly backOther: number;
  readonly step: BackStep;
}

/** The reason the order cannot be told, naming the lines that speak for each reading as `file:line`. */
export function thinProofMessage(t: ThinProof, path: string): string {
  const at = (line: number): string => (path === '' ? `line ${line}` : `${path}:${line}`);
  const few = t.proofs === 1 ? 'only 1 date' : `only ${t.proofs} dates`;
  const times = (n: number): string => (n === 1 ? '1 time' : `${n} times`);
  return (
    `Cannot tell whether dates are day-first or month-first: ${few} of the ${t.dependent} that read differently in the two orders can only be read as ${t.proven} (the first at ${at(t.sample.line)}: ${t.sample.text}), ` +
    `but read that way the other messages step back in time ${times(t.backProven)}, against ${times(t.backOther)} read as ${t.other} ` +
    `(the first at ${at(t.step.line)}: ${t.step.text} after ${t.step.prevText} on line ${t.step.prevLine}), and an export writes its messages in time order. ` +
    'A few dates can come from another chat pasted or joined into this one, so neither order is guessed.'
  );
}

/**
 * Day/month order of a WhatsApp export, inferred from every header date of the file (the first pass).
 * One line cannot tell `03/04/21` apart; the file usually can. Evidence, strongest first:
 *   1. the position written with 4 digits is the year (`2021/04/03` is year-first); without one, the last;
 *   2. a value above 12 can only be a day (`13/04/21` ⇒ day first) — no warning needed, unless that proof is thin
 *      (a few dates: thin-proof.ts) and the chat's other dates run forwards only when read the other way: then
 *      nothing decides;
 *   3. chats run forwards in time: the reading with fewer backward steps between consecutive dates wins;
 *   4. days change more often than months between consecutive dates.
 * 3 and 4 are guesses and are reported as such; when nothing decides, every record that needs a date is
 * rejected with its line and the file is listed as read in part, asking for `--date-order` (notices need none:
 * they are read as usual) — unless every date has day equal to month, when both orders give the same dates.
 * The statistics are updated only when the date changes from one header to the next, so the cost per line is
 * three integer comparisons.
 *
 * Headers are counted apart by their date shape (`dateShape`: the separator and where the year is), one
 * `DateStats` each: an export writes every date one way, and a line written another way (an ISO-dated log line
 * pasted into a message) must neither decide the file's order nor be taken for one of its messages (plan.ts).
 *
 * `--date-order` is not checked against these statistics: the option always decides, and a header it cannot be
 * read in is rejected with its line (messages.ts), with the date it would be in another order (`otherReadings`).
 */
import { daysInMonth } from '../../model/dates.js';
import { orderOption } from '../date-order-option.js';
import type { DateOrder } from '../source.js';
import { isThin } from '../thin-proof.js';
import { type HeaderScanner, withoutMarks } from './scan.js';
import { PlainChain, thinProofMessage } from './thin-proof.js';

/** Which of the three written date fields is the year, the month and the day. */
export interface Layout {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** The layouts the `--date-order` option names. */
export const LAYOUTS: Readonly<Record<DateOrder, Layout>> = {
  dmy: { d: 0, m: 1, y: 2 },
  mdy: { m: 0, d: 1, y: 2 },
  ymd: { y: 0, m: 1, d: 2 },
};

/** The number of date shapes `dateShape` tells apart. */
export const SHAPES = 9;

/**
 * The date shape of the header the scanner just read, 0–8: its separator (`/`, `.` or `-`) and the position of
 * its year, the field written with four digits (the first, if several are), else the last, where nearly every
 * layout writes a two-digit year (`--date-order ymd` reads one first). `14/03/24` and `14/03/2024` have one shape
 * (they read the same in any order), `2024-03-14` another.
 */
export function dateShape(sc: HeaderScanner): number {
  const sep = sc.sep === 0x2f ? 0 : sc.sep === 0x2e ? 3 : 6;
  return sep + (sc.w0 === 4 ? 0 : sc.w1 === 4 ? 1 : 2);
}

/** WhatsApp's first year. */
const FIRST_YEAR = 2009;

/** A two-digit year is 20xx (WhatsApp dates from 2009); four digits as written; anything else is invalid. */
export function fullYear(value: number, width: number): number {
  if (width === 4) return value;
  if (width === 2) return 2000 + value;
  return -1;
}

/** `dmy`, `mdy`, `ymd`… for a layout. */
export function layoutName(l: Layout): string {
  const name = ['', '', ''];
  name[l.d] = 'd';
  name[l.m] = 'm';
  name[l.y] = 'y';
  return name.join('');
}

const WORDS: Record<string, string> = { d: 'day', m: 'month', y: 'year' };

/** "day/month/year (dmy)". */
export function describeLayout(l: Layout): string {
  const name = layoutName(l);
  return `${[...name].map((c) => WORDS[c]).join('/')} (${name})`;
}

/** The other two positions when `y` is the year, in written order. */
const PAIRS = [
  [1, 2],
  [0, 2],
  [0, 1],
] as const;

/**
 * Why the date with fields `p` (written with `w` digits) cannot be read in layout `l`, or undefined when it can:
 * what clock.ts rejects, and, said last as the weakest reason, a two-digit year before WhatsApp existed
 * (`03/04/24` read year-first is 2003), which no export writes.
 */
function impossibleIn(p: readonly number[], w: readonly number[], l: Layout): string | undefined {
  // The month first: `3/14/24` read year-first is best told by its month 14, then by its one-digit year.
  const m = p[l.m]!;
  if (m < 1 || m > 12) return `there is no month ${m}`;
  const y = fullYear(p[l.y]!, w[l.y]!);
  if (y < 0) return `the year "${p[l.y]}" has neither 2 nor 4 digits`;
  const d = p[l.d]!;
  if (d < 1 || d > daysInMonth(y, m)) return `there is no day ${d} in ${MONTHS[m - 1]} ${y}`;
  if (w[l.y] === 2 && y < FIRST_YEAR)
    return `the year would be ${y}, before WhatsApp existed (${FIRST_YEAR})`;
  return undefined;
}

/** A date as evidence in messages: where it is, how it was written, and its fields. */
interface Sample {
  line: number;
  text: string;
  p: number[];
  w: number[];
}

/** What inference concluded. `warn` is set when the order was a guess or the evidence disagreed. */
export type Inference =
  | {
      readonly ok: true;
      readonly layout: Layout;
      readonly warn?: { code: string; message: string; hint: string };
    }
  | { readonly ok: false; readonly message: string };

/** Accumulates the numeric date fields of header lines. */
export class DateStats {
  /** Header lines seen. */
  headers = 0;
  /** Distinct consecutive dates seen. */
  dates = 0;
  /** The first header's line and its date as written (an example of how the file writes dates). */
  firstLine = 0;
  firstText = '';
  private readonly prev = [-1, -1, -1];
  private readonly prevW = [0, 0, 0];
  /** Dates whose field k has 4 digits. */
  private readonly yearish = [0, 0, 0];
  /** over12[y][k]: dates where pair position k is above 12 and the other is not (k can only be the day). */
  private readonly over12 = [
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  private readonly over12Sample: (Sample | undefined)[][] = [
    [undefined, undefined],
    [undefined, undefined],
    [undefined, undefined],
  ];
  /** backwards[y][k]: steps back in time between consecutive dates if pair position k is the day. */
  private readonly backwards = [
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  /** unequal[y]: dates whose two non-year fields differ (only those read differently in the two orders). */
  private readonly unequal = [0, 0, 0];
  private readonly unequalSample: (Sample | undefined)[] = [undefined, undefined, undefined];
  /** changes[y][k]: how often pair position k changed between consecutive dates. */
  private readonly changes = [
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  /** plain[y]: the dates that prove no order, and how they run in time read either way (thin-proof.ts). */
  private readonly plain = [new PlainChain(), new PlainChain(), new PlainChain()];

  /** Records the date of the header the scanner just read in the UTF-8 line `b` (line number `line`). */
  add(sc: HeaderScanner, b: Buffer, line: number): void {
    this.headers++;
    const prev = this.prev;
    const { p0, p1, p2, w0, w1, w2 } = sc;
    if (p0 === prev[0] && p1 === prev[1] && p2 === prev[2]) return;
    // Below runs once per distinct date (a few per day of chat), so it may allocate.
    const p = [p0, p1, p2];
    const w = [w0, w1, w2];
    const text = withoutMarks(b.toString('utf8', sc.stampStart, sc.dateEnd));
    if (this.dates++ === 0) {
      this.firstLine = line;
      this.firstText = text;
    }
    for (let k = 0; k < 3; k++) if (w[k] === 4) this.yearish[k]!++;
    for (let y = 0; y < 3; y++) {
      const [a, b] = PAIRS[y]!;
      const pa = p[a]!;
      const pb = p[b]!;
      const over = this.over12[y]!;
      this.plain[y]!.add(line, text, fullYear(p[y]!, w[y]!), pa, pb);
      if (pa !== pb) {
        this.unequal[y]!++;
        this.unequalSample[y] ??= { line, text, p, w };
      }
      if (pa > 12 && pb <= 12) {
        over[0]!++;
        this.over12Sample[y]![0] ??= { line, text, p, w };
      } else if (pb > 12 && pa <= 12) {
        over[1]!++;
        this.over12Sample[y]![1] ??= { line, text, p, w };
      }
      if (prev[0] === -1) continue;
      if (pa !== prev[a]) this.changes[y]![0]!++;
      if (pb !== prev[b]) this.changes[y]![1]!++;
      if (fullYear(p[y]!, w[y]!) !== fullYear(prev[y]!, this.prevW[y]!)) continue;
      // Same year: compare (month, day) under both readings.
      if (pb * 32 + pa < prev[b]! * 32 + prev[a]!) this.backwards[y]![0]!++;
      if (pa * 32 + pb < prev[a]! * 32 + prev[b]!) this.backwards[y]![1]!++;
    }
    prev[0] = p0;
    prev[1] = p1;
    prev[2] = p2;
    this.prevW[0] = w0;
    this.prevW[1] = w1;
    this.prevW[2] = w2;
  }

  /** The position holding 4-digit values most often, or undefined when no date writes its year so. */
  fourDigitYear(): number | undefined {
    const [a, b, c] = this.yearish as [number, number, number];
    if (a === 0 && b === 0 && c === 0) return undefined;
    return this.yearPosition();
  }

  /** The year position: the one holding 4-digit values most often, else the last. */
  yearPosition(): number {
    const [a, b, c] = this.yearish as [number, number, number];
    if (a === 0 && b === 0 && c === 0) return 2;
    return a >= b && a >= c ? 0 : b >= c ? 1 : 2;
  }

  /**
   * Decides the layout from the evidence, or explains why it cannot. `path` names the file in the lines a message
   * quotes (`chat.txt:8`); without it they are quoted as `line 8`.
   */
  infer(path = ''): Inference {
    const y = this.yearPosition();
    const [a, b] = PAIRS[y]!;
    const pick = (day: number): Layout => ({ y, d: day, m: day === a ? b : a });
    const [ga, gb] = this.over12[y] as [number, number];
    if (ga > 0 && gb === 0) return this.proven(y, 0, pick, path);
    if (gb > 0 && ga === 0) return this.proven(y, 1, pick, path);
    if (ga > 0 && gb > 0) {
      const [sa, sb] = this.over12Sample[y] as [Sample, Sample];
      const both = `line ${sa.line} (${sa.text}) can only be read with the ${ordinal(a)} number as the day, line ${sb.line} (${sb.text}) only with the ${ordinal(b)}`;
      if (ga === gb) {
        return {
          ok: false,
          message: `The file mixes day-first and month-first dates in equal numbers (${ga} each): ${both}.`,
        };
      }
      const layout = pick(ga > gb ? a : b);
      return {
        ok: true,
        layout,
        warn: {
          code: 'WHATSAPP_DATE_ORDER_CONFLICT',
          message: `The file mixes date orders: ${both}. Read as ${describeLayout(layout)}, the order of ${Math.max(ga, gb)} of ${ga + gb} dates that decide it; headers impossible in that order are rejected and the others may be misdated.`,
          hint: 'Split the file by export, or re-run with --date-order to choose the order.',
        },
      };
    }
    // Year-first dates are written year-month-day in every locale that uses them.
    if (y === 0) return { ok: true, layout: pick(b) };
    // 03/03/24 and 04/04/24 are the same dates in either order: nothing to decide, nothing to warn about.
    if (this.unequal[y] === 0) return { ok: true, layout: pick(a) };
    // The first date that reads differently in the two orders makes the example in the messages below.
    const example = this.unequalSample[y]!;
    const [ba, bb] = this.backwards[y] as [number, number];
    const [ca, cb] = this.changes[y] as [number, number];
    let day: number;
    let why: string;
    if (ba !== bb) {
      day = ba < bb ? a : b;
      why = `the messages run forwards in time when read that way (${Math.min(ba, bb)} backward steps, against ${Math.max(ba, bb)} the other way)`;
    } else if (ca !== cb) {
      day = ca > cb ? a : b;
      why = `the ${ordinal(day)} number changes more often between messages (${Math.max(ca, cb)} changes against ${Math.min(ca, cb)}), as days do`;
    } else {
      const which =
        this.dates === 1
          ? `all ${this.headers} message headers are dated ${example.text}`
          : `none of the ${this.dates} dates has a day above 12`;
      return {
        ok: false,
        message: `Cannot tell whether dates are day-first or month-first: ${which}, and neither the order of the messages nor how the numbers change settles it. Line ${example.line} (${example.text}) is ${describeDate(example, pick(a))} day-first but ${describeDate(example, pick(b))} month-first.`,
      };
    }
    const layout = pick(day);
    const other = pick(day === a ? b : a);
    return {
      ok: true,
      layout,
      warn: {
        code: 'WHATSAPP_DATE_ORDER_INFERRED',
        message: `No date in the file has a day above 12, so the order was guessed: read as ${describeLayout(layout)} because ${why}. Line ${example.line} (${example.text}) is read as ${describeDate(example, layout)}.`,
        hint: `If that is wrong, re-run with ${orderOption(layoutName(other))}.`,
      },
    };
  }

  /**
   * The layout the dates above 12 at pair position `k` prove (`pick` makes it), unless the proof is thin and the
   * file's other dates run forwards in time only when read the other way (thin-proof.ts): then nothing decides.
   */
  private proven(y: number, k: number, pick: (day: number) => Layout, path: string): Inference {
    const pair = PAIRS[y]!;
    const layout = pick(pair[k]!);
    const proofs = this.over12[y]![k]!;
    const chain = this.plain[y]!;
    const backProven = chain.back[k]!;
    const backOther = chain.back[1 - k]!;
    if (!isThin(proofs, this.unequal[y]!) || backProven <= backOther) return { ok: true, layout };
    const sample = this.over12Sample[y]![k]!;
    return {
      ok: false,
      message: thinProofMessage(
        {
          proven: describeLayout(layout),
          other: describeLayout(pick(pair[1 - k]!)),
          proofs,
          dependent: this.unequal[y]!,
          sample,
          backProven,
          backOther,
          // There is one: the proven reading steps back more often, so at least once where the other does not.
          step: chain.first[k]!,
        },
        path,
      ),
    };
  }
}

/**
 * What a header's date (fields `p`, written with `w` digits) would be in the orders other than `l`, for the
 * rejection of one `--date-order` cannot read: `dmy` and `day/month/year (dmy) it would be 25 December 2023`.
 * Empty when it is no date in any order.
 */
export function otherReadings(
  p: readonly number[],
  w: readonly number[],
  l: Layout,
): { readonly order: string; readonly words: string }[] {
  const name = layoutName(l);
  const date = { line: 0, text: '', p: [...p], w: [...w] };
  const readable = Object.values(LAYOUTS).filter(
    (o) => layoutName(o) !== name && impossibleIn(p, w, o) === undefined,
  );
  // Day and month the other way round, the year where `l` has it, is what a wrong order most often is: when it
  // reads, it alone is named (`14.03.24` under mdy is 14 March 2024, not also 24 March 2014 year-first).
  const swapped = readable.filter((o) => o.y === l.y);
  return (swapped.length > 0 ? swapped : readable).map((o) => ({
    order: layoutName(o),
    words: `${describeLayout(o)} it would be ${describeDate(date, o)}`,
  }));
}

function ordinal(k: number): string {
  return ['first', 'second', 'third'][k]!;
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

function describeDate(date: Sample, l: Layout): string {
  return `${date.p[l.d]} ${MONTHS[date.p[l.m]! - 1] ?? '?'} ${fullYear(date.p[l.y]!, date.w[l.y]!)}`;
}

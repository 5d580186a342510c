/**
 * The day/month order of a diary's numeric dates (`03/02/2024`: 3 February or March 2?), a property of the whole
 * file: pass one collects what each date says of it (`collectOrder`), `decideOrder` settles it, or says why it
 * cannot, and `applyOrder` reads a date under it. `--date-order` always decides: a row it cannot read is rejected
 * with its line (rejections.ts `againstOption`), never read in another order.
 */

import { EITHER_ORDER } from '../date-order-option.js';
import type { DateOrder, SourceOptions } from '../source.js';
import { SourceFailure } from '../source.js';
import { isThin } from '../thin-proof.js';
import { fullYear, isCalendarDate, realDate, type Ymd } from './calendar.js';
import type { DateCell } from './dates.js';
import { RowChain, thinProofFailure } from './thin-proof.js';

/** The calendar date of a cell under the file's order (numeric cells only depend on it). */
export function applyOrder(cell: DateCell, order: DateOrder): Ymd {
  if (cell.kind !== 'numeric') return cell.ymd;
  const c = fullYear(cell.c, cell.cDigits);
  if (order === 'dmy') return { y: c, m: cell.b, d: cell.a };
  if (order === 'mdy') return { y: c, m: cell.a, d: cell.b };
  // ymd: a two-digit year written first ("24/02/03"); a four-digit last part cannot be a day.
  return { y: fullYear(cell.a, 2), m: cell.b, d: cell.cDigits > 2 ? 99 : cell.c };
}

/**
 * What one date says about the file's order: `dmy` when it only reads day-first, `mdy` when only month-first.
 */
function orderEvidence(cell: DateCell): 'dmy' | 'mdy' | undefined {
  if (cell.kind !== 'numeric' || cell.a > 31 || cell.b > 31) return undefined;
  if (cell.a > 12 && cell.b <= 12) return 'dmy';
  if (cell.b > 12 && cell.a <= 12) return 'mdy';
  return undefined;
}

/** A date that reads only one way, day-first or month-first: its line, the cell as written and as read. */
export interface OrderEvidence {
  readonly line: number;
  readonly value: string;
  /** The cell as read; absent in hand-made statistics (tests), when it is taken not to read year-first. */
  readonly cell?: DateCell;
}

/** Everything pass one learned about the file's numeric dates. */
export interface OrderStats {
  /** First line whose date can only be day-first / month-first, with the value. */
  dmy?: OrderEvidence;
  mdy?: OrderEvidence;
  /** First numeric date that needs an order, and whether every such date uses dots. */
  firstAmbiguous?: { line: number; value: string };
  allDotted: boolean;
  /**
   * How many dates read only day-first / only month-first, and how many depend on the order at all (those and the
   * ones that could be either), for thin proof (thin-proof.ts). Absent in hand-made statistics (tests): then a
   * date that reads one way only decides, as it did before these were counted.
   */
  counts?: { dmy: number; mdy: number; dependent: number };
  /** How the Date cells that could be either run in time, read each way (thin-proof.ts); absent as `counts` is. */
  chain?: RowChain;
  /** First numeric date whose last part is a four-digit year (`14/03/2024`): no option puts its year first. */
  yearLast?: { line: number; value: string };
}

/**
 * Whether a numeric cell is a usable date in neither day-first nor month-first order: `32/01/2024`, and also
 * `15/03/2204`, real but outside the accepted years. Such a row is rejected, so it does not steer the order.
 */
function invalidInBothOrders(cell: DateCell): boolean {
  return (
    cell.kind === 'numeric' &&
    realDate(applyOrder(cell, 'dmy')) === undefined &&
    realDate(applyOrder(cell, 'mdy')) === undefined
  );
}

/** Whether a numeric cell is not a calendar date in either order, whatever the year (`31/02/2024`). */
export function impossibleInBothOrders(cell: DateCell): boolean {
  return (
    cell.kind === 'numeric' &&
    !isCalendarDate(applyOrder(cell, 'dmy')) &&
    !isCalendarDate(applyOrder(cell, 'mdy'))
  );
}

/**
 * Whether a cell's date depends on the day/month order: a numeric date whose first two parts differ and that is a
 * usable date in at least one order (one usable in neither is rejected for that, whatever the order).
 */
export function dependsOnOrder(cell: DateCell): boolean {
  return cell.kind === 'numeric' && cell.a !== cell.b && !invalidInBothOrders(cell);
}

/**
 * Adds a Date cell (not a Recorded-at one: entries may be written up in any order) to the chain of dates that
 * could be either, in row order, once `collectOrder` has taken it.
 */
export function collectRowOrder(stats: OrderStats, cell: DateCell, line: number, value: string): void {
  if (cell.kind !== 'numeric' || cell.a > 12 || cell.b > 12 || invalidInBothOrders(cell)) return;
  const dmy = applyOrder(cell, 'dmy');
  const mdy = applyOrder(cell, 'mdy');
  if (realDate(dmy) === undefined || realDate(mdy) === undefined) return;
  stats.chain ??= new RowChain();
  stats.chain.add(line, value, dmy, mdy);
}

/** Adds one cell to the statistics. */
export function collectOrder(stats: OrderStats, cell: DateCell, line: number, value: string): void {
  if (cell.kind !== 'numeric') return;
  // A date that is real in neither order says nothing about the order and needs none: its row is rejected.
  if (invalidInBothOrders(cell)) return;
  const ev = orderEvidence(cell);
  if (ev && !stats[ev]) stats[ev] = { line, value, cell };
  if (cell.a !== cell.b) {
    stats.counts ??= { dmy: 0, mdy: 0, dependent: 0 };
    stats.counts.dependent++;
    if (ev) stats.counts[ev]++;
  }
  // 03/03/2024 is the same date in either order: it needs no order, so it asks for none (`dependsOnOrder`, whose
  // other tests were passed above).
  if (!ev && cell.a !== cell.b) stats.firstAmbiguous ??= { line, value };
  if (cell.sep !== '.') stats.allDotted = false;
  if (cell.cDigits === 4) stats.yearLast ??= { line, value };
}

// Countries that write month first. Canada mixes both, so it decides nothing.
const MDY_REGIONS = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'PH', 'FM', 'MH', 'PW']);

/** How a message names an order. */
export const ORDER_WORDS: Record<DateOrder, string> = {
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  ymd: 'year/month/day',
};

/** The file's day/month order, or why it has none, with the warning a guess (or an option not used) calls for. */
export interface OrderDecision {
  /** The order to read dates with; with `undecided`, only dates that read the same in either order are read. */
  readonly order: DateOrder;
  readonly code?: string;
  readonly message?: string;
  readonly locator?: number;
  /** The warning's hint, when `code` is set. */
  readonly hint?: string;
  /**
   * Set when the order cannot be decided: every row whose date depends on it is rejected (`DIARY_DATE_ORDER_UNKNOWN`)
   * and, once the file is read, this is thrown as read to the end. `why`: the end of each such row's message.
   */
  readonly undecided?: { readonly failure: SourceFailure; readonly why: string };
}

const GUESS_HINT = `If this is wrong, re-run with ${EITHER_ORDER}`;

/**
 * The order to read the file with, or why it cannot be decided. A date that reads only one way (a day
 * above 12) with none contradicting it settles the order, so there is nothing to warn about (as in the
 * WhatsApp reader), unless that proof is thin, the diary's other dates run forwards in time only the other way
 * round, and neither the dots nor the case region support it (thin-proof.ts): then the file is undecided.
 * Only a guess, from the dots or the case region, comes with a warning that says so.
 *
 * `--date-order` is the person's word on how the diary writes dates, so it always decides: a row whose date is
 * none in that order is rejected with its line and a hint naming the option (`againstOption`), never read in the
 * order the other dates suggest. `path` names the file in the lines a thin proof's failure quotes.
 */
export function decideOrder(
  stats: OrderStats,
  options: Pick<SourceOptions, 'dateOrder' | 'region'>,
  path = '',
): OrderDecision {
  const { dmy, mdy, firstAmbiguous } = stats;
  // The option orders the day and the month; a year written last with four digits keeps its place, as in a chat
  // (whatsapp-txt/plan.ts): `--date-order ymd` on `14/03/2024` is not applied, the diary's own dates deciding.
  // Where the diary's own dates cannot decide either, the option's rejections say more (both readings of each date).
  const own =
    options.dateOrder === 'ymd' && stats.yearLast
      ? decideOrder(stats, { region: options.region }, path)
      : undefined;
  if (own && stats.yearLast && own.undecided === undefined) {
    const { line, value } = stats.yearLast;
    const why = `--date-order ymd was not applied: this diary writes the year last, with four digits ("${value}" on line ${line})`;
    return own.code === undefined
      ? { ...own, code: 'DIARY_DATE_ORDER_YEAR_LAST', message: why, locator: line, hint: GUESS_HINT }
      : { ...own, message: `${why}; ${own.message}` };
  }
  if (options.dateOrder) return { order: options.dateOrder };
  if (dmy && mdy)
    return {
      order: 'dmy',
      undecided: {
        failure: new SourceFailure(
          'DIARY_DATE_ORDER_CONFLICT',
          `Dates are written both day-first ("${dmy.value}" on line ${dmy.line}) and month-first ("${mdy.value}" on line ${mdy.line})`,
          dmy.line,
          `Correct the dates that are the wrong way round, or re-run with ${EITHER_ORDER}`,
        ),
        why: `this file writes dates both day-first (line ${dmy.line}) and month-first (line ${mdy.line})`,
      },
    };
  const proven = dmy ? 'dmy' : mdy ? 'mdy' : undefined;
  const { counts, chain } = stats;
  if (proven && counts && chain && isThin(counts[proven], counts.dependent)) {
    const other = proven === 'dmy' ? 'mdy' : 'dmy';
    const step = chain.first[proven];
    // The dots or the case region agreeing with the few dates is support enough; so is a diary whose rows do not
    // run forwards the other way: more often back read the proven way, and mostly forwards (at most a quarter of
    // the steps back) read the other. A diary kept newest first steps back on nearly every row read its true way,
    // and read the other way steps back often too: its dates decide. Otherwise the few dates decide nothing.
    const forwardsOtherWay = chain.back[other] * 4 <= chain.steps;
    if (
      convention(stats, options.region) !== proven &&
      chain.back[proven] > chain.back[other] &&
      forwardsOtherWay &&
      step
    ) {
      return {
        order: 'dmy',
        undecided: thinProofFailure(
          {
            words: ORDER_WORDS[proven],
            first: stats[proven]!,
            count: counts[proven],
            back: chain.back[proven],
          },
          { words: ORDER_WORDS[other], back: chain.back[other] },
          counts.dependent,
          step,
          path,
        ),
      };
    }
  }
  if (proven) return { order: proven };
  if (!firstAmbiguous) return { order: 'dmy' };
  const example = `"${firstAmbiguous.value}" on line ${firstAmbiguous.line}`;
  // Dotted numeric dates are day-first wherever they are written (de, at, ch, pl, ru…): nobody writes 2.25.2024.
  if (stats.allDotted)
    return {
      order: 'dmy',
      code: 'DIARY_DATE_ORDER_ASSUMED',
      message: `Every date could be day- or month-first (e.g. ${example}); read as day.month.year, the convention for dates written with dots`,
      locator: firstAmbiguous.line,
      hint: GUESS_HINT,
    };
  const region = options.region?.toUpperCase();
  if (region && region !== 'CA') {
    const order = MDY_REGIONS.has(region) ? 'mdy' : 'dmy';
    return {
      order,
      code: 'DIARY_DATE_ORDER_ASSUMED',
      message: `Every date could be day- or month-first (e.g. ${example}); read as ${ORDER_WORDS[order]}, the convention in region ${region}`,
      locator: firstAmbiguous.line,
      hint: GUESS_HINT,
    };
  }
  return {
    order: 'dmy',
    undecided: {
      failure: new SourceFailure(
        'DIARY_DATE_ORDER_AMBIGUOUS',
        `Cannot tell whether dates are day/month or month/day: every date could be either (e.g. ${example})`,
        firstAmbiguous.line,
        `Re-run with ${EITHER_ORDER}`,
      ),
      why: "this file's dates do not tell which order it uses",
    },
  };
}

/** The order the dots or the case region stand for, if either does (as the guesses above read them). */
function convention(stats: OrderStats, region: string | undefined): DateOrder | undefined {
  if (stats.allDotted) return 'dmy';
  const r = region?.toUpperCase();
  if (!r || r === 'CA') return undefined;
  return MDY_REGIONS.has(r) ? 'mdy' : 'dmy';
}

/** The order --date-order made a file read with, for the rows it leaves no date: they are told of the option. */
export interface ForcedOrder {
  readonly order: DateOrder;
  /** Set when the file writes dates both ways: either order then leaves some rows rejected, which it says. */
  readonly mixed?: string;
}

/** The forced order the file is read with, or undefined when the file's own dates (or no option) decided it. */
export function forcedOrder(
  decided: OrderDecision,
  stats: OrderStats,
  option: DateOrder | undefined,
): ForcedOrder | undefined {
  if (option === undefined || decided.order !== option) return undefined;
  const { dmy, mdy } = stats;
  if (!dmy || !mdy) return { order: option };
  return {
    order: option,
    mixed: `this diary writes dates both day-first (line ${dmy.line}) and month-first (line ${mdy.line}), so either order leaves the rows written the other way rejected`,
  };
}

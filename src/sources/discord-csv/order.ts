/**
 * The day/month order of a DCE CSV's numeric dates (`10/06/2023 12:37 AM`), decided from the whole file before
 * any row is read: a day above 12 settles it; otherwise the rows must run forwards in time (DCE writes oldest
 * first); otherwise the usual order for the clock style, with a warning. `--date-order` decides only where the
 * file cannot tell: a file with a day above 12 keeps the order that shows, with a warning naming the option (as the
 * WhatsApp and diary readers do: the option is for files that could be read either way).
 */

import { EITHER_ORDER } from '../date-order-option.js';
import type { DateOrder, SourceContext, SourceInput } from '../source.js';
import { SourceFailure } from '../source.js';
import { localOf, readStamp, type Stamp, ymdOf } from './dates.js';
import { type Columns, columnsOf, readRows } from './rows.js';

type Numeric = Extract<Stamp, { kind: 'numeric' }>;

/**
 * Evidence for the day/month order of a file's numeric dates. DCE writes messages oldest first, so the reading
 * under which the dates never run backwards is the right one when no day above 12 settles it.
 */
export class OrderEvidence {
  numeric = 0;
  ampm = 0;
  private readonly invalid = { dmy: 0, mdy: 0 };
  private readonly backwards = { dmy: 0, mdy: 0 };
  private readonly last = { dmy: 0, mdy: 0 };

  /** Counts one numeric stamp. */
  add(st: Numeric): void {
    if (st.yearFirst) return;
    this.numeric++;
    if (st.ampm) this.ampm++;
    for (const order of ['dmy', 'mdy'] as const) {
      const [y, mo, d] = ymdOf(st, order);
      if (localOf(y, mo, d, st.clock) === undefined) {
        this.invalid[order]++;
        continue;
      }
      const key = ((y * 13 + mo) * 32 + d) * 1440 + st.clock.h * 60 + st.clock.mi;
      if (key < this.last[order]) this.backwards[order]++;
      this.last[order] = key;
    }
  }

  /** The order, how it was decided, or why it cannot be. */
  decide(): { order: DateOrder; how: 'certain' | 'sequence' | 'convention' } | { conflict: string } {
    const { invalid, backwards } = this;
    if (invalid.dmy > 0 && invalid.mdy > 0) {
      return { conflict: `${invalid.dmy} dates are impossible day-first and ${invalid.mdy} month-first` };
    }
    if (invalid.dmy > 0) return { order: 'mdy', how: 'certain' };
    if (invalid.mdy > 0) return { order: 'dmy', how: 'certain' };
    if (backwards.dmy !== backwards.mdy)
      return { order: backwards.dmy < backwards.mdy ? 'dmy' : 'mdy', how: 'sequence' };
    // Nothing tells: DCE's own default and the en-US locale write AM/PM month first; 24-hour locales day first.
    return { order: this.ampm * 2 > this.numeric ? 'mdy' : 'dmy', how: 'convention' };
  }
}

/**
 * Reads the numeric dates once to decide their day/month order; other forms need no survey. `given` is the order
 * --date-order names, if any.
 */
export async function surveyOrder(
  input: SourceInput,
  ctx: SourceContext,
  given: DateOrder | undefined,
): Promise<DateOrder> {
  const evidence = new OrderEvidence();
  let columns: Columns | undefined;
  let first: Numeric | undefined;
  try {
    await readRows(input, undefined, (cells) => {
      if (!columns) {
        columns = columnsOf(cells);
        return;
      }
      const st = readStamp(cells[columns.date] ?? '');
      if (!st) return;
      // One export has one date form: when the first is not numeric, no order is needed.
      if (st.kind !== 'numeric' && !first) return false;
      if (st.kind === 'numeric') {
        first ??= st;
        evidence.add(st);
      }
    });
  } catch (err) {
    // The main pass reads up to the same fault and reports it: a damaged file, or the input failing (a disk
    // error, a damaged archive member), whose errors carry a code. Anything else is a bug and propagates.
    if (!(err instanceof SourceFailure) && typeof (err as { code?: unknown }).code !== 'string') throw err;
  }
  if (!first || evidence.numeric === 0) return given ?? 'dmy';
  const verdict = evidence.decide();
  if (given !== undefined) return givenOrProven(given, verdict, ctx);
  if ('conflict' in verdict) {
    throw new SourceFailure(
      'DISCORD_CSV_DATE_ORDER',
      `The day/month order of the dates cannot be decided: ${verdict.conflict}.`,
      undefined,
      `Pass the order with ${EITHER_ORDER}.`,
    );
  }
  if (verdict.how !== 'certain') {
    const why =
      verdict.how === 'sequence'
        ? 'only this order keeps the messages in time order'
        : `no date has a day above 12, so the usual order for ${evidence.ampm > 0 ? 'AM/PM' : '24-hour'} clocks was assumed`;
    ctx.warn(
      'DISCORD_CSV_DATE_ORDER_INFERRED',
      undefined,
      `Dates were read ${verdict.order === 'dmy' ? 'day first (dmy)' : 'month first (mdy)'}: ${why}.`,
      `If that is wrong, pass ${EITHER_ORDER}.`,
    );
  }
  return verdict.order;
}

/**
 * The order --date-order names, unless the file's own dates prove the other (a day above 12): then the file's, with
 * a warning, since reading a provable file against its dates would reject every row whose day is above 12.
 */
function givenOrProven(
  given: DateOrder,
  verdict: ReturnType<OrderEvidence['decide']>,
  ctx: SourceContext,
): DateOrder {
  if ('conflict' in verdict || verdict.how !== 'certain' || verdict.order === given) return given;
  const shown = verdict.order === 'dmy' ? 'day first (dmy)' : 'month first (mdy)';
  ctx.warn(
    'DISCORD_CSV_DATE_ORDER_NOT_APPLIED',
    undefined,
    `--date-order ${given} was not applied to this file: its dates have a day above 12 where the option puts the month, so they can only be read ${shown}, and were.`,
    'Nothing needs doing if the dates read right; --date-order is for files whose dates could be read either way.',
  );
  return verdict.order;
}

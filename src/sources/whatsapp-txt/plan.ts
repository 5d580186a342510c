/**
 * How the second pass reads a chat, decided from the header dates of the whole file: the framing most headers
 * use (every export uses one; headers in another framing are text pasted into messages), and the day/month
 * order: the `--date-order` option if given, else the file's evidence (date-order.ts), with the warning that
 * either calls for.
 */
import type { DateOrder } from '../source.js';
import { SourceFailure } from '../source.js';
import { type DateStats, describeLayout, LAYOUTS, type Layout, layoutName } from './date-order.js';
import { Framing } from './scan.js';

/** A warning to give before reading the messages. */
export interface PlanWarning {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

export interface Decision {
  readonly framing: Framing;
  readonly layout: Layout;
  /**
   * Set when nothing decides the day/month order: why, for the records that need a date, which are rejected
   * (a file of notices needs none), and for the failure thrown once the file is read (messages.ts).
   */
  readonly undecided?: SourceFailure;
  readonly warn?: PlanWarning;
}

/** The decision for these header dates (indexed by `Framing`); undefined when the file has no header at all. */
export function decide(byFraming: readonly DateStats[], forced: DateOrder | undefined): Decision | undefined {
  let framing: Framing = Framing.Bracket;
  for (const f of [Framing.Dash, Framing.Colon, Framing.Bare]) {
    if (byFraming[f]!.headers > byFraming[framing]!.headers) framing = f;
  }
  const stats = byFraming[framing]!;
  if (stats.headers === 0) return undefined;
  const inference = stats.infer();
  if (forced !== undefined) {
    const layout = LAYOUTS[forced];
    if (inference.ok && inference.warn === undefined && layoutName(inference.layout) !== forced) {
      return {
        framing,
        layout,
        warn: {
          code: 'WHATSAPP_DATE_ORDER_OVERRIDDEN',
          message: `Dates read as ${describeLayout(layout)} as asked, although the file's dates only make sense as ${describeLayout(inference.layout)}.`,
          hint: 'Headers impossible in the chosen order are rejected; drop --date-order to use the order the file shows.',
        },
      };
    }
    return { framing, layout };
  }
  if (!inference.ok) {
    return {
      framing,
      layout: LAYOUTS.dmy,
      undecided: new SourceFailure(
        'WHATSAPP_DATE_ORDER_AMBIGUOUS',
        inference.message,
        undefined,
        'Re-run with --date-order dmy or --date-order mdy',
      ),
    };
  }
  return { framing, layout: inference.layout, ...(inference.warn ? { warn: inference.warn } : {}) };
}

/** True when two decisions read the file alike and say the same. */
export function sameDecision(a: Decision, b: Decision): boolean {
  return (
    a.framing === b.framing &&
    a.layout.y === b.layout.y &&
    a.layout.m === b.layout.m &&
    a.layout.d === b.layout.d &&
    a.undecided?.message === b.undecided?.message &&
    a.warn?.code === b.warn?.code &&
    a.warn?.message === b.warn?.message
  );
}

/** The failure for a file without a single header. */
export function noMessages(): SourceFailure {
  return new SourceFailure(
    'WHATSAPP_NO_MESSAGES',
    'No line of the file is a WhatsApp message header ("12/07/2023, 22:35 - Name: text" or "[12/07/2023, 22:35:10] Name: text").',
    undefined,
    'Check that this is the .txt file from WhatsApp "Export chat"; other layouts are not supported.',
  );
}

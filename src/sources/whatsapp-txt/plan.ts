/**
 * How the second pass reads a chat, decided from the header dates of the whole file: the framing most headers
 * use, then the date shape (separator and year position) of the first of those, unless another shape has more
 * than twice as many — every export writes one framing and one shape, and starts with a header of its own; a header written otherwise is text pasted into a message (an ISO-dated log line), read as part
 * of the message before it with a warning (messages.ts) — and the day/month order: the file's evidence
 * (date-order.ts), or the `--date-order` option where the file cannot tell, with the warnings either calls for.
 */
import type { DateOrder } from '../source.js';
import { SourceFailure } from '../source.js';
import { type DateStats, LAYOUTS, type Layout, SHAPES } from './date-order.js';
import type { HeaderDates } from './first-pass.js';
import { Framing } from './scan.js';

/** A warning to give before reading the messages. */
export interface PlanWarning {
  readonly code: string;
  /** The line the warning is about, if one. */
  readonly locator?: number;
  readonly message: string;
  readonly hint: string;
}

export interface Decision {
  readonly framing: Framing;
  /** The date shape of the file's headers (`dateShape`); a header of another shape is not one of its messages. */
  readonly shape: number;
  /** The first header of that framing and shape: its line and date as written (how the file writes dates). */
  readonly example: { readonly line: number; readonly text: string };
  readonly layout: Layout;
  /**
   * Set when nothing decides the day/month order: why, for the records that need a date, which are rejected
   * (a file of notices needs none), and for the failure thrown once the file is read (messages.ts).
   */
  readonly undecided?: SourceFailure;
  readonly warns: readonly PlanWarning[];
}

/**
 * The decision for these header dates; undefined when the file has no header at all. `path` names the file in
 * the warning that the option was not applied.
 */
export function decide(
  dates: HeaderDates,
  forced: DateOrder | undefined,
  path: string,
): Decision | undefined {
  let framing: Framing = Framing.Bracket;
  for (const f of [Framing.Dash, Framing.Colon, Framing.Bare]) {
    if (dates.headers(f) > dates.headers(framing)) framing = f;
  }
  if (dates.headers(framing) === 0) return undefined;
  // The shape of the file's first header: an export starts with one of its own (a message or the encryption
  // notice), so a shape that outnumbers it only a little is pasted text (a router log longer than the chat
  // quoting it). Only a shape with more than twice as many headers is taken instead (the first header then
  // being the pasted one); of several, the most common.
  let shape = -1;
  let stats: DateStats | undefined;
  for (let k = 0; k < SHAPES; k++) {
    const s = dates.of(framing, k);
    if (s.headers > 0 && (stats === undefined || s.firstLine < stats.firstLine)) {
      shape = k;
      stats = s;
    }
  }
  const first = stats!;
  for (let k = 0; k < SHAPES; k++) {
    const s = dates.of(framing, k);
    if (s.headers > 2 * first.headers && s.headers > stats!.headers) {
      shape = k;
      stats = s;
    }
  }
  const base = { framing, shape, example: { line: stats!.firstLine, text: stats!.firstText } };
  const warns: PlanWarning[] = [];
  const inference = stats!.infer();
  if (forced !== undefined) {
    const layout = LAYOUTS[forced];
    const against = stats!.contradicts(layout);
    // The option is for files that cannot tell: one whose own dates prove their order keeps it.
    if (against === undefined) return { ...base, layout, warns };
    warns.push({
      code: 'WHATSAPP_DATE_ORDER_NOT_APPLIED',
      locator: against.line,
      message: `--date-order ${forced} was not applied to ${path}: its dates such as ${against.text} (line ${against.line}) ${against.shows}.`,
      // A file that disproves the option may still not show its own day/month order (`5/6/24` is not year-first,
      // but may be 5 June or 6 May): then the records that need a date are rejected as for any undecided file.
      hint: inference.ok
        ? `The order the file's own dates show is used; --date-order applies only to a file whose dates could be read either way.`
        : `Nor do its dates show whether the day or the month comes first: re-run with --date-order dmy or --date-order mdy.`,
    });
  }
  if (!inference.ok) {
    return {
      ...base,
      layout: LAYOUTS.dmy,
      undecided: new SourceFailure(
        'WHATSAPP_DATE_ORDER_AMBIGUOUS',
        inference.message,
        undefined,
        'Re-run with --date-order dmy or --date-order mdy',
      ),
      warns,
    };
  }
  if (inference.warn) warns.push(inference.warn);
  return { ...base, layout: inference.layout, warns };
}

/** True when two decisions read the file alike and say the same. */
export function sameDecision(a: Decision, b: Decision): boolean {
  return (
    a.framing === b.framing &&
    a.shape === b.shape &&
    a.example.line === b.example.line &&
    a.layout.y === b.layout.y &&
    a.layout.m === b.layout.m &&
    a.layout.d === b.layout.d &&
    a.undecided?.message === b.undecided?.message &&
    a.warns.length === b.warns.length &&
    a.warns.every(
      (w, i) =>
        w.code === b.warns[i]!.code && w.locator === b.warns[i]!.locator && w.message === b.warns[i]!.message,
    )
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

/**
 * How the second pass reads a chat, decided from the header dates of the whole file: the framing most headers
 * use, then the date shape (separator and year position) of the first of those, unless another shape has more
 * than twice as many — every export writes one framing and one shape, and starts with a header of its own; a
 * header written otherwise is text pasted into a message (an ISO-dated log line), read as part of the message
 * before it with a warning (messages.ts) — and the day/month order: the `--date-order` option when
 * given (it always decides: a header it cannot be read in is rejected with its line, never read another way), else
 * the file's evidence (date-order.ts), with the warnings a guess calls for.
 */

import { EITHER_ORDER } from '../date-order-option.js';
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
  /** Set when the layout is the one `--date-order` names: a header it cannot read is rejected saying so. */
  readonly forced?: boolean;
  /**
   * Set when nothing decides the day/month order: why, for the records that need a date, which are rejected
   * (a file of notices needs none), and for the failure thrown once the file is read (messages.ts).
   */
  readonly undecided?: SourceFailure;
  readonly warns: readonly PlanWarning[];
}

/**
 * The decision for these header dates; undefined when the file has no header at all. `path` names the file in
 * the lines an undecided order's message quotes.
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
  // The option is the person's word on the order of the day and the month: it wins over any date of the file.
  // A year written with four digits shows its own place, which no option moves: `2024-03-14` is year-first
  // under --date-order dmy too (one option for a folder of diaries and chats must not void an ISO-dated chat),
  // and `14/03/2024` under --date-order ymd keeps the order its own dates show.
  const yearAt = stats!.fourDigitYear();
  if (forced !== undefined && yearAt === 0 && LAYOUTS[forced].y !== 0) {
    return { ...base, layout: LAYOUTS.ymd, forced: true, warns };
  }
  if (forced !== undefined && !(yearAt === 2 && LAYOUTS[forced].y === 0)) {
    return { ...base, layout: LAYOUTS[forced], forced: true, warns };
  }
  if (forced !== undefined) {
    warns.push({
      code: 'WHATSAPP_DATE_ORDER_YEAR_LAST',
      locator: base.example.line,
      message: `--date-order ${forced} was not applied to ${path}: its dates write the year last, with four digits (${base.example.text}, line ${base.example.line})`,
      hint: `The order of the day and the month is taken from the file; for it, re-run with ${EITHER_ORDER}`,
    });
  }
  const inference = stats!.infer(path);
  if (!inference.ok) {
    return {
      ...base,
      layout: LAYOUTS.dmy,
      undecided: new SourceFailure(
        'WHATSAPP_DATE_ORDER_AMBIGUOUS',
        inference.message,
        undefined,
        `Re-run with ${EITHER_ORDER}`,
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
    a.forced === b.forced &&
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

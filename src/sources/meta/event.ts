/** Building Meta events with a stable key order, so goldens and JSON output read the same way every time. */
import type { Kind, ParsedEvent } from '../../model/index.js';

/** Everything of an event but its kind. */
export type EventBase = Omit<ParsedEvent, 'kind'>;

/** The event `base` as `kind`, with `extra` fields (call, flags) added. */
export function withKind(base: EventBase, kind: Kind, extra: Partial<ParsedEvent> = {}): ParsedEvent {
  const { locator, time, channel, direction, ...rest } = base;
  return { locator, time, channel, kind, direction, ...rest, ...extra };
}

/** What a Meta record says of itself; `details` only count when they hold something. */
export interface RecordFields {
  readonly locator: string;
  readonly time: ParsedEvent['time'];
  readonly channel: ParsedEvent['channel'];
  readonly sender: string | undefined;
  readonly text: string | undefined;
  readonly conversation: string | undefined;
  readonly details?: Record<string, string> | undefined;
}

/**
 * The event base of a Meta record: direction `unknown` (an export names people, never which of them is the
 * account's side of the case), and `sender`, `text`, `conversation` and `details` only when present.
 */
export function eventBase(r: RecordFields): EventBase {
  return {
    locator: r.locator,
    time: r.time,
    channel: r.channel,
    direction: 'unknown',
    ...(r.sender !== undefined ? { sender: { name: r.sender } } : {}),
    ...(r.text !== undefined ? { text: r.text } : {}),
    ...(r.conversation !== undefined ? { conversation: r.conversation } : {}),
    ...(r.details !== undefined && Object.keys(r.details).length > 0 ? { details: r.details } : {}),
  };
}

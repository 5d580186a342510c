/** Building Meta events with a stable key order, so goldens and JSON output read the same way every time. */
import type { Kind, ParsedEvent } from '../../model/index.js';

/** Everything of an event but its kind. */
export type EventBase = Omit<ParsedEvent, 'kind'>;

/** The event `base` as `kind`, with `extra` fields (call, flags) added. */
export function withKind(base: EventBase, kind: Kind, extra: Partial<ParsedEvent> = {}): ParsedEvent {
  const { locator, time, channel, direction, ...rest } = base;
  return { locator, time, channel, kind, direction, ...rest, ...extra };
}

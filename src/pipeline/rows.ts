/** Timeline events as output rows: every event with its instant, local time, sender and provenance. */
import type { TimelineRow } from '../model/index.js';
import { keyValue } from '../timeline/identities.js';
import { eventId, locatorText } from '../timeline/ids.js';
import type { Timeline } from './index.js';

export function* timelineRows(t: Timeline, incidentsOnly: boolean): Generator<TimelineRow> {
  for (const e of t.events) {
    if (incidentsOnly && !e.incident) continue;
    const input = t.inputs[e.input]!;
    const sender = e.sender ? (e.sender.id ?? e.sender.name ?? null) : null;
    const seconds = e.call?.durationSec;
    yield {
      id: eventId(input.sha256, e.locator),
      utc: new Date(e.ms).toISOString(),
      local: t.zone.localText(e.ms, e.precision),
      precision: e.precision,
      channel: e.channel,
      kind: e.kind,
      callStatus: e.call?.status ?? null,
      direction: e.direction,
      sender,
      senderResolved: e.senderKey === undefined ? null : keyValue(e.senderKey),
      role: e.role ?? null,
      incident: e.incident,
      text: e.text ?? null,
      file: input.path,
      sha256: input.sha256,
      locator: locatorText(e.locator),
      flags: (e.flags ?? []).join(' '),
      details: e.details ?? null,
      // Last, as in the CSV header (timeline-columns.ts); a length no call can have is unknown, not shown.
      callDurationSec: seconds !== undefined && seconds >= 0 ? seconds : null,
    };
  }
}

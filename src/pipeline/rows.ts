/**
 * Timeline events as output rows: every event with its instant, local time, sender and provenance, and for an
 * incident the lexicon categories its text matches (the report's content counts, traceable row by row).
 */
import { lexiconTagger } from '../analysis/escalation/content.js';
import type { CaseFile, TimelineRow } from '../model/index.js';
import { keyValue } from '../timeline/identities.js';
import { eventId, locatorText } from '../timeline/ids.js';
import type { Timeline } from './index.js';

/**
 * The rows of `t`'s events (only its incidents when `incidentsOnly`). `lexicon` is the case's (built-in when
 * undefined), as the report searches with it.
 */
export function* timelineRows(
  t: Timeline,
  incidentsOnly: boolean,
  lexicon: CaseFile['lexicon'],
): Generator<TimelineRow> {
  const tag = lexiconTagger(lexicon);
  const events = t.events;
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i);
    if (incidentsOnly && !e.incident) continue;
    const input = t.inputs[e.input]!;
    const sender = e.sender ? (e.sender.id ?? e.sender.name ?? null) : null;
    const seconds = e.call?.durationSec;
    // Read once: a stored text is decoded on every read.
    const text = e.text;
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
      text: text ?? null,
      file: input.path,
      sha256: input.sha256,
      locator: locatorText(e.locator),
      flags: (e.flags ?? []).join(' '),
      details: e.details ?? null,
      // Last, as in the CSV header (timeline-columns.ts); a length no call can have is unknown, not shown.
      callDurationSec: seconds !== undefined && seconds >= 0 ? seconds : null,
      // Incidents only: the report searches no other text, so a match elsewhere would be counted nowhere.
      lexicon: e.incident ? [...tag(events, i, text)] : [],
    };
  }
}

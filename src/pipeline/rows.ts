/**
 * Timeline events as output rows: every event with its instant, local time, sender and provenance, and for an
 * incident the lexicon categories its text matches (the report's content counts, traceable row by row).
 */
import { lexiconTagger } from '../analysis/escalation/content.js';
import type { CaseFile, TimelineRow } from '../model/index.js';
import { keyValue } from '../timeline/identities.js';
import { eventId, locatorText } from '../timeline/ids.js';
import type { EventList } from '../timeline/list.js';
import type { Timeline } from './index.js';

/**
 * The rows of `t`'s events (only its incidents when `incidentsOnly`). `lexicon` is the case's (built-in when
 * undefined), as the report searches with it. With `withDuplicates` (`timeline --with-duplicates`; `t` read with
 * `everyDuplicate`), each event kept is followed by its duplicates, each a row of its own marked as one, with the
 * file and locator of the copy kept (the row before), and every row has those keys: made from the store as they
 * are written, never gathered. With `incidentsOnly`, the duplicates of the incidents: a duplicate stands for the
 * event kept in its place, and goes where it goes.
 */
export function* timelineRows(
  t: Timeline,
  incidentsOnly: boolean,
  lexicon: CaseFile['lexicon'],
  withDuplicates = false,
): Generator<TimelineRow> {
  const tag = lexiconTagger(lexicon);
  const events = t.events;
  const copies = withDuplicates ? t.duplicates : undefined;
  const row = (list: EventList, i: number): TimelineRow => {
    const e = list.at(i);
    const input = t.inputs[e.input]!;
    const sender = e.sender ? (e.sender.id ?? e.sender.name ?? null) : null;
    const seconds = e.call?.durationSec;
    // Read once: a stored text is decoded on every read.
    const text = e.text;
    return {
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
      lexicon: e.incident ? [...tag(list, i, text)] : [],
    };
  };
  for (let i = 0; i < events.length; i++) {
    if (incidentsOnly && !events.incident(i)) continue;
    const kept = row(events, i);
    if (!withDuplicates) {
      yield kept;
      continue;
    }
    yield { ...kept, duplicate: false, keptFile: null, keptLocator: null, duplicateReason: null };
    if (copies === undefined) continue;
    const [from, to] = copies.of(events.readOrder(i));
    for (let j = from; j < to; j++) {
      yield {
        ...row(copies.list, j),
        duplicate: true,
        keptFile: kept.file,
        keptLocator: kept.locator,
        duplicateReason: copies.reason(j) ?? null,
      };
    }
  }
}

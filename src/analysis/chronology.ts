/**
 * The chronology annex: every incident as one row with its local time, sender, text, source citation and the
 * lexicon categories its text matches (the content counts, traceable row by row).
 * Built only for outputs that show it (HTML, Markdown, JSON with --chronology): a million-incident JSON summary
 * does not need a million rows.
 */
import type { CaseFile, ChronologyRow, InputSummary } from '../model/index.js';
import { cleanName } from '../timeline/identities.js';
import { eventId, locatorText } from '../timeline/ids.js';
import type { EventList } from '../timeline/list.js';
import type { Zone } from '../timeline/zone.js';
import { senderLabel } from './counts.js';
import { lexiconTagger } from './escalation/content.js';

/** The rows of `incidents`; `lexicon` is the case's, which the content analysis searched with. */
export function chronology(
  incidents: EventList,
  inputs: readonly InputSummary[],
  zone: Zone,
  lexicon: CaseFile['lexicon'],
): ChronologyRow[] {
  const tag = lexiconTagger(lexicon);
  return incidents.map((e, i) => {
    const input = inputs[e.input]!;
    const seconds = e.call?.durationSec;
    // Read once: a stored text is decoded on every read.
    const text = e.text;
    return {
      id: eventId(input.sha256, e.locator),
      utc: new Date(e.ms).toISOString(),
      local: zone.localText(e.ms, e.precision),
      channel: e.channel,
      kind: e.kind,
      callStatus: e.call?.status ?? null,
      callDurationSec: seconds !== undefined && seconds >= 0 ? seconds : null,
      sender: senderLabel(e),
      senderName: e.sender?.name === undefined ? null : cleanName(e.sender.name),
      text: text ?? null,
      file: input.path,
      locator: locatorText(e.locator),
      flags: [...(e.flags ?? [])],
      details: e.details ?? null,
      lexicon: [...tag(incidents, i, text)],
    };
  });
}

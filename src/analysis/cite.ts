/**
 * How an incident is cited wherever a figure names one (the escalation analysis, the first and last incident,
 * each identifier's first and last use): its id as in the chronology, its times, channel, file and locator.
 */
import { fileTails } from '../model/cited-file.js';
import type { EventRef } from '../model/escalation.js';
import type { InputSummary, TimelineEvent } from '../model/index.js';
import { timeFlagsOf } from '../model/time-flags.js';
import { eventId, locatorText } from '../timeline/ids.js';
import type { Zone } from '../timeline/zone.js';

/** What citing needs: the inputs (for the file and its SHA-256) and the case zone. */
export interface CiteContext {
  readonly inputs: readonly InputSummary[];
  readonly zone: Zone;
}

/**
 * How precisely a summary writes an incident's local time: the date alone when the record gives no time of day (a
 * diary row of a letter: 00:00 would make up a time), to the minute when it gives minutes (an Android WhatsApp
 * export), else to the second (an SMS backup or an e-mail, which record milliseconds: a phone's call log shows
 * seconds, and the chronology has the milliseconds). Every summary time (a citation, the first and last incident,
 * each identifier's first and last use) follows it, so one incident reads alike wherever it is named.
 */
export function citedPrecision(precision: TimelineEvent['precision']): 'day' | 'min' | 's' {
  return precision === 'day' ? 'day' : precision === 'min' ? 'min' : 's';
}

/** `fileTails` of each list of inputs, worked out once however many incidents cite it. */
const tailsOf = new WeakMap<readonly InputSummary[], Map<string, string>>();

/** The end of `path` that names it among `inputs` alone (model/cited-file.ts). */
function fileTail(inputs: readonly InputSummary[], path: string): string {
  let tails = tailsOf.get(inputs);
  if (!tails) {
    tails = fileTails(inputs.map((i) => i.path));
    tailsOf.set(inputs, tails);
  }
  return tails.get(path) ?? path;
}

/**
 * How an incident is cited; `timeFlags` only when the record has some, so an exact time cites as before. Its
 * `fileTail` names its file among the case's inputs, so that a sentence citing it leads to one input.
 */
export function refOf(ctx: CiteContext, e: TimelineEvent): EventRef {
  const input = ctx.inputs[e.input];
  const timeFlags = timeFlagsOf(e.flags);
  const file = input?.path ?? '';
  return {
    id: eventId(input?.sha256 ?? '', e.locator),
    utc: new Date(e.ms).toISOString(),
    local: ctx.zone.localText(e.ms, citedPrecision(e.precision)),
    ...(timeFlags.length > 0 ? { timeFlags } : {}),
    channel: e.channel,
    file,
    fileTail: fileTail(ctx.inputs, file),
    locator: locatorText(e.locator),
  };
}

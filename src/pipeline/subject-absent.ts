/**
 * Files that count for nothing: inputs whose events come from other people, none from the subject, on a channel
 * where the subject is found in no input while they are found in other inputs. The subject's other account (a
 * WhatsApp chat where they are "Sam" while the case names only their number) then adds no incident, and the
 * accounting table's "kept" column, which counts every event, reads as if it did. One warning per such channel
 * names its files and their senders by count and says how to count one of them as the subject.
 *
 * Exports that come as one file per conversation (Messenger and Instagram threads, one .eml per message) hold
 * many conversations with other people: where the subject is found on the channel, those are ordinary and get no
 * warning, and where not, they are told about once for the channel rather than once a file. A file with the
 * subject among its senders gets none (an SMS backup whose calls are all from others), nor does a file with the
 * victim's records alone, or with no sender at all. A chat of the victim's with someone else is warned about
 * too: the words state what was counted, not that something is wrong.
 */
import { plural, shownOf } from '../model/format.js';
import type { InputSummary, Problem } from '../model/index.js';
import { CHANNELS } from '../model/vocabulary.js';
import { cleanName, keyValue } from '../timeline/identities.js';
import { type EventList, StoreList } from '../timeline/list.js';
import type { Who } from '../timeline/store.js';
import { howToAdd, howToAddOneOf, type NamedIn, whereToName } from './named-in.js';

/** Senders named in each warning. */
const SHOWN = 3;

/** Files named in a channel's warning. */
const FILES_SHOWN = 3;

/** A sender, as the warning names them. */
interface Sender {
  readonly key: string;
  readonly names: Set<string>;
  count: number;
}

/** What one input holds, over its kept events and those dropped as copies of another input's alike. */
interface Held {
  subject: boolean;
  victim: boolean;
  others: boolean;
  /** Events by CHANNELS index. */
  readonly channels: Map<number, number>;
}

/**
 * One warning (`CASE_SUBJECT_NOT_IN_FILE`) for each channel on which the subject is found in no input while
 * some input holds events from senders other than the subject and the victim, naming the inputs without the
 * subject. Call it only when the subject was found in the inputs: when no identifier matched,
 * CASE_SUBJECT_NOT_FOUND already says so for them all. `named` says where the subject was named (with --subject,
 * in the case file), which the hint names.
 */
export function subjectAbsentProblems(
  events: EventList,
  inputs: readonly InputSummary[],
  named: NamedIn,
): Problem[] {
  // One input holds the subject, who was found: nothing to look at, and no walk over a million-event chat.
  if (inputs.length < 2) return [];
  const held = holdings(events);
  let withSubject = 0;
  for (const h of held.values()) if (h.subject) withSubject++;
  // The subject in every file (always so for one file): nothing more to look at.
  if (withSubject >= inputs.length) return [];
  const subjectChannels = new Set<number>();
  for (const h of held.values()) if (h.subject) for (const ch of h.channels.keys()) subjectChannels.add(ch);
  // The files warned about, by their main channel (the one most of their events are on).
  const byChannel = new Map<number, number[]>();
  for (const [input, h] of held) {
    if (h.subject || !h.others) continue;
    if ([...h.channels.keys()].some((ch) => subjectChannels.has(ch))) continue;
    const main = mainChannel(h.channels);
    const files = byChannel.get(main) ?? [];
    byChannel.set(main, files);
    files.push(input);
  }
  if (byChannel.size === 0) return [];
  // Senders by count over the kept events alone, so that a record two files hold counts once.
  const fileOf = new Map<number, number>();
  for (const [ch, files] of byChannel) for (const f of files) fileOf.set(f, ch);
  const senders = new Map<number, Map<string, Sender>>();
  for (let i = 0; i < events.length; i++) {
    const ch = fileOf.get(events.input(i));
    if (ch !== undefined) countSender(senders, ch, events.who(i));
  }
  return [...byChannel]
    .map(([ch, files]) => {
      files.sort((a, b) => a - b);
      const victim = files.some((f) => held.get(f)!.victim);
      const who = [...(senders.get(ch)?.values() ?? [])];
      return channelProblem(
        CHANNELS[ch]!,
        files.map((f) => inputs[f]!),
        who,
        victim,
        named,
      );
    })
    .sort((a, b) => (a.file! < b.file! ? -1 : a.file! > b.file! ? 1 : 0));
}

function countSender(senders: Map<number, Map<string, Sender>>, ch: number, who: Who): void {
  // An event without a sender (a withheld number, a notice) is nobody's, so it neither is nor names anyone.
  if (who.role === 'subject' || who.role === 'victim' || who.key === undefined) return;
  const of = senders.get(ch) ?? new Map<string, Sender>();
  senders.set(ch, of);
  const s = of.get(who.key) ?? { key: who.key, names: new Set<string>(), count: 0 };
  of.set(who.key, s);
  s.count++;
  if (who.sender?.name !== undefined) s.names.add(cleanName(who.sender.name));
}

/** The channel most of a file's events are on; of two as many, the first in CHANNELS. */
function mainChannel(channels: Map<number, number>): number {
  let best = -1;
  let most = -1;
  for (const [ch, n] of channels) {
    if (n > most || (n === most && ch < best)) {
      best = ch;
      most = n;
    }
  }
  return best;
}

/**
 * What each input holds, counting the events dropped as copies of another input's: a later SMS backup whose texts
 * from the subject all fall in its overlap with an earlier one still holds them, though the copies kept are the
 * earlier file's, and the same goes for the victim's. Events a source read and then read again (`restart` in
 * ingest.ts) are in the store twice; for what an input holds, that does not matter.
 */
function holdings(events: EventList): Map<number, Held> {
  const out = new Map<number, Held>();
  const add = (input: number, who: Who, channel: number): void => {
    let h = out.get(input);
    if (h === undefined) {
      h = { subject: false, victim: false, others: false, channels: new Map() };
      out.set(input, h);
    }
    h.channels.set(channel, (h.channels.get(channel) ?? 0) + 1);
    if (who.role === 'subject') h.subject = true;
    else if (who.role === 'victim') h.victim = true;
    else if (who.key !== undefined) h.others = true;
  };
  if (events instanceof StoreList) {
    const store = events.store;
    const runs = store.inputRuns();
    for (let r = 0; r < runs.length; r++) {
      const [start, input] = runs[r]!;
      const end = r + 1 < runs.length ? runs[r + 1]![0] : store.length;
      for (let k = start; k < end; k++) add(input, store.who(k), store.channelIndex(k));
    }
    return out;
  }
  // A list of plain events (tests) holds the kept events alone.
  for (let i = 0; i < events.length; i++) add(events.input(i), events.who(i), events.channelIndex(i));
  return out;
}

function channelProblem(
  channel: string,
  files: InputSummary[],
  senders: Sender[],
  hasVictim: boolean,
  named: NamedIn,
): Problem {
  senders.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const listed = shownOf(senders.length, SHOWN);
  const shown = senders
    .slice(0, listed)
    .map((s) => `${senderLabel(s)}: ${s.count}`)
    .join('; ');
  const more = senders.length > listed ? `, and ${senders.length - listed} more` : '';
  const first = files[0]!;
  const partly = files.some((f) => f.incomplete)
    ? ` ${files.length === 1 ? 'The file was' : 'Some of these files were'} read in part: the senders of records not read as events were not compared; ${files.length === 1 ? 'its' : 'their'} errors say why.`
    : '';
  // Every record from others may be a copy kept from another file (on another channel): then none is listed.
  const whose =
    senders.length === 0
      ? ''
      : ` ${files.length === 1 ? 'Its' : 'Their'} senders${hasVictim ? ' besides the victim' : ''}, with their records: ${shown}${more}.`;
  let said: string;
  if (files.length === 1) {
    const n = first.events;
    const none =
      n === 1
        ? `The one event in ${first.path} is not`
        : `None of the ${plural(n, 'event')} in ${first.path} is`;
    said = `${none} from the subject, who is found in other files, so this file adds no incident.`;
  } else {
    const named = shownOf(files.length, FILES_SHOWN);
    const list = files
      .slice(0, named)
      .map((f) => f.path)
      .join('; ');
    const rest = files.length > named ? `, and ${files.length - named} more` : '';
    const events = files.reduce((n, f) => n + f.events, 0);
    said = `None of the ${plural(events, 'event')} in the ${files.length} ${channel} files (${list}${rest}) is from the subject, who is found in other files but in no ${channel} file, so these files add no incident.`;
  }
  const one = senders.length === 1;
  const suggested = senders.length > 0 ? suggestion(senders[0]!) : undefined;
  const hint =
    suggested === undefined
      ? `If the subject wrote in these files under another name or number, add it ${whereToName(named)} and run again (chronolog inspect lists every sender). If not, nothing needs doing.`
      : one
        ? `If this sender is the subject, add ${howToAdd(named, suggested)} and run again. If not (a conversation with someone else, say), nothing needs doing.`
        : `If one of them is the subject, add them as written here ${howToAddOneOf(named, suggested)}, and run again. If none of them is (a conversation with someone else, say), nothing needs doing.`;
  return {
    code: 'CASE_SUBJECT_NOT_IN_FILE',
    severity: 'warning',
    file: first.path,
    message: `${said}${whose}${partly}`,
    hint,
  };
}

/** The first name a sender was written with when they are known by name alone, else their number or address. */
function suggestion(s: Sender): string {
  return s.key.startsWith('name:') && s.names.size > 0 ? [...s.names].sort()[0]! : keyValue(s.key);
}

/** "Sam", "+447700900004 (Priya Work)": what to pass to --subject, with any other names it was written with. */
function senderLabel(s: Sender): string {
  const label = suggestion(s);
  const others = [...s.names].filter((n) => n !== label).sort();
  return others.length > 0 ? `${label} (${others.join(', ')})` : label;
}

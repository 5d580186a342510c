/**
 * Files that count for nothing: an input whose events come from other people, none from the subject, while the
 * subject is found in other inputs. The subject's other account (a WhatsApp chat where they are "Sam" while the
 * case names only their number) then adds no incident, and the accounting table's "kept" column, which counts
 * every event, reads as if it did. One warning per such file names its senders by count and says how to count
 * one of them as the subject. A file with the victim's records alone, or with no sender at all, gets none, and
 * so does a file where the subject is among many senders (an SMS backup). A chat of the victim's with someone
 * else is warned about too: the words state what was counted, not that something is wrong.
 */
import { plural, shownOf } from '../model/format.js';
import type { InputSummary, Problem } from '../model/index.js';
import { cleanName, keyValue } from '../timeline/identities.js';
import { type EventList, StoreList } from '../timeline/list.js';

/** Senders named in each file's warning. */
const SHOWN = 3;

/** A sender of one file, as the warning names them. */
interface FileSender {
  readonly key: string;
  readonly names: Set<string>;
  count: number;
}

/**
 * One warning (`CASE_SUBJECT_NOT_IN_FILE`) for each input with events from senders other than the subject and
 * the victim and none from the subject. Call it only when the subject was found in the inputs: when no
 * identifier matched, CASE_SUBJECT_NOT_FOUND already says so for them all.
 */
export function subjectAbsentProblems(events: EventList, inputs: readonly InputSummary[]): Problem[] {
  const withSubject = inputsWithSubject(events);
  // The subject in every file (always so for one file): no walk over the events is needed.
  if (withSubject.size >= inputs.length) return [];
  const senders = new Map<number, Map<string, FileSender>>();
  const withVictim = new Set<number>();
  for (let i = 0; i < events.length; i++) {
    const who = events.who(i);
    if (who.role === 'subject') continue;
    const input = events.input(i);
    if (who.role === 'victim') {
      withVictim.add(input);
      continue;
    }
    // An event without a sender (a withheld number, a notice) is nobody's, so it neither is nor names anyone.
    if (who.key === undefined || withSubject.has(input)) continue;
    const file = senders.get(input) ?? new Map<string, FileSender>();
    senders.set(input, file);
    const s = file.get(who.key) ?? { key: who.key, names: new Set<string>(), count: 0 };
    file.set(who.key, s);
    s.count++;
    if (who.sender?.name !== undefined) s.names.add(cleanName(who.sender.name));
  }
  return [...senders]
    .sort(([a], [b]) => a - b)
    .map(([k, file]) => fileProblem(inputs[k]!, [...file.values()], withVictim.has(k)));
}

/**
 * The inputs that hold an event from the subject, counting the events dropped as copies of another input's:
 * a later SMS backup whose texts from the subject all fall in its overlap with an earlier one still holds them,
 * though the copies kept are the earlier file's. Events a source read and then read again (`restart` in ingest.ts)
 * are in the store twice; for whether an input holds one, that does not matter.
 */
function inputsWithSubject(events: EventList): Set<number> {
  const out = new Set<number>();
  if (events instanceof StoreList) {
    const store = events.store;
    const runs = store.inputRuns();
    for (let r = 0; r < runs.length; r++) {
      const [start, input] = runs[r]!;
      if (out.has(input)) continue;
      const end = r + 1 < runs.length ? runs[r + 1]![0] : store.length;
      for (let k = start; k < end; k++) {
        if (store.who(k).role === 'subject') {
          out.add(input);
          break;
        }
      }
    }
    return out;
  }
  // A list of plain events (tests) holds the kept events alone.
  for (let i = 0; i < events.length; i++) if (events.who(i).role === 'subject') out.add(events.input(i));
  return out;
}

function fileProblem(input: InputSummary, senders: FileSender[], hasVictim: boolean): Problem {
  senders.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const listed = shownOf(senders.length, SHOWN);
  const shown = senders
    .slice(0, listed)
    .map((s) => `${senderLabel(s)}: ${s.count}`)
    .join('; ');
  const more = senders.length > listed ? `, and ${senders.length - listed} more` : '';
  const n = input.events;
  const none =
    n === 1
      ? `The one event in ${input.path} is not`
      : `None of the ${plural(n, 'event')} in ${input.path} is`;
  const partly = input.incomplete
    ? ' The file was read in part: the senders of records not read as events were not compared; its errors say why.'
    : '';
  const one = senders.length === 1;
  const first = suggestion(senders[0]!);
  return {
    code: 'CASE_SUBJECT_NOT_IN_FILE',
    severity: 'warning',
    file: input.path,
    message: `${none} from the subject, who is found in other files, so this file adds no incident. ${hasVictim ? 'Its senders besides the victim' : 'Its senders'}, with their records: ${shown}${more}.${partly}`,
    hint: one
      ? `If this sender is the subject, add --subject "${first}" (or "${first}" to the subject's identifiers in the case file) and run again. If not (a conversation with someone else, say), nothing needs doing.`
      : `If one of them is the subject, add them as written here with --subject (such as --subject "${first}") or to the subject's identifiers in the case file, and run again. If none of them is (a conversation with someone else, say), nothing needs doing.`,
  };
}

/** The first name a sender was written with when they are known by name alone, else their number or address. */
function suggestion(s: FileSender): string {
  return s.key.startsWith('name:') && s.names.size > 0 ? [...s.names].sort()[0]! : keyValue(s.key);
}

/** "Sam", "+447700900004 (Priya Work)": what to pass to --subject, with any other names it was written with. */
function senderLabel(s: FileSender): string {
  const label = suggestion(s);
  const others = [...s.names].filter((n) => n !== label).sort();
  return others.length > 0 ? `${label} (${others.join(', ')})` : label;
}

/**
 * De-duplication across overlapping exports, on multisets.
 *
 * The same record found in two inputs (two overlapping SMS backups, a WhatsApp .txt and the .zip of the same
 * chat) counts once, but identical records inside one export all count: five "Answer me" texts sent within one
 * minute are five incidents, and if two overlapping backups both hold those five they are still five.
 *
 * Rule: inputs read whole are taken before inputs read only in part or damaged (a zip member that failed its CRC-32
 * check, a file whose reading stopped), then in order of the time precision their records have (the finest any of
 * its records has: milliseconds, seconds, minutes, days), then in their stable order (sorted path). For each
 * fingerprint, an input's first k occurrences are duplicates when inputs taken before it already held k copies;
 * the rest are new. The kept total per fingerprint is therefore the largest count any single input holds, never
 * the sum, and the copy kept is from an intact input when one holds it (an intact file's bytes are what was
 * exported; a damaged member's may be garbled anywhere), and then the most precise one: a Messenger JSON copy (to
 * the millisecond) over its HTML copy (to the minute), whichever file name sorts first. Records only a damaged
 * input holds are still kept, from it (they are evidence, and the input is reported as incomplete).
 *
 * A damaged copy whose text was garbled ("Tyesday" for "Tuesday") has another fingerprint and is kept beside the
 * intact one. Matching it by time, sender and place in the file instead would also merge two exports' genuinely
 * different versions of a message (one exported before it was deleted for everyone or edited, one after), losing
 * the one the damaged copy alone holds; so it is not done.
 *
 * Fingerprints: the platform's own id (Message-ID, snowflake) when a record has one, and always its content:
 * channel, kind, direction, sender, the UTC minute, call outcome, and the text with whitespace folded. The sender
 * is the case party it resolved to when that is the subject or the victim, else its own key (`senderCompared`): a
 * chat exported as "Sam" and again, after the contact was renamed, as "Sam Carter", both names the subject's in
 * the case, holds the same messages; two senders the case does not name are never one. The minute
 * (not the second) makes a minute-precision copy match a second-precision one. Copies are compared by that minute
 * unless every copy of the content, in every input, has one and the same precision finer than a minute (all to the
 * millisecond, or all to the second): they are then compared at that precision (`ContentKeys`). One precision is
 * one kind of export, which gives one record one time (an SMS backup's `date`, a Messenger download's
 * `timestamp_ms`), while the same words from the same sender 30 seconds apart, in two threads, are two messages
 * (merged before). Copies of mixed precision (Messenger JSON and HTML, an iPhone's and an Android phone's WhatsApp
 * export) are still compared by the minute, as exports round differently. The conversation is not compared: two
 * exports name one chat differently (a file named after the contact, renamed between exports; `_chat.txt` in a
 * zip), and counting a chat exported twice twice would overstate; so the same words from the same sender in the
 * same minute in two chats, where only the minute tells them apart, count once. In an app's export the text of a
 * call, a deleted message or a media message is left out too: it is the app's wording of the record, not the
 * sender's, and differs between copies of one chat (WhatsApp writes one photo "<Media omitted>" in an export
 * without media, "IMG-20240301-WA0001.jpg (file attached)" in one with media and "image omitted" on an iPhone; one
 * missed call "Missed voice call" on Android and "Missed voice call, Tap to call back" on an iPhone; "This message
 * was deleted" with and without a full stop), so comparing it counted every such record of two overlapping exports
 * twice. Kind, sender, minute and call outcome still tell them apart, and on multisets two photos sent in one
 * minute stay two. In an input written by hand (a diary, `ownWords`) every text is the writer's own account, a
 * call's too ("Rang and threatened to burn the car"): it is compared, so two diaries' different accounts of a call
 * in one minute are two events, while the same row in two copies of one diary is still one.
 * A call's duration is left out:
 * exports write it at different resolutions (DiscordChatExporter's JSON to the millisecond, its CSV only as
 * "lasted 13 minutes"), and the start minute, sender and outcome already tell one call from another.
 * Two records that both carry ids are compared by id only (two messages with the same words and different ids
 * are two messages). When one side has no id (a DiscordChatExporter CSV beside its JSON, which has ids), the
 * content decides: an id-less record is compared with every earlier record's content, and a record with an
 * unseen id with the content of earlier id-less records.
 *
 * After marking, a deletion placeholder ("This message was deleted") in one export that stands for a message an
 * overlapping export of the same chat still holds as text is marked a duplicate of that message
 * (`pairPlaceholders`, which gives the rule).
 *
 * Which copy a duplicate stands for (the report's `duplicatesAt`) is traced for a few duplicates per input after
 * marking, in dedupe-trace.ts.
 */
import type { TimelineEvent } from '../model/index.js';
import { SKIPPED_AT_FIRST } from '../model/skipped-at.js';
import { KINDS, PRECISIONS } from '../model/vocabulary.js';
import { type LocatedDuplicates, locateDuplicates, type SampledDuplicates } from './dedupe-trace.js';
import type { EventList } from './list.js';

/** The platform-id fingerprint, or undefined when the record has no id. */
export function idFingerprint(e: TimelineEvent): string | undefined {
  return e.nativeId === undefined ? undefined : `${e.channel}\u0000${e.nativeId}`;
}

/**
 * A record's identity for de-duplication: its platform id when it has one, else its content. `ownWords`: the
 * record is from an input written by hand (a diary), whose every text is the writer's own (see above).
 */
export function fingerprint(e: TimelineEvent, ownWords = false, subjectAssumed = false): string {
  const id = idFingerprint(e);
  return id === undefined ? contentFingerprint(e, ownWords, subjectAssumed) : `id\u0000${id}`;
}

/**
 * Kinds whose text, in an app's export, is the app's wording of the record, which copies of one chat write
 * differently (see above). A diary's text for them is the writer's own, and is compared.
 */
const WORDED_BY_APP: ReadonlySet<string> = new Set(['call', 'deleted', 'media']);

/**
 * Who sent a record, as copies are compared: the case party the sender resolved to, when it is the subject or the
 * victim, else the sender's own key. Two exports of one chat may name one contact differently ("Sam" before the
 * victim renamed the contact, "Sam Carter" after) while the case lists both names as the subject's: their
 * copies of one message are then one message. A sender who resolved to no one in the case (`other`) is compared by
 * its own key, so two different people are never one; and when no subject is named (`subjectAssumed`, every
 * sender but the victim counted as the subject, identities.ts) a subject is compared by its own key too, as
 * nothing says two of them are one person. The victim is one person whichever way named (a case identifier, or an
 * export's "You").
 */
export function senderCompared(e: Pick<TimelineEvent, 'role' | 'senderKey'>, subjectAssumed = false): string {
  if (e.role === 'victim') return '\u0001victim';
  if (e.role === 'subject' && !subjectAssumed) return '\u0001subject';
  return e.senderKey ?? '';
}

/**
 * The content fingerprint; `ownWords` as for `fingerprint`; `subjectAssumed` as for `senderCompared`.
 */
export function contentFingerprint(e: TimelineEvent, ownWords = false, subjectAssumed = false): string {
  const minute = Math.floor(e.ms / 60_000);
  const sender = senderCompared(e, subjectAssumed);
  if (e.text === undefined || (!ownWords && WORDED_BY_APP.has(e.kind)))
    return contentKey(e, sender, minute, '');
  const text = e.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return contentKey(e, sender, minute, ownWords ? handWritten(text) : text);
}

/**
 * A hand-written text as compared: case and the punctuation at its end folded, so that a diary saved again after
 * a full stop was added or a capital corrected ("Missed call from Sam" and "missed call from Sam.") still matches
 * its earlier copy. Any other change of words makes another record, as for every text.
 */
function handWritten(text: string): string {
  return text.toLowerCase().replace(/[\s.!?,;:…]+$/u, '');
}

function contentKey(e: TimelineEvent, sender: string, minute: number, text: string): string {
  return [e.channel, e.kind, e.direction, sender, minute, e.call?.status ?? '', text].join('\u0000');
}

/**
 * The keys copies are compared by: their content fingerprint, with their time at their precision when every copy
 * of that content has one and the same precision finer than a minute (see above). Every copy is `note`d first;
 * then `key` gives each its key. Anonymised copies (anonymise/) number their records' classes by the same keys, so
 * that reading such a copy back marks the same duplicates.
 */
export class ContentKeys {
  /** Each content fingerprint's number, in the order first noted. */
  private readonly ids = new Map<string, number>();
  /** Per fingerprint number, the PRECISIONS index all its copies share, or MIXED. */
  private precision = new Int8Array(1024);

  /** `subjectAssumed`: no subject is named, as for `senderCompared`. */
  constructor(private readonly subjectAssumed = false) {}

  /** Notes one copy; returns the number of its content fingerprint. `ownWords` as for `fingerprint`. */
  note(e: TimelineEvent, ownWords = false): number {
    const fp = contentFingerprint(e, ownWords, this.subjectAssumed);
    const p = PRECISIONS.indexOf(e.precision);
    let id = this.ids.get(fp);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(fp, id);
      if (id === this.precision.length) {
        const wider = new Int8Array(id * 2);
        wider.set(this.precision);
        this.precision = wider;
      }
      this.precision[id] = p;
    } else if (this.precision[id] !== p) this.precision[id] = MIXED;
    return id;
  }

  /** `fingerprint(e, ownWords)`, its content part keyed as `key` keys it; `e` must have been noted. */
  fingerprint(e: TimelineEvent, ownWords = false): string {
    const id = idFingerprint(e);
    return id === undefined ? this.contentKey(e, ownWords) : `id\u0000${id}`;
  }

  /** The content part of `fingerprint`, whether or not `e` has an id; `e` must have been noted. */
  contentKey(e: TimelineEvent, ownWords = false): string {
    const content = this.ids.get(contentFingerprint(e, ownWords, this.subjectAssumed));
    if (content === undefined) throw new Error('ContentKeys.contentKey: the copy was not noted');
    return `c${this.key(content, e)}`;
  }

  /**
   * The key of copy `e`, whose fingerprint's number (`note`) is `id`: the number itself for copies compared by
   * the minute (the fingerprint holds it), else the number with the copy's time within that minute. Small keys:
   * the fingerprints themselves, with the text, are long strings to hash again.
   */
  key(id: number, e: TimelineEvent): number {
    const p = this.precision[id];
    if (p !== MS && p !== SECOND) return id;
    // Negative, so as not to meet a number of the first kind: −(1 + id × 60,000 + the milliseconds into the
    // minute, to the second for copies all to the second). Exact as a double for any number of fingerprints.
    const into = e.ms - Math.floor(e.ms / 60_000) * 60_000;
    return -(1 + id * 60_000 + (p === MS ? into : Math.floor(into / 1000) * 1000));
  }
}

/**
 * The classes an anonymised copy numbers its records by (`dedupe`): reading the copy back compares those numbers
 * alone, so they must join what `markDuplicates` compares. In a channel where some record has no id, a record
 * with one is a copy of an earlier record with its id or of an earlier id-less record with its content: its id and
 * its content are one class here (a DiscordChatExporter JSON beside its CSV). Two records with different ids and
 * the same content in such a channel are then one class too, which `markDuplicates` keeps apart: rare, as their
 * times must agree as well. Use: `note` every record, then `link` every record, then `of`.
 */
export class CopyClasses {
  private readonly keys: ContentKeys;
  /** Channels where some record has no id. */
  private readonly idless = new Set<string>();
  /** Union-find over keys: each key's parent, a key absent being its own root. */
  private readonly parent = new Map<string, string>();

  /** `subjectAssumed`: no subject is named, as for `senderCompared`; as the original's marking was given it. */
  constructor(subjectAssumed = false) {
    this.keys = new ContentKeys(subjectAssumed);
  }

  note(e: TimelineEvent, ownWords = false): void {
    this.keys.note(e, ownWords);
    if (e.nativeId === undefined) this.idless.add(e.channel);
  }

  link(e: TimelineEvent, ownWords = false): void {
    if (e.nativeId === undefined || !this.idless.has(e.channel)) return;
    const a = this.root(this.keys.fingerprint(e, ownWords));
    const b = this.root(this.keys.contentKey(e, ownWords));
    // The smaller key is the root, whichever order the records come in.
    if (a < b) this.parent.set(b, a);
    else if (b < a) this.parent.set(a, b);
  }

  /** The class of record `e`: the same string for records reading the copy back must compare as one. */
  of(e: TimelineEvent, ownWords = false): string {
    return this.root(this.keys.fingerprint(e, ownWords));
  }

  private root(key: string): string {
    let r = key;
    for (let up = this.parent.get(r); up !== undefined; up = this.parent.get(r)) r = up;
    // Path compression: the keys on the way point at the root.
    for (let k = key, up = this.parent.get(k); up !== undefined && up !== r; up = this.parent.get(k)) {
      this.parent.set(k, r);
      k = up;
    }
    return r;
  }
}

const MS = PRECISIONS.indexOf('ms');
const SECOND = PRECISIONS.indexOf('s');
const MIXED = -1;

/** `Seen.heldBy`: earlier inputs did not hold the count. */
const NOT_HELD = -1;
/** `Seen.heldBy`, untraced: earlier inputs held the count (which copy made it is not kept). */
const HELD = -2;

/** Per fingerprint, the most copies any one earlier input held. */
class Seen {
  private readonly most = new Map<string | number, number>();
  private current = new Map<string | number, number>();
  /**
   * Traced only (dedupe-trace.ts): per fingerprint, the position of the copy whose counting first reached each
   * count, reachedBy[n − 1] for count n, in the order inputs are compared: the n-th copies that count as new.
   */
  /**
   * A fingerprint reached only once (nearly every one) holds its position as a number, not in an array: traced
   * over every record (`timeline --with-duplicates`), an array each costs tens of bytes a record more.
   */
  private readonly reachedBy: Map<string | number, number | number[]> | undefined;
  constructor(traced: boolean) {
    this.reachedBy = traced ? new Map() : undefined;
  }
  /** Counts copy `i`, one more in the input being read; returns how many it has now. */
  count(fp: string | number, i: number): number {
    const n = (this.current.get(fp) ?? 0) + 1;
    this.current.set(fp, n);
    if (this.reachedBy !== undefined && n > (this.most.get(fp) ?? 0)) {
      const at = this.reachedBy.get(fp);
      if (at === undefined) this.reachedBy.set(fp, i);
      else if (typeof at === 'number') this.reachedBy.set(fp, [at, i]);
      else at[n - 1] = i;
    }
    return n;
  }
  /**
   * NOT_HELD when earlier inputs held fewer than n copies of `fp`; else, traced, the position of the copy that
   * first reached count n (the copy a duplicate counted n-th stands for directly), untraced HELD.
   */
  heldBy(fp: string | number, n: number): number {
    if (n > (this.most.get(fp) ?? 0)) return NOT_HELD;
    const at = this.reachedBy?.get(fp);
    if (typeof at === 'number') return n === 1 ? at : HELD;
    return at?.[n - 1] ?? HELD;
  }
  /** Closes the input being read. */
  close(): void {
    for (const [fp, n] of this.current) if (n > (this.most.get(fp) ?? 0)) this.most.set(fp, n);
    this.current = new Map();
  }
}

/** What marking compares, worked out once for the list (`markDuplicates`). */
export interface Comparison {
  readonly events: EventList;
  /** Channels two or more inputs have records in. */
  readonly shared: ReadonlySet<string>;
  /** Shared channels where some record has no id: contents are compared there. */
  readonly withoutId: ReadonlySet<string>;
  readonly keys: ContentKeys;
  /** Per position, the number of its content fingerprint (`ContentKeys.note`), in `withoutId` channels. */
  readonly contents: Int32Array;
  /** The inputs' runs of positions, in the order they are compared (`inputsInComparisonOrder`). */
  readonly groups: readonly [number, number, number][];
}

/**
 * The marking rule (see above), one copy at a time in comparison order. `traced` (dedupe-trace.ts): its counts
 * keep which copy first reached each count, and `heldBy` says which copy a duplicate stands for directly.
 */
export class Marker {
  private readonly byId: Seen;
  private readonly byContent: Seen;
  private readonly byContentWithoutId: Seen;

  constructor(
    private readonly c: Comparison,
    traced: boolean,
  ) {
    this.byId = new Seen(traced);
    this.byContent = new Seen(traced);
    this.byContentWithoutId = new Seen(traced);
  }

  /** Starts the next input. */
  close(): void {
    for (const s of [this.byId, this.byContent, this.byContentWithoutId]) s.close();
  }

  /** Whether copy i duplicates a copy of an input compared before its own. */
  mark(i: number): boolean {
    return this.heldBy(i) !== NOT_HELD;
  }

  /**
   * Counts copy i, as `mark`: NOT_HELD (negative) when it is new; else, traced, the position of the copy it
   * stands for directly (the one that first reached the count it is held by), untraced another negative number.
   */
  heldBy(i: number): number {
    const e = this.c.events.at(i);
    if (!this.c.shared.has(e.channel)) return NOT_HELD;
    const id = idFingerprint(e);
    if (id !== undefined && !this.c.withoutId.has(e.channel))
      return this.byId.heldBy(id, this.byId.count(id, i));
    const content = this.c.keys.key(this.c.contents[i]!, e);
    const nContent = this.byContent.count(content, i);
    if (id === undefined) {
      this.byContentWithoutId.count(content, i);
      return this.byContent.heldBy(content, nContent);
    }
    const byId = this.byId.heldBy(id, this.byId.count(id, i));
    return byId !== NOT_HELD ? byId : this.byContentWithoutId.heldBy(content, nContent);
  }
}

export interface Duplicates {
  /** A parallel array: 1 where the event duplicates one from an input taken before it. */
  readonly dup: Uint8Array;
  /**
   * Deletion placeholders marked as duplicates of a message another export still holds (`pairPlaceholders`):
   * each placeholder's position with the position of the message kept in its place.
   */
  readonly placeholders: ReadonlyMap<number, number>;
  /** Per input with duplicates (by input number), its first few and its last, with the copies kept. */
  readonly located: ReadonlyMap<number, LocatedDuplicates>;
  /**
   * Asked for only (`everyCopy`, `timeline --with-duplicates`): a parallel array, for each duplicate the position of
   * the copy kept in its place (−1 for an event kept, and for a duplicate whose copy kept was not found, which the
   * reasoning of dedupe-trace.ts `directCopies` rules out). Four bytes an event, no event copied.
   */
  readonly keptOf?: Int32Array;
}

/**
 * Marks duplicates. `events` must be grouped by input in input order, each input's events in emission order;
 * `incomplete(input)` tells an input that was damaged or read only in part, `ownWords(input)` one written by hand
 * (a diary), whose texts of calls and media are the writer's own and compared; `subjectAssumed` says no subject
 * is named (`senderCompared`); `everyCopy` asks for the copy kept of every duplicate (`keptOf`). For each input with duplicates,
 * its first `firstCount` duplicates and its last are located with the copy kept in their place (`located`): only
 * those are traced (dedupe-trace.ts), so a million duplicates cost no more than the marks.
 */
export function markDuplicates(
  events: EventList,
  incomplete: (input: number) => boolean = () => false,
  ownWords: (input: number) => boolean = () => false,
  firstCount = SKIPPED_AT_FIRST,
  subjectAssumed = false,
  everyCopy = false,
): Duplicates {
  const dup = new Uint8Array(events.length);
  const none = {
    dup,
    located: new Map<number, LocatedDuplicates>(),
    placeholders: new Map<number, number>(),
  };
  // Events are grouped by input, so one input means nothing to compare with.
  if (events.length === 0 || events.at(0).input === events.at(events.length - 1).input) return none;
  // Only channels present in two or more inputs can hold duplicates: skip the hashing work otherwise.
  const inputsPerChannel = new Map<string, Set<number>>();
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i);
    const s = inputsPerChannel.get(e.channel) ?? new Set<number>();
    s.add(e.input);
    inputsPerChannel.set(e.channel, s);
  }
  const shared = new Set([...inputsPerChannel].filter(([, s]) => s.size > 1).map(([c]) => c));
  if (shared.size === 0) return none;
  // Contents are compared only in channels where some record has no id: where every record carries one, the id
  // alone decides, and the content fingerprint (text normalised and folded) is not worth making.
  const withoutId = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i);
    if (shared.has(e.channel) && e.nativeId === undefined) withoutId.add(e.channel);
  }

  // Every copy's content is noted before any is compared: the precision all copies share sets the keys.
  const keys = new ContentKeys(subjectAssumed);
  const contents = new Int32Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i);
    if (withoutId.has(e.channel)) contents[i] = keys.note(e, ownWords(e.input));
  }
  const c: Comparison = {
    events,
    shared,
    withoutId,
    keys,
    contents,
    groups: inputsInComparisonOrder(events, incomplete),
  };
  const keptOf = everyCopy ? new Int32Array(events.length).fill(-1) : undefined;
  let sampled = markAll(c, dup, firstCount, keptOf);
  const placeholders = pairPlaceholders(c, dup, ownWords, subjectAssumed);
  if (placeholders.size > 0) sampled = sampleAll(c, dup, firstCount);
  if (sampled.length === 0) return none;
  if (keptOf !== undefined) keptCopiesOfAll(dup, keptOf, placeholders);
  return {
    dup,
    located: locateDuplicates(c, dup, sampled, () => new Marker(c, true), placeholders),
    placeholders,
    ...(keptOf !== undefined ? { keptOf } : {}),
  };
}

/**
 * `keptOf`, which holds for each duplicate the copy it stands for directly (`markAll`), made to hold the copy kept:
 * a deletion placeholder stands for the message paired with it, and a copy that is itself a duplicate (a copy
 * matched by its id whose own first copy was matched by its content; a placeholder that stands for another
 * export's placeholder, itself paired with a message) is followed until a copy kept, as dedupe-trace.ts
 * `keptCopies` follows it. Written in place: a copy already followed holds its copy kept, which ends the walk.
 */
function keptCopiesOfAll(
  dup: Uint8Array,
  keptOf: Int32Array,
  placeholders: ReadonlyMap<number, number>,
): void {
  for (const [p, message] of placeholders) keptOf[p] = message;
  for (let i = 0; i < dup.length; i++) {
    if (!dup[i]) continue;
    let k = keptOf[i]!;
    // Each step goes to a copy that first reached its count in an input compared earlier (or to a message kept):
    // bounded all the same, so a mistake costs this copy's place, never a loop.
    for (let steps = 0; k >= 0 && dup[k] && steps < dup.length; steps++) k = keptOf[k]!;
    keptOf[i] = k >= 0 && !dup[k] ? k : -1;
  }
}

/** Per input with duplicates, the positions of its first `firstCount` duplicates and of its last, as `markAll`. */
function sampleAll(c: Comparison, dup: Uint8Array, firstCount: number): SampledDuplicates[] {
  const sampled: SampledDuplicates[] = [];
  for (const [start, end] of c.groups) {
    const first: number[] = [];
    let last = -1;
    for (let i = start; i < end; i++) {
      if (!dup[i]) continue;
      if (first.length < firstCount) first.push(i);
      last = i;
    }
    if (last >= 0) sampled.push({ input: c.events.input(start), first, last });
  }
  return sampled;
}

const DELETED = KINDS.indexOf('deleted');
const MESSAGE = KINDS.indexOf('message');
const MEDIA = KINDS.indexOf('media');

/** The records of one slot of `pairPlaceholders`: one channel, direction, sender (as compared) and minute. */
interface Slot {
  /** Per input, the placeholders it holds in the slot, kept or not. */
  readonly held: Map<number, number>;
  /** The placeholders kept by the marking, in list order. */
  readonly kept: number[];
  /** The messages (and media) of every input, in list order, with the n-th copy each is in its input. */
  readonly messages: { i: number; input: number; copy: string | number; nth: number }[];
  /** Per input, per copy, how many it holds in the slot. */
  readonly copies: Map<number, Map<string | number, number>>;
}

/**
 * Deletion placeholders across exports: marks as duplicates the placeholders ("This message was deleted") one
 * export holds for a message an overlapping export of the same chat still holds, exported before it was deleted
 * for everyone; returns each with the message kept in its place.
 *
 * Inside one export a placeholder is a record of its own (a message the subject sent and then deleted is still a
 * contact), and so it is across exports when they both hold it. But the same message, exported once before and
 * once after its deletion, is a text in one export and a placeholder in the other, whose fingerprints differ
 * (the placeholder has no text, and another kind): counted as two, a deleted message counted twice. So, after
 * marking: a placeholder kept (not already a copy of another export's placeholder) in export X is a duplicate of a
 * message kept from export Y when
 * - both are in one slot: the same channel, direction, sender as compared (`senderCompared`: the same case party,
 *   or else the same sender key, never two different unresolved senders) and UTC minute: a placeholder keeps the
 *   time of the message it replaced;
 * - X and Y hold at least one record in common besides (an identical fingerprint: they overlap, as two exports of
 *   one chat do). This stands for "the same conversation": the chats' names are not compared, as a contact renamed
 *   between exports renames the file ("WhatsApp Chat with Sam.txt", "WhatsApp Chat with Sam Carter.txt"), but a
 *   placeholder in one chat is never taken for a text in another chat that shares no record with it;
 * - the message is one X does not hold itself as a text: pairing is n-th to n-th, as the marking is, so the n-th
 *   copy in Y of a text X holds k times is a candidate only when n > k. X's placeholders in the slot first stand for
 *   Y's own placeholders there (the same deleted messages), and only those beyond them are paired: at most (X's
 *   placeholders − Y's placeholders) of them, and each message stands for one placeholder at most.
 * Inputs are taken in comparison order, placeholders and messages in the order their inputs hold them, so the
 * pairing does not depend on which export is compared first: the copy with the text is kept either way, as it
 * is the evidence of what was sent. Placeholders written by hand (a diary) are never paired. Records of a slot
 * that match none of this (a placeholder with no such message, a second deletion in the same minute) stay
 * events, as today.
 */
function pairPlaceholders(
  c: Comparison,
  dup: Uint8Array,
  ownWords: (input: number) => boolean,
  subjectAssumed: boolean,
): Map<number, number> {
  const { events } = c;
  const paired = new Map<number, number>();
  const slotOf = (i: number): string => {
    const e = events.at(i);
    return `${e.channel}\u0000${e.direction}\u0000${senderCompared(e, subjectAssumed)}\u0000${Math.floor(e.ms / 60_000)}`;
  };
  const slots = new Map<string, Slot>();
  const minutes = new Set<number>();
  for (let i = 0; i < events.length; i++) {
    if (dup[i] || events.kindIndex(i) !== DELETED) continue;
    const e = events.at(i);
    if (!c.shared.has(e.channel) || ownWords(e.input)) continue;
    const key = slotOf(i);
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = { held: new Map(), kept: [], messages: [], copies: new Map() };
      slots.set(key, slot);
    }
    slot.kept.push(i);
    minutes.add(Math.floor(e.ms / 60_000));
  }
  if (slots.size === 0) return paired;
  // Every record of the slots found: the placeholders each input holds, and the messages with their copies.
  for (let i = 0; i < events.length; i++) {
    const kind = events.kindIndex(i);
    if (kind !== DELETED && kind !== MESSAGE && kind !== MEDIA) continue;
    if (!minutes.has(Math.floor(events.ms(i) / 60_000))) continue;
    const slot = slots.get(slotOf(i));
    const input = events.input(i);
    if (slot === undefined || ownWords(input)) continue;
    if (kind === DELETED) {
      slot.held.set(input, (slot.held.get(input) ?? 0) + 1);
      continue;
    }
    const copy = copyOf(c, i);
    const of = slot.copies.get(input) ?? new Map<string | number, number>();
    slot.copies.set(input, of);
    const nth = (of.get(copy) ?? 0) + 1;
    of.set(copy, nth);
    slot.messages.push({ i, input, copy, nth });
  }
  const rank = new Map<number, number>();
  c.groups.forEach(([start], r) => {
    rank.set(events.input(start), r);
  });
  const byRank = (a: number, b: number) => rank.get(a)! - rank.get(b)!;
  const overlap = new Overlaps(c);
  for (const slot of slots.values()) {
    if (slot.messages.length === 0) continue;
    const used = new Set<number>();
    const byInput = new Map<number, number[]>();
    for (const p of slot.kept) {
      const input = events.input(p);
      byInput.set(input, [...(byInput.get(input) ?? []), p]);
    }
    for (const x of [...byInput.keys()].sort(byRank)) {
      const mine = byInput.get(x)!;
      let next = 0;
      const heldX = slot.held.get(x) ?? 0;
      const others = [...new Set(slot.messages.map((m) => m.input))].filter((y) => y !== x).sort(byRank);
      for (const y of others) {
        if (next >= mine.length) break;
        let allowed = heldX - (slot.held.get(y) ?? 0) - next;
        if (allowed <= 0 || !overlap.between(x, y)) continue;
        const inX = slot.copies.get(x);
        for (const m of slot.messages) {
          if (allowed <= 0 || next >= mine.length) break;
          if (m.input !== y || dup[m.i] || used.has(m.i) || m.nth <= (inX?.get(m.copy) ?? 0)) continue;
          used.add(m.i);
          const p = mine[next++]!;
          dup[p] = 1;
          paired.set(p, m.i);
          allowed--;
        }
      }
    }
  }
  return paired;
}

/**
 * What a copy is compared by, for `pairPlaceholders`: its content fingerprint's number in a channel where contents
 * are compared, else its channel and platform id (an anonymised copy's records carry their class as that id).
 */
function copyOf(c: Comparison, i: number): string | number {
  const e = c.events.at(i);
  if (c.withoutId.has(e.channel)) return c.contents[i]!;
  return idFingerprint(e) ?? `\u0000${i}`;
}

/** Whether two inputs hold a record in common (`pairPlaceholders`), each input's copies gathered once. */
class Overlaps {
  private readonly held = new Map<number, Set<string | number>>();
  private readonly known = new Map<string, boolean>();
  constructor(private readonly c: Comparison) {}

  between(x: number, y: number): boolean {
    const key = x < y ? `${x} ${y}` : `${y} ${x}`;
    let yes = this.known.get(key);
    if (yes === undefined) {
      const a = this.copies(x);
      const b = this.copies(y);
      const [small, large] = a.size <= b.size ? [a, b] : [b, a];
      yes = false;
      for (const k of small) {
        if (large.has(k)) {
          yes = true;
          break;
        }
      }
      this.known.set(key, yes);
    }
    return yes;
  }

  /** The copies input `x` holds in the channels inputs share, placeholders aside (they are what is paired). */
  private copies(x: number): Set<string | number> {
    let out = this.held.get(x);
    if (out !== undefined) return out;
    out = new Set();
    const group = this.c.groups.find(([start]) => this.c.events.input(start) === x)!;
    for (let i = group[0]; i < group[1]; i++) {
      const e = this.c.events.at(i);
      if (!this.c.shared.has(e.channel) || e.kind === 'deleted') continue;
      out.add(copyOf(this.c, i));
    }
    this.held.set(x, out);
    return out;
  }
}

/**
 * Marks every duplicate in `dup`; returns, per input with duplicates, its number, the positions of its first
 * `firstCount` duplicates and of its last (the marking's counts are let go on return: only these few are traced).
 * With `keptOf`, the marking is traced and each duplicate's entry is the copy it stands for directly.
 */
function markAll(
  c: Comparison,
  dup: Uint8Array,
  firstCount: number,
  keptOf?: Int32Array,
): SampledDuplicates[] {
  // Traced only when every duplicate's copy is asked for: its counts then keep which copy reached each count.
  const m = new Marker(c, keptOf !== undefined);
  const sampled: SampledDuplicates[] = [];
  for (const [start, end] of c.groups) {
    m.close();
    const first: number[] = [];
    let last = -1;
    for (let i = start; i < end; i++) {
      const held = m.heldBy(i);
      if (held === NOT_HELD) continue;
      dup[i] = 1;
      if (keptOf !== undefined && held >= 0) keptOf[i] = held;
      if (first.length < firstCount) first.push(i);
      last = i;
    }
    if (last >= 0) sampled.push({ input: c.events.input(start), first, last });
  }
  return sampled;
}

/**
 * Each input's events as [start, end, rank]: intact inputs before incomplete ones, then the finest time precision
 * first, then in input order.
 */
function inputsInComparisonOrder(
  events: EventList,
  incomplete: (input: number) => boolean,
): [number, number, number][] {
  const groups: [number, number, number][] = [];
  for (let i = 0; i < events.length; ) {
    const input = events.input(i);
    let finest: number = PRECISIONS.length;
    let j = i;
    // The input column marks the group's end; precisions are read only until the finest (ms) is met.
    for (; j < events.length && events.input(j) === input; j++) {
      if (finest > 0) finest = Math.min(finest, PRECISIONS.indexOf(events.at(j).precision));
    }
    groups.push([i, j, (incomplete(input) ? PRECISIONS.length + 1 : 0) + finest]);
    i = j;
  }
  // A stable sort: inputs equally precise stay in input order.
  return groups.sort((a, b) => a[2] - b[2]);
}

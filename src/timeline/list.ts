/**
 * A read-only, ordered list of timeline events: what the analysis and the reports read.
 *
 * The timeline keeps events in columns (store.ts); a list is a selection of them in some order, held as an
 * array of event numbers (4 bytes an event), so "the incidents" or "the incidents in the window" cost no
 * copies of events. `at(i)` makes a short-lived `TimelineEvent` view; the hottest loops read `ms(i)` directly.
 * `listOf` wraps plain event objects (tests, small inputs) behind the same interface.
 */
import type { ParsedEvent, TimelineEvent } from '../model/index.js';
import type { Direction, Precision } from '../model/vocabulary.js';
import { CALL_STATUSES, CHANNELS, KINDS } from '../model/vocabulary.js';
import type { Utf8Span } from './pages.js';
import type { EventStore, InputSpan, Who } from './store.js';
import { sameClassifier, type TextClassifier } from './text-marks.js';

/**
 * The slot of `EventList.tally`'s perKindCall (length KIND_CALL_SLOTS) for a KINDS index and a CALL_STATUSES index
 * (-1: no outcome): kind × 16 + 1 + outcome, so slot kind × 16 holds the records of that kind without one.
 */
export function kindCallSlot(kind: number, call: number): number {
  return kind * 16 + call + 1;
}
/** The length of `EventList.tally`'s perKindCall. */
export const KIND_CALL_SLOTS = KINDS.length * 16;

export abstract class EventList implements Iterable<TimelineEvent> {
  abstract readonly length: number;
  /** Event i of the list. */
  abstract at(i: number): TimelineEvent;
  /** The instant of event i, without making a view. */
  abstract ms(i: number): number;
  /** Events [from, to) as a list. */
  abstract slice(from?: number, to?: number): EventList;
  /** The events for which `keep` is true, as a list. */
  abstract filter(keep: (e: TimelineEvent, i: number) => unknown): EventList;

  // Column reads for the analysis's passes over a million events, where a view per event and a string lookup
  // cost more than the figure itself. A list of plain events answers them from the event.

  /** The events i for which `keep(i)` is true, as a list; like `filter` without making views. */
  where(keep: (i: number) => unknown): EventList {
    return this.filter((_, i) => keep(i));
  }
  /** The events that are incidents, as a list. */
  incidents(): EventList {
    return this.where((i) => this.incident(i));
  }
  /** Whether event i is an incident, without making a view. */
  incident(i: number): boolean {
    return this.at(i).incident;
  }
  /** The input number of event i, without making a view. */
  input(i: number): number {
    return this.at(i).input;
  }
  /**
   * Where event i was read: its place in the order the inputs and the records in each were read, which the report's
   * `duplicatesAt` samples by. A list of plain events knows no other order than its own.
   */
  readOrder(i: number): number {
    return i;
  }
  /** The index in CHANNELS of event i's channel, without making a view. */
  channelIndex(i: number): number {
    return CHANNELS.indexOf(this.at(i).channel);
  }
  /** The index in KINDS of event i's kind, without making a view. */
  kindIndex(i: number): number {
    return KINDS.indexOf(this.at(i).kind);
  }
  /** The index in CALL_STATUSES of event i's call outcome, or −1 when it records no call. */
  callIndex(i: number): number {
    const call = this.at(i).call;
    return call === undefined ? -1 : CALL_STATUSES.indexOf(call.status);
  }
  /**
   * Event i's sender as resolved. A store shares one object per distinct sender, so a run of events from one
   * sender is seen by comparing objects; a list of plain events makes a new one each time.
   */
  who(i: number): Who {
    const e = this.at(i);
    return { sender: e.sender, key: e.senderKey, role: e.role };
  }
  precision(i: number): Precision {
    return this.at(i).precision;
  }
  direction(i: number): Direction {
    return this.at(i).direction;
  }
  conversation(i: number): string | undefined {
    return this.at(i).conversation;
  }
  /**
   * A test of whether event i's platform id (Message-ID, snowflake) is one of `ids`; a list of stored events makes
   * no view nor id to tell.
   */
  nativeIdOneOf(ids: ReadonlySet<string>): (i: number) => boolean {
    return (i) => {
      const id = this.at(i).nativeId;
      return id !== undefined && ids.has(id);
    };
  }
  flags(i: number): readonly string[] | undefined {
    return this.at(i).flags;
  }
  details(i: number): ParsedEvent['details'] {
    return this.at(i).details;
  }

  // Reads of every event at once, for the analysis's single passes over a million incidents; a list of stored
  // events answers each from the store in one loop over its columns.

  /**
   * channel[i] := the CHANNELS index of event i; adds each event to perChannel (by CHANNELS index) and to
   * perKindCall (`kindCallSlot`: by KINDS index and call outcome together, so a call whose record gives no outcome
   * is told from a record of another kind, which has none either).
   */
  tally(channel: Uint8Array, perChannel: Int32Array, perKindCall: Int32Array): void {
    for (let i = 0; i < this.length; i++) {
      const ch = this.channelIndex(i);
      channel[i] = ch;
      perChannel[ch]!++;
      perKindCall[kindCallSlot(this.kindIndex(i), this.callIndex(i))]!++;
    }
  }
  /** The positions of the events that have flags or details, in order. */
  withFlagsOrDetails(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) {
      if (this.flags(i) !== undefined || this.details(i) !== undefined) out.push(i);
    }
    return out;
  }
  /** The positions of the events flagged `flag`, in order. */
  withFlag(flag: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) if (this.flags(i)?.includes(flag)) out.push(i);
    return out;
  }
  /**
   * Each input of the events, in order of first appearance: the instants of its first and last event in the list's
   * order and its events' channels (`InputSpan`).
   */
  inputSpans(): Map<number, InputSpan> {
    const out = new Map<number, InputSpan>();
    for (let i = 0; i < this.length; i++) {
      const input = this.input(i);
      const ms = this.ms(i);
      let s = out.get(input);
      if (s === undefined) {
        s = { first: ms, last: ms, channels: 0 };
        out.set(input, s);
      }
      s.last = ms;
      s.channels |= 1 << this.channelIndex(i);
    }
    return out;
  }
  /** The inputs of the events. */
  inputSet(): Set<number> {
    const out = new Set<number>();
    for (let i = 0; i < this.length; i++) out.add(this.input(i));
    return out;
  }
  /** The conversations the events name, in order of first appearance. */
  conversationSet(): Set<string> {
    const out = new Set<string>();
    for (let i = 0; i < this.length; i++) {
      const c = this.conversation(i);
      if (c !== undefined) out.add(c);
    }
    return out;
  }

  /**
   * Points `into` at event i's text as stored UTF-8 bytes, without decoding it. False when the list has no such
   * bytes for it (plain events, or a text the store keeps as a string): read `at(i).text` then.
   */
  textBytes(_i: number, _into: Utf8Span): boolean {
    return false;
  }
  /**
   * Event i's mark from `classify`, worked out as the timeline was read (text-marks.ts), or undefined when it has
   * none (its text is then read and classified as usual). A list of plain events has no marks.
   */
  textMark(_i: number, _classify: TextClassifier): number | undefined {
    return undefined;
  }
  /**
   * The events' marks from `classify`, worked out while the timeline was read (text-marks.ts), in order: counts
   * the events whose mark is `skip` and calls `each(i, mark)` for the others, mark undefined for an event without
   * one (its text is then read and classified as usual). Returns the count. A list of plain events has no marks.
   */
  textMarksExcept(
    _classify: TextClassifier,
    _skip: number,
    each: (i: number, mark: number | undefined) => void,
  ): number {
    for (let i = 0; i < this.length; i++) each(i, undefined);
    return 0;
  }

  // A plain iterator object rather than a generator: V8 inlines it in for-of loops over millions of events.
  [Symbol.iterator](): Iterator<TimelineEvent> {
    let i = 0;
    return {
      next: (): IteratorResult<TimelineEvent> =>
        i < this.length ? { done: false, value: this.at(i++) } : { done: true, value: undefined },
    };
  }

  /** How many events give each key (undefined keys are not counted). */
  count<K>(key: (e: TimelineEvent) => K | undefined): Map<K, number> {
    const m = new Map<K, number>();
    for (let i = 0; i < this.length; i++) {
      const k = key(this.at(i));
      if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  }

  map<T>(f: (e: TimelineEvent, i: number) => T): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = f(this.at(i), i);
    return out;
  }

  some(test: (e: TimelineEvent, i: number) => unknown): boolean {
    for (let i = 0; i < this.length; i++) if (test(this.at(i), i)) return true;
    return false;
  }

  every(test: (e: TimelineEvent, i: number) => unknown): boolean {
    return !this.some((e, i) => !test(e, i));
  }
}

/** Events of a store, in the order of `numbers`. */
export class StoreList extends EventList {
  constructor(
    readonly store: EventStore,
    private readonly numbers: Uint32Array,
  ) {
    super();
  }
  get length(): number {
    return this.numbers.length;
  }
  at(i: number): TimelineEvent {
    return this.store.view(this.numbers[i]!);
  }
  ms(i: number): number {
    return this.store.ms(this.numbers[i]!);
  }
  /** The store holds the events in the order they were read: event i's number in it. */
  override readOrder(i: number): number {
    return this.numbers[i]!;
  }
  slice(from = 0, to = this.length): StoreList {
    return new StoreList(this.store, this.numbers.subarray(from, to));
  }
  filter(keep: (e: TimelineEvent, i: number) => unknown): StoreList {
    // Marks first, then an array of exactly the kept size: a million-event list costs one byte an event extra.
    const marks = new Uint8Array(this.numbers.length);
    let n = 0;
    for (let i = 0; i < this.numbers.length; i++) {
      if (keep(this.at(i), i)) {
        marks[i] = 1;
        n++;
      }
    }
    const out = new Uint32Array(n);
    for (let i = 0, j = 0; j < n; i++) if (marks[i]) out[j++] = this.numbers[i]!;
    return new StoreList(this.store, out);
  }
  override where(keep: (i: number) => unknown): StoreList {
    // One pass into an array as long as this list: the operating system supplies memory pages only when first
    // written, so the unused tail costs address space, not memory, and no marks are needed.
    const out = new Uint32Array(this.numbers.length);
    let n = 0;
    for (let i = 0; i < this.numbers.length; i++) if (keep(i)) out[n++] = this.numbers[i]!;
    return new StoreList(this.store, out.subarray(0, n));
  }
  override incidents(): StoreList {
    // As `where`, with the store's incident flag read in the loop rather than through a function per event.
    const numbers = this.numbers;
    const out = new Uint32Array(numbers.length);
    let n = 0;
    for (let i = 0; i < numbers.length; i++) {
      const k = numbers[i]!;
      out[n] = k;
      n += this.store.incident(k) ? 1 : 0;
    }
    return new StoreList(this.store, out.subarray(0, n));
  }
  override incident(i: number): boolean {
    return this.store.incident(this.numbers[i]!);
  }
  override input(i: number): number {
    return this.store.input(this.numbers[i]!);
  }
  override channelIndex(i: number): number {
    return this.store.channelIndex(this.numbers[i]!);
  }
  override kindIndex(i: number): number {
    return this.store.kindIndex(this.numbers[i]!);
  }
  override callIndex(i: number): number {
    return this.store.callIndex(this.numbers[i]!);
  }
  override who(i: number): Who {
    return this.store.who(this.numbers[i]!);
  }
  override precision(i: number): Precision {
    return this.store.precision(this.numbers[i]!);
  }
  override direction(i: number): Direction {
    return this.store.direction(this.numbers[i]!);
  }
  override conversation(i: number): string | undefined {
    return this.store.conversation(this.numbers[i]!);
  }
  override nativeIdOneOf(ids: ReadonlySet<string>): (i: number) => boolean {
    const oneOf = this.store.nativeIdOneOf(ids);
    const numbers = this.numbers;
    return (i) => oneOf(numbers[i]!);
  }
  override flags(i: number): readonly string[] | undefined {
    return this.store.flags(this.numbers[i]!);
  }
  override details(i: number): ParsedEvent['details'] {
    return this.store.detailsOf(this.numbers[i]!);
  }
  override textBytes(i: number, into: Utf8Span): boolean {
    return this.store.textBytes(this.numbers[i]!, into);
  }
  override textMark(i: number, classify: TextClassifier): number | undefined {
    return this.store.textMarks?.of(this.numbers[i]!, classify);
  }
  override textMarksExcept(
    classify: TextClassifier,
    skip: number,
    each: (i: number, mark: number | undefined) => void,
  ): number {
    const marks = this.store.textMarks;
    return marks !== undefined && sameClassifier(marks.classify, classify)
      ? marks.scan(this.numbers, skip, each)
      : super.textMarksExcept(classify, skip, each);
  }
  override tally(channel: Uint8Array, perChannel: Int32Array, perKindCall: Int32Array): void {
    this.store.tally(this.numbers, channel, perChannel, perKindCall);
  }
  override withFlagsOrDetails(): number[] {
    return this.store.withFlagsOrDetails(this.numbers);
  }
  override withFlag(flag: string): number[] {
    return this.store.withFlag(this.numbers, flag);
  }
  override inputSpans(): Map<number, InputSpan> {
    return this.store.inputSpans(this.numbers);
  }
  override inputSet(): Set<number> {
    return this.store.inputsOf(this.numbers);
  }
  override conversationSet(): Set<string> {
    return this.store.conversationsOf(this.numbers);
  }
}

/** Plain event objects behind the list interface. */
class ArrayList extends EventList {
  constructor(private readonly events: readonly TimelineEvent[]) {
    super();
  }
  get length(): number {
    return this.events.length;
  }
  at(i: number): TimelineEvent {
    return this.events[i]!;
  }
  ms(i: number): number {
    return this.events[i]!.ms;
  }
  slice(from?: number, to?: number): EventList {
    return new ArrayList(this.events.slice(from, to));
  }
  filter(keep: (e: TimelineEvent, i: number) => unknown): EventList {
    return new ArrayList(this.events.filter((e, i) => keep(e, i)));
  }
}

/** A list over plain event objects (already in time order). */
export function listOf(events: readonly TimelineEvent[]): EventList {
  return new ArrayList(events);
}

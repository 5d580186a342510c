/**
 * Where the timeline keeps its events: one typed column per field instead of one object per event.
 *
 * A case can hold millions of events, all alive until the report is written. As objects they cost about
 * 200 bytes each and give the garbage collector millions of things to trace; here an event costs a few
 * dozen bytes of columns outside the JavaScript heap, plus its characters in a shared text page (pages.ts).
 * Enumerations are packed into one integer, senders and conversations are numbered once, locators, native ids
 * and details are split into an interned shape and a number or two ("sms[" 41 "]", shapes.ts), and fields most
 * events leave empty (flags, details, native ids, call durations) take space only when some event has them.
 *
 * Readers see `TimelineEvent`s: `view(k)` makes a small object whose getters read the columns.
 */
import type { ParsedEvent, Party, TimelineEvent } from '../model/index.js';
import type { Channel, Direction, Kind, Precision, Role } from '../model/vocabulary.js';
import { CALL_STATUSES, CHANNELS, DIRECTIONS, KINDS, PRECISIONS } from '../model/vocabulary.js';
import { column, type Index, indexColumn, lengthened, put } from './columns.js';
import { type NewBlock, StringPages, type Utf8Span } from './pages.js';
import { ShapedStrings } from './shapes.js';
import { INCIDENT_TEXT, OTHER_TEXT, type TextMarks, type TextSide, VICTIM_TEXT } from './text-marks.js';

/** A sender as the timeline resolved it; one shared object per distinct sender. */
export interface Who {
  readonly sender: Party | undefined;
  readonly key: string | undefined;
  readonly role: Role | undefined;
}

/** An input's first and last instants among some events, and their channels (bit c: CHANNELS index c). */
export interface InputSpan {
  first: number;
  last: number;
  channels: number;
}

/** What the builder decided about an event, beside what the source parsed. */
export interface Resolved {
  readonly ms: number;
  readonly direction: Direction;
  readonly incident: boolean;
  readonly who: number;
  readonly conversation: number;
  readonly flags: readonly string[] | undefined;
  readonly details: ParsedEvent['details'];
  readonly input: number;
}

// Plain lookup objects: a property read with a vocabulary string is cheaper than a Map lookup.
const code = (list: readonly string[]): Record<string, number> =>
  Object.assign(Object.create(null), Object.fromEntries(list.map((v, i) => [v, i])));
const CHANNEL_CODE = code(CHANNELS);
const KIND_CODE = code(KINDS);
const DIRECTION_CODE = code(DIRECTIONS);
const PRECISION_CODE = code(PRECISIONS);
const CALL_CODE = code(CALL_STATUSES);

// Bit layout of `packed`: channel 0–4, kind 5–8, direction 9–10, precision 11–12, incident 13, call 14–17
// (0: no call; otherwise 1 + the status's index).
const KIND_AT = 5;
const DIRECTION_AT = 9;
const PRECISION_AT = 11;
const INCIDENT = 1 << 13;
const CALL_AT = 14;

/** An event's enumerations and their packed bits (`EventStore.enumerations`). */
interface Enumerations {
  readonly channel: string;
  readonly kind: string;
  readonly direction: string;
  readonly precision: string;
  readonly call: string | undefined;
  readonly packed: number;
}

/** Steps back in time recorded (`EventStore.descents`); a store with more is sorted as a whole. */
const MAX_DESCENTS = 4096;

/** Distinct enumerations remembered. */
const RECENT_ENUMERATIONS = 8;

/** Every event of a timeline, in the order built, one typed column per field. */
export class EventStore {
  private n = 0;
  private cap = 1024;
  private msCol = column(Float64Array, this.cap);
  private packedCol = column(Uint32Array, this.cap);
  // Sender, conversation and flag-set numbers start one byte wide and widen when a number needs it.
  private whoCol: Index = indexColumn(this.cap);
  // Inputs are read one after another, so an event's input is kept as runs: [first event, input] pairs.
  private readonly inputRunStart: number[] = [];
  private readonly inputRunValue: number[] = [];
  // The CHANNELS indexes of each run's events as bits (bit c for channel c), kept as they are added: what an input
  // holds is then known without reading its events again (pipeline/spans.ts).
  private readonly inputRunChannels: number[] = [];
  // Columns most sources leave at 0 (no conversation) exist only once one is not.
  private conversationCol: Index | undefined;
  // Call durations as whole seconds plus one (0: none), or, once one is not a whole number, as doubles (NaN: none).
  private durationCol: Index | Float64Array | undefined;
  private flagsCol: Index | undefined;
  private readonly texts: StringPages;
  private readonly locators = new ShapedStrings();
  private readonly nativeIds = new ShapedStrings();
  // Details (diary location, Telegram reply ids…) as JSON text: an object per event would cost ~150 B.
  private readonly details = new ShapedStrings();
  private readonly flagSets: (readonly string[] | undefined)[] = [undefined];
  private readonly flagSetIds = new Map<string, number>();
  // The enumerations of the last few distinct events added, with their packed bits (incident aside): a chat
  // mixes a handful (messages and media, incoming and outgoing, a missed call), and the five lookups in the code
  // tables cost about 80 ms a million events. Compared in place, newest first.
  private readonly recent: Enumerations[] = [];
  // The events that came before the instant of the one added before them (`descents`), while they are few.
  private descentsAt: number[] | undefined = [];
  private lastMs = Number.NEGATIVE_INFINITY;
  /** Marks worked out from the texts as they are stored, and which to keep (text-marks.ts), when asked for. */
  textMarks: TextMarks | undefined;
  private readonly span: Utf8Span = { bytes: new Uint8Array(0), start: 0, end: 0 };

  /**
   * @param whos senders by number (the builder's table, shared so that late additions are seen)
   * @param conversations conversation names by number; number 0 is "none"
   * @param newBlock where the texts' blocks come from (pages.ts)
   */
  constructor(
    private readonly whos: readonly Who[],
    private readonly conversations: { get(id: number): string | undefined },
    newBlock?: NewBlock,
  ) {
    this.texts = new StringPages(newBlock);
  }

  get length(): number {
    return this.n;
  }

  /**
   * The events added before the instant of the event added just before them, in order: between two of them the
   * store's own order is the timeline's (instant, then event number). Exports are nearly always in time order but
   * for a few places (a chat written in local time steps back an hour each autumn), so the timeline is put in
   * order by merging around these alone, and each input's first and last instants are read at the ends of the
   * stretches they bound (order.ts, pipeline/spans.ts). Undefined once there are more than MAX_DESCENTS (a file
   * newest first): the events are then sorted and read one by one.
   */
  descents(): readonly number[] | undefined {
    return this.descentsAt;
  }

  /** The runs of events from one input, in order: [first event number, input]; each run ends where the next starts. */
  inputRuns(): readonly (readonly [number, number])[] {
    return this.inputRunStart.map((start, i) => [start, this.inputRunValue[i]!] as const);
  }

  /**
   * The CHANNELS indexes of the events of run `run` (the `run`th of `inputRuns`) as bits, bit c for channel c: every
   * event added, those a source later took back included.
   */
  runChannels(run: number): number {
    return this.inputRunChannels[run] ?? 0;
  }

  /**
   * Appends an event; returns its number. `text`, when given, is its text as UTF-8 (`e.text` is not read). `e`,
   * `r` and `text` are read at once and not kept: callers may fill them again for the next event.
   */
  add(e: ParsedEvent, r: Resolved, text?: Utf8Span): number {
    const k = this.n++;
    if (k === this.cap) this.grow();
    this.msCol[k] = r.ms;
    if (r.ms < this.lastMs && this.descentsAt !== undefined) {
      if (this.descentsAt.length < MAX_DESCENTS) this.descentsAt.push(k);
      else this.descentsAt = undefined;
    }
    this.lastMs = r.ms;
    const packed = this.enumerations(e, r.direction) | (r.incident ? INCIDENT : 0);
    this.packedCol[k] = packed;
    this.whoCol = put(this.whoCol, k, r.who);
    if (this.inputRunValue[this.inputRunValue.length - 1] !== r.input) {
      this.inputRunStart.push(k);
      this.inputRunValue.push(r.input);
      this.inputRunChannels.push(0);
    }
    const run = this.inputRunChannels.length - 1;
    this.inputRunChannels[run] = (this.inputRunChannels[run] ?? 0) | (1 << (packed & 31));
    if (r.conversation !== 0 || this.conversationCol) {
      this.conversationCol = put(this.conversationCol ?? indexColumn(this.cap), k, r.conversation);
    }
    this.locators.set(k, e.locator);
    const marks = this.textMarks;
    if (text !== undefined) {
      // Marked before it is copied: most texts are then let go without being written anywhere.
      if (marks === undefined || marks.mark(k, this.side(r), text.bytes, text.start, text.end)) {
        this.texts.pushUtf8(text.bytes, text.start, text.end);
      } else this.texts.pushDropped();
    } else {
      this.texts.push(e.text);
      const span = this.span;
      if (
        marks &&
        this.texts.bytesOf(k, span) &&
        !marks.mark(k, this.side(r), span.bytes, span.start, span.end)
      ) {
        this.texts.dropLast();
      }
    }
    const d = e.call?.durationSec;
    if (d !== undefined || this.durationCol) this.setDuration(k, d);
    this.nativeIds.set(k, e.nativeId);
    if (r.flags !== undefined && r.flags.length > 0) {
      this.flagsCol = put(this.flagsCol ?? indexColumn(this.cap), k, this.flagSet(r.flags));
    } else if (this.flagsCol) this.flagsCol[k] = 0;
    this.details.set(k, r.details === undefined ? undefined : JSON.stringify(r.details));
    return k;
  }

  /** Whose text event `r`'s is, as text-marks.ts tells them apart (the victim's side as cease.ts reads it). */
  private side(r: Resolved): TextSide {
    if (r.incident) return INCIDENT_TEXT;
    return r.direction === 'outgoing' || this.whos[r.who]?.role === 'victim' ? VICTIM_TEXT : OTHER_TEXT;
  }

  /** The packed bits of an event's channel, kind, direction, precision and call outcome. */
  private enumerations(e: ParsedEvent, direction: Direction): number {
    const { channel, kind } = e;
    const precision = e.time.precision;
    const call = e.call?.status;
    const recent = this.recent;
    for (let i = 0; i < recent.length; i++) {
      const m = recent[i]!;
      if (
        m.kind === kind &&
        m.direction === direction &&
        m.channel === channel &&
        m.precision === precision &&
        m.call === call
      ) {
        return m.packed;
      }
    }
    const packed =
      CHANNEL_CODE[channel]! |
      (KIND_CODE[kind]! << KIND_AT) |
      (DIRECTION_CODE[direction]! << DIRECTION_AT) |
      (PRECISION_CODE[precision]! << PRECISION_AT) |
      (call === undefined ? 0 : (CALL_CODE[call]! + 1) << CALL_AT);
    if (recent.length === RECENT_ENUMERATIONS) recent.pop();
    recent.unshift({ channel, kind, direction, precision, call, packed });
    return packed;
  }

  /** A `TimelineEvent` that reads event k from the columns. */
  view(k: number): TimelineEvent {
    return new EventView(this, k);
  }

  ms(k: number): number {
    return this.msCol[k]!;
  }
  channel(k: number): Channel {
    return CHANNELS[this.packedCol[k]! & 31]!;
  }
  /** The index in CHANNELS of event k's channel. */
  channelIndex(k: number): number {
    return this.packedCol[k]! & 31;
  }
  kind(k: number): Kind {
    return KINDS[(this.packedCol[k]! >> KIND_AT) & 15]!;
  }
  /** The index in KINDS of event k's kind. */
  kindIndex(k: number): number {
    return (this.packedCol[k]! >> KIND_AT) & 15;
  }
  /** The index in CALL_STATUSES of event k's call outcome, or −1 when it records no call. */
  callIndex(k: number): number {
    return ((this.packedCol[k]! >> CALL_AT) & 15) - 1;
  }

  // Reads of many events at once (the events `numbers`, in that order), each one loop over the columns: the
  // analysis reads a million incidents once, before V8 has optimised anything, and a method call per event and
  // field costs more there than the reads themselves.

  /**
   * channel[i] := the CHANNELS index of event numbers[i]; adds each event to perChannel (by CHANNELS index) and
   * perKindCall at its kind and call outcome together (list.ts `kindCallSlot`: kind × 16 + the call bits, which are
   * 0 for no outcome and 1 + the CALL_STATUSES index of one), one count an event and no branch.
   */
  tally(numbers: Uint32Array, channel: Uint8Array, perChannel: Int32Array, perKindCall: Int32Array): void {
    const packed = this.packedCol;
    for (let i = 0; i < numbers.length; i++) {
      const p = packed[numbers[i]!]!;
      const ch = p & 31;
      channel[i] = ch;
      perChannel[ch]!++;
      perKindCall[(((p >> KIND_AT) & 15) << 4) | ((p >> CALL_AT) & 15)]!++;
    }
  }
  /** The positions i of the events numbers[i] that have flags or details, in order. */
  withFlagsOrDetails(numbers: Uint32Array): number[] {
    const out: number[] = [];
    const flags = this.flagsCol;
    // Most chats and backups have neither: a million lookups found nothing (~10 ms).
    if (flags === undefined && !this.details.hasValues()) return out;
    for (let i = 0; i < numbers.length; i++) {
      const k = numbers[i]!;
      if ((flags !== undefined && flags[k] !== 0) || this.details.get(k) !== undefined) out.push(i);
    }
    return out;
  }
  /** The positions in `numbers` of the events flagged `flag`, in order. */
  withFlag(numbers: Uint32Array, flag: string): number[] {
    const out: number[] = [];
    const flags = this.flagsCol;
    // Most timelines have no flag at all, and few sets hold a given one: no scan unless some set does.
    const sets = new Set<number>();
    this.flagSets.forEach((set, id) => {
      if (set?.includes(flag)) sets.add(id);
    });
    if (flags === undefined || sets.size === 0) return out;
    for (let i = 0; i < numbers.length; i++) if (sets.has(flags[numbers[i]!]!)) out.push(i);
    return out;
  }
  /**
   * Each input of the events `numbers`, in order of first appearance there: the instants of its first and last event
   * in that order and the CHANNELS indexes of its events as bits (bit c for channel c). One loop over the columns,
   * and the input runs are searched only when an event leaves the run of the one before: a million events read
   * through a method each for the input, instant and channel cost ~15 ms.
   */
  inputSpans(numbers: Uint32Array): Map<number, InputSpan> {
    const out = new Map<number, InputSpan>();
    const ms = this.msCol;
    const packed = this.packedCol;
    // Event numbers [runFrom, runTo) are the run of `s`'s input.
    let runFrom = 0;
    let runTo = 0;
    let s: InputSpan | undefined;
    for (let i = 0; i < numbers.length; i++) {
      const k = numbers[i]!;
      if (k < runFrom || k >= runTo) {
        const run = this.inputRunOf(k);
        runFrom = this.inputRunStart[run]!;
        runTo = this.inputRunStart[run + 1] ?? this.n;
        const input = this.inputRunValue[run]!;
        s = out.get(input);
        if (s === undefined) {
          s = { first: ms[k]!, last: ms[k]!, channels: 0 };
          out.set(input, s);
        }
      }
      s!.last = ms[k]!;
      s!.channels |= 1 << (packed[k]! & 31);
    }
    return out;
  }
  /** The inputs of the events `numbers`. */
  inputsOf(numbers: Uint32Array): Set<number> {
    // Most timelines are one input, or few: the runs of inputs answer without reading each event.
    if (numbers.length === 0) return new Set();
    if (this.inputRunValue.length === 1) return new Set(this.inputRunValue);
    const out = new Set<number>();
    let last = -1;
    for (let i = 0; i < numbers.length; i++) {
      const input = this.input(numbers[i]!);
      if (input !== last) {
        out.add(input);
        last = input;
      }
    }
    return out;
  }
  /** The conversations of the events `numbers` that name one, in order of first appearance. */
  conversationsOf(numbers: Uint32Array): Set<string> {
    const out = new Set<string>();
    const col = this.conversationCol;
    // Without the column no event names a conversation.
    if (col === undefined) return out;
    let last = -1;
    for (let i = 0; i < numbers.length; i++) {
      const id = col[numbers[i]!]!;
      if (id !== last) {
        const name = this.conversations.get(id);
        if (name !== undefined) out.add(name);
        last = id;
      }
    }
    return out;
  }
  direction(k: number): Direction {
    return DIRECTIONS[(this.packedCol[k]! >> DIRECTION_AT) & 3]!;
  }
  precision(k: number): Precision {
    return PRECISIONS[(this.packedCol[k]! >> PRECISION_AT) & 3]!;
  }
  incident(k: number): boolean {
    return (this.packedCol[k]! & INCIDENT) !== 0;
  }
  who(k: number): Who {
    return this.whos[this.whoCol[k]!]!;
  }
  input(k: number): number {
    return this.inputRunValue[this.inputRunOf(k)]!;
  }
  /** The index in the input runs (`inputRuns`) of the run that holds event k. */
  private inputRunOf(k: number): number {
    const starts = this.inputRunStart;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  text(k: number): string | undefined {
    return this.texts.get(k);
  }
  /** Points `into` at event k's text as stored (UTF-8); false when only `text(k)` can read it (pages.ts). */
  textBytes(k: number, into: Utf8Span): boolean {
    return this.texts.bytesOf(k, into);
  }
  call(k: number): ParsedEvent['call'] {
    const c = (this.packedCol[k]! >> CALL_AT) & 15;
    if (c === 0) return undefined;
    const col = this.durationCol;
    const d = col === undefined ? Number.NaN : col instanceof Float64Array ? col[k]! : col[k]! - 1;
    const status = CALL_STATUSES[c - 1]!;
    return d === -1 || Number.isNaN(d) ? { status } : { status, durationSec: d };
  }
  conversation(k: number): string | undefined {
    return this.conversations.get(this.conversationCol?.[k] ?? 0);
  }
  nativeId(k: number): string | undefined {
    return this.nativeIds.get(k) as string | undefined;
  }
  /** Whether event k's platform id is one of `ids`, without making the id (`ShapedStrings.oneOf`). */
  nativeIdOneOf(ids: ReadonlySet<string>): (k: number) => boolean {
    return this.nativeIds.oneOf(ids);
  }
  flags(k: number): readonly string[] | undefined {
    return this.flagSets[this.flagsCol?.[k] ?? 0];
  }
  detailsOf(k: number): ParsedEvent['details'] {
    const json = this.details.get(k) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as Record<string, string>);
  }
  locator(k: number): number | string {
    return this.locators.get(k) as number | string;
  }

  private setDuration(k: number, d: number | undefined): void {
    let col = this.durationCol ?? indexColumn(this.cap);
    if (
      !(col instanceof Float64Array) &&
      d !== undefined &&
      !(Number.isInteger(d) && d >= 0 && d < 0xfffffffe)
    ) {
      const doubles = column(Float64Array, this.cap).fill(Number.NaN);
      for (let i = 0; i < k; i++) if (col[i] !== 0) doubles[i] = col[i]! - 1;
      col = doubles;
    }
    if (col instanceof Float64Array) col[k] = d ?? Number.NaN;
    else col = put(col, k, d === undefined ? 0 : d + 1);
    this.durationCol = col;
  }

  private flagSet(flags: readonly string[]): number {
    const key = flags.join('\u0000');
    let id = this.flagSetIds.get(key);
    if (id === undefined) {
      id = this.flagSets.length;
      this.flagSets.push(Object.freeze(flags.map((f) => `${f} `.slice(0, -1))));
      this.flagSetIds.set(key, id);
    }
    return id;
  }

  private grow(): void {
    const cap = this.cap * 2;
    this.msCol = lengthened(this.msCol, cap);
    this.packedCol = lengthened(this.packedCol, cap);
    this.whoCol = lengthened(this.whoCol, cap);
    if (this.conversationCol) this.conversationCol = lengthened(this.conversationCol, cap);
    if (this.durationCol) {
      const none = this.durationCol instanceof Float64Array ? Number.NaN : 0;
      this.durationCol = lengthened(this.durationCol, cap, none);
    }
    if (this.flagsCol) this.flagsCol = lengthened(this.flagsCol, cap);
    this.cap = cap;
  }
}

/** One stored event seen as a `TimelineEvent`; cheap to make, so readers make them as they go. */
class EventView implements TimelineEvent {
  constructor(
    private readonly store: EventStore,
    private readonly k: number,
  ) {}
  get ms(): number {
    return this.store.ms(this.k);
  }
  get precision(): Precision {
    return this.store.precision(this.k);
  }
  get channel(): Channel {
    return this.store.channel(this.k);
  }
  get kind(): Kind {
    return this.store.kind(this.k);
  }
  get direction(): Direction {
    return this.store.direction(this.k);
  }
  get sender(): Party | undefined {
    return this.store.who(this.k).sender;
  }
  get senderKey(): string | undefined {
    return this.store.who(this.k).key;
  }
  get role(): Role | undefined {
    return this.store.who(this.k).role;
  }
  get incident(): boolean {
    return this.store.incident(this.k);
  }
  get text(): string | undefined {
    return this.store.text(this.k);
  }
  get call(): ParsedEvent['call'] {
    return this.store.call(this.k);
  }
  get conversation(): string | undefined {
    return this.store.conversation(this.k);
  }
  get nativeId(): string | undefined {
    return this.store.nativeId(this.k);
  }
  get flags(): readonly string[] | undefined {
    return this.store.flags(this.k);
  }
  get details(): ParsedEvent['details'] {
    return this.store.detailsOf(this.k);
  }
  get input(): number {
    return this.store.input(this.k);
  }
  get locator(): number | string {
    return this.store.locator(this.k);
  }

  /** Every field as a plain object, so that test assertions and JSON see the event's values. */
  toJSON(): TimelineEvent {
    return plain(this);
  }
}

/** A plain-object copy of an event. */
export function plain(e: TimelineEvent): TimelineEvent {
  return {
    ms: e.ms,
    precision: e.precision,
    channel: e.channel,
    kind: e.kind,
    direction: e.direction,
    sender: e.sender,
    senderKey: e.senderKey,
    role: e.role,
    incident: e.incident,
    text: e.text,
    call: e.call,
    conversation: e.conversation,
    nativeId: e.nativeId,
    flags: e.flags,
    details: e.details,
    input: e.input,
    locator: e.locator,
  };
}

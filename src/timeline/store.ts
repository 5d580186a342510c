/**
 * Where the timeline keeps its events: one typed column per field instead of one object per event.
 *
 * A case can hold millions of events, all alive until the report is written. As objects they cost about
 * 200 bytes each and give the garbage collector millions of things to trace; here an event costs a few
 * dozen bytes of columns outside the JavaScript heap, plus its characters in a shared text page (pages.ts).
 * Enumerations are packed into one integer, senders and conversations are numbered once, locators are split
 * into an interned shape and a number ("sms[" 41 "]"), and fields most events leave empty (flags, details,
 * native ids, call durations) take space only when some event has them.
 *
 * Readers see `TimelineEvent`s: `view(k)` makes a small object whose getters read the columns.
 */
import type { ParsedEvent, Party, TimelineEvent } from '../model/index.js';
import type { Channel, Direction, Kind, Precision, Role } from '../model/vocabulary.js';
import { CALL_STATUSES, CHANNELS, DIRECTIONS, KINDS, PRECISIONS } from '../model/vocabulary.js';
import { StringPages } from './pages.js';

/** A sender as the timeline resolved it; one shared object per distinct sender. */
export interface Who {
  readonly sender: Party | undefined;
  readonly key: string | undefined;
  readonly role: Role | undefined;
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

/** Locator numbers above this, or written with leading zeros, are kept whole in the shape. */
const NO_NUMBER = 0xffffffff;

export class EventStore {
  private n = 0;
  private cap = 1024;
  private msCol = new Float64Array(this.cap);
  private packedCol = new Uint32Array(this.cap);
  private whoCol = new Uint32Array(this.cap);
  // Inputs are read one after another, so an event's input is kept as runs: [first event, input] pairs.
  private readonly inputRunStart: number[] = [];
  private readonly inputRunValue: number[] = [];
  // Columns most sources leave at 0 (no conversation; a line-number locator) exist only once one is not.
  private conversationCol: Uint32Array | undefined;
  private shapeCol: Uint32Array | undefined;
  private numberCol = new Uint32Array(this.cap);
  private durationCol: Float64Array | undefined;
  private flagsCol: Uint32Array | undefined;
  private readonly texts = new StringPages();
  private nativeIds: StringPages | undefined;
  // Details (diary location, Telegram reply ids…) as JSON text in pages: an object per event would cost ~150 B.
  private details: StringPages | undefined;
  // A string locator is a shape with its last one or two numbers taken out ("sms[" 41 "] (line " 43 ")").
  private readonly shapes: { head: string; mid: string; tail: string; numbers: 0 | 1 | 2 }[] = [
    { head: '', mid: '', tail: '', numbers: 1 },
  ];
  private number2Col: Uint32Array | undefined;
  private lastShape = 0;
  private readonly shapeIds = new Map<string, number>();
  private readonly flagSets: (readonly string[] | undefined)[] = [undefined];
  private readonly flagSetIds = new Map<string, number>();

  /**
   * @param whos senders by number (the builder's table, shared so that late additions are seen)
   * @param conversations conversation names by number; number 0 is "none"
   */
  constructor(
    private readonly whos: readonly Who[],
    private readonly conversations: readonly (string | undefined)[],
  ) {}

  get length(): number {
    return this.n;
  }

  /** Appends an event; returns its number. */
  add(e: ParsedEvent, r: Resolved): number {
    const k = this.n++;
    if (k === this.cap) this.grow();
    this.msCol[k] = r.ms;
    this.packedCol[k] =
      CHANNEL_CODE[e.channel]! |
      (KIND_CODE[e.kind]! << KIND_AT) |
      (DIRECTION_CODE[r.direction]! << DIRECTION_AT) |
      (PRECISION_CODE[e.time.precision]! << PRECISION_AT) |
      (r.incident ? INCIDENT : 0) |
      (e.call === undefined ? 0 : (CALL_CODE[e.call.status]! + 1) << CALL_AT);
    this.whoCol[k] = r.who;
    if (this.inputRunValue.at(-1) !== r.input) {
      this.inputRunStart.push(k);
      this.inputRunValue.push(r.input);
    }
    if (r.conversation !== 0 || this.conversationCol) {
      this.conversationCol ??= new Uint32Array(this.cap);
      this.conversationCol[k] = r.conversation;
    }
    this.setLocator(k, e.locator);
    this.texts.push(e.text);
    if (e.call?.durationSec !== undefined) {
      this.durationCol ??= new Float64Array(this.cap).fill(Number.NaN);
      this.durationCol[k] = e.call.durationSec;
    } else if (this.durationCol) this.durationCol[k] = Number.NaN;
    if (e.nativeId !== undefined || this.nativeIds) {
      if (!this.nativeIds) {
        this.nativeIds = new StringPages();
        for (let i = 0; i < k; i++) this.nativeIds.push(undefined);
      }
      this.nativeIds.push(e.nativeId);
    }
    if (r.flags !== undefined && r.flags.length > 0) {
      this.flagsCol ??= new Uint32Array(this.cap);
      this.flagsCol[k] = this.flagSet(r.flags);
    } else if (this.flagsCol) this.flagsCol[k] = 0;
    if (r.details !== undefined || this.details) {
      if (!this.details) {
        this.details = new StringPages();
        for (let i = 0; i < k; i++) this.details.push(undefined);
      }
      this.details.push(r.details === undefined ? undefined : JSON.stringify(r.details));
    }
    return k;
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
  kind(k: number): Kind {
    return KINDS[(this.packedCol[k]! >> KIND_AT) & 15]!;
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
    const starts = this.inputRunStart;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    return this.inputRunValue[lo]!;
  }
  text(k: number): string | undefined {
    return this.texts.get(k);
  }
  call(k: number): ParsedEvent['call'] {
    const c = (this.packedCol[k]! >> CALL_AT) & 15;
    if (c === 0) return undefined;
    const d = this.durationCol?.[k];
    const status = CALL_STATUSES[c - 1]!;
    return d === undefined || Number.isNaN(d) ? { status } : { status, durationSec: d };
  }
  conversation(k: number): string | undefined {
    return this.conversations[this.conversationCol?.[k] ?? 0];
  }
  nativeId(k: number): string | undefined {
    return this.nativeIds?.get(k);
  }
  flags(k: number): readonly string[] | undefined {
    return this.flagSets[this.flagsCol?.[k] ?? 0];
  }
  detailsOf(k: number): ParsedEvent['details'] {
    const json = this.details?.get(k);
    return json === undefined ? undefined : (JSON.parse(json) as Record<string, string>);
  }
  locator(k: number): number | string {
    const s = this.shapeCol?.[k] ?? 0;
    const num = this.numberCol[k]!;
    if (s === 0) return num;
    const shape = this.shapes[s]!;
    if (shape.numbers === 0) return shape.head;
    if (shape.numbers === 1) return `${shape.head}${num}${shape.tail}`;
    return `${shape.head}${num}${shape.mid}${this.number2Col![k]!}${shape.tail}`;
  }

  private setLocator(k: number, locator: number | string): void {
    if (typeof locator === 'number' && Number.isInteger(locator) && locator >= 0 && locator < NO_NUMBER) {
      if (this.shapeCol) this.shapeCol[k] = 0;
      this.numberCol[k] = locator;
      return;
    }
    const text = String(locator);
    // The last two runs of digits, written plainly (no leading zero, at most 9 digits) so they read back the same.
    const last = text.length <= 200 ? digitRunBefore(text, text.length) : undefined;
    const before = last ? digitRunBefore(text, last.start) : undefined;
    const two = before !== undefined && last !== undefined && before.end < last.start;
    // Consecutive records nearly always share their shape: compare in place before cutting any strings.
    const prev = this.shapes[this.lastShape]!;
    const numbers = two ? 2 : last ? 1 : 0;
    if (
      this.lastShape !== 0 &&
      prev.numbers === numbers &&
      sameShape(text, prev, two ? before : last, last)
    ) {
      this.shapeCol![k] = this.lastShape;
      this.numberCol[k] = two ? before.value : last ? last.value : NO_NUMBER;
      if (this.number2Col) this.number2Col[k] = two ? last!.value : 0;
      return;
    }
    const head = two ? text.slice(0, before.start) : last ? text.slice(0, last.start) : text;
    const mid = two ? text.slice(before.end, last.start) : '';
    const tail = last ? text.slice(last.end) : '';
    const key = `${numbers}\u0000${head}\u0000${mid}\u0000${tail}`;
    let s = this.shapeIds.get(key);
    if (s === undefined) {
      s = this.shapes.length;
      // Copied so that a locator cut from a parser's chunk does not keep the chunk alive.
      const copy = (x: string) => `${x} `.slice(0, -1);
      this.shapes.push({ head: copy(head), mid: copy(mid), tail: copy(tail), numbers });
      this.shapeIds.set(copy(key), s);
    }
    this.shapeCol ??= new Uint32Array(this.cap);
    this.shapeCol[k] = s;
    this.lastShape = s;
    this.numberCol[k] = two ? before.value : last ? last.value : NO_NUMBER;
    if (two || this.number2Col) {
      this.number2Col ??= new Uint32Array(this.cap);
      this.number2Col[k] = two ? last!.value : 0;
    }
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
    const more = <T extends Float64Array | Uint32Array>(a: T, fill?: number): T => {
      const b = new (a.constructor as { new (n: number): T })(cap);
      b.set(a);
      if (fill !== undefined) b.fill(fill, a.length);
      return b;
    };
    this.msCol = more(this.msCol);
    this.packedCol = more(this.packedCol);
    this.whoCol = more(this.whoCol);
    if (this.conversationCol) this.conversationCol = more(this.conversationCol);
    if (this.shapeCol) this.shapeCol = more(this.shapeCol);
    if (this.number2Col) this.number2Col = more(this.number2Col);
    this.numberCol = more(this.numberCol);
    if (this.durationCol) this.durationCol = more(this.durationCol, Number.NaN);
    if (this.flagsCol) this.flagsCol = more(this.flagsCol);
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

/**
 * The last run of ASCII digits ending at or before `end` that reads back as written (no leading zero, at most
 * nine digits), or undefined when the nearest run is not such a number.
 */
function digitRunBefore(
  text: string,
  end: number,
): { start: number; end: number; value: number } | undefined {
  let e = end;
  while (e > 0 && !isDigit(text.charCodeAt(e - 1))) e--;
  if (e === 0) return undefined;
  let b = e;
  while (b > 0 && isDigit(text.charCodeAt(b - 1))) b--;
  const n = e - b;
  if (n > 9 || (n > 1 && text.charCodeAt(b) === 48)) return undefined;
  return { start: b, end: e, value: Number(text.slice(b, e)) };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether `text` is `shape` with numbers at the runs `a` (first) and `b` (second, for two-number shapes). */
function sameShape(
  text: string,
  shape: { head: string; mid: string; tail: string; numbers: 0 | 1 | 2 },
  a: { start: number; end: number } | undefined,
  b: { start: number; end: number } | undefined,
): boolean {
  if (shape.numbers === 0) return text === shape.head;
  if (a === undefined || b === undefined) return false;
  const last = shape.numbers === 2 ? b : a;
  return (
    a.start === shape.head.length &&
    text.startsWith(shape.head) &&
    (shape.numbers === 1 || (b.start - a.end === shape.mid.length && text.startsWith(shape.mid, a.end))) &&
    text.length - last.end === shape.tail.length &&
    text.endsWith(shape.tail)
  );
}

/**
 * How the timeline stores an event: a small object that reads as a `TimelineEvent`.
 *
 * A case can hold millions of events, and each one lives until the report is written, so its size and the
 * garbage collector's work on it decide how far chronolog scales. A plain object with every field of
 * `TimelineEvent` costs about 180 bytes and is copied twice by the young-generation collector before it
 * settles. This one keeps seven slots: the instant, the small enumerations packed into one integer, a
 * pointer to the sender's resolution (shared by every event from that sender), the text, the input, the
 * locator, and a rarely-set record for everything else (call outcome, conversation, native id, flags,
 * details). The remaining fields are getters on the prototype, so consumers read `e.channel` as before.
 */
import type { ParsedEvent, Party, TimelineEvent } from '../model/index.js';
import {
  CHANNELS,
  type Channel,
  DIRECTIONS,
  type Direction,
  KINDS,
  type Kind,
  PRECISIONS,
  type Precision,
  type Role,
} from '../model/vocabulary.js';

/** A sender as the timeline resolved it; one shared object per distinct sender. */
export interface Who {
  readonly sender: Party | undefined;
  readonly key: string | undefined;
  readonly role: Role | undefined;
}

/** The fields most events leave empty, kept out of line so that they cost one slot when absent. */
export interface Rare {
  readonly call: ParsedEvent['call'];
  readonly conversation: string | undefined;
  readonly nativeId: string | undefined;
  readonly flags: readonly string[] | undefined;
  readonly details: ParsedEvent['details'];
}

const CHANNEL_CODE = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));
const KIND_CODE = new Map<string, number>(KINDS.map((k, i) => [k, i]));
const DIRECTION_CODE = new Map<string, number>(DIRECTIONS.map((d, i) => [d, i]));
const PRECISION_CODE = new Map<string, number>(PRECISIONS.map((p, i) => [p, i]));

// Bit layout of `packed`: channel 0–4, kind 5–8, direction 9–10, precision 11–12, incident 13.
const KIND_SHIFT = 5;
const DIRECTION_SHIFT = 9;
const PRECISION_SHIFT = 11;
const INCIDENT = 1 << 13;

/** Packs the enumerations of one event into a small integer (V8 keeps it unboxed). */
export function pack(
  channel: Channel,
  kind: Kind,
  direction: Direction,
  precision: Precision,
  incident: boolean,
): number {
  return (
    CHANNEL_CODE.get(channel)! |
    (KIND_CODE.get(kind)! << KIND_SHIFT) |
    (DIRECTION_CODE.get(direction)! << DIRECTION_SHIFT) |
    (PRECISION_CODE.get(precision)! << PRECISION_SHIFT) |
    (incident ? INCIDENT : 0)
  );
}

/** One event on the timeline (see the file comment for why it is shaped like this). */
export class StoredEvent implements TimelineEvent {
  constructor(
    readonly ms: number,
    private readonly packed: number,
    private readonly who: Who,
    readonly text: string | undefined,
    readonly input: number,
    readonly locator: number | string,
    private readonly rare: Rare | undefined,
  ) {}

  get channel(): Channel {
    return CHANNELS[this.packed & 31]!;
  }
  get kind(): Kind {
    return KINDS[(this.packed >> KIND_SHIFT) & 15]!;
  }
  get direction(): Direction {
    return DIRECTIONS[(this.packed >> DIRECTION_SHIFT) & 3]!;
  }
  get precision(): Precision {
    return PRECISIONS[(this.packed >> PRECISION_SHIFT) & 3]!;
  }
  get incident(): boolean {
    return (this.packed & INCIDENT) !== 0;
  }
  get sender(): Party | undefined {
    return this.who.sender;
  }
  get senderKey(): string | undefined {
    return this.who.key;
  }
  get role(): Role | undefined {
    return this.who.role;
  }
  get call(): ParsedEvent['call'] {
    return this.rare?.call;
  }
  get conversation(): string | undefined {
    return this.rare?.conversation;
  }
  get nativeId(): string | undefined {
    return this.rare?.nativeId;
  }
  get flags(): readonly string[] | undefined {
    return this.rare?.flags;
  }
  get details(): ParsedEvent['details'] {
    return this.rare?.details;
  }

  /** Every field as a plain object (for tests, debugging and structured cloning). */
  toJSON(): TimelineEvent {
    return {
      ms: this.ms,
      precision: this.precision,
      channel: this.channel,
      kind: this.kind,
      direction: this.direction,
      sender: this.sender,
      senderKey: this.senderKey,
      role: this.role,
      incident: this.incident,
      text: this.text,
      call: this.call,
      conversation: this.conversation,
      nativeId: this.nativeId,
      flags: this.flags,
      details: this.details,
      input: this.input,
      locator: this.locator,
    };
  }
}

/**
 * Turns each `ParsedEvent` into a stored timeline event the moment a source emits it, so the parsed object can
 * be collected at once and memory stays near a few dozen bytes per event (store.ts): the time is resolved to
 * one UTC instant (local wall-clock times in the case zone, DST gaps and overlaps flagged) and the sender is
 * resolved against the case file, once per distinct sender. A time that cannot be used is not stored: `build`
 * says why, and the caller rejects the record.
 */

import { utcText } from '../model/format.js';
import type { ParsedEvent, Party } from '../model/index.js';
import { DST_FLAGS } from '../model/time-flags.js';
import { STAMPED_TIMES, type TimeRange } from '../model/time-range.js';
import { type IdentityResolver, keepFirst, type ResolverMark } from './identities.js';
import { NameTable } from './names.js';
import type { NewBlock, Utf8Span } from './pages.js';
import { EventStore, type Resolved, type Who } from './store.js';
import { type DstFlag, wallClockMs, type Zone } from './zone.js';

/**
 * A copy of a string that does not keep its parent alive. V8 represents `s.slice()` of 13+ characters as a view
 * into the original string, so a 30-character message text cut from a parser's 64 KiB chunk would pin the whole
 * chunk for as long as the event lives (measured: 65 KB per kept slice). Concatenating first forces a flat copy.
 */
function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** The flag of a record dated after the report was generated (future.ts). */
const AFTER_REPORT = 'time-after-report';

const NOBODY: Who = { sender: undefined, key: undefined, role: undefined };

/** Distinct senders remembered; past this, senders are resolved afresh (same answer, more memory). */
const MAX_SENDERS = 1_000_000;

/** Sizes of a `TimelineBuilder`'s sender tables at some point. */
export interface BuilderMark {
  readonly whos: number;
  readonly byFields: number;
  readonly byObject: number;
  readonly resolver: ResolverMark;
}

/** Why a record's time cannot be used: the rejection's code, message and hint. */
export interface UnusableTime {
  readonly code: 'TIMELINE_BAD_TIME' | 'TIMELINE_IMPLAUSIBLE_TIME';
  readonly message: string;
  readonly hint: string;
}

const CHECK = 'Check the record in the original file.';

/**
 * How `build` read the last event's wall-clock time around a clock change: 'overlap-later' is a time that occurs
 * twice read as the second of the two (after the clocks went back), because the record before it in the same
 * file is already past the first.
 */
export type BuiltDst = DstFlag | 'overlap-later';

export class TimelineBuilder {
  private readonly conversations = new NameTable();
  private readonly whos: Who[] = [NOBODY];
  /** Sender numbers by the sender's fields, and by the Party object itself for sources that reuse them. */
  private readonly byFields = new Map<string, number>();
  private readonly byObject = new Map<Party, number>();
  /** Every event built, in the order built. */
  readonly store: EventStore;
  /** Set by `build` when the event's local time fell in a DST gap or overlap. */
  dst: BuiltDst;
  /** Set by `build` when the event's instant is after `after` (the report's generation time and a margin). */
  future = false;
  /**
   * Set by `build` to the event's wall-clock time as written (ms, read as if UTC) when its source gave no zone
   * (`EventTime` `local`), else undefined: what shifted-copies.ts compares.
   */
  wall: number | undefined;
  /**
   * The input and instant of the event built last. Inputs are read one after another, so this is the record
   * before in the same file when the inputs match: a time that occurs twice is read as the second of the two when
   * that record is already past the first (the clocks went back between them), instead of put before it.
   */
  private lastInput = -1;
  private lastMs = 0;
  /**
   * What `build` decided about the event, handed to the store: one record filled again for every event (the
   * store copies what it keeps), instead of a new object per event for the young generation to collect.
   */
  private readonly resolved: { -readonly [K in keyof Resolved]: Resolved[K] } = {
    ms: 0,
    direction: 'unknown',
    incident: false,
    who: 0,
    conversation: 0,
    flags: undefined,
    details: undefined,
    input: 0,
  };

  /**
   * @param newBlock where the store's text blocks come from (pages.ts)
   * @param after the instant past which a record is flagged `time-after-report` (future.ts); none by default
   */
  constructor(
    private readonly zone: Zone,
    private readonly identities: IdentityResolver,
    newBlock?: NewBlock,
    private readonly after = Number.POSITIVE_INFINITY,
  ) {
    this.store = new EventStore(this.whos, this.conversations, newBlock);
  }

  /**
   * Stores the event and returns its number, or says why the record's time cannot be used: it is no time, or it
   * lies outside `range`, the times its format's records may carry (model/time-range.ts). The caller rejects it.
   * `text`, when given, is the event's text as UTF-8 (SourceContext.emitUtf8), stored instead of `e.text`.
   */
  build(
    e: ParsedEvent,
    input: number,
    range: TimeRange = STAMPED_TIMES,
    text?: Utf8Span,
  ): number | UnusableTime {
    let ms: number;
    this.dst = undefined;
    this.future = false;
    this.wall = undefined;
    if (e.time.type === 'instant') {
      ms = e.time.ms;
      if (!Number.isFinite(ms)) {
        return {
          code: 'TIMELINE_BAD_TIME',
          message: `time ${String(ms)} is not a number of milliseconds`,
          hint: CHECK,
        };
      }
      if (ms < range.from || ms >= range.until) return implausible(e, ms, range);
    } else {
      const wall = e.time.wallMs ?? wallClockMs(e.time.local);
      if (wall === undefined) {
        return {
          code: 'TIMELINE_BAD_TIME',
          message: `"${e.time.local}" is not a real local date and time`,
          hint: CHECK,
        };
      }
      // Compared as written, before the zone: the date the record gives is what is out of place.
      if (wall < range.from || wall >= range.until) return implausible(e, wall, range);
      this.wall = wall;
      const quick = this.zone.quickInstant(wall);
      if (quick !== undefined) ms = quick;
      else {
        const r = this.zone.resolve(wall);
        ms = r.ms;
        this.dst = r.dst;
        if (r.dst === 'overlap' && input === this.lastInput && this.lastMs > ms) {
          // Only when the record before lies between the two readings: a file written newest first, or one that
          // jumps back further, gives no sign of which is meant, and keeps the earlier.
          const later = this.zone.laterInstant(wall);
          if (this.lastMs <= later) {
            ms = later;
            this.dst = 'overlap-later';
          }
        }
      }
    }
    const who = e.sender === undefined ? 0 : this.who(e.sender);
    const role = this.whos[who]!.role;
    let direction = e.direction;
    if (direction === 'unknown' && role === 'victim') direction = 'outgoing';
    else if (direction === 'unknown' && role === 'subject') direction = 'incoming';
    this.lastInput = input;
    this.lastMs = ms;
    const r = this.resolved;
    r.ms = ms;
    r.direction = direction;
    r.incident = role === 'subject' && direction !== 'outgoing';
    r.who = who;
    r.conversation = e.conversation === undefined ? 0 : this.conversations.id(e.conversation);
    this.future = ms > this.after && range.shifted !== true;
    r.flags =
      this.dst || this.future
        ? [
            ...(e.flags ?? []),
            ...(this.dst ? [DST_FLAGS[this.dst]] : []),
            ...(this.future ? [AFTER_REPORT] : []),
          ]
        : e.flags;
    r.details = e.details;
    r.input = input;
    return this.store.add(e, r, text);
  }

  /**
   * No subject is named, only the victim: every other sender counts as the subject without being known as them
   * (identities.ts), so de-duplication compares such senders by their own keys (dedupe.ts `senderCompared`).
   */
  get subjectAssumed(): boolean {
    return this.identities.subjectIsEveryoneElse;
  }

  /** Where the sender tables stand now (and the resolver's), for `rollback`. */
  mark(): BuilderMark {
    return {
      whos: this.whos.length,
      byFields: this.byFields.size,
      byObject: this.byObject.size,
      resolver: this.identities.mark(),
    };
  }

  /**
   * Forgets the senders met since `mark`, here and in the resolver (an input read again from the start). The
   * events stored since stay in the store, voided by the caller, and are never read again.
   */
  rollback(mark: BuilderMark): void {
    this.lastInput = -1;
    this.whos.length = mark.whos;
    keepFirst(this.byFields, mark.byFields);
    keepFirst(this.byObject, mark.byObject);
    this.identities.rollback(mark.resolver);
  }

  /**
   * The number of a sender's shared resolution. Sources that emit the same Party object for the same sender
   * are answered by object identity; others by their fields (one string key per event).
   */
  private who(p: Party): number {
    const seen = this.byObject.get(p);
    if (seen !== undefined) return seen;
    const key = partyKey(p);
    let id = this.byFields.get(key);
    if (id === undefined) {
      const sender: Party = {
        ...(p.id !== undefined ? { id: own(p.id) } : {}),
        ...(p.idType !== undefined ? { idType: p.idType } : {}),
        ...(p.name !== undefined ? { name: own(p.name) } : {}),
        ...(p.role !== undefined ? { role: p.role } : {}),
      };
      const r = this.identities.resolve(sender);
      id = this.whos.length;
      this.whos.push({ sender, key: r.key, role: r.role });
      if (this.byFields.size < MAX_SENDERS) {
        this.byFields.set(own(key), id);
        // Only the first object seen for a sender is remembered: a source that makes a new Party per record
        // would otherwise fill this map with one entry per event.
        this.byObject.set(p, id);
      }
    }
    return id;
  }
}

/** The rejection of a record whose time `at` (UTC, or the wall-clock time as written) lies outside `range`. */
function implausible(e: ParsedEvent, at: number, range: TimeRange): UnusableTime {
  const shown =
    e.time.type === 'local'
      ? `${e.time.local.length > 10 ? 'date and time' : 'date'} ${e.time.local.replace('T', ' ')} (local time as read)`
      : Math.abs(at) > 8.64e15
        ? `time ${at} ms since 1970 (no calendar date)`
        : `time ${utcText(at, { seconds: 'always' })} UTC`;
  return {
    code: 'TIMELINE_IMPLAUSIBLE_TIME',
    message: `the record's ${shown} is outside the dates accepted for ${range.records} (${utcText(range.from).slice(0, 10)} to ${utcText(range.until - 1).slice(0, 10)})`,
    hint: range.hint,
  };
}

/** One string for a sender's fields: two senders are the same sender when their keys are equal. */
export function partyKey(p: Party): string {
  return `${p.id ?? ''}\u0000${p.idType ?? ''}\u0000${p.name ?? ''}\u0000${p.role ?? ''}`;
}

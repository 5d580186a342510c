/**
 * The two stages of an event: `ParsedEvent` is what a source emits (time as found, sender as written);
 * `TimelineEvent` is what the timeline keeps (one UTC instant, a resolved sender, provenance).
 */
import type { CallStatus, Channel, Direction, IdType, Kind, Precision, Role } from './vocabulary.js';

/**
 * A time exactly as the source can vouch for it.
 * - `instant`: the export carries an absolute time (epoch milliseconds, or a stamp with an offset).
 * - `local`: wall-clock time only ("YYYY-MM-DDTHH:mm" or "YYYY-MM-DDTHH:mm:ss", or "YYYY-MM-DD" with
 *   precision `day`); the timeline resolves it in the case zone and flags DST gaps and overlaps.
 */
export type EventTime =
  | { readonly type: 'instant'; readonly ms: number; readonly precision: Precision }
  | {
      readonly type: 'local';
      readonly local: string;
      readonly precision: Precision;
      /**
       * The same wall-clock time as milliseconds since 1970-01-01T00:00, read as if it were UTC, when the source
       * already has it as validated numbers: the timeline then need not parse `local` again (a million-message
       * chat spent ~0.1 s doing so). It must equal what `local` says, and `local` must be it written out at the
       * event's precision: `YYYY-MM-DDTHH:mm` for `min`, `YYYY-MM-DDTHH:mm:ss` for `s` (a source's events that
       * cross threads are sent without `local` then, pipeline/wire/).
       */
      readonly wallMs?: number | undefined;
    };

/**
 * A participant as the source wrote it: an `id`, a `name`, or both — or only a `role` when the format itself says
 * who it is without naming them (a diary row is about the subject).
 */
export interface Party {
  /** Phone number, e-mail address, account id or handle, exactly as written in the export. */
  readonly id?: string;
  /** How `id` should be normalised; guessed from its shape when absent. */
  readonly idType?: IdType;
  /** Display name as written ("Sam", "~ Nev", "Sam Smith"). */
  readonly name?: string;
  /**
   * Set only when the format itself says who this is: "You" in a WhatsApp export is the exporter (`victim`);
   * a diary entry is about the subject unless it names someone else (`subject`).
   */
  readonly role?: Role;
}

/** One record of an export that became an event. Sources fill what they know and nothing else. */
export interface ParsedEvent {
  /** Where the record is in its file: a 1-based line number, or an element/JSON path such as `sms[3]`. */
  readonly locator: number | string;
  readonly time: EventTime;
  readonly channel: Channel;
  readonly kind: Kind;
  readonly direction: Direction;
  readonly sender?: Party;
  readonly text?: string;
  readonly call?: { readonly status: CallStatus; readonly durationSec?: number };
  /** Chat, thread or mailbox the record belongs to, when the export names it. */
  readonly conversation?: string;
  /** The platform's own id for the record (Message-ID, snowflake…); de-duplication prefers it. */
  readonly nativeId?: string;
  /** Kebab-case notes that apply to this record only (e.g. `time-approximate`, `edited`, `dst-gap`). */
  readonly flags?: readonly string[];
  /** Extra columns worth keeping as evidence (diary location, witnesses, crime reference…). */
  readonly details?: Readonly<Record<string, string>>;
}

/** An event on the timeline: one instant, a resolved sender, and where it came from. */
export interface TimelineEvent {
  /** UTC instant in epoch milliseconds. */
  readonly ms: number;
  readonly precision: Precision;
  readonly channel: Channel;
  readonly kind: Kind;
  readonly direction: Direction;
  readonly sender: Party | undefined;
  /** The normalised identifier the sender resolved to (E.164, lower-cased e-mail, folded name…). */
  readonly senderKey: string | undefined;
  readonly role: Role | undefined;
  readonly incident: boolean;
  readonly text: string | undefined;
  readonly call: ParsedEvent['call'];
  readonly conversation: string | undefined;
  readonly nativeId: string | undefined;
  readonly flags: readonly string[] | undefined;
  readonly details: ParsedEvent['details'];
  /** Index into the run's list of inputs. */
  readonly input: number;
  readonly locator: number | string;
}

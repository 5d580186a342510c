/**
 * How a Messenger or Instagram call ended, from the owner's side. Meta files a call under the person who placed
 * it and marks it `missed` (or words it "… missed …") when nobody answered, whoever called; `call_duration` is 0
 * for a call nobody answered. So a call the exporting account placed is `outgoing` whatever became of it (an
 * unanswered call of one's own is no missed call), and only a call someone else placed can be `missed`.
 *
 * Who placed it is known from the words ("You called Sam.", "Sam missed your call.") or from the sender and the
 * thread's owner, which only a one-to-one thread shows (meta/people.ts `threadOwner`). In a group thread Meta
 * does not say which participant is the exporting account, so a call marked missed there may be the owner's own
 * call nobody answered: its status is `unknown`, never `missed`, and the file gets one MESSENGER_CALLER_UNKNOWN
 * warning. So is a call whose words say someone else missed it ("Sam missed a video chat."): the owner did not
 * miss it, and whose call it was the words do not say.
 *
 * A call that lasted (`call_duration` > 0) was answered by someone. In a thread of two that can only be the owner
 * (or the owner placed it: `outgoing`), so it is `answered`. In a group it may be any other member: the duration
 * shows the call took place, not that the owner (the victim) joined it, and the call record does not say who
 * joined (a "… joined the video call." notice is a separate record, not read as an answer). So a group call
 * the owner is not shown to have placed stays `unknown`, with one MESSENGER_GROUP_CALL_JOIN_UNKNOWN warning per
 * file; its duration is kept. A thread that only may be a group (more than two names appear in it, no
 * `thread_type` saying so) is read the same way, and its warning says "may be a group", not that it is one.
 *
 * The classic JSON, the E2EE JSON and the HTML page all read their calls through `CallReader`, so one call reads
 * alike whichever export holds it; only the classic JSON adds a `missed` field and a duration to the words.
 */
import type { CallStatus, ParsedEvent } from '../../model/index.js';
import type { SourceContext } from '../source.js';
import { type EventBase, withKind } from './event.js';
import type { Caller, CallSentence } from './sentences.js';

/**
 * `by`: who placed the call, when the sentence or the thread shows it; `missed`: the export marks it missed;
 * `durationSec`: its `call_duration`; `missedBy`: who the words say missed it ("You missed…": `owner`, "Sam
 * missed…": `other`). A 0-second or missed call of someone else's is one the owner did not answer (missed); one
 * whose caller is unknown may be the owner's own unanswered call, so it stays `unknown`, as does one another person
 * is said to have missed. `group`: the thread is a group (meta/people.ts `isGroupThread`), where a call that lasted
 * says nothing of whether the owner joined it, so it stays `unknown` rather than `answered`.
 */
export function callStatus(
  by: Caller | undefined,
  missed: boolean,
  durationSec: number | undefined,
  missedBy?: Caller,
  group = false,
): CallStatus {
  if (by === 'owner') return 'outgoing';
  if (missedBy === 'other') return 'unknown';
  if (missed) return by === 'other' ? 'missed' : 'unknown';
  // Someone answered; in a thread of two that is the owner, in a group it may be any other member.
  if (durationSec !== undefined && durationSec > 0) return group ? 'unknown' : 'answered';
  if (durationSec === 0 && by === 'other') return 'missed';
  return 'unknown';
}

/**
 * Who placed a call: as its sentence says ("You called…"), else from the sender it is filed under and the
 * thread's owner (meta/people.ts `threadOwner`), when both are known.
 */
export function callerOf(
  said: Caller | undefined,
  sender: string | undefined,
  owner: string | undefined,
): Caller | undefined {
  if (said !== undefined) return said;
  if (sender === undefined || owner === undefined) return undefined;
  return sender === owner ? 'owner' : 'other';
}

/** A file's MESSENGER_CALLER_UNKNOWN warning, called for each call with its status (`unknownCallerWarning`). */
type CallerUnknownWarning = (locator: number | string, status: CallStatus, missed: boolean) => void;

/**
 * One file's MESSENGER_CALLER_UNKNOWN warning: call it for each call with its status; the first call marked
 * missed (`missed`: by the export or its words) whose status had to stay `unknown` is warned about, once.
 */
function unknownCallerWarning(ctx: SourceContext): CallerUnknownWarning {
  let warned = false;
  return (locator, status, missed) => {
    if (warned || status !== 'unknown' || !missed) return;
    warned = true;
    ctx.warn(
      'MESSENGER_CALLER_UNKNOWN',
      locator,
      'A call marked missed is listed with status "unknown", not "missed": Meta marks a call missed when nobody answered, whoever placed it, and neither this thread nor the call\'s words show that the exporting account was the one who missed it (a group thread does not say which participant is the account; "Sam missed a video chat" says another person missed it, not whose call it was). Other such calls in this file are listed the same way.',
      'Check these calls in Messenger itself if it matters who placed them; the words of each call record are kept as written.',
    );
  };
}

/**
 * What shows a thread is a group, for the words of the warning: its `thread_type` ("RegularGroup"), or only more
 * than two names appearing in it (meta/people.ts `isGroupThread`), which a thread of two whose username and
 * display name could not be linked also shows, so that one "may be" a group.
 */
export type GroupShownBy = 'thread-type' | 'names';

/**
 * One file's MESSENGER_GROUP_CALL_JOIN_UNKNOWN warning: call it for each group call that lasted but is listed
 * `unknown` (`callStatus` with `group`); the first is warned about, once, naming its duration.
 */
function groupCallWarning(
  ctx: SourceContext,
  shownBy: GroupShownBy,
): (locator: number | string, durationSec: number) => void {
  // A thread_type saying group is stated as such; more than two names only suggest one (meta/people.ts).
  const declared = shownBy === 'thread-type';
  let warned = false;
  return (locator, durationSec) => {
    if (warned) return;
    warned = true;
    const opening = declared
      ? `A group call that lasted ${durationSec} seconds is listed with status "unknown", not "answered": in a group,`
      : `A call that lasted ${durationSec} seconds is listed with status "unknown", not "answered": this thread may be a group (more than two names appear in it), and in a group`;
    ctx.warn(
      'MESSENGER_GROUP_CALL_JOIN_UNKNOWN',
      locator,
      `${opening} a call's duration shows that the call took place, not that the exporting account joined it, and the call record does not say who joined. Other such ${declared ? 'group calls' : 'calls'} in this file are listed the same way, with their durations.`,
      declared
        ? 'Check in Messenger itself, or with the account owner, whether they took part in these calls.'
        : 'Check in Messenger or Instagram itself, or with the account owner, who was in this conversation and whether they took part in these calls.',
    );
  };
}

/** What one call record says of itself, as each export writes it. */
export interface CallRecord {
  /** Its words, when they are a call sentence (meta/sentences.ts). */
  readonly said?: CallSentence | undefined;
  /** The name it is filed under (the caller, in Meta's exports). */
  readonly sender?: string | undefined;
  /** The classic JSON's `missed` field; the E2EE and HTML exports have only the words. */
  readonly markedMissed?: boolean | undefined;
  /** The classic JSON's `call_duration` in seconds; the other exports show none. */
  readonly durationSec?: number | undefined;
}

/**
 * One file's reading of calls, the same for the classic JSON, the E2EE JSON and the HTML page: who placed the
 * call (`callerOf`), its status from the owner's side (`callStatus`), the file's one MESSENGER_CALLER_UNKNOWN
 * warning, and `details.calleeMissed` when the export marks the call missed (by its `missed` field or by its
 * words, "Sam missed your call.") but the status cannot say so — the owner's own call (`outgoing`) or one whose
 * caller is not shown (`unknown`) — so the mark is never lost. In a group (`group`), a call that lasted is not
 * `answered` unless the owner placed it, with the file's one MESSENGER_GROUP_CALL_JOIN_UNKNOWN warning.
 */
export class CallReader {
  private readonly warn: CallerUnknownWarning;
  private readonly warnGroupCall: (locator: number | string, durationSec: number) => void;
  private readonly group: boolean;

  /**
   * `owner`: the exporting account's name when the thread shows it (meta/people.ts). `group`: what shows the
   * thread is or may be a group (`GroupShownBy`), undefined for a thread of two; it matters only to an export
   * that writes a call's duration (the classic JSON): without one no call is `answered`.
   */
  constructor(
    ctx: SourceContext,
    private readonly owner: string | undefined,
    group?: GroupShownBy,
  ) {
    this.group = group !== undefined;
    this.warn = unknownCallerWarning(ctx);
    this.warnGroupCall = groupCallWarning(ctx, group ?? 'thread-type');
  }

  /** The call event of a record whose fields are `base`. */
  event(base: EventBase, record: CallRecord): ParsedEvent {
    const { said, durationSec } = record;
    const by = callerOf(said?.by, record.sender, this.owner);
    const missed = record.markedMissed === true || said?.missed === true;
    const status = callStatus(by, missed, durationSec, said?.missedBy, this.group);
    this.warn(base.locator, status, missed);
    // Held back from `answered` only because the thread is a group: say so, once per file.
    if (
      this.group &&
      status === 'unknown' &&
      callStatus(by, missed, durationSec, said?.missedBy) === 'answered'
    )
      this.warnGroupCall(base.locator, durationSec!);
    const event = withKind(base, 'call', {
      call: durationSec === undefined ? { status } : { status, durationSec },
    });
    if (!missed || (status !== 'outgoing' && status !== 'unknown')) return event;
    return { ...event, details: { ...event.details, calleeMissed: 'true' } };
  }
}

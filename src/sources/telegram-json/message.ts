/**
 * One element of a Telegram `messages` array → one event, skip or reject. Message objects are hostile input: every
 * member is type-checked before use and nothing in them is ever evaluated.
 */
import { plural } from '../../model/format.js';
import type { CallStatus, EventTime, Kind, ParsedEvent, Party } from '../../model/index.js';
import { TOO_DEEP } from '../json-depth.js';
import { MAX_RECORD_CHARS } from '../json-values.js';
import { type CutOutcome, warnJsonTextCut } from '../long-text.js';
import type { SourceContext } from '../source.js';
import { decodeFields, F, type Fields, newFields, type StreamedText } from './fields.js';
import type { ChatInfo } from './scanner.js';
import { decimal } from './spans.js';
import { type CutText, mediaOf, readSeconds, serviceReason, show, textOf, timeOf } from './values.js';

/** The flag of an event whose text is only the first MAX_TEXT_BYTES of its message's (TELEGRAM_TEXT_TOO_LONG). */
export const TEXT_CUT = 'TELEGRAM_TEXT_CUT';

/** The message's text as read: a string, or cut (CutText). */
type Text = ReturnType<typeof textOf>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What one file's messages share: the exporter's own account id, and which once-per-file warnings were given. */
export interface FileState {
  /** `user<id>` from `personal_information.user_id` (full-account exports only). */
  ownerId?: string;
  localWarned: boolean;
  repairWarned: boolean;
  /** Whether the message being read needed its `\xHH` escapes repaired. */
  repaired: boolean;
  /** Messages whose `date` and `date_unixtime` differ by more than a zone offset, and the first of them. */
  readonly dateMismatch: { count: number; first?: { locator: string; date: number; unix: number } };
  /** Whether the message being read is one of them. */
  mismatched: boolean;
  /** Reused for every message: they are read one at a time. */
  readonly fields: Fields;
  /**
   * One Party object per sender (by id, then name), shared by all their events: a large export has a million
   * events from a handful of people, and the timeline keeps every event's sender.
   */
  readonly parties: Map<string, Map<string, Party>>;
  /** `<chat id>:` for nativeId, cached for the chat last seen. */
  chat?: ChatInfo;
  chatPrefix?: string;
}

/** A fresh state for one file. */
export const newFileState = (): FileState => ({
  localWarned: false,
  repairWarned: false,
  repaired: false,
  dateMismatch: { count: 0 },
  mismatched: false,
  fields: newFields(),
  parties: new Map(),
});

const DAMAGED = 'The file has been altered or damaged; check this entry by hand.';

/** Handles one object of a messages array, from the members the scanner delimited (see `ScanSink.message`). */
export function readObject(
  buf: Buffer,
  offsets: readonly number[],
  count: number,
  delta: number,
  bad: string | undefined,
  locator: string,
  chat: ChatInfo,
  st: FileState,
  ctx: SourceContext,
  streamed: readonly StreamedText[] = [],
): void {
  st.repaired = false;
  const m = st.fields;
  const error = bad ?? decodeFields(buf, offsets, count, delta, st, m, streamed);
  if (error !== undefined) {
    ctx.reject('TELEGRAM_BAD_JSON', locator, `This message cannot be read: ${error}.`, DAMAGED);
    return;
  }
  if (st.repaired && !st.repairWarned) {
    st.repairWarned = true;
    ctx.warn(
      'TELEGRAM_CONTROL_ESCAPES',
      locator,
      'Telegram Desktop wrote control characters as "\\xHH", which is not valid JSON; they were read as the characters they stand for.',
      'Nothing to fix: some versions of Telegram Desktop write these characters so, and nothing of the messages is lost.',
    );
  }
  const type = m[F.type];
  const text = textOf(m);
  // What became of the message: shown with its text, kept without it, or neither (for a text cut: warnTextCut).
  let outcome: CutOutcome = 'not-kept';
  if (type === 'message') outcome = message(m, text, locator, chat, st, ctx) ? 'flagged' : 'not-kept';
  else if (type === 'service') {
    const action = m[F.action];
    let kept = false;
    if (action === 'phone_call' || action === 'conference_call' || action === 'group_call')
      kept = call(action, m, locator, chat, st, ctx);
    else if (action === 'invite_to_group_call') kept = invitation(m, locator, chat, st, ctx);
    else if (action === 'proximity_reached') kept = proximity(m, locator, chat, st, ctx);
    else ctx.skip(serviceReason(action), locator);
    outcome = kept ? 'kept' : 'not-kept';
  } else if (type === 'unsupported') {
    ctx.reject(
      'TELEGRAM_UNSUPPORTED',
      locator,
      'Telegram Desktop could not export this message (type "unsupported"): it has no date and no content.',
      'Update Telegram Desktop and export again, or record this message from the phone.',
    );
  } else {
    ctx.reject(
      'TELEGRAM_UNKNOWN_TYPE',
      locator,
      `"type" is ${show(type)}, expected "message" or "service".`,
      'A newer Telegram Desktop may write this type, or the file was altered: check this entry by hand.',
    );
  }
  if (typeof text === 'object') warnTextCut(text, m, locator, chat, outcome, ctx);
}

/**
 * Warns that the text of the message at `locator` was read only to its first MAX_TEXT_BYTES, in words true to what
 * became of it (the shared wording of long-text.ts). Told once for the same message in an overlapping export (the
 * same chat, message id, member and length).
 */
function warnTextCut(
  text: CutText,
  m: Fields,
  locator: string,
  chat: ChatInfo,
  outcome: CutOutcome,
  ctx: SourceContext,
): void {
  warnJsonTextCut(ctx, {
    code: 'TELEGRAM_TEXT_TOO_LONG',
    flag: TEXT_CUT,
    locator,
    member: text.member,
    kept: Buffer.byteLength(text.text),
    total: text.total,
    as: 'as UTF-8',
    outcome,
    copy: JSON.stringify([chat.id, m[F.id], text.member, text.total]),
  });
}

/** Handles any other element of a messages array (its JSON text, or why the scanner could not keep it). */
export function readElement(
  json: string | undefined,
  problem: 'too-deep' | 'too-large' | 'too-large-message' | undefined,
  locator: string,
  ctx: SourceContext,
): void {
  if (json === undefined) {
    const why =
      problem === 'too-deep'
        ? TOO_DEEP
        : problem === 'too-large-message'
          ? `larger than ${MAX_RECORD_CHARS / 1048576} MiB besides its text`
          : 'larger than 8 MiB';
    ctx.reject(
      problem === 'too-deep' ? 'TELEGRAM_TOO_DEEP' : 'TELEGRAM_TOO_LARGE',
      locator,
      `This entry is ${why}, which Telegram Desktop never writes; it was not read.`,
      DAMAGED,
    );
    return;
  }
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    const raw = json.length > 60 ? `${json.slice(0, 60)}…` : json;
    ctx.reject('TELEGRAM_BAD_JSON', locator, `This entry is not valid JSON: ${raw}`, DAMAGED);
    return;
  }
  ctx.reject('TELEGRAM_NOT_A_MESSAGE', locator, `Expected a message object, found ${show(v)}.`, DAMAGED);
}

/** A message; returns whether it was emitted (with its text, if it has one). */
function message(
  m: Fields,
  text: Text,
  locator: string,
  chat: ChatInfo,
  st: FileState,
  ctx: SourceContext,
): boolean {
  const time = readTime(m, locator, st, ctx);
  if (time === undefined) return false;
  let details = mediaOf(m);
  const kind: Kind = text === undefined && details !== undefined ? 'media' : 'message';
  const ev = base(m, locator, time, kind, chat, st, m[F.from], m[F.from_id]);
  if (typeof text === 'string') ev.text = text;
  else if (text !== undefined) {
    ev.text = text.text;
    addFlag(ev, TEXT_CUT);
  }
  // The rarer members: checked together so that a plain message costs one test.
  if (
    m[F.edited_unixtime] !== undefined ||
    m[F.edited] !== undefined ||
    m[F.forwarded_from] !== undefined ||
    m[F.reply_to_message_id] !== undefined ||
    m[F.via_bot] !== undefined
  ) {
    details ??= {};
    if (m[F.edited_unixtime] !== undefined || m[F.edited] !== undefined) {
      addFlag(ev, 'edited');
      const at = readSeconds(m[F.edited_unixtime]);
      if (at !== undefined) details['editedAt'] = new Date(at).toISOString();
      else if (typeof m[F.edited] === 'string') details['editedAt'] = `${m[F.edited]} (local)`;
    }
    const fwd = m[F.forwarded_from];
    if (fwd !== undefined) {
      addFlag(ev, 'forwarded');
      if (typeof fwd === 'string') details['forwardedFrom'] = fwd;
    }
    const reply = m[F.reply_to_message_id];
    if (typeof reply === 'number' && Number.isSafeInteger(reply) && reply >= 0)
      details['replyTo'] = decimal(reply);
    else if (typeof reply === 'number' || typeof reply === 'string') details['replyTo'] = String(reply);
    const bot = m[F.via_bot];
    if (typeof bot === 'string') details['viaBot'] = bot;
    for (const _ in details) {
      ev.details = details;
      break;
    }
  } else if (details !== undefined) ev.details = details;
  ctx.emit(ev);
  return true;
}

/**
 * A call, from its service entry (the caller is the `actor`):
 * - `phone_call`: a one-to-one call; `discard_reason` says how it ended, `duration_seconds` how long it lasted.
 * - `conference_call` (Telegram Desktop since 2025): a call with several people, also one a one-to-one call became;
 *   `is_missed`, `is_active` (still going on when exported) and `duration_seconds`. tdesktop writes these two
 *   flags through its number formatter, so they are `1` / `0`; `true` / `false` are read the same.
 * - `group_call`: a voice or video chat started in a group or channel; `duration` (not `duration_seconds`) once it
 *   ended. Whether the other person joined it is not written, so its outcome is unknown.
 */
function call(
  action: 'phone_call' | 'conference_call' | 'group_call',
  m: Fields,
  locator: string,
  chat: ChatInfo,
  st: FileState,
  ctx: SourceContext,
): boolean {
  const time = readTime(m, locator, st, ctx);
  if (time === undefined) return false;
  const ev = base(m, locator, time, 'call', chat, st, m[F.actor], m[F.actor_id]);
  const d = action === 'group_call' ? m[F.duration] : m[F.duration_seconds];
  const duration = typeof d === 'number' && Number.isFinite(d) && d >= 0 ? d : undefined;
  let status: CallStatus = 'unknown';
  const details: Record<string, string> = {};
  if (action === 'phone_call') {
    const reason = m[F.discard_reason];
    if (reason === 'missed') status = 'missed';
    else if (reason === 'declined') status = 'rejected';
    else if (duration !== undefined && duration > 0) status = 'answered';
    // Telegram clients send "busy" when the callee declines a ringing call.
    else if (reason === 'busy') status = 'rejected';
    if (typeof reason === 'string') details['discardReason'] = reason;
  } else if (action === 'conference_call') {
    details['callType'] = 'conference';
    if (isSet(m[F.is_missed])) status = 'missed';
    else if (duration !== undefined && duration > 0) status = 'answered';
    if (isSet(m[F.is_active])) details['active'] = 'true';
  } else details['callType'] = 'group';
  ev.call = duration === undefined ? { status } : { status, durationSec: duration };
  if (Object.keys(details).length > 0) ev.details = details;
  ctx.emit(ev);
  return true;
}

/**
 * An invitation to a group voice or video chat: `{"action": "invite_to_group_call", "actor": "Sam Example",
 * "actor_id": "user4400000001", "members": ["Zoë Example"]}` (tdesktop writes the invitees' names, `null` for one it
 * cannot name). The actor rang the members to join a call: a call attempt, kind `call`, of unknown outcome
 * (nothing says whether anyone joined), `details.callType` "group-invitation", the invitees in `details.to`.
 */
function invitation(m: Fields, locator: string, chat: ChatInfo, st: FileState, ctx: SourceContext): boolean {
  const time = readTime(m, locator, st, ctx);
  if (time === undefined) return false;
  const ev = base(m, locator, time, 'call', chat, st, m[F.actor], m[F.actor_id]);
  ev.call = { status: 'unknown' };
  const details: Record<string, string> = { callType: 'group-invitation' };
  const members = m[F.members];
  if (Array.isArray(members) && members.length > 0)
    details['to'] = members.map((n) => (typeof n === 'string' && n !== '' ? n : '(unnamed)')).join(', ');
  ev.details = details;
  ctx.emit(ev);
  return true;
}

/**
 * A proximity alert: `{"action": "proximity_reached", "from": "Sam Example", "from_id": "user4400000001", "to":
 * "Zoë Example", "to_id": "user4400000002", "distance": 50}`, shown as "Sam Example is within 50 m of you" (no
 * `actor`). Telegram writes it when `from`, sharing their live location, came within `distance` metres of `to`, who
 * asked to be alerted. Physical nearness, not a message: kind `other` from `from`, with `to` and the distance kept
 * (`details.distanceMetres`, as written).
 */
function proximity(m: Fields, locator: string, chat: ChatInfo, st: FileState, ctx: SourceContext): boolean {
  const time = readTime(m, locator, st, ctx);
  if (time === undefined) return false;
  const ev = base(m, locator, time, 'other', chat, st, m[F.from], m[F.from_id]);
  const details: Record<string, string> = {};
  const to = m[F.to];
  const toId = m[F.to_id];
  if (typeof to === 'string' && to !== '') details['to'] = to;
  if (typeof toId === 'string' && toId !== '') details['toId'] = toId;
  const distance = m[F.distance];
  if (typeof distance === 'number' && Number.isFinite(distance) && distance >= 0)
    details['distanceMetres'] = String(distance);
  else if (typeof distance === 'string' && distance !== '') details['distanceMetres'] = distance;
  ev.details = details;
  ctx.emit(ev);
  return true;
}

/** A tdesktop flag: `1` (how it writes one) or `true`. */
const isSet = (v: unknown): boolean => v === 1 || v === true;

/** The fields every event has, plus sender, direction, conversation and native id. */
function base(
  m: Fields,
  locator: string,
  time: EventTime,
  kind: Kind,
  chat: ChatInfo,
  st: FileState,
  name: unknown,
  id: unknown,
): Mutable<ParsedEvent> {
  const sender = party(name, id, st);
  // Only a full-account export says who the exporter is (personal_information.user_id).
  const mine = st.ownerId !== undefined && sender?.id === st.ownerId;
  const direction =
    st.ownerId === undefined || sender?.id === undefined ? 'unknown' : mine ? 'outgoing' : 'incoming';
  const conversation =
    chat.name ??
    (chat.type === 'saved_messages' ? 'Saved Messages' : chat.type === 'replies' ? 'Replies' : undefined);
  let nativeId: string | undefined;
  const msgId = m[F.id];
  if (chat.id !== undefined && (typeof msgId === 'number' || typeof msgId === 'string')) {
    if (st.chat !== chat) {
      st.chat = chat;
      st.chatPrefix = `${chat.id}:`;
    }
    nativeId =
      typeof msgId === 'number' && Number.isSafeInteger(msgId) && msgId >= 0
        ? [st.chatPrefix!, decimal(msgId)].join('')
        : st.chatPrefix! + String(msgId);
  }
  // Every member present from the start (absent ones undefined): one object of one shape, no property store
  // added later, which a kept event would carry as a second object.
  const ev: Mutable<ParsedEvent> = {
    locator,
    time,
    channel: 'telegram',
    kind,
    direction,
    sender,
    text: undefined,
    conversation,
    nativeId,
    call: undefined,
    flags: undefined,
    details: undefined,
  };
  if (time.type === 'local') addFlag(ev, 'TELEGRAM_LOCAL_TIME');
  if (st.mismatched) addFlag(ev, 'time-local-mismatch');
  if (st.repaired) addFlag(ev, 'TELEGRAM_CONTROL_ESCAPES');
  return ev;
}

/** The sender as written: `from_id` is the account, `from` its display name (null for deleted accounts). */
function party(name: unknown, id: unknown, st: FileState): Party | undefined {
  const idStr = typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
  const nm = typeof name === 'string' && name !== '' ? name : undefined;
  if (idStr === undefined && nm === undefined) return undefined;
  let byName = st.parties.get(idStr ?? '');
  if (byName === undefined) {
    byName = new Map();
    st.parties.set(idStr ?? '', byName);
  }
  let p = byName.get(nm ?? '');
  if (p === undefined) {
    const role = idStr !== undefined && idStr === st.ownerId ? 'victim' : undefined;
    p = Object.freeze({
      ...(idStr !== undefined ? { id: idStr, idType: 'account' as const } : {}),
      ...(nm !== undefined ? { name: nm } : {}),
      ...(role !== undefined ? { role } : {}),
    });
    byName.set(nm ?? '', p);
  }
  return p;
}

/**
 * The time, or a reject naming the bad value; warns once per file when only local times are written. `date` beside
 * `date_unixtime` (its wall-clock milliseconds, see fields.ts) is compared with it, for `warnDateMismatch`.
 */
function readTime(m: Fields, locator: string, st: FileState, ctx: SourceContext): EventTime | undefined {
  const time = timeOf(m[F.date_unixtime], m[F.date]);
  if (typeof time === 'string') {
    ctx.reject('TELEGRAM_BAD_DATE', locator, time, DAMAGED);
    return undefined;
  }
  const wall = m[F.date];
  st.mismatched = false;
  if (time.type === 'instant' && typeof wall === 'number' && !isZoneOffset(wall - time.ms)) {
    st.mismatched = true;
    st.dateMismatch.count++;
    st.dateMismatch.first ??= { locator, date: wall, unix: time.ms };
  }
  if (time.type === 'local' && !st.localWarned) {
    st.localWarned = true;
    ctx.warn(
      'TELEGRAM_LOCAL_TIME',
      locator,
      `Some messages have only "date", the local clock time of the computer that exported them, with no time zone; they were read as local time in the case zone (${ctx.options.timezone}).`,
      'If the exporting computer was set to another zone, pass that zone with --tz. Telegram Desktop 3.7.6 and later also write "date_unixtime", which is exact.',
    );
  }
  return time;
}

const QUARTER_HOUR = 900_000;
const HOUR = 3_600_000;

/**
 * Whether `ms` (a `date` less its `date_unixtime`) is what a time-zone offset explains: a whole number of quarter
 * hours from −12:00 to +14:00 (every offset in use; tdesktop writes `date` from `date_unixtime` to the second).
 */
function isZoneOffset(ms: number): boolean {
  return ms % QUARTER_HOUR === 0 && ms >= -12 * HOUR && ms <= 14 * HOUR;
}

/**
 * Once per file, after its last message: how many messages have a `date` that `date_unixtime` and a zone offset
 * do not explain, with the first. Their time is `date_unixtime`, the exact one; they are flagged time-local-mismatch.
 */
export function warnDateMismatch(st: FileState, ctx: SourceContext): void {
  const { count, first } = st.dateMismatch;
  if (first === undefined) return;
  const diff = first.date - first.unix;
  ctx.warn(
    'TELEGRAM_DATE_MISMATCH',
    first.locator,
    `${plural(count, 'message has', 'messages have')} a "date" more than a time-zone offset away from "date_unixtime" (the first: "date" ${isoText(first.date)} is ${span(Math.abs(diff))} ${diff < 0 ? 'behind' : 'ahead of'} "date_unixtime" ${first.unix / 1000}, ${isoText(first.unix)} UTC); the time used is "date_unixtime", flagged time-local-mismatch.`,
    '"date_unixtime" is the exact time Telegram recorded, and "date" the same time on the exporting computer\'s clock, so they differ only by its time-zone offset (whole quarter hours, at most 14 hours). Any other difference means the file was changed after it was exported: compare with a fresh export.',
  );
}

/** `2024-03-01T18:04:22` of epoch milliseconds (a wall-clock time read as if UTC, or a UTC instant). */
const isoText = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/** `00:12:17`, or `264 days 23:42:17`, for a positive number of milliseconds. */
function span(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  const clock = new Date(ms % 86_400_000).toISOString().slice(11, 19);
  return days === 0 ? clock : `${plural(days, 'day')} ${clock}`;
}

const FLAG_LISTS = new Map<string, readonly string[]>();

/** Adds a flag; flag lists are shared (a legacy export flags every one of its events the same way). */
function addFlag(ev: Mutable<ParsedEvent>, flag: string): void {
  const key = ev.flags ? `${ev.flags.join('|')}|${flag}` : flag;
  let list = FLAG_LISTS.get(key);
  if (list === undefined) {
    list = Object.freeze(ev.flags ? [...ev.flags, flag] : [flag]);
    FLAG_LISTS.set(key, list);
  }
  ev.flags = list;
}

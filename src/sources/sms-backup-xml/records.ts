/**
 * One SBR record → exactly one outcome (emit, skip or reject): `<sms>` and `<call>`, which hold everything in
 * their attributes, plus what `<mms>` (mms.ts) shares with them.
 */

import { thousands } from '../../model/format.js';
import type { CallStatus, Direction, Party } from '../../model/index.js';
import { WITHHELD_FLAG } from '../../model/vocabulary.js';
import { cutString, MAX_TEXT_BYTES, withFlag } from '../long-text.js';
import type { SourceContext } from '../source.js';
import { type Attrs, contactName, DATE_HINT, epochMs, OWNER, present, seconds, textOf } from './fields.js';
import { detach, type Interner } from './interner.js';

/** The flag of a message kept with only the first MAX_TEXT_BYTES of its text. */
export const TEXT_CUT = 'SMS_TEXT_CUT';

/**
 * A message's text kept to its first MAX_TEXT_BYTES of UTF-8 (long-values.ts): `dropped` bytes were already left
 * out while it was read. Returns the text and its flags; a text cut is flagged and warned of with its full length,
 * once for the same message in overlapping backups (`copy`: its address, time and length).
 */
export function keptText(
  text: string | undefined,
  dropped: number,
  flags: readonly string[] | undefined,
  locator: string,
  ctx: SourceContext,
  copy: string,
): { text: string | undefined; flags: readonly string[] | undefined } {
  if (text === undefined || (dropped === 0 && text.length * 3 <= MAX_TEXT_BYTES)) return { text, flags };
  const cut = cutString(text, MAX_TEXT_BYTES);
  if (cut.dropped + dropped === 0) return { text, flags };
  const kept = Buffer.byteLength(cut.text);
  const total = kept + cut.dropped + dropped;
  ctx.warn(
    'SMS_TEXT_TOO_LONG',
    locator,
    `The message ${locator} has ${thousands(total)} bytes of text (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${thousands(kept)} bytes of its text.`,
    `Check that record in the backup: a damaged or edited file, or a large text attachment, can make one record this long. The message carries the ${TEXT_CUT} flag.`,
    `${copy}\u0000${total}`,
  );
  return { text: cut.text, flags: withFlag(flags, TEXT_CUT) };
}

/** What a message `type` (SMS) or `msg_box` (MMS) means; `flags` marks a message the phone never sent. */
export interface Box {
  readonly direction: Direction;
  /** One frozen list shared by every event with this box. */
  readonly flags?: readonly string[];
}

/** A received message. */
export const INCOMING: Box = { direction: 'incoming' };
/** A sent message. */
export const OUTGOING: Box = { direction: 'outgoing' };
/** A message the victim wrote that the phone never sent. */
export const unsent = (flag: string): Box => ({ direction: 'outgoing', flags: Object.freeze([flag]) });
// Maps, not object literals: keys come from the file, and "constructor" must not find Object.prototype's.
/** SMS `type`: 1 inbox, 2 sent, 3 draft (skipped), 4 outbox, 5 failed, 6 queued. */
const SMS_TYPES: ReadonlyMap<string, Box> = new Map([
  ['1', INCOMING],
  ['2', OUTGOING],
  ['4', unsent('SMS_UNSENT_OUTBOX')],
  ['5', unsent('SMS_UNSENT_FAILED')],
  ['6', unsent('SMS_UNSENT_QUEUED')],
]);
/** `type`/`msg_box` 3: a draft, never sent — not a contact. */
export const DRAFT = '3';

/**
 * Call `type`: 1 incoming, 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked ("refused list"), 7 answered
 * on another device (Android's `CallLog.Calls.ANSWERED_EXTERNALLY_TYPE`, API 25+: the call rang on this phone and
 * was picked up on another device on the same line — an incoming call, answered). SBR copies the phone's value.
 */
const CALL_TYPES: ReadonlyMap<string, readonly [Direction, CallStatus]> = new Map([
  ['1', ['incoming', 'answered']],
  ['2', ['outgoing', 'outgoing']],
  ['3', ['incoming', 'missed']],
  ['4', ['incoming', 'voicemail']],
  ['5', ['incoming', 'rejected']],
  ['6', ['incoming', 'blocked']],
  ['7', ['incoming', 'answered']],
]);

/** How the caller's number was hidden: `presentation` 2/3/4, or Android's placeholder numbers -2/-1/-3. */
const HIDDEN_BY_PRESENTATION: ReadonlyMap<string, string> = new Map([
  ['2', 'Withheld number'],
  ['3', 'Unknown number'],
  ['4', 'Payphone'],
]);
const HIDDEN_BY_NUMBER: ReadonlyMap<string, string> = new Map([
  ['-2', 'Withheld number'],
  ['-1', 'Unknown number'],
  ['-3', 'Payphone'],
]);

/** Flag on a call whose number the phone did not get (withheld, unknown or payphone). */
export const WITHHELD = WITHHELD_FLAG;
const WITHHELD_FLAGS: readonly string[] = Object.freeze([WITHHELD]);

/** Hint for a record whose type/box says neither received nor sent. */
export const BOX_HINT = 'The record cannot be placed as received or sent; check it in the backup file.';

/** Rejects a record whose `date` cannot be read, naming the raw value. */
export function rejectDate(ctx: SourceContext, locator: string, problem: string): void {
  ctx.reject('SMS_BAD_DATE', locator, problem, DATE_HINT);
}

/** Emits, skips or rejects one `<sms>`. `textDropped`: bytes of its `body` left out while read (long-values.ts). */
export function readSms(
  a: Attrs,
  locator: string,
  ctx: SourceContext,
  strings: Interner,
  textDropped = 0,
): void {
  const type = present(a['type']);
  const box = SMS_TYPES.get(type ?? '');
  const ms = epochMs(a['date']);
  if (type === DRAFT) ctx.skip('draft', locator);
  else if (box === undefined) {
    ctx.reject(
      'SMS_BAD_TYPE',
      locator,
      `sms type="${a['type'] ?? ''}" is not one of 1 (received), 2 (sent), 3 (draft), 4 (outbox), 5 (failed), 6 (queued)`,
      BOX_HINT,
    );
  } else if (typeof ms === 'string') rejectDate(ctx, locator, ms);
  else emitSms(a, locator, box, ms, ctx, strings, textDropped);
}

function emitSms(
  a: Attrs,
  locator: string,
  box: Box,
  ms: number,
  ctx: SourceContext,
  strings: Interner,
  textDropped: number,
): void {
  const address = present(a['address']);
  const incoming = box.direction === 'incoming';
  const sender = incoming ? strings.party(address, contactName(a['contact_name'])) : OWNER;
  const subject = present(a['subject']);
  const { text, flags } = keptText(
    textOf(a['body']),
    textDropped,
    box.flags,
    locator,
    ctx,
    `${address ?? ''}\u0000${ms}`,
  );
  ctx.emit({
    locator,
    time: { type: 'instant', ms, precision: 'ms' },
    channel: 'sms',
    kind: 'message',
    direction: box.direction,
    sender,
    text: text === undefined ? undefined : detach(text),
    conversation: incoming && sender !== undefined ? sender.id : strings.thread(address),
    flags,
    details: subject === undefined ? undefined : { subject: detach(subject) },
  });
}

/**
 * Calls kept with their length unknown because their `duration` cannot be one (negative, not a whole number,
 * longer than a day): their time is good, so they stay on the timeline. One warning per file names the first and
 * counts them all, rather than one per call: a damaged log can hold thousands.
 */
export class BadDurations {
  private first: { readonly locator: string; readonly why: string } | undefined;
  private count = 0;

  note(locator: string, why: string): void {
    this.count++;
    this.first ??= { locator, why };
  }

  /** Warns once for the calls noted so far, if any; called when the file ends, also when it fails part-way. */
  report(ctx: SourceContext): void {
    if (this.first === undefined) return;
    const { locator, why } = this.first;
    ctx.warn(
      'SMS_BAD_CALL_DURATION',
      locator,
      this.count === 1
        ? `${why}, so the call's length is unknown; the call is kept (its time is good)`
        : `${this.count} calls have a duration that cannot be a call's length, so their length is unknown; they are ` +
            `kept (their time is good). The first is here: ${why}`,
      "SMS Backup & Restore writes a call's length in whole seconds (0 for a call not answered); this file was " +
        "edited or written by another tool. Compare with the phone's call log where the length matters.",
    );
    this.first = undefined;
    this.count = 0;
  }
}

/** Emits or rejects one `<call>`; a `duration` that cannot be a length is noted in `durations`. */
export function readCall(
  a: Attrs,
  locator: string,
  ctx: SourceContext,
  strings: Interner,
  durations: BadDurations,
): void {
  const known = CALL_TYPES.get(present(a['type']) ?? '');
  const ms = epochMs(a['date']);
  if (known === undefined) {
    ctx.reject(
      'SMS_BAD_CALL_TYPE',
      locator,
      `call type="${a['type'] ?? ''}" is not one of 1 (incoming), 2 (outgoing), 3 (missed), 4 (voicemail), 5 (rejected), 6 (blocked), 7 (answered on another device)`,
      'Some phone makers add their own call types; tell the chronolog maintainers which phone made this backup.',
    );
  } else if (typeof ms === 'string') rejectDate(ctx, locator, ms);
  else emitCall(a, locator, known, ms, ctx, strings, durations);
}

function emitCall(
  a: Attrs,
  locator: string,
  [direction, status]: readonly [Direction, CallStatus],
  ms: number,
  ctx: SourceContext,
  strings: Interner,
  durations: BadDurations,
): void {
  const number = present(a['number']);
  // Only a caller can be withheld; an outgoing call without a number is simply one we cannot place.
  const hidden =
    direction !== 'incoming'
      ? undefined
      : (HIDDEN_BY_PRESENTATION.get(present(a['presentation']) ?? '') ??
        (number === undefined ? 'Unknown number' : HIDDEN_BY_NUMBER.get(number)));
  const realNumber = number !== undefined && !HIDDEN_BY_NUMBER.has(number) ? number : undefined;
  let sender: Party | undefined = OWNER;
  if (hidden !== undefined) sender = strings.party(undefined, hidden);
  else if (direction === 'incoming') sender = strings.party(realNumber, contactName(a['contact_name']));
  let durationSec = seconds(a['duration']);
  if (typeof durationSec === 'string') {
    durations.note(locator, durationSec);
    durationSec = undefined;
  }
  ctx.emit({
    locator,
    time: { type: 'instant', ms, precision: 'ms' },
    channel: 'call',
    kind: 'call',
    direction,
    sender,
    call: durationSec === undefined ? { status } : { status, durationSec },
    conversation: hidden === undefined ? (sender?.id ?? strings.thread(realNumber)) : undefined,
    flags: hidden === undefined ? undefined : WITHHELD_FLAGS,
    // A number written despite a "restricted" presentation is kept as evidence, but not as the caller's id.
    details: hidden !== undefined && realNumber !== undefined ? { number: detach(realNumber) } : undefined,
  });
}

/**
 * One classic Messenger/Instagram message → exactly one outcome (event, skip or reject). Kept apart from the
 * file reading so the rules read top to bottom: unsent → notice → call → unsend sentence → text → media → empty.
 */
import type { ParsedEvent } from '../../model/index.js';
import type { CallReader } from '../meta/calls.js';
import { type EventBase, eventBase, withKind } from '../meta/event.js';
import { rejectNotAMessage } from '../meta/notes.js';
import { reactionList } from '../meta/reactions.js';
import { recogniseSentence } from '../meta/sentences.js';
import { type CutOutcome, isRecord, readEpochMs, type ThreadFile, withCutFlag } from '../meta/thread-file.js';
import type { SourceContext } from '../source.js';

/** Per-file state of the classic reader. */
export interface ClassicThread {
  readonly file: ThreadFile;
  readonly conversation: string | undefined;
  /** Participants and the title: the names a call summary may start with or name. */
  readonly names: ReadonlySet<string>;
  /** Sender → every name their generated sentences may start with (meta/people.ts `senderAliases`). */
  readonly aliases: ReadonlyMap<string, readonly string[]>;
  /** The file's MESSENGER_UNKNOWN_TYPE note, for `type` values not in the documented set (meta/notes.ts). */
  readonly typeNote: (locator: string, type: string | undefined) => void;
  /** The file's MESSENGER_NO_CONTENT note, for records with neither text, media nor a call (meta/notes.ts). */
  readonly noContent: (locator: string) => void;
  /** The file's calls, read from the owner's side (meta/calls.ts). */
  readonly calls: CallReader;
}

/** The `type` values of the classic export (formats.md §3.2). */
export const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'Generic',
  'Share',
  'Call',
  'Subscribe',
  'Unsubscribe',
]);
const MEDIA_ARRAYS = ['photos', 'videos', 'audio_files', 'files', 'gifs'] as const;

/** Reads the message's time: `timestamp_ms`, or the seconds-based `timestamp` of 2018 exports (FBMessage#2). */
function readTime(m: Record<string, unknown>): ParsedEvent['time'] | string {
  if (m['timestamp_ms'] === undefined && typeof m['timestamp'] === 'number') {
    const seconds = m['timestamp'] < 1e11;
    const ms = readEpochMs(seconds ? m['timestamp'] * 1000 : m['timestamp'], 'timestamp');
    return typeof ms === 'string' ? ms : { type: 'instant', ms, precision: seconds ? 's' : 'ms' };
  }
  const ms = readEpochMs(m['timestamp_ms'], 'timestamp_ms');
  return typeof ms === 'string' ? ms : { type: 'instant', ms, precision: 'ms' };
}

/** File paths of everything attached (photos, videos, audio, files, GIFs, sticker), in that order. */
function attachments(m: Record<string, unknown>): { uris: string[]; count: number } {
  const uris: string[] = [];
  let count = 0;
  const add = (item: unknown) => {
    count++;
    if (isRecord(item) && typeof item['uri'] === 'string' && item['uri'] !== '') uris.push(item['uri']);
  };
  for (const key of MEDIA_ARRAYS) {
    const list = m[key];
    if (Array.isArray(list)) for (const item of list) add(item);
  }
  if (isRecord(m['sticker'])) add(m['sticker']);
  return { uris, count };
}

/**
 * Reads one element of `messages` and reports it to `ctx` as exactly one outcome, which it returns. `textCut`: its
 * `content` is only the first MAX_TEXT_BYTES of the message's (meta/thread-file.ts): an event showing it is flagged.
 */
export function readClassicMessage(
  value: unknown,
  locator: string,
  t: ClassicThread,
  ctx: SourceContext,
  textCut = false,
): CutOutcome {
  if (!isRecord(value)) {
    rejectNotAMessage(ctx, locator, value);
    return 'not-kept';
  }
  const m = value;
  const time = readTime(m);
  if (typeof time === 'string') {
    ctx.reject(
      'MESSENGER_BAD_TIMESTAMP',
      locator,
      `${locator} ${time}.`,
      'Meta writes timestamp_ms on every message; this one was probably edited or damaged. Check it in the original export.',
    );
    return 'not-kept';
  }
  const { fix } = t.file;
  const rawType = typeof m['type'] === 'string' ? m['type'] : undefined;
  t.typeNote(locator, rawType);
  const senderName =
    typeof m['sender_name'] === 'string' && m['sender_name'] !== '' ? fix(m['sender_name']) : undefined;
  const content = typeof m['content'] === 'string' && m['content'] !== '' ? fix(m['content']) : undefined;
  const media = attachments(m);
  const share = isRecord(m['share']) ? m['share'] : undefined;
  const details: Record<string, string> = {};
  if (media.uris.length > 0) details['attachments'] = media.uris.map(fix).join(', ');
  if (typeof share?.['link'] === 'string' && share['link'] !== '') details['link'] = fix(share['link']);
  if (typeof share?.['share_text'] === 'string' && share['share_text'] !== '')
    details['shareText'] = fix(share['share_text']);
  // Decided before the reactions join the details: a reaction to nothing does not make a record media.
  const hasMedia = media.count > 0 || Object.keys(details).length > 0;
  const reactions = reactionList(m['reactions'], fix);
  if (reactions !== undefined) details['reactions'] = reactions;

  const base = eventBase({
    locator,
    time,
    channel: t.file.channel,
    sender: senderName,
    text: content,
    conversation: t.conversation,
    details,
  });

  const outcome = decide(m, base, rawType, senderName, hasMedia, t);
  if (typeof outcome === 'string') {
    ctx.skip(outcome, locator);
    return 'not-kept';
  }
  if (outcome.kind === 'other') t.noContent(locator);
  const event = withCutFlag(outcome, textCut);
  ctx.emit(event);
  return event === outcome ? 'kept' : 'flagged';
}

/** The event a message becomes, or the reason it is skipped. */
function decide(
  m: Record<string, unknown>,
  base: EventBase,
  rawType: string | undefined,
  senderName: string | undefined,
  hasMedia: boolean,
  t: ClassicThread,
): ParsedEvent | string {
  const content = base.text;
  if (m['is_unsent'] === true) return withKind(base, 'deleted');
  if (rawType === 'Subscribe' || rawType === 'Unsubscribe') return 'membership-notice';
  const sentence =
    content !== undefined
      ? recogniseSentence(
          content,
          senderName === undefined ? undefined : (t.aliases.get(senderName) ?? senderName),
          t.names,
        )
      : undefined;
  if (sentence?.type === 'notice') return sentence.reason;
  if (rawType === 'Call' || typeof m['call_duration'] === 'number' || sentence?.type === 'call') {
    const duration = m['call_duration'];
    return t.calls.event(base, {
      said: sentence?.type === 'call' ? sentence : undefined,
      sender: senderName,
      markedMissed: m['missed'] === true,
      durationSec: typeof duration === 'number' && duration >= 0 ? duration : undefined,
    });
  }
  if (sentence?.type === 'unsent') return withKind(base, 'deleted');
  // A generated "Sam sent an attachment." keeps its words but counts as media: nothing was typed.
  if (content !== undefined && sentence?.type !== 'attachment') return withKind(base, 'message');
  if (hasMedia || sentence) return withKind(base, 'media');
  return withKind(base, 'other', { flags: ['MESSENGER_NO_CONTENT'] });
}

/**
 * One element of DiscordChatExporter's `messages` array → one event, skip or reject. Classification is by
 * `type`, never by `content`: for system entries DCE writes its own fallback sentence ("Pinned a message.").
 */
import type { EventTime, Kind, ParsedEvent, Party } from '../../model/index.js';
import { eventCutCopy, withFlag } from '../long-text.js';
import type { SourceContext } from '../source.js';
import { cutTotal, type PathItem, type TextCut, warnTextCuts } from './json-walk.js';
import { DISCORD_EPOCH, parseIsoInstant, snowflakeMs, stampOrIdTime } from './time.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Obj = Record<string, unknown>;

/** What the messages of one file share, and what the file-level warnings are made from. */
export interface DiscordFile {
  conversation: string | undefined;
  /** Id of the previous message: DCE writes in id order, so a repeat is next to its original. */
  prevId: string | undefined;
  messages: number;
  mismatched: { count: number; first?: string };
  fromId: { count: number; first?: string };
  unknownTypes: Map<string, number>;
  /** Locator of the first message of a type not known, for the warning. */
  unknownTypeFirst: string | undefined;
  typeMissing: number;
  /** Locator of the first message with no `type`, for the warning. */
  typeMissingFirst: string | undefined;
}

/** Fresh per-file state. */
export function newDiscordFile(): DiscordFile {
  return {
    conversation: undefined,
    prevId: undefined,
    messages: 0,
    mismatched: { count: 0 },
    fromId: { count: 0 },
    unknownTypes: new Map(),
    unknownTypeFirst: undefined,
    typeMissing: 0,
    typeMissingFirst: undefined,
  };
}

/** DCE's names for Discord's system notices (MessageKind 1–18). */
const SYSTEM = new Set([
  'RecipientAdd',
  'RecipientRemove',
  'ChannelNameChange',
  'ChannelIconChange',
  'ChannelPinnedMessage',
  'GuildMemberJoin',
  'ThreadCreated',
]);
/** Discord's type numbers for DCE's names, in case a file writes the number. */
const NAMED: Record<string, string> = {
  '0': 'Default',
  '1': 'RecipientAdd',
  '2': 'RecipientRemove',
  '3': 'Call',
  '4': 'ChannelNameChange',
  '5': 'ChannelIconChange',
  '6': 'ChannelPinnedMessage',
  '7': 'GuildMemberJoin',
  '18': 'ThreadCreated',
  '19': 'Reply',
};
/**
 * Discord types DCE has no name for and writes as a number. These carry what a bot command wrote (slash command
 * 20, context-menu command 23); every other number is a notice (boosts, stage events, AutoMod alerts, poll
 * results…), or the thread starter (21, below).
 */
const NUMERIC_CONTENT = new Set(['20', '23']);
/**
 * The first entry of a thread started from a message: Discord gives it no content, embeds or attachments, only a
 * reference to that message in the parent channel (which DCE writes as `reference`). The message itself is in the
 * parent channel's export; its author here need not be the person who wrote it. Counting it would add an empty
 * contact, possibly from the wrong person, beside the real one.
 */
const THREAD_STARTER = '21';

const DAMAGED =
  'The export may have been edited or damaged; export the channel again with DiscordChatExporter.';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Shows a hostile value briefly inside a message. */
export function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** The flag of a message kept with only the first MiB of its text (json-walker.ts `TextCut`). */
export const TEXT_CUT = 'DISCORD_TEXT_CUT';

/**
 * Reads `messages[i]`; `cuts`: texts in it kept to their first MiB, warned of once the message is read, in words
 * true to what became of it (warnTextCuts): only a message kept with its own text cut is flagged.
 */
export function readMessage(
  v: unknown,
  locator: string,
  file: DiscordFile,
  ctx: SourceContext,
  cuts?: readonly TextCut[],
): void {
  file.messages++;
  const id = isObj(v) ? idOf(v['id']) : undefined;
  let read: Read | undefined;
  if (isObj(v)) read = message(v, id, locator, file, ctx);
  else {
    ctx.reject(
      'DISCORD_JSON_NOT_A_MESSAGE',
      locator,
      `Expected a message object, found ${show(v)}.`,
      DAMAGED,
    );
  }
  if (cuts !== undefined) {
    const kept = read && {
      carried: read.carried,
      copy: eventCutCopy(read.ev.sender, read.ev.time, cutTotal(cuts, read.carried)),
    };
    const own = warnTextCuts(ctx, cuts, { code: 'DISCORD_TEXT_TOO_LONG', flag: TEXT_CUT, locator, id, kept });
    if (own && read) read.ev.flags = withFlag(read.ev.flags, TEXT_CUT);
  }
  if (read !== undefined) ctx.emit(read.ev);
}

/** A message read: its event, and where in the record the text it shows sits (undefined: it shows none). */
interface Read {
  readonly ev: Mutable<ParsedEvent>;
  readonly carried: readonly PathItem[] | undefined;
}

/** Message `v` read, not yet emitted; undefined after skipping or rejecting it. */
function message(
  v: Obj,
  id: string | undefined,
  locator: string,
  file: DiscordFile,
  ctx: SourceContext,
): Read | undefined {
  if (id !== undefined && id === file.prevId) {
    ctx.skip('duplicate-message-id', locator);
    return undefined;
  }
  file.prevId = id;
  let type = v['type'];
  if (type === undefined) {
    file.typeMissing++;
    file.typeMissingFirst ??= locator;
    type = 'Default';
  }
  let t = typeof type === 'string' || typeof type === 'number' ? String(type) : show(type);
  t = NAMED[t] ?? t;
  if (SYSTEM.has(t)) {
    ctx.skip(`system-${kebab(t)}`, locator);
    return undefined;
  }
  if (t === THREAD_STARTER) {
    ctx.skip('thread-starter-reference', locator);
    return undefined;
  }
  const numeric = /^\d+$/.test(t);
  if (numeric && !NUMERIC_CONTENT.has(t)) {
    ctx.skip(`system-type-${t}`, locator);
    return undefined;
  }
  const flags: string[] = [];
  const time = readTime(v, id, locator, flags, file, ctx);
  if (time === undefined) return undefined;
  if (t !== 'Default' && t !== 'Reply' && t !== 'Call') {
    file.unknownTypes.set(t, (file.unknownTypes.get(t) ?? 0) + 1);
    file.unknownTypeFirst ??= locator;
    flags.push(`type-${numeric ? t : kebab(t)}`);
  }
  const details: Record<string, string> = {};
  const ev: Mutable<ParsedEvent> = {
    locator,
    time,
    channel: 'discord',
    kind: 'message',
    direction: 'unknown',
  };
  const sender = author(v['author'], details, flags);
  if (sender) ev.sender = sender;
  let carried: readonly PathItem[] | undefined;
  if (t === 'Call') call(v, time, ev, flags);
  else {
    carried = content(v, ev, details, flags);
    interaction(v, details);
  }
  if (file.conversation !== undefined) ev.conversation = file.conversation;
  if (id !== undefined) ev.nativeId = id;
  const edited = typeof v['timestampEdited'] === 'string' ? parseIsoInstant(v['timestampEdited']) : undefined;
  if (edited !== undefined) {
    flags.push('edited');
    details['editedAt'] = new Date(edited).toISOString();
  }
  if (flags.length > 0) ev.flags = flags;
  for (const _ in details) {
    ev.details = details;
    break;
  }
  return { ev, carried };
}

/** `timestamp` when it is readable, else the time the snowflake id holds; rejects when neither is there. */
function readTime(
  v: Obj,
  id: string | undefined,
  locator: string,
  flags: string[],
  file: DiscordFile,
  ctx: SourceContext,
): EventTime | undefined {
  const stamp = v['timestamp'];
  const ms = typeof stamp === 'string' ? parseIsoInstant(stamp) : undefined;
  const fromId = id === undefined ? undefined : snowflakeMs(id, DISCORD_EPOCH);
  const time = stampOrIdTime(ms, fromId, locator, flags, file);
  if (time !== undefined) return time;
  const what =
    stamp === undefined || stamp === null
      ? 'The message has no "timestamp"'
      : `"timestamp" is ${show(stamp)}, not an ISO 8601 date-time with an offset,`;
  ctx.reject(
    'DISCORD_JSON_BAD_TIME',
    locator,
    `${what} and its id ${id === undefined ? '(missing)' : show(id)} holds no time either.`,
    DAMAGED,
  );
  return undefined;
}

/**
 * The sender: account id plus the account's unique username, exactly what DCE's CSV writes in its AuthorID and
 * Author columns. The same message exported both ways must resolve to the same person with the same direction, or
 * the id-less CSV copy is not recognised as a duplicate (timeline/dedupe.ts compares content, direction included);
 * the CSV has no nickname, so the JSON cannot name the sender by one. The username is also the better identifier:
 * unique on Discord, while anyone can take the display name or server nickname "Sam". The nickname shown in
 * Discord is kept in `details.nickname` when it differs.
 */
function author(a: unknown, details: Record<string, string>, flags: string[]): Party | undefined {
  if (!isObj(a)) return undefined;
  const id = idOf(a['id']);
  if (a['isBot'] === true) flags.push('bot');
  const username = usernameOf(a);
  const nickname = str(a['nickname']);
  if (nickname !== undefined && nickname !== username) details['nickname'] = nickname;
  // Only the nickname is there (a hand-made or damaged file): better than no name at all.
  const shown = username ?? nickname;
  if (id === undefined) return shown === undefined ? undefined : { name: shown };
  return shown === undefined ? { id, idType: 'account' } : { id, idType: 'account', name: shown };
}

/**
 * The account's unique username: old-style accounts are "name#1234" (DCE's "full name"), new-style ones have
 * discriminator "0000" and are unique alone.
 */
function usernameOf(a: Obj): string | undefined {
  const name = str(a['name']);
  const disc = str(a['discriminator']);
  return name && disc && !/^0+$/.test(disc) ? `${name}#${disc}` : name;
}

/**
 * Who ran the command a bot answered (types 20 and 23): the message's author is the bot, and the person who typed
 * `/remind …` or picked the menu entry is only in DCE's `interaction` (`{id, name, user}`). Kept beside the bot's
 * message (`command`, `commandBy: username (id)`) so the person behind it can be seen; the sender stays the bot,
 * as in DCE's CSV of the same channel, which has no such column.
 */
function interaction(v: Obj, details: Record<string, string>): void {
  const i = v['interaction'];
  if (!isObj(i)) return;
  const command = str(i['name']);
  if (command !== undefined) details['command'] = command;
  const user = i['user'];
  if (!isObj(user)) return;
  const name = usernameOf(user);
  const id = idOf(user['id']);
  // "username (id)", or whichever of the two the export gives.
  const by =
    name !== undefined && id !== undefined
      ? `${name} (${id})`
      : (name ?? (id === undefined ? undefined : `(${id})`));
  if (by !== undefined) details['commandBy'] = by;
}

/** A call: its length comes from `callEndedTimestamp`; whether anyone answered is not in the export. */
function call(v: Obj, time: EventTime, ev: Mutable<ParsedEvent>, flags: string[]): void {
  ev.kind = 'call';
  const endStamp = v['callEndedTimestamp'];
  const end = typeof endStamp === 'string' ? parseIsoInstant(endStamp) : undefined;
  if (end !== undefined && time.type === 'instant' && end >= time.ms) {
    ev.call = { status: 'unknown', durationSec: Math.round((end - time.ms) / 1000) };
  } else {
    // Discord leaves the end empty while a call is still going on; DCE writes null for it.
    ev.call = { status: 'unknown' };
    flags.push('call-end-unknown');
  }
}

/**
 * Text, attachments, stickers, embeds, replies and forwards of an ordinary message; where the text shown sits:
 * `content`, else a forwarded message's (undefined: none).
 */
function content(
  v: Obj,
  ev: Mutable<ParsedEvent>,
  details: Record<string, string>,
  flags: string[],
): readonly PathItem[] | undefined {
  let text = str(v['content']);
  let carried: readonly PathItem[] | undefined = text === undefined ? undefined : ['content'];
  const files = names(v['attachments'], 'fileName', 'url');
  const stickers = names(v['stickers'], 'name', 'id');
  const fwd = v['forwardedMessage'];
  if (isObj(fwd)) {
    flags.push('forwarded');
    if (text === undefined) {
      text = str(fwd['content']);
      if (text !== undefined) carried = ['forwardedMessage', 'content'];
    }
    files.push(...names(fwd['attachments'], 'fileName', 'url'));
  }
  let kind: Kind = 'message';
  if (text !== undefined) ev.text = text;
  else if (files.length > 0 || stickers.length > 0) kind = 'media';
  else {
    kind = 'other';
    flags.push(Array.isArray(v['embeds']) && v['embeds'].length > 0 ? 'embed-only' : 'no-content');
  }
  ev.kind = kind;
  if (files.length > 0) details['attachments'] = files.join(', ');
  if (stickers.length > 0) details['stickers'] = stickers.join(', ');
  const ref = v['reference'];
  if (isObj(ref) && ref['type'] !== 'Forward') {
    const to = idOf(ref['messageId']);
    if (to !== undefined) details['replyTo'] = to;
  }
  const mentions = Array.isArray(v['mentions']) ? v['mentions'].filter(isObj) : [];
  if (mentions.length > 0) {
    details['mentions'] = mentions
      .map((u) => `${str(u['nickname']) ?? str(u['name']) ?? '?'} (${idOf(u['id']) ?? '?'})`)
      .join(', ');
  }
  const reactions = Array.isArray(v['reactions']) ? v['reactions'].filter(isObj) : [];
  if (reactions.length > 0) {
    details['reactions'] = reactions
      .map((r) => `${(isObj(r['emoji']) && str(r['emoji']['name'])) || '?'} (${show(r['count'] ?? '?')})`)
      .join(', ');
  }
  return carried;
}

/** The first present of `keys` for each object in `list`. */
function names(list: unknown, ...keys: string[]): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    if (!isObj(item)) continue;
    const name = keys.map((k) => idOf(item[k])).find((s) => s !== undefined);
    out.push(name ?? '?');
  }
  return out;
}

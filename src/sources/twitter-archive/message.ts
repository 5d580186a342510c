/**
 * One element of a `dmConversation.messages` array → one event, skip or reject. Elements are one-key objects:
 * `messageCreate` is a message; `welcomeMessageCreate` is the welcome message an account set up to greet whoever
 * opens a conversation with it (same fields, read as a message flagged `welcome-message`); `reactionCreate`
 * (`{senderId, reactionKey, eventId, createdAt}`, which archives write beside the messages as well as in a
 * message's `reactions`) is skipped as `reaction`, as a reaction is part of its message and never a record;
 * `joinConversation`, `participantsJoin`, `participantsLeave` and `conversationNameUpdate` are group notices
 * (shapes: alkihis/twitter-archive-reader `GDPRDMs.ts`); any other key is rejected so a new kind of record is
 * seen, not lost.
 */
import type { EventTime, ParsedEvent } from '../../model/index.js';
import { cutTotal, type TextCut, warnTextCuts } from '../discord-json/json-walk.js';
import { parseIsoInstant, snowflakeMs, stampOrIdTime, TWITTER_EPOCH } from '../discord-json/time.js';
import { eventCutCopy, withFlag } from '../long-text.js';
import type { SourceContext } from '../source.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Obj = Record<string, unknown>;

/** The conversation being read and the per-file state. */
export interface TwitterFile {
  conversationId: string | undefined;
  conversationName: string | undefined;
  /** Message ids seen: a long conversation split into several `dmConversation` objects must not count twice. */
  readonly seen: Set<string>;
  /** Accounts in every one-to-one conversation so far: at the end, one left is the archive's owner. */
  owner: Set<string> | undefined;
  oneToOne: number;
  mismatched: { count: number; first?: string };
  fromId: { count: number; first?: string };
}

/** Fresh per-file state. */
export function newTwitterFile(): TwitterFile {
  return {
    conversationId: undefined,
    conversationName: undefined,
    seen: new Set(),
    owner: undefined,
    oneToOne: 0,
    mismatched: { count: 0 },
    fromId: { count: 0 },
  };
}

const NOTICES: Readonly<Record<string, string>> = {
  joinConversation: 'join-conversation',
  participantsJoin: 'participants-join',
  participantsLeave: 'participants-leave',
  conversationNameUpdate: 'conversation-name-update',
  reactionCreate: 'reaction',
};

/** The keys whose value is a DM, and the flag each sets. */
const MESSAGES: Readonly<Record<string, string | undefined>> = {
  messageCreate: undefined,
  welcomeMessageCreate: 'welcome-message',
};

const DAMAGED =
  'The archive may have been edited or damaged; download it again from X (Settings → Your account → Download an archive).';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : [];

/** Shows a hostile value briefly inside a message. */
export function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** Twitter escapes exactly these three in DM text; one pass, so `&amp;lt;` becomes `&lt;` as typed. */
const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt);/g, (e) => ENTITIES[e]!);
const TCO = /https:\/\/t\.co\/[A-Za-z0-9]+/g;

/** Notes the participants of a one-to-one conversation id (`"<low>-<high>"`). */
export function noteConversation(id: string, file: TwitterFile): void {
  const m = /^(\d+)-(\d+)$/.exec(id);
  if (!m) return;
  file.oneToOne++;
  const pair = new Set([m[1]!, m[2]!]);
  file.owner = file.owner ? new Set([...file.owner].filter((x) => pair.has(x))) : pair;
}

/** The flag of a DM kept with only the first MiB of its text (json-walker.ts `TextCut`). */
export const TEXT_CUT = 'TWITTER_TEXT_CUT';

/** Reads one element of a conversation's `messages`; `cuts`: texts in it kept to their first MiB. */
export function readEntry(
  v: unknown,
  locator: string,
  file: TwitterFile,
  ctx: SourceContext,
  cuts?: readonly TextCut[],
): void {
  const keys = isObj(v) ? Object.keys(v) : [];
  const inner = keys.length === 1 && isObj(v) ? v[keys[0]!] : undefined;
  const id = isObj(inner) ? idOf(inner['id']) : undefined;
  const ev = entry(v, keys, locator, file, ctx);
  if (cuts !== undefined) {
    // The text a DM shows is its `text`; an edit's earlier text is read in part but not shown.
    const carried = ev?.text === undefined ? undefined : [keys[0]!, 'text'];
    const kept = ev && { carried, copy: eventCutCopy(ev.sender, ev.time, cutTotal(cuts, carried)) };
    const own = warnTextCuts(ctx, cuts, { code: 'TWITTER_TEXT_TOO_LONG', flag: TEXT_CUT, locator, id, kept });
    if (own && ev) ev.flags = withFlag(ev.flags, TEXT_CUT);
  }
  if (ev !== undefined) ctx.emit(ev);
}

/** Entry `v` (its own `keys`) read, not yet emitted; undefined after skipping or rejecting it. */
function entry(
  v: unknown,
  keys: string[],
  locator: string,
  file: TwitterFile,
  ctx: SourceContext,
): Mutable<ParsedEvent> | undefined {
  if (!isObj(v) || keys.length !== 1) {
    ctx.reject(
      'TWITTER_ARCHIVE_NOT_A_MESSAGE',
      locator,
      `Expected an object with one key such as "messageCreate", found ${show(v)}.`,
      DAMAGED,
    );
    return undefined;
  }
  const key = keys[0]!;
  // Own keys only: an entry keyed "constructor" or "toString" is no notice.
  const notice = Object.hasOwn(NOTICES, key) ? NOTICES[key] : undefined;
  if (notice !== undefined) {
    ctx.skip(notice, locator);
    return undefined;
  }
  if (!Object.hasOwn(MESSAGES, key) || !isObj(v[key])) {
    ctx.reject(
      'TWITTER_ARCHIVE_UNKNOWN_EVENT',
      locator,
      `"${key.slice(0, 60)}" is not a kind of DM record chronolog knows, so it was not counted.`,
      'Check this record in the file; if it is a message, please report the format so it can be read.',
    );
    return undefined;
  }
  return message(v[key], locator, file, ctx, MESSAGES[key]);
}

function message(
  mc: Obj,
  locator: string,
  file: TwitterFile,
  ctx: SourceContext,
  flag?: string,
): Mutable<ParsedEvent> | undefined {
  const id = idOf(mc['id']);
  if (id !== undefined) {
    if (file.seen.has(id)) {
      ctx.skip('duplicate-message-id', locator);
      return undefined;
    }
    file.seen.add(id);
  }
  const flags: string[] = flag === undefined ? [] : [flag];
  const time = readTime(mc['createdAt'], id, locator, flags, file, ctx);
  if (time === undefined) return undefined;
  const ev: Mutable<ParsedEvent> = {
    locator,
    time,
    channel: 'twitter',
    kind: 'message',
    direction: 'unknown',
  };
  const sender = idOf(mc['senderId']);
  if (sender !== undefined) ev.sender = { id: sender, idType: 'account' };
  const details: Record<string, string> = {};
  const media = strings(mc['mediaUrls']);
  const links = Array.isArray(mc['urls']) ? mc['urls'].filter(isObj) : [];
  const raw = typeof mc['text'] === 'string' ? mc['text'] : '';
  // Twitter appends a t.co link for attached media to the text; links in `urls` are ones the sender typed.
  const typed = new Set(links.map((u) => u['url']));
  const words = media.length > 0 ? raw.replace(TCO, (u) => (typed.has(u) ? u : '')).trim() : raw.trim();
  if (words !== '') ev.text = decode(raw);
  else if (media.length > 0) ev.kind = 'media';
  else {
    ev.kind = 'other';
    flags.push('no-content');
  }
  if (media.length > 0) details['media'] = media.join(', ');
  const expanded = links.map((u) => idOf(u['expanded']) ?? idOf(u['url'])).filter((u) => u !== undefined);
  if (expanded.length > 0) details['links'] = expanded.join(', ');
  const reactions = Array.isArray(mc['reactions']) ? mc['reactions'].filter(isObj) : [];
  if (reactions.length > 0) {
    details['reactions'] = reactions
      .map((r) => `${idOf(r['reactionKey']) ?? '?'} by ${idOf(r['senderId']) ?? '?'}`)
      .join(', ');
  }
  // A group DM has no recipient: archives leave it out or write "0".
  const recipient = idOf(mc['recipientId']);
  if (recipient !== undefined && recipient !== '0') details['recipientId'] = recipient;
  if (Array.isArray(mc['editHistory']) && mc['editHistory'].length > 0) flags.push('edited');
  const conversation = file.conversationName ?? file.conversationId;
  if (conversation !== undefined) ev.conversation = conversation;
  if (id !== undefined) ev.nativeId = id;
  if (flags.length > 0) ev.flags = flags;
  if (Object.keys(details).length > 0) ev.details = details;
  return ev;
}

/** `createdAt` when readable, else the time in the snowflake id; rejects when neither is there. */
function readTime(
  stamp: unknown,
  id: string | undefined,
  locator: string,
  flags: string[],
  file: TwitterFile,
  ctx: SourceContext,
): EventTime | undefined {
  const ms = typeof stamp === 'string' ? parseIsoInstant(stamp) : undefined;
  const fromId = id === undefined ? undefined : snowflakeMs(id, TWITTER_EPOCH);
  const time = stampOrIdTime(ms, fromId, locator, flags, file);
  if (time !== undefined) return time;
  ctx.reject(
    'TWITTER_ARCHIVE_BAD_TIME',
    locator,
    `${stamp === undefined ? 'The message has no "createdAt"' : `"createdAt" is ${show(stamp)}, not an ISO 8601 date-time,`} and its id ${id === undefined ? '(missing)' : show(id)} holds no time either.`,
    DAMAGED,
  );
  return undefined;
}

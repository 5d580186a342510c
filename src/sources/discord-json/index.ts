/**
 * DiscordChatExporter (Tyrrrz/DiscordChatExporter, "DCE") JSON export of one channel, DM or group DM.
 *
 *   { "guild": {"id": "0", "name": "Direct Messages"}, "channel": {"id": "…", "type": "DirectTextChat", "name": "sam"},
 *     "messages": [
 *       {"id": "1199370123456789012", "type": "Default", "timestamp": "2024-01-22T18:04:11.532+00:00",
 *        "timestampEdited": null, "content": "answer me", "author": {"id": "4400…", "name": "sam.sample",
 *        "discriminator": "0000", "nickname": "Sam", "isBot": false}, "attachments": [], "reactions": []},
 *       {"id": "…", "type": "Call", "timestamp": "…", "callEndedTimestamp": "…", "content": "Started a call that lasted 3 minutes."},
 *       {"id": "…", "type": "ChannelPinnedMessage", "timestamp": "…", "content": "Pinned a message."} ],
 *     "messageCount": 3 }
 *
 * Times: `timestamp` always carries an offset (the exporting computer's zone, or +00:00 with `--utc`), so it is
 * an instant, kept to the millisecond. The id is a snowflake holding the UTC millisecond the message was sent: it
 * stands in (flag `time-from-id`) when `timestamp` is missing or unreadable, and a stamp more than a second away
 * from it is flagged `time-id-mismatch` (Discord sets both at once, so a gap means an edited file).
 * Kinds come from `type`, never from `content` (DCE writes a fallback sentence for notices): Default/Reply →
 * message, or media when only attachments/stickers; Call → call (length from `callEndedTimestamp`; Discord does not
 * say whether anyone answered, so the status is `unknown`); notices (RecipientAdd, ChannelPinnedMessage,
 * GuildMemberJoin, ThreadCreated, …, or a bare type number) → skipped as `system-<type>`; a thread's starter
 * entry (type 21, an empty pointer to the message in the parent channel) as `thread-starter-reference`. A message
 * repeating the previous one's id is skipped as `duplicate-message-id` (DCE writes in id order).
 * Sender: `{id: author.id, idType: account, name: <unique username>}` (`name#1234` for old-style accounts, `name`
 * for new ones), the same two facts DCE's CSV writes (AuthorID, Author), so a channel exported both ways resolves
 * each sender, and so each direction, the same and the CSV copy de-duplicates against the JSON. The nickname shown
 * in Discord (`nickname`, a display or server name anyone may also take) is kept in `details.nickname` when it
 * differs. Case files should list the numeric id, which never changes, or the username; identities are matched
 * on `sender.id` and `sender.name` only, so a nickname in a case file matches neither export. A bot's answer to
 * a slash or context-menu command (types 20, 23) is the bot's message; who ran the command (DCE's
 * `interaction.user`) is kept in `details.commandBy`, with the command in `details.command`.
 * Direction is unknown: a DCE export does not say who made it. Conversation: the channel name for DMs and group
 * DMs, `Server / channel` for server channels. A one-to-one DM's channel name is the recipient: told to the
 * context once per file (`SourceContext.people`), for `anonymise` to redact them in texts even if they never write.
 *
 * A file that ends (a cut download or copy) or whose JSON breaks inside a message, once that message's `{` was read,
 * counts it as rejected at its own locator (DISCORD_JSON_RECORD_CUT_SHORT, DISCORD_JSON_RECORD_MALFORMED), never
 * emitted with the part read, before the file's DISCORD_JSON_TRUNCATED or DISCORD_JSON_INVALID failure, whose
 * locator is that message's; a break between two messages rejects nothing, and the failure's locator is then the
 * array (`messages`), never the next message, which the file may not hold. A bare value where a message should be (DCE never writes one) is counted
 * only once the JSON after it was read: one the file breaks off right after stays uncounted beside the failure,
 * since where stream-json reports it depends on chunking (see `held` and `openValue` in json-walker.ts).
 *
 * Unsupported: DCE's HTML, TXT and CSV outputs (CSV is its own source, discord-csv), Discord's own "Request my
 * data" package, reactions as contacts (listed in `details.reactions`), and embeds' text.
 */

import { plural } from '../../model/format.js';
import { type Source, type SourceContext, SourceFailure } from '../source.js';
import { droppedInWords, formatPath, JsonWalkError, rejectOpenRecord, walkJson } from './json-walk.js';
import { type DiscordFile, newDiscordFile, readMessage, show } from './message.js';

const HEAD_OBJECT = /^\s*\{/;
const HEAD_GUILD = /"guild"\s*:\s*\{/;
const HEAD_CHANNEL = /"channel"\s*:\s*\{/;
const HEAD_MESSAGES = /"messages"\s*:\s*\[/;
const HEAD_STAMP = /"timestamp"\s*:/;
const HEAD_EMPTY = /"messages"\s*:\s*\[\s*\]/;

/**
 * A message's text, kept to its first MiB (long-text.ts): a "message" of 300 MB (a damaged file) is one message,
 * flagged DISCORD_TEXT_CUT, named in a DISCORD_TEXT_TOO_LONG warning with its full length. A forwarded message's copy of
 * the text is a `content` too.
 */
const TEXT = new Set(['content']);

/** Members of a message never read: not assembled, which saves most of the work on large server exports. */
const IGNORED = new Set([
  'avatarUrl',
  'roles',
  'color',
  'users',
  'imageUrl',
  'iconUrl',
  'thumbnail',
  'images',
  'video',
  'fields',
  'footer',
  'inlineEmojis',
]);

/** The top-level values read besides `messages`; anything else is passed over unread. */
const TOP_FIELDS = new Set(['guild', 'channel', 'messageCount']);

const HINT =
  'Export the channel again with DiscordChatExporter, or copy the file again (a cut download or copy truncates it); ' +
  'the messages before this point were kept.';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** DiscordChatExporter JSON: one channel, DM or group DM per file, streamed. */
export const discordJson: Source = {
  id: 'discord-json',
  label: 'Discord chat (DiscordChatExporter JSON)',
  reads:
    'messages, attachments and calls of one Discord DM, group DM or server channel exported by DiscordChatExporter',
  recognisedBy:
    'a JSON object with "guild", "channel" and a "messages" array whose entries have a "timestamp"',
  howToExport:
    'DiscordChatExporter (GUI or CLI): choose the DM or channel and the export format "JSON" (one file per channel)',
  extensions: ['.json'],

  detect(probe) {
    const t = probe.text;
    if (!HEAD_OBJECT.test(t) || !HEAD_GUILD.test(t) || !HEAD_CHANNEL.test(t) || !HEAD_MESSAGES.test(t)) {
      return false;
    }
    return HEAD_STAMP.test(t) || HEAD_EMPTY.test(t);
  },

  async parse(input, ctx) {
    const file = newDiscordFile();
    const top = new Map<string, unknown>();
    let sawMessages = false;
    let complete = false;
    try {
      await walkJson(
        input,
        {
          plan(path, kind) {
            if (path.length === 0) {
              if (kind === 'object') return 'descend';
              throw new SourceFailure(
                'DISCORD_JSON_NOT_AN_EXPORT',
                'The file is JSON but not a DiscordChatExporter export: it does not start with an object.',
                1,
                'If it is meant to be a Discord export, export the channel again with DiscordChatExporter in JSON format; otherwise give it with --format naming what it is, or leave it out.',
              );
            }
            if (path.length === 2) return 'collect';
            if (path[0] !== 'messages') return TOP_FIELDS.has(path[0] as string) ? 'collect' : 'skip';
            sawMessages = kind === 'array';
            return sawMessages ? 'descend' : 'skip';
          },
          value(path, v, cuts) {
            if (path.length === 2) {
              readMessage(v, formatPath(path), file, ctx, cuts);
              return;
            }
            top.set(path[0] as string, v);
            if (path[0] === 'guild' || path[0] === 'channel') file.conversation = conversationOf(top);
            if (path[0] === 'channel') tellRecipient(v, ctx);
          },
          dropped(path, why) {
            if (path.length !== 2) {
              top.delete(path[0] as string);
              return;
            }
            file.messages++;
            ctx.reject(
              'DISCORD_JSON_MESSAGE_TOO_LARGE',
              formatPath(path),
              `This entry is ${droppedInWords(why)}; no Discord message is, so it was not read.`,
              HINT,
            );
          },
        },
        { onBytes: (n) => ctx.progress(n), ignore: IGNORED, text: TEXT },
      );
      complete = true;
    } catch (err) {
      if (err instanceof JsonWalkError) {
        // The message the file breaks off in was begun: counted, rejected, before the file's failure.
        if (err.open?.length === 2 && err.open[0] === 'messages') {
          file.messages++;
          rejectOpenRecord(err, formatPath(err.open), 'DISCORD_JSON', ctx);
        }
        throw failure(err);
      }
      throw err;
    } finally {
      summarise(file, ctx);
    }
    if (!complete) return;
    if (!sawMessages)
      ctx.warn(
        'DISCORD_JSON_NO_MESSAGES',
        undefined,
        'The export has no "messages" array; nothing was read.',
        'DiscordChatExporter always writes "messages", empty for a channel with none, so the file was edited or cut. Export the channel again with DiscordChatExporter.',
      );
    const count = top.get('messageCount');
    if (typeof count === 'number' && count !== file.messages) {
      ctx.warn(
        'DISCORD_JSON_COUNT_MISMATCH',
        'messageCount',
        `The export says it holds ${count} messages ("messageCount"), but ${file.messages} were found.`,
        'DiscordChatExporter writes the count itself, so a difference suggests the file was edited after export.',
      );
    }
  },
};

/**
 * For anonymise: DCE names a one-to-one DM channel after its recipient (their display name), who may never write
 * and so be in no event, yet a text may name them; told to the context once per file. A group DM's name is its
 * own title or its members' names joined by commas, so it is not told.
 */
function tellRecipient(channel: unknown, ctx: SourceContext): void {
  if (!isObj(channel) || channel['type'] !== 'DirectTextChat') return;
  const name = str(channel['name']);
  if (name !== undefined) ctx.people?.([name.trim()]);
}

/** The conversation name: the channel for DMs and group DMs, `Server / channel` in a server. */
function conversationOf(top: Map<string, unknown>): string | undefined {
  const guild = top.get('guild');
  const channel = top.get('channel');
  const ch = isObj(channel) ? str(channel['name']) : undefined;
  const g = isObj(guild) ? str(guild['name']) : undefined;
  const dm =
    (isObj(guild) && guild['id'] === '0') ||
    (isObj(channel) && /^Direct(?:Group)?TextChat$/.test(String(channel['type'])));
  if (dm || g === undefined) return ch;
  return ch === undefined ? g : `${g} / ${ch}`;
}

function failure(err: JsonWalkError): SourceFailure {
  const at = err.line > 0 ? `line ${err.line}, column ${err.column}` : 'an unknown position';
  const inside = err.place === '' ? '' : `, ${err.place}`;
  const locator = err.path === '' ? err.line : err.path;
  if (err.kind === 'empty')
    return new SourceFailure('DISCORD_JSON_EMPTY', 'The file holds no JSON.', 1, HINT);
  return err.kind === 'truncated'
    ? new SourceFailure(
        'DISCORD_JSON_TRUNCATED',
        `The file ends in the middle of the JSON (${at}${inside}).`,
        locator,
        HINT,
      )
    : new SourceFailure(
        'DISCORD_JSON_INVALID',
        `Invalid JSON at ${at}${inside}: ${err.message}.`,
        locator,
        HINT,
      );
}

/** File-level warnings about assumptions made record by record. */
function summarise(file: DiscordFile, ctx: SourceContext): void {
  if (file.mismatched.count > 0) {
    ctx.warn(
      'DISCORD_JSON_TIME_ID_MISMATCH',
      file.mismatched.first,
      `${plural(file.mismatched.count, 'message has', 'messages have')} a "timestamp" more than a second away from the time in ${file.mismatched.count === 1 ? 'its' : 'their'} id; kept at the "timestamp" and flagged time-id-mismatch.`,
      'Discord sets both when a message is sent, so a difference suggests the file was edited; compare with a fresh export.',
    );
  }
  if (file.fromId.count > 0) {
    ctx.warn(
      'DISCORD_JSON_TIME_FROM_ID',
      file.fromId.first,
      `${plural(file.fromId.count, 'message has', 'messages have')} no readable "timestamp"; the time was taken from the message id (flagged time-from-id).`,
      'Nothing to fix: Discord writes the time a message was sent into its id, to the millisecond, so the time is exact. A missing "timestamp" suggests the file was edited or damaged; compare with a fresh export if that matters.',
    );
  }
  if (file.unknownTypes.size > 0) {
    const list = [...file.unknownTypes].map(([t, n]) => `${show(t)} ×${n}`).join(', ');
    ctx.warn(
      'DISCORD_JSON_UNKNOWN_TYPE',
      file.unknownTypeFirst,
      `Message types chronolog does not know were counted as contacts: ${list} (flagged type-…).`,
      'Check these messages in the chronology; they may be notices rather than something a person wrote.',
    );
  }
  if (file.typeMissing > 0) {
    ctx.warn(
      'DISCORD_JSON_TYPE_MISSING',
      file.typeMissingFirst,
      `${plural(file.typeMissing, 'message has', 'messages have')} no "type"; read as ordinary messages.`,
      'DiscordChatExporter writes a "type" for every message, so the file may have been edited or made by another program. Check these messages in the chronology; a notice (such as a pinned message) would be counted as a contact.',
    );
  }
}

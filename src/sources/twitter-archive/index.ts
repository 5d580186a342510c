/**
 * Direct messages from a Twitter/X archive ("Download an archive of your data"): `data/direct-messages.js` and
 * `data/direct-messages-group.js` (before 2022 `direct-message.js` / `direct-message-group.js`; long archives
 * add `…-part1.js`). Read inside the archive's zip (`twitter-….zip!/data/direct-messages.js`) or unpacked.
 *
 *   window.YTD.direct_messages.part0 = [ {
 *     "dmConversation" : { "conversationId" : "2244994945-4400000001", "messages" : [ {
 *       "messageCreate" : { "recipientId" : "4400000001", "reactions" : [ ], "urls" : [ ], "text" : "answer me &gt;:(",
 *         "mediaUrls" : [ ], "senderId" : "2244994945", "id" : "1761234567890123456", "createdAt" : "2024-02-24T18:04:11.532Z" } },
 *       { "joinConversation" : { "initiatingUserId" : "…", "participantsSnapshot" : [ "…" ], "createdAt" : "…" } } ] } } ]
 *
 * The file is a JavaScript assignment: the `window.YTD.<name>.partN =` prefix is passed over and the JSON after
 * it read as data, streamed (a DM file can be hundreds of MB); the file is never evaluated. `createdAt` is UTC
 * with milliseconds; the id is a snowflake whose time stands in when `createdAt` is unreadable (flag
 * `time-from-id`) and is compared with it otherwise (`time-id-mismatch`). Sender: `{id: senderId, idType:
 * account}` — the archive holds numeric account ids only, no @handles or names (the owner's own handle is in
 * `data/account.js`, which this per-file reader does not see), so list the subject's numeric id in the case file.
 * Direction is unknown; when every one-to-one conversation includes the same account, that account is named in a
 * TWITTER_ARCHIVE_OWNER_LIKELY warning. Text: Twitter's `&amp;`/`&lt;`/`&gt;` are decoded; t.co links are kept
 * as written and their targets listed in `details.links`; a message that is only an attached photo's link is
 * media. Reactions stay part of their message (`details.reactions`, words such as "excited"). Conversations
 * over about 1000 messages are split into several objects with the same id; a message id seen twice in a file is
 * skipped as `duplicate-message-id`; a conversation whose `messages` is not a list is one rejected record
 * (`TWITTER_ARCHIVE_MESSAGES_NOT_A_LIST`), never passed over. Group notices are skipped (`join-conversation`,
 * `participants-leave`…), and so are the `reactionCreate` entries archives write beside the messages
 * (`reaction`); an account's automatic `welcomeMessageCreate` is read as a message flagged `welcome-message`.
 * Locators: `[2].dmConversation.messages[10]`. A file that ends (a cut download or unzip) or whose JSON breaks
 * inside an entry of `messages`, once the entry's `{` was read, counts that entry as rejected at its own locator
 * (TWITTER_ARCHIVE_RECORD_CUT_SHORT, TWITTER_ARCHIVE_RECORD_MALFORMED), never emitted with the part read, before
 * the file's failure, whose locator is that entry's; a break between entries, or outside any `messages`, rejects
 * nothing, and the failure's locator is then the list the break lies in (`[2].dmConversation.messages`; the line
 * for the top-level list), never the next entry, which the file may not hold.
 *
 * Not available in an archive at all: tweets by other accounts that mention or reply to the owner (only the
 * owner's own tweets are in `data/tweets.js`, and they are not contact, so that file is not read). Not read:
 * `direct-message-headers.js` (the same messages without text, which would shadow the full ones), and DMs
 * deleted before the archive was made (X leaves them out).
 */

import { plural } from '../../model/format.js';
import {
  droppedInWords,
  formatPath,
  JsonWalkError,
  rejectOpenRecord,
  walkJson,
} from '../discord-json/json-walk.js';
import { type Source, type SourceContext, SourceFailure } from '../source.js';
import { newTwitterFile, noteConversation, readEntry, type TwitterFile } from './message.js';

/**
 * A DM's text (`messageCreate.text`, and each text of its `editHistory`), kept to its first MiB (long-text.ts): a
 * "DM" of 300 MB (a damaged file) is one DM, flagged TWITTER_TEXT_CUT, named in a TWITTER_TEXT_TOO_LONG warning with
 * its full length. An edit's earlier text, which the timeline does not show, is warned of too, without the flag.
 */
const TEXT = new Set(['text']);

/** The DM files' assignment prefixes; `direct_message_headers` and other `window.YTD` files do not match. */
const PREFIX = /^\s*window\.YTD\.(direct_messages?(?:_group)?)\.part\d+\s*=\s*/;
const HEAD = /^\s*window\.YTD\.direct_messages?(?:_group)?\.part\d+\s*=\s*\[/;

const HINT =
  'Take the file from the archive again (or download a new archive from X); the messages before this point were kept.';

/** DMs and group DMs from a Twitter/X archive's `data/direct-messages*.js`. */
export const twitterArchive: Source = {
  id: 'twitter-archive',
  label: 'Twitter/X archive direct messages (direct-messages.js)',
  reads:
    'one-to-one and group direct messages from a Twitter/X archive (only DMs: mentions and replies by other accounts are not in the archive)',
  recognisedBy:
    'a file starting "window.YTD.direct_messages.partN = [" (or direct_messages_group, direct_message)',
  howToExport:
    'X: Settings → Your account → Download an archive of your data; give chronolog the zip or data/direct-messages*.js',
  extensions: ['.js'],

  detect(probe) {
    return HEAD.test(probe.text);
  },

  async parse(input, ctx) {
    const file = newTwitterFile();
    const odd = new Set<string>();
    // plan() is asked again about every path before a syntax error (json-walk.ts reads the file a second time up
    // to it): a conversation rejected there must not be rejected twice.
    const notLists = new Set<string>();
    try {
      await walkJson(
        input,
        {
          plan(path, kind) {
            switch (path.length) {
              case 0:
                if (kind === 'array') return 'descend';
                throw new SourceFailure(
                  'TWITTER_ARCHIVE_NOT_AN_ARRAY',
                  'The value after the "window.YTD… =" prefix is not a list of conversations.',
                  1,
                  HINT,
                );
              case 1:
                return kind === 'object' ? 'descend' : 'collect';
              case 2:
                if (path[1] === 'dmConversation' && kind === 'object') return 'descend';
                odd.add(`${String(path[1])} (${kind})`);
                return 'skip';
              case 3:
                if (path[2] === 'messages') {
                  if (kind === 'array') return 'descend';
                  // Whatever it holds cannot be told apart as messages: one rejected record, never passed over.
                  const locator = formatPath(path);
                  if (notLists.has(locator)) return 'skip';
                  notLists.add(locator);
                  ctx.reject(
                    'TWITTER_ARCHIVE_MESSAGES_NOT_A_LIST',
                    locator,
                    `This conversation's "messages" is ${kind === 'object' ? 'an object' : 'a single value'}, not a list of messages, so none of it was read.`,
                    'X writes "messages" as a list; the archive may have been edited or damaged. Take the file from the archive again.',
                  );
                  return 'skip';
                }
                return path[2] === 'conversationId' || path[2] === 'name' ? 'collect' : 'skip';
              default:
                return 'collect';
            }
          },
          value(path, v, cuts) {
            const locator = formatPath(path);
            if (path.length === 4) readEntry(v, locator, file, ctx, cuts);
            else if (path.length === 1) odd.add(`${locator} (not an object)`);
            else if (path[2] === 'conversationId' && typeof v === 'string') {
              file.conversationId = v;
              noteConversation(v, file);
            } else if (path[2] === 'name' && typeof v === 'string' && v.trim() !== '')
              file.conversationName = v;
          },
          dropped(path, why) {
            if (path.length === 3) {
              // A conversation's "conversationId" or "name" (the only members of one collected): its messages are
              // read all the same, without it.
              const conversation = formatPath(path.slice(0, 2));
              ctx.warn(
                'TWITTER_ARCHIVE_CONVERSATION_VALUE_TOO_LARGE',
                formatPath(path),
                `The "${String(path[2])}" of the conversation at ${conversation} is ${droppedInWords(why)}, which no X archive writes, so it was not read. The conversation's messages were read without it${path[2] === 'conversationId' ? ': their conversation is not named' : ''}.`,
                'X writes a short id and name here: the archive may have been edited or damaged. Take the file from the archive again.',
              );
              return;
            }
            if (path.length !== 4) {
              odd.add(`${formatPath(path)} (${why})`);
              return;
            }
            ctx.reject(
              'TWITTER_ARCHIVE_MESSAGE_TOO_LARGE',
              formatPath(path),
              `This entry is ${droppedInWords(why)}; no DM is, so it was not read.`,
              HINT,
            );
          },
          close(path) {
            if (path.length !== 2) return;
            file.conversationId = undefined;
            file.conversationName = undefined;
          },
        },
        { preamble, semicolon: true, onBytes: (n) => ctx.progress(n), text: TEXT },
      );
    } catch (err) {
      if (err instanceof JsonWalkError) {
        // The entry the file breaks off in was begun: counted, rejected, before the file's failure.
        if (err.open?.length === 4) rejectOpenRecord(err, formatPath(err.open), 'TWITTER_ARCHIVE', ctx);
        throw failure(err);
      }
      throw err;
    } finally {
      summarise(file, odd, ctx);
    }
  },
};

/** Length of the `window.YTD.<name>.partN = ` prefix; a file without one is not a DM file. */
function preamble(head: string): number {
  const m = PREFIX.exec(head);
  if (m) return m[0].length;
  throw new SourceFailure(
    'TWITTER_ARCHIVE_NO_PREFIX',
    `The file does not start with "window.YTD.direct_messages.part0 =" but with ${JSON.stringify(head.trimStart().slice(0, 40))}.`,
    1,
    'Give chronolog the direct-messages*.js files from the archive’s data folder, unchanged.',
  );
}

function failure(err: JsonWalkError): SourceFailure {
  const at = err.line > 0 ? `line ${err.line}, column ${err.column}` : 'an unknown position';
  const inside = err.place === '' ? '' : `, ${err.place}`;
  const locator = err.path === '' ? err.line : err.path;
  if (err.kind === 'empty')
    return new SourceFailure('TWITTER_ARCHIVE_EMPTY', 'The file holds no JSON.', 1, HINT);
  return err.kind === 'truncated'
    ? new SourceFailure(
        'TWITTER_ARCHIVE_TRUNCATED',
        `The file ends in the middle of the JSON (${at}${inside}).`,
        locator,
        HINT,
      )
    : new SourceFailure(
        'TWITTER_ARCHIVE_INVALID',
        `Invalid JSON at ${at}${inside}: ${err.message}.`,
        locator,
        HINT,
      );
}

/** File-level warnings. */
function summarise(file: TwitterFile, odd: Set<string>, ctx: SourceContext): void {
  if (file.mismatched.count > 0) {
    ctx.warn(
      'TWITTER_ARCHIVE_TIME_ID_MISMATCH',
      file.mismatched.first,
      `${plural(file.mismatched.count, 'message has', 'messages have')} a "createdAt" more than a second away from the time in ${file.mismatched.count === 1 ? 'its' : 'their'} id; kept at "createdAt" and flagged time-id-mismatch.`,
      'X sets both when a message is sent, so a difference suggests the file was edited; compare with a fresh archive.',
    );
  }
  if (file.fromId.count > 0) {
    ctx.warn(
      'TWITTER_ARCHIVE_TIME_FROM_ID',
      file.fromId.first,
      `${plural(file.fromId.count, 'message has', 'messages have')} no readable "createdAt"; the time was taken from the message id (flagged time-from-id).`,
      'Nothing to fix: X writes the time a message was sent into its id, to the millisecond, so the time is exact. A missing "createdAt" suggests the file was edited or damaged; compare with a fresh archive if that matters.',
    );
  }
  if (odd.size > 0) {
    ctx.warn(
      'TWITTER_ARCHIVE_UNEXPECTED_SHAPE',
      undefined,
      `Parts of the file are not conversations and were not read: ${[...odd].slice(0, 5).join(', ')}${odd.size > 5 ? ', …' : ''}.`,
      'X writes only conversations in this file, so it was edited or made by another program. If messages may be missing, take the file from the archive again, or download a new archive from X.',
    );
  }
  const owner = file.owner?.size === 1 ? [...file.owner][0] : undefined;
  if (owner !== undefined && file.oneToOne >= 2) {
    ctx.warn(
      'TWITTER_ARCHIVE_OWNER_LIKELY',
      undefined,
      `Every one-to-one conversation in this file includes account ${owner}, so it is probably the archive owner's.`,
      `If this is the victim's archive, add ${owner} to the victim's identifiers so their own messages are not counted as contact.`,
    );
  }
}

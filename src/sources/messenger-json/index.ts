/**
 * Facebook Messenger and Instagram "Download your information" threads in JSON: `message_N.json`.
 *
 *   {"participants": [{"name": "Zo\u00c3\u00ab Example"}, {"name": "Sam Sample"}],
 *    "messages": [
 *      {"sender_name": "Sam Sample", "timestamp_ms": 1700000400000, "content": "Answer me", "type": "Generic"},
 *      {"sender_name": "Sam Sample", "timestamp_ms": 1700000300000, "call_duration": 0, "missed": true, "type": "Call"},
 *      {"sender_name": "Sam Sample", "timestamp_ms": 1700000200000, "photos": [{"uri": "…/photos/1.jpg"}]}],
 *    "title": "Sam Sample", "is_still_participant": true, "thread_path": "inbox/samsample_1234567890"}
 *
 * Variants and quirks (formats.md §3):
 * - Same schema for Messenger and Instagram; the channel comes from the path (meta/channel.ts), and a path that
 *   names neither app gets the Messenger default and a MESSENGER_CHANNEL_ASSUMED warning.
 * - Every non-ASCII string is double-encoded (`\u00c3\u00ab` for "ë"); repaired per file (meta/mojibake.ts).
 * - Messages are newest first. Each `message_N.json` is its own input and nothing here depends on the order of
 *   files: `message_10.json` continues `message_2.json` (numerically, not by byte order), and the timeline sorts.
 * - `timestamp_ms` is an absolute instant (ms precision); 2018 exports wrote `timestamp` in seconds instead.
 * - `type` Generic/Share/Call/Subscribe/Unsubscribe, often absent since 2024. Calls (`call_duration`, `missed`)
 *   become `call` on the app's channel. A call is filed under its caller and `missed` / duration 0 mean nobody
 *   answered, whoever called, so the status is read from the owner's side (meta/calls.ts): the owner's own call is
 *   `outgoing` (`details.calleeMissed` when marked missed), another's is `missed` when marked so or 0 s long,
 *   `answered` when longer in a thread of two; in a group (`thread_type` "RegularGroup") or a thread that may be one
 *   (more than two names listed or writing once usernames are linked: meta/people.ts `isGroupThread`) a call that
 *   lasted shows someone joined, not that the owner did, so it is `unknown`, with one MESSENGER_GROUP_CALL_JOIN_UNKNOWN
 *   warning ("may be a group" when only the names suggest it). The owner is known in a one-to-one thread (the title
 *   names the other person) or from the sentence ("You called Sam.", "Sam missed your call."). A group's title names
 *   the group; what the owner did is worded "You …" under the owner's own name ("You named the group Flat 4."), but in
 *   this export such a sentence looks exactly like words a member typed (every record is "Generic"), and one typed "You
 *   left the group." would make the typist the owner and their calls the owner's own. So a group's owner is learnt from
 *   those sentences only in the E2EE export, which marks them (`placeholder`; meta/people.ts `ownerFromSentences`).
 *   Otherwise a 0-second or missed call is `unknown` (in a group it may be the owner's own unanswered call;
 *   `details.calleeMissed` keeps the mark), as is a call the words say another person missed ("Sam missed a video
 *   chat."), with one MESSENGER_CALLER_UNKNOWN warning. A call counts as marked missed by its `missed` field or by its
 *   words, as in the E2EE and HTML exports, which have only the words: the three read calls through one CallReader.
 *   `is_unsent` becomes `deleted`; photos/videos/audio_files/files/gifs/
 *   sticker/share without typed text become `media`; reactions are part of their message, never records, listed
 *   in `details.reactions` as the Twitter source writes them (`😢 by Zoë Example`).
 * - `participants` are told to the context once per file (`SourceContext.people`, meta/people.ts), for
 *   `anonymise` to redact someone who never sends or reacts wherever a text names them; no event carries them.
 * - Generated sentences (group notices, nicknames, "Reacted 😂 to your message") are skipped with a reason; only
 *   English ones are recognised (meta/sentences.ts). Instagram words them with the username ("samsample sent an
 *   attachment.") while signing the message with the display name; the username counts as the sender's only when
 *   the thread ties them (a thread of two listing `samsample` in `participants`, signed `Sam Sample` and titled
 *   after him by either name: meta/people.ts `senderAliases`), never by resemblance, and never a member who left
 *   a group (no longer listed) to one who never wrote when the title names the group. A record with nothing at
 *   all is kept as `other`, flagged.
 * - A file cut short or broken by a syntax error keeps the messages read whole before the fault and then fails
 *   (MESSENGER_JSON_TRUNCATED / MESSENGER_JSON_INVALID, meta/json-thread.ts). The message it breaks off in (its
 *   first character read, its end not, or read to its end but no valid JSON) is counted, rejected at its locator
 *   (MESSENGER_JSON_RECORD_CUT_SHORT / MESSENGER_JSON_RECORD_MALFORMED), and never emitted with the part read; the
 *   failure takes its locator. A cut or an error between two messages (after one's closing brace, before the next
 *   one's opening brace) rejects none, and the failure's locator is then the array, `messages`, never the next
 *   message, which the file may not hold. So records = events + skipped + rejected holds for such a file too.
 * - A `content` over 1 MiB (MAX_TEXT_BYTES) as it reads, once the file's double encoding is undone or not (no app
 *   sends one; a damaged or edited file can hold one), is kept with its first MiB, cut before a whole character
 *   (never inside the bytes of one double-encoded character), flagged MESSENGER_TEXT_CUT when the event shows it
 *   and warned of as MESSENGER_TEXT_TOO_LONG with its full length; one of megabytes is never held whole, and its
 *   evidence of double encoding is the whole string's (meta/thread-file.ts, meta/json-value.ts). A message over
 *   32 MiB besides its text is rejected unread (MESSENGER_JSON_MESSAGE_TOO_LARGE) and reading goes on. A first `sender_name`
 *   running past the head is still recognised when the head begins as Meta writes a thread (`participants` by
 *   `name`, then `messages` with `sender_name` first).
 *
 * Deliberately unsupported: the pre-2018 `messages.htm` archive and Instagram's 2019–2021 `messages.json` (an
 * array of conversations); reactions as separate contacts; attachments' own `creation_timestamp` (seconds, the
 * file's time, not the message's).
 */

import { CallReader, type GroupShownBy } from '../meta/calls.js';
import { isThreadJsonPath } from '../meta/channel.js';
import { noContentNote, unknownTypeNote, warnChannelAssumed } from '../meta/notes.js';
import {
  isGroupThread,
  isGroupType,
  participantNames,
  senderAliases,
  tellPeople,
  threadOwner,
} from '../meta/people.js';
import { readThreadFile } from '../meta/thread-file.js';
import type { Source } from '../source.js';
import { type ClassicThread, KNOWN_TYPES, readClassicMessage } from './message.js';

const HEAD_OBJECT = /^\s*\{/;
const HEAD_MESSAGES = /"messages"\s*:\s*\[/;
const HEAD_SENDER = /"sender_name"\s*:/;
const HEAD_TIME = /"timestamp(?:_ms)?"\s*:/;
// An empty thread has no message keys at all; these thread keys are Meta's own.
const HEAD_EMPTY = /"messages"\s*:\s*\[\s*\]/;
const HEAD_THREAD_KEY = /"(?:thread_path|is_still_participant|thread_type|magic_words)"\s*:/;
/** Meta's own start of a thread: `{"participants": [{"name": `. */
const HEAD_PARTICIPANTS = /^\s*\{\s*"participants"\s*:\s*\[\s*\{\s*"name"\s*:/;
/** The first message's sender begun: `"messages": [{"sender_name": "`. */
const HEAD_FIRST_SENDER = /"messages"\s*:\s*\[\s*\{\s*"sender_name"\s*:\s*"/;

/** True when the JSON string body that starts at `t[from]` runs to the end of `t` (no closing quote). */
function stringRunsToEnd(t: string, from: number): boolean {
  for (let i = from; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return false;
  }
  return true;
}

/**
 * A thread whose first sender's name runs past the head (megabytes in a damaged file): Meta's own start,
 * participants listed by name, then the first message's `sender_name` begun and not closed in the head, so the
 * members that would show the rest (`timestamp_ms`) lie past it.
 */
function firstSenderRunsPastHead(t: string): boolean {
  if (!HEAD_PARTICIPANTS.test(t)) return false;
  const sender = HEAD_FIRST_SENDER.exec(t);
  return sender !== null && stringRunsToEnd(t, sender.index + sender[0].length);
}

/** Classic Messenger/Instagram JSON thread (`message_N.json`). */
export const messengerJson: Source = {
  id: 'messenger-json',
  label: 'Facebook Messenger / Instagram messages (JSON)',
  reads: 'message_N.json thread files from a Facebook or Instagram "Download your information" archive',
  recognisedBy: 'a JSON object with a "messages" array whose items have "sender_name" and "timestamp_ms"',
  howToExport:
    'Accounts Centre → Your information and permissions → Download your information → Messages, format JSON',
  extensions: ['.json'],

  detect(probe) {
    const t = probe.text;
    if (!HEAD_OBJECT.test(t) || !HEAD_MESSAGES.test(t)) return false;
    if (HEAD_SENDER.test(t) && HEAD_TIME.test(t)) return true;
    if (HEAD_EMPTY.test(t) && HEAD_THREAD_KEY.test(t)) return true;
    return firstSenderRunsPastHead(t);
  },

  // A damaged thread file sits among good ones (msgvault's corrupt fixture): "not a supported export format"
  // would say Messenger is not read at all.
  notRead: (probe) =>
    isThreadJsonPath(probe.path)
      ? 'named and placed like a Messenger or Instagram thread file (messages/inbox/…/message_N.json), but it does not hold the thread JSON Meta writes: it is damaged or was changed, so its messages were not read; download the archive again to read them'
      : undefined,

  async parse(input, ctx) {
    await readThreadFile(input, ctx, 'content', (file) => {
      const title = file.fields.get('title');
      const conversation = typeof title === 'string' && title !== '' ? file.fix(title) : undefined;
      const participants = participantNames(file.fields.get('participants'), file.fix);
      // For anonymise: a participant who never sends or reacts is in no event (meta/people.ts).
      tellPeople(ctx, participants);
      const names = new Set(participants);
      if (conversation !== undefined) names.add(conversation);
      const declaredGroup = isGroupType(file.fields.get('thread_type'));
      const aliases = senderAliases(participants, file.senders, conversation, declaredGroup);
      // A participant listed by their username stands for the sender of that name (Instagram: see senderAliases).
      const byName = new Map([...aliases].map(([sender, [, alias]]) => [alias!, sender]));
      // A one-to-one thread shows its owner by its title; a group not at all (see the top of this file).
      const owner =
        threadOwner(
          participants.map((p) => byName.get(p) ?? p),
          conversation,
        ) ?? threadOwner(participants, conversation);
      // A thread of two whose names could not be linked shows three names too: it only "may be" a group.
      const groupShownBy: GroupShownBy | undefined = declaredGroup
        ? 'thread-type'
        : isGroupThread(participants, file.senders, aliases, false)
          ? 'names'
          : undefined;
      const thread: ClassicThread = {
        file,
        conversation,
        names,
        aliases,
        typeNote: unknownTypeNote(ctx, KNOWN_TYPES),
        noContent: noContentNote(ctx, 'neither text, media nor a call (Meta leaves some records empty)'),
        // In a group a call that lasted does not show the owner answered it (meta/calls.ts).
        calls: new CallReader(ctx, owner, groupShownBy),
      };
      let first = true;
      return (value, locator, textCut) => {
        // Said at the first message, so a thread file without any says nothing of its app.
        if (first && !file.channelNamed) warnChannelAssumed(ctx);
        first = false;
        return readClassicMessage(value, locator, thread, ctx, textCut);
      };
    });
  },
};

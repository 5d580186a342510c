/**
 * Messenger's end-to-end-encrypted chats, downloaded separately since 2024 (messenger.com → Privacy & safety →
 * End-to-end encrypted chats → Message storage → Download secure storage data): one `<Name>_<n>.json` per
 * thread next to a shared `media/` folder.
 *
 *   {"participants": ["Jo Example", "Sam Sample"], "threadName": "Sam Sample_12",
 *    "messages": [
 *      {"senderName": "Sam Sample", "text": "Pick up", "timestamp": 1717000000000, "type": "text",
 *       "isUnsent": false, "media": [], "reactions": [{"actor": "Jo Example", "reaction": "😢"}]},
 *      {"senderName": "Sam Sample", "text": "", "timestamp": 1717000060000, "type": "media",
 *       "isUnsent": false, "media": [{"uri": "./media/0c4e.jpeg"}], "reactions": []}]}
 *
 * Variants and quirks (formats.md §3.3; msgvault fixtures; timelinize's notes on a real export):
 * - camelCase keys; `participants` are plain strings; `timestamp` is epoch milliseconds (an instant).
 * - `type` is text | media | link | placeholder (msgvault's sample writes the classic "Generic"). `isUnsent: true`
 *   is an unsent message → `deleted`. A `placeholder` is text Messenger wrote in place of the message, read by its
 *   words like the classic export's sentences (meta/sentences.ts): an unsend ("User unsent a message", "You
 *   unsent a message", "This message was unsent") → `deleted`; "… sent an attachment." → `media`; a notice or
 *   pseudo-reaction → skipped with its reason; a call summary → `call`, read as the classic export reads calls
 *   (meta/calls.ts): outgoing when the owner placed it, `unknown` when marked missed but its caller is not shown
 *   or another person is said to have missed it (MESSENGER_CALLER_UNKNOWN), and words that mark it missed
 *   ("Missed video call", "Sam missed your call.") kept as `details.calleeMissed` when the status cannot say so.
 *   The owner is the participant the thread's name does not name, or in a group the one every "You …"
 *   placeholder is filed under (meta/people.ts `ownerFromSentences`). A message whose content is not in the
 *   download ("Message unavailable", "This message is no longer available") is still a message someone sent, of
 *   unknown content: kind `other`, flagged MESSENGER_NO_CONTENT. So is a placeholder in words not recognised,
 *   with one MESSENGER_PLACEHOLDER_UNKNOWN warning quoting it. None of these is `deleted` unless its words say it
 *   was unsent.
 * - A media `uri` can be the literal "Failed to download media": still a media message, counted in details.
 * - Text may be double-encoded like the classic export, or correctly encoded; decided per file (meta/mojibake.ts).
 * - Messages are usually oldest first; nothing depends on the order.
 * - `reactions` is `[{"actor": "Zoë Example", "reaction": "😢"}]` as in the classic export (mojibake too): kept in
 *   `details.reactions` in the same words (`😢 by Zoë Example`), part of their message and never a record, so
 *   counts and kinds do not change (a reaction to an empty record leaves it `other`).
 * - `participants` are told to the context once per file (`SourceContext.people`, meta/people.ts), for
 *   `anonymise` to redact someone who never sends or reacts wherever a text names them; no event carries them.
 * - A file cut short or broken by a syntax error is read as the classic export's (meta/json-thread.ts): the messages
 *   before the fault are kept, the one it breaks off in is counted, rejected at its locator
 *   (MESSENGER_JSON_RECORD_CUT_SHORT / MESSENGER_JSON_RECORD_MALFORMED), never emitted in part, beside the file's
 *   MESSENGER_JSON_TRUNCATED / MESSENGER_JSON_INVALID failure.
 * - A `text` over 1 MiB as it reads (once the file's double encoding is undone, when it is) is kept with its first
 *   MiB, flagged MESSENGER_TEXT_CUT when the event shows it, and warned of (MESSENGER_TEXT_TOO_LONG); a message
 *   over 32 MiB besides its text is rejected (MESSENGER_JSON_MESSAGE_TOO_LARGE) and reading goes on, as in the classic export.
 *
 * Deliberately unsupported: calls and group notices outside placeholders (typed text stays a message);
 * reactions as contacts; the `secret_conversations.html` page of older Messenger downloads.
 */

import type { ParsedEvent } from '../model/index.js';
import { CallReader } from './meta/calls.js';
import { eventBase, withKind } from './meta/event.js';
import { noContentNote, rejectNotAMessage, unknownTypeNote } from './meta/notes.js';
import { ownerFromSentences, participantNames, tellPeople, threadOwner } from './meta/people.js';
import { reactionList } from './meta/reactions.js';
import { recogniseSentence } from './meta/sentences.js';
import { type CutOutcome, isRecord, readEpochMs, readThreadFile, withCutFlag } from './meta/thread-file.js';
import type { Source } from './source.js';

const HEAD_OBJECT = /^\s*\{/;
const HEAD_THREAD_NAME = /"threadName"\s*:/;
const HEAD_PARTICIPANTS = /"participants"\s*:\s*\[/;
const HEAD_MESSAGES = /"messages"\s*:\s*\[/;
const HEAD_CLASSIC = /"sender_name"\s*:/;

const KNOWN_TYPES = new Set(['text', 'media', 'link', 'placeholder', 'Generic']);
/** What the export writes instead of a path when it could not fetch an attachment. */
const FAILED_MEDIA = 'Failed to download media';
/** Placeholders for a message the download does not hold (removed, expired or not decryptable). */
const UNAVAILABLE = /^(?:This )?message (?:is )?(?:unavailable|no longer available)\b.*$/isu;

/** Messenger end-to-end-encrypted chat export (JSON). */
export const messengerE2eeJson: Source = {
  id: 'messenger-e2ee-json',
  label: 'Messenger end-to-end encrypted chats (JSON)',
  reads: 'the <Name>_<n>.json thread files of Messenger\'s "Download secure storage data"',
  recognisedBy: 'a JSON object with "participants", "threadName" and a "messages" array (camelCase keys)',
  howToExport:
    'messenger.com → Settings → Privacy & safety → End-to-end encrypted chats → Message storage → Download secure storage data',
  extensions: ['.json'],

  detect(probe) {
    const t = probe.text;
    return (
      HEAD_OBJECT.test(t) &&
      HEAD_THREAD_NAME.test(t) &&
      HEAD_PARTICIPANTS.test(t) &&
      HEAD_MESSAGES.test(t) &&
      !HEAD_CLASSIC.test(t)
    );
  },

  async parse(input, ctx) {
    await readThreadFile(input, ctx, 'text', (file) => {
      const { fix } = file;
      const name = file.fields.get('threadName');
      const conversation = typeof name === 'string' && name !== '' ? fix(name) : undefined;
      // For anonymise: a participant who never sends or reacts is in no event (meta/people.ts).
      const participants = participantNames(file.fields.get('participants'), fix);
      tellPeople(ctx, participants);
      const names = new Set(participants);
      // The file's threadName is the thread's title with the file's number ("Sam Sample_12").
      // A group shows its owner only by the placeholders worded "You …" under the owner's name (meta/people.ts).
      const owner =
        threadOwner(participants, conversation?.replace(/_\d+$/, '')) ??
        ownerFromSentences(file.youSentences, names);
      const typeNote = unknownTypeNote(ctx, KNOWN_TYPES);
      const noContent = noContentNote(ctx, 'neither text nor media');
      let unknownPlaceholder = false;
      const calls = new CallReader(ctx, owner);

      return (value, locator, textCut) => {
        // What became of the message: an event showing a cut `text` is flagged (meta/thread-file.ts).
        let outcome: CutOutcome = 'not-kept';
        const emit = (event: ParsedEvent) => {
          const shown = withCutFlag(event, textCut);
          outcome = shown === event ? 'kept' : 'flagged';
          ctx.emit(shown);
        };
        if (!isRecord(value)) {
          rejectNotAMessage(ctx, locator, value);
          return outcome;
        }
        const ms = readEpochMs(value['timestamp'], 'timestamp');
        if (typeof ms === 'string') {
          ctx.reject(
            'MESSENGER_BAD_TIMESTAMP',
            locator,
            `${locator} ${ms}.`,
            'The export writes timestamp on every message; this one was probably edited or damaged. Check it in the original download.',
          );
          return outcome;
        }
        const type = typeof value['type'] === 'string' ? value['type'] : undefined;
        typeNote(locator, type);
        const sender =
          typeof value['senderName'] === 'string' && value['senderName'] !== ''
            ? fix(value['senderName'])
            : undefined;
        const text =
          typeof value['text'] === 'string' && value['text'] !== '' ? fix(value['text']) : undefined;
        const media = Array.isArray(value['media']) ? value['media'] : [];
        const uris = media.flatMap((m) => (isRecord(m) && typeof m['uri'] === 'string' ? [m['uri']] : []));
        const found = uris.filter((u) => u !== FAILED_MEDIA && u !== '');
        const details: Record<string, string> = {};
        if (found.length > 0) details['attachments'] = found.map(fix).join(', ');
        if (media.length > found.length) details['missingAttachments'] = String(media.length - found.length);
        const reactions = reactionList(value['reactions'], fix);
        if (reactions !== undefined) details['reactions'] = reactions;

        const base = eventBase({
          locator,
          time: { type: 'instant', ms, precision: 'ms' },
          channel: file.channel,
          sender,
          text,
          conversation,
          details,
        });
        if (value['isUnsent'] === true) emit(withKind(base, 'deleted'));
        else if (type === 'placeholder' && text !== undefined) {
          const said = recogniseSentence(text, sender, names);
          if (said?.type === 'notice') ctx.skip(said.reason, locator);
          else if (said?.type === 'unsent') emit(withKind(base, 'deleted'));
          else if (said?.type === 'attachment') emit(withKind(base, 'media'));
          // Filed under the caller, as in the classic export; the placeholder gives no duration.
          else if (said?.type === 'call') emit(calls.event(base, { said, sender }));
          else {
            if (!UNAVAILABLE.test(text) && !unknownPlaceholder) {
              unknownPlaceholder = true;
              ctx.warn(
                'MESSENGER_PLACEHOLDER_UNKNOWN',
                locator,
                `A placeholder reads ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}, which is not a known wording; it is kept as kind "other", with no content.`,
                'Check this message in Messenger itself if its content matters.',
              );
            }
            emit(withKind(base, 'other', { flags: ['MESSENGER_NO_CONTENT'] }));
          }
        } else if (text !== undefined) emit(withKind(base, 'message'));
        else if (media.length > 0 || type === 'media') emit(withKind(base, 'media'));
        else {
          noContent(locator);
          emit(withKind(base, 'other', { flags: ['MESSENGER_NO_CONTENT'] }));
        }
        return outcome;
      };
    });
  },
};

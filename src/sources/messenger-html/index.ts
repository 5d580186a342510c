/**
 * Facebook Messenger and Instagram "Download your information" threads in HTML (`message_N.html`), what people get
 * when they keep the default format. The page is one long line of obfuscated markup, e.g. (2023+):
 *
 *   <title>Sam Sample</title> … <div class="_2ph_ _a6-h">Participants: Sam Sample and Jo Example</div>
 *   <div class="_a6-g"><div class="_2ph_ _a6-h _a6-i">Sam Sample</div>
 *     <div class="_2ph_ _a6-p"><div><div></div><div>Pick up the phone</div><div></div><div></div></div></div>
 *     <div class="_3-94 _a6-o"><div class="_a72d">Jun 04, 2023 9:30:15 pm</div></div></div>
 *
 * Quirks (formats.md §3.5):
 * - TIME ZONE: date lines have no zone. They are the exporting account's wall clock, emitted as local times that
 *   the timeline resolves in the case zone, with one MESSENGER_HTML_LOCAL_TIME warning per file. Precision is the
 *   minute, or the second when the line shows seconds. Only English month names are read (stamp.ts).
 * - Blocks are recognised by shape, not class names (blocks.ts); the body's reaction list (`<ul><li>😢Zoë
 *   Example</li></ul>`) is not text: it is kept in `details.reactions` in the JSON sources' words (`😢 by Zoë
 *   Example`, meta/reactions.ts), part of its message and never a record.
 * - No unsend flag, call duration or message type: generated sentences are recognised from the text alone
 *   (meta/sentences.ts), so an unsent message or call is only known when its English sentence is. A call the
 *   exporting account placed ("You called Sam.", "Sam missed your call.", or filed under the owner) is
 *   `outgoing`, never `missed` (meta/calls.ts). The owner of a one-to-one page is the participant the title does
 *   not name. A group page does not show it: its "You named the group …" sentences look exactly like words a
 *   member typed, so one typed "You left the group." would make the typist the owner, and their calls the
 *   owner's own (only the E2EE export marks such sentences, meta/people.ts `ownerFromSentences`). A call marked
 *   missed whose caller the page does not show is `unknown`,
 *   as is one the words say another person missed ("Sam missed a video chat."), with one
 *   MESSENGER_CALLER_UNKNOWN warning. Words that mark such a call missed are kept as `details.calleeMissed`, as
 *   the JSON keeps its `missed` field (one CallReader for all three).
 * - HTML is correctly encoded UTF-8: no mojibake repair. Character references are decoded. Bytes that are no UTF-8
 *   (a page re-saved as Windows-1252) become U+FFFD, with one TEXT_INVALID_UTF8 warning naming the first line.
 * - Channel from the path, as for JSON (meta/channel.ts). Locators are where a message block's start tag begins,
 *   `line 12, column 1` (1-based; columns in UTF-16 units, as the JSON readers count them; a lone CR, a lone LF
 *   and a CRLF each end a line, as in the line readers), so that the record can be found in a text editor: Meta's
 *   own pages are one long line, where a line number alone would name them all.
 *   No block index is added: a third number would cost every event its compact locator (timeline/shapes.ts keeps
 *   the last two numbers of a locator out of its shape), and the position alone is unique.
 * - A page cut short (no `</body>` or `</html>`: MESSENGER_HTML_TRUNCATED) or whose markup breaks off in a tag
 *   that never ends (MESSENGER_HTML_INVALID) keeps the blocks read whole before it. A message block whose start
 *   tag was read but not its end tag is counted, rejected at its locator (MESSENGER_HTML_RECORD_CUT_SHORT /
 *   MESSENGER_HTML_RECORD_MALFORMED), never emitted with the part read. A block is known by the tag, class and
 *   depth of the page's whole blocks (page.ts), so a page cut inside its very first block rejects nothing: no
 *   element of it is yet known to be a message. A cut inside a block's start tag or between blocks falls in none.
 *   The failure names the block it breaks off in and takes its locator (`line 1, column 2390`), as the JSON
 *   readers' do; one that falls in none has no locator, and says where the page stops. More than 32 MiB of markup
 *   not recognised as messages (MESSENGER_HTML_TOO_LARGE, tree.ts MAX_RETAINED) stops the page the same way: a
 *   message block it stops inside is counted, rejected (MESSENGER_HTML_RECORD_MALFORMED), never left out of the
 *   books.
 * - The "Participants:" line is told to the context once per page (`SourceContext.people`, meta/people.ts), for
 *   `anonymise` to redact someone who never sends wherever a text names them; no event carries them.
 *
 * Deliberately unsupported: the pre-2018 `messages.htm` archive (sender and body in separate elements); other
 * languages' date lines (a page where no date can be read fails with MESSENGER_HTML_NO_MESSAGES).
 */
import type { ParsedEvent } from '../../model/index.js';
import { rejectBrokenRecord, rejectCutRecord } from '../cut-record.js';
import { CallReader } from '../meta/calls.js';
import { channelFromPath } from '../meta/channel.js';
import { eventBase, withKind } from '../meta/event.js';
import { noContentNote, warnChannelAssumed } from '../meta/notes.js';
import { tellPeople, threadOwner } from '../meta/people.js';
import { htmlReactionList } from '../meta/reactions.js';
import { recogniseSentence } from '../meta/sentences.js';
import { type Source, type SourceContext, SourceFailure } from '../source.js';
import { warnInvalidUtf8 } from '../text.js';
import { ends, readBlock, shortText } from './blocks.js';
import { key, learn, scanPage } from './page.js';
import { stampInstant } from './stamp.js';
import { type HtmlNode, HtmlTreeScanner, nodeLocator, RETAINED_BUDGET, stopFailure } from './tree.js';

const HEAD_HTML = /<html[\s>]|<!doctype html/i;
const HEAD_PARTICIPANTS = /Participants:/;
const HEAD_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}\b/i;
const HEAD_META_CLASS = /class="[^"]*\b(?:_a6-g|_a72d|_2lej|_2let|_3-96|_a706|_2pio|_3-94)\b/;
const MESSAGE_FILE = /^message_\d+\.html?$/i;

/** Facebook Messenger / Instagram thread page (`message_N.html`). */
export const messengerHtml: Source = {
  id: 'messenger-html',
  label: 'Facebook Messenger / Instagram messages (HTML)',
  reads: 'message_N.html thread pages from a Facebook or Instagram "Download your information" archive',
  recognisedBy:
    'an HTML page with a "Participants:" line and English date lines, or message_N.html with Meta\'s page classes',
  howToExport:
    'Accounts Centre → Your information and permissions → Download your information → Messages, format HTML (JSON is better: exact times)',
  extensions: ['.html', '.htm'],

  detect(probe) {
    const t = probe.text;
    if (!HEAD_HTML.test(t)) return false;
    return (
      (HEAD_PARTICIPANTS.test(t) && HEAD_DATE.test(t)) ||
      (MESSAGE_FILE.test(probe.name) && HEAD_META_CLASS.test(t))
    );
  },

  async parse(input, ctx) {
    const { facts, complete } = await learn(input, ctx);
    if (complete && facts.blockKeys.size === 0) {
      throw new SourceFailure(
        'MESSENGER_HTML_NO_MESSAGES',
        `No message with a readable date was found${facts.firstDateLike ? ` (first date-like text: ${JSON.stringify(facts.firstDateLike)})` : ''}.`,
        undefined,
        'Only English date lines are read. Download the messages again with format JSON, which has exact times in any language.',
      );
    }
    const { channel, named } = channelFromPath(input.path);
    const conversation = facts.title || undefined;
    // For anonymise: a participant who never sends or reacts is in no event (meta/people.ts).
    tellPeople(ctx, facts.participants);
    const names = new Set(facts.participants);
    if (conversation) names.add(conversation);
    // A one-to-one page shows its owner by its title; a group page not at all (see the top of this file).
    const owner = threadOwner([...facts.participants], conversation);
    const calls = new CallReader(ctx, owner);
    let warnedZone = false;
    const noContent = noContentNote(ctx, 'neither text nor media');
    if (!named) warnChannelAssumed(ctx);

    const onBlock = (node: HtmlNode): boolean => {
      const block = readBlock(node);
      if (!block) {
        if (!facts.blockKeys.has(key(node)) || !ends(node)) return false;
        const locator = nodeLocator(node);
        const last = ends(node)!.last;
        ctx.reject(
          'MESSENGER_HTML_BAD_TIMESTAMP',
          locator,
          `The date line ${JSON.stringify((shortText(last) ?? '').slice(0, 60))} of the message that starts at ${locator} is not a known layout.`,
          'Only English date lines are read; choose the JSON format for exact times.',
        );
        return true;
      }
      const locator = nodeLocator(node);
      const { stamp } = block;
      let time: ParsedEvent['time'];
      if (stamp.offsetMinutes !== undefined) {
        time = {
          type: 'instant',
          ms: stampInstant({ ...stamp, offsetMinutes: stamp.offsetMinutes }),
          precision: stamp.precision,
        };
      } else {
        time = { type: 'local', local: stamp.local, precision: stamp.precision };
        if (!warnedZone) {
          warnedZone = true;
          ctx.warn(
            'MESSENGER_HTML_LOCAL_TIME',
            undefined,
            "Times in Meta's HTML export have no time zone: they are the exporting account's local time, read in the case zone.",
            "Check the case time zone matches the account owner's; the JSON format has exact times.",
          );
        }
      }
      emitBlock(ctx, locator, time, block, { channel, conversation, names, calls }, noContent);
      return true;
    };
    const scanner = new HtmlTreeScanner(onBlock);
    try {
      await scanPage(
        input,
        scanner,
        (read) => ctx.progress(Math.floor((input.bytes + read) / 2)),
        (line) => warnInvalidUtf8(ctx, line),
      );
    } catch (err) {
      // The message blocks the page breaks off in were begun, so they are counted: rejected, never read in part.
      // Innermost first, the order in which their end tags would have come.
      const stop = err instanceof SourceFailure ? scanner.stop : undefined;
      if (stop !== undefined) {
        let first: string | undefined;
        for (const node of [...scanner.openElements()].reverse()) {
          if (!facts.blockKeys.has(key(node))) continue;
          const locator = nodeLocator(node);
          first ??= locator;
          if (stop.why === 'cut')
            rejectCutRecord(ctx, 'MESSENGER_HTML_RECORD_CUT_SHORT', locator, stop.where);
          else
            rejectBrokenRecord(
              ctx,
              'MESSENGER_HTML_RECORD_MALFORMED',
              locator,
              stop.where,
              stop.why === 'broken'
                ? 'a tag or comment that starts there never ends'
                : `more of the page up to there than reading holds (${RETAINED_BUDGET}) is not recognised as messages, far more than any message holds`,
            );
        }
        // The failure names the message it breaks off in and points at it, as the JSON readers' failures do.
        if (first !== undefined) throw stopFailure(stop, first);
      }
      throw err;
    }
  },
};

function emitBlock(
  ctx: SourceContext,
  locator: string,
  time: ParsedEvent['time'],
  block: NonNullable<ReturnType<typeof readBlock>>,
  page: {
    channel: ParsedEvent['channel'];
    conversation: string | undefined;
    names: ReadonlySet<string>;
    /** The page's calls, read from the owner's side (meta/calls.ts). */
    calls: CallReader;
  },
  noContent: (locator: string) => void,
): void {
  const text = block.text === '' ? undefined : block.text;
  const sender = block.sender === '' ? undefined : block.sender;
  const details: Record<string, string> = {};
  if (block.media.length > 0) details['attachments'] = block.media.join(', ');
  const reactions = htmlReactionList(block.reactions);
  if (reactions !== undefined) details['reactions'] = reactions;
  const base = eventBase({
    locator,
    time,
    channel: page.channel,
    sender,
    text,
    conversation: page.conversation,
    details,
  });
  const sentence = text !== undefined ? recogniseSentence(text, sender, page.names) : undefined;
  if (sentence?.type === 'notice') {
    ctx.skip(sentence.reason, locator);
  } else if (sentence?.type === 'call') {
    // Filed under the caller, as in the JSON: the owner's own call is outgoing, never missed. No duration is shown.
    ctx.emit(page.calls.event(base, { said: sentence, sender }));
  } else if (sentence?.type === 'unsent') {
    ctx.emit(withKind(base, 'deleted'));
  } else if (text !== undefined && sentence?.type !== 'attachment') {
    ctx.emit(withKind(base, 'message'));
  } else if (block.media.length > 0 || sentence) {
    ctx.emit(withKind(base, 'media'));
  } else {
    noContent(locator);
    ctx.emit(withKind(base, 'other', { flags: ['MESSENGER_NO_CONTENT'] }));
  }
}

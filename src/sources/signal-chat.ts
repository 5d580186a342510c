/**
 * Signal Desktop messages exported with `signal-export` (carderne, MIT): one folder per conversation with a
 * `chat.md` (and a `data.json` of the same messages, read by signal-json). Sample lines (anonymised):
 *
 *   [2024-03-01 18:04:22] Sam: Why are you ignoring me
 *   [2024-03-01 18:05:10] Me: Please stop contacting me.
 *   [2024-03-01 18:06:00] Sam:   ![IMG_0042.jpg](./media/IMG_0042.jpg)
 *   [2024-03-01 18:06:30] Sam: Missed voice call
 *   [2024-03-01 18:07:31] Sam: (This message was deleted)
 *   (- Sam: 😡 -)
 *   [2019-12-24, 12:23] Jane Doe: Hello John!          older signal-export: comma, no seconds
 *
 * Quirks: the time is the exporting computer's local wall clock with no zone (Python `fromtimestamp`), so it
 * is resolved in the case zone; continuation lines belong to the message above; "Me" is the exporter. What
 * signal-export adds to a body (padding, reactions, stickers, attachment links, a reply's quote, the blank line
 * after each message) is taken apart by ./signal-export.ts, so each message reads exactly as its data.json twin
 * and the two files of one conversation count each message once: reactions are not messages (not counted, but
 * their names are told to the context as people, for anonymise); a
 * body of attachment links or a sticker alone is media (links listed as a count in details); `_format_call`'s
 * sentences are calls; the deleted placeholder is a deleted message without text. A message whose text runs past
 * 1 MiB (MAX_TEXT_BYTES, on one line or many: another file joined onto the chat, a damaged copy) is one message,
 * kept with the first MiB of its text, flagged SIGNAL_TEXT_CUT and warned of (SIGNAL_TEXT_TOO_LONG) with its
 * full length; the rest of it is counted, never held (long-text.ts). Its text is counted as data.json's copy of
 * it is (ChatMessage: the quote, blank lines around it, reactions and links take nothing of its cap), so the two
 * copies are cut at the same place, and its reactions and attachment links are read after the cap as before it
 * (their names told for anonymise, their count kept). Unsupported: the HTML
 * output of signal-export, and Signal Android's encrypted `.backup` (decrypt it with signalbackup-tools first).
 */
import type { Kind, Party } from '../model/index.js';
import { forEachCutLine } from './byte-lines.js';
import { MAX_TEXT_BYTES, textCutCopy, warnTextCut } from './long-text.js';
import {
  CHAT_TAIL_BYTES,
  ChatMessage,
  isReactionLine,
  peopleTeller,
  reactors,
  signalCall,
  TEXT_CUT_FLAGS,
  TEXT_OVER,
} from './signal-export.js';
import type { Source } from './source.js';

const HEADER = /^\[(\d{4})-(\d{2})-(\d{2})(?:, | )(\d{2}):(\d{2})(?::(\d{2}))?\] ([^:\n]{1,100}?): ?(.*)$/;
const ME: Party = { name: 'Me', role: 'victim' };
/**
 * The bytes of one line kept as read: a message's cap on its text (ChatMessage holds its body and quote apart, up
 * to MAX_TEXT_BYTES each) and room for what chat.md writes before it on the line (the header, "> ", blanks), so
 * that a line's text is cut by the message, where data.json's copy of it is (signal-export.ts).
 */
const HELD_BYTES = MAX_TEXT_BYTES + (64 << 10);

interface Pending {
  line: number;
  local: string;
  withSeconds: boolean;
  sender: string;
  /** The message's lines as written, the header's text first, taken apart as they are read. */
  text: ChatMessage;
}

export const signalChat: Source = {
  id: 'signal-chat',
  label: 'Signal Desktop chat.md (signal-export)',
  reads: 'Messages of one Signal conversation, as written to chat.md by signal-export',
  recognisedBy:
    'a file named chat.md whose first line is "[YYYY-MM-DD HH:MM:SS] Name: text", or the older "[YYYY-MM-DD, HH:MM] Name:"',
  howToExport:
    'Signal Desktop + signal-export: `sigexport ~/signal-chats`; give chronolog the folder it writes',
  extensions: ['.md', '.txt'],
  detect(probe) {
    const first = probe.text.split(/\r\n|\r|\n/, 5).find((l) => l.trim() !== '');
    if (!first || !HEADER.test(first)) return false;
    // The current layout is also a valid WhatsApp iOS layout (sv, en-CA), so it is claimed only under
    // signal-export's own file name; the older "[YYYY-MM-DD, HH:MM]" layout is Signal's alone.
    return /^chat\.md$/i.test(probe.name) || /^\[\d{4}-\d{2}-\d{2}, \d{2}:\d{2}\]/.test(first);
  },
  async parse(input, ctx) {
    const parties = new Map<string, Party>();
    const tell = peopleTeller(ctx);
    let pending: Pending | undefined;
    const flush = () => {
      if (!pending) return;
      const p = pending;
      pending = undefined;
      const { body, deleted, dropped, total, lines } = p.text.finish();
      const long = dropped > 0;
      if (long) {
        warnTextCut(ctx, {
          code: 'SIGNAL_TEXT_TOO_LONG',
          flag: TEXT_CUT_FLAGS[0]!,
          line: p.line,
          kept: total - dropped,
          total,
          lines,
          over: TEXT_OVER,
          copy: textCutCopy(p.sender, p.local, total),
        });
      }
      if (body.reactors) tell(body.reactors);
      const call = body.attachments === 0 ? signalCall(body.text) : undefined;
      const kind: Kind = deleted
        ? 'deleted'
        : call
          ? 'call'
          : body.text === '' && (body.attachments > 0 || body.sticker !== undefined)
            ? 'media'
            : 'message';
      const details: Record<string, string> = {};
      if (body.attachments > 0) details['attachments'] = String(body.attachments);
      if (body.sticker !== undefined) details['sticker'] = body.sticker;
      if (body.quote !== undefined) details['quote'] = body.quote;
      const me = p.sender === 'Me';
      let sender = me ? ME : parties.get(p.sender);
      if (!sender) {
        sender = { name: p.sender };
        parties.set(p.sender, sender);
      }
      ctx.emit({
        locator: p.line,
        time: { type: 'local', local: p.local, precision: p.withSeconds ? 's' : 'min' },
        channel: 'signal',
        kind,
        direction: me ? 'outgoing' : 'unknown',
        sender,
        ...(body.text !== '' ? { text: body.text } : {}),
        ...(call ? { call } : {}),
        ...(Object.keys(details).length > 0 ? { details } : {}),
        ...(long ? { flags: TEXT_CUT_FLAGS } : {}),
      });
    };
    // A line is kept to HELD_BYTES at most (and its last CHAT_TAIL_BYTES), a message's body and quote to
    // MAX_TEXT_BYTES each: a line or message of any length costs no more memory than that.
    await forEachCutLine(
      input,
      (raw, lineNo, _unended, dropped, tail) => {
        const line = raw.replace(/^\uFEFF/, '');
        const m = HEADER.exec(line);
        if (m) {
          flush();
          const withSeconds = m[6] !== undefined;
          pending = {
            line: lineNo,
            local: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}${withSeconds ? `:${m[6]}` : ''}`,
            withSeconds,
            sender: m[7]!.trim(),
            text: new ChatMessage(),
          };
          pending.text.add(m[8]!, dropped, tail);
        } else if (dropped === 0 && isReactionLine(line.trim())) {
          // A reaction to the message above: not a message of its own and not part of its text; its names are
          // people all the same.
          tell(reactors(line.trim()));
        } else if (pending) pending.text.add(line, dropped, tail);
        else if (line.trim() !== '') {
          ctx.reject(
            'SIGNAL_NO_HEADER',
            lineNo,
            `line ${lineNo} is not a message header and follows none`,
            'Check that this is an unedited chat.md.',
          );
        }
      },
      ctx,
      HELD_BYTES,
      CHAT_TAIL_BYTES,
    );
    flush();
    ctx.warn(
      'SIGNAL_LOCAL_TIME',
      undefined,
      `times in ${input.path} are the exporting computer's local time without a zone; they were read in ${ctx.options.timezone}`,
      'If the computer that ran signal-export used another zone, re-run with --tz ZONE.',
    );
  },
};

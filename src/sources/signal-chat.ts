/**
 * Signal Desktop messages exported with `signal-export` (carderne, MIT): one folder per conversation with a
 * `chat.md`. Sample lines (anonymised):
 *
 *   [2024-03-01 18:04:22] Sam: Why are you ignoring me
 *   [2024-03-01 18:05:10] Me: Please stop contacting me.
 *   [2024-03-01 18:06:00] Sam: ![IMG_0042.jpg](./media/IMG_0042.jpg)
 *   [2024-03-01 18:07:31] Sam: (This message was deleted)
 *   (- Sam: 😡 -)
 *   [2019-12-24, 12:23] Jane Doe: Hello John!          older signal-export: comma, no seconds
 *
 * Quirks: the time is the exporting computer's local wall clock with no zone (Python `fromtimestamp`), so it
 * is resolved in the case zone; continuation lines belong to the message above; reaction lines `(- Name: x -)`
 * are reactions, not messages (not counted); "Me" is the exporter. A message body that is only Markdown
 * attachment links is media. Unsupported: the HTML output of signal-export, and Signal Android's encrypted
 * `.backup` (decrypt it with signalbackup-tools first).
 */
import type { Party } from '../model/index.js';
import type { Source } from './source.js';
import { forEachLine } from './text.js';

const HEADER = /^\[(\d{4})-(\d{2})-(\d{2})(?:, | )(\d{2}):(\d{2})(?::(\d{2}))?\] ([^:\n]{1,100}?): ?(.*)$/;
const REACTION = /^\(- .{1,100}: .{1,40} -\)$/;
const ONLY_LINKS = /^(?:\s*!?\[[^\]]*\]\([^)]*\)\s*)+$/;
const DELETED = /^\(This message was deleted\)$/;
const ME: Party = { name: 'Me', role: 'victim' };

interface Pending {
  line: number;
  local: string;
  withSeconds: boolean;
  sender: string;
  text: string[];
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
    let pending: Pending | undefined;
    const flush = () => {
      if (!pending) return;
      const p = pending;
      pending = undefined;
      const text = p.text.join('\n');
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
        kind: DELETED.test(text) ? 'deleted' : ONLY_LINKS.test(text) ? 'media' : 'message',
        direction: me ? 'outgoing' : 'unknown',
        sender,
        text,
      });
    };
    await forEachLine(
      input,
      (raw, lineNo) => {
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
            text: [m[8]!],
          };
        } else if (REACTION.test(line.trim())) {
          // A reaction to the message above: not a message of its own and not part of its text.
        } else if (pending) pending.text.push(line);
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

/**
 * iMessage conversations exported as text by `imessage-exporter` (ReagentX): one file per conversation, one
 * block per message, blocks separated by a blank line. Sample (anonymised):
 *
 *   May 17, 2024  5:29:42 PM (Read by you after 2 minutes, 3 seconds)
 *   +447700900123
 *   Why are you ignoring me
 *
 *   May 17, 2024  5:31:02 PM
 *   Me
 *   Please stop contacting me.
 *
 *   May 18, 2024  9:02:10 AM You renamed the conversation to Us
 *
 * Quirks: the timestamp is `%b %d, %Y %l:%M:%S %p` — the hour is space-padded, hence the double space — in the
 * Mac's local time with no zone, resolved in the case zone; a parenthesised read receipt may follow. The sender
 * line is `Me` (the exporter), a contact name, a phone number or an e-mail address. "This message was deleted
 * from the conversation!" is a deleted message; "Attachment missing!" and attachment paths are media. Group
 * announcements ("renamed the conversation to", "changed the group photo.", "added X to the conversation.",
 * "left the conversation.", "performed unknown action 12." …) are written on the timestamp line itself, after
 * the time, as one line and a blank line (`format_announcement` in the exporter's txt.rs): such a line is a
 * notice and is skipped, never read into the message before it; so is the same phrase alone in a block's body.
 * A blank line inside a message body is kept unless a timestamp line follows it. A stamp the exporter cannot
 * have written — `13:10:00 PM` or `0:10:00 AM` (its `%l` hour runs 1–12), minute 61, `Feb 30` — rejects its
 * message with the line (`IMESSAGE_BAD_TIME`), never read as some other time: "13 PM" could be 13:00 or a
 * garbled 1 PM, and only the original export can say. A message whose text runs past 1 MiB (MAX_TEXT_BYTES, on
 * one line or many: another file joined onto the export, a damaged copy) is one message, kept with the first MiB
 * of its text, flagged IMESSAGE_TEXT_CUT and warned of (IMESSAGE_TEXT_TOO_LONG) with its full length; the rest
 * of it is counted, never held (long-text.ts). Unsupported: the HTML export, non-English month names.
 */
import { daysInMonth } from '../model/dates.js';
import type { Party } from '../model/index.js';
import { forEachCutLine } from './byte-lines.js';
import { MONTHS as ENGLISH_MONTHS } from './english-dates.js';
import { HeldLines, MAX_TEXT_BYTES, textCutCopy, warnTextCut } from './long-text.js';
import type { Source } from './source.js';

/** Month names as the exporter writes them ("Jan"), January first. */
const MONTHS = ENGLISH_MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
// A stamp: "Mar 5, 2024  9:15:02 PM" (month, day, year, hour, minute, second, AM/PM).
const STAMP_FIELDS = `(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4}) {1,2}(\\d{1,2}):(\\d{2}):(\\d{2}) (AM|PM)`;
const STAMP = new RegExp(`^${STAMP_FIELDS}(?: \\(.*\\))?$`);
// A timestamp followed on its line by anything but a read receipt: a message's stamp line holds only the time
// (and "(Read by …)"), so this is an announcement such as "You renamed the conversation to Us".
const ANNOUNCEMENT = new RegExp(`^${STAMP_FIELDS} (?!\\(Read by )\\S`);
const PHONE = /^\+?[\d\s().-]{6,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NOTICE =
  /^.{1,100} (renamed the conversation to|added .{1,100} to the conversation|removed .{1,100} from the conversation|left the conversation)/;
const DELETED = /^This message was deleted from the conversation!$/;
const MEDIA =
  /^(Attachment missing!|Sticker from .*|\/.*\.(heic|jpe?g|png|gif|mov|mp4|caf|m4a|pdf)|~\/Library\/Messages\/Attachments\/.*)$/i;
const ME: Party = { name: 'Me', role: 'victim' };
const TEXT_CUT = 'IMESSAGE_TEXT_CUT';
const CUT_FLAGS: readonly string[] = Object.freeze([TEXT_CUT]);

interface Block {
  line: number;
  /** The wall-clock time, or why the stamp line is no time the exporter writes. */
  local: string | { readonly bad: string };
  /** The stamp line as written, for a rejection. */
  stamp: string;
  sender: string | undefined;
  /** The message's lines, kept up to MAX_TEXT_BYTES (long-text.ts); blank lines at its end are left out. */
  body: HeldLines;
}

/** The stamp as a local time, or why it cannot be one (an hour outside 1–12, minute 60, 30 February…). */
function localOf(m: RegExpExecArray): Block['local'] {
  const day = Number(m[2]);
  const year = Number(m[3]);
  const month = MONTHS.indexOf(m[1]!) + 1;
  let h = Number(m[4]);
  // imessage-exporter writes the hour with `%l`, 1 to 12: "13:10:00 PM" and "0:10:00 AM" are no stamp of its.
  if (h < 1 || h > 12) return { bad: `the hour ${h} is not on a 12-hour clock (1 to 12)` };
  if (Number(m[5]) > 59 || Number(m[6]) > 59) return { bad: 'the minutes or seconds are above 59' };
  if (day < 1 || day > daysInMonth(year, month)) return { bad: `${m[1]} ${day}, ${year} is not a date` };
  if (m[7] === 'PM' && h < 12) h += 12;
  if (m[7] === 'AM' && h === 12) h = 0;
  const mo = String(month).padStart(2, '0');
  return `${m[3]}-${mo}-${m[2]!.padStart(2, '0')}T${String(h).padStart(2, '0')}:${m[5]}:${m[6]}`;
}

function partyOf(sender: string, cache: Map<string, Party>): Party {
  if (sender === 'Me') return ME;
  let p = cache.get(sender);
  if (!p) {
    p = PHONE.test(sender)
      ? { id: sender, idType: 'phone' }
      : EMAIL.test(sender)
        ? { id: sender, idType: 'email' }
        : { name: sender };
    cache.set(sender, p);
  }
  return p;
}

export const imessageTxt: Source = {
  id: 'imessage-txt',
  label: 'iMessage conversation (imessage-exporter text)',
  reads: 'Messages of one iMessage/SMS conversation from a Mac, as written by imessage-exporter -f txt',
  recognisedBy: 'the first line is a time such as "May 17, 2022  5:29:42 PM" and the next names the sender',
  howToExport: 'On the Mac: `imessage-exporter -f txt -o ~/imessage-export`; give chronolog that folder',
  extensions: ['.txt'],
  detect(probe) {
    // A group conversation may open with announcements (each a line and a blank line) before its first message.
    const lines = probe.text.split(/\r\n|\r|\n/, 41);
    let i = 0;
    while (i < 38 && ANNOUNCEMENT.test(lines[i] ?? '') && (lines[i + 1] ?? '') === '') i += 2;
    return (
      STAMP.test(lines[i] ?? '') && (lines[i + 1] ?? '').trim() !== '' && !STAMP.test(lines[i + 1] ?? '')
    );
  },
  async parse(input, ctx) {
    const cache = new Map<string, Party>();
    let block: Block | undefined;
    let blankBefore = true;
    const flush = () => {
      if (!block) return;
      const b = block;
      block = undefined;
      if (typeof b.local !== 'string') {
        ctx.reject(
          'IMESSAGE_BAD_TIME',
          b.line,
          `the message at line ${b.line} is stamped "${b.stamp}", which imessage-exporter never writes: ${b.local.bad}`,
          'Check this message in the Messages app or export the conversation again; the stamp may have been changed or damaged after export.',
        );
        return;
      }
      if (b.sender === undefined) {
        ctx.reject(
          'IMESSAGE_NO_SENDER',
          b.line,
          `the message at line ${b.line} has no sender line`,
          'Check this block in the export.',
        );
        return;
      }
      const body = b.body.lines;
      const text = b.body.text();
      if (body.length === 1 && NOTICE.test(text)) {
        ctx.skip('conversation-notice', b.line);
        return;
      }
      const me = b.sender === 'Me';
      const cut = b.body.dropped > 0;
      if (cut) {
        const total = b.body.kept + b.body.dropped;
        warnTextCut(ctx, {
          code: 'IMESSAGE_TEXT_TOO_LONG',
          flag: TEXT_CUT,
          line: b.line,
          kept: b.body.kept,
          total,
          lines: b.body.count,
          over: 'chronolog keeps of one message (1 MiB)',
          // Sender, minute and length: the same message in an overlapping export of the conversation is warned
          // of once, as its event counts once.
          copy: textCutCopy(b.sender, b.local, total),
        });
      }
      ctx.emit({
        locator: b.line,
        time: { type: 'local', local: b.local, precision: 's' },
        channel: 'imessage',
        kind: DELETED.test(text)
          ? 'deleted'
          : body.length > 0 && body.every((l) => MEDIA.test(l.trim()))
            ? 'media'
            : 'message',
        direction: me ? 'outgoing' : 'unknown',
        sender: partyOf(b.sender, cache),
        text,
        ...(cut ? { flags: CUT_FLAGS } : {}),
      });
    };
    // A line is kept to MAX_TEXT_BYTES at most, and so is a message's text (long-text.ts): a line or message of
    // any length costs no more memory than that.
    await forEachCutLine(
      input,
      (raw, lineNo, _unended, dropped) => {
        const line = raw.replace(/^\uFEFF/, '');
        // A line cut short is no stamp line, whatever its start: the exporter writes them short.
        const m = blankBefore && dropped === 0 ? STAMP.exec(line) : null;
        if (m) {
          flush();
          block = { line: lineNo, stamp: line, local: localOf(m), sender: undefined, body: new HeldLines() };
        } else if (blankBefore && ANNOUNCEMENT.test(line)) {
          flush();
          ctx.skip('conversation-notice', lineNo);
        } else if (block && block.sender === undefined) block.sender = line.trim();
        else if (block) block.body.add(line, dropped);
        else if (line.trim() !== '') {
          ctx.reject(
            'IMESSAGE_NO_TIMESTAMP',
            lineNo,
            `line ${lineNo} is outside any message block`,
            'Check that this is an unedited imessage-exporter text file.',
          );
        }
        blankBefore = line.trim() === '';
      },
      ctx,
      MAX_TEXT_BYTES,
    );
    flush();
    ctx.warn(
      'IMESSAGE_LOCAL_TIME',
      undefined,
      `times in ${input.path} are the Mac's local time without a zone; they were read in ${ctx.options.timezone}`,
      'If the Mac used another zone, re-run with --tz ZONE.',
    );
  },
};

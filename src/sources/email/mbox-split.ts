/**
 * A byte-level, streaming mbox splitter: one message at a time, in bounded memory, whatever the file size.
 *
 *   From sam@example.org Mon Jan  1 09:00:00 2024      separator: sender token + asctime date
 *   From 1780000000000000001@xxx Mon Jan 01 12:00:00 +0000 2024   Gmail Takeout (CRLF lines)
 *   From - Tue Jan 02 08:00:00 2024                    Thunderbird (sender "-")
 *   >From the pier I watched you.                      mboxo/mboxrd quoting: one ">" is removed
 *   From the station I saw you.                        prose, not a separator: no date follows
 *
 * A line is a separator when it starts `From `, a sender token and a date with a time follow, and the next line
 * is a header field (`Name: …`): a message always starts with its header block. Writers that do not quote body
 * lines (`>From `), and mailboxes joined by hand, leave lines such as a forwarded envelope in a body, after an
 * empty line and with a date; the header test keeps those in the message they are in. The first separator of the
 * file is taken without that test (there is no message before it to keep it in; ./message.ts rejects a piece with
 * no headers as `EMAIL_NO_HEADERS`). A separator normally follows an empty line; one that does not is still taken
 * when a header follows (some writers omit the empty line), reported with `MBOX_SEPARATOR_WITHOUT_BLANK_LINE`.
 * Every other line that starts `From ` inside a message is kept in it, and the first of them is named in one
 * `MBOX_UNQUOTED_FROM_LINE` warning per file, with the count of the rest: splitting on such lines is a guess, and
 * the warning says where to look. `^>+From ` lines lose one `>` (mboxrd; also right for mboxo's single level).
 * Deciding a separator waits for one more line, so at most one line (under 1 MiB) is held back. Messages above
 * `maxMessageBytes` keep their first `maxMessageBytes` only (enough for the headers); the rest is counted, not
 * stored. Lines longer than 1 MiB are passed through in pieces.
 * Deliberately unsupported: mboxcl2 `Content-Length` framing and old-Mac CR-only line endings.
 */
import { type EmailDate, parseEmailDate } from './date.js';

/** One message found in an mbox. */
export interface MboxMessage {
  /** 0-based position in the file. */
  readonly ordinal: number;
  /** 1-based line number of its `From ` separator line. */
  readonly line: number;
  /** The separator line as written (without line ending). */
  readonly separator: string;
  readonly separatorDate: EmailDate;
  readonly bytes: Buffer;
  /** Size in bytes of the whole message, including what was not kept. */
  readonly size: number;
  readonly truncated: boolean;
}

/** Callbacks and limits of the splitter. */
export interface MboxSplitterOptions {
  readonly maxMessageBytes: number;
  onMessage(message: MboxMessage): void;
  onWarn(code: string, locator: string | undefined, message: string, hint?: string): void;
}

const MAX_LINE = 1 << 20;
const FROM_ = Buffer.from('From ', 'latin1');
const SEPARATOR = /^From +(\S+) +(.*\S)\s*$/;

/** The date of a genuine separator line (text without line ending), or undefined for anything else. */
export function separatorDate(line: string): EmailDate | undefined {
  const m = SEPARATOR.exec(line);
  if (!m) return undefined;
  // UUCP-era separators end with "remote from <host>".
  const date = parseEmailDate(m[2]!.replace(/ remote from \S+$/, ''));
  // Prose such as "From 3 Jan 2024 10:00 on" parses with an unknown "zone": a real separator never has one.
  if (!date || date.zone === 'unknown' || date.zone === 'military') return undefined;
  return date;
}

const startsWithFrom = (buf: Buffer, s: number, e: number): boolean =>
  e - s >= 5 && buf[s] === 70 && buf.compare(FROM_, 0, 5, s, s + 5) === 0;

/** True when the bytes form a header field line (`Name: …`). */
function isFieldLine(buf: Buffer, s: number, e: number): boolean {
  let i = s;
  while (i < e && buf[i]! > 32 && buf[i]! < 127 && buf[i] !== 58) i++;
  return i > s && i < e && buf[i] === 58;
}

/** True when a line cut short may be the start of a header field line: a field name so far, or more. */
function mayBeFieldLine(buf: Buffer): boolean {
  let i = 0;
  while (i < buf.length && buf[i]! > 32 && buf[i]! < 127 && buf[i] !== 58) i++;
  return i > 0 && (i === buf.length || buf[i] === 58);
}

/** How many further kept "From " lines the warning lists by number (the rest are counted). */
const LISTED = 8;

/** The "From " lines kept inside messages: the first in full, a few more by number, and how many. */
interface KeptFromLines {
  readonly line: number;
  readonly shown: string;
  /** It had a sender and a date, but no header line followed it. */
  readonly dated: boolean;
  readonly ordinal: number;
  readonly messageLine: number;
  readonly more: number[];
  count: number;
}

const KEPT_HINT =
  'Mail programs write a body line that begins "From " as ">From ", so that it cannot be taken for the start of ' +
  'a message; the program that wrote this mailbox did not, or the file was joined by hand. A message is started ' +
  'only at a "From <sender> <date>" line that header lines follow. Check the messages around the lines named.';

interface Current {
  ordinal: number;
  line: number;
  separator: string;
  date: EmailDate;
  parts: Buffer[];
  stored: number;
  size: number;
  truncated: boolean;
}

/** Push chunks in, get whole messages out through `onMessage`; call `end()` after the last chunk. */
export class MboxSplitter {
  /** Messages found so far. */
  messages = 0;
  /** Non-empty lines before the first separator (not part of any message). */
  preambleLines = 0;
  private carry: Buffer | undefined;
  private lineNo = 0;
  private prevBlank = true;
  private midLine = false;
  private cur: Current | undefined;
  private run: { buf: Buffer; start: number; end: number } | undefined;
  /** A separator candidate waiting for the next line; `blank`: an empty line came before it. */
  private pending: { bytes: Buffer; line: number; text: string; date: EmailDate; blank: boolean } | undefined;
  private kept: KeptFromLines | undefined;

  constructor(private readonly options: MboxSplitterOptions) {}

  /** Feeds the next chunk of the file. */
  push(chunk: Buffer): void {
    let buf = chunk;
    let start = 0;
    const carry = this.carry;
    this.carry = undefined;
    if (carry) {
      // Only the line cut by the chunk boundary is joined, not the whole chunk (copying every chunk once).
      const nl = chunk.indexOf(10);
      if (nl < 0) buf = Buffer.concat([carry, chunk]);
      else {
        const head = Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
        this.line(head, 0, head.length);
        start = nl + 1;
      }
    }
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      this.line(buf, start, nl + 1);
      start = nl + 1;
    }
    if (buf.length - start > MAX_LINE) {
      // A giant line (a base64 blob without breaks): pass it on in pieces; it cannot be a separator.
      this.resolvePending(isFieldLine(buf, start, buf.length));
      if (this.cur) this.append(buf, start, buf.length);
      this.midLine = true;
      this.prevBlank = false;
    } else if (start < buf.length) this.carry = buf.subarray(start);
    this.flushRun();
  }

  /** Finishes the last message. */
  end(): void {
    if (this.carry) {
      const c = this.carry;
      this.carry = undefined;
      this.line(c, 0, c.length);
    }
    this.resolvePending(false);
    this.finish();
    // With no message at all the caller reports the file as not an mbox instead.
    if (this.preambleLines > 0 && this.messages > 0) {
      this.options.onWarn(
        'MBOX_TEXT_BEFORE_FIRST_MESSAGE',
        'line 1',
        `${this.preambleLines} non-empty line(s) before the first "From " separator line were not read as mail.`,
        'A mailbox file starts with a "From " line; text before it was added by another program or by hand, or the start of the file is missing. Open the file in a text editor to see what these lines hold.',
      );
    }
    const k = this.kept;
    if (k) {
      this.kept = undefined;
      const why = k.dated ? 'no header lines follow it' : 'no sender and date follow "From "';
      const where = `message[${k.ordinal}] (line ${k.messageLine})`;
      const rest = k.count - 1;
      const listed = k.more.join(', ') + (rest > k.more.length ? `, and ${rest - k.more.length} more` : '');
      this.options.onWarn(
        'MBOX_UNQUOTED_FROM_LINE',
        where,
        `Line ${k.line}, "${k.shown}", starts with "From " but is not a message separator (${why}); it was kept in the text of the message before it, ${where}.` +
          (rest > 0
            ? ` ${rest} more line${rest === 1 ? '' : 's'} starting with "From " ${rest === 1 ? 'was' : 'were'} kept the same way (line${rest === 1 ? '' : 's'} ${listed}).`
            : ''),
        KEPT_HINT,
      );
    }
  }

  /**
   * Finishes an input that ends in the middle of a line: it was cut short. The message that line belongs to may
   * lack any part of its text, so it is dropped, never handed on as if whole, and returned (`dropped`) with the
   * line the input ends in, for the caller to count. A cut line that begins with "From " after an empty line is a
   * separator (a writer quotes a body line that begins so, as ">From "): the message before it is whole and handed
   * on, and the message that line begins (`begun`, the next ordinal, at that line) was met but holds nothing but
   * part of its separator. A shorter piece ("F", "Fro", "From") may as well be a body line ("Frodo…", "Fine"): the
   * message it falls in is the one cut. Neither is counted in `messages`.
   */
  endCut(): {
    line: number;
    dropped?: { ordinal: number; line: number };
    begun?: { ordinal: number; line: number };
  } {
    const line = this.lineNo + 1;
    const c = this.carry;
    this.carry = undefined;
    const separator =
      c !== undefined &&
      !this.midLine &&
      this.prevBlank &&
      c.length >= 5 &&
      c.compare(FROM_, 0, 5, 0, 5) === 0;
    let dropped: { ordinal: number; line: number } | undefined;
    if (!separator) {
      // A separator candidate just before: the cut line decides it as far as it goes.
      this.resolvePending(c !== undefined && mayBeFieldLine(c));
      if (this.cur) dropped = { ordinal: this.cur.ordinal, line: this.cur.line };
      this.cur = undefined;
    }
    this.end();
    // `end` has handed on every whole message, so the one the cut separator begins takes the next ordinal.
    if (separator) return { line, begun: { ordinal: this.messages, line } };
    return dropped ? { line, dropped } : { line };
  }

  private line(buf: Buffer, s: number, e: number): void {
    if (this.midLine) {
      // The end of a giant line: plain content.
      this.midLine = false;
      this.lineNo++;
      if (this.cur) this.append(buf, s, e);
      this.prevBlank = false;
      return;
    }
    this.lineNo++;
    let ce = e;
    if (ce > s && buf[ce - 1] === 10) ce--;
    if (ce > s && buf[ce - 1] === 13) ce--;
    const blank = ce === s;
    if (this.pending) this.resolvePending(isFieldLine(buf, s, ce));
    if (startsWithFrom(buf, s, ce)) {
      const text = buf.toString('latin1', s, ce);
      const date = separatorDate(text);
      if (date) {
        // The first message has no message before it to hold the line: it starts without waiting.
        if (this.prevBlank && !this.cur) this.start(text, this.lineNo, date);
        else
          this.pending = {
            bytes: Buffer.from(buf.subarray(s, e)),
            line: this.lineNo,
            text,
            date,
            blank: this.prevBlank,
          };
        this.prevBlank = false;
        return;
      }
      if (this.cur) this.keep(this.lineNo, buf, s, ce, false);
    }
    this.prevBlank = blank;
    if (!this.cur) {
      if (!blank) this.preambleLines++;
      return;
    }
    if (buf[s] === 62) {
      let k = s;
      while (k < ce && buf[k] === 62) k++;
      if (startsWithFrom(buf, k, ce)) {
        this.append(buf, s + 1, e);
        return;
      }
    }
    this.append(buf, s, e);
  }

  /** Decides a separator candidate that had no empty line before it, once the next line is known. */
  private resolvePending(nextIsHeader: boolean): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    if (nextIsHeader) {
      if (!p.blank) {
        this.options.onWarn(
          'MBOX_SEPARATOR_WITHOUT_BLANK_LINE',
          `message[${this.messages}] (line ${p.line})`,
          `Line ${p.line} "${p.text}" starts a new message although no empty line precedes it.`,
          'Mail programs put an empty line before each message; the program that wrote this mailbox did not, or the file was joined by hand. The line is read as the start of a message because header lines follow it. Check that the message before it ends where it should.',
        );
      }
      this.start(p.text, p.line, p.date);
    } else if (this.cur) {
      this.keep(p.line, p.bytes, 0, p.bytes.length, true);
      this.flushRun();
      this.store(p.bytes);
    } else this.preambleLines++;
  }

  /** Notes a line that starts "From " but stays in the current message, for the one warning of the file. */
  private keep(line: number, buf: Buffer, s: number, e: number, dated: boolean): void {
    const k = this.kept;
    if (k) {
      k.count++;
      if (k.more.length < LISTED) k.more.push(line);
      return;
    }
    const c = this.cur!;
    // Decoded as UTF-8 for display only. 324 bytes hold more than the 80 code points shown, so a character the
    // byte limit cuts in two is always among those left out.
    const text = buf.toString('utf8', s, Math.min(e, s + 324)).replace(/[\r\n]+$/, '');
    const chars = [...text];
    const shown = chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : text;
    this.kept = { line, shown, dated, ordinal: c.ordinal, messageLine: c.line, more: [], count: 1 };
  }

  private start(separator: string, line: number, date: EmailDate): void {
    this.finish();
    this.cur = {
      ordinal: this.messages++,
      line,
      separator,
      date,
      parts: [],
      stored: 0,
      size: 0,
      truncated: false,
    };
  }

  private finish(): void {
    this.flushRun();
    const c = this.cur;
    if (!c) return;
    this.cur = undefined;
    this.options.onMessage({
      ordinal: c.ordinal,
      line: c.line,
      separator: c.separator,
      separatorDate: c.date,
      bytes: c.parts.length === 1 ? c.parts[0]! : Buffer.concat(c.parts, c.stored),
      size: c.size,
      truncated: c.truncated,
    });
  }

  /** Adds bytes to the current message, merging neighbouring ranges of the same chunk into one piece. */
  private append(buf: Buffer, s: number, e: number): void {
    if (this.run && this.run.buf === buf && this.run.end === s) this.run.end = e;
    else {
      this.flushRun();
      this.run = { buf, start: s, end: e };
    }
  }

  private flushRun(): void {
    const r = this.run;
    if (!r) return;
    this.run = undefined;
    this.store(r.buf.subarray(r.start, r.end));
  }

  private store(piece: Buffer): void {
    const c = this.cur;
    if (!c) return;
    c.size += piece.length;
    if (c.truncated) return;
    const room = this.options.maxMessageBytes - c.stored;
    if (piece.length > room) {
      c.truncated = true;
      if (room > 0) c.parts.push(Buffer.from(piece.subarray(0, room)));
      c.stored += Math.max(room, 0);
    } else {
      c.parts.push(piece);
      c.stored += piece.length;
    }
  }
}

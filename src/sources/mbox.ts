/**
 * mbox mailboxes (Thunderbird local folders, Gmail Takeout `.mbox`, `mutt`/`procmail` spools, Apple Mail
 * "Export Mailbox"). Samples (anonymised):
 *
 *   From 1780000000000000001@xxx Mon Jan 01 12:00:00 +0000 2024
 *   X-Gmail-Labels: Inbox,Opened,Category Personal,Spam
 *   Date: Mon, 1 Jan 2024 13:00:00 +0100 (CET)
 *   From: "Ex Partner" <ex@example.net>
 *   Subject: =?UTF-8?B?w5xiZXJyYXNjaHVuZw==?=
 *   >From now on I will keep writing.
 *
 * Variants: mboxo and mboxrd quoting (`>From` loses one `>`), LF, CRLF (Google writes CRLF) or CR alone (classic
 * Mac OS mail programs such as Eudora), CR CR LF (a CRLF mailbox converted to CRLF again in transfer, read as the
 * CRLF file it was: ./email/cr-line-ends.ts), Thunderbird's
 * `From - <date>` separators, Gmail's `+0000` separator dates. Each message is one record; its locator is
 * `message[i] (line N)`: the 0-based ordinal in the file and the 1-based line of its `From ` separator. A body
 * line that starts `From ` unquoted (a writer that does not quote, a file joined by hand) starts no message unless
 * header lines follow it: it stays in the message before, with one `MBOX_UNQUOTED_FROM_LINE` warning per file.
 * Splitting rules and limits: ./email/mbox-split.ts; message → event: ./email/message.ts; time rules:
 * ./email/time.ts. Messages over 64 MiB keep their headers and skip the body (`EMAIL_MESSAGE_TOO_LARGE`); a
 * header field over 1 MiB is read with its first MiB (`EMAIL_HEADER_TOO_LONG`, ./email/headers.ts). A file
 * that ends inside a line was cut short (MBOX_TRUNCATED): the message that line belongs to was begun, so it is
 * counted, rejected at its locator (MBOX_RECORD_CUT_SHORT), and never read in part; when that line is the
 * "From " separator that begins a message, the message before it is whole and kept, and the one it begins is
 * the one rejected.
 * Deliberately unsupported: mboxcl2 `Content-Length` framing, Apple Mail `.emlx`, Maildir folders (each
 * Maildir file is an .eml and is read by that source).
 */

import { rejectCutRecord } from './cut-record.js';
import { CrToLf, lfText } from './email/cr-line-ends.js';
import { MboxSplitter, separatorDate } from './email/mbox-split.js';
import { readMessage } from './email/message.js';
import type { Source, SourceContext, SourceInput } from './source.js';
import { SourceFailure } from './source.js';

/** The default per-message size limit: larger messages keep their headers and skip the body. */
export const MBOX_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Builds the mbox source; `maxMessageBytes` is only lowered by tests. */
export function createMboxSource(maxMessageBytes = MBOX_MAX_MESSAGE_BYTES): Source {
  return {
    id: 'mbox',
    label: 'mbox mailbox (Gmail Takeout, Thunderbird, Apple Mail export)',
    reads: 'every e-mail in the mailbox: sender, time, subject and text; Gmail labels (Spam, Trash) kept',
    recognisedBy: 'the first line is a "From <sender> <date>" separator with a readable date',
    howToExport:
      'Gmail: takeout.google.com → Mail → All Mail Including Spam and Trash (.mbox); Thunderbird: the folder file ' +
      'in the profile, or ImportExportTools NG → Export folder (mbox)',
    extensions: ['.mbox', '.mbx', ''],
    detect(probe) {
      // Some exporters write an empty line before the first separator; the parser tolerates it too.
      const text = lfText(probe.text).replace(/^(?:\r?\n){1,4}/, '');
      const nl = text.indexOf('\n');
      const first = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
      return first.startsWith('From ') && separatorDate(first) !== undefined;
    },
    async parse(input: SourceInput, ctx: SourceContext) {
      const splitter = new MboxSplitter({
        maxMessageBytes,
        onMessage: (m) =>
          readMessage(
            {
              bytes: m.bytes,
              locator: `message[${m.ordinal}] (line ${m.line})`,
              size: m.size,
              truncated: m.truncated,
              // The locator names the separator line, so only its date is passed on (a time fallback).
              envelope: { date: m.separatorDate },
            },
            ctx,
          ),
        onWarn: (code, locator, message, hint) => ctx.warn(code, locator, message, hint),
      });
      let read = 0;
      let first = true;
      let last = 0x0a;
      const lines = new CrToLf();
      const push = (buf: Buffer): void => {
        splitter.push(buf);
        if (buf.length > 0) last = buf[buf.length - 1]!;
      };
      for await (const chunk of input.open()) {
        let buf = chunk as Buffer;
        read += buf.length;
        if (first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
        first = false;
        push(lines.push(buf));
        ctx.progress(read);
      }
      push(lines.end());
      // mbox writers end every message with a line break: a file that ends inside a line was cut short.
      const cut = last === 0x0a || last === 0x0d ? undefined : splitter.endCut();
      if (cut === undefined) splitter.end();
      if (splitter.messages === 0 && splitter.preambleLines > 0) {
        throw new SourceFailure(
          'MBOX_NO_SEPARATOR',
          'No "From <sender> <date>" separator line was found, so the file holds no mbox messages.',
          undefined,
          'If this is a single message, read it as .eml (--format-of "<file>=eml").',
        );
      }
      if (cut !== undefined) {
        // The message the file ends in was begun, so it is counted: rejected at its locator, never read in part.
        const m = cut.dropped ?? cut.begun;
        if (m !== undefined) {
          rejectCutRecord(
            ctx,
            'MBOX_RECORD_CUT_SHORT',
            `message[${m.ordinal}] (line ${m.line})`,
            cut.begun ? `line ${cut.line}, its "From " line` : `line ${cut.line}`,
          );
        }
        throw truncated(cut);
      }
    },
  };
}

/** The failure of a mailbox that ends in the middle of a line, naming the message it cut short. */
function truncated(cut: ReturnType<MboxSplitter['endCut']>): SourceFailure {
  const m = cut.dropped ?? cut.begun;
  const where = m ? `message[${m.ordinal}] (line ${m.line})` : undefined;
  const before = m !== undefined && m.ordinal > 0 ? ' The messages before it were kept.' : '';
  return new SourceFailure(
    'MBOX_TRUNCATED',
    cut.begun
      ? `The file ends in the middle of line ${cut.line}, the "From " line that begins ${where}: the mailbox was cut short there, so that message is not used.${before}`
      : where
        ? `The file ends in the middle of line ${cut.line}, inside ${where}: the mailbox was cut short, so that message is not used.${before}`
        : `The file ends in the middle of line ${cut.line}, before any message: the mailbox was cut short.`,
    where ?? cut.line,
    'Copy the mailbox file again (for Gmail, export it again with Google Takeout) to read the rest.',
  );
}

/** mbox mailboxes, one message per record. */
export const mbox: Source = createMboxSource();

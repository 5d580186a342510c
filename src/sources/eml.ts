/**
 * Single e-mail messages saved as files (`.eml` from Outlook, Thunderbird, Apple Mail "Save As", Gmail "Download
 * message"; Maildir files). Samples (anonymised):
 *
 *   Received: from mx.example.org by mx.example.com; Tue, 2 Jan 2024 09:30:05 +0000
 *   Date: Tue, 2 Jan 2024 09:30:00 +0000
 *   From: Ex Partner <ex@example.net>
 *   Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=
 *   Message-ID: <a2@example.net>
 *   Content-Type: multipart/alternative; boundary="b1"
 *
 * One file is one record; its locator is line 1 (line 2 when the file begins with an mbox `From ` line, which
 * is kept in details as the envelope). Detection wants a well-formed RFC 5322 header block at the top with a
 * From address and a Date, Message-ID, Received or MIME field; a file whose first line is `From ` is left to the
 * mbox source.
 * Lines may end in CRLF, LF or, in a message saved on classic Mac OS, CR alone; CR CR LF (a CRLF file converted
 * to CRLF again in transfer) reads as the CRLF file it was (./email/cr-line-ends.ts).
 * Parsing, time rules and skips are shared with mbox: ./email/message.ts. Files over 64 MiB keep their headers
 * and skip the body; a header field over 1 MiB is read with its first MiB (`EMAIL_HEADER_TOO_LONG`). A file cut off mid-body is read as far as it goes; when the body shows it (a multipart never
 * closed, base64 stopping mid-group: ./email/mime.ts) the event is flagged `body-incomplete` with a warning; a multipart whose boundary line never occurs is shown
 * as written, flagged `boundary-missing` (not called cut: the boundary parameter may be wrong). Deliberately unsupported: Outlook `.msg` (a binary OLE file), Apple `.emlx` framing.
 */

import { lfText, wholeCrToLf } from './email/cr-line-ends.js';
import { separatorDate } from './email/mbox-split.js';
import { readMessage } from './email/message.js';
import type { Probe, Source, SourceContext, SourceInput } from './source.js';

/** The default size limit: a larger file keeps its headers and skips the body. */
export const EML_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Fields every stored message has besides From: its date, its id, or the trace its servers added. */
// Fields only mail carries: a From address beside one of these makes a header block a message. MIME fields count
// too, so a message that lost its Date (an attachment saved on its own) is still read, and rejected for the date.
const MAIL_FIELDS = new Set([
  'date',
  'message-id',
  'received',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);
const FIELD = /^([!-9;-~]+)[ \t]*:(.*)$/;

/**
 * True when the text starts with an RFC 5322 header block: every line up to the blank line a well-formed field
 * (or its folded continuation), among them a From holding an address and a Date, Message-ID, Received or MIME
 * field (MIME-Version, Content-Type, Content-Transfer-Encoding). Notes
 * that start "Subject:" / "Date:" and YAML files (`subject:`, `date:` keys) have no From address.
 */
export function looksLikeMessage(text: string): boolean {
  if (text.startsWith('From ')) return false;
  // 16 KiB is plenty for a header block; the piece after the last line break may be cut, so it is not judged.
  const lines = lfText(text.slice(0, 16384)).split('\n');
  lines.pop();
  let field = '';
  let from = '';
  let dated = false;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line === '') break;
    if (line[0] === ' ' || line[0] === '\t') {
      if (field === '') return false;
      if (field === 'from') from += line;
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) return false;
    field = m[1]!.toLowerCase();
    if (field === 'from') from += m[2]!;
    if (MAIL_FIELDS.has(field)) dated = true;
  }
  return dated && from.includes('@');
}

/** Builds the .eml source; `maxMessageBytes` is only lowered by tests. */
export function createEmlSource(maxMessageBytes = EML_MAX_MESSAGE_BYTES): Source {
  return {
    id: 'eml',
    label: 'E-mail message (.eml)',
    reads: 'one e-mail per file: sender, time, subject and text, attachment count',
    recognisedBy:
      'an RFC 5322 header block at the top of the file, with a From: address and a Date:, Message-ID:, Received: or MIME (Content-Type:, MIME-Version:) field',
    howToExport:
      'Gmail: open the message → ⋮ → Download message; Outlook: File → Save As (.eml in the web app); ' +
      'Thunderbird/Apple Mail: drag the message to a folder or File → Save As',
    extensions: ['.eml'],
    detect: (probe: Probe) => looksLikeMessage(probe.text),
    async parse(input: SourceInput, ctx: SourceContext) {
      const parts: Buffer[] = [];
      let stored = 0;
      let size = 0;
      for await (const chunk of input.open()) {
        const buf = chunk as Buffer;
        size += buf.length;
        ctx.progress(size);
        const keep = buf.subarray(0, maxMessageBytes - stored);
        parts.push(keep);
        stored += keep.length;
        // Past the limit only the size matters, and the input already knows it: stop reading.
        if (keep.length < buf.length) break;
      }
      size = Math.max(size, input.bytes);
      let bytes: Buffer = Buffer.concat(parts, stored);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      bytes = wholeCrToLf(bytes);
      let locator = 1;
      let envelope: { line: string; date?: ReturnType<typeof separatorDate> } | undefined;
      if (bytes.subarray(0, 5).toString('latin1') === 'From ') {
        // A forced read of a one-message mbox: the separator line is an envelope, not a header.
        const nl = bytes.indexOf(10);
        const line = bytes.toString('latin1', 0, nl < 0 ? bytes.length : nl).replace(/\r$/, '');
        const date = separatorDate(line);
        envelope = date ? { line, date } : { line };
        bytes = bytes.subarray(nl < 0 ? bytes.length : nl + 1);
        locator = 2;
      }
      readMessage({ bytes, locator, size, truncated: size > stored, ...(envelope ? { envelope } : {}) }, ctx);
    },
  };
}

/** Single .eml messages, one record per file. */
export const eml: Source = createEmlSource();

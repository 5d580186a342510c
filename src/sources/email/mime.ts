/**
 * The MIME tree of one message, reduced to what a timeline needs: readable text, and how many attachments.
 *
 *   multipart/mixed
 *     multipart/alternative        → text/plain is preferred; HTML only when no alternative has plain text
 *       text/plain; charset=utf-8; format=flowed
 *       multipart/related (text/html + inline image)
 *     image/jpeg; name=photo.jpg   → attachment 1
 *     text/plain; name=notes.txt; Content-Disposition: attachment → attachment 2 (not body text)
 *
 * Inline text parts of a mixed message are joined in order (body, then a footer). Parts marked
 * `Content-Disposition: attachment` count wherever they sit; other non-text parts (inline images) count only
 * in the alternative that was chosen, so the logo of an unused HTML version is not an attachment.
 * Signatures (PGP/S-MIME) are not attachments; encrypted bodies are reported as such, never guessed at.
 * Attachment contents are never decoded, with one exception: an attached message (message/rfc822, a forward
 * "as attachment") is still one attachment, but its Subject, From and Date are read and noted
 * (`attachedMessages`) so the reader knows what was forwarded; its own body stays unread. A text part declared
 * base64 that is mostly not base64 is kept as written, not decoded into bytes nobody wrote, and the body says so
 * (`notBase64`); text after a part's base64 (a footer a list server appended) is shown as written after it.
 * Deliberately unsupported: uuencoded bodies, TNEF (winmail.dat), the body text of attached messages (nor their
 * own attachments).
 *
 * A body cut off (a file copied in part, a download that stopped) is told only where the message itself shows
 * it (`cut`), from what runs to its last byte:
 *   - a multipart body with no closing delimiter (`--b1--`, which RFC 2046 requires): the outermost is named;
 *     a part that ends before the next delimiter of its parent is not cut, only sloppy;
 *   - a base64 part that ends inside a group of four characters, without padding and without a final line
 *     break (an encoder pads the last group and ends its lines; a cut mid-line does neither).
 * What cannot be told: a cut at the end of a base64 line or between whole groups, a cut in quoted-printable,
 * 7bit or 8bit text (text may end anywhere), and a cut in the header block (a message may have no body).
 *
 * A multipart with no part at all (`noParts`): no boundary parameter, a boundary whose delimiter line
 * (`--XYZ`) never occurs, or only a closing delimiter. Its body is shown as written (part headers and encoded
 * attachments included), never dropped, and always said: it is not flagged as cut, because nothing shows a cut —
 * a wrong boundary parameter (a gateway or a hand edit rewrote the header, a mailer bug) leaves a complete file
 * looking exactly like this, and a cut before the first delimiter is only one cause among several. Saying "cut
 * off" would claim what the file does not show; saying nothing would pass raw MIME off as the message's text.
 */
import { decodeCharset } from './charset.js';
import {
  type CutField,
  displayValue,
  type HeaderField,
  header,
  parseHeaderFields,
  parseStructured,
  splitHeader,
} from './headers.js';
import { htmlToText } from './html.js';
import { base64Extent, decodeTransfer, isBase64Letter, isMostlyNotBase64 } from './transfer.js';

const NEWLINE = Buffer.from('\n');

/** Whether bytes hold anything but white space (the bytes `\s` matches read as Latin-1: tab to CR, space, NBSP). */
function notBlank(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if ((c < 9 || c > 13) && c !== 32 && c !== 160) return true;
  }
  return false;
}

/** What a message body yields. */
export interface Body {
  /** Readable text of the body, `''` when it has none. */
  readonly text: string;
  /** Some of the text was derived from HTML. */
  readonly fromHtml: boolean;
  readonly attachments: number;
  readonly attachmentNames: readonly string[];
  /** Each attached message (message/rfc822) as `Subject: …, From: …, Date: …`, the fields it has. */
  readonly attachedMessages: readonly string[];
  /** Charset labels iconv-lite did not know (the text was read as UTF-8 or Windows-1252 instead). */
  readonly unknownCharsets: readonly string[];
  /** The body (or part of it) is encrypted and has no readable text. */
  readonly encrypted: boolean;
  /** The MIME tree was nested deeper than we follow. */
  readonly tooDeep: boolean;
  /** A text part declared base64 was mostly not base64: its text is shown as written, undecoded. */
  readonly notBase64: boolean;
  /** Why the body looks cut off before its end, in words; empty when it does not (see the header comment). */
  readonly cut: readonly string[];
  /** Fields of its parts' headers (and of attached messages') longer than MAX_FIELD_BYTES, read in part. */
  readonly cutFields: readonly CutField[];
  /** Each multipart shown as written because none of its parts could be found, in words (header comment). */
  readonly noParts: readonly string[];
}

interface Acc {
  texts: { text: string; html: boolean }[];
  /** Attachments in order; `explicit` when the part says `Content-Disposition: attachment`. */
  attachments: { name: string | undefined; explicit: boolean; message?: string }[];
  charsets: string[];
  encrypted: boolean;
  tooDeep: boolean;
  notBase64: boolean;
  /** The outermost multipart boundary that never closes, among the parts that run to the message's end. */
  unclosed: string | undefined;
  /** A base64 part running to the message's end stops inside a group of four. */
  base64Cut: boolean;
  /** Multiparts whose parts could not be found, shown as written, in words. */
  noParts: string[];
  cutFields: CutField[];
}

const MAX_DEPTH = 24;
const SIGNATURES = new Set([
  'application/pgp-signature',
  'application/pkcs7-signature',
  'application/x-pkcs7-signature',
]);

const newAcc = (): Acc => ({
  texts: [],
  attachments: [],
  charsets: [],
  encrypted: false,
  tooDeep: false,
  notBase64: false,
  unclosed: undefined,
  base64Cut: false,
  noParts: [],
  cutFields: [],
});

/** Splits a multipart body on its boundary lines; the preamble and epilogue are dropped. */
export function splitMultipart(body: Uint8Array, boundary: string): Uint8Array[] {
  return multipartParts(body, boundary).parts;
}

/** The parts of a multipart body, and whether its closing delimiter (`--boundary--`) came. */
function multipartParts(body: Uint8Array, boundary: string): { parts: Uint8Array[]; closed: boolean } {
  const delim = Buffer.from(`--${boundary}`, 'latin1');
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const parts: Uint8Array[] = [];
  let partStart = -1;
  let pos = 0;
  for (;;) {
    const at = buf.indexOf(delim, pos);
    if (at < 0) break;
    pos = at + 1;
    if (at > 0 && buf[at - 1] !== 10) continue;
    const close = buf[at + delim.length] === 45 && buf[at + delim.length + 1] === 45;
    let k = at + delim.length + (close ? 2 : 0);
    while (buf[k] === 32 || buf[k] === 9) k++;
    if (k < buf.length && buf[k] !== 10 && buf[k] !== 13) continue; // a longer boundary that starts alike
    if (buf[k] === 13) k++;
    if (buf[k] === 10) k++;
    if (partStart >= 0) {
      // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
      let end = at;
      if (buf[end - 1] === 10) end--;
      if (buf[end - 1] === 13) end--;
      parts.push(buf.subarray(partStart, Math.max(partStart, end)));
    }
    if (close) return { parts, closed: true };
    partStart = k;
    pos = k;
  }
  // No closing delimiter: the last part runs to the end (truncated or sloppy mail).
  if (partStart >= 0) parts.push(buf.subarray(partStart));
  return { parts, closed: false };
}

/**
 * True when base64 bytes stop inside a group of four: the characters after the last padding are not a whole
 * number of groups, and the bytes end neither in padding nor in a line break. A complete body ends in whole groups
 * or padding, and encoders end their last line; bytes cut mid-line usually do neither (one cut in four lands on a
 * group's end and cannot be told).
 */
export function endsInsideBase64Group(body: Uint8Array): boolean {
  const last = body[body.length - 1];
  if (last === undefined || last === 10 || last === 13 || last === 61) return false;
  let letters = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const c = body[i]!;
    if (c === 61) break;
    if (isBase64Letter(c)) letters++;
  }
  return letters % 4 !== 0;
}

/** Undoes RFC 3676 format=flowed: soft-broken lines (ending in a space) are joined, stuffing removed. */
function unflow(text: string, delsp: boolean): string {
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    const l = line.startsWith(' ') ? line.slice(1) : line;
    if (l !== '-- ' && l.endsWith(' ')) cur += delsp ? l.slice(0, -1) : l;
    else {
      out.push(cur + l);
      cur = '';
    }
  }
  if (cur !== '') out.push(cur);
  return out.join('\n');
}

/** `atEnd`: this part runs to the last byte of the message, so a cut there would show in it. */
function walk(
  fields: readonly HeaderField[],
  body: Uint8Array,
  depth: number,
  acc: Acc,
  atEnd: boolean,
): void {
  if (depth > MAX_DEPTH) {
    acc.tooDeep = true;
    return;
  }
  const ct = parseStructured(header(fields, 'content-type'));
  // A missing or malformed type is text/plain (RFC 2045 §5.2).
  const type = ct.value.includes('/') ? ct.value : 'text/plain';
  const cte = header(fields, 'content-transfer-encoding');
  const disposition = parseStructured(header(fields, 'content-disposition'));
  const boundary = ct.params.get('boundary');
  if (type === 'multipart/encrypted' || type === 'application/pkcs7-mime') {
    acc.encrypted = true;
    return;
  }
  // Why a multipart has no part to read (then shown as written below), or undefined.
  let noParts: string | undefined;
  if (type.startsWith('multipart/') && !boundary)
    noParts = `its ${type} Content-Type header has no boundary parameter`;
  if (type.startsWith('multipart/') && boundary) {
    const { parts, closed } = multipartParts(body, boundary);
    if (parts.length > 0) {
      const cut = atEnd && !closed;
      if (cut && acc.unclosed === undefined) acc.unclosed = boundary;
      // Only the last part of an unclosed multipart runs on to the message's end.
      const last = (i: number) => cut && i === parts.length - 1;
      if (type !== 'multipart/alternative') {
        for (let i = 0; i < parts.length; i++) walkPart(parts[i]!, depth + 1, acc, last(i));
        return;
      }
      const options = parts.map((p, i) => {
        const a = newAcc();
        walkPart(p, depth + 1, a, last(i));
        acc.base64Cut ||= a.base64Cut;
        acc.cutFields.push(...a.cutFields);
        return a;
      });
      const hasText = (a: Acc) => a.texts.some((t) => t.text !== '');
      const chosen =
        options.find((a) => hasText(a) && a.texts.every((t) => !t.html)) ??
        options.find(hasText) ??
        options[options.length - 1]!;
      acc.texts.push(...chosen.texts);
      for (const a of options)
        acc.attachments.push(...(a === chosen ? a.attachments : a.attachments.filter((x) => x.explicit)));
      acc.charsets.push(...chosen.charsets);
      acc.encrypted ||= chosen.encrypted;
      acc.tooDeep ||= chosen.tooDeep;
      acc.notBase64 ||= chosen.notBase64;
      acc.noParts.push(...chosen.noParts);
      return;
    }
    // No part found: the body is shown as written rather than lost, and said (see the header comment).
    noParts = !notBlank(body)
      ? `its ${type} body is empty (no line "--${boundary}")`
      : closed
        ? `its ${type} body has only a closing boundary line "--${boundary}--", no part before it`
        : `its ${type} body never contains its boundary line "--${boundary}"`;
  }
  const isText = type === 'text/plain' || type === 'text/html' || type.startsWith('multipart/');
  const shown = disposition.value !== 'attachment' && isText;
  // A body declared base64 is decoded as far as its base64 goes; what follows (a footer a list server appended)
  // is shown as written after it, and a body that is not base64 at all is shown as written, flagged. Measured
  // only for a part that is shown or that runs to the message's end (where a cut would show): an attachment's
  // base64 may be megabytes, read here for nothing.
  const measured = cte?.trim().toLowerCase() === 'base64' && (shown || atEnd);
  const extent = measured ? base64Extent(body) : body.length;
  const asWritten = measured && (extent === 0 || isMostlyNotBase64(body.subarray(0, extent)));
  const trailer = measured && !asWritten && extent < body.length && notBlank(body.subarray(extent));
  if (atEnd && measured && !asWritten && !trailer && endsInsideBase64Group(body)) acc.base64Cut = true;
  if (shown) {
    const charset = ct.params.get('charset');
    if (asWritten && notBlank(body)) acc.notBase64 = true;
    if (noParts !== undefined) acc.noParts.push(noParts);
    const bytes = asWritten
      ? body
      : trailer
        ? Buffer.concat([decodeTransfer(body.subarray(0, extent), cte), NEWLINE, body.subarray(extent)])
        : decodeTransfer(body, cte);
    const decoded = decodeCharset(bytes, charset);
    if (!decoded.known && charset !== undefined) acc.charsets.push(charset);
    let text = decoded.text.includes('\r') ? decoded.text.replace(/\r\n?/g, '\n') : decoded.text;
    const html = type === 'text/html';
    if (html) text = htmlToText(text);
    else if (ct.params.get('format')?.toLowerCase() === 'flowed') {
      text = unflow(text, ct.params.get('delsp')?.toLowerCase() === 'yes');
    }
    acc.texts.push({ text: text.replace(/^\s*\n/, '').trimEnd(), html });
    return;
  }
  if (SIGNATURES.has(type)) return;
  const name = (disposition.params.get('filename') ?? ct.params.get('name'))?.trim();
  const message =
    type === 'message/rfc822' ? attachedMessage(decodeTransfer(body, cte), acc.cutFields) : undefined;
  acc.attachments.push({
    name: name === '' ? undefined : name,
    explicit: disposition.value === 'attachment',
    ...(message !== undefined ? { message } : {}),
  });
}

/** The Subject, From and Date of an attached message, as `Subject: …, From: …, Date: …`; undefined if none. */
function attachedMessage(bytes: Uint8Array, cuts: CutField[]): string | undefined {
  const fields = parseHeaderFields(bytes.subarray(0, splitHeader(bytes).headerEnd), cuts);
  const parts: string[] = [];
  for (const [key, label] of [
    ['subject', 'Subject'],
    ['from', 'From'],
    ['date', 'Date'],
  ] as const) {
    const value = displayValue(header(fields, key) ?? '');
    if (value !== '') parts.push(`${label}: ${value}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function walkPart(part: Uint8Array, depth: number, acc: Acc, atEnd: boolean): void {
  const split = splitHeader(part);
  walk(
    parseHeaderFields(part.subarray(0, split.headerEnd), acc.cutFields),
    part.subarray(split.bodyStart),
    depth,
    acc,
    atEnd,
  );
}

const NONE: readonly string[] = Object.freeze([]);

/** Reads the body of a message whose header fields are already parsed. */
export function readBody(fields: readonly HeaderField[], body: Uint8Array): Body {
  const acc = newAcc();
  walk(fields, body, 0, acc, true);
  const cut: string[] = [];
  if (acc.unclosed !== undefined)
    cut.push(`its multipart body has no closing boundary "--${acc.unclosed}--"`);
  if (acc.base64Cut) cut.push('a base64 part stops inside a group of four characters, mid-line');
  const texts = acc.texts.filter((t) => t.text !== '');
  return {
    text: texts.length === 1 ? texts[0]!.text : texts.map((t) => t.text).join('\n\n'),
    fromHtml: texts.some((t) => t.html),
    attachments: acc.attachments.length,
    // Most messages have neither: no new arrays for them.
    attachmentNames:
      acc.attachments.length === 0
        ? NONE
        : acc.attachments.flatMap((a) => (a.name === undefined ? [] : [a.name])),
    attachedMessages: acc.attachments.some((a) => a.message !== undefined)
      ? acc.attachments.flatMap((a) => (a.message === undefined ? [] : [a.message]))
      : NONE,
    unknownCharsets: acc.charsets.length === 0 ? NONE : [...new Set(acc.charsets)],
    encrypted: acc.encrypted,
    tooDeep: acc.tooDeep,
    notBase64: acc.notBase64,
    cut: cut.length === 0 ? NONE : cut,
    noParts: acc.noParts.length === 0 ? NONE : acc.noParts,
    cutFields: acc.cutFields,
  };
}

/**
 * One raw message (RFC 5322 bytes) → exactly one of emit, skip or reject. Shared by the mbox and .eml sources.
 *
 * The event: channel `email` (`other` for Gmail "Chat" — Hangouts/Talk transcripts Gmail stores as mail),
 * kind `message` (attachments or not), direction `unknown` (the timeline knows whose address is whose),
 * sender = the first From mailbox (`idType: 'email'`), nativeId = Message-ID without angle brackets (the
 * cross-file de-duplication key), conversation = the subject without Re:/Fwd: prefixes, and
 * text = `Subject: …` + a blank line + the body (subject alone when the body is empty or skipped).
 * Details keep what a reader of the evidence needs: from, to, cc, replyTo, returnPath, subject, date (raw),
 * received (raw stamp), inReplyTo, authenticationResults, labels, threadId, attachments (count),
 * attachmentNames, envelope (the mbox `From ` line), bytes (only for an oversized message) and textLength (only
 * when the body text was cut at 64 Ki characters, flag `text-truncated`). Mail that says `Auto-Submitted` (RFC
 * 3834 vacation replies, notifications) is kept and flagged `auto-submitted`.
 *
 * Skipped on purpose: delivery-status notifications and bounces (`delivery-status`), read receipts
 * (`read-receipt`), Gmail drafts (`draft`: never sent) and mbox folder bookkeeping (`mailbox-internal-data`).
 * Spam and Trash are kept (harassment often lands in Spam) and flagged `spam` / `trash`.
 */
import type { Channel, ParsedEvent } from '../../model/index.js';
import type { SourceContext } from '../source.js';
import { firstMailbox, type Mailbox } from './address.js';
import { decodeEncodedWords } from './charset.js';
import type { EmailDate } from './date.js';
import {
  displayValue,
  type HeaderField,
  header,
  parseHeaderFields,
  parseStructured,
  splitHeader,
} from './headers.js';
import { readBody } from './mime.js';
import { chooseTime } from './time.js';

/** One message as a container found it. */
export interface RawMessage {
  /** The message bytes (only the first `maxBytes` when `truncated`). */
  readonly bytes: Uint8Array;
  readonly locator: number | string;
  /** The full size in bytes, including what was not kept. */
  readonly size: number;
  /** The message was larger than the size limit: its headers are read, its body is skipped. */
  readonly truncated: boolean;
  /** The mbox `From ` separator line and its date, when there is one. */
  readonly envelope?: { readonly line: string; readonly date?: EmailDate };
}

/** Gmail's X-Gmail-Labels list: comma-separated, quoted when a label contains a comma, maybe encoded. */
export function parseLabels(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const labels: string[] = [];
  for (const m of decodeEncodedWords(raw).matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)) {
    const label = (m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? '').trim();
    if (label !== '') labels.push(label);
  }
  return labels;
}

/** Why a message is not a contact, or undefined when it is one. */
function skipReason(
  fields: readonly HeaderField[],
  labels: readonly string[],
  mailbox: Mailbox | undefined,
): string | undefined {
  if (labels.some((l) => l.toLowerCase() === 'draft')) return 'draft';
  const subject = header(fields, 'subject') ?? '';
  if (
    (header(fields, 'x-imap') ?? header(fields, 'x-imapbase')) !== undefined &&
    /FOLDER INTERNAL DATA/i.test(subject)
  ) {
    return 'mailbox-internal-data';
  }
  const ct = parseStructured(header(fields, 'content-type'));
  const report = ct.value === 'multipart/report' ? ct.params.get('report-type')?.toLowerCase() : undefined;
  if (report === 'disposition-notification') return 'read-receipt';
  const from = mailbox?.address?.toLowerCase() ?? '';
  const local = from.split('@')[0];
  if (report === 'delivery-status' || local === 'mailer-daemon' || local === 'postmaster')
    return 'delivery-status';
  return undefined;
}

/** Message-ID without its angle brackets, or undefined. */
function messageId(raw: string | undefined): string | undefined {
  const id = (raw === undefined ? '' : (/<([^>]*)>/.exec(raw)?.[1] ?? raw)).trim();
  return id === '' ? undefined : id;
}

/**
 * A copy of `s` that does not keep its source alive. Header values are slices of the whole decoded header
 * block (V8 sliced strings); an event that holds one would pin kilobytes of headers for as long as the
 * timeline lives. Concatenating then slicing forces a flat copy.
 */
const own = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/** Longest body text kept on an event (characters); far beyond any hand-written mail. */
export const MAX_TEXT = 64 * 1024;

const REPLY_PREFIX = /^(?:\s*(?:re|fwd?|aw|wg|sv|vs|antw|rif|tr|res|enc)(?:\[\d+\])?\s*:)+\s*/i;

/**
 * Reads one message and reports it to `ctx` as exactly one event, skip or reject. A message that breaks the
 * reader (a bug, never expected) is rejected with `EMAIL_UNREADABLE` rather than ending the whole mailbox.
 */
export function readMessage(msg: RawMessage, ctx: SourceContext): void {
  let reported = false;
  const tracked: SourceContext = {
    ...ctx,
    options: ctx.options,
    emit: (e) => {
      reported = true;
      ctx.emit(e);
    },
    skip: (r, l) => {
      reported = true;
      ctx.skip(r, l);
    },
    reject: (c, l, m, h) => {
      reported = true;
      ctx.reject(c, l, m, h);
    },
  };
  try {
    interpret(msg, tracked);
  } catch (err) {
    if (reported) throw err;
    ctx.reject('EMAIL_UNREADABLE', msg.locator, `The message could not be read: ${(err as Error).message}`);
  }
}

function interpret(msg: RawMessage, ctx: SourceContext): void {
  const { bytes, locator } = msg;
  const split = splitHeader(bytes);
  if (msg.truncated && !split.complete) {
    ctx.reject('EMAIL_HEADERS_TOO_LARGE', locator, `The header block is larger than ${bytes.length} bytes.`);
    return;
  }
  const fields = parseHeaderFields(bytes.subarray(0, split.headerEnd));
  if (fields.length === 0) {
    const first = Buffer.from(bytes.subarray(0, 80)).toString('utf8').split(/\r?\n/)[0];
    ctx.reject('EMAIL_NO_HEADERS', locator, `No header fields at the start of the message ("${first}").`);
    return;
  }
  const labels = parseLabels(header(fields, 'x-gmail-labels'));
  const mailbox = firstMailbox(header(fields, 'from'));
  const reason = skipReason(fields, labels, mailbox);
  if (reason !== undefined) {
    ctx.skip(reason, locator);
    return;
  }
  const chosen = chooseTime(fields, msg.envelope?.date, locator, ctx);
  if (!chosen) return;
  const flags = [...chosen.flags];
  const lower = labels.map((l) => l.toLowerCase());
  if (lower.includes('spam')) flags.push('spam');
  if (lower.includes('trash')) flags.push('trash');
  const chat = lower.includes('chat');
  if (chat) flags.push('gmail-chat');
  // RFC 3834: vacation replies and other machine-sent mail say so. Kept (it came from the account), but marked.
  const auto = header(fields, 'auto-submitted')?.toLowerCase();
  if (auto !== undefined && !auto.startsWith('no')) flags.push('auto-submitted');

  const body = msg.truncated ? undefined : readBody(fields, bytes.subarray(split.bodyStart));
  if (body === undefined) {
    flags.push('body-skipped');
    ctx.warn(
      'EMAIL_MESSAGE_TOO_LARGE',
      locator,
      `The message is ${msg.size} bytes; only its headers were read.`,
    );
  } else {
    if (body.fromHtml) flags.push('text-from-html');
    if (body.encrypted) flags.push('encrypted');
    if (body.tooDeep) flags.push('mime-too-deep');
    if (body.unknownCharsets.length > 0) {
      flags.push('charset-unknown');
      ctx.warn(
        'EMAIL_UNKNOWN_CHARSET',
        locator,
        `Unknown charset ${body.unknownCharsets.map((c) => `"${c}"`).join(', ')}; read as UTF-8 or Windows-1252.`,
      );
    }
  }

  const details: Record<string, string> = {};
  const keep = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') details[key] = own(value);
  };
  const subject = displayValue(header(fields, 'subject') ?? '');
  keep('from', displayValue(header(fields, 'from') ?? ''));
  keep('to', displayValue(header(fields, 'to') ?? ''));
  keep('cc', displayValue(header(fields, 'cc') ?? ''));
  keep('replyTo', displayValue(header(fields, 'reply-to') ?? ''));
  keep('returnPath', displayValue(header(fields, 'return-path') ?? ''));
  keep('subject', subject);
  keep('date', header(fields, 'date'));
  keep('received', chosen.received);
  keep('inReplyTo', header(fields, 'in-reply-to'));
  keep('authenticationResults', displayValue(header(fields, 'authentication-results') ?? ''));
  keep('labels', displayValue(header(fields, 'x-gmail-labels') ?? ''));
  keep('threadId', header(fields, 'x-gm-thrid'));
  if (body) details['attachments'] = String(body.attachments);
  keep('attachmentNames', body?.attachmentNames.join('; '));
  keep('envelope', msg.envelope?.line);
  if (msg.truncated) details['bytes'] = String(msg.size);

  const sender = mailbox
    ? {
        ...(mailbox.address !== undefined ? { id: own(mailbox.address), idType: 'email' as const } : {}),
        ...(mailbox.name !== undefined ? { name: own(mailbox.name) } : {}),
      }
    : undefined;
  let bodyText = body?.text ?? '';
  if (bodyText.length > MAX_TEXT) {
    // Every event is held in memory by the timeline; the full text stays in the file at this locator.
    flags.push('text-truncated');
    details['textLength'] = String(bodyText.length);
    bodyText = bodyText.slice(0, MAX_TEXT);
  }
  const text =
    subject !== ''
      ? bodyText !== ''
        ? `Subject: ${subject}\n\n${bodyText}`
        : `Subject: ${subject}`
      : bodyText;
  const conversation = subject.replace(REPLY_PREFIX, '').trim();
  const nativeId = messageId(header(fields, 'message-id'));
  const channel: Channel = chat ? 'other' : 'email';
  const event: ParsedEvent = {
    locator,
    time: chosen.time,
    channel,
    kind: 'message',
    direction: 'unknown',
    ...(sender ? { sender } : {}),
    ...(text !== '' ? { text: own(text) } : {}),
    ...(conversation !== '' ? { conversation: own(conversation) } : {}),
    ...(nativeId !== undefined ? { nativeId: own(nativeId) } : {}),
    ...(flags.length > 0 ? { flags } : {}),
    details,
  };
  ctx.emit(event);
}

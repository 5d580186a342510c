/**
 * One raw message (RFC 5322 bytes) → exactly one of emit, skip or reject. Shared by the mbox and .eml sources.
 *
 * The event: channel `email` (`other` for Gmail "Chat" — Hangouts/Talk transcripts Gmail stores as mail),
 * kind `message` (attachments or not), direction `unknown` (the timeline knows whose address is whose),
 * sender = the first From mailbox (`idType: 'email'`), nativeId = Message-ID without angle brackets (the
 * cross-file de-duplication key), conversation = the subject without Re:/Fwd: prefixes, and
 * text = `Subject: …` + a blank line + the body (subject alone when the body is empty or skipped).
 * Details keep only what the rest of the event does not already say, since the timeline holds them for every
 * message of a mailbox that may have millions: to, cc, replyTo, returnPath, authenticationResults (recipients
 * and sender evidence), inReplyTo, labels (Gmail, as written), threadId, attachments (count, only when there
 * are some), attachmentNames and attachedMessages (the Subject, From and Date of each forwarded message/rfc822
 * attachment, whose body is not read and which is no event of its own); `from` only when the From header says more than `sender` (several mailboxes,
 * a group, comments); the raw `date` only when the time carries a flag (the Date was unreadable, zone-less or
 * disagreed, or another stamp was used); the raw `received` stamp only when it gave the time or disagrees
 * with the Date; `envelope` (the `From ` line) only when it is not the line the locator names (a forced .eml
 * read); bytes (only for an oversized message) and textLength (only when the body text was cut at 64 Ki
 * characters, flag `text-truncated`). The subject is not repeated: `text` starts with it. A message with
 * nothing to add has no details. Mail that says `Auto-Submitted` (RFC 3834 vacation replies,
 * notifications) is kept and flagged `auto-submitted`. A text part declared base64 that is mostly not base64 is
 * shown as written, flagged `base64-invalid`, with an `EMAIL_NOT_BASE64` warning at the message's locator. A body
 * that shows it was cut off (a multipart never closed, base64 stopping mid-group: ./mime.ts says what can and
 * cannot be told) keeps what was read, flagged `body-incomplete`, with an `EMAIL_BODY_INCOMPLETE` warning. A
 * multipart none of whose parts can be found (no boundary parameter, or its boundary line never occurs) is shown
 * as written, flagged `boundary-missing`, with an `EMAIL_BOUNDARY_MISSING` warning. A header field longer than
 * 1 MiB (its own, or a part's) is read with its first MiB only (./headers.ts: the rest is counted, never held),
 * and the header values the event keeps (subject, details, attachment names, attached messages) come to at most
 * 2 MiB together (./kept-headers.ts): the message is flagged `EMAIL_HEADER_CUT`, with one `EMAIL_HEADER_TOO_LONG`
 * warning naming each field cut, its size and its lines, and what was left out past 2 MiB (a skipped or rejected
 * message gets the warning for its cut fields, without the flag). A Date or Received value kept in details is
 * kept as quoted in warnings: its first 80 characters, with "…" when it is longer (./time.ts).
 *
 * Skipped on purpose: delivery-status notifications and bounces (`delivery-status`), read receipts
 * (`read-receipt`), Gmail drafts (`draft`: never sent) and mbox folder bookkeeping (`mailbox-internal-data`).
 * Spam and Trash are kept (harassment often lands in Spam) and flagged `spam` / `trash`.
 */
import type { ParsedEvent, Party } from '../../model/index.js';
import type { SourceContext } from '../source.js';
import { firstMailbox, type Mailbox, simpleMailbox } from './address.js';
import { decodeEncodedWords } from './charset.js';
import type { EmailDate } from './date.js';
import {
  type CutField,
  displayValue,
  type HeaderField,
  header,
  parseHeaderFields,
  parseStructured,
  splitHeader,
} from './headers.js';
import { HEADER_CUT, KeptHeaders, warnCutFields } from './kept-headers.js';
import { readBody } from './mime.js';
import { chooseTime, quoteDate } from './time.js';

/** One message as a container found it. */
export interface RawMessage {
  /** The message bytes (only the first `maxBytes` when `truncated`). */
  readonly bytes: Uint8Array;
  readonly locator: number | string;
  /** The full size in bytes, including what was not kept. */
  readonly size: number;
  /** The message was larger than the size limit: its headers are read, its body is skipped. */
  readonly truncated: boolean;
  /**
   * The mbox `From ` separator's date, when there is one, and its line when the locator does not already
   * name that line (an mbox locator does; a forced .eml read starts at line 2).
   */
  readonly envelope?: { readonly line?: string; readonly date?: EmailDate };
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
  const from = mailbox?.address ?? '';
  const at = from.indexOf('@');
  const local = (at < 0 ? from : from.slice(0, at)).toLowerCase();
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

/** Sender parties already made, so that each message from one sender shares one object (see senderOf). */
const senders = new Map<string, Party>();
const MAX_SENDERS = 4096;

/**
 * The sender party of a mailbox, one shared object per distinct sender: it costs no copies per message, and
 * the timeline recognises a party it has seen by identity instead of building a key for every event.
 */
function senderOf(m: Mailbox): Party {
  const key = `${m.address ?? ''}\u0000${m.name ?? ''}`;
  let p = senders.get(key);
  if (p === undefined) {
    p = {
      ...(m.address !== undefined ? { id: own(m.address), idType: 'email' as const } : {}),
      ...(m.name !== undefined ? { name: own(m.name) } : {}),
    };
    // A mailbox of a million throwaway senders must not grow this without bound.
    if (senders.size >= MAX_SENDERS) senders.clear();
    senders.set(own(key), p);
  }
  return p;
}

/** Longest body text kept on an event (characters); far beyond any hand-written mail. */
export const MAX_TEXT = 64 * 1024;

const REPLY_PREFIX = /^(?:\s*(?:re|fwd?|aw|wg|sv|vs|antw|rif|tr|res|enc)(?:\[\d+\])?\s*:)+\s*/i;

/**
 * Reads one message and reports it to `ctx` as exactly one event, skip or reject. A message that breaks the
 * reader (a bug, never expected) is rejected with `EMAIL_UNREADABLE` rather than ending the whole mailbox.
 */
export function readMessage(msg: RawMessage, ctx: SourceContext): void {
  const t = tracker(ctx);
  t.reported = false;
  try {
    interpret(msg, t.ctx);
  } catch (err) {
    if (t.reported) throw err;
    ctx.reject(
      'EMAIL_UNREADABLE',
      msg.locator,
      `The message could not be read: ${(err as Error).message}`,
      'Open this message in a mail program and check it by hand; save it again from there (Save As .eml) if it shows.',
    );
  }
}

/** A context that notes whether the current message was reported, made once per source context. */
interface Tracker {
  reported: boolean;
  readonly ctx: SourceContext;
}
const trackers = new WeakMap<SourceContext, Tracker>();

function tracker(ctx: SourceContext): Tracker {
  let t = trackers.get(ctx);
  if (t === undefined) {
    const made: Tracker = {
      reported: false,
      ctx: {
        ...ctx,
        options: ctx.options,
        emit: (e) => {
          made.reported = true;
          ctx.emit(e);
        },
        skip: (r, l) => {
          made.reported = true;
          ctx.skip(r, l);
        },
        reject: (c, l, m, h) => {
          made.reported = true;
          ctx.reject(c, l, m, h);
        },
      },
    };
    trackers.set(ctx, made);
    t = made;
  }
  return t;
}

// What to do about a message without header lines: in an mbox (a "From " line came before it) and in an .eml file.
const NO_HEADERS_IN_MBOX =
  'In an mbox, header lines (From:, Date:, Subject:) follow the "From " line that starts each message; here text ' +
  'follows it, so the message has no sender or time to read. The start of the mailbox may have been cut off or ' +
  'edited by hand: export the mailbox again from the mail program (or Google Takeout).';
const NO_HEADERS_IN_FILE =
  'A saved e-mail starts with header lines (From:, Date:, Subject:) and then the text; this file starts with ' +
  'text, so it has no sender or time to read. A message copied and pasted as text loses them: save it again ' +
  'from the mail program (Gmail: ⋮ → Download message; Outlook or Thunderbird: Save As .eml).';

function interpret(msg: RawMessage, ctx: SourceContext): void {
  const { bytes, locator } = msg;
  const split = splitHeader(bytes);
  if (msg.truncated && !split.complete) {
    ctx.reject(
      'EMAIL_HEADERS_TOO_LARGE',
      locator,
      `The header block is larger than ${bytes.length} bytes.`,
      'No mail program writes header lines this long: the mailbox is damaged here. Export it again from the mail program (or Google Takeout).',
    );
    return;
  }
  const cuts: CutField[] = [];
  const fields = parseHeaderFields(bytes.subarray(0, split.headerEnd), cuts);
  if (fields.length === 0) {
    warnCutFields(ctx, locator, cuts, []);
    const first = Buffer.from(bytes.subarray(0, 80)).toString('utf8').split(/\r?\n/)[0];
    ctx.reject(
      'EMAIL_NO_HEADERS',
      locator,
      `No header fields at the start of the message ("${first}").`,
      msg.envelope ? NO_HEADERS_IN_MBOX : NO_HEADERS_IN_FILE,
    );
    return;
  }
  const labels = parseLabels(header(fields, 'x-gmail-labels'));
  const fromRaw = header(fields, 'from');
  // A From header of one plain mailbox is exactly what `sender` holds; anything else is kept in details too.
  const simple = fromRaw === undefined ? undefined : simpleMailbox(fromRaw);
  const mailbox = simple ?? firstMailbox(fromRaw);
  const reason = skipReason(fields, labels, mailbox);
  if (reason !== undefined) {
    warnCutFields(ctx, locator, cuts, []);
    ctx.skip(reason, locator);
    return;
  }
  const chosen = chooseTime(fields, msg.envelope?.date, locator, ctx);
  if (!chosen) {
    warnCutFields(ctx, locator, cuts, []);
    return;
  }
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

  // What the event keeps of the header, at most MAX_KEPT_BYTES in all, taken in this order (./kept-headers.ts).
  // The details object only lives until the timeline serialises it, so its values need no copies (own).
  const kept = new KeptHeaders();
  const subject = kept.field('Subject', displayValue(header(fields, 'subject') ?? ''));
  const details: Record<string, string> = {};
  let any = false;
  const keep = (key: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    details[key] = value;
    any = true;
  };
  const keepField = (key: string, name: string, value: string | undefined) =>
    keep(key, kept.field(name, value));
  if (simple === undefined) keepField('from', 'From', displayValue(fromRaw ?? ''));
  keepField('to', 'To', displayValue(header(fields, 'to') ?? ''));
  keepField('cc', 'Cc', displayValue(header(fields, 'cc') ?? ''));
  keepField('replyTo', 'Reply-To', displayValue(header(fields, 'reply-to') ?? ''));
  keepField('returnPath', 'Return-Path', displayValue(header(fields, 'return-path') ?? ''));
  const date = header(fields, 'date');
  if (chosen.flags.length > 0 && date !== undefined) keepField('date', 'Date', quoteDate(date));
  if (
    chosen.received !== undefined &&
    (chosen.flags.includes('time-from-received') || chosen.flags.includes('date-received-mismatch'))
  ) {
    keepField('received', 'Received', quoteDate(chosen.received));
  }
  keepField('inReplyTo', 'In-Reply-To', header(fields, 'in-reply-to'));
  keepField(
    'authenticationResults',
    'Authentication-Results',
    displayValue(header(fields, 'authentication-results') ?? ''),
  );
  keepField('labels', 'X-Gmail-Labels', displayValue(header(fields, 'x-gmail-labels') ?? ''));
  keepField('threadId', 'X-GM-THRID', header(fields, 'x-gm-thrid'));
  if (body && body.attachments > 0) keep('attachments', String(body.attachments));
  keep('attachmentNames', kept.list('attachment names', body?.attachmentNames, '; '));
  keep(
    'attachedMessages',
    kept.list("attached messages' Subject, From and Date", body?.attachedMessages, '; '),
  );
  keep('envelope', kept.value('mbox "From " line', msg.envelope?.line));
  if (msg.truncated) keep('bytes', String(msg.size));

  if (cuts.length > 0 || (body !== undefined && body.cutFields.length > 0) || kept.cut.length > 0) {
    flags.push(HEADER_CUT);
    warnCutFields(ctx, locator, cuts, body?.cutFields ?? [], kept);
  }
  if (body === undefined) {
    flags.push('body-skipped');
    ctx.warn(
      'EMAIL_MESSAGE_TOO_LARGE',
      locator,
      `The message is ${msg.size} bytes; only its headers were read.`,
      'Its sender, recipients and time are in the chronology; its text and attachments are not. Read them in the mail program the message came from.',
    );
  } else {
    if (body.fromHtml) flags.push('text-from-html');
    if (body.encrypted) flags.push('encrypted');
    if (body.tooDeep) flags.push('mime-too-deep');
    if (body.notBase64) {
      flags.push('base64-invalid');
      ctx.warn(
        'EMAIL_NOT_BASE64',
        locator,
        'The body is declared base64 (Content-Transfer-Encoding) but is mostly not base64; its text is shown as written, not decoded.',
        'The message may have been damaged or edited. Open it in the mail program it came from; if the text shown there differs from the chronology, save or export it again.',
      );
    }
    if (body.cut.length > 0) {
      flags.push('body-incomplete');
      ctx.warn(
        'EMAIL_BODY_INCOMPLETE',
        locator,
        `The message ends before its body does: ${body.cut.join('; ')}. The file may have been cut off (copied or downloaded in part); what it lacks was not read.`,
        'Compare it with the message in the mail program it came from, and save or download it again if it is incomplete.',
      );
    }
    if (body.noParts.length > 0) {
      // Not body-incomplete: a wrong boundary parameter leaves a complete file looking the same (./mime.ts).
      flags.push('boundary-missing');
      ctx.warn(
        'EMAIL_BOUNDARY_MISSING',
        locator,
        `The message says it is made of parts (multipart), but ${body.noParts.join('; ')}. Its body is shown as written, with any part headers and encoded attachments in it; the boundary parameter may be wrong, or the file may have been cut off before its first part.`,
        'Open the message in the mail program it came from: if it shows text or attachments that are not here, save or export it again.',
      );
    }
    if (body.unknownCharsets.length > 0) {
      flags.push('charset-unknown');
      ctx.warn(
        'EMAIL_UNKNOWN_CHARSET',
        locator,
        `Unknown charset ${body.unknownCharsets.map((c) => `"${c}"`).join(', ')}; read as UTF-8 or Windows-1252.`,
        'Accented letters and other scripts may show wrongly in the chronology. If the wording matters, compare it with the message in the mail program it came from.',
      );
    }
  }

  const sender = mailbox ? senderOf(mailbox) : undefined;
  let bodyText = body?.text ?? '';
  if (bodyText.length > MAX_TEXT) {
    // Every event is held in memory by the timeline; the full text stays in the file at this locator.
    flags.push('text-truncated');
    keep('textLength', String(bodyText.length));
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
  const event: { -readonly [K in keyof ParsedEvent]: ParsedEvent[K] } = {
    locator,
    time: chosen.time,
    channel: chat ? 'other' : 'email',
    kind: 'message',
    direction: 'unknown',
  };
  if (sender) event.sender = sender;
  if (text !== '') event.text = own(text);
  // The timeline keeps its own copy of each distinct conversation name, so this one needs none.
  if (conversation !== '') event.conversation = conversation;
  if (nativeId !== undefined) event.nativeId = own(nativeId);
  if (flags.length > 0) event.flags = flags;
  if (any) event.details = details;
  ctx.emit(event);
}

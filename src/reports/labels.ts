/**
 * Plain-English names for the record flags and detail keys the sources write, for the outputs people read (the
 * HTML and Markdown chronologies). The machine outputs (JSON, timeline CSV/JSONL) keep the stable codes. A flag
 * or key not listed here is shown as written: a new source's notes still appear, only less politely.
 */
import type { Problem } from '../model/problem.js';
import { isTimeFlag, TIME_FLAG_WORDS } from '../model/time-flags.js';

const FLAGS: Readonly<Record<string, string>> = {
  // How to read the record's time: shared with every citation of an incident (model/time-flags.ts).
  ...TIME_FLAG_WORDS,
  'contact-type-unmapped': 'type of contact not recognised',
  'via-third-party': 'through a third party',
  'duration-rounded': 'call length rounded to minutes',
  'call-end-unknown': 'call end not recorded',
  edited: 'edited',
  forwarded: 'forwarded',
  encrypted: 'encrypted',
  'no-content': 'no content',
  'text-from-html': 'text taken from HTML',
  'text-truncated': 'text shortened',
  'body-skipped': 'body not read',
  'charset-unknown': 'unknown character set',
  'mime-too-deep': 'message parts nested too deeply',
  'auto-submitted': 'sent automatically',
  'gmail-chat': 'Gmail chat',
  spam: 'in the spam folder',
  trash: 'in the bin',
  bot: 'sent by a bot',
  'welcome-message': 'automatic welcome message set up by the account',
  'embed-only': 'only a link preview or embed',
  'base64-invalid': 'declared as encoded but not: body shown as written',
  'body-incomplete': 'the message ends before its body does: it may have been cut off',
  'boundary-missing': 'declared as made of parts, but no part boundary found: body shown as written',
  withheld: 'number withheld',
  MESSENGER_NO_CONTENT: 'no content in the export',
  SMS_UNSENT_OUTBOX: 'not sent (left in the outbox)',
  SMS_UNSENT_FAILED: 'not sent (sending failed)',
  SMS_UNSENT_QUEUED: 'not sent (queued)',
  TELEGRAM_LOCAL_TIME: 'time is the exporting computer’s clock time, read in the case zone',
  TELEGRAM_CONTROL_ESCAPES: 'control characters in the export read as the characters they stand for',
  WHATSAPP_AMPM_MIDNIGHT: 'hour 00 written with AM, read as 00:xx',
  WHATSAPP_AMPM_24H: 'a 24-hour time written with PM, read as written',
  WHATSAPP_WAITING_FOR_MESSAGE: 'not delivered: WhatsApp was waiting for this message',
  WHATSAPP_TEXT_CUT: 'text longer than a WhatsApp message can hold: only its first 1 MiB kept',
  SIGNAL_TEXT_CUT: 'text longer than a Signal message can hold: only its first 1 MiB kept',
  IMESSAGE_TEXT_CUT: 'text over 1 MiB: only its first 1 MiB kept',
  SMS_TEXT_CUT: 'text over 1 MiB: only its first 1 MiB kept',
  DISCORD_TEXT_CUT: 'text over 1 MiB: only its first 1 MiB kept',
  TWITTER_TEXT_CUT: 'text over 1 MiB: only its first 1 MiB kept',
  EMAIL_HEADER_CUT: 'header fields over 1 MiB, or over 2 MiB together: only their start kept',
  MESSENGER_TEXT_CUT: 'text over 1 MiB: only its first 1 MiB kept',
  TELEGRAM_TEXT_CUT: 'text over 1 MiB: only its first 1 MiB kept',
};

const DETAILS: Readonly<Record<string, string>> = {
  contact_type: 'Type of contact',
  end_time: 'Until',
  location: 'Location',
  witnesses: 'Witnesses',
  evidence: 'Evidence kept',
  effect: 'Effect',
  reported: 'Reported to police',
  police_ref: 'Police reference',
  officer: 'Officer',
  recorded_at: 'Written down',
  who: 'Who',
  identifier: 'Number or account',
  time_as_written: 'Time as written',
  date_as_written: 'Date as written',
  subject: 'Subject',
  attachments: 'Attachments',
  missingAttachments: 'Attachments not in the export',
  replyTo: 'Reply to',
  forwardedFrom: 'Forwarded from',
  editedAt: 'Edited at',
  quote: 'Quoting',
  media: 'Media',
  file: 'File',
  link: 'Link',
  links: 'Links',
  mentions: 'Mentions',
  reactions: 'Reactions',
  sticker: 'Sticker',
  stickers: 'Stickers',
  stickerEmoji: 'Sticker',
  poll: 'Poll',
  shareText: 'Shared',
  viaBot: 'Via bot',
  nickname: 'Nickname',
  recipientId: 'Recipient',
  contactPhone: 'Contact number',
  durationSec: 'Duration (seconds)',
  // E-mail headers kept beside the text (sources/email/message.ts).
  from: 'From',
  to: 'To',
  cc: 'Cc',
  returnPath: 'Return path',
  authenticationResults: 'Authentication results',
  inReplyTo: 'In reply to',
  labels: 'Labels',
  threadId: 'Thread',
  attachmentNames: 'Attachment names',
  attachedMessages: 'Attached messages',
  date: 'Date as written',
  received: 'Received',
  envelope: 'Mailbox separator line',
  bytes: 'Size (bytes)',
  textLength: 'Text length (characters)',
  number: 'Number recorded',
  discardReason: 'Call ended as',
  // Calls and service events of Messenger and Telegram (sources/meta/calls.ts, telegram-json/message.ts).
  callType: 'Type of call',
  calleeMissed: 'Marked missed by the export (the person called did not answer)',
  distanceMetres: 'Distance (metres)',
  toId: 'To (account id)',
};

/** A record flag in words. */
export function flagLabel(flag: string): string {
  return FLAGS[flag] ?? flag;
}

/**
 * A call's length in words: "0 s", "48 s", "4 min 12 s", "1 h 2 min 5 s", "2 h" (units left out when zero), to the
 * nearest second. An hour is written as hours, not 60 min, so a long call reads as long at a glance.
 */
export function callLength(seconds: number): string {
  const total = Math.round(seconds);
  if (total === 0) return '0 s';
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h ? `${h} h` : '', min ? `${min} min` : '', s ? `${s} s` : ''].filter((p) => p !== '').join(' ');
}

/** Outcomes in which no one spoke: their length is 0 as a rule, and "0 s" beside them would say nothing new. */
const UNSPOKEN: ReadonlySet<string> = new Set(['missed', 'rejected', 'blocked']);

/**
 * A chronology row's kind with how the call ended and how long it lasted, the same in the HTML and Markdown
 * chronologies: "call (answered, 4 min 12 s)", "call (outgoing, 0 s)" (not answered), "call (missed)" (a missed,
 * rejected or blocked call of 0 s, or any call whose record gives no length), or the kind alone ("sms") when it
 * gives neither. Words from a fixed list (the schema's) and digits, so nothing here needs escaping. The length is
 * optional: a chronology from an earlier version has none.
 */
export function kindWithOutcome(row: {
  readonly kind: string;
  readonly callStatus: string | null;
  readonly callDurationSec?: number | null;
}): string {
  const seconds = row.callDurationSec;
  const known = typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0;
  const noOneSpoke = known && Math.round(seconds) === 0 && UNSPOKEN.has(row.callStatus ?? '');
  const length = known && !noOneSpoke ? callLength(seconds) : '';
  const said = [row.callStatus ?? '', length].filter((p) => p !== '').join(', ');
  return said ? `${row.kind} (${said})` : row.kind;
}

/**
 * A chronology row's lexicon categories in words, the same in the HTML and Markdown chronologies: "Lexicon: Threats
 * to kill or harm; Surveillance or knowledge of whereabouts", by the labels the report's content section gives
 * them (an id it does not name stands for itself); '' for none. The words are the report's own and the case
 * file's, so the caller escapes them. Optional: a chronology from an earlier version has none.
 */
export function lexiconNote(
  row: { readonly lexicon?: readonly string[] },
  labels: ReadonlyMap<string, string>,
): string {
  const ids = Array.isArray(row.lexicon) ? row.lexicon : [];
  return ids.length ? `Lexicon: ${ids.map((id) => labels.get(id) ?? id).join('; ')}` : '';
}

/** The report's label of each lexicon category, by id (none without an escalation section). */
export function lexiconLabels(r: {
  readonly escalation?: {
    readonly content: { readonly categories: readonly { id: string; label: string }[] };
  };
}): Map<string, string> {
  return new Map((r.escalation?.content.categories ?? []).map((c) => [c.id, c.label]));
}

/** A record's details as [label, value] pairs, in the order the source wrote them; empty values left out. */
export function detailPairs(details: Readonly<Record<string, string>> | null): [string, string][] {
  if (details === null) return [];
  return Object.entries(details)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => [DETAILS[k] ?? k.replace(/_/g, ' '), v]);
}

/** The key of a record by its file and locator, as problems and chronology rows both name it. */
const recordKey = (file: string | undefined, locator: string | undefined) =>
  `${file ?? ''}\u0000${locator ?? ''}`;

/**
 * The times as written of the records read across a spring-forward gap, by record: the timeline keeps only the
 * instant, and the TIMELINE_DST_GAP problem of each record (pipeline/ingest.ts) quotes the wall time it read,
 * "local time 2024-03-31T01:30 does not exist …". A record whose problem is not in the report (past the cap of
 * problems per code) is not in the map; its note then says the rule without the written time.
 */
export function dstWrittenTimes(problems: readonly Problem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) {
    if (p.code !== 'TIMELINE_DST_GAP') continue;
    const m = /^local time (\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)\b/.exec(p.message);
    if (m) out.set(recordKey(p.file, p.locator), `${m[1]} ${m[2]}`);
  }
  return out;
}

/**
 * The notes on how to read a chronology row's time, in words: its time flags, and for a `dst-gap` row the time
 * as written and why it is shown later ("written 01:30; that time did not exist on the clock-change day, read as
 * 02:30"), so the row can be matched with the export it comes from.
 */
export function timeNotes(
  row: {
    readonly flags: readonly string[];
    readonly local: string;
    readonly file: string;
    readonly locator: string;
  },
  written: ReadonlyMap<string, string>,
): string[] {
  return row.flags.filter(isTimeFlag).map((f) => {
    if (f !== 'dst-gap') return flagLabel(f);
    const w = written.get(recordKey(row.file, row.locator));
    if (w === undefined) return flagLabel(f);
    // The date is said only when the skipped time moved the record to another day.
    const sameDay = w.slice(0, 10) === row.local.slice(0, 10);
    return `written ${sameDay ? w.slice(11) : w}; that time did not exist on the clock-change day, read as ${sameDay ? row.local.slice(11) : row.local}`;
  });
}

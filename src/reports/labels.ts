/**
 * Plain-English names for the record flags and detail keys the sources write, for the outputs people read (the
 * HTML and Markdown chronologies). The machine outputs (JSON, timeline CSV/JSONL) keep the stable codes. A flag
 * or key not listed here is shown as written: a new source's notes still appear, only less politely.
 */
import { TIME_FLAG_WORDS } from '../model/time-flags.js';

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
};

/** A record flag in words. */
export function flagLabel(flag: string): string {
  return FLAGS[flag] ?? flag;
}

/** A record's details as [label, value] pairs, in the order the source wrote them; empty values left out. */
export function detailPairs(details: Readonly<Record<string, string>> | null): [string, string][] {
  if (details === null) return [];
  return Object.entries(details)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => [DETAILS[k] ?? k.replace(/_/g, ' '), v]);
}

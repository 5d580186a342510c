/**
 * Reading the values of one Telegram message: its time, its visible text, its attachment. Pure functions over
 * hostile input: every value is type-checked, nothing is evaluated.
 */
import { isRealDate } from '../../model/dates.js';
import type { EventTime } from '../../model/index.js';
import { cutString, MAX_TEXT_BYTES } from '../long-text.js';
import { F, type Fields } from './fields.js';
import { LongText } from './long-text.js';

type Obj = Record<string, unknown>;

const LOCAL_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})?$/;

/**
 * `date_unixtime` (UTC seconds) wins; else `date`, the exporting computer's wall clock with no zone (an offset,
 * if one is ever written, makes it exact). Returns a sentence naming the bad value when neither can be read.
 */
export function timeOf(unix: unknown, date: unknown): EventTime | string {
  if (unix !== undefined) {
    const ms = readSeconds(unix);
    if (ms !== undefined) return { type: 'instant', ms, precision: 's' };
    return `"date_unixtime" is ${show(unix)}, not a number of seconds.`;
  }
  const match = typeof date === 'string' ? LOCAL_RE.exec(date) : null;
  if (!match || !isRealDate(match[1]!)) {
    return date === undefined
      ? 'The message has neither "date_unixtime" nor "date".'
      : `"date" is ${show(date)}, not a date-time YYYY-MM-DDTHH:mm:ss.`;
  }
  if (match[2] !== undefined) return { type: 'instant', ms: Date.parse(date as string), precision: 's' };
  return { type: 'local', local: match[1]!, precision: 's' };
}

/** Epoch seconds (a number, or a string of digits as tdesktop writes them) → milliseconds. */
export function readSeconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,13}$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 8_640_000_000_000 ? n * 1000 : undefined;
}

/** `text` is a string, or an array of strings and `{type, text}` entities: the visible text, concatenated. */
export function flatten(t: unknown): string | undefined {
  if (typeof t === 'string') return t === '' ? undefined : t;
  if (!Array.isArray(t)) return undefined;
  let out = '';
  for (const part of t) {
    if (typeof part === 'string') out += part;
    else if (isObject(part) && typeof part['text'] === 'string') out += part['text'];
  }
  return out === '' ? undefined : out;
}

/** A message's text cut to its first MAX_TEXT_BYTES: its length in all (bytes of UTF-8) and the member it is in. */
export interface CutText {
  readonly text: string;
  readonly total: number;
  readonly member: 'text' | 'text_entities';
}

/**
 * The message's visible text (`flatten` of `text`, else of `text_entities`), or `undefined` when it has none; a
 * text over MAX_TEXT_BYTES of UTF-8 comes cut, as a CutText. A text read as it came (long-text.ts) is cut already.
 * An ordinary text is returned as the string itself: this runs for every message, and an object for each made
 * the garbage collector's work grow fourfold (Telegram 1M: +1.3 s, +40 MB of peak memory).
 */
export function textOf(m: Fields): string | CutText | undefined {
  return readText(m[F.text], 'text') ?? readText(m[F.text_entities], 'text_entities');
}

function readText(v: unknown, member: CutText['member']): string | CutText | undefined {
  if (v instanceof LongText) {
    if (v.total === 0) return undefined;
    return v.total > MAX_TEXT_BYTES ? { text: v.text, total: v.total, member } : v.text;
  }
  const text = flatten(v);
  if (text === undefined || text.length * 3 <= MAX_TEXT_BYTES) return text;
  const total = Buffer.byteLength(text);
  return total <= MAX_TEXT_BYTES ? text : { text: cutString(text, MAX_TEXT_BYTES).text, total, member };
}

/** Describes the attachment, if any: what it is, its file (path or placeholder) and what it says. */
export function mediaOf(m: Fields): Record<string, string> | undefined {
  const mediaType = m[F.media_type];
  const photo = m[F.photo];
  const file = m[F.file];
  const sticker = m[F.sticker_emoji];
  const poll = m[F.poll];
  const loc = m[F.location_information];
  const contact = m[F.contact_information];
  const place = m[F.place_name];
  const game = m[F.game_title];
  const todo = m[F.todo_list];
  const paid = m[F.paid_stars_amount];
  if (
    mediaType === undefined &&
    photo === undefined &&
    file === undefined &&
    sticker === undefined &&
    poll === undefined &&
    loc === undefined &&
    contact === undefined &&
    place === undefined &&
    game === undefined &&
    todo === undefined &&
    paid === undefined
  ) {
    return undefined;
  }
  const details: Record<string, string> = {};
  let media: string | undefined = typeof mediaType === 'string' ? mediaType : undefined;
  if (photo !== undefined) media ??= 'photo';
  if (typeof sticker === 'string') {
    media ??= 'sticker';
    details['stickerEmoji'] = sticker;
  }
  if (file !== undefined) media ??= 'file';
  if (isObject(poll)) {
    media ??= 'poll';
    // A string, or (newer tdesktop: formatted questions) an array of strings and entities, like `text`.
    const question = flatten(poll['question']);
    if (question !== undefined) details['poll'] = question;
  }
  if (typeof game === 'string' && game !== '') {
    media ??= 'game';
    details['game'] = game;
  }
  if (isObject(todo)) {
    // A checklist (2025): its title and items are what the sender wrote.
    media ??= 'checklist';
    const title = flatten(todo['title']);
    if (title !== undefined) details['checklist'] = title;
    const items = Array.isArray(todo['answers'])
      ? todo['answers']
          .map((a) => (isObject(a) ? flatten(a['text']) : undefined))
          .filter((t) => t !== undefined)
      : [];
    if (items.length > 0) details['checklistItems'] = items.join('; ');
  }
  if (typeof paid === 'number') {
    // Media sent behind a payment in Telegram Stars: the export has no file for it.
    media ??= 'paid-media';
    details['paidStars'] = String(paid);
  }
  // A venue (a place picked from a list) also has its coordinates in location_information.
  if (typeof place === 'string' && place !== '') {
    media ??= 'venue';
    const address = m[F.address];
    details['place'] = typeof address === 'string' && address !== '' ? `${place}, ${address}` : place;
  }
  if (isObject(loc) && typeof loc['latitude'] === 'number' && typeof loc['longitude'] === 'number') {
    media ??= 'location';
    details['location'] = `${loc['latitude']},${loc['longitude']}`;
  }
  if (isObject(contact)) {
    media ??= 'contact';
    if (typeof contact['phone_number'] === 'string') details['contactPhone'] = contact['phone_number'];
  }
  if (media === undefined) return undefined;
  details['media'] = media;
  const path = typeof photo === 'string' ? photo : file;
  if (typeof path === 'string') details['file'] = path;
  if (typeof m[F.duration_seconds] === 'number') details['durationSec'] = String(m[F.duration_seconds]);
  return details;
}

/** The skip reason for a service entry: `service-<action>` in kebab case. */
export function serviceReason(action: unknown): string {
  const code =
    typeof action === 'string'
      ? action
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 40)
      : '';
  return code === '' ? 'service-other' : `service-${code}`;
}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value for a message: JSON, cut at 80 characters. */
export function show(v: unknown): string {
  const s = v === undefined ? 'missing' : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

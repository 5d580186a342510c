/**
 * One data row of a DCE CSV → one event, skip or reject.
 */
import { thousands } from '../../model/format.js';
import type { EventTime, ParsedEvent } from '../../model/index.js';
import { cutString, eventCutCopy, MAX_TEXT_BYTES } from '../long-text.js';
import type { DateOrder, SourceContext } from '../source.js';
import { localOf, readStamp, ymdOf } from './dates.js';
import { systemNotice } from './notices.js';
import { type Columns, HINT } from './rows.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The row's time, or `undefined` after rejecting it. */
export function rowTime(
  cells: string[],
  c: Columns,
  line: number,
  order: DateOrder,
  ctx: SourceContext,
): EventTime | undefined {
  if (cells.length < c.count - 1 || cells.length > c.count) {
    ctx.reject(
      'DISCORD_CSV_BAD_ROW',
      line,
      `This row has ${cells.length} cells where the header has ${c.count}.`,
      'The file may have been edited in a spreadsheet; export the channel again.',
    );
    return undefined;
  }
  const raw = cells[c.date] ?? '';
  const st = readStamp(raw);
  let local: ReturnType<typeof localOf>;
  if (st?.kind === 'instant') return { type: 'instant', ms: st.ms, precision: st.precision };
  if (st?.kind === 'local') local = localOf(st.y, st.mo, st.d, st.clock);
  else if (st?.kind === 'numeric') local = localOf(...ymdOf(st, order), st.clock);
  if (local) return { type: 'local', ...local };
  const shown = JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw);
  ctx.reject(
    'DISCORD_CSV_BAD_DATE',
    line,
    st === undefined
      ? `The Date cell ${shown} is not a date DiscordChatExporter writes.`
      : st.kind === 'numeric'
        ? `The Date cell ${shown} is not a real date when read ${order === 'mdy' ? 'month' : 'day'} first.`
        : `The Date cell ${shown} is not a real date.`,
    st?.kind === 'numeric' ? 'If the day/month order is wrong for this file, pass --date-order.' : HINT,
  );
  return undefined;
}

/** Emits (or skips) a row whose time is known. */
export function emitRow(
  cells: string[],
  c: Columns,
  line: number,
  time: EventTime,
  conversation: string | undefined,
  ctx: SourceContext,
): void {
  const text = lfBreaks(cells[c.content] ?? '');
  const attachments = cells[c.attachments] ?? '';
  const notice = attachments === '' ? systemNotice(text) : undefined;
  if (notice?.skip) {
    ctx.skip(notice.skip, line);
    return;
  }
  const ev: Mutable<ParsedEvent> = {
    locator: line,
    time,
    channel: 'discord',
    kind: 'message',
    direction: 'unknown',
  };
  const id = c.id === undefined ? '' : (cells[c.id] ?? '').trim();
  const name = (cells[c.author] ?? '').trim();
  if (id !== '') ev.sender = name === '' ? { id, idType: 'account' } : { id, idType: 'account', name };
  else if (name !== '') ev.sender = { name };
  const details: Record<string, string> = {};
  if (notice?.minutes !== undefined) {
    ev.kind = 'call';
    ev.call = { status: 'unknown', durationSec: notice.minutes * 60 };
    ev.flags = ['duration-rounded'];
  } else if (text !== '') {
    ev.text = keptText(text, line, ev, ctx);
    if (ev.text !== text) ev.flags = [TEXT_CUT];
  } else if (attachments !== '') ev.kind = 'media';
  else {
    ev.kind = 'other';
    ev.flags = ['no-content'];
  }
  if (attachments !== '') details['attachments'] = fileNames(attachments);
  const reactions = c.reactions === undefined ? '' : (cells[c.reactions] ?? '');
  if (reactions !== '') details['reactions'] = reactions;
  if (conversation !== undefined) ev.conversation = conversation;
  if (Object.keys(details).length > 0) ev.details = details;
  ctx.emit(ev);
}

/** The flag of a message kept with only the first MiB of its text, as the JSON reader flags it. */
const TEXT_CUT = 'DISCORD_TEXT_CUT';

/**
 * A message's text kept to its first MAX_TEXT_BYTES of UTF-8, cut before a whole character, as the JSON reader
 * keeps `content` (discord-json/json-walker.ts): the same message exported both ways gives the same text and is
 * counted once. A longer text is warned of (DISCORD_TEXT_TOO_LONG) at its line with its full length, once for all
 * the copies of the message (its sender, minute and length, long-text.ts eventCutCopy, as the JSON reader keys it).
 */
function keptText(text: string, line: number, ev: ParsedEvent, ctx: SourceContext): string {
  const cut = cutString(text, MAX_TEXT_BYTES);
  if (cut.dropped === 0) return text;
  const kept = Buffer.byteLength(cut.text);
  ctx.warn(
    'DISCORD_TEXT_TOO_LONG',
    line,
    `The message on line ${line} has ${thousands(kept + cut.dropped)} bytes of text (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${thousands(kept)} bytes of its text.`,
    `Check that message in the export: a damaged or edited file can make one message this long. The message carries the ${TEXT_CUT} flag.`,
    eventCutCopy(ev.sender, ev.time, kept + cut.dropped),
  );
  return cut.text;
}

/**
 * A message's line breaks as LF, as Discord stores them and as every reader gives a text: a file converted to CRLF
 * throughout (unix2dos, git autocrlf, an editor on Windows) has them CRLF inside its quoted cells too.
 */
function lfBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** `https://cdn…/IMG_1.jpg?ex=…,https://…/b.png` → `IMG_1.jpg, b.png`. */
function fileNames(cell: string): string {
  return cell
    .split(/,(?=https?:\/\/)/)
    .map(
      (u) =>
        decodeURIComponentSafe(
          u
            .trim()
            .replace(/[?#].*$/, '')
            .replace(/^.*\//, ''),
        ) || u.trim(),
    )
    .join(', ');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `Direct Messages - Sam [1200…].csv` → `Sam`; `Server - Category - channel [id] (after…) [part 2].csv` → its prefix. */
export function conversationFromName(name: string): string | undefined {
  const m = /^(.+?) \[\d{15,20}\]/.exec(name);
  if (!m) return undefined;
  return m[1]!.replace(/^Direct Messages - /, '');
}

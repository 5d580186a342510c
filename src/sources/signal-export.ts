/**
 * What signal-export (carderne/signal-export) writes into both of its outputs, read alike by the signal-chat
 * (chat.md) and signal-json (data.json) sources. It writes the two files side by side for every conversation, so
 * a case folder usually holds both: each message must come out of either file with the same kind, text and call
 * outcome, or the timeline cannot see that they are one message and counts it twice.
 *
 *   [2024-03-22 21:00:40] Sam:   ![IMG_7001.jpg](./media/IMG_7001.jpg)        attachment after the padded body
 *   [2024-03-22 21:05:30] Sam: Missed voice call                              a call is its sentence
 *   [2024-03-22 21:10:00] Sam: ⏎⏎> Stop messaging me.⏎⏎Make me.               a reply quotes first
 *   {"date": "2024-03-22T21:05:30.118000", "sender": "Sam", "body": "Missed voice call  ", "call": true, "missed": true}
 *
 * Quirks (sigexport models.py `Message.to_md`, create.py `create_message`/`_format_call`, main.py @4093921):
 * - every body gets two spaces appended ("so that markdown newlines"), in both files: bodies are trimmed;
 * - a call's body is `_format_call`'s sentence (`Missed voice call`, `Incoming video call (accepted, 3m 2s)`,
 *   `Outgoing voice call (unanswered)`, legacy `Incoming call`); data.json also says `call`/`missed`;
 * - chat.md appends, after the body: reactions as a line `(- Name: 😀, Other: 👍 -)`, a sticker as
 *   `[😀](../exported_stickers/…)` or a line `(( 😀 ))`, then each attachment as `![name](./media/name)` (`!` for
 *   images) or `(media not exported)`, all on the line the previous part ended — so a reaction line can carry
 *   attachment links; a reply's quote comes before the body as `⏎⏎> quoted⏎⏎`; print() adds a blank line after
 *   every message; a deleted message is written `(This message was deleted)` whatever it held;
 * - data.json writes the reactions as `[name, emoji]` pairs (a namedtuple through `asdict` and `json.dumps`).
 *   Reactions are not messages, but their names are people: someone who only reacts is named nowhere else, and
 *   `anonymise` must still find them in a text (`reactors`, told as `SourceContext.people`).
 */
import type { CallStatus } from '../model/index.js';
import type { SourceContext } from './source.js';

/** The flag of a message whose text was cut to its first MAX_TEXT_BYTES (long-text.ts), from either file. */
export const TEXT_CUT_FLAGS: readonly string[] = Object.freeze(['SIGNAL_TEXT_CUT']);
/**
 * What such a text is longer than, for the warning: Signal's apps send at most 64 KiB of text (Signal Desktop's
 * composer stops there, Signal Android's `MAX_TOTAL_BODY_SIZE_BYTES`).
 */
export const TEXT_OVER = 'a Signal message can hold (64 KiB)';

/** A call as signal-export's sentence tells it. */
export interface SignalCall {
  readonly status: CallStatus;
  readonly durationSec?: number;
}

const CALL = /^(Missed|Incoming|Outgoing) (?:voice |video )?call(?: \(([^)]*)\))?$/;
const DURATION = /^accepted, (?:(\d+)m )?(\d+)s$/;

/** The call a body describes, or `undefined` when the body is not one of `_format_call`'s sentences. */
export function signalCall(body: string): SignalCall | undefined {
  const m = CALL.exec(body);
  if (!m) return undefined;
  const [, direction, detail] = m;
  if (direction === 'Missed') return detail === undefined ? { status: 'missed' } : undefined;
  const d = detail === undefined ? undefined : DURATION.exec(detail);
  const durationSec = d ? Number(d[1] ?? 0) * 60 + Number(d[2]) : undefined;
  const answered = detail === 'accepted' || d !== null;
  let status: CallStatus = 'unknown';
  if (direction === 'Outgoing') status = 'outgoing';
  else if (answered) status = 'answered';
  else if (detail === 'declined') status = 'rejected';
  return durationSec === undefined ? { status } : { status, durationSec };
}

/** A message body with signal-export's additions taken apart. */
export interface SignalBody {
  /** The body as written, trimmed of signal-export's padding; empty for an attachment alone. */
  readonly text: string;
  /** Attachments, written or "not exported". */
  readonly attachments: number;
  readonly sticker?: string;
  /** The text of the message replied to. */
  readonly quote?: string;
  /** The names of those who reacted to it (`reactors`), when a reaction line is part of its lines. */
  readonly reactors?: readonly string[];
}

const DELETED = '(This message was deleted)';
// Local files only: a link the person typed (https://…) stays part of the text.
const ATTACHMENT = /!?\[([^\]\n]*)\]\((\.\.?\/[^)\s]*)\) */g;
const NOT_EXPORTED = /\((?:media|attachment) not exported\) */g;
const ATTACHMENT_AHEAD = String.raw`(?=$|!?\[[^\]\n]*\]\(\.\.?\/|\((?:media|attachment) not exported\))`;
const REACTIONS = new RegExp(String.raw`^\(- .{1,100}?: .{1,40}? -\)${ATTACHMENT_AHEAD}`, 'u');
const STICKER_LINE = new RegExp(String.raw`^\(\( (.{1,40}?) \)\)${ATTACHMENT_AHEAD}`, 'u');
const QUOTE_LINE = /^>(?: |$)/;

/**
 * The names in a chat.md reaction line's `(- Name: 😀, Other: 👍 -)`, without the exporter ("Me"). signal-export
 * joins `name: emoji` items with ", " and does not escape either, so an item with no ": " is read as the rest of
 * the name before it ("Smith, Jo: 👍"): a name too long is redacted more widely, never left out.
 */
export function reactors(reactionLine: string): string[] {
  const m = REACTIONS.exec(reactionLine);
  if (!m) return [];
  const items = m[0].slice(3, -3).split(', ');
  const names: string[] = [];
  let name = '';
  for (const item of items) {
    const colon = item.lastIndexOf(': ');
    if (colon < 0) {
      name += `${item}, `;
      continue;
    }
    names.push((name + item.slice(0, colon)).trim());
    name = '';
  }
  return names.filter((n) => n !== '' && n !== 'Me');
}

/** Tells `ctx` each name it is given once (`SourceContext.people`): a chat reacts with the same few names. */
export function peopleTeller(ctx: SourceContext): (names: readonly string[]) => void {
  const told = new Set<string>();
  return (names) => {
    const fresh = names.filter((n) => !told.has(n));
    for (const n of fresh) told.add(n);
    if (fresh.length > 0) ctx.people?.(fresh);
  };
}

/** True for a chat.md line that is only reactions (not part of any message's text). */
export function isReactionLine(line: string): boolean {
  const m = REACTIONS.exec(line);
  return m !== null && m[0].length === line.length;
}

/** True when a chat.md message is signal-export's placeholder for a deleted message. */
export function isDeletedPlaceholder(lines: readonly string[]): boolean {
  return lines[0] === DELETED && lines.slice(1).every((l) => l.trim() === '');
}

/** Takes a chat.md message apart: its header's text and the lines that followed it. */
export function chatBody(lines: readonly string[]): SignalBody {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = 0;
  let quote: string | undefined;
  if (end >= 3 && lines[0] === '' && lines[1] === '' && QUOTE_LINE.test(lines[2]!)) {
    const quoted: string[] = [];
    start = 2;
    while (start < end && QUOTE_LINE.test(lines[start]!)) quoted.push(lines[start++]!.replace(/^> ?/, ''));
    if (start < end && lines[start] === '') start++;
    quote = quoted.join('\n');
  }
  let sticker: string | undefined;
  const reacted: string[] = [];
  const kept: string[] = [];
  for (let i = start; i < end; i++) {
    let line = lines[i]!;
    if (i > start) {
      const r = REACTIONS.exec(line);
      if (r) {
        reacted.push(...reactors(r[0]));
        line = line.slice(r[0].length);
      }
      const s = STICKER_LINE.exec(line);
      if (s) {
        sticker = s[1];
        line = line.slice(s[0].length);
      }
      if (r || s) {
        // What followed on that line (attachment links) belongs to the message, not to a new line of text.
        kept[kept.length - 1] += line;
        continue;
      }
    }
    kept.push(line);
  }
  let attachments = 0;
  let text = kept.join('\n').replace(ATTACHMENT, (_all, label: string, path: string) => {
    if (path.includes('exported_stickers/')) sticker = label;
    else attachments++;
    return '';
  });
  text = text.replace(NOT_EXPORTED, () => {
    attachments++;
    return '';
  });
  return {
    text: text.trim(),
    attachments,
    ...(sticker !== undefined ? { sticker } : {}),
    ...(quote !== undefined && quote !== '' ? { quote } : {}),
    ...(reacted.length > 0 ? { reactors: reacted } : {}),
  };
}

/** The quoted text of a data.json `quote` (`⏎⏎> line⏎> line⏎⏎`), or `undefined` when there is none. */
export function jsonQuote(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const lines = raw.replace(/^\n+|\n+$/g, '').split('\n');
  const quote = lines.map((l) => l.replace(/^> ?/, '')).join('\n');
  return quote.trim() === '' ? undefined : quote;
}

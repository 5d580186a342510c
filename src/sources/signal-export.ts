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
import { CappedText, cutString, firstNonSpace, MAX_TEXT_BYTES, TrimmedText } from './long-text.js';
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

/** The bytes of a cut chat.md line's end read (forEachCutLine's `tailBytes`): room for any message's links. */
export const CHAT_TAIL_BYTES = 64 << 10;

/**
 * One chat.md message, taken apart line by line as it is read: its header's text and the lines after it (not the
 * reaction lines read alone). A reply's quote (`⏎⏎> quoted⏎⏎` first) is held on its own, up to MAX_TEXT_BYTES
 * (data.json's is cut alike, `jsonQuote`), and the body's text as `trim` leaves it, up to MAX_TEXT_BYTES
 * (TrimmedText): what chat.md writes before the body, and blank lines before its first line, take nothing of its
 * cap, so the text is cut exactly where data.json's copy of it is. Every line is read whatever the length before
 * it: reactions (their names) and attachment links (their count) after the cap are taken apart as before it. A
 * line cut by the line reader is read as its start (`line`), the bytes left out (`dropped`, counted as text) and
 * its end (`tail`, CHAT_TAIL_BYTES: a body's links are written at the end of its last line).
 */
export class ChatMessage {
  /** Lines added. */
  private count = 0;
  /** The message is signal-export's placeholder for a deleted one so far (its first line, nothing after). */
  private deleted = false;
  /** Reading the two blank lines a quote starts with, the quote, or the body. */
  private part: 'start' | 'quote' | 'body' = 'start';
  private quote: CappedText | undefined;
  private bodyLines = 0;
  private readonly body = new TrimmedText();
  private attachments = 0;
  private stickerLine: string | undefined;
  private stickerLink: string | undefined;
  private readonly reacted: string[] = [];

  add(line: string, dropped = 0, tail = ''): void {
    const n = this.count++;
    if (n === 0) this.deleted = line === DELETED && dropped === 0;
    else if (this.deleted && (dropped > 0 || firstNonSpace(line) < line.length)) this.deleted = false;
    if (this.part === 'start') {
      // A quote is written as two blank lines (the header's text empty, then one) and lines "> …".
      if (line === '' && n < 2) return;
      if (n === 2 && QUOTE_LINE.test(line)) {
        this.part = 'quote';
        this.quote = new CappedText();
      } else {
        this.part = 'body';
        for (let i = 0; i < n; i++) this.bodyLine('', 0, '');
      }
    }
    if (this.part === 'quote') {
      if (QUOTE_LINE.test(line)) {
        const q = this.quote!;
        if (n > 2) q.add('\n');
        q.add(line.replace(/^> ?/, ''));
        q.skip(dropped);
        return;
      }
      this.part = 'body';
      // The blank line after the quote is no part of the body.
      if (line === '') return;
    }
    this.bodyLine(line, dropped, tail);
  }

  private bodyLine(line: string, dropped: number, tail: string): void {
    if (this.bodyLines++ > 0) {
      const r = REACTIONS.exec(line);
      let rest = line;
      if (r) {
        this.reacted.push(...reactors(r[0]));
        rest = rest.slice(r[0].length);
      }
      const s = STICKER_LINE.exec(rest);
      if (s) {
        this.stickerLine = s[1];
        rest = rest.slice(s[0].length);
      }
      if (r || s) {
        // What followed on that line (attachment links) belongs to the line before, not to a new line of text.
        this.piece(rest, dropped, tail);
        return;
      }
      this.body.add('\n');
    }
    this.piece(line, dropped, tail);
  }

  /** Adds text of the body's current line: `text`, then `dropped` bytes left out, the last of them `tail`. */
  private piece(text: string, dropped: number, tail: string): void {
    this.body.add(this.links(text));
    if (dropped === 0) return;
    const seen = tail === '' ? 0 : Buffer.byteLength(tail);
    this.body.skip(dropped - seen);
    this.body.add(this.links(tail));
  }

  /** `text` without its attachment and sticker links, which are counted (a sticker's label kept). */
  private links(text: string): string {
    if (text === '' || (!text.includes('](') && !text.includes(' not exported)'))) return text;
    return text
      .replace(ATTACHMENT, (_all, label: string, path: string) => {
        if (path.includes('exported_stickers/')) this.stickerLink = label;
        else this.attachments++;
        return '';
      })
      .replace(NOT_EXPORTED, () => {
        this.attachments++;
        return '';
      });
  }

  /**
   * The message read: its body (`text` at most MAX_TEXT_BYTES), and the body's length in bytes and lines as
   * data.json's copy of it has them (`total`, `lines`) with the bytes left out (`dropped`, 0: whole).
   */
  finish(): { body: SignalBody; deleted: boolean; dropped: number; total: number; lines: number } {
    if (this.part === 'start') for (let i = 0; i < this.count; i++) this.bodyLine('', 0, '');
    if (this.deleted)
      return { body: { text: '', attachments: 0 }, deleted: true, dropped: 0, total: 0, lines: 0 };
    const quote = this.quote?.text();
    const sticker = this.stickerLink ?? this.stickerLine;
    const body: SignalBody = {
      text: this.body.text(),
      attachments: this.attachments,
      ...(sticker !== undefined ? { sticker } : {}),
      ...(quote !== undefined && quote !== '' ? { quote } : {}),
      ...(this.reacted.length > 0 ? { reactors: this.reacted } : {}),
    };
    const { kept, dropped, lines } = this.body;
    return { body, deleted: false, dropped, total: kept + dropped, lines };
  }
}

/** The quoted text of a data.json `quote` (`⏎⏎> line⏎> line⏎⏎`), or `undefined` when there is none. */
export function jsonQuote(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const lines = raw.replace(/^\n+|\n+$/g, '').split('\n');
  const quote = lines.map((l) => l.replace(/^> ?/, '')).join('\n');
  // At most MAX_TEXT_BYTES, as chat.md's copy of it (ChatMessage).
  return quote.trim() === '' ? undefined : cutString(quote, MAX_TEXT_BYTES).text;
}

/**
 * The second pass: turns header lines and their continuation lines into records, each ending as exactly one
 * emit, skip or reject. A message is emitted when the next header (or the end of the file) shows it is complete;
 * a skipped or rejected record takes its continuation lines with it. A header in another framing or date shape than
 * the file's is such a continuation line too, with a warning. A last line that breaks off inside a header (the
 * file was cut short) is no part of the message before it: it begins a message that was met but holds none of
 * its text, rejected at that line (WHATSAPP_RECORD_CUT_SHORT), and the file fails once read, naming the line.
 *
 * Lines are read as UTF-8 bytes (byte-lines.ts) and only what must be a string is decoded: a sender the first
 * time it is seen, a text that may be a placeholder or notice, what a message quotes. Message texts go to the
 * context as bytes when it takes them (`SourceContext.emitUtf8`), decoded otherwise.
 */

import { listed } from '../../model/format.js';
import type { CallStatus, EventTime, Kind, ParsedEvent, Party, Precision } from '../../model/index.js';
import { forEachLineBytes } from '../byte-lines.js';
import { rejectCutRecord } from '../cut-record.js';
import { EITHER_ORDER, orderOption } from '../date-order-option.js';
import { textCutCopy, warnTextCut, withFlag } from '../long-text.js';
import { type SourceContext, SourceFailure, type SourceInput } from '../source.js';
import { LocalClock } from './clock.js';
import { dateShape, type Layout, layoutName, otherReadings } from './date-order.js';
import type { HeaderDates } from './first-pass.js';
import {
  afterLeadingMarks,
  BomSearch,
  excerpt,
  lrmAt,
  MAX_TEXT_BYTES,
  MessageText,
  onlyBoms,
} from './message-text.js';
import { MarkerStarts, maybeSpecial, RecentSpecials } from './notice-bytes.js';
import { callDetail, isAttributedNotice, Special } from './notices.js';
import { Framing, HeaderScanner, Scan, withoutMarks } from './scan.js';
import { authorEnd, Senders } from './senders.js';

const MIDNIGHT_FLAGS: readonly string[] = Object.freeze(['WHATSAPP_AMPM_MIDNIGHT']);
const HOUR24_FLAGS: readonly string[] = Object.freeze(['WHATSAPP_AMPM_24H']);
const WAITING_FLAGS: readonly string[] = Object.freeze(['WHATSAPP_WAITING_FOR_MESSAGE']);
const TEXT_CUT = 'WHATSAPP_TEXT_CUT';

/** What the second pass needs to know about the file. */
export interface ReadPlan {
  readonly framing: Framing;
  /** The date shape of the file's headers (`dateShape`), and its first header's line and date as written. */
  readonly shape: number;
  readonly example: { readonly line: number; readonly text: string };
  readonly layout: Layout;
  /** Set when `layout` is the one `--date-order` names (plan.ts). */
  readonly forced?: boolean;
  readonly conversation: string | undefined;
  /**
   * Set when nothing decided the day/month order: notices need no date and are skipped as usual, and every
   * record that needs one (a message, a call) is rejected with its line; at the end, if any was, a failure made
   * from this one is returned (as read to the end), so that the file is listed as read in part.
   */
  readonly undecided?: SourceFailure;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// States of the record being assembled.
const NONE = 0; // before the first header
const MESSAGE = 1; // a message waiting for its continuation lines
const CLOSED = 2; // a skipped or rejected record: its continuation lines add nothing

type Typed = { readonly kind: Kind; readonly call?: CallStatus };
const MEDIA: Typed = { kind: 'media' };
const DELETED: Typed = { kind: 'deleted' };
const MISSED_CALL: Typed = { kind: 'call', call: 'missed' };
const CALL: Typed = { kind: 'call', call: 'unknown' };

/** The event kind and call outcome of a special first line (undefined for notices and plain text). */
function kindOf(special: Special): Typed | undefined {
  if (special === Special.Media) return MEDIA;
  if (special === Special.Deleted) return DELETED;
  if (special === Special.MissedCall) return MISSED_CALL;
  if (special === Special.Call) return CALL;
  return undefined;
}

/**
 * How a call notice's call ended (`Special.Call`: not a missed or silenced one), and its length where the notice
 * gives one. iOS files a call under the person who placed it, so a call whose author is the exporter ("You") is
 * `outgoing`, whatever became of it. A call that lasted was answered: in a chat of two, by the exporter if the
 * other person placed it. A group call that lasted says only that someone joined, not that the exporter did: it
 * stays `unknown`, its length kept. So does a call that gives no length ("Voice call", "Voice call, No answer").
 */
function callOf(sender: Party | undefined, text: MessageText): { status: CallStatus; durationSec?: number } {
  const { durationSec, group } = callDetail(text.string());
  const status: CallStatus =
    sender?.role === 'victim'
      ? 'outgoing'
      : !group && durationSec !== undefined && durationSec > 0
        ? 'answered'
        : 'unknown';
  return durationSec === undefined ? { status } : { status, durationSec };
}

/**
 * Which notice a header's record is, if any: `block-notice`, `system-notice` (encryption notices, group and
 * security events, anything without an author but a call), or undefined for a contact. `lrm`: the text after
 * the author starts with U+200E; `body`: the text (decoded only when that matters).
 */
function noticeOf(
  special: Special,
  typed: Typed | undefined,
  authored: boolean,
  lrm: boolean,
  body: MessageText,
): string | undefined {
  if (special === Special.Block) return 'block-notice';
  return special === Special.Encryption ||
    // Without an author only a call notice is a contact; the rest are group and security notices.
    (!authored && typed?.kind !== 'call') ||
    // iOS writes group events as if the contact or the group had sent them, with U+200E first.
    (typed === undefined && lrm && isAttributedNotice(body.string()))
    ? 'system-notice'
    : undefined;
}

/** A wall-clock time whose string is the clock's, made when read. */
class LiveTime {
  readonly type = 'local';
  precision: Precision = 'min';
  // A number from the start, so that V8 keeps the field as a double written in place (a field that has held
  // undefined boxes every new number: a million small allocations).
  wallMs: number | undefined = 0;
  constructor(private readonly clock: LocalClock) {}
  get local(): string {
    return this.clock.local();
  }
}

/**
 * A new event with this time, its other fields filled by the caller. Every event has the same fields in the same
 * order (those it lacks as undefined): the pipeline then meets one object shape, and V8 reads its fields at one
 * place in memory instead of looking them up by shape.
 */
function newEvent(time: EventTime, conversation: string | undefined): Mutable<ParsedEvent> {
  return {
    locator: 0,
    time,
    channel: 'whatsapp',
    kind: 'message',
    direction: 'unknown',
    sender: undefined,
    text: undefined,
    call: undefined,
    conversation,
    flags: undefined,
  };
}

/** The one event and time a pass fills again for every message, for a context that reads them during the call. */
function liveEvent(
  clock: LocalClock,
  conversation: string | undefined,
): { event: Mutable<ParsedEvent>; time: LiveTime } {
  const time = new LiveTime(clock);
  return { event: newEvent(time, conversation), time };
}

/**
 * Runs the second pass over `input`; `progressCtx` receives the line reader's progress. `dates`, when given,
 * collects every header's date as the first pass would, for checking a plan that was a guess. Returns the failure
 * to throw now that every line was read, if any: the file was cut short inside a header, or records were rejected
 * because the day/month order is undecided.
 */
export async function readMessages(
  input: SourceInput,
  ctx: SourceContext,
  plan: ReadPlan,
  progressCtx: SourceContext,
  dates?: HeaderDates,
): Promise<SourceFailure | undefined> {
  const { framing, shape, example, layout, conversation, undecided, forced } = plan;
  const scanner = new HeaderScanner();
  const senders = new Senders();
  const clock = new LocalClock(layout, forced);
  const boms = new BomSearch();
  const text = new MessageText(boms);
  const specials = new RecentSpecials();
  const markers = new MarkerStarts();
  let state = NONE;
  let time: Extract<EventTime, { type: 'local' }> | undefined;
  let event: Mutable<ParsedEvent> | undefined;
  const live = ctx.emitUtf8 !== undefined ? liveEvent(clock, conversation) : undefined;
  let blanks = 0;
  // The line of the record being read (continuation lines are quoted against it), and the last line if it breaks
  // off inside a header: its line and what it holds.
  let recordLine = 0;
  let cut: { line: number; text: string } | undefined;
  // Per-record clock oddities, summed up in one warning each at the end.
  const odd = { midnight: { n: 0, first: 0 }, hour24: { n: 0, first: 0 } };
  // Records rejected because the day/month order is undecided: how many, the first one's line, and their senders
  // (named in the failure: those messages reach no count of senders, and the subject may be among them).
  const undated = { n: 0, first: 0, senders: new Map<Party, number>() };

  const flush = (): void => {
    if (state === MESSAGE) {
      if (text.dropped > 0) cutText(ctx, event!, text, recordLine, clock.local());
      if (ctx.emitUtf8 !== undefined) ctx.emitUtf8(event!, text.bytes, text.start, text.end);
      else {
        event!.text = text.string();
        ctx.emit(event!);
      }
    }
    event = undefined;
    text.clear();
    blanks = 0;
  };

  /** `when` is the local time (`2024-03-31T10:12`), or the stamp as written when the order is undecided. */
  const skip = (reason: string, b: Buffer, from: number, end: number, lineNo: number, when: string): void => {
    if (reason === 'block-notice') {
      const zone = undecided ? `${ctx.options.timezone}; day/month order unknown` : ctx.options.timezone;
      const notice = excerpt(b, from, end);
      ctx.warn(
        'WHATSAPP_BLOCK_NOTICE',
        lineNo,
        `"${notice}" at ${when.replace('T', ' ')} (${zone}): a block or unblock, kept out of the contact counts.`,
        'Add it to the case file as a milestone if it matters to the case.',
        // The chat, the notice as written and when: an overlapping export of the chat holds the same
        // (pipeline/copies.ts). The chat keeps apart two contacts blocked in one minute.
        `${conversation ?? ''}\u0000${notice}\u0000${when}`,
      );
    }
    ctx.skip(reason, lineNo);
    state = CLOSED;
  };

  /** The header's time for a message about it: the local time, or the stamp as written while the order is undecided. */
  const when = (b: Buffer): string =>
    undecided !== undefined ? excerpt(b, scanner.stampStart, scanner.stampEnd) : clock.local();

  const header = (b: Buffer, end: number, lineNo: number, dropped: number): void => {
    // While the day/month order is undecided there is no local time, only the stamp as written: a notice is
    // skipped with it, and anything that needs a date stops the file below.
    if (undecided === undefined) {
      const read = clock.read(scanner);
      if (read !== undefined) {
        const other = layoutName(layout) === 'dmy' ? 'mdy' : 'dmy';
        ctx.reject(
          'WHATSAPP_BAD_TIMESTAMP',
          lineNo,
          `Impossible date or time "${excerpt(b, scanner.stampStart, scanner.stampEnd)}" in a message header: ${read.reason}.`,
          read.date && forced
            ? optionHint(lineNo, scanner, layout)
            : read.date && layout.y === 2
              ? `Check line ${lineNo} of the export. If the whole file was read in the wrong order, re-run with ${orderOption(other)}.`
              : `Check line ${lineNo} of the export; the message is not counted.`,
        );
        state = CLOSED;
        return;
      }
    }
    const rs = scanner.restStart;
    const author = authorEnd(b, rs, end, senders);
    let sender: Party | undefined;
    let textStart = rs;
    if (author > rs) {
      const party = senders.at(b, rs, author);
      if (party === null) {
        skip('system-notice', b, rs, end, lineNo, when(b));
        return;
      }
      sender = party;
      textStart = b[author + 1] === 0x20 ? author + 2 : author + 1;
    }
    // The text as written, minus byte-order marks anywhere and the direction marks iOS puts in front.
    text.set(b, afterLeadingMarks(b, textStart), end, dropped);
    // The search for file markers runs on over the chunk's lines; a text copied out of its line (it held a BOM)
    // lies in memory filled again for each such text, so its search starts afresh.
    if (text.bytes !== b) markers.reset();
    // Only a text that may be a placeholder or a notice is decoded to be classified.
    const special = maybeSpecial(text.bytes, text.start, text.end, markers)
      ? specials.classify(text)
      : Special.None;
    const typed = kindOf(special);
    const notice = noticeOf(special, typed, sender !== undefined, lrmAt(b, textStart), text);
    if (notice !== undefined) {
      skip(notice, b, textStart, end, lineNo, when(b));
      return;
    }
    if (undecided !== undefined) {
      // Its date is one of two days months apart, and which one is what the file cannot say: the record is
      // rejected, not dated by a guess, and the reading goes on (its continuation lines go with it).
      ctx.reject(
        'WHATSAPP_DATE_ORDER_UNKNOWN',
        lineNo,
        `The message dated "${excerpt(b, scanner.stampStart, scanner.stampEnd)}" cannot be placed in time: the day/month order of this file cannot be told from its dates.`,
        `Re-run with ${EITHER_ORDER}: the order the phone that exported the chat writes dates in.`,
      );
      if (undated.n++ === 0) undated.first = lineNo;
      if (sender !== undefined) undated.senders.set(sender, (undated.senders.get(sender) ?? 0) + 1);
      state = CLOSED;
      return;
    }
    const precision = scanner.second >= 0 ? 's' : 'min';
    const wallMs = clock.wallMs;
    if (live !== undefined) {
      // A context that takes bytes reads the event during the call only (SourceContext.emitUtf8): one event and
      // one time are filled again for every message, and the local time string is made only if it is read.
      live.time.precision = precision;
      live.time.wallMs = wallMs;
      event = live.event;
    } else {
      // Events of the same minute (or second) share one time object (read-only by type; not frozen, as
      // Object.freeze is a slow runtime call at a million events).
      const local = clock.local();
      if (
        time === undefined ||
        time.precision !== precision ||
        (wallMs === undefined ? time.local !== local : time.wallMs !== wallMs)
      ) {
        time = { type: 'local', local, precision, wallMs };
      }
      event = newEvent(time, conversation);
    }
    // The text is handed over when the message is complete (`flush`).
    event.locator = lineNo;
    event.kind = typed?.kind ?? 'message';
    event.direction = sender?.role === 'victim' ? 'outgoing' : 'unknown';
    event.sender = sender;
    event.call =
      typed?.call === undefined
        ? undefined
        : special === Special.Call
          ? callOf(sender, text)
          : { status: typed.call };
    event.flags = undefined;
    if (scanner.ampm !== 0 && (scanner.hour === 0 || scanner.hour > 12)) {
      const count = scanner.hour === 0 ? odd.midnight : odd.hour24;
      event.flags = scanner.hour === 0 ? MIDNIGHT_FLAGS : HOUR24_FLAGS;
      if (count.n++ === 0) count.first = lineNo;
    } else if (special === Special.Waiting) event.flags = WAITING_FLAGS;
    state = MESSAGE;
  };

  const onLine = (
    b: Buffer,
    start: number,
    end: number,
    lineNo: number,
    unended: boolean,
    dropped: number,
  ): void => {
    const scanned = scanner.scan(b, start, end);
    if (scanned === Scan.Header && dates !== undefined) dates.add(scanner, b, lineNo);
    // Only the file's own layout starts a record: a whole header of another date shape is pasted text.
    const ownFraming = scanned === Scan.Header && scanner.framing === framing;
    const other = ownFraming && dateShape(scanner) !== shape;
    if (
      unended &&
      scanned !== Scan.NotDate &&
      !other &&
      cutHeader(scanner, scanned, b, start, end, framing, shape)
    ) {
      // The file ends inside a header: the one before it is whole, and the message this line begins was met but
      // holds none of its text. It is counted, rejected at its line (never emitted with what was read of it).
      flush();
      state = CLOSED;
      cut = { line: lineNo, text: excerpt(b, start, end) };
      rejectCutRecord(ctx, 'WHATSAPP_RECORD_CUT_SHORT', lineNo, `line ${lineNo}, after "${cut.text}"`);
      return;
    }
    if (ownFraming && !other) {
      flush();
      recordLine = lineNo;
      // A last line without "Name: " and without a line break is read as a notice, as any header without a
      // sender is; but the file may have been cut inside the sender's name (`…, 07:00 - Sam`): say so.
      if (unended && authorEnd(b, scanner.restStart, end, senders) === -1) {
        ctx.warn(
          'WHATSAPP_LAST_LINE_NO_SENDER',
          lineNo,
          `The file ends in the middle of line ${lineNo} ("${excerpt(b, start, end)}"), without a line break, in a message header with no "Name:" part: it was read as a notice, but the export may have been cut short inside the sender's name.`,
          'If the file was copied or downloaded, check that the copy is complete; export the chat again to read the rest.',
        );
      }
      header(b, end, lineNo, dropped);
      return;
    }
    if (state === NONE) {
      if (onlyBoms(b, start, end)) return;
      ctx.reject(
        'WHATSAPP_UNDATED_LINE',
        lineNo,
        other
          ? `Text before the first message header: "${excerpt(b, start, end)}", dated in another layout than the file's message headers (such as ${example.text} on line ${example.line}).`
          : `Text before the first message header has no date: "${excerpt(b, start, end)}".`,
        'Check the start of the export; lines above the first dated message cannot be placed in time.',
      );
      state = CLOSED;
      return;
    }
    if (other) {
      ctx.warn(
        'WHATSAPP_OTHER_DATE_LAYOUT',
        lineNo,
        `"${excerpt(b, start, end)}" looks like a message header, but its date is written in another layout than the file's message headers (such as ${example.text} on line ${example.line}), so it was read as part of the record above (line ${recordLine}).`,
        'It is most likely text pasted into that message. If it is a message of its own, the file joins exports that write dates differently: read each export as a file of its own.',
      );
    } else if (scanned !== Scan.NotDate) {
      ctx.warn(
        'WHATSAPP_SUSPICIOUS_CONTINUATION',
        lineNo,
        `"${excerpt(b, start, end)}" starts like a date but is not a message header of this file, so it was read as part of the record above.`,
        'If it should be a message of its own, the line may have been damaged or pasted into a message.',
      );
    }
    if (state !== MESSAGE) return;
    if (onlyBoms(b, start, end)) {
      blanks++; // kept only if more text follows: trailing blank lines are not part of a message
      return;
    }
    text.append(blanks, b, start, end, dropped);
    blanks = 0;
  };

  // The chunk the lines lie in is about to be read into again: a message still waiting keeps its own copy.
  const onChunkEnd = (): void => {
    boms.reset();
    markers.reset();
    if (state === MESSAGE) text.keep();
  };

  await forEachLineBytes(input, onLine, progressCtx, onChunkEnd, MAX_LINE_BYTES);
  flush();
  const summary = (code: string, n: number, first: number, what: string): void => {
    if (n === 0) return;
    ctx.warn(
      code,
      first,
      `${n} message header${n === 1 ? ' gives' : 's give'} ${what} (first on line ${first}).`,
      `The affected messages carry the ${code} flag.`,
    );
  };
  summary('WHATSAPP_AMPM_MIDNIGHT', odd.midnight.n, odd.midnight.first, 'hour 00 with AM, read as 00:xx');
  summary(
    'WHATSAPP_AMPM_24H',
    odd.hour24.n,
    odd.hour24.first,
    'a 24-hour hour with PM (like 23:59 PM), read as written',
  );
  const unplaced = undecided !== undefined && undated.n > 0 ? undatedFailure(undecided, undated) : undefined;
  return cut !== undefined ? cutFailure(cut, unplaced) : unplaced;
}

/**
 * The most bytes of a line kept: a message's text cap and room for any header before it, so the text kept does not
 * depend on the header's length (an Android and an iPhone export of one chat keep the same text, and their copies
 * of the message are found to be one).
 */
const MAX_LINE_BYTES = MAX_TEXT_BYTES + 65_536;

/**
 * Marks a message whose text is longer than any WhatsApp message (`MAX_TEXT_BYTES`): it is one contact, kept with
 * the start of its text, flagged, and named in a warning with its full length. The warning is told once for the
 * same message in overlapping exports of the chat (pipeline/copies.ts), as its events count once.
 */
function cutText(
  ctx: SourceContext,
  event: Mutable<ParsedEvent>,
  text: MessageText,
  line: number,
  local: string,
): void {
  event.flags = withFlag(event.flags, TEXT_CUT);
  const kept = text.end - text.start;
  const total = kept + text.dropped;
  warnTextCut(ctx, {
    code: 'WHATSAPP_TEXT_TOO_LONG',
    flag: TEXT_CUT,
    line,
    kept,
    total,
    lines: text.lines,
    over: 'a WhatsApp message can hold (65,536 characters)',
    // Sender, minute and length: not the chat's name, which an iPhone's `_chat.txt` does not give.
    copy: textCutCopy(event.sender?.name ?? event.sender?.id ?? '', local, total),
  });
}

/** What may follow the date of a header cut short: the start of its time, AM/PM and framing, nothing else. */
const STAMP_START_RE =
  /^\.?[,\u060c]?\s*(?:(?:klo|à)\s*)?(?:\p{Nd}{1,2}(?:[:.](?:\p{Nd}{1,2}(?:[:.]\p{Nd}{0,2})?)?)?)?\s*(?:[ap]\.?\s*(?:m\.?)?|\u0635|\u0645)?\s*[-\u2013\]:]?\s*$/iu;

/**
 * What follows the date of a line that is a whole date and time (`, 21:05`, ` 9:05 PM`, `, 06:59:02`) and
 * nothing else: text a message may end with, not a header cut short.
 */
const COMPLETE_STAMP_RE =
  /^\.?[,\u060c]?\s*(?:(?:klo|à)\s*)?\p{Nd}{1,2}[:.]\p{Nd}{2}(?:[:.]\p{Nd}{2})?(?:\s*(?:[ap]\.?\s*m\.?|\u0635|\u0645))?$/iu;

/**
 * True when the line `b[start, end)`, the last of a file that ends without a line break, breaks off inside the
 * fixed part of a header of the file's framing and date shape: a header without anything after its stamp
 * (`14/03/2024, 21:06 -`, `[15/03/2024, 06:59:02]`), or a date of the file's shape followed by nothing but the
 * start of a stamp (`14/03/2024,`, `14/03/2024, 21:`, `…, 9:05 P`). A line that is only a date (`14/03/2024`) or
 * a whole date and time (`14/03/2024, 21:05`) may be the end of a message and stays one.
 */
function cutHeader(
  sc: HeaderScanner,
  scanned: Scan,
  b: Buffer,
  start: number,
  end: number,
  framing: Framing,
  shape: number,
): boolean {
  if (dateShape(sc) !== shape) return false;
  const rest = withoutMarks(b.toString('utf8', sc.dateEnd, end)).replace(SPACES_RE, ' ');
  // A whole date and time with nothing after it may be the last line of a message ("see you on" / "15/03/2024,
  // 21:05"); only a stamp broken off before its end cannot be.
  if (COMPLETE_STAMP_RE.test(rest)) return false;
  if (scanned === Scan.Header && sc.framing === framing) return sc.restStart >= end;
  // A stamp cut short may still scan as a header of another framing ("21:05 P" as a bare one, "P" its text).
  if (sc.dateEnd >= end) return false;
  const bracketed = excerpt(b, start, sc.stampStart).startsWith('[');
  if (bracketed !== (framing === Framing.Bracket)) return false;
  return STAMP_START_RE.test(rest);
}

/** The spaces other than U+0020 that the scanner reads as one (`spaceAt`). */
const SPACES_RE = /[\u00a0\u202f\u2009]/g;

/**
 * The failure for a file whose last line breaks off inside a message header: the file was cut short there (an
 * interrupted copy or download). `unplaced`: the failure the file would give otherwise (its order undecided).
 */
function cutFailure(cut: { line: number; text: string }, unplaced: SourceFailure | undefined): SourceFailure {
  return new SourceFailure(
    'WHATSAPP_TRUNCATED',
    `The file ends in the middle of line ${cut.line} ("${cut.text}"), the start of a message header: the export was cut short (an interrupted copy or download), so the message that line begins is not used. The messages before it were kept.${unplaced ? ` ${unplaced.message}` : ''}`,
    cut.line,
    `Copy the export again from the phone, or export the chat again, to read the rest.${unplaced?.hint ? ` ${unplaced.hint}` : ''}`,
  );
}

/**
 * The hint for a header whose date `--date-order` cannot read: the option, not the export, left it without a date,
 * so the hint says what it would be in another order, and which option reads it so, rather than to correct it.
 */
function optionHint(lineNo: number, sc: HeaderScanner, layout: Layout): string {
  const name = layoutName(layout);
  const readings = otherReadings([sc.p0, sc.p1, sc.p2], [sc.w0, sc.w1, sc.w2], layout);
  const asked = `Line ${lineNo} was read as --date-order ${name} asks`;
  if (readings.length === 0) return `${asked}, and is no date in any order: check it in the export.`;
  const words = readings.map((r) => r.words).join(', or read as ');
  const options = readings.map((r) => `--date-order ${r.order}`).join(' or ');
  return `${asked}; read as ${words}. If the chat writes its dates that way, re-run with ${options}; if not, check line ${lineNo} of the export.`;
}

/** Senders named in the failure of a file whose order is undecided. */
const SENDERS_SHOWN = 5;

/**
 * The failure for a file read to the end whose `n` records that need a date (the first on line `first`) were
 * rejected because its day/month order is undecided: why it is undecided, what became of the records, and who
 * sent them (most records first).
 */
function undatedFailure(
  undecided: SourceFailure,
  { n, first, senders }: { n: number; first: number; senders: Map<Party, number> },
): SourceFailure {
  const what =
    n === 1
      ? `The 1 message or call that needs a date (line ${first}) was rejected with its line`
      : `The ${n} messages and calls that need a date (the first on line ${first}) were rejected with their lines`;
  const named = [...senders]
    .map(([p, count]) => ({ name: p.name ?? p.id ?? '', count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const some = listed(named, SENDERS_SHOWN);
  const shown = some.shown.map((s) => `${s.name} (${s.count})`);
  if (some.more > 0) shown.push(`${some.more} more`);
  const who = shown.length === 0 ? '' : ` Their senders: ${shown.join(', ')}.`;
  return new SourceFailure(
    undecided.code,
    `${undecided.message} ${what}, not placed in time; notices, which need no date, were read as usual.${who}`,
    undefined,
    undecided.hint,
    true,
  );
}

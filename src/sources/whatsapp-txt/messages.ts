/**
 * The second pass: turns header lines and their continuation lines into records, each ending as exactly one
 * emit, skip or reject. A message is emitted when the next header (or the end of the file) shows it is complete;
 * a skipped or rejected record takes its continuation lines with it.
 */
import type { CallStatus, EventTime, Kind, ParsedEvent, Party } from '../../model/index.js';
import type { SourceContext, SourceFailure, SourceInput } from '../source.js';
import { forEachLine } from '../text.js';
import { LocalClock } from './clock.js';
import { type Layout, layoutName } from './date-order.js';
import type { HeaderDates } from './first-pass.js';
import { classify, isAttributedNotice, Special } from './notices.js';
import { type Framing, HeaderScanner, isMark, Scan } from './scan.js';
import { authorEnd, Senders } from './senders.js';

const MIDNIGHT_FLAGS: readonly string[] = Object.freeze(['WHATSAPP_AMPM_MIDNIGHT']);
const HOUR24_FLAGS: readonly string[] = Object.freeze(['WHATSAPP_AMPM_24H']);
const WAITING_FLAGS: readonly string[] = Object.freeze(['WHATSAPP_WAITING_FOR_MESSAGE']);

/** What the second pass needs to know about the file. */
export interface ReadPlan {
  readonly framing: Framing;
  readonly layout: Layout;
  readonly conversation: string | undefined;
  /**
   * Set when nothing decided the day/month order: notices need no date and are skipped as usual, and the
   * first record that needs one (a message, a call) stops the file with this failure.
   */
  readonly undecided?: SourceFailure;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// States of the record being assembled.
const NONE = 0; // before the first header
const MESSAGE = 1; // a message waiting for its continuation lines
const CLOSED = 2; // a skipped or rejected record: its continuation lines add nothing

function excerpt(s: string): string {
  let v = '';
  for (let i = 0; i < s.length && v.length <= 60; i++) if (!isMark(s.charCodeAt(i))) v += s[i];
  return v.length > 60 ? `${v.slice(0, 60)}…` : v;
}

function withoutBoms(s: string): string {
  return s.includes('\ufeff') ? s.replaceAll('\ufeff', '') : s;
}

/** Message text as written, minus byte-order marks anywhere and the direction marks iOS puts in front. */
function messageText(line: string, from: number): string {
  let i = from;
  for (let c = line.charCodeAt(i); c === 0x200e || c === 0xfeff; c = line.charCodeAt(++i));
  return withoutBoms(line.slice(i));
}

/** The event kind and call outcome of a special first line (undefined for notices and plain text). */
function kindOf(special: Special): { kind: Kind; call?: CallStatus } | undefined {
  if (special === Special.Media) return { kind: 'media' };
  if (special === Special.Deleted) return { kind: 'deleted' };
  if (special === Special.MissedCall) return { kind: 'call', call: 'missed' };
  if (special === Special.Call) return { kind: 'call', call: 'unknown' };
  return undefined;
}

/**
 * Which notice a header's record is, if any: `block-notice`, `system-notice` (encryption notices, group and
 * security events, anything without an author but a call), or undefined for a contact.
 */
function noticeOf(
  special: Special,
  typed: ReturnType<typeof kindOf>,
  authored: boolean,
  line: string,
  textStart: number,
  body: string,
): string | undefined {
  if (special === Special.Block) return 'block-notice';
  return special === Special.Encryption ||
    // Without an author only a call notice is a contact; the rest are group and security notices.
    (!authored && typed?.kind !== 'call') ||
    // iOS writes group events as if the contact or the group had sent them, with U+200E first.
    (typed === undefined && line.charCodeAt(textStart) === 0x200e && isAttributedNotice(body))
    ? 'system-notice'
    : undefined;
}

/**
 * Runs the second pass over `input`; `progressCtx` receives the line reader's progress. `dates`, when given,
 * collects every header's date as the first pass would, for checking a plan that was a guess.
 */
export async function readMessages(
  input: SourceInput,
  ctx: SourceContext,
  plan: ReadPlan,
  progressCtx: SourceContext,
  dates?: HeaderDates,
): Promise<void> {
  const { framing, layout, conversation, undecided } = plan;
  const scanner = new HeaderScanner();
  const senders = new Senders();
  const clock = new LocalClock(layout);
  let state = NONE;
  let time: Extract<EventTime, { type: 'local' }> | undefined;
  let event: Mutable<ParsedEvent> | undefined;
  let text = '';
  let blanks = 0;
  // Per-record clock oddities, summed up in one warning each at the end.
  const odd = { midnight: { n: 0, first: 0 }, hour24: { n: 0, first: 0 } };

  const flush = (): void => {
    if (state === MESSAGE) {
      if (event!.text !== text) event!.text = text; // continuation lines were added
      ctx.emit(event!);
    }
    event = undefined;
    text = '';
    blanks = 0;
  };

  /** `when` is the local time (`2024-03-31T10:12`), or the stamp as written when the order is undecided. */
  const skip = (reason: string, line: string, lineNo: number, when: string, from: number): void => {
    if (reason === 'block-notice') {
      const zone = undecided ? `${ctx.options.timezone}; day/month order unknown` : ctx.options.timezone;
      ctx.warn(
        'WHATSAPP_BLOCK_NOTICE',
        lineNo,
        `"${excerpt(line.slice(from))}" at ${when.replace('T', ' ')} (${zone}): a block or unblock, kept out of the contact counts.`,
        'Add it to the case file as a milestone if it matters to the case.',
      );
    }
    ctx.skip(reason, lineNo);
    state = CLOSED;
  };

  const header = (line: string, lineNo: number): void => {
    // While the day/month order is undecided there is no local time, only the stamp as written: a notice is
    // skipped with it, and anything that needs a date stops the file below.
    let local: string;
    if (undecided !== undefined) local = excerpt(line.slice(scanner.stampStart, scanner.stampEnd));
    else {
      const read = clock.read(scanner);
      if (typeof read !== 'string') {
        const other = layoutName(layout) === 'dmy' ? 'mdy' : 'dmy';
        ctx.reject(
          'WHATSAPP_BAD_TIMESTAMP',
          lineNo,
          `Impossible date or time "${excerpt(line.slice(scanner.stampStart, scanner.stampEnd))}" in a message header: ${read.reason}.`,
          read.date && layout.y === 2
            ? `Check line ${lineNo} of the export. If the whole file was read in the wrong order, re-run with --date-order ${other}.`
            : `Check line ${lineNo} of the export; the message is not counted.`,
        );
        state = CLOSED;
        return;
      }
      local = read;
    }
    const rs = scanner.restStart;
    const end = authorEnd(line, rs, senders);
    let sender: Party | undefined;
    let textStart = rs;
    if (end > rs) {
      const party = senders.at(line, rs, end);
      if (party === null) {
        skip('system-notice', line, lineNo, local, rs);
        return;
      }
      sender = party;
      textStart = line.charCodeAt(end + 1) === 0x20 ? end + 2 : end + 1;
    }
    const body = messageText(line, textStart);
    const special = classify(body);
    const typed = kindOf(special);
    const notice = noticeOf(special, typed, sender !== undefined, line, textStart, body);
    if (notice !== undefined) {
      skip(notice, line, lineNo, local, textStart);
      return;
    }
    if (undecided !== undefined) throw undecided;
    // Events of the same minute (or second) share one time object (read-only by type; not frozen, as
    // Object.freeze is a slow runtime call at a million events).
    const precision = scanner.second >= 0 ? 's' : 'min';
    const wallMs = clock.wallMs;
    if (
      time === undefined ||
      time.precision !== precision ||
      (wallMs === undefined ? time.local !== local : time.wallMs !== wallMs)
    ) {
      time = { type: 'local', local, precision, wallMs };
    }
    const kind = typed?.kind ?? 'message';
    // Every event has the same fields in the same order (those it lacks as undefined): the pipeline then meets one
    // object shape, and V8 reads its fields at one place in memory instead of looking them up by shape.
    event = {
      locator: lineNo,
      time,
      channel: 'whatsapp',
      kind,
      direction: sender?.role === 'victim' ? 'outgoing' : 'unknown',
      sender,
      text: body,
      call: typed?.call === undefined ? undefined : { status: typed.call },
      conversation,
      flags: undefined,
    };
    if (scanner.ampm !== 0 && (scanner.hour === 0 || scanner.hour > 12)) {
      const count = scanner.hour === 0 ? odd.midnight : odd.hour24;
      event.flags = scanner.hour === 0 ? MIDNIGHT_FLAGS : HOUR24_FLAGS;
      if (count.n++ === 0) count.first = lineNo;
    } else if (special === Special.Waiting) event.flags = WAITING_FLAGS;
    text = body;
    state = MESSAGE;
  };

  const onLine = (line: string, lineNo: number): void => {
    // For now the line is encoded for the byte scanner, and its positions turned back into string offsets.
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    const scanned = scanner.scan(bytes, 0, bytes.length - 1);
    if (scanned === Scan.Header) {
      if (dates !== undefined) dates.add(scanner, bytes, lineNo);
      scanner.stampStart = bytes.toString('utf8', 0, scanner.stampStart).length;
      scanner.stampEnd = bytes.toString('utf8', 0, scanner.stampEnd).length;
      scanner.restStart = bytes.toString('utf8', 0, scanner.restStart).length;
    }
    if (scanned === Scan.Header && scanner.framing === framing) {
      flush();
      header(line, lineNo);
      return;
    }
    if (state === NONE) {
      if (withoutBoms(line).length === 0) return;
      ctx.reject(
        'WHATSAPP_UNDATED_LINE',
        lineNo,
        `Text before the first message header has no date: "${excerpt(line)}".`,
        'Check the start of the export; lines above the first dated message cannot be placed in time.',
      );
      state = CLOSED;
      return;
    }
    if (scanned !== Scan.NotDate) {
      ctx.warn(
        'WHATSAPP_SUSPICIOUS_CONTINUATION',
        lineNo,
        `"${excerpt(line)}" starts like a date but is not a message header of this file, so it was read as part of the record above.`,
        'If it should be a message of its own, the line may have been damaged or pasted into a message.',
      );
    }
    if (state !== MESSAGE) return;
    const cont = withoutBoms(line);
    if (cont.length === 0) {
      blanks++; // kept only if more text follows: trailing blank lines are not part of a message
      return;
    }
    text = blanks === 0 ? `${text}\n${cont}` : `${text}${'\n'.repeat(blanks + 1)}${cont}`;
    blanks = 0;
  };

  await forEachLine(input, onLine, progressCtx);
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
}

/**
 * Reads one Meta thread file (classic or E2EE JSON) in two streaming passes. Facebook writes `title` after the
 * `messages` array, and whether the file is double-encoded can only be decided from all of its strings
 * (mojibake.ts), so pass 1 collects the top-level fields and that verdict, and pass 2 hands each message on with
 * both known. Memory stays at one message; a thread file is small by nature (Facebook splits at about 10 000
 * messages), so reading it twice costs little.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Channel, ParsedEvent } from '../../model/index.js';
import { STAMPED_TIMES } from '../../model/time-range.js';
import { rejectBrokenRecord, rejectCutRecord } from '../cut-record.js';
import { iconv } from '../iconv.js';
import { TOO_DEEP } from '../json-depth.js';
import { TOO_MANY_VALUES } from '../json-values.js';
import { type CutOutcome, cutString, MAX_TEXT_BYTES, warnJsonTextCut, withFlag } from '../long-text.js';
import { type SourceContext, SourceFailure, type SourceInput } from '../source.js';
import { headFirst, sniffBom, warnInvalidUtf8 } from '../text.js';
import { Utf8Watch } from '../utf8-watch.js';
import { channelFromPath } from './channel.js';
import { MAX_VALUE_CHARS, type ThreadJsonHandlers, ThreadJsonScanner } from './json-thread.js';
import type { LongTextCut } from './json-value.js';
import { MojibakeVerdict, repairMojibake } from './mojibake.js';
import type { YouSentence } from './people.js';
import { isOwnActSentence } from './sentences.js';

const MAY_HOLD_NON_ASCII = /\\u|[\u0080-\u{10ffff}]/u;
const DAMAGED =
  'The file was altered or damaged: compare this entry with the original "Download your information" archive.';
const strings = (n: number) => `${n} ${n === 1 ? 'string' : 'strings'}`;

/** What every message of a thread file is read with. */
export interface ThreadFile {
  /** Top-level values other than an array `messages` (`title`, `participants`, `threadName`…), as written. */
  readonly fields: ReadonlyMap<string, unknown>;
  /** Repairs double-encoded text, or returns it unchanged when the file is not double-encoded. */
  readonly fix: (s: string) => string;
  readonly channel: Channel;
  /** True when the path named the app; otherwise the channel is the Messenger default. */
  readonly channelNamed: boolean;
  /** Every sender name of the file's messages (`sender_name`, or `senderName` in the E2EE export), repaired. */
  readonly senders: ReadonlySet<string>;
  /**
   * The E2EE export's `placeholder` messages whose words have the shape of the exporting account's own acts
   * ("You named the group …"), repaired: Meta words them so, under the account's own name (meta/people.ts
   * `ownerFromSentences`). At most `MAX_YOU_SENTENCES` distinct ones. The classic export does not mark such
   * sentences (messenger-json/index.ts), so none of its messages is collected.
   */
  readonly youSentences: readonly YouSentence[];
}

/** Of a value over MAX_VALUE_CHARS: "larger than 32 MiB". */
const TOO_LARGE = `larger than ${MAX_VALUE_CHARS / 1048576} MiB`;

/** The flag of an event whose text is only the first MAX_TEXT_BYTES of its message's (MESSENGER_TEXT_TOO_LONG). */
export const TEXT_CUT = 'MESSENGER_TEXT_CUT';

/** What became of a message whose text was cut (long-text.ts `warnJsonTextCut`). */
export type { CutOutcome };

/** `event` as the reader emits it: flagged TEXT_CUT when `textCut` and it shows the message's text. */
export function withCutFlag(event: ParsedEvent, textCut: boolean): ParsedEvent {
  return textCut && event.text !== undefined ? { ...event, flags: withFlag(event.flags, TEXT_CUT) } : event;
}

/** The message's text cut to MAX_TEXT_BYTES: bytes kept and in the whole text, as it reads. */
interface TextCutDone {
  readonly kept: number;
  readonly total: number;
}

/**
 * Cuts the text member `member` of the message `value` to its first MAX_TEXT_BYTES as the text will read: after the
 * file's double-encoding repair when `repair` (a byte of the repaired text is one code unit as written, and the cut
 * never splits the bytes of one character), else as written. The cut string is put back in `value`, so that the
 * reader's own repair gives the cut text. `long`: the scanner kept only the string's start (json-value.ts).
 */
function cutText(
  value: unknown,
  member: string,
  long: readonly LongTextCut[],
  repair: boolean,
): TextCutDone | undefined {
  if (!isRecord(value)) return undefined;
  const s = value[member];
  if (typeof s !== 'string') return undefined;
  const measured = long.find((c) => c.member === member);
  let total: number;
  if (measured !== undefined) total = repair ? measured.units : measured.utf8;
  else if (repair) total = s.length;
  else total = s.length * 3 <= MAX_TEXT_BYTES ? 0 : Buffer.byteLength(s);
  if (total <= MAX_TEXT_BYTES) return undefined;
  if (repair) {
    // The text is valid UTF-8 bytes, one per code unit (the verdict saw no string that is not): the cut backs off
    // past continuation bytes (10xxxxxx), so it falls before the first byte of a character.
    let k = MAX_TEXT_BYTES;
    while (k > 0 && (s.charCodeAt(k) & 0xc0) === 0x80) k--;
    value[member] = s.slice(0, k);
    return { kept: k, total };
  }
  const cut = cutString(s, MAX_TEXT_BYTES).text;
  value[member] = cut;
  return { kept: Buffer.byteLength(cut), total };
}

/**
 * Warns that the text of the message at `locator` was read only to its first MAX_TEXT_BYTES, in words true to what
 * became of the message (`outcome`). Told once for the same message in an overlapping export (the same sender,
 * time, member and length: `SourceContext.warn`'s `copy`).
 */
function warnTextCut(
  ctx: SourceContext,
  locator: string,
  value: Record<string, unknown>,
  member: string,
  cut: TextCutDone,
  repaired: boolean,
  outcome: CutOutcome,
): void {
  const sender = value['sender_name'] ?? value['senderName'];
  const time = value['timestamp_ms'] ?? value['timestamp'];
  warnJsonTextCut(ctx, {
    code: 'MESSENGER_TEXT_TOO_LONG',
    flag: TEXT_CUT,
    locator,
    member,
    kept: cut.kept,
    total: cut.total,
    as: repaired ? "as UTF-8, once Meta's double encoding is undone" : 'as UTF-8',
    outcome,
    copy: JSON.stringify([sender, time, member, cut.total]),
  });
}

/** More than enough to learn the owner from: one such sentence already names them. */
const MAX_YOU_SENTENCES = 256;

/** An E2EE placeholder whose words start with "You " (cheap tests on its JSON text, before parsing it). */
const YOU_WORDS = /"(?:content|text)"\s*:\s*"You /;
const PLACEHOLDER = /"type"\s*:\s*"placeholder"/;

/** The sender and words of a placeholder whose words have the shape of the owner's own act, as written. */
function youSentence(value: unknown): YouSentence | undefined {
  if (!isRecord(value) || value['type'] !== 'placeholder') return undefined;
  const sender = value['sender_name'] ?? value['senderName'];
  const text = value['content'] ?? value['text'];
  if (typeof sender !== 'string' || sender === '' || typeof text !== 'string') return undefined;
  // Only the shapes of the account's own acts: typed words starting with "You" are common and must not crowd
  // them out. The shapes are ASCII around names, so words not yet repaired (mojibake) sift the same.
  return isOwnActSentence(text) ? { sender, text } : undefined;
}

/** Warns that the top-level value `key` was not read, being `what` (too deep, or of too many values). */
function warnTopLevelUnread(ctx: SourceContext, code: string, key: string, what: string): void {
  const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  ctx.warn(code, shown, `The top-level value ${JSON.stringify(shown)} is ${what}; it was not read.`, DAMAGED);
}

/**
 * The pass-over handler that rejects a message, not read, being `what` (too deep, or of too many values); a
 * top-level value so passed over is pass 1's to warn of.
 */
function rejectUnread(ctx: SourceContext, code: string, what: string) {
  return (where: { index: number } | { key: string }): void => {
    if ('index' in where)
      ctx.reject(code, `messages[${where.index}]`, `This entry is ${what}; it was not read.`, DAMAGED);
  };
}

/** A message's sender as written: the first `sender_name` or `senderName` member of its JSON text. */
const SENDER_MEMBER = /"(?:sender_name|senderName)"\s*:\s*("(?:[^"\\]|\\.)*")/;

/**
 * Streams `input` twice. After pass 1, `start` receives what the file says about itself and returns the handler
 * that pass 2 calls for each element of `messages` with its locator `messages[i]`. Throws the `SourceFailure`
 * of a truncated or invalid file, or the error of an input that fails part-way, after the messages before the
 * fault were handed on. A message the file ends inside (MESSENGER_JSON_RECORD_CUT_SHORT), or one read to its end
 * that is no valid JSON (MESSENGER_JSON_RECORD_MALFORMED), is rejected at its locator before that failure.
 *
 * `textMember` holds a message's text (`content`, `text`): one over MAX_TEXT_BYTES, as it reads once the file's
 * double encoding is undone or not, is cut there before the handler sees it (`textCut`), and the handler says
 * what became of the message (`CutOutcome`) for the MESSENGER_TEXT_TOO_LONG warning. A string of it longer than
 * HOLD_TEXT_CHARS as written is never held whole (json-value.ts); its evidence of double encoding is that of the
 * whole string, so a cut never changes the file's verdict.
 */
export async function readThreadFile(
  input: SourceInput,
  ctx: SourceContext,
  textMember: string,
  start: (file: ThreadFile) => (value: unknown, locator: string, textCut: boolean) => CutOutcome,
): Promise<void> {
  const fields = new Map<string, unknown>();
  const verdict = new MojibakeVerdict();
  const quotedSenders = new Set<string>();
  const youSaid = new Map<string, YouSentence>();
  let hasMessages = false;
  // Why pass 1 stopped early: a damaged file (SourceFailure) or an input that failed part-way (a disk error, a
  // damaged archive member). Pass 2 meets it at the same place and throws it, after the messages before it.
  let stopped: unknown;
  // Progress: pass 1 covers the first half of the bar and pass 2 the second, so it never runs backwards.
  try {
    await readThreadJson(
      input,
      {
        field: (key, value) => {
          fields.set(key, value);
          verdict.observe(value);
        },
        message: () => {},
        // A message too deep or too large to read is reported by pass 2, where it falls in file order among the
        // others; a top-level value is warned of here.
        tooDeep: (where) => {
          if ('index' in where) hasMessages = true;
          else warnTopLevelUnread(ctx, 'MESSENGER_JSON_TOO_DEEP', where.key, TOO_DEEP);
        },
        tooMany: (where) => {
          if ('index' in where) hasMessages = true;
          else warnTopLevelUnread(ctx, 'MESSENGER_JSON_FIELD_TOO_LARGE', where.key, TOO_MANY_VALUES);
        },
        tooLarge: (where) => {
          if ('index' in where) hasMessages = true;
          else warnTopLevelUnread(ctx, 'MESSENGER_JSON_FIELD_TOO_LARGE', where.key, TOO_LARGE);
        },
        messageText: (_i, text, cuts) => {
          hasMessages = true;
          // The sender as written (a JSON string), parsed once per distinct sender after the pass.
          const sender = SENDER_MEMBER.exec(text)?.[1];
          if (sender !== undefined) quotedSenders.add(sender);
          const you = youSaid.size < MAX_YOU_SENTENCES && YOU_WORDS.test(text) && PLACEHOLDER.test(text);
          // Text without escapes or non-ASCII holds only ASCII strings: no evidence, so no need to parse it.
          if (!you && cuts.length === 0 && !MAY_HOLD_NON_ASCII.test(text)) return;
          try {
            const value: unknown = JSON.parse(text);
            // A text held only in part (json-value.ts) speaks as the whole string did, never by its start.
            for (const cut of cuts) {
              verdict.add(cut.evidence);
              if (isRecord(value)) value[cut.member] = '';
            }
            verdict.observe(value);
            const said = you ? youSentence(value) : undefined;
            if (said !== undefined) youSaid.set(JSON.stringify([said.sender, said.text]), said);
          } catch {
            // Pass 2 parses every message and reports the syntax error with its position.
          }
        },
      },
      (read) => ctx.progress(Math.floor(read / 2)),
      (line) => warnInvalidUtf8(ctx, line),
      textMember,
    );
  } catch (err) {
    stopped = err;
  }

  const senders = new Set<string>();
  for (const quoted of quotedSenders) {
    try {
      const name: unknown = JSON.parse(quoted);
      if (typeof name === 'string' && name !== '') senders.add(name);
    } catch {
      // Pass 2 reports the syntax error.
    }
  }
  const { channel, named } = channelFromPath(input.path);
  const fix = verdict.repair ? repairMojibake : (s: string) => s;
  const file: ThreadFile = {
    fields,
    fix,
    channel,
    channelNamed: named,
    senders: new Set([...senders].map(fix)),
    youSentences: [...youSaid.values()].map((y) => ({ ...y, sender: fix(y.sender), text: fix(y.text) })),
  };
  if (verdict.repair) {
    ctx.warn(
      'MESSENGER_MOJIBAKE_REPAIRED',
      undefined,
      `Repaired Meta's double-encoded text in ${strings(verdict.mojibake)} (UTF-8 bytes written as \\u00XX escapes, e.g. "Ã©" for "é").`,
      'Nothing to do: names and texts are shown as the app showed them; the file itself is unchanged.',
    );
  } else if (verdict.mojibake > 0) {
    ctx.warn(
      'MESSENGER_MOJIBAKE_NOT_REPAIRED',
      undefined,
      `${strings(verdict.mojibake)} could be double-encoded, but ${strings(verdict.notMojibake)} in the file ${verdict.notMojibake === 1 ? 'is' : 'are'} correctly encoded, so no text was changed.`,
      'The file was probably re-saved by another tool; compare with the original export if names or text look garbled.',
    );
  }
  if (stopped === undefined && !hasMessages && fields.has('messages')) {
    ctx.warn(
      'MESSENGER_NO_MESSAGES',
      undefined,
      'The "messages" value is not an array of messages; nothing was read.',
      'Check that this is a message_N.json thread file from the "Download your information" archive, downloaded in JSON format, and not edited since.',
    );
  }

  const onMessage = start(file);
  await readThreadJson(
    input,
    {
      field: () => {},
      message: (i, value, long) => {
        const locator = `messages[${i}]`;
        const cut = cutText(value, textMember, long, verdict.repair);
        const outcome = onMessage(value, locator, cut !== undefined);
        if (cut !== undefined && isRecord(value))
          warnTextCut(ctx, locator, value, textMember, cut, verdict.repair, outcome);
      },
      tooDeep: rejectUnread(
        ctx,
        'MESSENGER_JSON_TOO_DEEP',
        `${TOO_DEEP}, which no Messenger or Instagram export writes`,
      ),
      tooMany: rejectUnread(
        ctx,
        'MESSENGER_JSON_MESSAGE_TOO_LARGE',
        `${TOO_MANY_VALUES}, which no Messenger or Instagram message is`,
      ),
      tooLarge: rejectUnread(
        ctx,
        'MESSENGER_JSON_MESSAGE_TOO_LARGE',
        `${TOO_LARGE}, which no Messenger or Instagram message is`,
      ),
      // The message the file breaks off in was begun, so it is counted: rejected, never read in part.
      messageCut: (index, where) =>
        rejectCutRecord(ctx, 'MESSENGER_JSON_RECORD_CUT_SHORT', `messages[${index}]`, where),
      messageBroken: (index, where, what) =>
        rejectBrokenRecord(ctx, 'MESSENGER_JSON_RECORD_MALFORMED', `messages[${index}]`, where, what),
    },
    (read) => ctx.progress(Math.floor((input.bytes + read) / 2)),
    undefined,
    textMember,
  );
  // A read error that pass 2 did not meet again: the messages are all read, but what pass 1 said of the file
  // (the title, whether its text is double-encoded) came from part of it, so the input still counts as read in part.
  if (stopped !== undefined && !(stopped instanceof SourceFailure)) throw stopped;
}

/** True for a plain JSON object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Earliest and latest plausible message times: a value outside is seconds, microseconds or damage, not a guess.
 * Checked here, not only by the timeline's rule for every stamped record (model/time-range.ts), so the message
 * names the field and the unit; and the floor is stricter than the timeline's 1990: nothing in a Facebook or
 * Instagram export predates Facebook (2004).
 */
export const PLAUSIBLE_MS = { min: Date.UTC(2000, 0, 1), max: STAMPED_TIMES.until } as const;

/** Reads an epoch-milliseconds field, or describes why it cannot be used. */
export function readEpochMs(value: unknown, field: string): number | string {
  if (value === undefined || value === null) return `has no ${field}`;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `has ${field} ${JSON.stringify(value)}, not a whole number of milliseconds`;
  if (value < PLAUSIBLE_MS.min || value >= PLAUSIBLE_MS.max) {
    return `has ${field} ${value}, which is not a time between 2000 and 2100 in milliseconds since 1970`;
  }
  return value;
}

/**
 * Streams one thread file through `handlers`. Decodes UTF-8 after a BOM or none (Facebook writes one in some
 * files: formats.md §3.6) and UTF-16 after its BOM (a file re-saved by Notepad). `textMember`: the scanner's
 * (json-thread.ts), the member of a message holding its text. `onBytes` gets the running
 * byte count for progress. Bytes that are no UTF-8 (Meta writes pure ASCII; a file re-saved as Windows-1252 does
 * not) become U+FFFD, and `onInvalidUtf8` gets the line of the first once the scan has read past it.
 */
export async function readThreadJson(
  input: SourceInput,
  handlers: ThreadJsonHandlers,
  onBytes?: (bytesRead: number) => void,
  onInvalidUtf8?: (line: number) => void,
  textMember?: string,
): Promise<void> {
  const scanner = new ThreadJsonScanner(handlers, textMember);
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let utf8 = false;
  const watch = new Utf8Watch('lf');
  let invalidLine: number | undefined;
  const reportInvalid = () => {
    if (invalidLine !== undefined) onInvalidUtf8?.(invalidLine);
    invalidLine = undefined;
  };
  const feed = (buf: Buffer) => {
    if (!decoder) {
      const bom = sniffBom(buf);
      if (bom) buf = buf.subarray(bom.length);
      utf8 = !bom || bom.encoding === 'utf-8';
      decoder = utf8
        ? new StringDecoder('utf8')
        : iconv().getDecoder(bom?.encoding === 'utf-16be' ? 'utf16-be' : 'utf16le');
    }
    const text = decoder.write(buf);
    if (utf8 && onInvalidUtf8) invalidLine ??= watch.check(buf, text, scanner.currentLine);
    push(text);
  };
  // A UTF-16 decoder may end a piece between the two halves of a surrogate pair; the high half waits for the
  // next piece so that the scanner (and any message it quotes) always sees whole characters.
  let carry = '';
  const push = (piece: string) => {
    const text = carry + piece;
    const last = text.charCodeAt(text.length - 1);
    const cut = last >= 0xd800 && last <= 0xdbff ? text.length - 1 : text.length;
    carry = text.slice(cut);
    if (cut > 0) scanner.push(cut === text.length ? text : text.slice(0, cut));
  };
  try {
    // The BOM is sniffed on the first bytes gathered into one head, however small the first chunks are.
    for await (const { buf, read } of headFirst(input.open() as AsyncIterable<Buffer>)) {
      feed(buf);
      onBytes?.(read);
    }
    const rest = decoder?.end() ?? '';
    if (utf8 && onInvalidUtf8) invalidLine ??= watch.end(rest, scanner.currentLine);
    push(rest);
    if (carry !== '') scanner.push(carry);
  } catch (err) {
    // Stopped part-way: bad bytes count only before the line the scan stopped on, wherever the chunks end.
    if (invalidLine !== undefined && invalidLine < scanner.currentLine) reportInvalid();
    throw err;
  }
  reportInvalid();
  scanner.end();
}

/**
 * How many values one record of a JSON export may hold, shared by every source that reads JSON. A real record
 * holds a few dozen (a message with its reactions and attachments); one of a million was made by hand or by a
 * fuzzer. Characters alone do not bound what a record costs once parsed: values with none to speak of (`{}`,
 * `[]`, `""`, `0`) each take tens of bytes as JavaScript values, so one 90 MB JSONL line of 30 million `{}`
 * took 2.8 GB and 83 s in `JSON.parse`, and was read. A record with more values is rejected at its locator
 * before it is parsed, and reading goes on.
 *
 * The streaming walker (discord-json/json-walker.ts) counts the tokens it builds against the same cap; sources
 * that hold a record's text (a JSONL line, a Meta message) count it with `ValueCounter` first.
 */
import { thousands } from '../model/format.js';

/** The most values one record may hold: each object, array, string, number, true, false and null once. */
export const MAX_RECORD_VALUES = 1_000_000;

/**
 * The most characters (bytes, for a reader of bytes) the streaming JSON readers keep of one record besides its
 * message text, which is bounded on its own (long-text.ts): 32 MiB. No message comes near it; a larger one is
 * rejected unread and reading goes on (Messenger/Instagram: meta/json-thread.ts; Telegram: telegram-json/scanner.ts).
 */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

/** For messages: "made of more than 1,000,000 values". */
export const TOO_MANY_VALUES = `made of more than ${thousands(MAX_RECORD_VALUES)} values`;

/**
 * The most characters one line of a JSONL source (signal-export's data.json, chronolog-jsonl) may have, a line
 * being one record: 8 MiB, what the Telegram and Messenger readers hold of one message's text before they read it
 * as it comes (long-text.ts HOLD_TEXT_CHARS) and the diary of one row (csv-diary/read.ts). A signal-export line is a message of a few kilobytes, a chronolog-jsonl line one
 * event of an original input; no chat app sends a message of even one megabyte. The value count above does not
 * bound a line's characters: one string of 90 MB is one value, and its line took 370 MB to read and parse (one of
 * 500 MB, 1.6 GB). A longer line is never held whole (text.ts `LineLimit`): it is rejected at its line unread, and
 * reading goes on with the next. Passing over it still holds up to the cap before it is dropped, so the cap is what
 * such a line costs: with 8 MiB, `inspect` of a data.json with a 90 MB or a 500 MB line took 86 to 100 MB against
 * 69 MB without it; with the 32 MiB the streaming JSON readers keep of one record (MAX_VALUE_CHARS in
 * discord-json/json-walker.ts and meta/json-thread.ts, MAX_RECORD_CHARS), 134 MB. The price: a record over 8 MiB
 * that an original reader kept (a Discord, X, Messenger or Telegram record up to 32 MiB besides its text; WhatsApp, SMS and iMessage texts have no cap) is
 * rejected when its anonymised copy is read.
 */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

/** For messages: "94,371,852 characters long, over 8 MiB" (a cap of whole MiB in MiB, others in characters). */
export function tooLongInWords(chars: number, maxChars: number): string {
  const cap = maxChars % 1048576 === 0 ? `${maxChars / 1048576} MiB` : `${thousands(maxChars)} characters`;
  return `${thousands(chars)} characters long, over ${cap}`;
}

/** Letters, digits, `+`, `-` and `.`: the characters of a number, `true`, `false` or `null`. */
function literalChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x2d ||
    c === 0x2b ||
    c === 0x2e
  );
}

/**
 * Counts the values of JSON text fed in pieces, without parsing it: each `{`, `[`, string and literal outside
 * strings is one, and each `:` takes one back (the string before it was a member name). For valid JSON the count
 * never runs ahead of the values the text holds, so `over` is exact; invalid text is counted by the same rule.
 */
export class ValueCounter {
  /** Values begun so far. */
  count = 0;
  private inString = false;
  private escaped = false;
  private inLiteral = false;

  /** Counts `text[from..to)`; true once the count is over `MAX_RECORD_VALUES`. */
  scan(text: string, from = 0, to = text.length): boolean {
    let { count, inString, escaped, inLiteral } = this;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
      } else if (literalChar(c)) {
        if (!inLiteral) {
          inLiteral = true;
          count++;
        }
      } else {
        inLiteral = false;
        if (c === 0x22) {
          inString = true;
          count++;
        } else if (c === 0x7b || c === 0x5b) count++;
        else if (c === 0x3a) count--;
      }
    }
    this.count = count;
    this.inString = inString;
    this.escaped = escaped;
    this.inLiteral = inLiteral;
    return this.over;
  }

  /** True when the text counted so far holds more than `MAX_RECORD_VALUES` values. */
  get over(): boolean {
    return this.count > MAX_RECORD_VALUES;
  }
}

/**
 * True when the JSON text holds more than `MAX_RECORD_VALUES` values. For sources that hold one record's text,
 * like a JSONL line: every value takes at least one character, so a shorter text is answered without a scan.
 */
export function hasTooManyValues(text: string): boolean {
  if (text.length <= MAX_RECORD_VALUES) return false;
  return new ValueCounter().scan(text);
}

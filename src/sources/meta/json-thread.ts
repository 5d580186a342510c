/**
 * A streaming reader for Meta's thread files: one top-level JSON object (`participants`, `messages`, `title`…)
 * whose `messages` array is the only part that grows. It scans the top level itself and hands each message and
 * each other top-level value to `JSON.parse` separately, so memory stays at one message and every syntax error
 * has an exact line and column (stream-json's parser reports no positions; a hand scanner + per-value
 * `JSON.parse` also measured faster, see formats.md §13).
 *
 * Truncated or invalid JSON throws `SourceFailure` after everything before it was handed on. When the file
 * ends inside a message, or a message read to its end is no valid JSON, that message was begun but never handed
 * on: `messageCut` / `messageBroken` hear of it first, so that it can be counted, and the failure's locator is
 * that message's. A syntax error between two messages (a missing comma) or an end of the file there falls in no
 * message: the failure's locator is then the array, `messages`. A value nested absurdly deep, or of more than a
 * million values (json-values.ts), or longer than MAX_VALUE_CHARS, is passed over (`tooDeep`, `tooMany`,
 * `tooLarge`) and the scan goes on; only a property name that long still stops it. A message's text
 * member (the scanner's `textMember`) that runs past HOLD_TEXT_CHARS as written is decoded as it is read, only its
 * start handed on in its place (`cuts`: json-value.ts), so a text of hundreds of megabytes is never held.
 */
import { MAX_RECORD_CHARS } from '../json-values.js';
import { SourceFailure } from '../source.js';
import { type LongTextCut, parseFailure, ValueCapture } from './json-value.js';

/** Receives the top level of a thread file in file order. */
export interface ThreadJsonHandlers {
  /** A top-level value other than the `messages` array (`title`, `participants`, `threadName`…). */
  field(key: string, value: unknown): void;
  /**
   * One element of the top-level `messages` array, 0-based. `cuts`: its text member, when it ran past
   * HOLD_TEXT_CHARS and only its start is in `value` (json-value.ts `LongTextCut`); empty for every other message.
   */
  message(index: number, value: unknown, cuts: readonly LongTextCut[]): void;
  /**
   * When set, receives each element of `messages` as its JSON text instead of `message` receiving it parsed:
   * for a pass that only needs to look at some messages. Syntax errors inside an element then go unnoticed.
   */
  messageText?(index: number, text: string, cuts: readonly LongTextCut[]): void;
  /**
   * A value nested deeper than `MAX_RECORD_DEPTH` (json-depth.ts), passed over unread: `index` for an element of
   * `messages`, else the top-level `key`. Reading goes on after it.
   */
  tooDeep(where: { index: number } | { key: string }): void;
  /**
   * A value of more than `MAX_RECORD_VALUES` values (json-values.ts), passed over unread before `JSON.parse`
   * could build it, as `tooDeep` is.
   */
  tooMany(where: { index: number } | { key: string }): void;
  /**
   * A message or top-level value of more than MAX_VALUE_CHARS characters (a long text counted as its kept start:
   * json-value.ts), passed over unread as `tooDeep` is, its text dropped as it came.
   */
  tooLarge?(where: { index: number } | { key: string }): void;
  /**
   * The file ends inside element `index` of `messages`, whose start was read: called just before the
   * MESSENGER_JSON_TRUNCATED failure is thrown. `where` is the end of the file ("line 25, column 35").
   */
  messageCut?(index: number, where: string): void;
  /**
   * Element `index` of `messages` is read to its end but is no valid JSON: called just before the
   * MESSENGER_JSON_INVALID failure is thrown. `where` is the error's place, `what` the error.
   */
  messageBroken?(index: number, where: string, what: string): void;
}

/** Hint shared by every failure of the reader. */
const HINT =
  'Extract the file again from the original "Download your information" archive (a cut download or copy truncates it); ' +
  'messages before this point were kept.';

/**
 * No single message or top-level value comes near this: a larger one is passed over (`tooLarge`), and a property
 * name so long means the file is not a thread.
 */
export const MAX_VALUE_CHARS = MAX_RECORD_CHARS;

type State =
  | 'start'
  | 'key-or-end'
  | 'key'
  | 'colon'
  | 'value'
  | 'after-value'
  | 'first-item'
  | 'item'
  | 'after-item'
  | 'done';

type Target = 'key' | 'field' | 'message';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The push-style scanner of a thread file's top level; `readThreadJson` (thread-file.ts) feeds it. */
export class ThreadJsonScanner {
  private state: State = 'start';
  private cap: ValueCapture | undefined;
  private target: Target = 'key';
  private key = '';
  private index = 0;
  private base = 0;
  private line = 1;
  private lineStart = 0;

  /** `textMember`: the member of a message that holds its text (`content`, `text`), decoded as it comes if long. */
  constructor(
    private readonly handlers: ThreadJsonHandlers,
    private readonly textMember?: string,
  ) {}

  /** The line the scan has reached (1-based; JSON's line breaks are line feeds). */
  get currentLine(): number {
    return this.line;
  }

  /** Scans the next piece of decoded text. */
  push(text: string): void {
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.cap) {
        i = this.continueCapture(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        if (c === 0x0a) this.newline(i);
        i++;
        continue;
      }
      i = this.step(c, text, i);
    }
    this.base += n;
  }

  /** Ends the input: throws when the object is not complete. */
  end(): void {
    if (this.state === 'done') return;
    const at = `line ${this.line}, column ${this.base - this.lineStart + 1}`;
    // Only a message whose first character was read is one the file ends inside; between two messages the
    // failure names the last one read, as no later one was begun.
    const cutMessage = this.cap !== undefined && this.target === 'message';
    const where =
      this.state === 'start'
        ? 'before any JSON'
        : cutMessage
          ? `inside messages[${this.index}]`
          : this.inMessages()
            ? this.index === 0
              ? 'inside the messages array, before its first message'
              : `after messages[${this.index - 1}]`
            : 'before the closing brace';
    if (cutMessage) this.handlers.messageCut?.(this.index, at);
    throw new SourceFailure(
      'MESSENGER_JSON_TRUNCATED',
      `The JSON ends early at ${at}, ${where}.`,
      this.locator(),
      HINT,
    );
  }

  /**
   * The failure's locator: the message the fault lies inside (`messages[3]`, its first character read); between
   * two messages, or before the first, the array (`messages`), as `messages[index]` was never begun and the file
   * may not hold it; elsewhere the line. A reader following the locator finds something that is in the file.
   */
  private locator(): string | number {
    if (this.cap !== undefined && this.target === 'message') return `messages[${this.index}]`;
    return this.inMessages() ? 'messages' : this.line;
  }

  private inMessages(): boolean {
    return (
      this.key === 'messages' &&
      (this.state === 'first-item' ||
        this.state === 'item' ||
        this.state === 'after-item' ||
        (this.cap !== undefined && this.target === 'message'))
    );
  }

  private newline(i: number): void {
    this.line++;
    this.lineStart = this.base + i + 1;
  }

  /** Handles one structural character at `i`; returns where scanning continues. */
  private step(c: number, text: string, i: number): number {
    switch (this.state) {
      case 'start':
        if (c === 0x7b) this.state = 'key-or-end';
        else this.fail(text, i, 'the file does not start with a JSON object ("{")');
        return i + 1;
      case 'key-or-end':
        if (c === 0x7d) this.state = 'done';
        else if (c === 0x22) return this.begin('key', text, i);
        else this.fail(text, i, 'expected a property name or "}"');
        return i + 1;
      case 'key':
        if (c === 0x22) return this.begin('key', text, i);
        else this.fail(text, i, 'expected a property name');
        return i + 1;
      case 'colon':
        if (c === 0x3a) this.state = 'value';
        else this.fail(text, i, 'expected ":" after a property name');
        return i + 1;
      case 'value':
        if (this.key === 'messages' && c === 0x5b) this.state = 'first-item';
        else return this.begin('field', text, i);
        return i + 1;
      case 'after-value':
        if (c === 0x2c) this.state = 'key';
        else if (c === 0x7d) this.state = 'done';
        else this.fail(text, i, 'expected "," or "}" after a value');
        return i + 1;
      case 'first-item':
        if (c === 0x5d) this.state = 'after-value';
        else return this.begin('message', text, i);
        return i + 1;
      case 'item':
        return this.begin('message', text, i);
      case 'after-item':
        if (c === 0x2c) this.state = 'item';
        else if (c === 0x5d) this.state = 'after-value';
        else this.fail(text, i, `expected "," or "]" after messages[${this.index - 1}]`);
        return i + 1;
      case 'done':
        this.fail(text, i, 'unexpected content after the end of the JSON object');
    }
  }

  /** Starts capturing the value whose first character is at `i`; returns where scanning continues. */
  private begin(target: Target, text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c !== 0x7b && c !== 0x5b && c !== 0x22 && !/[-0-9tfn]/.test(text[i]!))
      this.fail(text, i, 'expected a JSON value');
    this.target = target;
    this.cap = new ValueCapture(
      c,
      this.line,
      this.base + i - this.lineStart + 1,
      target === 'message' ? this.textMember : undefined,
      target === 'key' ? undefined : MAX_VALUE_CHARS,
    );
    // The first character is consumed here; the capture continues after it.
    return this.continueCapture(text, i + 1, i);
  }

  /** Scans the value being captured from `from`; returns where scanning stops. */
  private continueCapture(text: string, from: number, start = from): number {
    const cap = this.cap!;
    const end = cap.scan(text, from, start, (i) => this.newline(i));
    // A message or other value so long is passed over at its end (`tooLarge`); a property name means no thread.
    if (this.target === 'key' && cap.length > MAX_VALUE_CHARS) {
      throw new SourceFailure(
        'MESSENGER_JSON_VALUE_TOO_LARGE',
        `A property name starting at line ${cap.line}, column ${cap.column} is longer than ${MAX_VALUE_CHARS / 1048576} MiB; this is not a Messenger thread file.`,
        cap.line,
        HINT,
      );
    }
    if (end < 0) return text.length;
    this.finish();
    return end;
  }

  private finish(): void {
    const cap = this.cap!;
    this.cap = undefined;
    if (cap.tooDeep || cap.tooMany || cap.tooLarge) {
      // A key is one string with no limit of its own: the value is a message or a top-level field.
      const passOver =
        (cap.tooDeep
          ? this.handlers.tooDeep
          : cap.tooMany
            ? this.handlers.tooMany
            : this.handlers.tooLarge) ?? (() => {});
      if (this.target === 'message') {
        this.state = 'after-item';
        passOver.call(this.handlers, { index: this.index++ });
      } else {
        this.state = 'after-value';
        passOver.call(this.handlers, { key: this.key });
      }
      return;
    }
    const raw = cap.text();
    if (this.target === 'message' && this.handlers.messageText) {
      this.state = 'after-item';
      this.handlers.messageText(this.index++, raw, cap.cuts);
      return;
    }
    if (cap.bad !== undefined) {
      // A text decoded as it came (json-value.ts) holds what no JSON string may: the message is no valid JSON.
      const at = `line ${cap.line}, column ${cap.column}`;
      const what = `the "${this.textMember}" text of the message starting there holds ${cap.bad}`;
      this.handlers.messageBroken?.(this.index, at, what);
      throw new SourceFailure(
        'MESSENGER_JSON_INVALID',
        `Invalid JSON at ${at} in messages[${this.index}]: ${what}.`,
        `messages[${this.index}]`,
        HINT,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      const at = parseFailure(err as Error, raw, cap.line, cap.column);
      const inMessage = this.target === 'message';
      if (inMessage)
        this.handlers.messageBroken?.(this.index, `line ${at.line}, column ${at.column}`, at.why);
      throw new SourceFailure(
        'MESSENGER_JSON_INVALID',
        `Invalid JSON at line ${at.line}, column ${at.column}${inMessage ? ` in messages[${this.index}]` : ''}: ${at.why}.`,
        inMessage ? `messages[${this.index}]` : at.line,
        HINT,
      );
    }
    if (this.target === 'key') {
      this.key = value as string;
      this.state = 'colon';
    } else if (this.target === 'field') {
      this.state = 'after-value';
      this.handlers.field(this.key, value);
    } else {
      this.state = 'after-item';
      this.handlers.message(this.index++, value, cap.cuts);
    }
  }

  private fail(text: string, i: number, what: string): never {
    // Only the offending character is quoted: a longer excerpt would end wherever the current chunk of text
    // happens to end, and the same file must give the same message however it is read.
    const found = JSON.stringify(String.fromCodePoint(text.codePointAt(i)!));
    throw new SourceFailure(
      'MESSENGER_JSON_INVALID',
      `Invalid JSON at line ${this.line}, column ${this.base + i - this.lineStart + 1}: ${what}, found ${found}.`,
      this.locator(),
      HINT,
    );
  }
}

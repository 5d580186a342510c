/**
 * A streaming reader for Meta's thread files: one top-level JSON object (`participants`, `messages`, `title`…)
 * whose `messages` array is the only part that grows. It scans the top level itself and hands each message and
 * each other top-level value to `JSON.parse` separately, so memory stays at one message and every syntax error
 * has an exact line and column (stream-json's parser reports no positions; a hand scanner + per-value
 * `JSON.parse` also measured faster, see formats.md §13).
 *
 * Handles a UTF-8 BOM (Facebook writes one in some files: formats.md §3.6) and UTF-16 with a BOM (a file
 * re-saved by Notepad). Truncated or invalid JSON throws `SourceFailure` after everything before it was handed on.
 */
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import { SourceFailure, type SourceInput } from '../source.js';
import { sniffBom } from '../text.js';

/** Receives the top level of a thread file in file order. */
export interface ThreadJsonHandlers {
  /** A top-level value other than the `messages` array (`title`, `participants`, `threadName`…). */
  field(key: string, value: unknown): void;
  /** One element of the top-level `messages` array, 0-based. */
  message(index: number, value: unknown): void;
}

/** Hint shared by every failure of the reader. */
const HINT =
  'Extract the file again from the original "Download your information" archive (a cut download or copy truncates it); ' +
  'messages before this point were kept.';

/** No single message or top-level value comes near this; a larger one means the file is not a thread. */
export const MAX_VALUE_CHARS = 32 * 1024 * 1024;

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

interface Capture {
  readonly target: 'key' | 'field' | 'message';
  readonly parts: string[];
  length: number;
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** A bare literal (number, true, false, null) ends at the first delimiter instead of a bracket or quote. */
  readonly literal: boolean;
  readonly line: number;
  readonly column: number;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDelimiter = (c: number) => isSpace(c) || c === 0x2c || c === 0x7d || c === 0x5d;

/** The push-style scanner behind `readThreadJson`; exported for unit tests. */
export class ThreadJsonScanner {
  private state: State = 'start';
  private cap: Capture | undefined;
  private key = '';
  private index = 0;
  private base = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly handlers: ThreadJsonHandlers) {}

  /** Number of `messages` elements handed on so far. */
  get messages(): number {
    return this.index;
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
    const where =
      this.state === 'start'
        ? 'before any JSON'
        : this.inMessages()
          ? `inside messages[${this.index}]`
          : 'before the closing brace';
    throw new SourceFailure(
      'MESSENGER_JSON_TRUNCATED',
      `The JSON ends early at line ${this.line}, column ${this.base - this.lineStart + 1}, ${where}.`,
      this.inMessages() ? `messages[${this.index}]` : this.line,
      HINT,
    );
  }

  private inMessages(): boolean {
    return (
      this.key === 'messages' &&
      (this.state === 'first-item' ||
        this.state === 'item' ||
        this.state === 'after-item' ||
        this.cap?.target === 'message')
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
  private begin(target: Capture['target'], text: string, i: number): number {
    const c = text.charCodeAt(i);
    const compound = c === 0x7b || c === 0x5b;
    const literal = !compound && c !== 0x22;
    if (literal && !/[-0-9tfn]/.test(text[i]!)) this.fail(text, i, 'expected a JSON value');
    this.cap = {
      target,
      parts: [],
      length: 0,
      depth: compound ? 1 : 0,
      inString: c === 0x22,
      escaped: false,
      literal,
      line: this.line,
      column: this.base + i - this.lineStart + 1,
    };
    // The first character is consumed here; the capture continues after it.
    return this.continueCapture(text, i + 1, i);
  }

  /** Scans a captured value from `from`; returns where scanning stops. `start` is where this chunk's part begins. */
  private continueCapture(text: string, from: number, start = from): number {
    const cap = this.cap!;
    const n = text.length;
    let i = from;
    let done = false;
    if (cap.literal) {
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      done = i < n;
    } else {
      let { depth, inString, escaped } = cap;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) this.newline(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            inString = false;
            if (depth === 0) {
              i++;
              done = true;
              break;
            }
          }
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            i++;
            done = true;
            break;
          }
        }
      }
      cap.depth = depth;
      cap.inString = inString;
      cap.escaped = escaped;
    }
    cap.parts.push(text.slice(start, i));
    cap.length += i - start;
    if (cap.length > MAX_VALUE_CHARS) {
      throw new SourceFailure(
        'MESSENGER_JSON_VALUE_TOO_LARGE',
        `A single value starting at line ${cap.line}, column ${cap.column} is larger than ${MAX_VALUE_CHARS / 1048576} MiB; this is not a Messenger thread file.`,
        cap.target === 'message' ? `messages[${this.index}]` : cap.line,
        HINT,
      );
    }
    if (done) this.finish();
    return i;
  }

  private finish(): void {
    const cap = this.cap!;
    this.cap = undefined;
    const raw = cap.parts.join('');
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      this.failParse(cap, raw, err as Error);
    }
    if (cap.target === 'key') {
      this.key = value as string;
      this.state = 'colon';
    } else if (cap.target === 'field') {
      this.state = 'after-value';
      this.handlers.field(this.key, value);
    } else {
      this.state = 'after-item';
      this.handlers.message(this.index++, value);
    }
  }

  private failParse(cap: Capture, raw: string, err: Error): never {
    const pos = /at position (\d+)/.exec(err.message);
    let line = cap.line;
    let column = cap.column;
    if (pos) {
      const upTo = raw.slice(0, Number(pos[1]));
      const nl = upTo.lastIndexOf('\n');
      const lines = upTo.split('\n').length - 1;
      line += lines;
      column = nl < 0 ? column + upTo.length : upTo.length - nl;
    }
    // V8 quotes the whole value in some messages: keep the diagnosis, not a copy of hostile text.
    const why = err.message
      .replace(/,? ".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+$/, '');
    throw new SourceFailure(
      'MESSENGER_JSON_INVALID',
      `Invalid JSON at line ${line}, column ${column}${cap.target === 'message' ? ` in messages[${this.index}]` : ''}: ${why}.`,
      cap.target === 'message' ? `messages[${this.index}]` : line,
      HINT,
    );
  }

  private fail(text: string, i: number, what: string): never {
    const found = JSON.stringify(text.slice(i, i + 12));
    throw new SourceFailure(
      'MESSENGER_JSON_INVALID',
      `Invalid JSON at line ${this.line}, column ${this.base + i - this.lineStart + 1}: ${what}, found ${found}.`,
      this.inMessages() ? `messages[${this.index}]` : this.line,
      HINT,
    );
  }
}

/** Streams one thread file through `handlers`. `onBytes` receives the running byte count for progress. */
export async function readThreadJson(
  input: SourceInput,
  handlers: ThreadJsonHandlers,
  onBytes?: (bytesRead: number) => void,
): Promise<void> {
  const scanner = new ThreadJsonScanner(handlers);
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  // The BOM is sniffed on the first 3 bytes, however small the first chunks are.
  let head: Buffer | undefined = Buffer.alloc(0);
  let read = 0;
  const feed = (buf: Buffer) => {
    if (!decoder) {
      const bom = sniffBom(buf);
      if (bom) buf = buf.subarray(bom.length);
      decoder =
        bom && bom.encoding !== 'utf-8'
          ? iconv.getDecoder(bom.encoding === 'utf-16be' ? 'utf16-be' : 'utf16le')
          : new StringDecoder('utf8');
    }
    scanner.push(decoder.write(buf));
  };
  for await (const chunk of input.open()) {
    const buf = chunk as Buffer;
    read += buf.length;
    if (head) {
      head = Buffer.concat([head, buf]);
      if (head.length >= 3) {
        feed(head);
        head = undefined;
      }
    } else feed(buf);
    onBytes?.(read);
  }
  if (head) feed(head);
  const rest = decoder?.end();
  if (rest) scanner.push(rest);
  scanner.end();
}

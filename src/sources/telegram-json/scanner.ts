/**
 * A streaming structural scanner for Telegram exports. It walks the bytes once and keeps a frame only for the few
 * containers on the way to a message (root → chats/left_chats → list → chat → messages). Each message object is
 * handed to the sink as bytes plus the offsets of its own members; everything else (contacts, sessions,
 * other_data…) is skipped by the byte loops in spans.ts without being decoded.
 *
 * Why not stream-json: a token stream allocates per token; measured (formats.md §13) a scanner with per-message
 * decoding runs at about 0.7× the time of a tuned stream-json pass, and reading only the members chronolog uses
 * (tdesktop writes every text twice) goes further.
 */
import { MAX_RECORD_DEPTH } from '../json-depth.js';
import { MAX_RECORD_CHARS } from '../json-values.js';
import { HOLD_TEXT_CHARS } from '../long-text.js';
import { isTextKey, type StreamedText } from './fields.js';
import { canStreamText, TextStream } from './long-text.js';
import { decimal, LITERAL, SpanScanner, show, startsValue } from './spans.js';

/** What the export says about the chat a message belongs to. */
export interface ChatInfo {
  name?: string;
  type?: string;
  id?: string;
}

/** Where the scanner delivers what it finds. */
export interface ScanSink {
  /**
   * One object in a `messages` array: `fields[0 .. count)` as in `SpanScanner.fields`, where `buf[offset - delta]`
   * is the byte at an absolute offset; `bad` says why the object is not valid JSON at its top level. Valid only
   * during the call: the scanner reuses `fields`.
   */
  message(
    buf: Buffer,
    fields: readonly number[],
    count: number,
    delta: number,
    bad: string | undefined,
    locator: string,
    chat: ChatInfo,
    streamed: readonly StreamedText[],
  ): void;
  /**
   * Any other element of a `messages` array as JSON text, or `undefined` with the reason it was not kept (a message
   * object too large: `too-large-message`).
   */
  element(
    json: string | undefined,
    problem: 'too-deep' | 'too-large' | 'too-large-message' | undefined,
    locator: string,
  ): void;
  /**
   * A chat's `messages` array begins, and again when the chat's object ends: its `name`, `type` and `id` are
   * known by the first call in the order tdesktop writes them (before `messages`), by the second in any order.
   * Twice per chat at most, never per message.
   */
  chat(chat: ChatInfo): void;
  /** The `personal_information` object of a full-account export. */
  personal(json: string): void;
  /** A known container had an unexpected shape (e.g. `messages` is not an array); its value was skipped. */
  oddity(path: string, message: string): void;
}

/**
 * The document cannot be read past `offset` (bytes after any BOM). `record` is the locator of the element of a
 * messages array that reading stopped inside: its start was read, but it was handed to the sink in no form.
 */
export class ScanError extends Error {
  override readonly name = 'ScanError';
  constructor(
    readonly kind: 'empty' | 'truncated' | 'syntax' | 'not-object' | 'too-deep' | 'trailing',
    message: string,
    readonly offset: number,
    /**
     * The failure's locator: the value reading stopped inside, e.g. `messages[12]`; between two elements of an
     * array, the array, e.g. `messages`, as the next element was never begun (`TelegramScanner.locator`).
     */
    readonly path: string,
    readonly record?: string,
    /**
     * `path` in words for the failure's message: `inside messages[12]`; or, between two elements of an array,
     * `after messages[11]`, as the element `path` names was never begun (`TelegramScanner.placeInWords`).
     */
    readonly place = path === '' ? '' : `inside ${path}`,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACK = 0x5b;
const RBRACK = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Frame roles: only containers on the path to a message get a frame. */
enum Role {
  Root,
  Section,
  List,
  Chat,
  Messages,
}
/** What the value being scanned is for. */
enum Mode {
  Skip,
  Key,
  Scalar,
  Personal,
  /** An element of a messages array that is not an object (it will be rejected). */
  Element,
  /** An object in a messages array. */
  Message,
}
enum S {
  Start,
  ObjFirst,
  ObjKey,
  Colon,
  Value,
  ArrFirst,
  ArrValue,
  After,
  Span,
  Literal,
  Message,
  Done,
}

interface Frame {
  role: Role;
  isObj: boolean;
  key: string;
  index: number;
  path: string;
  /** `<path>[`, for the locators of a messages array's elements. */
  prefix: string;
  chat: ChatInfo;
}

/**
 * Bytes kept per kind of value: far above anything Telegram writes (a message is at most tens of KiB). A message's
 * text members (`text`, `text_entities`) are bounded on their own and left out of its count: one held whole is at
 * most HOLD_TEXT_CHARS, a longer one is read as it comes and never held (long-text.ts), so how long the text is
 * never decides whether the message is read.
 */
const CAPTURE_LIMIT: Record<Mode, number> = {
  [Mode.Skip]: 0,
  [Mode.Key]: 1024,
  [Mode.Scalar]: 64 * 1024,
  [Mode.Personal]: 1024 * 1024,
  [Mode.Element]: 8 * 1024 * 1024,
  [Mode.Message]: MAX_RECORD_CHARS,
};

/** What stands in a message's bytes for a text member read as it came. */
const NULL = Buffer.from('null', 'latin1');
const NO_STREAMED: readonly StreamedText[] = [];

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** Feed it chunks with `write`, then call `end`. Throws `ScanError` when the JSON cannot be followed. */
export class TelegramScanner {
  private state = S.Start;
  private readonly stack: Frame[] = [];
  private base = 0;
  private readonly span = new SpanScanner((kind, message, i) => this.fail(kind, message, i));
  // The value in progress: what it is for, where it started, and its bytes from earlier chunks.
  private mode = Mode.Skip;
  private field = '';
  private spanStart = 0;
  private pieces: Buffer[] = [];
  private pieceBytes = 0;
  private tooLarge = false;
  // A message's text members: its first byte's offset, the one being read as it comes (its value's start and where
  // its offsets are in the span's fields), those read so, the byte ranges they took (each replaced by `null`, which
  // moves the bytes after it back by `shift`), the bytes of those held whole, and the members looked at for them.
  private msgStart = 0;
  private long:
    | { stream: TextStream | undefined; member: 'text' | 'text_entities'; at: number; start: number }
    | undefined;
  private streamed: StreamedText[] = [];
  private removed: { start: number; end: number }[] = [];
  private shift = 0;
  /** The longest `text` and `text_entities` held whole: one of each is left out of the message's size. */
  private heldOwn = 0;
  private heldEntities = 0;
  private checked = 0;

  constructor(private readonly sink: ScanSink) {}

  /** Scans the next chunk of the file. */
  write(buf: Buffer): void {
    const n = buf.length;
    let i = 0;
    this.spanStart = 0;
    while (i < n) {
      if (this.state === S.Message || this.state === S.Span) {
        const end =
          this.state === S.Message ? this.span.object(buf, i, n, this.base) : this.span.value(buf, i, n);
        if (end === -1) {
          this.keep(buf, n);
          break;
        }
        if (end === LITERAL) this.state = S.Literal;
        else i = this.finish(buf, end);
      } else if (this.state === S.Literal) {
        let j = i;
        while (j < n) {
          const c = buf[j]!;
          if (c === COMMA || c === RBRACE || c === RBRACK || c <= 0x20) break;
          j++;
        }
        if (j === n) {
          this.keep(buf, n);
          break;
        }
        i = this.finish(buf, j);
      } else {
        const c = buf[i]!;
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
        else i = this.structural(c, i);
      }
    }
    this.base += n;
  }

  /** Call at the end of the input: throws when the document is not complete. */
  end(): void {
    if (this.state === S.Done) return;
    if (this.state === S.Start) throw new ScanError('empty', 'the file holds no JSON', this.base, '');
    throw new ScanError(
      'truncated',
      'the file ends in the middle of the JSON',
      this.base,
      this.locator(),
      this.openRecord(),
      this.placeInWords(),
    );
  }

  /** The JSON path being read, for error messages: the member inside a value, else the container. */
  where(): string {
    const top = this.stack[this.stack.length - 1];
    if (!top) return '';
    const s = this.state;
    if (s === S.ObjFirst || s === S.ObjKey || s === S.ArrFirst || s === S.After) return top.path;
    return top.isObj ? join(top.path, top.key) : `${top.path}[${top.index}]`;
  }

  /**
   * The failure's locator: `where()`, except after an array's comma, before the next element's first byte, where
   * `where()` names that element, never begun, which the file may not hold: then the array, e.g.
   * `chats.list[0].messages`, as between an element's end and the comma (`where()` in state After) and before
   * the first element (ArrFirst). A reader following the locator finds something that is in the file.
   */
  private locator(): string {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && !top.isObj && this.state === S.ArrValue) return top.path;
    return this.where();
  }

  /**
   * `where()` in words. After an array's comma, before the next element's first byte, `where()` names that
   * element, which was never begun: the words then say the fault is after the element before it, as they do
   * between an element's end and the comma.
   */
  private placeInWords(): string {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && !top.isObj) {
      if (this.state === S.ArrValue) return `after ${top.path}[${decimal(top.index - 1)}]`;
      if (this.state === S.After) return `after ${top.path}[${decimal(top.index)}]`;
    }
    const path = this.where();
    return path === '' ? '' : `inside ${path}`;
  }

  private fail(kind: ScanError['kind'], message: string, i: number): never {
    throw new ScanError(kind, message, this.base + i, this.locator(), this.openRecord(), this.placeInWords());
  }

  /**
   * The locator of the messages-array element being scanned, if any: its first byte was read and `finish` has
   * not handed it over yet. A value is scanned only between `start` and `finish`, inside no frame of its own, so
   * the top frame is the array it belongs to; once handed over the state is After, and a file that stops before
   * the next comma names no element, so no element is reported twice.
   */
  private openRecord(): string | undefined {
    const s = this.state;
    if (s !== S.Message && s !== S.Span && s !== S.Literal) return undefined;
    if (this.mode !== Mode.Message && this.mode !== Mode.Element) return undefined;
    const top = this.stack[this.stack.length - 1]!;
    return `${top.prefix}${decimal(top.index)}]`;
  }

  /** One byte outside any value: punctuation, or the first byte of a key or value. */
  private structural(c: number, i: number): number {
    const top = this.stack[this.stack.length - 1]!;
    switch (this.state) {
      case S.Start:
        if (c !== LBRACE) this.fail('not-object', 'the file does not start with a JSON object', i);
        this.push(Role.Root, true, '', {});
        return i + 1;
      case S.ObjFirst:
      case S.ObjKey:
        if (c === RBRACE && this.state === S.ObjFirst) return this.pop(i);
        if (c !== QUOTE) this.fail('syntax', `expected a key in quotes, found ${show(c)}`, i);
        this.start(Mode.Key, '', i);
        return i;
      case S.Colon:
        if (c !== COLON) this.fail('syntax', `expected ":" after the key, found ${show(c)}`, i);
        this.state = S.Value;
        return i + 1;
      case S.ArrFirst:
        if (c === RBRACK) return this.pop(i);
        return this.value(top, c, i);
      case S.Value:
      case S.ArrValue:
        return this.value(top, c, i);
      case S.After:
        if (c === COMMA) {
          if (top.isObj) this.state = S.ObjKey;
          else {
            top.index++;
            this.state = S.ArrValue;
          }
          return i + 1;
        }
        if (c === (top.isObj ? RBRACE : RBRACK)) return this.pop(i);
        return this.fail('syntax', `expected "," or "${top.isObj ? '}' : ']'}", found ${show(c)}`, i);
      default:
        return this.fail('trailing', `unexpected ${show(c)} after the end of the JSON document`, i);
    }
  }

  /** The first byte of a value inside `top`: open a frame for it, keep it, or skip it. */
  private value(top: Frame, c: number, i: number): number {
    const key = top.isObj ? top.key : '';
    let want: Role | undefined;
    let mode = Mode.Skip;
    switch (top.role) {
      case Role.Root:
        if (key === 'messages') want = Role.Messages;
        else if (key === 'chats' || key === 'left_chats') want = Role.Section;
        else if (key === 'personal_information') mode = Mode.Personal;
        else if (key === 'name' || key === 'type' || key === 'id') mode = Mode.Scalar;
        break;
      case Role.Section:
        if (key === 'list') want = Role.List;
        break;
      case Role.List:
        want = Role.Chat;
        break;
      case Role.Chat:
        if (key === 'messages') want = Role.Messages;
        else if (key === 'name' || key === 'type' || key === 'id') mode = Mode.Scalar;
        break;
      case Role.Messages:
        // A byte that begins no value begins no element either (a stray comma, a comma before "]"): refused
        // here, before the element is open, so that the failure names no element as begun.
        if (!startsValue(c)) this.fail('syntax', `expected a value, found ${show(c)}`, i);
        mode = c === LBRACE ? Mode.Message : Mode.Element;
        break;
    }
    if (want !== undefined) {
      const isObj = want !== Role.Messages && want !== Role.List;
      if (c === (isObj ? LBRACE : LBRACK)) {
        const path = top.isObj ? join(top.path, key) : `${top.path}[${top.index}]`;
        this.push(want, isObj, path, want === Role.Chat ? {} : top.chat);
        if (want === Role.Messages) this.sink.chat(top.chat);
        return i + 1;
      }
      this.sink.oddity(
        this.where(),
        `expected ${isObj ? 'an object' : 'an array'} here; this value was skipped`,
      );
    }
    this.start(mode, key, i);
    return i;
  }

  private push(role: Role, isObj: boolean, path: string, chat: ChatInfo): void {
    this.stack.push({ role, isObj, key: '', index: 0, path, prefix: `${path}[`, chat });
    this.state = isObj ? S.ObjFirst : S.ArrFirst;
  }

  private pop(i: number): number {
    const frame = this.stack.pop()!;
    // A single-chat export is a chat at the root; a full export's root has no chat fields and tells nothing.
    if (frame.role === Role.Chat || frame.role === Role.Root) this.sink.chat(frame.chat);
    this.state = this.stack.length === 0 ? S.Done : S.After;
    return i + 1;
  }

  private start(mode: Mode, field: string, i: number): void {
    this.mode = mode;
    this.field = field;
    this.spanStart = i;
    this.pieces = [];
    this.pieceBytes = 0;
    this.tooLarge = false;
    if (mode === Mode.Message) {
      this.msgStart = this.base + i;
      this.long = undefined;
      if (this.streamed.length > 0) this.streamed = [];
      if (this.removed.length > 0) this.removed = [];
      this.shift = 0;
      this.heldOwn = 0;
      this.heldEntities = 0;
      this.checked = 0;
    }
    this.span.reset();
    this.state = mode === Mode.Message ? S.Message : S.Span;
  }

  /** The chunk ends inside the value: keep its bytes when the value is wanted (up to its limit). */
  private keep(buf: Buffer, n: number): void {
    if (this.mode === Mode.Skip || this.tooLarge) return;
    if (this.mode === Mode.Message) {
      this.keepMessage(buf, n);
      return;
    }
    this.pieceBytes += n - this.spanStart;
    if (this.pieceBytes > CAPTURE_LIMIT[this.mode]) {
      this.tooLarge = true;
      this.pieces = [];
    } else this.pieces.push(buf.subarray(this.spanStart, n));
  }

  /**
   * The chunk ends inside a message: its text member being read as it comes takes its bytes; one held that runs
   * past HOLD_TEXT_CHARS starts being read so; the rest is kept, up to the message's limit besides its text.
   */
  private keepMessage(buf: Buffer, n: number): void {
    if (!this.streamLong(buf, n)) return;
    this.countText(buf);
    const f = this.span.fields;
    const fc = this.span.fieldCount;
    // The member whose value the chunk ends inside, when it is a text member: its bytes so far.
    let open = 0;
    const member = fc % 4 === 3 ? this.textKeyAt(f[fc - 3]!, f[fc - 2]!, buf) : undefined;
    if (member !== undefined) {
      open = this.base + n - f[fc - 1]!;
      if (open > HOLD_TEXT_CHARS && canStreamText()) {
        this.goLong(buf, n, member, fc - 1);
        return;
      }
      if (open > HOLD_TEXT_CHARS) open = 0;
    }
    this.pieceBytes += n - this.spanStart;
    if (this.pieceBytes - this.heldText(member, open) > MAX_RECORD_CHARS) this.dropMessage();
    else this.pieces.push(buf.subarray(this.spanStart, n));
  }

  /** The message is too large besides its text: nothing more of it is held. */
  private dropMessage(): void {
    this.tooLarge = true;
    this.pieces = [];
    this.long = undefined;
  }

  /**
   * Hands the text member being read as it comes its bytes in `buf` up to `n`, or up to its end (then closed, the
   * rest of the chunk to be kept from `spanStart`). Returns false while the chunk ends inside it.
   */
  private streamLong(buf: Buffer, n: number): boolean {
    const long = this.long;
    if (long === undefined) return true;
    const end = this.span.fieldCount > long.at + 1 ? this.span.fields[long.at + 1]! : -1;
    const to = end < 0 ? n : end - this.base;
    long.stream?.add(buf.subarray(this.spanStart, to));
    if (end < 0) return false;
    this.closeLong(end);
    this.spanStart = to;
    return true;
  }

  private closeLong(end: number): void {
    const { stream, member, at, start } = this.long!;
    this.long = undefined;
    this.streamed.push(
      stream === undefined
        ? { member, value: undefined, quoted: '', repaired: false }
        : { member, value: stream.end(), quoted: stream.quoted(), repaired: stream.repaired },
    );
    this.pieces.push(NULL);
    this.pieceBytes += NULL.length;
    this.removed.push({ start, end });
    this.shift += end - start - NULL.length;
    // Its key, value start and end are at at - 2 … at + 1: members up to it are looked at.
    this.checked = at + 2;
  }

  /** The text member `member`, whose value starts at `fields[at]`, is read as it comes from here on. */
  private goLong(buf: Buffer, n: number, member: 'text' | 'text_entities', at: number): void {
    const start = this.span.fields[at]!;
    const held = Buffer.concat([...this.pieces, buf.subarray(this.spanStart, n)]);
    const p = start - this.msgStart - this.shift;
    // tdesktop writes `text_entities` after `text`, and it is read only when `text` is missing (fields.ts): after a
    // `text` read as it comes, whatever it holds, its twin is passed over, not decoded.
    const stream =
      member === 'text_entities' && this.streamed.some((t) => t.member === 'text')
        ? undefined
        : new TextStream();
    stream?.add(held.subarray(p));
    this.pieces = [Buffer.from(held.subarray(0, p))];
    this.pieceBytes = p;
    this.long = { stream, member, at, start };
  }

  /** Adds the bytes of the text members held whole among the members read to their end since the last call. */
  private countText(buf: Buffer): void {
    const f = this.span.fields;
    const fc = this.span.fieldCount;
    let k = this.checked;
    for (; k + 3 < fc; k += 4) {
      const len = f[k + 3]! - f[k + 2]!;
      const member = this.textKeyAt(f[k]!, f[k + 1]!, buf);
      if (member === undefined || (len > HOLD_TEXT_CHARS && !canStreamText())) continue;
      if (member === 'text') this.heldOwn = Math.max(this.heldOwn, len);
      else this.heldEntities = Math.max(this.heldEntities, len);
    }
    this.checked = k;
  }

  /**
   * The bytes of the message's text left out of its size: the longest `text` and the longest `text_entities` held,
   * `open` bytes of the member the chunk ends inside counted as one of them. Only one of each: a text repeated
   * (JSON.parse reads the last) counts towards the size, else a message of many 8 MiB copies would be held whole.
   */
  private heldText(member?: 'text' | 'text_entities', open = 0): number {
    const own = member === 'text' ? Math.max(this.heldOwn, open) : this.heldOwn;
    const entities = member === 'text_entities' ? Math.max(this.heldEntities, open) : this.heldEntities;
    return own + entities;
  }

  /** `isTextKey` of the key at the absolute offsets [s, e) of the message, held or in `buf` from `spanStart`. */
  private textKeyAt(s: number, e: number, buf: Buffer): 'text' | 'text_entities' | undefined {
    if (e - s !== 6 && e - s !== 15) return undefined;
    const inBuf = this.base + this.spanStart;
    return isTextKey(
      (x) => {
        if (x >= inBuf) return buf[x - this.base]!;
        let p = x - this.msgStart - this.shift;
        for (const piece of this.pieces) {
          if (p < piece.length) return piece[p]!;
          p -= piece.length;
        }
        return -1;
      },
      s,
      e,
    );
  }

  /** The value ended at `end` (exclusive): deliver it and move on. Returns where scanning resumes. */
  private finish(buf: Buffer, end: number): number {
    const mode = this.mode;
    const top = this.stack[this.stack.length - 1]!;
    this.state = mode === Mode.Key ? S.Colon : S.After;
    if (mode === Mode.Skip) return end;
    if (mode === Mode.Message && this.long !== undefined && !this.streamLong(buf, end)) {
      // Its value never ended: the message's syntax broke (`bad`), and it is rejected unread.
      this.closeLong(this.base + end);
    }
    let tooLarge = this.tooLarge || this.pieceBytes + end - this.spanStart > CAPTURE_LIMIT[mode];
    if (tooLarge && !this.tooLarge && mode === Mode.Message) {
      // Only then are its text members counted, to be left out: an ordinary message costs nothing more.
      this.countText(buf);
      tooLarge = this.pieceBytes + end - this.spanStart > CAPTURE_LIMIT[mode] + this.heldText();
    }
    // Telegram messages nest at most ~5 deep; a kept value deeper than the limit every JSON source shares
    // (json-depth.ts) is not Telegram's and is refused.
    const tooDeep = this.span.peak > MAX_RECORD_DEPTH;
    const problem = tooDeep ? 'too-deep' : tooLarge ? 'too-large' : undefined;
    const whole =
      problem !== undefined || this.pieces.length === 0
        ? undefined
        : Buffer.concat([...this.pieces, buf.subarray(this.spanStart, end)]);
    this.pieces = [];
    if (mode === Mode.Message) {
      // Joined: one flat string, where a template literal leaves a tree of three the event would keep.
      const locator = [top.prefix, decimal(top.index), ']'].join('');
      const { fields, fieldCount, bad } = this.span;
      const streamed = this.streamed.length === 0 ? NO_STREAMED : this.streamed;
      if (problem !== undefined)
        this.sink.element(undefined, problem === 'too-large' ? 'too-large-message' : problem, locator);
      // A message within this chunk is read in place; one that began earlier, from its copy.
      else if (whole === undefined)
        this.sink.message(buf, fields, fieldCount, this.base, bad, locator, top.chat, streamed);
      else {
        if (this.removed.length > 0) this.moveBack(fields, fieldCount);
        this.sink.message(whole, fields, fieldCount, this.msgStart, bad, locator, top.chat, streamed);
      }
      return end;
    }
    const text =
      problem !== undefined
        ? undefined
        : whole === undefined
          ? buf.toString('utf8', this.spanStart, end)
          : whole.toString('utf8');
    if (mode === Mode.Key) {
      // A key too long to be one we look for, or with broken escapes, gets a placeholder: its value is skipped.
      top.key = text === undefined ? '\u0000' : keyOf(text);
    } else if (mode === Mode.Element) this.sink.element(text, problem, `${top.prefix}${top.index}]`);
    else if (text !== undefined && mode === Mode.Personal) this.sink.personal(text);
    else if (text !== undefined && mode === Mode.Scalar) this.scalar(top.chat, text);
    return end;
  }

  /** Moves the offsets after each text member read as it came back by what its bytes less `null` took. */
  private moveBack(f: number[], count: number): void {
    for (let k = 0; k < count; k++) {
      const x = f[k]!;
      let by = 0;
      for (const r of this.removed) if (r.end <= x) by += r.end - r.start - NULL.length;
      f[k] = x - by;
    }
  }

  private scalar(chat: ChatInfo, text: string): void {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      this.sink.oddity(this.where(), `${this.field} is not valid JSON: ${text.slice(0, 60)}`);
      return;
    }
    if (this.field === 'name' && typeof v === 'string') chat.name = v;
    else if (this.field === 'type' && typeof v === 'string') chat.type = v;
    else if (this.field === 'id' && (typeof v === 'string' || typeof v === 'number')) chat.id = String(v);
  }
}

function keyOf(quoted: string): string {
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return '\u0000';
  }
}

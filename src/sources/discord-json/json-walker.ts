/**
 * The state machine behind `walkJson` (json-walk.ts): it follows stream-json's tokens, keeps a frame only for the
 * containers the caller descends into, assembles the values it asks for and counts past everything else.
 * Our own assembler rather than stream-json's: it caps a value's size and depth, passes over members nobody reads,
 * copies strings out of the tokenizer's chunks, and never lets a `__proto__` key set a prototype.
 *
 * Keys, strings and numbers arrive in pieces (stream-json's `stringChunk` and `numberChunk` tokens: one that lies
 * in one chunk of text whole, a longer one 256 characters at a time), never packed whole: a packed string is built
 * by the tokenizer before anyone can look at it, so one 300 MB message text took 807 MB (Discord) and 1.1 GB (X)
 * only to be refused as too large. Here a piece is kept only while the value it belongs to is under its cap: a
 * message's text (`WalkOptions.text`) keeps its first MAX_TEXT_BYTES and counts the rest (`TextCut`), any other
 * value is dropped the moment it runs past MAX_VALUE_CHARS.
 */
import type { Token } from 'stream-json/parser.js';
import { MAX_RECORD_DEPTH } from '../json-depth.js';
import { MAX_RECORD_VALUES, TOO_MANY_VALUES } from '../json-values.js';
import { CappedText, MAX_TEXT_BYTES } from '../long-text.js';

/** One step of a JSON path: a member name or an array index. */
export type PathItem = string | number;
/** What to do with a value: walk into it, hand it over whole, or pass over it. */
export type Plan = 'descend' | 'collect' | 'skip';
/** Why a collected value was not kept. */
export type DropReason = 'too-large' | 'too-many' | 'too-deep';
/** The shape of a value, known from its first token. */
export type ValueKind = 'object' | 'array' | 'scalar';

/**
 * A message text inside a collected value (a string member named in `WalkOptions.text`) that ran past
 * MAX_TEXT_BYTES of UTF-8: the value holds its first `kept` bytes, cut before a whole character; `total` is its
 * full length. `at`: where it sits inside the collected value, e.g. `['content']`.
 */
export interface TextCut {
  readonly at: readonly PathItem[];
  readonly kept: number;
  readonly total: number;
}

/** What the walk reports. Paths are reused arrays: copy one to keep it. */
export interface WalkHandlers {
  /**
   * Decides about the root and about every member or element of a container the caller descended into. After a
   * syntax error the file is walked again up to the fault, so this may be asked twice about a path: keep it free
   * of side effects (deliveries are never repeated).
   */
  plan(path: readonly PathItem[], kind: ValueKind): Plan;
  /**
   * A collected value, whole (a scalar once the token after it was read), but for the message texts in it that ran
   * past MAX_TEXT_BYTES: `cuts` names them, in document order (absent when none was cut).
   */
  value(path: readonly PathItem[], value: unknown, cuts?: readonly TextCut[]): void;
  /**
   * A collected value that was too large (`MAX_VALUE_CHARS`), of too many values (`MAX_VALUE_ITEMS`) or too deeply
   * nested to keep; the walk passed over the rest of it.
   */
  dropped(path: readonly PathItem[], why: DropReason): void;
  /** A container the caller descended into has closed. */
  close?(path: readonly PathItem[]): void;
}

/** No single record comes near this; a larger one is refused rather than held in memory. */
export const MAX_VALUE_CHARS = 32 * 1024 * 1024;

/**
 * No single record holds this many values (objects, arrays, strings, numbers…) either; a record with more is refused
 * like one too large. The characters alone do not bound a record: values with none (`{}`, `[]`, `""`, `0`) count
 * nothing towards `MAX_VALUE_CHARS`, and a Discord message of 33 million empty objects (`"reactions": [{},{},…]`,
 * 99 MB) was built whole, 4.9 GB and 53 s. A million values take some 60 MB at most. The cap every JSON source
 * shares (../json-values.ts).
 */
export const MAX_VALUE_ITEMS = MAX_RECORD_VALUES;

/** Why a collected value was dropped, in words for its rejection: `larger than 32 MiB`. */
export function droppedInWords(why: DropReason): string {
  if (why === 'too-deep') return 'nested too deeply';
  if (why === 'too-many') return TOO_MANY_VALUES;
  return `larger than ${MAX_VALUE_CHARS / 1048576} MiB`;
}

/** `messages[3]`, `[0].dmConversation.messages[2]`. */
export function formatPath(path: readonly PathItem[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

/**
 * The most characters of a key kept outside collected values (a key of the document's frame, such as a top-level
 * member name): longer than any name a reader looks for, so a longer key is kept as its first KEY_CHARS characters
 * and `…`, matching no name, and named so in locators.
 */
export const KEY_CHARS = 1024;

/** A key, string or number being put together from its pieces. */
class Pieces {
  private readonly parts: string[] = [];
  /** Characters seen, kept or not. */
  chars = 0;
  /** A message text: its first MAX_TEXT_BYTES kept, the rest counted. */
  readonly capped: CappedText | undefined;

  constructor(
    capped: boolean,
    /** Characters kept at most; past them the rest is only counted. */
    private readonly keep = Number.POSITIVE_INFINITY,
  ) {
    this.capped = capped ? new CappedText(MAX_TEXT_BYTES) : undefined;
  }

  add(piece: string): void {
    const room = this.keep - this.chars;
    this.chars += piece.length;
    if (this.capped) this.capped.add(piece);
    else if (room > 0) this.parts.push(piece.length <= room ? piece : piece.slice(0, room));
  }

  text(): string {
    const parts = this.capped ? [this.capped.text()] : this.parts;
    if (parts.length === 0) return '';
    return parts.length === 1 ? own(parts[0]!) : parts.join('');
  }
}

interface Frame {
  readonly isArray: boolean;
  index: number;
  key: string | undefined;
}

/** The state machine over tokens. */
export class Walker {
  private readonly path: PathItem[] = [];
  private readonly frames: Frame[] = [];
  /** Open containers still to pass over (a skipped or dropped value). */
  private skipDepth = 0;
  /** The value being assembled: open containers, innermost last, and the pending key of each object. */
  private col: (Record<string, unknown> | unknown[])[] | undefined;
  private colKeys: (string | undefined)[] = [];
  private colSize = 0;
  /** Values in the collected value, itself counted (`MAX_VALUE_ITEMS`). */
  private colItems = 0;
  /** Message texts of the collected value cut at MAX_TEXT_BYTES. */
  private colCuts: TextCut[] | undefined;
  /** Inside a collected value: open containers of an ignored member still to pass over, or its value is next. */
  private inner = 0;
  private ignoreNext = false;
  /** Inside a collected value: the key, string or number of an ignored member, passed over to its end. */
  private skipScalar = false;
  /** The key, string or number being put together (undefined: none, or one passed over). */
  private pieces: Pieces | undefined;
  /**
   * Outside any collected value, a string or number begun (its first token read, its last not): its path item is
   * pushed and it is placed like a held scalar (`held`), as the walk placed it when a string came in one token
   * at its end: the same words at any chunk size. `scalarCollect`: whether it is collected.
   */
  private inScalar = false;
  private scalarCollect = false;
  /**
   * A scalar outside any collected value waits here, its path item still pushed, until the next token settles it.
   * stream-json knows where a number (or `true`, `false`, `null`) ends only from the characters after it, and
   * whether it has reported one that sits right before a syntax error or the cut end of a file depends on where
   * the chunks of text happened to end: `0 {` read whole reports the `0`, read a byte at a time it does not.
   * Settling a scalar only when the tokenizer has read on past it (a later token means the text between them was
   * valid) makes that tail the same at any chunk size: a scalar is handed over once it is known complete, never
   * when a fault follows it. Containers need no such wait: their closing bracket is reported the moment it is
   * read, so a record closed before a fault is always kept.
   */
  private held = false;
  private heldCollect = false;
  private heldValue: unknown;
  /** The held scalar ran past MAX_VALUE_CHARS: it is reported dropped, not handed over. */
  private heldTooLarge = false;
  /** True once the document's first token was seen. */
  started = false;

  constructor(
    private readonly h: WalkHandlers,
    private readonly ignore: ReadonlySet<string> | undefined,
    /** Member names whose string values inside a collected value are message texts, kept to MAX_TEXT_BYTES. */
    private readonly text: ReadonlySet<string> | undefined = undefined,
  ) {}

  /** A scalar is held or begun outside any collected value: its path item is pushed. */
  private get scalarOpen(): boolean {
    return this.held || this.inScalar;
  }

  /**
   * `where()` in words. Between two items of an array (the last one closed, the next one not begun), `where()`
   * names the next item, which the file may not hold: then the words say the fault is `after` the last item
   * closed, or, before any, `inside` the array. The same words are used while a scalar item is held (`held`):
   * whether stream-json has reported it by the fault depends on where the chunks of text end, and the words must
   * not. "After" the last item closed is true either way.
   */
  placeInWords(): string {
    const top = this.frames[this.frames.length - 1];
    if (this.col || this.skipDepth > 0 || !top?.isArray) {
      const path = this.where();
      return path === '' ? '' : `inside ${path}`;
    }
    const array = this.scalarOpen ? this.path.slice(0, -1) : this.path;
    if (top.index > 0) return `after ${formatPath([...array, top.index - 1])}`;
    return `inside ${array.length === 0 ? 'the top-level array' : formatPath(array)}`;
  }

  /**
   * The failure's locator: `where()`, except between two items of an array (the last one closed, the next one not
   * begun, or a scalar item held: see `placeInWords`), where it is the array, e.g. `messages`: `where()` names the
   * next item, which the file does not hold, and a reader following the locator would look for a record that is
   * not there. The top-level array has no path: `''`, for which the callers give the line.
   */
  locator(): string {
    const top = this.frames[this.frames.length - 1];
    if (this.col || this.skipDepth > 0 || !top?.isArray) return this.where();
    return formatPath(this.scalarOpen ? this.path.slice(0, -1) : this.path);
  }

  /** Where the walk is, for error messages. */
  where(): string {
    if (this.scalarOpen) return formatPath(this.path);
    const top = this.frames[this.frames.length - 1];
    if (this.col || this.skipDepth > 0 || !top) return formatPath(this.path);
    const item = top.isArray ? top.index : top.key;
    return formatPath(item === undefined ? this.path : [...this.path, item]);
  }

  token(t: Token): void {
    this.started = true;
    if (this.held) this.settle();
    if (this.skipDepth > 0) {
      if (t.name === 'startObject' || t.name === 'startArray') this.skipDepth++;
      else if ((t.name === 'endObject' || t.name === 'endArray') && --this.skipDepth === 0) this.done();
      return;
    }
    if (this.col) {
      this.collect(t);
      return;
    }
    switch (t.name) {
      case 'startKey':
        this.pieces = new Pieces(false, KEY_CHARS);
        return;
      case 'endKey': {
        const p = this.pieces!;
        this.pieces = undefined;
        this.frames[this.frames.length - 1]!.key = p.chars > KEY_CHARS ? `${p.text()}…` : p.text();
        return;
      }
      case 'stringChunk':
      case 'numberChunk':
        this.pieces?.add(t.value);
        return;
      case 'endString':
      case 'endNumber':
        this.endScalar(t.name === 'endNumber');
        return;
      case 'endObject':
      case 'endArray':
        this.h.close?.(this.path);
        this.frames.pop();
        this.done();
        return;
      case 'startObject':
      case 'startArray':
        this.begin(t, t.name === 'startObject' ? 'object' : 'array');
        return;
      default:
        this.begin(t, 'scalar');
    }
  }

  /** The first token of a value outside any collected one. */
  private begin(t: Token, kind: ValueKind): void {
    const top = this.frames[this.frames.length - 1];
    if (top) this.path.push(top.isArray ? top.index : (top.key ?? ''));
    const plan = this.h.plan(this.path, kind);
    if (kind === 'scalar') {
      if (t.name === 'startString' || t.name === 'startNumber') {
        // Put together from its pieces, up to MAX_VALUE_CHARS (one character more tells it ran past them).
        this.inScalar = true;
        this.scalarCollect = plan === 'collect';
        this.pieces = this.scalarCollect ? new Pieces(false, MAX_VALUE_CHARS + 1) : undefined;
        return;
      }
      this.held = true;
      this.heldCollect = plan === 'collect';
      this.heldTooLarge = false;
      this.heldValue = this.heldCollect ? literal(t) : undefined;
    } else if (plan === 'descend') {
      this.frames.push({ isArray: kind === 'array', index: 0, key: undefined });
    } else if (plan === 'collect') {
      this.col = [kind === 'array' ? [] : {}];
      this.colKeys = [undefined];
      this.colSize = 0;
      this.colItems = 1;
      this.colCuts = undefined;
    } else this.skipDepth = 1;
  }

  /** The last token of a string or number outside any collected value: it is held like any scalar. */
  private endScalar(isNumber: boolean): void {
    const p = this.pieces;
    this.pieces = undefined;
    this.inScalar = false;
    this.held = true;
    this.heldCollect = this.scalarCollect;
    this.heldTooLarge = p !== undefined && p.chars > MAX_VALUE_CHARS;
    this.heldValue =
      p === undefined || this.heldTooLarge ? undefined : isNumber ? numberOf(p.text()) : p.text();
  }

  /**
   * The path of the object or array being collected when the walk stopped: its opening bracket was read, its
   * closing one not, and it was not dropped (a dropped value was already reported). Undefined between values and
   * for a scalar: stream-json reports a scalar's token only once it has read past it, at a point that depends on
   * where chunks end, so whether a scalar was begun is not known the same way at every chunk size. An opening
   * bracket is reported the moment it is read, so this answer never depends on chunking.
   */
  openValue(): PathItem[] | undefined {
    return this.col ? [...this.path] : undefined;
  }

  /** The document ended where it should: a scalar still held (a scalar root) is complete. */
  finish(): void {
    if (this.held) this.settle();
  }

  /** The token after a held scalar arrived: the scalar is complete. */
  private settle(): void {
    this.held = false;
    if (this.heldCollect) {
      if (this.heldTooLarge) this.h.dropped(this.path, 'too-large');
      else this.h.value(this.path, this.heldValue);
    }
    this.heldValue = undefined;
    this.done();
  }

  /** A value (scalar, skipped, collected or descended) has ended: step past it in its parent. */
  private done(): void {
    const top = this.frames[this.frames.length - 1];
    if (!top) return;
    this.path.pop();
    if (top.isArray) top.index++;
  }

  private collect(t: Token): void {
    if (this.skipScalar) {
      if (t.name === 'endString' || t.name === 'endNumber') this.skipScalar = false;
      return;
    }
    const start = t.name === 'startObject' || t.name === 'startArray';
    if (this.inner > 0) {
      if (start) this.inner++;
      else if (t.name === 'endObject' || t.name === 'endArray') this.inner--;
      return;
    }
    if (this.ignoreNext) {
      this.ignoreNext = false;
      if (start) this.inner = 1;
      else if (t.name === 'startString' || t.name === 'startNumber') this.skipScalar = true;
      return;
    }
    const col = this.col!;
    const depth = col.length - 1;
    if (
      (start ||
        t.name === 'startString' ||
        t.name === 'startNumber' ||
        t.name === 'trueValue' ||
        t.name === 'falseValue' ||
        t.name === 'nullValue') &&
      ++this.colItems > MAX_VALUE_ITEMS
    ) {
      // An opening bracket's container is open in the text, though not yet on `col`.
      this.drop('too-many', col.length + (start ? 1 : 0));
      return;
    }
    switch (t.name) {
      case 'startObject':
      case 'startArray':
        // The limit shared by every JSON source (json-depth.ts); it also bounds this assembler's stack.
        if (col.length >= MAX_RECORD_DEPTH) {
          this.drop('too-deep', col.length + 1);
          return;
        }
        col.push(t.name === 'startObject' ? {} : []);
        this.colKeys.push(undefined);
        return;
      case 'endObject':
      case 'endArray': {
        const v = col.pop()!;
        this.colKeys.pop();
        if (depth === 0) {
          const cuts = this.colCuts;
          this.col = undefined;
          this.colCuts = undefined;
          this.h.value(this.path, v, cuts);
          this.done();
        } else this.add(v);
        return;
      }
      case 'startKey':
        this.pieces = new Pieces(false);
        return;
      case 'startString': {
        const key = Array.isArray(col[depth]) ? undefined : this.colKeys[depth];
        this.pieces = new Pieces(key !== undefined && this.text?.has(key) === true);
        return;
      }
      case 'startNumber':
        this.pieces = new Pieces(false);
        return;
      case 'stringChunk':
      case 'numberChunk': {
        const p = this.pieces!;
        p.add(t.value);
        // A message text holds at most MAX_TEXT_BYTES, counted when it ends; anything else counts as it comes.
        if (!p.capped) this.colSize += t.value.length;
        break;
      }
      case 'endKey': {
        const p = this.pieces!;
        this.pieces = undefined;
        const key = p.text();
        if (this.ignore?.has(key)) {
          // A member nobody reads counts nothing towards MAX_VALUE_CHARS, its name included.
          this.colSize -= p.chars;
          this.ignoreNext = true;
          return;
        }
        this.colKeys[depth] = key;
        return;
      }
      case 'endString': {
        const p = this.pieces!;
        this.pieces = undefined;
        const s = p.text();
        if (p.capped) {
          this.colSize += s.length;
          if (p.capped.dropped > 0) this.noteCut(p.capped);
        }
        this.add(s);
        break;
      }
      case 'endNumber':
        this.add(numberOf(this.pieces!.text()));
        this.pieces = undefined;
        break;
      default:
        this.add(literal(t));
    }
    if (this.colSize > MAX_VALUE_CHARS) this.drop('too-large', col.length);
  }

  /** Notes a message text cut at MAX_TEXT_BYTES, at its place inside the collected value. */
  private noteCut(text: CappedText): void {
    const col = this.col!;
    const at: PathItem[] = [];
    for (let d = 0; d < col.length; d++) {
      const c = col[d]!;
      at.push(Array.isArray(c) ? c.length : this.colKeys[d]!);
    }
    const cut = { at, kept: text.kept, total: text.kept + text.dropped };
    if (this.colCuts) this.colCuts.push(cut);
    else this.colCuts = [cut];
  }

  private add(v: unknown): void {
    const col = this.col!;
    const depth = col.length - 1;
    const into = col[depth]!;
    if (Array.isArray(into)) into.push(v);
    else {
      const key = this.colKeys[depth]!;
      // An own property, like JSON.parse makes: assignment would set the prototype instead.
      if (key === '__proto__')
        Object.defineProperty(into, key, { value: v, enumerable: true, writable: true });
      else into[key] = v;
    }
  }

  private drop(why: DropReason, open: number): void {
    this.col = undefined;
    this.colKeys = [];
    this.colCuts = undefined;
    this.pieces = undefined;
    this.h.dropped(this.path, why);
    this.skipDepth = open;
  }
}

/**
 * A copy of a string that holds only its own characters. The tokenizer cuts values out of its chunk of text, and
 * V8 keeps such a slice pointing into the whole chunk: kept in events, slices would keep the file in memory.
 */
function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** A number's value from its text. Integers beyond 2^53 stay strings so ids keep every digit. */
function numberOf(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) || !/^-?\d+$/.test(text) ? n : text;
}

/** The value of a `true`, `false` or `null` token. */
function literal(t: Token): unknown {
  switch (t.name) {
    case 'nullValue':
      return null;
    case 'trueValue':
      return true;
    case 'falseValue':
      return false;
    default:
      return undefined;
  }
}

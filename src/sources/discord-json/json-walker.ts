/**
 * The state machine behind `walkJson` (json-walk.ts): it follows stream-json's tokens, keeps a frame only for the
 * containers the caller descends into, assembles the values it asks for and counts past everything else.
 * Our own assembler rather than stream-json's: it caps a value's size and depth, passes over members nobody reads,
 * copies strings out of the tokenizer's chunks, and never lets a `__proto__` key set a prototype.
 */
import type { Token } from 'stream-json/parser.js';
import { MAX_RECORD_DEPTH } from '../json-depth.js';
import { MAX_RECORD_VALUES, TOO_MANY_VALUES } from '../json-values.js';

/** One step of a JSON path: a member name or an array index. */
export type PathItem = string | number;
/** What to do with a value: walk into it, hand it over whole, or pass over it. */
export type Plan = 'descend' | 'collect' | 'skip';
/** Why a collected value was not kept. */
export type DropReason = 'too-large' | 'too-many' | 'too-deep';
/** The shape of a value, known from its first token. */
export type ValueKind = 'object' | 'array' | 'scalar';

/** What the walk reports. Paths are reused arrays: copy one to keep it. */
export interface WalkHandlers {
  /**
   * Decides about the root and about every member or element of a container the caller descended into. After a
   * syntax error the file is walked again up to the fault, so this may be asked twice about a path: keep it free
   * of side effects (deliveries are never repeated).
   */
  plan(path: readonly PathItem[], kind: ValueKind): Plan;
  /** A collected value, whole (a scalar once the token after it was read). */
  value(path: readonly PathItem[], value: unknown): void;
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
  /** Inside a collected value: open containers of an ignored member still to pass over, or its value is next. */
  private inner = 0;
  private ignoreNext = false;
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
  /** True once the document's first token was seen. */
  started = false;

  constructor(
    private readonly h: WalkHandlers,
    private readonly ignore: ReadonlySet<string> | undefined,
  ) {}

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
    const array = this.held ? this.path.slice(0, -1) : this.path;
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
    return formatPath(this.held ? this.path.slice(0, -1) : this.path);
  }

  /** Where the walk is, for error messages. */
  where(): string {
    if (this.held) return formatPath(this.path);
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
      case 'keyValue':
        this.frames[this.frames.length - 1]!.key = t.value;
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
      this.held = true;
      this.heldCollect = plan === 'collect';
      this.heldValue = this.heldCollect ? scalar(t) : undefined;
    } else if (plan === 'descend') {
      this.frames.push({ isArray: kind === 'array', index: 0, key: undefined });
    } else if (plan === 'collect') {
      this.col = [kind === 'array' ? [] : {}];
      this.colKeys = [undefined];
      this.colSize = 0;
      this.colItems = 1;
    } else this.skipDepth = 1;
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
    if (this.heldCollect) this.h.value(this.path, this.heldValue);
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
    const start = t.name === 'startObject' || t.name === 'startArray';
    if (this.inner > 0) {
      if (start) this.inner++;
      else if (t.name === 'endObject' || t.name === 'endArray') this.inner--;
      return;
    }
    if (this.ignoreNext) {
      this.ignoreNext = false;
      if (start) this.inner = 1;
      return;
    }
    const col = this.col!;
    const depth = col.length - 1;
    if (
      t.name !== 'endObject' &&
      t.name !== 'endArray' &&
      t.name !== 'keyValue' &&
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
          this.col = undefined;
          this.h.value(this.path, v);
          this.done();
        } else this.add(v);
        return;
      }
      case 'keyValue':
        if (this.ignore?.has(t.value)) {
          this.ignoreNext = true;
          return;
        }
        this.colKeys[depth] = t.value;
        this.colSize += t.value.length;
        break;
      case 'stringValue':
        this.colSize += t.value.length;
        this.add(own(t.value));
        break;
      default:
        this.add(scalar(t));
    }
    if (this.colSize > MAX_VALUE_CHARS) this.drop('too-large', col.length);
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

/** A scalar token's value. Integers beyond 2^53 stay strings so ids keep every digit. */
function scalar(t: Token): unknown {
  switch (t.name) {
    case 'stringValue':
      return own(t.value);
    case 'numberValue': {
      const n = Number(t.value);
      return Number.isSafeInteger(n) || !/^-?\d+$/.test(t.value) ? n : t.value;
    }
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

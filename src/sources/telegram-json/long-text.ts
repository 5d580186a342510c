/**
 * A Telegram message's `text` (or `text_entities`) of more than HOLD_TEXT_CHARS as written (long-text.ts): decoded
 * as it comes, never held whole. The value is a string, or an array of strings and `{type, text}` entities, and its
 * visible text is what `flatten` (values.ts) makes of it: the strings and each entity's `text`, joined. Of that,
 * the first MAX_TEXT_BYTES are kept (CappedText, cut before a whole character as `cutString` cuts the whole text)
 * and the rest only counted, so the result is the one a value held whole and cut gives (`LongText`).
 *
 * stream-json's tokenizer reads the value (it is valid JSON only if the tokenizer says so, as `JSON.parse` would
 * say of it held whole); tdesktop's `\xHH` escapes of control characters, which are no JSON, are read as `\u00HH`
 * first, as fields.ts reads them. The tokenizer is loaded before a file large enough to hold such a text is read
 * (`loadTextTokenizer`), so that a run without one never spends the time.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Token } from 'stream-json/parser.js';
import { CappedText, MAX_TEXT_BYTES, wholeCharacters } from '../long-text.js';

type Tokenizer = (text: string | symbol) => unknown;
const NONE = Symbol.for('object-stream.none');
const MANY = Symbol.for('object-stream.many');

let makeTokenizer: (() => Tokenizer) | undefined;

/** Loads stream-json's tokenizer (once per process), for `TextStream`. */
export async function loadTextTokenizer(): Promise<void> {
  if (makeTokenizer !== undefined) return;
  const { jsonParser } = await import('stream-json/parser.js');
  makeTokenizer = () => jsonParser({ packValues: false }) as unknown as Tokenizer;
}

/** Whether a `TextStream` can be made (the tokenizer is loaded). */
export const canStreamText = (): boolean => makeTokenizer !== undefined;

/**
 * A message's text read as it came, or cut after it was read whole: `text` is its first MAX_TEXT_BYTES of UTF-8
 * (before a whole character), `total` the bytes of the whole text (`flatten`'s, as UTF-8).
 */
export class LongText {
  constructor(
    readonly text: string,
    readonly total: number,
  ) {}
}

/** A text put together piece by piece into a CappedText, a high surrogate at a piece's end held for the next. */
class Collector {
  readonly capped = new CappedText(MAX_TEXT_BYTES);
  private high = '';

  add(piece: string): void {
    const { text, held } = wholeCharacters(this.high, piece);
    this.high = held;
    this.capped.add(text);
  }

  /** Adds what an entity's text kept and counts what it left out. */
  addKept(other: Collector): void {
    other.flush();
    this.add(other.capped.text());
    if (other.capped.dropped > 0) {
      this.flush();
      this.capped.skip(other.capped.dropped);
    }
  }

  flush(): void {
    if (this.high === '') return;
    this.capped.add(this.high);
    this.high = '';
  }
}

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** The value's root: not begun, a string, an array, anything else (an object, a number…: no text). */
enum Root {
  None,
  String,
  Array,
  Other,
}

/** Reads one `text` value from its bytes as written, in pieces that may end anywhere. */
export class TextStream {
  private readonly tokenize = makeTokenizer!();
  private readonly utf8 = new StringDecoder('utf8');
  /** The start of an escape the last piece ended inside, completed by the next. */
  private carry = '';
  private readonly main = new Collector();
  private root = Root.None;
  private depth = 0;
  /** Inside an object that is an element of the root array (an entity), and its `text` so far (the last wins). */
  private inEntity = false;
  private entity: Collector | undefined;
  private key: string | undefined;
  /** The next value is an entity's `text`. */
  private entityText = false;
  /** Where the string being read goes. */
  private target: Collector | undefined;
  /** A `\xHH` escape was read as `\u00HH`. */
  repaired = false;
  /** Why the value is no JSON, once it is known not to be. */
  bad: string | undefined;
  /** Its first bytes as written (white space before it left out), to quote it if it is no JSON. */
  private head = Buffer.alloc(0);

  /** The next bytes of the value as written. */
  add(bytes: Buffer): void {
    if (this.bad !== undefined || bytes.length === 0) return;
    if (this.head.length < 64) {
      let i = 0;
      if (this.head.length === 0) while (i < bytes.length && bytes[i]! <= 0x20) i++;
      this.head = Buffer.concat([this.head, bytes.subarray(i, i + 64 - this.head.length)]);
    }
    this.feed(this.repair(this.utf8.write(bytes)));
  }

  /** The value as written, quoted by its first 60 bytes (for the message of a value that is no JSON). */
  quoted(): string {
    return `${this.head.toString('utf8', 0, 60)}…`;
  }

  /**
   * The text (of a string or an array, the value `flatten` reads: `total` 0 when it holds none), `undefined` for
   * any other value, or the reason it is no JSON.
   */
  end(): LongText | undefined | { bad: string } {
    if (this.bad === undefined) {
      const rest = this.carry + this.utf8.end();
      this.carry = '';
      if (rest !== '') this.feed(rest);
      this.feed(NONE);
    }
    if (this.bad !== undefined) return { bad: this.bad };
    if (this.root !== Root.String && this.root !== Root.Array) return undefined;
    this.main.flush();
    const { capped } = this.main;
    return new LongText(capped.text(), capped.kept + capped.dropped);
  }

  /** `piece` with tdesktop's `\xHH` escapes written `\u00HH`; an escape it ends inside is kept for the next. */
  private repair(piece: string): string {
    let text = this.carry === '' ? piece : this.carry + piece;
    this.carry = '';
    let i = text.indexOf('\\');
    if (i < 0) return text;
    let out = '';
    let from = 0;
    while (i >= 0) {
      const x = i + 1 < text.length && text.charCodeAt(i + 1) === 0x78;
      if (i + 1 >= text.length || (x && i + 3 >= text.length)) {
        this.carry = text.slice(i);
        text = text.slice(0, i);
        break;
      }
      if (x && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3))) {
        out += `${text.slice(from, i)}\\u00${text.slice(i + 2, i + 4)}`;
        from = i + 4;
        this.repaired = true;
        i = text.indexOf('\\', from);
        continue;
      }
      i = text.indexOf('\\', i + 2);
    }
    return from === 0 ? text : out + text.slice(from);
  }

  private feed(text: string | symbol): void {
    if (this.bad !== undefined || text === '') return;
    try {
      const out = this.tokenize(text) as { [MANY]?: 1; values?: Token[] } | Token | symbol;
      if (out === NONE) return;
      if (typeof out === 'object' && (out as { [MANY]?: 1 })[MANY] === 1) {
        for (const t of (out as { values: Token[] }).values) this.token(t);
      } else this.token(out as Token);
    } catch (err) {
      this.bad = err instanceof Error ? err.message.replace(/^Parser /, '') : 'not valid JSON';
    }
  }

  private token(t: Token): void {
    switch (t.name) {
      case 'startObject':
      case 'startArray': {
        const d = this.depth++;
        this.entityText = false;
        if (d === 0) this.root = t.name === 'startArray' ? Root.Array : Root.Other;
        else if (d === 1 && this.root === Root.Array && t.name === 'startObject') {
          this.inEntity = true;
          this.entity = undefined;
        }
        return;
      }
      case 'endObject':
      case 'endArray':
        if (--this.depth === 1 && this.inEntity) {
          this.inEntity = false;
          if (this.entity !== undefined) this.main.addKept(this.entity);
          this.entity = undefined;
        }
        return;
      case 'startKey':
        this.key = '';
        return;
      case 'endKey':
        this.entityText = this.inEntity && this.depth === 2 && this.key === 'text';
        // A repeated "text" stands for the one before it, as in JSON.parse.
        if (this.entityText) this.entity = undefined;
        this.key = undefined;
        return;
      case 'startString':
        if (this.depth === 0) {
          this.root = Root.String;
          this.target = this.main;
        } else if (this.depth === 1 && this.root === Root.Array) this.target = this.main;
        else if (this.entityText) {
          this.entity = new Collector();
          this.target = this.entity;
        }
        this.entityText = false;
        return;
      case 'stringChunk':
        if (this.key !== undefined) {
          if (this.key.length <= 8) this.key += t.value;
        } else this.target?.add(t.value);
        return;
      case 'endString':
        this.target = undefined;
        return;
      default:
        // A number or a literal: no text, and at the root no text value.
        if (this.depth === 0 && this.root === Root.None) this.root = Root.Other;
        if (t.name !== 'numberChunk') this.entityText = false;
    }
  }
}

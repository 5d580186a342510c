/**
 * A streaming walk over one JSON document for exports whose records sit in one or two nested arrays
 * (DiscordChatExporter's `messages`, the Twitter archive's `[i].dmConversation.messages`). stream-json's tokenizer
 * does the lexing (json-walker.ts follows the tokens, json-text.ts prepares the text), so memory stays at one
 * record however large the file.
 *
 * Why not the Telegram or Meta scanners: both hard-wire their format's paths and problem codes. stream-json reports
 * no positions, and a failing tokenizer call loses the tokens it had found in its chunk, so after a syntax error
 * the text is read again up to the fault (see `recover`).
 */
import { jsonParser, type Token } from 'stream-json/parser.js';
import type { SourceInput } from '../source.js';
import { prepared, type TextOptions } from './json-text.js';
import { Walker, type WalkHandlers } from './json-walker.js';

export { decodedText } from './json-text.js';
export {
  formatPath,
  MAX_VALUE_CHARS,
  MAX_VALUE_DEPTH,
  type PathItem,
  type Plan,
  type ValueKind,
  type WalkHandlers,
} from './json-walker.js';

/** How a walk reads its file. */
export interface WalkOptions extends TextOptions {
  /** Member names whose values are never needed: passed over at any depth inside collected values. */
  readonly ignore?: ReadonlySet<string>;
}

/** The document cannot be read further. `line`/`column` are 1-based positions in the decoded file. */
export class JsonWalkError extends Error {
  override readonly name = 'JsonWalkError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** The file ends before the document does (a cut download or copy). */
    readonly truncated: boolean,
    /** Where the walk was, e.g. `messages[12]`. */
    readonly path: string,
  ) {
    super(message);
  }
}

const NONE = Symbol.for('object-stream.none');
const MANY = Symbol.for('object-stream.many');
type Tokenizer = (text: string | symbol) => unknown;
const newTokenizer = () => jsonParser({ streamValues: false }) as unknown as Tokenizer;

/** Hands every token of one tokenizer call to the walker; throws what the tokenizer throws. */
function feed(tokenize: Tokenizer, walker: Walker, text: string | symbol): void {
  const out = tokenize(text) as { [MANY]?: 1; values?: Token[] } | Token | symbol;
  if (out === NONE) return;
  if (typeof out === 'object' && (out as { [MANY]?: 1 })[MANY] === 1) {
    for (const t of (out as { values: Token[] }).values) walker.token(t);
  } else walker.token(out as Token);
}

const isTokenizerError = (err: unknown): err is Error =>
  err instanceof Error && /^Parser (?:cannot parse input|has expected)/.test(err.message);
const reason = (err: Error) => err.message.replace(/^Parser (?:cannot parse input: |has )/, '');

/**
 * Walks `input` once, calling `handlers` in document order. Throws `JsonWalkError` when the JSON breaks off,
 * after every record before the fault was handed over.
 */
export async function walkJson(
  input: SourceInput,
  handlers: WalkHandlers,
  opts: WalkOptions = {},
): Promise<void> {
  let calls = 0;
  const walker = new Walker(
    counted(handlers, () => {
      calls++;
      return true;
    }),
    opts.ignore,
  );
  const tokenize = newTokenizer();
  let chunks = 0;
  try {
    for await (const text of prepared(input, opts, opts.onBytes)) {
      feed(tokenize, walker, text);
      chunks++;
    }
  } catch (err) {
    if (!isTokenizerError(err)) throw err;
    // The tokens of the failing chunk before the fault were never delivered: find them and the position.
    throw await recover(input, handlers, opts, chunks, calls);
  }
  try {
    feed(tokenize, walker, NONE);
  } catch (err) {
    if (!isTokenizerError(err)) throw err;
    const end = await endOf(input, opts);
    throw new JsonWalkError(reason(err), end.line, end.column, true, walker.where());
  }
}

/** Wraps the handlers so `pass` sees every delivery (value, dropped, close) in order and may mute it. */
function counted(h: WalkHandlers, pass: () => boolean): WalkHandlers {
  return {
    plan: (path, kind) => h.plan(path, kind),
    value: (path, v) => {
      if (pass()) h.value(path, v);
    },
    dropped: (path, why) => {
      if (pass()) h.dropped(path, why);
    },
    close: (path) => {
      if (pass()) h.close?.(path);
    },
  };
}

/**
 * The second reading after a syntax error inside chunk `failed`: the chunks before it are walked again with the
 * first `delivered` deliveries muted, then the failing chunk one character at a time, so the records that end
 * before the fault are handed over and the fault's line and column are exact.
 */
async function recover(
  input: SourceInput,
  handlers: WalkHandlers,
  opts: WalkOptions,
  failed: number,
  delivered: number,
): Promise<JsonWalkError> {
  let seen = 0;
  const walker = new Walker(
    counted(handlers, () => ++seen > delivered),
    opts.ignore,
  );
  const tokenize = newTokenizer();
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  let index = 0;
  for await (const text of prepared(input, opts)) {
    if (index++ < failed) {
      feed(tokenize, walker, text);
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
        line++;
        lineStart = offset + nl + 1;
      }
      offset += text.length;
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      try {
        feed(tokenize, walker, text[i]!);
      } catch (err) {
        if (!isTokenizerError(err)) throw err;
        return new JsonWalkError(reason(err), line, offset + i - lineStart + 1, false, walker.where());
      }
      if (text.charCodeAt(i) === 0x0a) {
        line++;
        lineStart = offset + i + 1;
      }
    }
    break;
  }
  return new JsonWalkError('the JSON could not be read', line, offset - lineStart + 1, false, walker.where());
}

/** Line and column just past the end of the text, for a file that stops in the middle of the document. */
async function endOf(input: SourceInput, opts: WalkOptions): Promise<{ line: number; column: number }> {
  let line = 1;
  let sinceNewline = 0;
  for await (const text of prepared(input, opts)) {
    const nl = text.lastIndexOf('\n');
    if (nl < 0) sinceNewline += text.length;
    else {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
      sinceNewline = text.length - nl - 1;
    }
  }
  return { line, column: sinceNewline + 1 };
}

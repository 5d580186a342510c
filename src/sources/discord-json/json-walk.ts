/**
 * A streaming walk over one JSON document for exports whose records sit in one or two nested arrays
 * (DiscordChatExporter's `messages`, the Twitter archive's `[i].dmConversation.messages`). stream-json's tokenizer
 * does the lexing (json-walker.ts follows the tokens, json-text.ts prepares the text), so memory stays at one
 * record however large the file.
 *
 * Why not the Telegram or Meta scanners: both hard-wire their format's paths and problem codes. stream-json's
 * tokenizer reports no positions, and a failing call loses the tokens it had found in its chunk, so after a syntax
 * error the text is read again with stream-json's verifier ahead of the tokenizer (see `recover`).
 */
import type { Token } from 'stream-json/parser.js';
import { thousands } from '../../model/format.js';
import { rejectBrokenRecord, rejectCutRecord } from '../cut-record.js';
import type { SourceContext, SourceInput } from '../source.js';
import { prepared, type TextOptions } from './json-text.js';
import { formatPath, type PathItem, type TextCut, Walker, type WalkHandlers } from './json-walker.js';

export { decodedText } from './json-text.js';
export {
  type DropReason,
  droppedInWords,
  formatPath,
  MAX_VALUE_CHARS,
  MAX_VALUE_ITEMS,
  type PathItem,
  type Plan,
  type TextCut,
  type ValueKind,
  type WalkHandlers,
} from './json-walker.js';

/** How a walk reads its file. */
export interface WalkOptions extends TextOptions {
  /** Member names whose values are never needed: passed over at any depth inside collected values. */
  readonly ignore?: ReadonlySet<string>;
  /**
   * Member names whose string values inside a collected value are a message's text: kept to their first
   * MAX_TEXT_BYTES (long-text.ts), the rest counted, never held, and named in the value's `cuts`.
   */
  readonly text?: ReadonlySet<string>;
}

/** The document cannot be read further. `line`/`column` are 1-based positions in the decoded file. */
export class JsonWalkError extends Error {
  override readonly name = 'JsonWalkError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** `truncated`: the file ends before the document does (a cut download or copy); `empty`: it holds no JSON. */
    readonly kind: 'invalid' | 'truncated' | 'empty',
    /**
     * Where the walk was, for the failure's locator: the value the fault lies inside, e.g. `messages[12]`; between
     * two items of an array, the array, e.g. `messages`, as the next item was never begun (`Walker.locator`).
     */
    readonly path: string,
    /**
     * The object or array the walk was collecting when the document broke off (its start read, its end not):
     * a record the caller has not been handed, e.g. `['messages', 12]`. Undefined when the fault lies between
     * values or inside a scalar (see `Walker.openValue`).
     */
    readonly open?: readonly PathItem[],
    /**
     * `path` in words for the failure's message: `inside messages[12]`; or, when the fault lies between two items
     * of an array, `after messages[11]`, as the item `path` names was never begun (`Walker.placeInWords`).
     */
    readonly place = path === '' ? '' : `inside ${path}`,
  ) {
    super(message);
  }
}

const NONE = Symbol.for('object-stream.none');
const MANY = Symbol.for('object-stream.many');
type Tokenizer = (text: string | symbol) => unknown;
// stream-json is loaded on first use: a run without Discord or Twitter files need not spend the time and memory.
// Keys, strings and numbers come in pieces, never packed: the tokenizer would build each whole, however long.
const newTokenizer = async () =>
  (await import('stream-json/parser.js')).jsonParser({ packValues: false }) as unknown as Tokenizer;
const newVerifier = async () =>
  (await import('stream-json/utils/verifier.js')).jsonVerifier() as unknown as Tokenizer;

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
const reason = (err: Error) =>
  err.message.replace(
    /^(?:ERROR at \d+ \(\d+, \d+\): )?(?:Parser|Verifier) (?:cannot parse input: |has )/,
    '',
  );

/**
 * Walks `input` once, calling `handlers` in document order. Throws `JsonWalkError` when the JSON breaks off,
 * after every record closed before the fault was handed over (a bare scalar right before it is not: see `held` in
 * json-walker.ts); the error names the object or array the fault fell inside (`open`), never handed over.
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
    opts.text,
  );
  const tokenize = await newTokenizer();
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
    const kind = walker.started ? 'truncated' : 'empty';
    throw walkError(walker, reason(err), end.line, end.column, kind);
  }
  walker.finish();
}

/**
 * Rejects the record at `locator` (the caller's reading of `err.open`), inside which the file ends or its syntax
 * breaks, as `<prefix>_RECORD_CUT_SHORT` or `<prefix>_RECORD_MALFORMED`, in the shared wording of cut-record.ts.
 */
export function rejectOpenRecord(
  err: JsonWalkError,
  locator: string,
  prefix: string,
  ctx: SourceContext,
): void {
  const at = err.line > 0 ? `line ${err.line}, column ${err.column}` : 'an unknown position';
  if (err.kind === 'truncated') rejectCutRecord(ctx, `${prefix}_RECORD_CUT_SHORT`, locator, at);
  else rejectBrokenRecord(ctx, `${prefix}_RECORD_MALFORMED`, locator, at, err.message);
}

/** What became of a message whose texts were cut (`warnTextCuts`). */
export interface CutOutcome {
  /** The warning's code (`DISCORD_TEXT_TOO_LONG`) and the flag of a message whose own text was cut. */
  readonly code: string;
  readonly flag: string;
  readonly locator: string;
  /** The message's id: the same message in an overlapping export is warned of once. */
  readonly id: string | undefined;
  /**
   * The message was kept (emitted): where its text sits in the record (`['content']`), undefined when it shows
   * none of the texts read, and the `copy` of a warning about that text (`textCutCopy`: sender, minute, length),
   * which the CSV reader builds for the same message too. Undefined: the message was skipped or rejected.
   */
  readonly kept?: { readonly carried: readonly PathItem[] | undefined; readonly copy: string };
}

/** The full length of the text at `at` among the record's `cuts`; 0 when it was not cut, or `at` is undefined. */
export function cutTotal(cuts: readonly TextCut[], at: readonly PathItem[] | undefined): number {
  if (at === undefined) return 0;
  const where = formatPath(at);
  return cuts.find((c) => formatPath(c.at) === where)?.total ?? 0;
}

/**
 * Warns of each text of the record that was cut at MAX_TEXT_BYTES (`cuts` from `value`), with its full length,
 * as `outcome.code`, in words true to what became of the message: kept with the first MiB of its own text (the
 * caller flags it `outcome.flag`: true is returned), kept with a text that was read in part but that it does not
 * show (an edit's earlier text, a forwarded copy under the message's own text: not flagged), or skipped or
 * rejected (no claim about the timeline, no flag), as the e-mail reader words a cut header field.
 */
export function warnTextCuts(
  ctx: SourceContext,
  cuts: readonly TextCut[] | undefined,
  outcome: CutOutcome,
): boolean {
  if (cuts === undefined || cuts.length === 0) return false;
  const { code, flag, locator, id, kept } = outcome;
  let flagged = false;
  for (const cut of cuts) {
    const member = formatPath(cut.at);
    const own = kept?.carried !== undefined && formatPath(kept.carried) === member;
    const long = `The message at ${locator} has ${thousands(cut.total)} bytes of text in "${member}" (as UTF-8)`;
    if (own) {
      flagged = true;
      ctx.warn(
        code,
        locator,
        `${long}, more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${thousands(cut.kept)} bytes of that text.`,
        `Check that message in the export: a damaged or edited file can make one message this long. The message carries the ${flag} flag.`,
        kept.copy,
      );
      continue;
    }
    const shown =
      kept === undefined ? '' : ' The timeline does not show that text, so the message is not flagged.';
    ctx.warn(
      code,
      locator,
      `${long}. chronolog reads at most 1 MiB of a message's text, so only its first ${thousands(cut.kept)} bytes were read; the rest is only in the original file.${shown}`,
      'Check that message in the export: a damaged or edited file can make one text this long.',
      id === undefined ? undefined : `${id}\u0000${member}\u0000${cut.total}`,
    );
  }
  return flagged;
}

/** The error for a document that breaks off at `line`:`column`, placed where `walker` stands. */
function walkError(
  walker: Walker,
  message: string,
  line: number,
  column: number,
  kind: JsonWalkError['kind'],
): JsonWalkError {
  return new JsonWalkError(
    message,
    line,
    column,
    kind,
    walker.locator(),
    walker.openValue(),
    walker.placeInWords(),
  );
}

/** Wraps the handlers so `pass` sees every delivery (value, dropped, close) in order and may mute it. */
function counted(h: WalkHandlers, pass: () => boolean): WalkHandlers {
  return {
    plan: (path, kind) => h.plan(path, kind),
    value: (path, v, cuts) => {
      if (pass()) h.value(path, v, cuts);
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
 * The second reading after a syntax error inside chunk `failed`. stream-json's verifier runs ahead of the
 * tokenizer on each chunk and says exactly where the fault is; the tokenizer is then given the text up to it, so
 * every record that ends before the fault is handed over (the first `delivered` deliveries, made by the first
 * reading, are muted) and the fault's line and column are exact.
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
    opts.text,
  );
  const tokenize = await newTokenizer();
  const verify = await newVerifier();
  let offset = 0;
  let index = 0;
  for await (const text of prepared(input, opts)) {
    try {
      verify(text);
    } catch (err) {
      const e = err as Error & { line?: number; pos?: number; offset?: number };
      if (typeof e.offset !== 'number' || typeof e.line !== 'number' || typeof e.pos !== 'number') throw err;
      try {
        feed(tokenize, walker, text.slice(0, Math.max(0, e.offset - offset)));
      } catch (inner) {
        if (!isTokenizerError(inner)) throw inner;
      }
      return walkError(walker, reason(e), e.line, e.pos, 'invalid');
    }
    feed(tokenize, walker, text);
    offset += text.length;
    // The verifier agrees with the tokenizer; this only guards against the two ever disagreeing.
    if (index++ > failed) break;
  }
  return walkError(walker, 'the JSON could not be read', 0, 0, 'invalid');
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

/**
 * The streaming driver: bytes → text (UTF-8, or UTF-16 by BOM) → surrogate repair → the fast path for plain
 * `<sms>`/`<call>` records (fast.ts) or saxes for everything else (handover.ts) → one outcome per child of the
 * root, also for the one a file ends or breaks off inside (rejected) and for each record read inside another
 * (`<sms … >` left open for `<sms … />`, an `<sms/>` pasted inside an `<mms>`): each is read as the record it is,
 * and the record around it goes on after it. Nothing but the records being read is held: an MMS's base64 `data`
 * is measured, then dropped.
 */
import { StringDecoder } from 'node:string_decoder';
import type { SaxesTagPlain } from 'saxes';
import { thousands } from '../../model/format.js';
import { iconv } from '../iconv.js';
import { type SourceContext, SourceFailure, type SourceInput } from '../source.js';
import { headFirst, sniffBom, warnInvalidUtf8 } from '../text.js';
import { Utf8Watch } from '../utf8-watch.js';
import { bytesMayHoldSurrogateRef, SurrogateRepair } from './char-refs.js';
import { type Attrs, decimal, utf16WithoutBom } from './fields.js';
import { TextWindow } from './gaps.js';
import { EndTagSaxes, Handover } from './handover.js';
import { Interner } from './interner.js';
import { LongValues } from './long-values.js';
import { MmsRecord } from './mms.js';
import { BadDurations, readCall, readSms } from './records.js';
import {
  checkCount,
  ElementsNotClosed,
  LoneSurrogates,
  labelProblems,
  MAX_ATTRIBUTES,
  type ProblemKind,
  RECOVERABLE,
  type RecordProblem,
  RecordsInside,
  readBeforeStop,
  reportProblems,
  TOO_MANY_ATTRIBUTES,
  UNESCAPED_AMPERSAND,
  UnclosedRecords,
  UnescapedAmpersands,
} from './xml-problems.js';

/**
 * A record being read: a child of the root, or a record inside another (a hand edit). Its locator is
 * `<name>[<0-based ordinal among same-named records>] (line N)`.
 */
interface Current {
  readonly name: string;
  readonly locator: string;
  readonly line: number;
  /** saxes' position just after the element name: a repaired surrogate half from here on lies in this record. */
  readonly start: number;
  /** How many elements were open around its start tag (1 for a child of the root): its end tag returns there. */
  readonly depth: number;
  attrs?: Attrs;
  mms?: MmsRecord;
  /** Allocated on the first problem only: nearly every record has none. */
  problems?: RecordProblem[];
  /** The first record read inside this one, if any. */
  inside?: string;
  /** Its outcome was given: an `<sms>` or `<call>` holds all it has in its start tag, so one left open is read then. */
  done?: boolean;
  /** Its start tag (or one inside it) holds more than MAX_ATTRIBUTES attributes: the problem counting them. */
  tooMany?: RecordProblem;
  /** Bytes of its text (`body`) left out after the first MAX_TEXT_BYTES while it was read (long-values.ts). */
  textDropped?: number;
}

/** The two roots and the record elements each holds (a Map: the keys come from the file). */
const ROOTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['smses', ['sms', 'mms']],
  ['calls', ['call']],
]);

const MALFORMED_HINT =
  'The file is not well-formed XML from this point on; the records before it were kept. Use the original ' +
  'backup file (not one edited by hand or another tool). Two backups joined into one file must be given separately.';
/** For a failure before the root element: nothing was read, so "the records before it were kept" would mislead. */
const PROLOG_HINT =
  'No record was read: the file goes wrong before its root element <smses> or <calls>, where only the XML ' +
  'declaration, comments and white space may stand (text there was typed or pasted in, or another file was joined ' +
  'to the start). Use the backup as the app wrote it: copy it again from the phone or cloud.';
const TRUNCATED_HINT =
  'The records before the cut were kept. Copy the backup from the phone or cloud again; if that copy is cut ' +
  'too, the app was interrupted while writing it.';
/** The same when no record lay whole before the cut: "were kept" would suggest some of the file was used. */
const TRUNCATED_EMPTY_HINT =
  'No record lies whole before the cut, so nothing from this file is on the timeline. Copy the backup from the ' +
  'phone or cloud again; if that copy is cut too, the app was interrupted while writing it.';
/** How a plain cut is named: the reason given for a file that ends early with nothing else wrong. */
const CUT_SHORT = 'the backup was cut short';
const CUT_RECORD_HINT =
  'Only the start of this record is in the file. A whole copy of the backup (from the phone or cloud) may hold it.';
const DAMAGED_RECORD_HINT =
  'This record is damaged in this copy of the backup (edited by hand or by another tool, or two files joined). ' +
  'A copy from the phone or cloud may hold it whole.';
/**
 * How deep elements may nest. The app writes 4 levels (`smses`, `mms`, `parts`, `part`), but each record a hand
 * edit or another tool left open (`<sms … >`) puts the records after it one level deeper, and they are still read
 * (SMS_RECORD_NOT_CLOSED). The XML parser holds every open element: 25 million nested `<a>` (175 MB) took 4.5 GB
 * and ran Node out of memory. 100,000 levels hold about 20 MB of bare elements, 100 MB of records left open.
 */
const MAX_DEPTH = 100_000;
/** Recoverable errors tolerated between two complete records before the file counts as damaged. */
const MAX_BURST = 10_000;
/** saxes' complaint about `<?xml … ?>` after anything at all, white space included. */
const DECLARATION_NOT_FIRST = 'an XML declaration must be at the start of the document.';
/** The start of saxes' complaint about a name given twice in one start tag. */
const DUPLICATE_ATTRIBUTE = 'duplicate attribute: ';
/** saxes' complaint when an end tag closes an element other than the innermost open one. */
const UNEXPECTED_CLOSE = 'unexpected close tag.';
/** A character that is not XML's white space. */
const NOT_BLANK = /[^ \t\r\n]/;

/** Reads one SMS Backup & Restore file, reporting every child of the root as an event, a skip or a reject. */
export async function readBackup(input: SourceInput, ctx: SourceContext, fastPath = true): Promise<void> {
  const parser = new EndTagSaxes();
  const repair = new SurrogateRepair();
  const lone = new LoneSurrogates(ctx);
  const strings = new Interner();
  const durations = new BadDurations();
  const ordinals: Record<string, number> = Object.create(null);
  let depth = 0;
  let rootDone = false;
  let closing = false;
  let inTag = false;
  let current: Current | undefined;
  let recordNames: readonly string[] = [];
  let declaredCount: string | undefined;
  /** The line the root element's start tag begins on. */
  let rootLine = 0;
  /** The root element as a locator, `smses (line 2)`: where the `count` a mismatch is warned about is written. */
  let rootLocator = '';
  let records = 0;
  let burst = 0;
  /** The text between records, checked for stray text (gaps.ts). */
  const window = new TextWindow();
  /** The last recoverable error, by kind and position (see the error handler). */
  let lastProblem: ProblemKind | undefined;
  let lastProblemAt = '';
  let sms = 0;
  let mms = 0;
  let calls = 0;
  /**
   * Records that a record was read inside (`<sms … >` left open, so the records after it lie inside it; an `<sms/>`
   * pasted between an `<mms>`'s parts and its addresses), outermost first: each is taken up again when the one
   * inside it ends, and ends at its own end tag, or at another's (the root's) that closes it too. An `<sms>` or
   * `<call>` among them was read when the record inside it began (`done`); an `<mms>` is read at its end, with all
   * of its own parts and addresses, those after the record inside it too.
   */
  const around: Current[] = [];
  const unclosed = new UnclosedRecords();
  const holding = new RecordsInside();
  const openElements = new ElementsNotClosed();
  /** When `closed` is null: the element the last end tag popped, and the record it lies in. */
  let poppedElement = '';
  let poppedIn: Current | undefined;
  const amps = new UnescapedAmpersands();
  /**
   * The record (or an element inside one) the last end tag closed: when saxes says next that the end tag was not
   * its own ("unexpected close tag"), that record was never closed; otherwise, if it held a record, it was. `null`:
   * an element inside a record, left open and closed by the end tag of a record around it.
   */
  let closed: Current | null | undefined;
  /** The end tag that closed `closed` was its own (no complaint came before the next event). */
  const settle = (): void => {
    if (closed?.inside !== undefined) holding.note(closed.locator, closed.inside, closed.start);
    closed = undefined;
    poppedIn = undefined;
  };
  /**
   * How the text opens, while only white space has been read (then decided): white space and then `<?xml` is a
   * declaration saxes refuses, but nothing else is wrong with it (a file copied, re-saved or joined by hand), so
   * that one complaint warns instead of failing the file.
   */
  let opening: string | undefined = '';
  let blankBeforeDeclaration = false;
  const noteOpening = (text: string): void => {
    const head = opening + text;
    const k = head.search(NOT_BLANK);
    // Only white space so far: one character of it is enough to remember that there was some.
    if (k === -1) opening = head.slice(0, 1);
    else if (head.length - k >= 6) {
      blankBeforeDeclaration = k > 0 && /^<\?xml[ \t\r\n?]/.test(head.slice(k, k + 6));
      opening = undefined;
    } else opening = head;
  };
  // Plain counters for the three record names; a dictionary lookup per record is measurably slower.
  const nextOrdinal = (name: string): number => {
    if (name === 'sms') return sms++;
    if (name === 'call') return calls++;
    if (name === 'mms') return mms++;
    const n = ordinals[name] ?? 0;
    ordinals[name] = n + 1;
    return n;
  };

  // Five handlers, no more: each is a property added to the parser after construction, and from the eighth on V8
  // slows the whole parser threefold (measured). Text, comments and PIs between records are checked in gaps.ts.
  parser.on('doctype', () =>
    ctx.warn(
      'SMS_DOCTYPE_IGNORED',
      `line ${parser.line}`,
      'the file declares a DTD (<!DOCTYPE …>), which SMS Backup & Restore never writes; its declarations are ignored and its entities are never expanded',
      'Check where this file came from: it was made or changed by another tool.',
    ),
  );
  // Only white space belongs between records; anything else may be a damaged record, so it is shown, not dropped.
  const checkGap = (to: number, line: number): void => {
    const stray = window.close(to);
    if (stray === undefined) return;
    ctx.warn(
      'SMS_STRAY_TEXT',
      `line ${line - stray.linesBefore}`,
      `text between records was ignored: "${stray.excerpt}"`,
      'SMS Backup & Restore writes only elements inside <smses>/<calls>; a record here may have been damaged by editing.',
    );
  };
  parser.on('opentagstart', (tag) => {
    inTag = true;
    if (depth === 0) rootLine = parser.line;
    else if (depth >= MAX_DEPTH)
      fail(`elements nested more than ${thousands(MAX_DEPTH)} deep, where SMS Backup & Restore nests 4`);
    if (closed !== undefined) settle();
    let outer: Current | undefined;
    if (depth !== 1) {
      // Inside a record: an element of its own, or a record inside it (a hand edit), read as the record it is. The
      // one around it is taken up again after it (`around`).
      outer = current ?? around[around.length - 1];
      if (outer === undefined || !recordNames.includes(tag.name) || !recordNames.includes(outer.name)) return;
      if (current !== undefined) {
        const cur = current;
        if (lone.pending) lone.flush(cur.start, parser.position, cur.locator);
        // An <sms> or <call> has all it holds in its start tag: it is read now, in the order of the file.
        if (cur.name !== 'mms') {
          finish(cur);
          cur.done = true;
        }
        current = undefined;
        around.push(cur);
      }
    }
    checkGap(parser.position, parser.line);
    const n = nextOrdinal(tag.name);
    const line = parser.line;
    // Joined rather than concatenated: a flat string is half the memory of a concatenation tree in a kept event.
    const locator = [tag.name, '[', decimal(n), '] (line ', decimal(line), ')'].join('');
    if (outer !== undefined) outer.inside ??= locator;
    current = { name: tag.name, locator, line, start: parser.position, depth };
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    inTag = false;
    overCap = false;
    const again = namedAgain;
    namedAgain = 0;
    if (depth === 0) {
      if (rootDone) fail('content after the end of the root element');
      if (Object.keys(tag.attributes).length > MAX_ATTRIBUTES) rootOverCap();
      const names = ROOTS.get(tag.name);
      if (names === undefined) {
        throw new SourceFailure(
          'SMS_NOT_SBR',
          `the root element is <${tag.name}>, not <smses> (messages) or <calls> (call log)`,
          `line ${parser.line}`,
          'This is not an SMS Backup & Restore file (SuperBackup, for one, writes <alllogs>).',
        );
      }
      recordNames = names;
      declaredCount = tag.attributes['count'];
      rootLocator = `${tag.name} (line ${rootLine})`;
      window.xml11 = parser.xmlDecl.version === '1.1';
      window.open(parser.position);
    }
    const letGo = longValues.finish(tag.attributes);
    if (depth !== 0 && current !== undefined) {
      // The attributes saxes kept to the tag's end: all of them, unless the tag was cut down before (capAttributes).
      const kept = Object.keys(tag.attributes).length + again;
      if (countingTag || kept > MAX_ATTRIBUTES) tooManyAttributes(current, kept);
      countingTag = false;
      if (current.problems !== undefined) labelProblems(current.problems, tag.attributes, letGo.references);
      if (depth === current.depth) {
        current.attrs = tag.attributes;
        const dropped = letGo.dropped.get('body');
        if (dropped !== undefined) current.textDropped = dropped;
        if (tag.name === 'mms') current.mms = new MmsRecord(tag.attributes, current.locator, strings);
        // `<sms … >` left open: what follows it up to the next record is checked as text between records.
        else if (!tag.isSelfClosing) window.open(parser.position);
      } else current.mms?.child(tag.name, tag.attributes, letGo);
    }
    depth++;
  });
  parser.on('closetag', (tag) => {
    if (closed !== undefined) settle();
    const inner = current ?? around[around.length - 1];
    if (
      inner !== undefined &&
      !tag.isSelfClosing &&
      recordNames.includes(inner.name) &&
      !closesOpen(tag.name)
    ) {
      // An end tag that matches no open element: saxes says "unexpected close tag" next, which fails the file
      // inside the record. An <sms> or <call> left open has all it holds in its start tag, so it is read first.
      if (
        inner === current &&
        inner.name !== 'mms' &&
        inner.attrs !== undefined &&
        depth - 1 === inner.depth
      ) {
        unclosed.note(inner.locator, 'end', inner.start);
        finish(inner);
      }
      return;
    }
    depth--;
    if (depth === 0) {
      rootDone = true;
      checkGap(parser.position, parser.line);
    }
    const cur = current ?? around[around.length - 1];
    if (cur === undefined) return;
    if (depth !== cur.depth) {
      // An element inside a record; one left open (`<parts>` without `</parts>`) is closed by the record's end tag.
      if (!tag.isSelfClosing && recordNames.includes(cur.name)) {
        closed = null;
        poppedElement = tag.name;
        poppedIn = cur;
      }
      return;
    }
    // Its end tag, or one not its own that closes it too (the root's, after it was left open): the "unexpected
    // close tag" saxes says then is kept for the one warning about records left open.
    if (!tag.isSelfClosing && recordNames.includes(cur.name)) closed = cur;
    if (cur === current) finish(cur);
    else around.pop();
    // The record around it, if any, goes on: an <mms> with the rest of its parts and addresses.
    const outer = around[around.length - 1];
    if (outer !== undefined && outer.done !== true) current = around.pop();
    else window.open(parser.position);
  });
  /** The end tag saxes read last is `popped`'s own, or that of an element open around it (which closes it too). */
  function closesOpen(popped: string): boolean {
    return handover.closesOpen(popped);
  }

  /** Reports the record `cur`, whose end (or the start of the next record, when it was left open) was read. */
  function finish(cur: Current): void {
    current = undefined;
    burst = 0;
    if (recordNames.includes(cur.name)) records++;
    if (lone.pending) lone.flush(cur.start, parser.position, cur.locator);
    if (cur.problems !== undefined && reportProblems(cur.problems, cur.locator, ctx)) return;
    if (cur.name === 'sms') readSms(cur.attrs!, cur.locator, ctx, strings, cur.textDropped);
    else if (cur.name === 'mms') cur.mms!.finish(ctx);
    else if (cur.name === 'call') readCall(cur.attrs!, cur.locator, ctx, strings, durations);
    else ctx.skip('unknown-element', cur.locator);
  }
  parser.on('error', (err) => {
    const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    const [line, column, what] = m
      ? [m[1]!, m[2]!, m[3]!]
      : [`${parser.line}`, `${parser.column}`, err.message];
    if (what === UNEXPECTED_CLOSE && !closing && closed !== undefined) {
      // The root's end tag (or another's) closed a record left open, or an element left open inside one: the
      // record is named in one warning (SMS_RECORD_NOT_CLOSED), and the file reads on.
      if (closed !== null)
        unclosed.note(closed.locator, closed.inside === undefined ? 'end' : 'inside', closed.start);
      else if (poppedIn !== undefined) openElements.note(poppedIn.locator, poppedElement, poppedIn.start);
      closed = undefined;
      poppedIn = undefined;
      return;
    }
    if (what === DECLARATION_NOT_FIRST && blankBeforeDeclaration && recordNames.length === 0) {
      // Only white space stands before it (the first such complaint is about the first `<?xml`); saxes reads the
      // declaration on as usual. A second declaration, or one after anything else, still fails the file.
      blankBeforeDeclaration = false;
      ctx.warn(
        'SMS_XML_DECLARATION_NOT_FIRST',
        `line ${line}`,
        `the XML declaration (<?xml … ?>) is on line ${line} after white space, not at the very start of the ` +
          'file where SMS Backup & Restore writes it, so the file is not byte for byte as the app wrote it; its ' +
          'records were read as usual',
        'White space before the declaration is what copying, re-saving or joining files by hand leaves. The ' +
          "SHA-256 in the report is the file's as it is now, not that of the backup as the app wrote it; keep " +
          'the copy from the phone or cloud where you can.',
      );
      return;
    }
    // saxes finds a name given twice only among the attributes it still holds when the tag ends; in a tag over the
    // cap, which capAttributes may have emptied before, it is not looked for at all, so where the file's reads end
    // never decides it. The tag's record is rejected as too large (or, the root's, the file fails).
    if (what.startsWith(DUPLICATE_ATTRIBUTE) && (overCap || attributesHeld() > MAX_ATTRIBUTES)) {
      namedAgain++; // counted as written, as the attributes emptied before were
      return;
    }
    const kind = RECOVERABLE.get(what);
    if (!closing && kind !== undefined && !rootDone) {
      problem(kind, line, column, inTag);
      return;
    }
    if (closing) truncated(CUT_SHORT, line, column);
    fail(what, line, column);
  });

  /** A recoverable XML error at `line`, `column`: kept with the record it lies in, or warned about between records. */
  function problem(kind: ProblemKind, line: string, column: string, tag: boolean, attribute?: string): void {
    const at = `line ${line}, column ${column}`;
    // saxes steps back over a character it has read (to read it again as text, say) and reports it twice.
    if (kind === lastProblem && at === lastProblemAt) return;
    lastProblem = kind;
    lastProblemAt = at;
    if (++burst > MAX_BURST)
      fail(`more than ${MAX_BURST} XML errors in a row; the file is damaged`, line, column);
    const p: RecordProblem =
      attribute === undefined ? { kind, at, inTag: tag } : { kind, at, inTag: false, attribute };
    // A tool that never escapes "&" leaves one in most records: told once for the file.
    if (kind === UNESCAPED_AMPERSAND) amps.note(p, current?.locator ?? `line ${line}`);
    else if (current === undefined) reportProblems([p], `line ${line}`, ctx, false);
    else if (current.problems === undefined) current.problems = [p];
    else current.problems.push(p);
  }

  // A CR that ends the text so far may be half of CR LF, so saxes has not counted it yet; the file ends after it.
  function truncated(
    why: string,
    line = `${parser.line + (endsWithCR ? 1 : 0)}`,
    column = `${endsWithCR ? 0 : parser.column}`,
  ): never {
    const where = `line ${line}, column ${column}`;
    readWaiting();
    // An <sms> or <call> left open (`<sms … >`) whose start tag is whole has all its data: it is read, not lost.
    if (current !== undefined && current.attrs !== undefined && !inTag && current.name !== 'mms') {
      const cur = current;
      if (recordNames.includes(cur.name)) unclosed.note(cur.locator, 'cut', cur.start);
      finish(cur);
    }
    // How much is missing: the records read against the count the root declares (before its records).
    const read = `; ${readBeforeStop(declaredCount, records, 'the cut', current !== undefined)}`;
    // The record the file ends in was begun, so it is counted: rejected, as what is missing of it cannot be known.
    // Its message says what the file's failure does not (the part read is not used); a plain cut is said there
    // once, not in both, where a police reader saw the same sentence twice for one cut.
    if (current !== undefined) {
      ctx.reject(
        'SMS_RECORD_CUT_SHORT',
        current.locator,
        `the file ends inside this record, before its end tag (${where})${why === CUT_SHORT ? '' : `: ${why}`}; ` +
          'the part of it read is not used, as the rest is missing',
        CUT_RECORD_HINT,
      );
    }
    endAround((o) =>
      ctx.reject(
        'SMS_RECORD_CUT_SHORT',
        o.locator,
        `the file ends inside this record (${where}), after ${o.inside} inside it and before its own end tag; ` +
          'the part of it read is not used, as the rest is missing',
        CUT_RECORD_HINT,
      ),
    );
    throw new SourceFailure(
      'SMS_TRUNCATED_XML',
      current !== undefined
        ? `the file ends inside ${current.locator}, before its end tag (${where}): ${why}${read}`
        : recordNames.length === 0
          ? `the file ends at ${where} before its root element <smses> or <calls>: it is empty or ${why.replace(/^the backup was /, '')}`
          : `the file ends at ${where} before the backup's closing tag: ${why}${read}`,
      current?.locator ?? `line ${line}`,
      records === 0 ? TRUNCATED_EMPTY_HINT : TRUNCATED_HINT,
    );
  }

  /**
   * The file stops (cut short, or an error it cannot read past): an <mms> waiting for its end tag after a record
   * read inside it, with all of its own children closed (`<parts>…</parts><addrs>…</addrs>` then records, and no
   * `</mms>`), holds all it has, so it is read, as before records were kept on a stack, and named as left open
   * (SMS_RECORD_NOT_CLOSED); the stop does not lie inside it. Only the record the stop falls inside is rejected.
   * The records waiting in `around` are read in the order they began, the one being read (`current`) last; the
   * failure is then located at the record still being read, or at the line when the stop lies in none.
   */
  function readWaiting(): void {
    if (around.length === 0 && current?.inside === undefined) return;
    const cur = current;
    const kept: Current[] = [];
    for (let i = 0; i < around.length; i++) {
      const o = around[i]!;
      // The record begun inside it started right inside it: no part or address list of its own was open then.
      const next = around[i + 1] ?? cur;
      if (o.done !== true && o.mms !== undefined && next !== undefined && next.depth === o.depth + 1) {
        unclosed.note(o.locator, 'inside', o.start);
        finish(o);
      } else kept.push(o);
    }
    around.length = 0;
    around.push(...kept);
    current = cur;
    // Taken up again after the records inside it, and nothing of its own opened since.
    if (cur?.mms !== undefined && cur.inside !== undefined && !inTag && depth === cur.depth + 1) {
      unclosed.note(cur.locator, 'inside', cur.start);
      finish(cur);
    }
  }

  /**
   * The file stops (cut short, or an error it cannot read past) with records around the one being read: an <mms>
   * among them was begun, so it is counted, rejected by `reject` as its parts after the record inside it are
   * missing; an <sms> or <call> was read, and is named as left open.
   */
  function endAround(reject: (o: Current) => void): void {
    for (const o of around) {
      if (o.done === true) unclosed.note(o.locator, 'inside', o.start);
      else reject(o);
    }
    around.length = 0;
  }

  function fail(what: string, line = `${parser.line}`, column = `${parser.column}`): never {
    readWaiting();
    const inside = current === undefined ? '' : ` inside ${current.locator}`;
    // saxes ends its messages with a full stop, which would stand before the semicolon.
    const said =
      recordNames.length === 0
        ? what
        : `${what.replace(/\.$/, '')}; ${readBeforeStop(declaredCount, records, 'this error', current !== undefined)}`;
    // The record the error is in was begun, so it is counted: rejected, as its end cannot be read.
    if (current !== undefined) {
      ctx.reject(
        'SMS_RECORD_MALFORMED',
        current.locator,
        `XML error at line ${line}, column ${column} inside this record: ${what.replace(/\.$/, '')}; the rest ` +
          'of the file cannot be read, so the part of this record read is not used',
        DAMAGED_RECORD_HINT,
      );
    }
    endAround((o) =>
      ctx.reject(
        'SMS_RECORD_MALFORMED',
        o.locator,
        `XML error at line ${line}, column ${column}, after ${o.inside} inside this record and before its own ` +
          'end tag; the rest of the file cannot be read, so the part of this record read is not used',
        DAMAGED_RECORD_HINT,
      ),
    );
    throw new SourceFailure(
      'SMS_MALFORMED_XML',
      `XML error at line ${line}, column ${column}${inside}: ${said}`,
      current?.locator ?? `line ${line}`,
      recordNames.length === 0 ? PROLOG_HINT : MALFORMED_HINT,
    );
  }

  // The plain records go to the fast path; saxes reads the rest (handover.ts).
  let gapChecked = true;
  let fastEnd = -1;
  const handover = new Handover(
    parser,
    (name, attrs, line, start, end) => {
      // The first record after saxes read on: the gap saxes saw (a comment, stray text) is checked as usual.
      if (!gapChecked) {
        gapChecked = true;
        checkGap(start, line);
      }
      fastEnd = end;
      const n = name === 'sms' ? sms++ : calls++;
      const locator = [name, '[', decimal(n), '] (line ', decimal(line), ')'].join('');
      burst = 0;
      if (recordNames.includes(name)) records++;
      if (name === 'sms') readSms(attrs, locator, ctx, strings);
      else readCall(attrs, locator, ctx, strings, durations);
    },
    {
      between: () => depth === 1 && current === undefined && !rootDone && !lone.pending,
      inRoot: () => depth >= 1 && !rootDone,
      started: () => {
        gapChecked = false;
        fastEnd = -1;
      },
      // Only white space lies between the last record read and where the fast path stopped.
      stopped: (at) => {
        if (fastEnd !== -1) window.open(at);
      },
      ampersand: (line, column, attribute) =>
        problem(UNESCAPED_AMPERSAND, decimal(line), decimal(column), false, attribute),
    },
    fastPath,
  );

  /**
   * saxes keeps a start tag's attributes in a list until the tag ends. Checked after each piece of text (at most
   * one chunk read from the file, so some thousands of attributes), a list grown past MAX_ATTRIBUTES is emptied,
   * counted, and the record rejected: a tag of millions is read in the memory of a few thousand.
   */
  const saxesAttributes = parser as unknown as { attribList?: unknown[] };
  const attributesHeld = (): number => {
    const list = saxesAttributes.attribList;
    return Array.isArray(list) ? list.length : 0;
  };
  /** The start tag being read is the one `current.tooMany` counts. */
  let countingTag = false;
  /** The start tag being read went over the cap: its list was emptied at least once. */
  let overCap = false;
  /** Attributes of the start tag being read (over the cap) that repeat a name: saxes keeps only one of each. */
  let namedAgain = 0;
  const capAttributes = (): void => {
    const n = attributesHeld();
    if (n <= MAX_ATTRIBUTES) return;
    saxesAttributes.attribList!.length = 0;
    overCap = true;
    if (depth === 0) rootOverCap();
    // An element outside any record: only its memory is at stake.
    if (current !== undefined) tooManyAttributes(current, n);
  };
  /** The root's start tag holds more attributes than MAX_ATTRIBUTES: no backup the app wrote, so the file fails. */
  function rootOverCap(): never {
    throw new SourceFailure(
      'SMS_MALFORMED_XML',
      `the start tag of the root element (line ${rootLine}) holds more than ${thousands(MAX_ATTRIBUTES)} attributes, where SMS Backup & Restore writes a few`,
      `line ${rootLine}`,
      PROLOG_HINT,
    );
  }
  /**
   * Counts `n` more attributes of the start tag being read against `cur`, which is rejected for them. A second
   * such tag in the same record (an `<mms>` part) rejects nothing more: the first one's count is the one told.
   */
  function tooManyAttributes(cur: Current, n: number): void {
    if (cur.tooMany === undefined) {
      cur.tooMany = { kind: TOO_MANY_ATTRIBUTES, at: '', inTag: false, count: 0 };
      if (cur.problems === undefined) cur.problems = [cur.tooMany];
      else cur.problems.push(cur.tooMany);
      countingTag = true;
    }
    if (countingTag) cur.tooMany.count! += n;
  }
  /** Values of the start tag being read too long to hold (an attachment's base64, a message text over 1 MiB). */
  const longValues = new LongValues();
  /** Text handed to saxes so far, in UTF-16 units (saxes' `position` at its end). */
  let fed = 0;
  /** The text so far ends with a CR, which saxes holds back until it sees whether LF follows. */
  let endsWithCR = false;
  const write = (text: string, allowFast: boolean): void => {
    if (opening !== undefined) noteOpening(text);
    if (text.length === 0) return;
    window.note(text);
    handover.write(text, allowFast);
    if (inTag) {
      capAttributes();
      longValues.check(handover);
    }
    window.advance();
    fed += text.length;
    endsWithCR = text.charCodeAt(text.length - 1) === 0x0d;
  };
  /** Hands decoded text on. `mayHoldZero`/`mayHoldRef`: false when the raw bytes were already searched. */
  function feed(text: string, final: boolean, mayHoldZero: boolean, mayHoldRef: boolean): void {
    // Zero bytes never occur in XML; a run of them is what an interrupted copy or a full disk leaves behind.
    const nul = mayHoldZero ? text.indexOf('\0') : -1;
    const repaired = repair.push(nul === -1 ? text : text.slice(0, nul), final || nul !== -1, mayHoldRef);
    const out = repaired.text;
    if (repaired.lone.length === 0) write(out, true);
    else {
      // Each replacement starts a piece, so saxes' line count reaches it first (whatever the XML version counts as
      // a line break); a CR just before it, held back by saxes, is a line break of its own.
      let from = 0;
      for (const offset of repaired.lone) {
        write(out.slice(from, offset), false);
        lone.note(fed, parser.line + (endsWithCR ? 1 : 0));
        from = offset;
      }
      write(out.slice(from), false);
    }
    if (nul !== -1) truncated('the rest of the file is zero bytes (an interrupted copy or a full disk)');
  }

  // Bytes that are no UTF-8 (a backup re-saved as Windows-1252) became U+FFFD: the line of the first is warned
  // about once saxes has read past it, so where the file's chunks end never changes what is reported.
  const utf8Watch = new Utf8Watch('any');
  let invalidLine: number | undefined;
  /** The line the next decoded text starts on: saxes' line, plus a CR it holds back (the text so far ends in it). */
  const lineAhead = (): number => parser.line + (endsWithCR ? 1 : 0);
  const warnInvalid = (): void => {
    if (invalidLine !== undefined) warnInvalidUtf8(ctx, invalidLine);
    invalidLine = undefined;
  };

  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let utf8 = true;
  const take = (bytes: Buffer): void => {
    let buf = bytes;
    if (decoder === undefined) {
      const bom = sniffBom(buf);
      if (bom !== undefined) buf = buf.subarray(bom.length);
      const encoding = bom?.encoding ?? utf16WithoutBom(buf) ?? 'utf-8';
      utf8 = encoding === 'utf-8';
      decoder = utf8
        ? new StringDecoder('utf8')
        : iconv().getDecoder(encoding === 'utf-16be' ? 'utf16-be' : 'utf16le');
    }
    // In UTF-8 both checks run on the raw bytes (native searches); UTF-16 text is checked after decoding.
    const zero = utf8 ? buf.indexOf(0) : -1;
    const decoded = zero === -1 ? buf : buf.subarray(0, zero + 1);
    const text = decoder.write(decoded);
    if (utf8) invalidLine ??= utf8Watch.check(decoded, text, lineAhead(), endsWithCR);
    feed(text, false, !utf8 || zero !== -1, !utf8 || bytesMayHoldSurrogateRef(buf));
  };
  try {
    try {
      // The first bytes are gathered into one head: a byte-order mark must not be judged from a 1-byte chunk.
      for await (const { buf, read } of headFirst(input.open() as AsyncIterable<Buffer>)) {
        take(buf);
        ctx.progress(read);
      }
      const rest = decoder?.end() ?? '';
      if (utf8) invalidLine ??= utf8Watch.end(rest, lineAhead());
      feed(rest, true, true, true);
    } catch (err) {
      // Failed part-way: the bad bytes count only when they lie before the line saxes stopped on.
      if (invalidLine !== undefined && invalidLine < parser.line) warnInvalid();
      throw err;
    }
    warnInvalid();
    closing = true;
    parser.close();
    lone.flush(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, undefined);
    checkCount(declaredCount, records, recordNames, rootLocator, ctx);
  } finally {
    // The calls kept before a failure are on the timeline too: their unknown lengths are told all the same, and
    // the records read open likewise.
    durations.report(ctx);
    if (closed !== undefined) settle();
    amps.report(ctx);
    unclosed.report(ctx);
    openElements.report(ctx);
    holding.report(ctx);
  }
}

/**
 * XML errors saxes can recover from, and what each means for the record it happened in. An unknown entity
 * (`&xxe;`, `&lol9;` — XXE and "billion laughs" payloads) rejects the record: its text cannot be read as written,
 * and DTD entities are never expanded. An `&` that starts no reference — what follows it up to a `;` is no XML
 * name nor `#digits`/`#xhex` (`Tom & Jerry`, `AT&T`, `?x=1&y=2;`, `&a,b;`, `&;`) — only warns: it can only be the
 * character itself, and is read so (handover.ts), with one warning for the file. A forbidden character or
 * character reference only warns: saxes keeps it (or, for a raw `<` in a value, drops just that), and the rest of
 * the record is intact. Every other XML error ends the file (see reader.ts).
 */
import { thousands } from '../../model/format.js';
import type { SourceContext } from '../source.js';
import type { Attrs } from './fields.js';

/** One kind of recoverable error. */
export interface ProblemKind {
  readonly code: string;
  /** True: the record is rejected. False: it is kept with a warning. */
  readonly rejects: boolean;
  /** True when the bad text is an `&…;` reference worth naming in the message. */
  readonly names: boolean;
  /** True when saxes reports the error at the reference's closing `;`, not at its `&`. */
  readonly atSemicolon?: boolean;
  describe(p: RecordProblem): string;
  readonly hint: string;
}

/** A recoverable error met while reading one record. */
export interface RecordProblem {
  readonly kind: ProblemKind;
  /** `line L, column C` in the file: where the bad reference starts once it is known (`labelProblems`). */
  at: string;
  /** Met inside a start tag, so the attribute can be named once the tag is complete. */
  inTag: boolean;
  attribute?: string;
  reference?: string;
  /** TOO_MANY_ATTRIBUTES: the attributes counted in the start tag. */
  count?: number;
}

function where(p: RecordProblem): string {
  return p.attribute === undefined ? `(${p.at})` : `in ${p.attribute}= (${p.at})`;
}

const UNDEFINED_ENTITY: ProblemKind = {
  code: 'SMS_UNDEFINED_ENTITY',
  rejects: true,
  names: true,
  atSemicolon: true,
  describe: (p) =>
    `the entity reference ${p.reference ?? ''} ${where(p)} is not one of XML's five predefined entities; ` +
    'entities declared in a DTD are never expanded, so the value cannot be read as written',
  hint:
    'SMS Backup & Restore writes no named entities besides &amp; &lt; &gt; &quot; &apos;; the file was made or ' +
    'changed by another tool. chronolog never expands DTD or external entities (protection against XXE).',
};

const BAD_ENTITY: ProblemKind = {
  code: 'SMS_BAD_ENTITY',
  rejects: true,
  names: true,
  describe: (p) =>
    `an "&" that does not start a valid reference ${where(p)}${p.reference ? ` ("${p.reference}")` : ''}; ` +
    'the text after it cannot be read reliably',
  hint: 'A raw "&" must be written &amp; in XML; the file was made or edited by another tool.',
};

const BAD_CHAR_REF: ProblemKind = {
  code: 'SMS_BAD_CHAR_REF',
  rejects: false,
  names: true,
  atSemicolon: true,
  describe: (p) =>
    `the character reference ${p.reference ?? ''} ${where(p)} names a character XML 1.0 forbids; it is kept as written`,
  hint: 'Usually an invisible control character in the message; the rest of the text is intact.',
};

const DISALLOWED_CHAR: ProblemKind = {
  code: 'SMS_DISALLOWED_CHAR',
  rejects: false,
  names: false,
  describe: (p) =>
    `a character XML 1.0 forbids (${p.at}), usually an invisible control character, is kept as written ` +
    '(only a raw "<" inside a value is left out)',
  hint: 'The file was not written strictly as XML; compare with the phone if the exact text matters.',
};

/** An `&` starting no reference, read as `&` itself (handover.ts): nothing of the text is lost or in doubt. */
export const UNESCAPED_AMPERSAND: ProblemKind = {
  code: 'SMS_UNESCAPED_AMPERSAND',
  rejects: false,
  names: false,
  describe: (p) =>
    `an "&" not written as &amp; ${where(p)}, as XML requires, was read as the character "&" itself; the text ` +
    'around it is read as written',
  hint:
    'SMS Backup & Restore always writes "&" as &amp;: this text was edited by hand or written by another tool. ' +
    'Compare with the backup from the phone or cloud if the exact text matters.',
};

/**
 * The most attributes a start tag may hold before its record is rejected. SMS Backup & Restore writes about 30 to
 * an `<mms>` and fewer to the rest; saxes holds every attribute of a start tag until the tag ends, so a tag of
 * millions (a damaged or made-up file) would hold them all: 3 million took 820 MB and 8 s.
 */
export const MAX_ATTRIBUTES = 1000;

/** A start tag of more than MAX_ATTRIBUTES attributes: its record is rejected, and the attributes are not kept. */
export const TOO_MANY_ATTRIBUTES: ProblemKind = {
  code: 'SMS_RECORD_TOO_LARGE',
  rejects: true,
  names: false,
  describe: (p) =>
    `a start tag of ${thousands(p.count ?? 0)} attributes, more than the ` +
    `${thousands(MAX_ATTRIBUTES)} a record may hold: SMS Backup & Restore writes about 30, so none of its values ` +
    'are read',
  hint:
    'This record is damaged in this copy of the backup (made or changed by another tool, or two files joined); ' +
    'the records around it were read. A copy from the phone or cloud may hold it whole.',
};

/** saxes error messages (without the position prefix) that do not stop the file. */
export const RECOVERABLE: ReadonlyMap<string, ProblemKind> = new Map([
  ['undefined entity.', UNDEFINED_ENTITY],
  ['disallowed character in entity name.', BAD_ENTITY],
  ['empty entity name.', BAD_ENTITY],
  ['malformed character entity.', BAD_CHAR_REF],
  ['disallowed character.', DISALLOWED_CHAR],
]);

/**
 * Reports the problems of one record (or, with `record` false, of text outside any record, which only warns):
 * one message per kind, naming the first occurrence and counting the rest. Returns true when the record was
 * rejected, i.e. its outcome is decided.
 */
export function reportProblems(
  problems: readonly RecordProblem[],
  locator: string,
  ctx: SourceContext,
  record = true,
): boolean {
  const byKind = new Map<ProblemKind, { first: RecordProblem; count: number }>();
  for (const p of problems) {
    const seen = byKind.get(p.kind);
    if (seen === undefined) byKind.set(p.kind, { first: p, count: 1 });
    else seen.count++;
  }
  let rejection: string | undefined;
  let rejectKind: ProblemKind | undefined;
  for (const [kind, { first, count }] of byKind) {
    const more = count > 1 ? ` (and ${count - 1} more like it)` : '';
    const message = kind.describe(first) + more;
    if (record && kind.rejects && rejectKind === undefined) {
      rejectKind = kind;
      rejection = message;
    } else ctx.warn(kind.code, locator, message, kind.hint);
  }
  if (rejectKind === undefined || rejection === undefined) return false;
  ctx.reject(rejectKind.code, locator, rejection, rejectKind.hint);
  return true;
}

/**
 * Lone surrogate halves replaced by U+FFFD, by position, so each warning can name the record it fell in. They
 * are noted as saxes reaches them and reported when it has read past them; by position, not by line, so a half
 * just after a record on the same line is never taken for part of it (it was, when both came in one chunk).
 */
export class LoneSurrogates {
  private readonly offsets: number[] = [];
  private readonly lines: number[] = [];
  private head = 0;

  constructor(private readonly ctx: SourceContext) {}

  /** True while some replacement has not been reported yet. */
  get pending(): boolean {
    return this.head < this.offsets.length;
  }

  /** Records a replacement at saxes' position `offset`, on `line`. */
  note(offset: number, line: number): void {
    this.offsets.push(offset);
    this.lines.push(line);
  }

  /**
   * Warns for the replacements before saxes' position `to`: those from `from` on lie in the record named by
   * `locator`, the others outside any record.
   */
  flush(from: number, to: number, locator: string | undefined): void {
    while (this.head < this.offsets.length && this.offsets[this.head]! < to) {
      const inside = this.offsets[this.head]! >= from && locator !== undefined;
      const line = this.lines[this.head++]!;
      this.ctx.warn(
        'SMS_LONE_SURROGATE',
        inside ? locator : `line ${line}`,
        `half of a UTF-16 surrogate pair (an emoji cut in two) at line ${line} was replaced by U+FFFD (\uFFFD)`,
        'The app that wrote the backup stored only half of a character; the other half is not in the file.',
      );
    }
    if (this.head === this.offsets.length && this.head > 0) {
      this.offsets.length = 0;
      this.lines.length = 0;
      this.head = 0;
    }
  }
}

/** A reference as written in a value: `&`, a name (or `#` and digits), `;`. */
export const REFERENCE = /&[^\s&;"'<>]{0,40};/;

/**
 * Fills in which attribute held the bad reference, once the start tag it was found in is complete. `letGo`: the
 * first reference of each value too long to be handed over whole (long-values.ts), which comes before any in it.
 */
export function labelProblems(
  problems: readonly RecordProblem[],
  attrs: Attrs,
  letGo: ReadonlyMap<string, string>,
): void {
  for (const p of problems) {
    if (p.inTag && p.kind.names) {
      for (const [name, value] of Object.entries(attrs)) {
        const ref = letGo.get(name) ?? (value === undefined ? undefined : REFERENCE.exec(value)?.[0]);
        if (ref !== undefined) {
          p.attribute = name;
          p.reference = ref;
          // Point at the "&" a reader looks for, not at the ";" saxes stopped on (columns count code points).
          if (p.kind.atSemicolon) {
            const back = [...ref].length - 1;
            p.at = p.at.replace(/column (\d+)$/, (_, c: string) => `column ${Math.max(1, Number(c) - back)}`);
          }
          break;
        }
      }
      p.inTag = false;
    }
  }
}

/** The root's `count` as a number, or undefined when it is absent or not a whole number. */
function declaredNumber(declared: string | undefined): number | undefined {
  return declared !== undefined && /^\d+$/.test(declared.trim()) ? Number(declared) : undefined;
}

const recordCount = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;

/**
 * How much of a file that stopped early was read, against what its root declares, for the failure message: "the
 * file declares 120 records; 0 were read before the cut". Said even when the count is absent, so a
 * reader knows whether anything was kept. `oneCut`: the file stopped inside a record, which is rejected, so the
 * count says the others were read "whole".
 */
export function readBeforeStop(
  declared: string | undefined,
  read: number,
  before: string,
  oneCut = false,
): string {
  const n = declaredNumber(declared);
  // With a record cut in two (rejected, so counted too), "read" alone would not add up with the counts.
  const verb = `${read === 1 ? 'was' : 'were'} read${oneCut ? ' whole' : ''}`;
  return n === undefined
    ? `${recordCount(read)} ${verb} before ${before}`
    : `the file declares ${recordCount(n)}; ${read} ${verb} before ${before}`;
}

/**
 * The root's `count` is written by the app before the records; a difference is worth knowing, never trusted. The
 * warning is located at the root element that carries the count (`root`, e.g. `smses (line 2)`).
 */
export function checkCount(
  declared: string | undefined,
  records: number,
  names: readonly string[],
  root: string,
  ctx: SourceContext,
): void {
  const count = declaredNumber(declared);
  if (count === undefined || count === records) return;
  ctx.warn(
    'SMS_COUNT_MISMATCH',
    root,
    `the backup's header says count="${declared}" but the file holds ${records} ${names.map((n) => `<${n}>`).join('/')} elements`,
    'Every record in the file was read. A different count can mean the file was edited, or the app skipped records while writing it.',
  );
}

/**
 * How a record left open was found: records were read inside it (`inside`), an end tag not its own closed it
 * (`end`), or the file ends after its whole start tag (`cut`).
 */
export type Unclosed = 'inside' | 'end' | 'cut';

/**
 * The earliest of the file's cases of one hand edit (by where its record starts) and how many there are: the three
 * "one warning per file" reports below name the first and count the others.
 */
class EarliestInFile<T extends { readonly at: number }> {
  private first: T | undefined;
  private count = 0;

  note(item: T): void {
    if (this.first === undefined || item.at < this.first.at) this.first = item;
    this.count++;
  }

  /** The earliest case and how many more there were, or undefined when none; starts again for the next file. */
  take(): { first: T; more: number } | undefined {
    const first = this.first;
    if (first === undefined) return undefined;
    const more = this.count - 1;
    this.first = undefined;
    this.count = 0;
    return { first, more };
  }
}

/**
 * Records left open: `<sms … >` where the app writes `<sms … />` (a hand edit), or an `<mms>` whose `</mms>` is
 * missing. In the XML the records after such a record lie inside it, or the root's end tag closes it. Each is read
 * as the record it is (an `<sms>` or `<call>` holds everything in its start tag; an `<mms>` holds its parts and
 * addresses, wherever they lie before the end tag that closes it), and one warning per file names the first and
 * counts the others, so the file's damage is shown without a warning for every record of a backup whose every
 * "/>" was lost.
 */
export class UnclosedRecords {
  private readonly cases = new EarliestInFile<{ locator: string; how: Unclosed; at: number }>();

  /** `at`: where the record starts; the first in the file is named (the root's end tag closes the last first). */
  note(locator: string, how: Unclosed, at: number): void {
    this.cases.note({ locator, how, at });
  }

  report(ctx: SourceContext): void {
    const taken = this.cases.take();
    if (taken === undefined) return;
    const { first, more: n } = taken;
    const name = /^[^[]*/.exec(first.locator)![0];
    const open =
      name === 'mms'
        ? 'no </mms> end tag closes this record where its parts end'
        : `the start tag of this record ends in ">" where SMS Backup & Restore writes "/>"`;
    const then =
      first.how === 'inside'
        ? ', so in the XML the records after it lie inside it; it and each record after it were read as the separate records they are'
        : first.how === 'end'
          ? `, and the end tag after it is not its own </${name}>; the record was read as usual`
          : ', and the file ends after it; the record was read as usual, as all it holds is in its start tag';
    const more = n > 0 ? ` (and ${n} more ${n === 1 ? 'record' : 'records'} left open like it)` : '';
    ctx.warn(
      'SMS_RECORD_NOT_CLOSED',
      first.locator,
      `${open}${then}${more}`,
      'The file was edited by hand or by another tool. Compare with a copy of the backup from the phone or cloud.',
    );
  }
}

/**
 * Elements inside a record left without their end tag (`<parts>` with no `</parts>`), closed by the end tag of the
 * record around them (or another's): what they hold is read as usual, but SMS Backup & Restore closes every element,
 * so a hand edit is flagged. One warning per file names the first and counts the others.
 */
export class ElementsNotClosed {
  private readonly cases = new EarliestInFile<{ locator: string; element: string; at: number }>();

  /** `locator`: the record the element lies in; `at`: where that record starts (the first in the file is named). */
  note(locator: string, element: string, at: number): void {
    this.cases.note({ locator, element, at });
  }

  report(ctx: SourceContext): void {
    const taken = this.cases.take();
    if (taken === undefined) return;
    const { first, more: n } = taken;
    const more = n > 0 ? ` (and ${n} more ${n === 1 ? 'element' : 'elements'} left open like it)` : '';
    ctx.warn(
      'SMS_ELEMENT_NOT_CLOSED',
      first.locator,
      `<${first.element}> in this record has no end tag </${first.element}> (SMS Backup & Restore closes every ` +
        `element): a later end tag closes it, and what it holds was read as usual${more}`,
      'The file was edited by hand or by another tool. Compare with a copy of the backup from the phone or cloud.',
    );
  }
}

/**
 * Records that hold a record and are closed by their own end tag after it: an `<sms/>` pasted between an
 * `<mms>`'s parts and its addresses, or `<sms … >` … `</sms>` around another. The one inside is read as a record of
 * its own and the one around it as usual (an `<mms>` with all its parts and addresses); one warning per file
 * names the first and counts the others.
 */
export class RecordsInside {
  private readonly cases = new EarliestInFile<{ locator: string; inside: string; at: number }>();

  /** `at`: where the record starts; the first in the file is named (the innermost is closed first). */
  note(locator: string, inside: string, at: number): void {
    this.cases.note({ locator, inside, at });
  }

  report(ctx: SourceContext): void {
    const taken = this.cases.take();
    if (taken === undefined) return;
    const { first, more: n } = taken;
    const name = /^[^[]*/.exec(first.locator)![0];
    const own =
      name === 'mms'
        ? 'this record as usual, with all of its own parts and addresses, those after it too'
        : 'this record as usual';
    const more = n > 0 ? ` (and ${n} more ${n === 1 ? 'record' : 'records'} with a record inside)` : '';
    ctx.warn(
      'SMS_RECORD_INSIDE_RECORD',
      first.locator,
      `${first.inside} lies inside this record, before its end tag </${name}>, where SMS Backup & Restore writes ` +
        `records one after another; it was read as a record of its own, and ${own}${more}`,
      'The file was edited by hand or by another tool (a record pasted into another). Compare with a copy of the ' +
        'backup from the phone or cloud.',
    );
  }
}

/**
 * Every `&` read as itself (UNESCAPED_AMPERSAND), told in one warning for the file: a tool that never escapes `&`
 * leaves one in most records, and a warning for each buried everything else. It names the first (line, column,
 * attribute) and counts the rest, with the records (or lines between records) of the next two.
 */
export class UnescapedAmpersands {
  private first: { problem: RecordProblem; locator: string } | undefined;
  private count = 0;
  private places = 0;
  private last = '';
  private readonly next: string[] = [];
  private between = false;

  /** An `&` read as itself, in the record (or the text between records) `locator`. */
  note(problem: RecordProblem, locator: string): void {
    this.count++;
    if (locator !== this.last) {
      this.last = locator;
      this.places++;
      if (locator.startsWith('line ')) this.between = true;
      if (this.first !== undefined && this.next.length < 2) this.next.push(locator);
    }
    this.first ??= { problem, locator };
  }

  report(ctx: SourceContext): void {
    const first = this.first;
    if (first === undefined) return;
    const { count, places } = this;
    let more = '';
    if (places > 1) {
      const where = [first.locator, ...this.next].join(', ') + (places > this.next.length + 1 ? ', …' : '');
      const what = this.between ? 'places' : 'records';
      more = ` (and ${count - 1} more like it; ${count} in ${places} ${what}: ${where})`;
    } else if (count > 1) more = ` (and ${count - 1} more like it)`;
    ctx.warn(
      UNESCAPED_AMPERSAND.code,
      first.locator,
      UNESCAPED_AMPERSAND.describe(first.problem) + more,
      UNESCAPED_AMPERSAND.hint,
    );
    this.first = undefined;
    this.count = 0;
  }
}

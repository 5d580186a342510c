/**
 * Passes the text of a backup back and forth between the fast path (fast.ts) and saxes. saxes reads the prolog,
 * the root's start tag, every record the fast path gives up on and everything after the root. Inside the root it
 * is handed text in pieces that end just after a `>`, and once a piece leaves it between two records (at depth 1,
 * in plain text, nothing carried over), the fast path takes the rest. When the fast path stops, saxes' line, column
 * and position are set to the stopping point, so its events and error messages read exactly as if it had seen
 * every character.
 *
 * Outside the root saxes reports text (a fatal error) where the piece it was given ends, not where the text
 * starts: fed whole chunks, the same file failed at another column for every chunk size. So there a piece ends
 * right after the first character that is not white space after a `>` (or at the start of the file): when that
 * character is stray text, saxes names exactly it, wherever the chunks end. (A `>` inside a comment or a DOCTYPE
 * makes a cut saxes does not need; it reads the same across any cut.)
 *
 * An `&` that starts no reference (`Tom & Jerry`, `?x=1&y=2;`, written by a hand edit or another tool) is read as
 * the character `&` itself. saxes would take everything after it up to the next `;`, records included, for an
 * entity name (a file without a later `;` then read as cut short), and reject what it read there. The rule: an `&`
 * starts a reference only when what follows it up to a `;` is an XML name or `#digits` / `#xhex`. So a piece also
 * ends just after an `&` not plainly followed by such a reference, and while saxes reads a reference begun there,
 * pieces end at the first character no name holds or after its `;`: at such a character, or at a `;` after what
 * is no name (`&a,b;`, `&;`, `&1x;`), saxes is put back to reading the value or text, with `&` and what followed it
 * kept as written, and the reader is told where the `&` stood (`ampersand`). This holds in the root's start tag
 * too; outside a value or text (a comment, say) the extra piece changes nothing. Only the saxes path does this;
 * the fast path hands such a record to saxes.
 *
 * An attribute value too long to hold whole (an MMS part's base64 video, a message text past 1 MiB) is taken out of
 * saxes while it reads it (`heldValue`, `takeValue`; the policy is long-values.ts).
 *
 * That needs some of saxes' private fields, read and written here only; saxes is pinned to 6.0.0 in package.json,
 * and if the fields are not there (another version) the fast path is simply never used, nor is an `&` mended, and
 * long values are held whole again.
 */
import { SaxesParser } from 'saxes';
import { FastScanner, type FastSink } from './fast.js';

/** saxes 6.0.0's private position and state fields. */
interface SaxesInternals {
  state: number;
  tags: unknown[];
  carriedFromPrevious: string | undefined;
  chunkPosition: number;
  positionAtNewLine: number;
  currentXMLVersion: string;
  line: number;
  column: number;
  /** The value or text being read, the reference name read so far, the state it returns to, the attribute. */
  text: string;
  entity: string;
  entityReturnState: number | undefined;
  name: string;
  /** Set only once a text handler is (the reader sets none). */
  textHandler?: unknown;
}

const LT = 0x3c;
const SEMI = 0x3b;

/** saxes' "reading text" state, the one it is in between records (a parser for a fragment starts in it). */
const TEXT_STATE = (new SaxesParser({ fragment: true }) as unknown as { state?: unknown }).state;

/** saxes' "reading a reference after `&`" state. */
const ENTITY_STATE = (() => {
  const probe = new SaxesParser({ fragment: true }) as unknown as { state?: unknown; write(s: string): void };
  probe.write('&');
  return probe.state;
})();

/** saxes' "reading an attribute value in quotes" state. */
const VALUE_STATE = (() => {
  const probe = new SaxesParser({ fragment: true }) as unknown as { state?: unknown; write(s: string): void };
  probe.write('<a b="');
  return probe.state;
})();

/**
 * True for a UTF-16 unit that may stand in a reference's name: XML 1.0's NameChar, `#`, or half of a surrogate pair
 * (names allow U+10000 to U+EFFFF). Whether the whole is a reference is decided at its `;` (`isReference`).
 */
function inReference(c: number): boolean {
  if (c < 0x80) {
    return (
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x5f ||
      c === 0x3a ||
      c === 0x2d ||
      c === 0x2e ||
      c === 0x23
    );
  }
  return (
    c === 0xb7 ||
    (c >= 0xc0 && c <= 0x37d && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    c === 0x203f ||
    c === 0x2040 ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** A character reference's digits: whether the character is allowed is saxes' to say (SMS_BAD_CHAR_REF). */
const CHAR_REF = /^#(?:[0-9]+|x[0-9A-Fa-f]+)$/;

/** True for a UTF-16 unit that may start an XML name (NameStartChar; a surrogate half stands for U+10000 on). */
function startsName(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
  return inReference(c) && c !== 0xb7 && !(c >= 0x300 && c <= 0x36f) && c !== 0x203f && c !== 0x2040;
}

/**
 * True when `&name;` is a reference (defined or not): `name` is an XML name, or `#digits` / `#xhex`. False when its
 * `&` can only be the character itself.
 */
function isReference(name: string): boolean {
  if (name.charCodeAt(0) === 0x23) return CHAR_REF.test(name);
  if (name.length === 0 || !startsName(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x23 || !inReference(c)) return false;
  }
  return true;
}

/** The index of the first character from `from` on no reference holds, or of `;`; -1 when the text ends first. */
function referenceEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === SEMI || !inReference(c)) return j;
  }
  return -1;
}

/** The parser's internals when they look as expected, else undefined (the fast path is then off). */
function internalsOf(parser: SaxesParser): SaxesInternals | undefined {
  const p = parser as unknown as Partial<SaxesInternals>;
  const ok =
    typeof p.state === 'number' &&
    Array.isArray(p.tags) &&
    typeof p.chunkPosition === 'number' &&
    typeof p.positionAtNewLine === 'number' &&
    typeof p.currentXMLVersion === 'string' &&
    'carriedFromPrevious' in p &&
    typeof p.text === 'string' &&
    typeof p.entity === 'string' &&
    typeof p.name === 'string' &&
    'entityReturnState' in p &&
    typeof TEXT_STATE === 'number' &&
    typeof ENTITY_STATE === 'number' &&
    typeof VALUE_STATE === 'number';
  return ok ? (p as SaxesInternals) : undefined;
}

/** What the reader tells the handover, and is told by it. */
export interface HandoverEvents {
  /** True when the reader, too, is between two records of the root (no record open, nothing pending). */
  between(): boolean;
  /** True once the root element has started, until it ends. */
  inRoot(): boolean;
  /** The fast path takes over at the current saxes position. */
  started(): void;
  /** The fast path hands over to saxes at absolute offset `at` (saxes' position is now there). */
  stopped(at: number): void;
  /**
   * An `&` that starts no reference stood at `line`, `column` (saxes' count), in the value of `attribute` or, when
   * undefined, in text; it was read as `&` itself.
   */
  ampersand(line: number, column: number, attribute: string | undefined): void;
}

/**
 * The end tag saxes is closing: its name, and whether an element of that name is open below the elements it has
 * popped so far (undefined: not looked up yet). saxes clears its own `name` before it pops, and reading the name
 * back from the text failed when spaces before the `>` put its `<` out of reach. Kept here, not on the parser:
 * each property added to a saxes instance slows it (see reader.ts). saxes pops and reports synchronously inside
 * `closeTag`, so the reader's closetag handler always sees the end tag being closed, whatever other file is read.
 */
let endTag: string | undefined;
let endTagOpen: boolean | undefined;

/** saxes 6.0.0's private `closeTag`, which reads the end tag's name from `name` and pops the elements it closes. */
const SAXES_CLOSE_TAG = (SaxesParser.prototype as unknown as { closeTag?: unknown }).closeTag;

/** saxes that notes the name of each end tag before closing it (see `endTag`). */
export class EndTagSaxes extends SaxesParser {}
if (typeof SAXES_CLOSE_TAG === 'function') {
  Object.defineProperty(EndTagSaxes.prototype, 'closeTag', {
    value(this: { name?: unknown }): void {
      endTag = typeof this.name === 'string' ? this.name : undefined;
      endTagOpen = undefined;
      SAXES_CLOSE_TAG.call(this);
    },
    writable: true,
    configurable: true,
  });
}

/** Where an `&` saxes is reading a reference after stood: known when the piece ending with it was read. */
interface OpenAmp {
  readonly line: number;
  readonly column: number;
  readonly attribute: string | undefined;
}

/** Feeds decoded text to saxes or the fast path, whichever may read it. */
export class Handover {
  private readonly p: SaxesInternals | undefined;
  /** saxes' internals for mending an `&` (on with the fast path off, too), or undefined. */
  private readonly q: SaxesInternals | undefined;
  /** saxes is reading a reference after an `&` that a piece ended with; undefined otherwise. */
  private amp: OpenAmp | undefined;
  private readonly scanner: FastScanner;
  private fast = false;
  /** Absolute offset of the next text, in UTF-16 units (saxes' `position`). */
  private written = 0;
  /** Outside the root: the text so far ends with markup (or nothing), so stray text may start next. */
  private afterMarkup = true;

  /** `enabled` false: saxes reads everything (tests compare the two). */
  constructor(
    private readonly parser: SaxesParser,
    sink: FastSink,
    private readonly events: HandoverEvents,
    enabled: boolean,
  ) {
    this.q = internalsOf(parser);
    this.p = enabled ? this.q : undefined;
    this.scanner = new FastScanner(sink);
  }

  /** Reads the next text. `allowFast` false keeps it all for saxes (a chunk with a repaired surrogate half). */
  write(text: string, allowFast: boolean): void {
    const base = this.written;
    this.written += text.length;
    const n = text.length;
    let pos = 0;
    /** The next `&` from `pos` on that may start no reference (n: none), found once per text. */
    let nextAmp = -1;
    if (this.fast && !allowFast) this.toSaxes(text, base, 0);
    while (pos < n) {
      if (this.fast) {
        pos = this.scanner.scan(text, base, pos);
        if (pos < n) this.toSaxes(text, base, pos);
      } else if (this.amp !== undefined) {
        pos = this.readReference(text, pos);
      } else {
        // In the root every piece ends after a `>`, so the one that closes the root ends there too.
        const inRoot = this.events.inRoot();
        let end = inRoot ? this.tagEnd(text, pos) : this.outsideEnd(text, pos);
        let atAmp = false;
        // Outside the root too: the root's start tag may hold an "&" (text there fails the file anyway).
        if (this.q !== undefined) {
          if (nextAmp < pos) nextAmp = this.doubtfulAmp(text, pos);
          if (nextAmp < end) {
            end = nextAmp + 1;
            atAmp = true;
            this.afterMarkup = false;
          }
        }
        this.parser.write(pos === 0 && end === n ? text : text.slice(pos, end));
        // saxes reads a reference from here (the `&` was in a value or text, not a comment, say).
        if (atAmp && this.q!.state === ENTITY_STATE) {
          const q = this.q!;
          this.amp = {
            line: this.parser.line,
            column: this.parser.column,
            attribute: q.entityReturnState === TEXT_STATE ? undefined : q.name,
          };
        }
        pos = end;
        if (allowFast && this.afterMarkup && this.clean()) {
          this.fast = true;
          this.events.started();
          this.scanner.seed(this.parser.line, this.parser.column, base + pos);
        }
      }
    }
    // saxes is kept at the end of what was read, for the messages of a failure between chunks.
    if (this.fast) this.sync(base + n, this.scanner.line, this.scanner.endChunk(text, base));
  }

  /**
   * The index of the next `&` from `pos` on not plainly followed by a reference and its `;` in this text (one near
   * the end may yet be), or the text's length.
   */
  private doubtfulAmp(text: string, pos: number): number {
    let at = text.indexOf('&', pos);
    while (at !== -1) {
      const end = referenceEnd(text, at + 1);
      if (end === -1 || text.charCodeAt(end) !== SEMI || !isReference(text.slice(at + 1, end))) return at;
      at = text.indexOf('&', end + 1);
    }
    return text.length;
  }

  /**
   * saxes reads a reference after an `&` (this.amp): hands it the text up to the `;` that ends the reference (saxes
   * reads it as always), or up to a character no reference holds or a `;` after what is no reference, where the `&`
   * is mended; returns where it stopped.
   */
  private readReference(text: string, pos: number): number {
    const end = referenceEnd(text, pos);
    if (end === -1 || (text.charCodeAt(end) === SEMI && isReference(this.q!.entity + text.slice(pos, end)))) {
      const to = end === -1 ? text.length : end + 1;
      this.parser.write(pos === 0 && to === text.length ? text : text.slice(pos, to));
      if (end !== -1) this.amp = undefined;
      return to;
    }
    if (end > pos) this.parser.write(text.slice(pos, end));
    const q = this.q!;
    const amp = this.amp!;
    this.amp = undefined;
    // What saxes does with a reference it has resolved, with "&" and the characters after it as the reference's
    // text: a value keeps it; text between records is not kept (the reader sets no text handler).
    if (q.entityReturnState !== TEXT_STATE || q.textHandler !== undefined) q.text += `&${q.entity}`;
    q.entity = '';
    q.state = q.entityReturnState!;
    this.afterMarkup = false;
    this.events.ampersand(amp.line, amp.column, amp.attribute);
    return end;
  }

  /** How many characters saxes holds of the attribute value it is reading (in quotes); 0 when it reads none. */
  heldValue(): number {
    const q = this.q;
    return q !== undefined && q.state === VALUE_STATE ? q.text.length : 0;
  }

  /** The name of the attribute whose value saxes is reading (`heldValue`). */
  valueName(): string {
    return this.q!.name;
  }

  /**
   * Takes what saxes holds of the value it is reading (`heldValue`), leaving it empty; saxes reads the rest as
   * before, checking every character. A high surrogate at its end stays: the other half of its character is next.
   */
  takeValue(): string {
    const q = this.q!;
    const text = q.text;
    const last = text.charCodeAt(text.length - 1);
    const whole = last >= 0xd800 && last <= 0xdbff ? text.length - 1 : text.length;
    q.text = text.slice(whole);
    return text.slice(0, whole);
  }

  /**
   * Called from a closetag event (not self-closing) for the element `popped` saxes just popped: true when the end
   * tag being read is `popped`'s own, or that of an element still open below it (which closes it too); false when it
   * matches no open element. Also true when saxes' internals are not as expected (its own end tag is assumed).
   * The stack is searched once per end tag, from the top, where the match lies: as many steps as the end tag pops
   * elements, so a hand edit that leaves thousands of records open stays linear.
   */
  closesOpen(popped: string): boolean {
    const name = endTag;
    if (name === undefined || name === popped) return true;
    if (endTagOpen === undefined) {
      const tags = this.q?.tags as readonly { readonly name?: unknown }[] | undefined;
      if (tags === undefined) return true;
      let i = tags.length - 1;
      while (i >= 0 && tags[i]!.name !== name) i--;
      endTagOpen = i >= 0;
    }
    return endTagOpen;
  }

  /** The end of a piece inside the root: just after the next `>`, or the end of the text. */
  private tagEnd(text: string, pos: number): number {
    const gt = text.indexOf('>', pos);
    this.afterMarkup = gt !== -1;
    return gt === -1 ? text.length : gt + 1;
  }

  /** The end of a piece outside the root (see the file comment). */
  private outsideEnd(text: string, pos: number): number {
    const n = text.length;
    let j = pos;
    if (this.afterMarkup) {
      let c = 0;
      for (; j < n; j++) {
        c = text.charCodeAt(j);
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      }
      if (j === n) return n;
      if (c !== LT) {
        // NEL and LS are line breaks in XML 1.1, so text may still start after them.
        if (c === 0x85 || c === 0x2028) return j + 1;
        // A surrogate pair is one character; a high half at the end waits for its other half (saxes holds it).
        if (c >= 0xd800 && c <= 0xdbff) {
          if (j + 1 === n) return n;
          j++;
        }
        this.afterMarkup = false;
        return j + 1;
      }
    }
    const gt = text.indexOf('>', j);
    this.afterMarkup = gt !== -1;
    return gt === -1 ? n : gt + 1;
  }

  /** saxes stands between two records of the root, with nothing half read. */
  private clean(): boolean {
    const p = this.p;
    return (
      p !== undefined &&
      p.state === TEXT_STATE &&
      p.tags.length === 1 &&
      p.carriedFromPrevious === undefined &&
      p.currentXMLVersion === '1.0' &&
      this.events.between()
    );
  }

  private toSaxes(text: string, base: number, at: number): void {
    this.fast = false;
    this.sync(base + at, this.scanner.line, this.scanner.columnAt(text, base, base + at));
    this.events.stopped(base + at);
  }

  private sync(at: number, line: number, column: number): void {
    const p = this.p!;
    p.chunkPosition = at;
    p.positionAtNewLine = at - column;
    p.line = line;
    p.column = column;
  }
}

/**
 * A small streaming tag scanner for Meta's generated HTML (no DOM library): it builds element subtrees and hands
 * each element to `onClose` when its end tag arrives. `onClose` may consume the element (a message), which is
 * then dropped, so memory holds the open path plus whatever has not been consumed yet — bounded by a budget.
 *
 * It understands what these pages contain: nested elements with double- or single-quoted attributes, void and
 * self-closing tags, comments, doctype, `<script>`/`<style>` (skipped) and `<title>` (kept as text), character
 * references. It is not a general HTML parser: there is no implied-end-tag repair beyond closing to the
 * nearest open element of the same name, which is all this well-formed generated markup needs.
 */
import { thousands } from '../../model/format.js';
import { SourceFailure } from '../source.js';
import { decodeEntities } from './entities.js';
import { attributes, FLAT_MAX, flatten, SKIPPED, tagEnd, VOID } from './markup.js';

/** One element with its children in document order (text children are decoded strings). */
export interface HtmlNode {
  readonly tag: string;
  readonly cls: string;
  readonly depth: number;
  /** Where its start tag's `<` is: 1-based line, and column in UTF-16 units (as the JSON readers count them). */
  readonly line: number;
  readonly column: number;
  /** `src` or `href`, decoded, when present. */
  readonly src: string | undefined;
  readonly href: string | undefined;
  readonly children: (HtmlNode | string)[];
  /** Element children so far. */
  elements: number;
  /** Characters of text plus number of elements in the subtree (FLAT_MAX is measured in it). */
  size: number;
  /** What keeping the subtree costs against MAX_RETAINED: its characters of text, ELEMENT_COST per element. */
  cost: number;
  /**
   * For a small element (up to `FLAT_MAX`), its text with a space for each non-inline element boundary, set when
   * it closes: enough to recognise a date line without walking the subtree again.
   */
  flat: string | undefined;
}

/** Above this much retained markup the file is not a thread page (or its messages are not recognised). */
export const MAX_RETAINED = 32 * 1024 * 1024;
/**
 * What one element held costs against MAX_RETAINED, in characters of text: its object, arrays and strings take
 * ~190 bytes, a character 1 or 2. Counted as 1, a page of 3 million empty `<b></b>` (21 MB) took 635 MB and 15 s
 * before it was stopped, if ever; counted so, an element costs what the text the budget allows would.
 */
export const ELEMENT_COST = 96;
/**
 * What one piece of text held costs against MAX_RETAINED beyond its characters: a string and its place in a list
 * take ~50 bytes however short. Counted by length alone, 16 million pieces `xy` (split by end tags that close
 * nothing, `xy</q>`, 96 MB) were all held: 914 MB.
 */
export const TEXT_COST = 24;
/** The elements MAX_RETAINED holds, for messages. */
export const MAX_ELEMENTS = Math.floor(MAX_RETAINED / ELEMENT_COST);

/** What the budget holds, for messages: "32 MiB of text, or 349,525 elements". */
export const RETAINED_BUDGET = `${MAX_RETAINED / 1048576} MiB of text, or ${thousands(MAX_ELEMENTS)} elements`;
/** A single tag or comment longer than this means the markup is broken. */
const MAX_CARRY = 1024 * 1024;

const HINT =
  'Export the thread again, or choose the JSON format in "Download your information"; messages before this point were kept.';

/** Why and where reading stopped (`HtmlTreeScanner.stop`). */
export interface Stop {
  /**
   * `cut`: the page ends (cut short); `broken`: a tag or comment never ends; `too-large`: more markup than
   * MAX_RETAINED is held without being recognised as messages (or inside one message block).
   */
  readonly why: 'cut' | 'broken' | 'too-large';
  /**
   * The end of the page, where the tag that never ends starts, or how far reading got before the budget ran out
   * ("line 1, column 5120").
   */
  readonly where: string;
}

/** The locator of the message block that is `node`: where its start tag begins ("line 1, column 5120"). */
export const nodeLocator = (node: HtmlNode) => `line ${node.line}, column ${node.column}`;

/**
 * The page's failure. `record` is the locator of the message block the page breaks off in, rejected by the reader
 * (`line 1, column 5120`, where its start tag begins): the failure then names it and takes it as its locator, as the JSON readers' failures do. The
 * scanner knows no message blocks, so it throws the failure without one; the reader throws it again with one.
 */
export function stopFailure(stop: Stop, record?: string): SourceFailure {
  const inside = record === undefined ? '' : `, inside the message that starts at ${record}`;
  if (stop.why === 'cut') {
    return new SourceFailure(
      'MESSENGER_HTML_TRUNCATED',
      record === undefined
        ? `The page ends before </body> or </html> (${stop.where}): the file was cut short, so any message not whole before this point is missing.`
        : `The page ends before </body> or </html> (${stop.where})${inside}: the file was cut short, so that message is not used and any messages after it are missing.`,
      record,
      HINT,
    );
  }
  if (stop.why === 'too-large') {
    return new SourceFailure(
      'MESSENGER_HTML_TOO_LARGE',
      record === undefined
        ? `More of the page than reading holds (${RETAINED_BUDGET}) is not recognised as messages (reading stopped at ${stop.where}).`
        : `More of the page up to ${stop.where} than reading holds (${RETAINED_BUDGET}) is not recognised as messages: reading stopped inside the message that starts at ${record}, so that message is not used and the rest of the page cannot be read.`,
      record,
      HINT,
    );
  }
  return new SourceFailure(
    'MESSENGER_HTML_INVALID',
    record === undefined
      ? `A tag or comment that starts at ${stop.where} never ends; the markup is broken, so the rest of the page cannot be read.`
      : `A tag or comment that starts at ${stop.where} never ends${inside}; the markup is broken, so that message is not used and the rest of the page cannot be read.`,
    record,
    HINT,
  );
}

/** Streaming tag scanner; `onClose` returns true when it consumed the element. */
export class HtmlTreeScanner {
  /** Text of `<title>`, decoded; set once the title element ends. */
  title: string | undefined;
  /** True once `</html>` or `</body>` was read: the page was not cut short. */
  closed = false;
  /** Why and where reading stopped, set just before the failure is thrown. */
  stop: Stop | undefined;
  private readonly stack: HtmlNode[];
  private carry = '';
  private pendingText = '';
  private raw: { tag: string; text: string } | undefined;
  private retained = 0;
  /** What an element, and a piece of text beyond its characters, cost against the budget (see the constructor). */
  private readonly elementCost: number;
  private readonly textCost: number;
  /** What an open element costs beyond `elementCost` (in `lean` mode, where an element that ends is let go). */
  private readonly openCost: number;
  /** How many elements of each tag name are open: a stray end tag is known without searching the stack. */
  private readonly open = new Map<string, number>();
  /**
   * Characters scanned past before the text being scanned (`buf`: `carry` and the chunk), the line reached and
   * where that line starts, how far into `buf` its line breaks were counted, where its next line feed and carriage
   * return are, and where in the page the last carriage return counted is (a line feed right after it ends the
   * same line). A lone CR, a lone LF and a CRLF each end one line, as the line readers count them (text.ts).
   */
  private base = 0;
  private line = 1;
  private lineStart = 0;
  private buf = '';
  private reached = 0;
  private nextLf = -1;
  private nextCr = -1;
  private lastCr = -2;

  /**
   * `lean`: for a reader that judges each element only as it ends, from its element count, its first and last
   * element children (with their `flat` texts), its first text and its own `flat` (page.ts, pass 1). An element
   * that ends and is not consumed then keeps none of its children, and an element bigger than FLAT_MAX keeps only
   * those: the elements in between are let go. Its memory is the open path, however many elements the page holds
   * that are not consumed (message blocks whose date cannot be read). The budget counts them as kept all the same,
   * so that the page stops where it would stop without `lean`, but at one unit an element, not ELEMENT_COST (and a
   * piece of text at its characters, without TEXT_COST): the
   * elements it lets go cost nothing to hold, and a page of 100,000 blocks whose date cannot be read must still be
   * learnt to its end (every element counted at ELEMENT_COST, it stopped short of the end and was never said to
   * have no readable date).
   */
  constructor(
    private readonly onClose: (node: HtmlNode, parent: HtmlNode) => boolean,
    private readonly lean = false,
  ) {
    this.elementCost = lean ? 1 : ELEMENT_COST;
    this.openCost = ELEMENT_COST - this.elementCost;
    this.textCost = lean ? 0 : TEXT_COST;
    this.stack = [
      {
        tag: '#root',
        cls: '',
        depth: 0,
        line: 1,
        column: 1,
        src: undefined,
        href: undefined,
        children: [],
        elements: 0,
        size: 0,
        cost: 0,
        flat: undefined,
      },
    ];
  }

  /** Scans the next piece of decoded text. */
  push(chunk: string): void {
    const buf = this.carry + chunk;
    let pos = 0;
    this.carry = '';
    this.scanning(buf);
    while (pos < buf.length) {
      if (this.raw) {
        const endTag = new RegExp(`</${this.raw.tag}`, 'ig');
        endTag.lastIndex = pos;
        const close = endTag.exec(buf)?.index ?? -1;
        if (close < 0) {
          // Keep a tail that may hold the start of the end tag.
          const keep = Math.max(pos, buf.length - this.raw.tag.length - 2);
          if (this.raw.tag === 'title') this.raw.text += buf.slice(pos, keep);
          pos = keep;
          break;
        }
        const gt = buf.indexOf('>', close);
        if (gt < 0) break;
        if (this.raw.tag === 'title')
          this.title ??= decodeEntities(this.raw.text + buf.slice(pos, close))
            .replace(/\s+/g, ' ')
            .trim();
        this.raw = undefined;
        pos = gt + 1;
        continue;
      }
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        this.pendingText += buf.slice(pos);
        pos = buf.length;
        if (this.pendingText.length > MAX_RETAINED) {
          this.reach(pos);
          this.grow(this.pendingText.length);
        }
        break;
      }
      if (lt > pos) this.pendingText += buf.slice(pos, lt);
      pos = lt;
      const next = buf.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
      if (buf.startsWith('<!--', lt)) {
        const end = buf.indexOf('-->', lt + 4);
        if (end < 0) break;
        pos = end + 3;
        continue;
      }
      // "<" starts markup only before a letter, "/", "!" or "?"; otherwise it is text ("a < b").
      const isTag =
        (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a
          ? true
          : next === 0x2f || next === 0x21 || next === 0x3f;
      if (!isTag) {
        this.pendingText += '<';
        pos = lt + 1;
        continue;
      }
      const gt = tagEnd(buf, lt + 1);
      if (gt < 0) break;
      pos = gt + 1;
      // The element's position is where its "<" is.
      this.reach(lt);
      this.tag(buf.slice(lt + 1, gt));
    }
    this.reach(pos);
    this.base += pos;
    this.carry = buf.slice(pos);
    this.scanning(this.carry);
    if (this.carry.length > MAX_CARRY) {
      this.stop = { why: 'broken', where: this.position() };
      throw stopFailure(this.stop);
    }
  }

  /**
   * The elements whose start tag was read and whose end tag was not, outermost first (the page's root aside):
   * after a failure, the elements the page breaks off in.
   */
  openElements(): readonly HtmlNode[] {
    return this.stack.slice(1);
  }

  /** Ends the input; throws when the page was cut short. */
  end(): void {
    this.flushText();
    if (!this.closed) {
      this.reach(this.carry.length);
      this.stop = { why: 'cut', where: this.position() };
      throw stopFailure(this.stop);
    }
  }

  /** Starts on the text `buf`, which begins `base` characters into the page. */
  private scanning(buf: string): void {
    this.buf = buf;
    this.reached = 0;
    this.nextLf = buf.indexOf('\n');
    this.nextCr = buf.indexOf('\r');
  }

  /**
   * Moves the position to `buf[i]`, counting the line breaks passed. Positions only move forwards, and the next
   * line feed and carriage return are remembered, so a page of one long line is not searched again for each of
   * its tags.
   */
  private reach(i: number): void {
    for (;;) {
      const cr = this.nextCr >= 0 && (this.nextLf < 0 || this.nextCr < this.nextLf);
      const at = cr ? this.nextCr : this.nextLf;
      if (at < 0 || at >= i) break;
      const abs = this.base + at;
      if (cr) {
        this.line++;
        this.lastCr = abs;
        this.nextCr = this.buf.indexOf('\r', at + 1);
      } else {
        // The LF of a CRLF ends the line its CR ended.
        if (this.lastCr !== abs - 1) this.line++;
        this.nextLf = this.buf.indexOf('\n', at + 1);
      }
      this.lineStart = abs + 1;
    }
    this.reached = i;
  }

  /** The column reached (1-based, in UTF-16 units, as the JSON readers count them). */
  private column(): number {
    return this.base + this.reached - this.lineStart + 1;
  }

  /** The position reached, as line and column ("line 1, column 5120"). */
  private position(): string {
    return `line ${this.line}, column ${this.column()}`;
  }

  private get top(): HtmlNode {
    return this.stack[this.stack.length - 1]!;
  }

  private tag(body: string): void {
    const first = body[0];
    if (first === '!' || first === '?') return; // doctype, processing instruction
    this.flushText();
    if (first === '/') {
      const name = body.slice(1).trim().toLowerCase();
      if (name === 'html' || name === 'body') this.closed = true;
      this.close(name);
      return;
    }
    const name = /^[^\s/>]+/.exec(body)?.[0].toLowerCase() ?? '';
    if (SKIPPED.has(name) || name === 'title') {
      if (!body.endsWith('/')) this.raw = { tag: name, text: '' };
      return;
    }
    const attrs = attributes(body.slice(name.length));
    const node: HtmlNode = {
      tag: name,
      cls: attrs.cls,
      depth: this.stack.length,
      line: this.line,
      column: this.column(),
      src: attrs.src,
      href: attrs.href,
      children: [],
      elements: 0,
      size: 1,
      cost: this.elementCost,
      flat: name === 'br' ? '' : undefined,
    };
    this.grow(this.elementCost);
    if (VOID.has(name) || body.endsWith('/')) {
      node.flat ??= '';
      this.attach(node, this.top);
    } else {
      // An open element is held whole in `lean` mode too: it costs ELEMENT_COST until it ends (30 million unclosed
      // <div>, each counted as 1, took 5 GB before the budget was reached, and Node ran out of memory).
      this.grow(this.openCost);
      this.stack.push(node);
      this.open.set(name, (this.open.get(name) ?? 0) + 1);
    }
  }

  private close(name: string): void {
    // A stray end tag: searching the stack for it would make a page of many unclosed elements followed by
    // many stray end tags quadratic (minutes for a megabyte).
    if (!this.open.get(name)) return;
    let at = this.stack.length - 1;
    while (this.stack[at]!.tag !== name) at--;
    while (this.stack.length > at) {
      const node = this.stack.pop()!;
      this.retained -= this.openCost;
      this.open.set(node.tag, this.open.get(node.tag)! - 1);
      node.flat = flatten(node);
      if (!this.onClose(node, this.top)) {
        if (this.lean) node.children.length = 0;
        this.attach(node, this.top);
      } else this.retained -= node.cost;
    }
  }

  private attach(node: HtmlNode, parent: HtmlNode): void {
    parent.children.push(node);
    parent.elements++;
    parent.size += node.size;
    parent.cost += node.cost;
    if (this.lean) this.letGo(parent);
  }

  /**
   * In `lean` mode, lets go of the children of `parent` that no one will look at: once it is too big for a `flat`
   * text, all but its first text, its first element child and its last.
   */
  private letGo(parent: HtmlNode): void {
    const c = parent.children;
    if (c.length <= 4 || parent.size <= FLAT_MAX) return;
    const head = typeof c[0] === 'string' ? c[0] : undefined;
    let first: HtmlNode | undefined;
    let last: HtmlNode | undefined;
    for (const x of c) {
      if (typeof x === 'string') continue;
      first ??= x;
      last = x;
    }
    c.length = 0;
    if (head !== undefined) c.push(head);
    if (first !== undefined) c.push(first);
    if (last !== undefined && last !== first) c.push(last);
  }

  private flushText(): void {
    if (this.pendingText === '') return;
    const raw = this.pendingText.includes('\0')
      ? this.pendingText.replaceAll('\0', '\ufffd')
      : this.pendingText;
    const text = decodeEntities(raw);
    this.pendingText = '';
    const top = this.top;
    top.children.push(text);
    top.size += text.length;
    top.cost += text.length + this.textCost;
    if (this.lean) this.letGo(top);
    this.grow(text.length + this.textCost);
  }

  private grow(n: number): void {
    this.retained += n;
    if (this.retained > MAX_RETAINED) {
      // The reader counts a message block this stops inside (openElements), as for a page cut short.
      this.stop = { why: 'too-large', where: this.position() };
      throw stopFailure(this.stop);
    }
  }
}

/**
 * Reading a thread page: one streaming pass through the tag scanner, and pass 1, which learns what the page says
 * about itself before any message is reported — which elements are message blocks (so a block whose date line
 * cannot be read is still counted, in document order), the participants, the title and the "You …" sentences
 * that show a group page's owner.
 */

import { type SourceContext, SourceFailure, type SourceInput } from '../source.js';
import { breaksIn, lineFeeds, Utf8Watch } from '../utf8-watch.js';
import { blockStamp, ends, shortText } from './blocks.js';
import { type HtmlNode, HtmlTreeScanner } from './tree.js';

/** Elements with the same tag, class and depth as a message block are message blocks. */
export const key = (n: HtmlNode) => `${n.tag}|${n.cls}|${n.depth}`;

/**
 * Streams the page once through `scanner`, which sees every element as it ends. Bytes that are no UTF-8 (a page
 * re-saved as Windows-1252) become U+FFFD; `onInvalidUtf8` gets the line of the first once the whole page was
 * scanned (a page that stops part-way says nothing of them, wherever its chunks end).
 */
export async function scanPage(
  input: SourceInput,
  scanner: HtmlTreeScanner,
  onBytes: (read: number) => void,
  onInvalidUtf8?: (line: number) => void,
): Promise<void> {
  // A streaming TextDecoder drops a leading UTF-8 BOM even when it arrives split across chunks.
  const decoder = new TextDecoder('utf-8');
  // Lines as the scanner counts them for locators: a lone CR, a lone LF and a CRLF each end one.
  const watch = new Utf8Watch('any');
  let line = 1;
  let afterCr = false;
  let invalidLine: number | undefined;
  let read = 0;
  for await (const chunk of input.open()) {
    const buf = chunk as Buffer;
    read += buf.length;
    const text = decoder.decode(buf, { stream: true });
    if (onInvalidUtf8 && invalidLine === undefined && buf.length > 0) {
      invalidLine = watch.check(buf, text, line, afterCr);
      // A native search when the chunk has no CR (most pages), byte by byte otherwise.
      line +=
        buf.indexOf(0x0d) === -1
          ? lineFeeds(buf) - (afterCr && buf[0] === 0x0a ? 1 : 0)
          : breaksIn(buf, 0, buf.length, afterCr);
      afterCr = buf[buf.length - 1] === 0x0d;
    }
    scanner.push(text);
    onBytes(read);
  }
  const rest = decoder.decode();
  if (onInvalidUtf8) invalidLine ??= watch.end(rest, line);
  scanner.push(rest);
  if (invalidLine !== undefined) onInvalidUtf8?.(invalidLine);
  scanner.end();
}

/** What pass 1 learns about a page. */
export interface PageFacts {
  /** tag|class|depth of the elements that are message blocks. */
  readonly blockKeys: Set<string>;
  participants: Set<string>;
  title: string | undefined;
  firstDateLike: string | undefined;
}

/** Pass 1; `complete` is false when the page is cut or broken (pass 2 then reports it). */
export async function learn(
  input: SourceInput,
  ctx: SourceContext,
): Promise<{ facts: PageFacts; complete: boolean }> {
  const facts: PageFacts = {
    blockKeys: new Set(),
    participants: new Set(),
    title: undefined,
    firstDateLike: undefined,
  };
  let complete = true;
  // Lean (tree.ts): each element is judged only as it ends, so the message blocks whose date cannot be read, which
  // this pass does not consume, are not held until the page ends (200,000 of them took 1.6 GB).
  const scanner = new HtmlTreeScanner((node) => {
    if (blockStamp(node)) {
      facts.blockKeys.add(key(node));
      return true;
    }
    const head = node.elements === 0 ? node.children[0] : undefined;
    if (typeof head === 'string' && facts.participants.size === 0) {
      const list = /^\s*Participants:\s*(.+)$/s.exec(head)?.[1];
      if (list) for (const p of list.split(/,\s*|\s+and\s+/)) facts.participants.add(p.trim());
    }
    // Only for the failure message of a page where no date line can be read.
    if (facts.firstDateLike === undefined && facts.blockKeys.size === 0) {
      const last = ends(node)?.last;
      const lastText = last && shortText(last);
      if (lastText && /\d{1,2}[:.h]\d{2}/.test(lastText)) facts.firstDateLike = lastText;
    }
    return false;
  }, true);
  try {
    await scanPage(input, scanner, (read) => ctx.progress(Math.floor(read / 2)));
  } catch (err) {
    if (!(err instanceof SourceFailure)) throw err;
    complete = false;
  }
  // The title is at the top of the page, so a page cut further down still has it.
  facts.title = scanner.title;
  return { facts, complete };
}

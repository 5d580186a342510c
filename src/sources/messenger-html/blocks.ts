/**
 * Reading message blocks out of the element tree. A message is an element whose first element child is the
 * sender, whose last element child holds nothing but a date line, and whose children in between are the body.
 * That is the shape of every layout seen — 2019–2022 (`pam _3-95 _2pi0 _2lej` / `_3-96 _2let` / `_3-94 _2lem`),
 * 2023+ (`_a6-g` / `_2ph_ _a6-p` / `_a72d`) and the simpler pages of other tools — without naming a class,
 * because Meta renames its obfuscated classes every few years.
 */
import { parseStamp, type Stamp } from './stamp.js';
import type { HtmlNode } from './tree.js';

/** A recognised message block. */
export interface Block {
  readonly sender: string;
  readonly text: string;
  readonly media: readonly string[];
  /** The reaction list's items as the page shows them ("😢Zoë Example"), in order. */
  readonly reactions: readonly string[];
  readonly stamp: Stamp;
}

const BLOCK = new Set([
  'div',
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'td',
  'section',
  'header',
  'footer',
  'blockquote',
  'pre',
]);
const MEDIA = new Set(['img', 'video', 'audio', 'source', 'embed']);
/** Reaction lists sit inside the body as `<ul><li>❤ Sam</li></ul>`: part of the message, not its text. */
const NOT_TEXT = new Set(['ul', 'ol']);
const BREAK = '\u0001';
const ASCII_SPACE = /[ \t\n\r\f]+/g;

/** A list of children being walked by `collect`, and whether their element is a block. */
interface Walk {
  readonly children: readonly (HtmlNode | string)[];
  next: number;
  readonly block: boolean;
}

/**
 * Walks the subtrees in document order with a stack of its own, not recursion: markup nested a hundred thousand
 * deep (a damaged or hostile page) is read like any other instead of overflowing the call stack.
 */
function collect(
  children: readonly (HtmlNode | string)[],
  text: string[],
  media: Set<string>,
  reactions?: string[],
): void {
  const stack: Walk[] = [{ children, next: 0, block: false }];
  while (stack.length > 0) {
    const walk = stack[stack.length - 1]!;
    if (walk.next === walk.children.length) {
      stack.pop();
      if (walk.block) text.push(BREAK);
      continue;
    }
    const c = walk.children[walk.next++]!;
    if (typeof c === 'string') {
      text.push(c);
      continue;
    }
    if (NOT_TEXT.has(c.tag)) {
      // Each item is one reaction; an item nested deeper is read as one line of text, like any other.
      if (reactions)
        for (const li of c.children)
          if (typeof li !== 'string' && li.tag === 'li') {
            const item = textOf(li.children).replace(/\n/g, ' ');
            if (item !== '') reactions.push(item);
          }
      continue;
    }
    if (c.tag === 'br') text.push(BREAK);
    else if (MEDIA.has(c.tag)) {
      if (c.src) media.add(c.src);
    } else if (c.tag === 'a' && c.href && !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(c.href)) media.add(c.href);
    const block = BLOCK.has(c.tag);
    if (block) text.push(BREAK);
    stack.push({ children: c.children, next: 0, block });
  }
}

/**
 * The text of some children as a browser shows it: runs of ASCII white space collapse, blocks and `<br>` start
 * new lines, empty lines go. Non-breaking and other Unicode spaces are kept as written.
 */
export function textOf(
  children: readonly (HtmlNode | string)[],
  media = new Set<string>(),
  reactions?: string[],
): string {
  const parts: string[] = [];
  collect(children, parts, media, reactions);
  return parts
    .join('')
    .replace(ASCII_SPACE, ' ')
    .split(BREAK)
    .map((line) => line.replace(/^ | $/g, ''))
    .filter((line) => line !== '')
    .join('\n');
}

/** First and last element children, when there are at least two. */
export function ends(node: HtmlNode): { first: HtmlNode; last: HtmlNode } | undefined {
  if (node.elements < 2) return undefined;
  let first: HtmlNode | undefined;
  let last: HtmlNode | undefined;
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    first ??= c;
    last = c;
  }
  return first && last && first !== last ? { first, last } : undefined;
}

/** The text of a small element on one line, or undefined when it is too big to be a date line. */
export function shortText(node: HtmlNode): string | undefined {
  return node.flat?.replace(ASCII_SPACE, ' ').replace(/^ | $/g, '');
}

/** The date line of a message block, or undefined when `node` is not one (cheap: no text is assembled). */
export function blockStamp(node: HtmlNode): Stamp | undefined {
  const last = ends(node)?.last;
  const dateLine = last && shortText(last);
  return dateLine === undefined ? undefined : parseStamp(dateLine);
}

/** Reads `node` as a message block, or returns undefined when it is not one. */
export function readBlock(node: HtmlNode): Block | undefined {
  const stamp = blockStamp(node);
  const e = stamp && ends(node);
  if (!e) return undefined;
  const from = node.children.indexOf(e.first);
  const to = node.children.lastIndexOf(e.last);
  const media = new Set<string>();
  const reactions: string[] = [];
  const text = textOf(node.children.slice(from + 1, to), media, reactions);
  return { sender: textOf([e.first]).replace(/\n/g, ' '), text, media: [...media], reactions, stamp };
}

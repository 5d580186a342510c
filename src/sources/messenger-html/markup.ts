/**
 * Small pieces of the tag scanner (tree.ts): which elements are void or inline, reading the three attributes the
 * reader needs, finding the end of a tag, and the short "flat" text of an element.
 */
import { decodeEntities } from './entities.js';
import type { HtmlNode } from './tree.js';

/** Elements at most this big get a `flat` text; a date line is far shorter. */
export const FLAT_MAX = 256;

export const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const INLINE = new Set(['a', 'abbr', 'b', 'em', 'font', 'i', 'small', 'span', 'strong', 'time', 'u']);
export const SKIPPED = new Set(['script', 'style']);
const ATTRIBUTE = /(?:^|\s)(class|src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** The three attributes the reader uses; the first occurrence of each wins, as in a browser. */
export function attributes(text: string): { cls: string; src: string | undefined; href: string | undefined } {
  const out: { cls: string; src: string | undefined; href: string | undefined } = {
    cls: '',
    src: undefined,
    href: undefined,
  };
  if (!text.includes('=')) return out;
  let cls: string | undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) {
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    const name = m[1]!.toLowerCase();
    if (name === 'class') cls ??= value;
    else if (name === 'src') out.src ??= value;
    else out.href ??= value;
  }
  out.cls = cls ?? '';
  return out;
}

/** Index of the `>` that ends the tag starting at `from`, skipping quoted attribute values; -1 if not yet read. */
export function tagEnd(buf: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e) return i;
    else if ((c === 0x22 || c === 0x27) && afterEquals) quote = c;
    if (c === 0x3d) afterEquals = true;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) afterEquals = false;
  }
  return -1;
}

/** The `flat` text of a closing element, or undefined when it is too big. */
export function flatten(node: HtmlNode): string | undefined {
  if (node.size > FLAT_MAX) return undefined;
  let out = '';
  for (const c of node.children) {
    if (typeof c === 'string') out += c;
    else if (c.flat === undefined) return undefined;
    else out += INLINE.has(c.tag) ? c.flat : ` ${c.flat} `;
  }
  return out;
}

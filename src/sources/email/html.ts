/**
 * HTML mail bodies to plain text, for messages that carry no text/plain alternative:
 *
 *   <p>I know where you live.<br>Tonight&nbsp;I&rsquo;ll be there</p>
 *   <div>&gt;&gt;&gt;VIDEO&lt;&lt;&lt;</div><style>p{color:red}</style>
 *   → "I know where you live.\nTonight I’ll be there\n\n>>>VIDEO<<<"
 *
 * A linear scanner, not a DOM: tags are dropped, block elements and <br> become line breaks, cells are
 * separated by a space, <script>/<style>/<title> contents are hidden (as a mail client hides them, unless
 * the element is never closed, in which case the text is kept), white space collapses as a browser would
 * except inside <pre>. Entities: numeric, the Latin-1 set and common typographic names. Deliberately
 * unsupported: CSS-hidden text, images' alt text, and the full HTML5 entity list.
 */

const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml ' +
  'Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde ' +
  'Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ' +
  'ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide ' +
  'oslash ugrave uacute ucirc uuml yacute thorn yuml';

const ENTITIES = new Map<string, number>([
  ['amp', 38],
  ['lt', 60],
  ['gt', 62],
  ['quot', 34],
  ['apos', 39],
  ['OElig', 338],
  ['oelig', 339],
  ['Scaron', 352],
  ['scaron', 353],
  ['Yuml', 376],
  ['fnof', 402],
  ['circ', 710],
  ['tilde', 732],
  ['ensp', 8194],
  ['emsp', 8195],
  ['thinsp', 8201],
  ['zwnj', 8204],
  ['zwj', 8205],
  ['lrm', 8206],
  ['rlm', 8207],
  ['ndash', 8211],
  ['mdash', 8212],
  ['lsquo', 8216],
  ['rsquo', 8217],
  ['sbquo', 8218],
  ['ldquo', 8220],
  ['rdquo', 8221],
  ['bdquo', 8222],
  ['dagger', 8224],
  ['Dagger', 8225],
  ['bull', 8226],
  ['hellip', 8230],
  ['permil', 8240],
  ['lsaquo', 8249],
  ['rsaquo', 8250],
  ['euro', 8364],
  ['trade', 8482],
  ...LATIN1_NAMES.split(' ').map((n, i) => [n, 160 + i] as [string, number]),
]);

/** Names the HTML spec lets appear without the closing semicolon, as old mailers write them. */
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp']);

/** Decodes HTML character references; unknown names stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31})(;?)/g,
    (all, ref, semi) => {
      if (ref[0] === '#') {
        const cp =
          ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        const bad = cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff);
        return String.fromCodePoint(bad ? 0xfffd : cp);
      }
      const cp = ENTITIES.get(ref);
      if (cp === undefined || (semi === '' && !LEGACY.has(ref))) return all;
      return String.fromCodePoint(cp);
    },
  );
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'table',
  'pre',
  'hr',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'center',
  'form',
]);
const HIDDEN = new Set(['script', 'style', 'title']);
const TAG_NAME = /^\/?([a-zA-Z][a-zA-Z0-9]*)/;

/** Converts an HTML document or fragment to readable plain text. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let pre = 0;
  // Once a hidden element is known to be unclosed, later ones are too: never rescan (keeps this linear).
  const unclosed = new Set<string>();
  const text = (s: string) => {
    if (s === '') return;
    out.push(decodeEntities(pre > 0 ? s.replace(/\r\n?/g, '\n') : s.replace(/[ \t\r\n\f]+/g, ' ')));
  };
  let i = 0;
  let gt = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    // Once no '>' is left, none will be: remember it, or a run of stray '<' would rescan to the end each time.
    if (gt >= 0 && gt <= lt) gt = html.indexOf('>', lt + 1);
    const name = TAG_NAME.exec(html.slice(lt + 1, Math.min(lt + 40, gt < 0 ? html.length : gt)));
    if (gt < 0 || (!name && html[lt + 1] !== '!' && html[lt + 1] !== '?')) {
      // A "<" that opens no tag ("<3", "a < b") is text.
      text('<');
      i = lt + 1;
      continue;
    }
    i = gt + 1;
    if (!name) continue;
    const tag = name[1]!.toLowerCase();
    const closing = html[lt + 1] === '/';
    if (!closing && HIDDEN.has(tag) && !unclosed.has(tag)) {
      const re = new RegExp(`</${tag}\\s*>`, 'gi');
      re.lastIndex = i;
      const m = re.exec(html);
      if (m) i = m.index + m[0].length;
      else unclosed.add(tag);
      continue;
    }
    if (tag === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (BLOCK.has(tag)) out.push('\n');
    else if ((tag === 'td' || tag === 'th') && closing) out.push(' ');
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\u00a0/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

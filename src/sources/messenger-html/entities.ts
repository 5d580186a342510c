/**
 * HTML character references as Meta's exports write them: `&amp;`, `&lt;`, `&#039;`, `&quot;`, the odd named
 * one, and numeric references for anything else. An unknown name is left as written rather than guessed.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  euro: '€',
  pound: '£',
  zwj: '\u200d',
  zwnj: '\u200c',
};

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function fromCodePoint(cp: number): string {
  // NUL, surrogate halves and values beyond Unicode are what the HTML standard turns into U+FFFD.
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

/** Decodes the character references in a piece of HTML text or an attribute value. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    REFERENCE,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
      // Own keys only: a reference such as `&constructor;` must not reach Object.prototype.
      return Object.hasOwn(NAMED, name!) ? NAMED[name!]! : whole;
    },
  );
}

/**
 * Character sets and RFC 2047 encoded-words, as found in real mail:
 *
 *   Subject: =?UTF-8?B?w5xiZXJyYXNjaHVuZw==?=                    base64 ("Überraschung")
 *   Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=               quoted-printable, `_` is a space
 *   Subject: =?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=                 one character split over two words
 *   From: =?utf-8*en?B?U2Ft?= <sam@example.com>                 RFC 2231 language suffix
 *
 * Whitespace between adjacent encoded-words is dropped (RFC 2047 §6.2) and their bytes are joined before
 * decoding, so a multi-byte character split across words survives. Labels iconv-lite lacks but the WHATWG
 * Encoding Standard has are read with Node's TextDecoder: ISO-2022-JP, the usual charset of Japanese mail
 * (`=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=`), and x-mac-roman among them. A word that cannot be decoded is left
 * exactly as written (RFC 2047 §6.3), never shown as mojibake: a charset neither knows, B text that is not base64
 * (`=?utf-8?b?invalid!!?=`), or bytes not valid in the declared charset (`=?utf-8?q?caf=E9?=`: Latin-1 sent as
 * UTF-8). US-ASCII words are the exception: mail labelled US-ASCII often is not, so their bytes are read as
 * undeclared 8-bit text is (UTF-8 when it is valid UTF-8, else Windows-1252), never left as written. ISO-8859-1
 * is read as Windows-1252, as browsers do (mail clients label cp1252 text, curly quotes and €, as ISO-8859-1).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { iconv } from '../iconv.js';

/** The result of decoding bytes in a declared charset; `known` is false when the label was not understood. */
export interface Decoded {
  readonly text: string;
  readonly known: boolean;
}

const utf8 = new TextDecoder('utf-8');

/** Plain ASCII, by far the commonest header and body text, as a one-byte string without a UTF-8 decoder. */
const ascii = (bytes: Uint8Array): string | undefined =>
  isAscii(bytes)
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    : undefined;

/** Decodes undeclared or ASCII-declared bytes: UTF-8 when valid, else Windows-1252 (what such mail really is). */
function decodeUndeclared(bytes: Uint8Array): string {
  return ascii(bytes) ?? (isUtf8(bytes) ? utf8.decode(bytes) : iconv().decode(Buffer.from(bytes), 'win1252'));
}

/**
 * Bytes decoded with the WHATWG decoder of a label iconv-lite does not know, or undefined. Node without full ICU,
 * and labels the standard maps to "replacement" (ISO-2022-KR, HZ-GB-2312), make the constructor throw: those
 * stay unknown.
 */
function whatwgDecode(bytes: Uint8Array, cs: string): string | undefined {
  try {
    return new TextDecoder(cs).decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when a charset label (lower-cased, language suffix removed) can be decoded. */
function knownCharset(cs: string): boolean {
  return (
    /^utf-?8$/.test(cs) || iconv().encodingExists(cs) || whatwgDecode(new Uint8Array(0), cs) !== undefined
  );
}

/** Decodes bytes in a MIME charset label; never throws. */
export function decodeCharset(bytes: Uint8Array, label: string | undefined): Decoded {
  const cs =
    label === undefined
      ? ''
      : label
          .trim()
          .replace(/^["']|["']$/g, '')
          .replace(/\*.*$/, '')
          .toLowerCase();
  if (cs === '' || cs === 'us-ascii' || cs === 'ascii' || cs === 'ansi_x3.4-1968' || cs === 'default') {
    return { text: decodeUndeclared(bytes), known: true };
  }
  if (cs === 'utf-8' || cs === 'utf8') return { text: ascii(bytes) ?? utf8.decode(bytes), known: true };
  // Browsers read Latin-1 as Windows-1252: mail clients label cp1252 text (curly quotes, €) as ISO-8859-1.
  if (cs === 'iso-8859-1' || cs === 'latin1' || cs === 'iso8859-1' || cs === 'latin-1') {
    return { text: ascii(bytes) ?? iconv().decode(Buffer.from(bytes), 'win1252'), known: true };
  }
  if (iconv().encodingExists(cs)) return { text: iconv().decode(Buffer.from(bytes), cs), known: true };
  const whatwg = whatwgDecode(bytes, cs);
  if (whatwg !== undefined) return { text: whatwg, known: true };
  return { text: decodeUndeclared(bytes), known: false };
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

const hex = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/** The bytes of the Q encoding: `_` is a space, `=XX` a hex byte, anything else itself. */
function decodeQ(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) out[j++] = 0x20;
    else if (c === 0x3d && hex(s.charCodeAt(i + 1)) >= 0 && hex(s.charCodeAt(i + 2)) >= 0) {
      out[j++] = hex(s.charCodeAt(i + 1)) * 16 + hex(s.charCodeAt(i + 2));
      i += 2;
    } else out[j++] = c & 0xff;
  }
  return out.subarray(0, j);
}

/**
 * The bytes of a B word, or undefined when its text is not base64: a character outside the alphabet, padding
 * anywhere but the end, or a length no encoder writes (one character past a group of four). Unpadded words
 * (`=?utf-8?b?SGk?=`) are read: some mailers write them and they are unambiguous.
 */
function decodeB(s: string): Buffer | undefined {
  const m = /^([A-Za-z0-9+/]*)(={0,2})$/.exec(s);
  if (m === null) return undefined;
  const data = m[1]!.length;
  if (data % 4 === 1 || (m[2] !== '' && (data + m[2]!.length) % 4 !== 0)) return undefined;
  return Buffer.from(s, 'base64');
}

/**
 * The text of bytes in a charset the caller knows, or undefined when they are not valid in it (RFC 2047 §6.3:
 * such a word is shown as written). UTF-8 must be well-formed; any other decoder's replacement character marks
 * a byte it has no character for.
 */
function decodeStrict(bytes: Uint8Array, cs: string): string | undefined {
  if (/^utf-?8$/.test(cs)) return isUtf8(bytes) ? utf8.decode(bytes) : undefined;
  const text = decodeCharset(bytes, cs).text;
  return text.includes('\uFFFD') ? undefined : text;
}

/**
 * The text of bytes in a declared charset, or undefined when the label is unknown or the bytes are not valid in
 * it: the rule of encoded-words above, for other callers (RFC 2231 parameter values) that keep such text as
 * written. US-ASCII is read as undeclared 8-bit text is, as for encoded-words.
 */
export function decodeDeclared(bytes: Uint8Array, label: string): string | undefined {
  const cs = label.trim().toLowerCase().replace(/\*.*$/, '');
  return cs !== '' && knownCharset(cs) ? decodeStrict(bytes, cs) : undefined;
}

/** One encoded-word: its bytes, as written, and the white space before it. */
interface Word {
  readonly bytes: Buffer;
  readonly raw: string;
  readonly gap: string;
}

/**
 * Decodes every RFC 2047 encoded-word in a header value; text around them is left as it is. A word that
 * cannot be decoded — an unknown charset, B text that is not base64, bytes not valid in the declared charset —
 * is left exactly as written (RFC 2047 §6.3), never turned into replacement characters or mojibake.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  // Words of one charset separated only by white space, not yet written out.
  let pending: { charset: string; words: Word[] } | undefined;
  // The last thing written was a decoded word: white space after it, before another decoded word, is folding.
  let lastDecoded = false;
  const flush = () => {
    if (!pending) return;
    const { charset, words } = pending;
    pending = undefined;
    const cs = charset.replace(/\*.*$/, '');
    const known = knownCharset(cs);
    // Adjacent words are decoded together, so a character split across two of them survives.
    const joined = known ? decodeStrict(Buffer.concat(words.map((w) => w.bytes)), cs) : undefined;
    if (joined !== undefined) {
      if (!lastDecoded) out += words[0]!.gap;
      out += joined;
      lastDecoded = true;
      return;
    }
    // Not valid together: the run is cut into the shortest pieces of up to four words (a character of four
    // bytes split one byte a word) that are valid, so one bad word does not hide its neighbours; a word that
    // starts no such piece is left as written. White space is dropped only between two decoded pieces (§6.2).
    for (let i = 0; i < words.length; ) {
      let text: string | undefined;
      let end = i + 1;
      for (; known && end <= Math.min(words.length, i + 4); end++) {
        text = decodeStrict(Buffer.concat(words.slice(i, end).map((w) => w.bytes)), cs);
        if (text !== undefined) break;
      }
      if (text === undefined) end = i + 1;
      if (!(lastDecoded && text !== undefined)) out += words[i]!.gap;
      out += text ?? words[i]!.raw;
      lastDecoded = text !== undefined;
      i = end;
    }
  };
  // exec() on the shared expression: matchAll() would clone it for every value. Nothing below uses it.
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(value); m !== null; m = ENCODED_WORD.exec(value)) {
    const gap = value.slice(last, m.index);
    const charset = m[1]!.toLowerCase();
    const bytes = m[2] === 'B' || m[2] === 'b' ? decodeB(m[3]!) : decodeQ(m[3]!);
    // White space right after a word may be folding; whether it is depends on how both words decode.
    const folded = pending !== undefined && /^[ \t\r\n]*$/.test(gap);
    if (bytes === undefined) {
      // Not an encoded-word after all: ordinary text, and the white space before it is content.
      flush();
      out += gap + m[0];
      lastDecoded = false;
    } else if (folded && pending!.charset === charset) {
      pending!.words.push({ bytes, raw: m[0], gap });
    } else {
      flush();
      if (!folded) {
        out += gap;
        lastDecoded = false;
      }
      pending = { charset, words: [{ bytes, raw: m[0], gap: folded ? gap : '' }] };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

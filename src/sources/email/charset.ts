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
 * (`=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=`), and x-mac-roman among them. A word in a charset neither knows is left
 * exactly as written. Labels follow WHATWG practice: ISO-8859-1 and US-ASCII are read as Windows-1252, and
 * undeclared 8-bit text is UTF-8 when it is valid UTF-8.
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

/** Decodes every RFC 2047 encoded-word in a header value; text around them is left as it is. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: Buffer[]; raw: string } | undefined;
  const flush = () => {
    if (!pending) return;
    const cs = pending.charset.replace(/\*.*$/, '');
    out += knownCharset(cs) ? decodeCharset(Buffer.concat(pending.bytes), cs).text : pending.raw;
    pending = undefined;
  };
  // exec() on the shared expression: matchAll() would clone it for every value. Nothing below uses it.
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(value); m !== null; m = ENCODED_WORD.exec(value)) {
    const gap = value.slice(last, m.index);
    const charset = m[1]!.toLowerCase();
    const bytes = m[2] === 'B' || m[2] === 'b' ? Buffer.from(m[3]!, 'base64') : decodeQ(m[3]!);
    if (pending && /^[ \t\r\n]*$/.test(gap)) {
      // Adjacent words: the whitespace between them is folding, not content.
      if (pending.charset === charset) {
        pending.bytes.push(bytes);
        pending.raw += gap + m[0];
      } else {
        flush();
        pending = { charset, bytes: [bytes], raw: m[0] };
      }
    } else {
      flush();
      out += gap;
      pending = { charset, bytes: [bytes], raw: m[0] };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

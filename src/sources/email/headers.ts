/**
 * RFC 5322 header blocks: where they end, unfolding, and structured values (`type/sub; key=value` with RFC
 * 2231 continuations). Addresses: ./address.ts.
 *
 *   Content-Type: multipart/mixed;
 *   	boundary="----=_Part_1_2.3"                        folded with a tab
 *   Content-Disposition: attachment; filename*=utf-8''R%C3%A9sum%C3%A9.pdf
 *   Content-Disposition: attachment; filename*0*=utf-8''f%C3; filename*1*=%BCr.pdf   → "für.pdf"
 *   Content-Disposition: attachment; filename*=utf-8''R%E9sum%E9.pdf    Latin-1 bytes: kept as written
 *   Content-Disposition: attachment; filename="CV.pdf"; filename*=x-foo''%A4%B3.pdf   → "CV.pdf"
 *
 * An RFC 2231 value that cannot be decoded (a bad percent-escape, an unknown charset or bytes not valid in it,
 * no charset section, sections with a gap or a repeat) is never shown as mojibake: a plain parameter of the
 * same name is used, else the value is kept as written (rfc2231Value, parseStructuredValue).
 *
 * A header block ends at the first empty line, or at the first line that is neither a field nor a folded
 * continuation (sloppy senders omit the blank line; that line then starts the body). Raw 8-bit headers are
 * read as UTF-8 when valid (RFC 6532), otherwise as Windows-1252.
 *
 * A field is read up to MAX_FIELD_BYTES as written (capFields). RFC 5322 limits a line to 998 characters but not
 * how many lines a field is folded over, and a damaged or hand-joined message can hold a `To:` of hundreds of
 * megabytes on one line or on millions: only its first MiB is decoded and kept, the rest is counted, so a field
 * costs the cap in memory, not its size.
 */
import { isUtf8 } from 'node:buffer';
import { utf8CutEnd } from '../long-text.js';
import { decodeCharset, decodeDeclared, decodeEncodedWords } from './charset.js';

/** One unfolded header field; `value` still holds any encoded-words. */
export interface HeaderField {
  /** Lower-cased field name. */
  readonly name: string;
  readonly value: string;
}

/** Byte offsets of the end of the header block and of the start of the body. */
export interface HeaderSplit {
  readonly headerEnd: number;
  readonly bodyStart: number;
  /** False when the data ended before any blank line (a headers-only or truncated message). */
  readonly complete: boolean;
}

/** True when the bytes at `start` form a field line `Name:` (printable ASCII name, optional spaces). */
function isFieldLine(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end && buf[i]! > 32 && buf[i]! < 127 && buf[i] !== 58) i++;
  if (i === start) return false;
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  return i < end && buf[i] === 58;
}

/** Finds where the header block of a message or MIME part ends. */
export function splitHeader(buf: Uint8Array): HeaderSplit {
  let pos = 0;
  while (pos < buf.length) {
    let nl = buf.indexOf(10, pos);
    const lineEnd = nl === -1 ? buf.length : nl;
    const contentEnd = lineEnd > pos && buf[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
    if (contentEnd === pos)
      return { headerEnd: pos, bodyStart: nl === -1 ? buf.length : nl + 1, complete: true };
    const folded = pos > 0 && (buf[pos] === 32 || buf[pos] === 9);
    if (!folded && !isFieldLine(buf, pos, contentEnd))
      return { headerEnd: pos, bodyStart: pos, complete: true };
    if (nl === -1) nl = buf.length;
    pos = nl + 1;
  }
  return { headerEnd: buf.length, bodyStart: buf.length, complete: false };
}

/**
 * The most bytes of one header field read, as written from its name to the end of its last folded line (line
 * breaks not counted): 1 MiB. The most recipients a mail service takes on one message (2,000 in To, Cc and Bcc
 * together at Google Workspace; Exchange Online at most 1,000) written `"Name" <address>` fill about 100 KB
 * (fixtures/email-long-headers/many-recipients.eml), so every address of real mail is read, with room for names
 * ten times as long; DKIM, ARC and References fields take a few kilobytes.
 */
export const MAX_FIELD_BYTES = 1 << 20;

/** A header field longer than the cap, of which only the first `kept` bytes were read. */
export interface CutField {
  /** The field's name as written (its first 80 characters). */
  readonly name: string;
  /** Its size as written, name to end (line breaks not counted), and the lines it is folded over. */
  readonly bytes: number;
  readonly lines: number;
  /** The bytes kept: the cap, or a few less so as not to cut a UTF-8 character in two. */
  readonly kept: number;
}

const LF = Buffer.from('\n');

/**
 * The header block with every field longer than `max` bytes cut to its first `max` (before a whole character when
 * the block is UTF-8; a line break ends the piece kept, and its later folded lines are left out), noting each cut
 * field in `cuts`. A field of which only spaces and tabs are left out (a field at the cap, then blank folded lines)
 * loses nothing, as its value is trimmed: it is not noted. A block no longer than `max` is returned as it is, unread.
 */
export function capFields(block: Uint8Array, max: number, cuts: CutField[]): Uint8Array {
  if (block.length <= max) return block;
  let utf8: boolean | undefined;
  const pieces: Uint8Array[] = [];
  // Where the bytes not yet put in `pieces` start; the field being read, from its first line.
  let from = 0;
  let start = 0;
  let bytes = 0;
  let kept = 0;
  let lines = 0;
  // A byte other than a space or a tab was left out of the field.
  let lost = false;
  const finish = () => {
    if (lost) cuts.push({ name: nameAt(block, start), bytes, lines, kept });
  };
  for (let pos = 0; pos < block.length; ) {
    const nl = block.indexOf(10, pos);
    const next = nl < 0 ? block.length : nl + 1;
    let end = nl < 0 ? block.length : nl;
    if (end > pos && block[end - 1] === 13) end--;
    if (pos === 0 || (block[pos] !== 32 && block[pos] !== 9)) {
      if (pos > 0) finish();
      start = pos;
      bytes = 0;
      kept = 0;
      lines = 0;
      lost = false;
    }
    const size = end - pos;
    lines++;
    // `bytes === kept`: nothing of the field left out yet.
    if (bytes === kept && kept + size <= max) kept += size;
    else {
      if (bytes === kept) {
        // The line the field runs past the cap in: its start is kept, with a line break.
        utf8 ??= isUtf8(block);
        const cut = utf8 ? utf8CutEnd(block, pos, end, max - kept) : pos + (max - kept);
        pieces.push(block.subarray(from, cut));
        if (cut > pos) pieces.push(LF);
        kept += cut - pos;
        lost = !blank(block, cut, end);
      } else if (!lost) lost = !blank(block, pos, end);
      from = next;
    }
    bytes += size;
    pos = next;
  }
  finish();
  if (pieces.length === 0) return block;
  if (from < block.length) pieces.push(block.subarray(from));
  return Buffer.concat(pieces);
}

/** Whether `block[s, e)` holds only spaces and tabs. */
function blank(block: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (block[i] !== 32 && block[i] !== 9) return false;
  return true;
}

/** The name of the field whose line starts at `start`, as written, for a warning (80 characters at most). */
function nameAt(block: Uint8Array, start: number): string {
  let i = start;
  while (i < block.length && i < start + 81 && block[i] !== 58 && block[i] !== 10) i++;
  const name = Buffer.from(block.buffer, block.byteOffset + start, i - start)
    .toString('latin1')
    .trim();
  return i - start > 80 ? `${name.slice(0, 79)}…` : name;
}

/**
 * Decodes a header block and unfolds it into fields, in order. Fields longer than MAX_FIELD_BYTES keep their
 * first MAX_FIELD_BYTES (capFields), and are noted in `cuts` when it is given.
 */
export function parseHeaderFields(block: Uint8Array, cuts: CutField[] = []): HeaderField[] {
  const before = cuts.length;
  const read = capFields(block, MAX_FIELD_BYTES, cuts);
  // A block cut short is decoded as the whole block would be: UTF-8 only when all of it is valid UTF-8.
  const text = decodeCharset(read, cuts.length > before && !isUtf8(block) ? 'iso-8859-1' : undefined).text;
  const fields: { name: string; value: string }[] = [];
  let last: { name: string; value: string } | undefined;
  // The next colon at or after the current line; remembered so that lines without one are not rescanned.
  let colon = -1;
  // Lines end at LF or CRLF; a lone CR stays in the line.
  for (let pos = 0; pos < text.length; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const end = nl < text.length && nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const start = pos;
    pos = nl + 1;
    if (end === start) continue;
    const c = text.charCodeAt(start);
    if ((c === 32 || c === 9) && last) {
      // Unfolding removes only the line break; the leading white space stays (RFC 5322 §2.2.3).
      last.value += text.slice(start, end);
      continue;
    }
    if (colon < start) {
      colon = text.indexOf(':', start);
      if (colon < 0) colon = text.length;
    }
    if (colon === start || colon >= end) continue;
    last = { name: fieldName(text.slice(start, colon)), value: text.slice(colon + 1, end) };
    fields.push(last);
  }
  // Most values are a space and printable text: only those that may hold other white space are trimmed again.
  for (const f of fields) {
    const v = f.value;
    let a = 0;
    while (v.charCodeAt(a) === 32) a++;
    const e = v.length - 1;
    f.value =
      a <= e && plain(v.charCodeAt(a)) && plain(v.charCodeAt(e)) ? (a > 0 ? v.slice(a) : v) : v.trim();
  }
  return fields;
}

/** The lower-cased name of a field, without surrounding white space (rarely any: trimmed only then). */
function fieldName(raw: string): string {
  const name = raw.toLowerCase();
  return plain(name.charCodeAt(0)) && plain(name.charCodeAt(name.length - 1)) ? name : name.trim();
}
/** A printable ASCII character, which trim() never removes. */
const plain = (c: number): boolean => c > 32 && c < 127;

/** The first value of a field, or undefined. */
export function header(fields: readonly HeaderField[], name: string): string | undefined {
  for (const f of fields) if (f.name === name) return f.value;
  return undefined;
}

/** Every value of a field, top first. */
export function headers(fields: readonly HeaderField[], name: string): string[] {
  return fields.filter((f) => f.name === name).map((f) => f.value);
}

/** A decoded header value for display: encoded-words decoded, runs of white space made one space. */
export function displayValue(value: string): string {
  const v = decodeEncodedWords(value);
  // Most values have no white space but single spaces: skip the replace that would copy them unchanged.
  return (SPACE_RUN.test(v) ? v.replace(/\s+/g, ' ') : v).trim();
}
/** White space other than a single plain space. */
const SPACE_RUN = /\s\s|[^\S ]/;

/** A structured value such as `text/plain; charset="utf-8"`: the lower-cased main value and its parameters. */
export interface Structured {
  readonly value: string;
  readonly params: ReadonlyMap<string, string>;
}

/**
 * Splits on `sep` (one character, not a double quote) outside double quotes (with backslash escapes). Each part
 * is a slice of `s`, as written: a quoted filename of a megabyte is not built up character by character.
 */
function splitOutsideQuotes(s: string, sep: string): string[] {
  // Escapes only count inside quotes, so without a quote this is a plain split.
  if (!s.includes('"')) return s.split(sep);
  const parts: string[] = [];
  const at = sep.charCodeAt(0);
  let start = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 && quoted && i + 1 < s.length) i++;
    else if (c === 34) quoted = !quoted;
    else if (c === at && !quoted) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  return t;
}

/**
 * The bytes of an RFC 2231 extended segment, or undefined when it is not one: a `%` not followed by two hex
 * digits, or a character outside printable ASCII (a raw `€` has no byte value of its own in a charset-tagged
 * value). Lower-case hex digits are read (unambiguous, and some mailers write them).
 */
function percentBytes(s: string): number[] | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      const hi = hexDigit(s.charCodeAt(i + 1));
      const lo = hexDigit(s.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return undefined;
      bytes.push(hi * 16 + lo);
      i += 2;
    } else if (c >= 32 && c < 127) bytes.push(c);
    else return undefined;
  }
  return bytes;
}
const hexDigit = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/**
 * Splits an RFC 2231 key (`name*`, `name*0`, `name*1*`); undefined for a plain key. A section number with a
 * leading zero (`name*01`), which RFC 2231's grammar does not allow, gets n = NaN: it is a segment of `name`
 * whose place is unknown, so the value cannot be assembled.
 */
function rfc2231Key(key: string): { name: string; n: number; extended: boolean } | undefined {
  const star = key.indexOf('*');
  if (star <= 0) return undefined;
  const rest = key.slice(star + 1);
  if (rest === '') return { name: key.slice(0, star), n: -1, extended: true };
  const m = /^(\d{1,3})(\*?)$/.exec(rest);
  if (!m) return undefined;
  const n = m[1]!.length > 1 && m[1]!.startsWith('0') ? Number.NaN : Number(m[1]);
  return { name: key.slice(0, star), n, extended: m[2] === '*' };
}

/** One RFC 2231 segment: its section (-1 for a lone `name*`), its value unquoted, and the parameter as written. */
interface Segment {
  readonly n: number;
  readonly value: string;
  readonly extended: boolean;
  readonly written: string;
}

/**
 * The value of RFC 2231 segments, or undefined when they cannot be read as the sender wrote them:
 *   - sections that are not 0, 1, 2 … each once (a gap, a repeat, a lone `name*` beside numbered ones): part of
 *     the value is missing or doubled. Sections written out of order are fine (RFC 2231 §3 numbers them because
 *     parameters may be reordered);
 *   - a first extended segment without its `charset'language'` section (`filename*=%E2%82%AC.pdf`): the
 *     charset of the bytes is unknown;
 *   - an invalid percent-escape, a charset neither iconv-lite nor the WHATWG standard knows, or bytes not valid in
 *     the declared charset (decodeDeclared). A blank charset (`''%E2%82%AC`, allowed by RFC 2231), or extended
 *     segments after a plain first one (which carry none), are read only when the bytes are ASCII or valid UTF-8.
 * Bytes of consecutive extended segments are decoded together, so a character split across them survives; plain
 * segments are text already.
 */
function rfc2231Value(list: readonly Segment[]): string | undefined {
  const sorted = [...list].sort((x, y) => x.n - y.n);
  const offset = sorted[0]!.n === -1 ? -1 : 0;
  if (sorted.some((seg, i) => seg.n !== i + offset) || (offset === -1 && sorted.length > 1)) return undefined;
  const first = sorted[0]!;
  let charset = '';
  let skip = 0;
  if (first.extended) {
    const prefix = /^([^']*)'[^']*'/.exec(first.value);
    if (prefix === null) return undefined;
    charset = prefix[1]!;
    skip = prefix[0].length;
  }
  let out = '';
  let run: number[] = [];
  const flush = (): boolean => {
    if (run.length === 0) return true;
    const bytes = Buffer.from(run);
    run = [];
    const text =
      charset.trim() === ''
        ? isUtf8(bytes)
          ? bytes.toString('utf8')
          : undefined
        : decodeDeclared(bytes, charset);
    if (text === undefined) return false;
    out += text;
    return true;
  };
  for (let i = 0; i < sorted.length; i++) {
    const seg = sorted[i]!;
    if (!seg.extended) {
      if (!flush()) return undefined;
      out += seg.value;
      continue;
    }
    const bytes = percentBytes(i === 0 ? seg.value.slice(skip) : seg.value);
    if (bytes === undefined) return undefined;
    for (const b of bytes) run.push(b);
  }
  return flush() ? out : undefined;
}

// The last value parsed: a message's Content-Type is read once to decide on skipping and once for its body.
let lastRaw = '';
let lastParsed: Structured = { value: '', params: new Map() };
const NONE: Structured = { value: '', params: new Map() };

/** Parses `value; key=val; key*0*=…` with RFC 2231 continuations and RFC 2047 words in quoted names. */
export function parseStructured(raw: string | undefined): Structured {
  if (raw === undefined) return NONE;
  if (raw !== lastRaw) {
    lastParsed = parseStructuredValue(raw);
    lastRaw = raw;
  }
  return lastParsed;
}

/** RFC 2231 segments that cannot be read, as written (see parseStructuredValue). */
function writtenValue(list: readonly Segment[]): string {
  const sorted = [...list].sort((x, y) => x.n - y.n);
  const whole = sorted.every((seg, i) => seg.n === i) || (list.length === 1 && list[0]!.n === -1);
  // Joined by a space, not `; `: lists of names (attachmentNames) are joined by `; `.
  return whole ? sorted.map((seg) => seg.value).join('') : list.map((seg) => seg.written).join(' ');
}

function parseStructuredValue(raw: string): Structured {
  const [main = '', ...rest] = splitOutsideQuotes(raw, ';');
  const simple = new Map<string, string>();
  const pieces = new Map<string, Segment[]>();
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    const value = unquote(p.slice(eq + 1));
    const m = rfc2231Key(key);
    if (!m) {
      simple.set(key, decodeEncodedWords(value));
      continue;
    }
    const list = pieces.get(m.name) ?? [];
    list.push({ n: m.n, value, extended: m.extended, written: p.trim() });
    pieces.set(m.name, list);
  }
  for (const [key, list] of pieces) {
    const value = rfc2231Value(list);
    // The extended value wins over a plain one of the same name (RFC 2231 §4, RFC 6266 §4.3). One that cannot be
    // read gives way to the plain value, the sender's own fallback for readers without it; with none it is kept
    // as written, never as mojibake (as an encoded-word is, RFC 2047 §6.3): the segments' values in order, or,
    // when the sections do not fit together, each parameter as it stands in the header (`name*0*=…`).
    if (value !== undefined) simple.set(key, value);
    else if (!simple.has(key)) simple.set(key, writtenValue(list));
  }
  return { value: main.trim().toLowerCase(), params: simple };
}

/**
 * Repairs UTF-16 surrogate halves written as numeric character references (`&#55357;&#56396;`, `&#xD83D;&#xDE0C;`)
 * before the text reaches saxes. Signal/Silence plaintext exports and old SBR-compatible tools write emoji this
 * way; XML forbids it, and saxes would leave the references in the text literally. Working on the raw text (not
 * on decoded attribute values) means an escaped `&amp;#55357;` — a user who typed that — is never touched.
 */

/** A reference to any code point in the surrogate range: hex D800–DFFF, or decimal 55000–57999 (range-checked). */
const SURROGATE_REF = /&#(?:[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2})|0*(5[5-7]\d{3}));/g;
/** A complete surrogate-range reference at the very end of a string (maybe a high half whose low half follows). */
const SURROGATE_REF_AT_END = /&#(?:[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2})|0*(5[5-7]\d{3}));$/;
/** The longest reference worth holding back at a chunk end (`&#x0000DBFF;` plus slack). */
const TAIL = 24;

interface Ref {
  start: number;
  end: number;
  unit: number;
}

/** Streaming repair: feed decoded text, get text safe for saxes plus where lone surrogates were replaced. */
export class SurrogateRepair {
  private carry = '';

  /**
   * Returns the repaired text to parse now; a possibly cut reference at the end is held for the next call
   * (everything when `final`). `lone` lists offsets in `text` where a lone surrogate became U+FFFD.
   */
  push(chunk: string, final = false, bytesMayHold = true): { text: string; lone: readonly number[] } {
    // Only a reference in the new bytes, or one straddling the held-back tail, needs the full search.
    const held = this.carry.length;
    let text = held === 0 ? chunk : this.carry + chunk;
    this.carry = '';
    const look = bytesMayHold || (held > 0 && mayHoldSurrogateRef(text.slice(0, held + TAIL)));
    const cut = final ? -1 : holdFrom(text);
    if (cut !== -1) {
      this.carry = text.slice(cut);
      text = text.slice(0, cut);
    }
    return look && mayHoldSurrogateRef(text) ? repair(text) : { text, lone: NONE };
  }
}

/**
 * Where to cut so that no numeric reference that is, or may pair with, a surrogate half is split between two
 * chunks; -1 to pass everything on (the usual case, so the chunk reaches saxes as it came). Named entities and
 * other references cut at a chunk end are joined by saxes itself.
 */
function holdFrom(text: string): number {
  const amp = lastAmpersandInTail(text);
  if (amp === -1) return -1;
  let cut: number;
  if (unfinishedNumericRef(text, amp)) cut = amp;
  else {
    // The last reference is complete: hold it back only when it is a high half, whose low half may come next.
    const high = highHalfEndingAt(text, text.length);
    if (high === 0) return -1;
    cut = text.length - high;
  }
  return cut - highHalfEndingAt(text, cut);
}

/** True when the text from `amp` to the end is `&`, `&#`, or `&#` and digits / `x` and hex digits, with no `;`. */
function unfinishedNumericRef(text: string, amp: number): boolean {
  let i = amp + 1;
  if (i === text.length) return true;
  if (text.charCodeAt(i) !== 0x23) return false;
  i++;
  const hex = text.charCodeAt(i) === 0x78 || text.charCodeAt(i) === 0x58;
  if (hex) i++;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 0x30 && c <= 0x39;
    if (!digit && !(hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)))) return false;
  }
  return true;
}

/** Length of a complete high-surrogate reference ending exactly at `end`, or 0. */
function highHalfEndingAt(text: string, end: number): number {
  if (end === 0 || text.charCodeAt(end - 1) !== 0x3b) return 0;
  const m = SURROGATE_REF_AT_END.exec(text.slice(Math.max(0, end - TAIL), end));
  return m !== null && isHighHalf(unitOf(m)) ? m[0].length : 0;
}

const NONE: readonly number[] = Object.freeze([]);
/** Made once: `Buffer.indexOf` with a string needle encodes it again on every call. */
const AMP_HASH = Buffer.from('&#');

/**
 * The same cheap pre-check on raw UTF-8 bytes, before decoding: `Buffer.indexOf` is a native search, while
 * scanning a decoded chunk that holds an emoji (a two-byte string in V8) is several times slower.
 */
export function bytesMayHoldSurrogateRef(bytes: Buffer): boolean {
  for (let i = bytes.indexOf(AMP_HASH); i !== -1; i = bytes.indexOf(AMP_HASH, i + 2)) {
    const c = bytes[i + 2];
    if (c === undefined || c === 0x35 || c === 0x78 || c === 0x58 || c === 0x30) return true;
  }
  return false;
}

/** The last `&` among the final TAIL characters, or -1 (only the tail: base64 chunks have none at all). */
function lastAmpersandInTail(text: string): number {
  for (let i = text.length - 1; i >= 0 && i >= text.length - TAIL; i--)
    if (text.charCodeAt(i) === 0x26) return i;
  return -1;
}

/** Cheap pre-check: a surrogate reference starts `&#5`, `&#x`, `&#X` or (zero-padded) `&#0`; `&#10;` does not. */
function mayHoldSurrogateRef(text: string): boolean {
  for (let i = text.indexOf('&#'); i !== -1; i = text.indexOf('&#', i + 2)) {
    const c = text.charCodeAt(i + 2);
    if (c === 0x35 || c === 0x78 || c === 0x58 || c === 0x30) return true;
  }
  return false;
}

function unitOf(m: RegExpExecArray): number {
  return m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]);
}

function isHighHalf(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function collect(text: string): Ref[] {
  const refs: Ref[] = [];
  SURROGATE_REF.lastIndex = 0;
  for (let m = SURROGATE_REF.exec(text); m !== null; m = SURROGATE_REF.exec(text)) {
    const unit = unitOf(m);
    if (unit >= 0xd800 && unit <= 0xdfff) refs.push({ start: m.index, end: m.index + m[0].length, unit });
  }
  return refs;
}

function repair(text: string): { text: string; lone: number[] } {
  const refs = collect(text);
  const lone: number[] = [];
  // Joined, not concatenated: a flat string reads faster than a concatenation tree in the scan that follows.
  const parts: string[] = [];
  let length = 0;
  let last = 0;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i]!;
    const next = refs[i + 1];
    parts.push(text.slice(last, ref.start));
    length += ref.start - last;
    if (isHighHalf(ref.unit) && next !== undefined && next.start === ref.end && next.unit >= 0xdc00) {
      parts.push(String.fromCodePoint(0x10000 + (ref.unit - 0xd800) * 0x400 + (next.unit - 0xdc00)));
      length += 2;
      last = next.end;
      i++;
    } else {
      lone.push(length);
      parts.push('\uFFFD');
      length++;
      last = ref.end;
    }
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), lone };
}

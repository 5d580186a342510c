/**
 * Facebook's double encoding ("mojibake"): Meta's JSON exports write every non-ASCII character as its UTF-8
 * bytes, one `\u00XX` escape per byte, so `é` arrives as `"\u00c3\u00a9"` ("Ã©") and 😠 as four Latin-1
 * characters. The repair reads the code units back as bytes and decodes them as UTF-8.
 *
 * The repair must never corrupt text that was written correctly, so it runs only when
 * - every character is ≤ U+00FF (real mojibake never holds anything else; Chatistics#65 crashed on `\u201c`), and
 * - the bytes are strictly valid UTF-8 (overlong forms, surrogates and cut sequences fail), and
 * - the whole *file* agrees: one correctly written string ("café", an emoji) proves the file was not written by
 *   Facebook's encoder, and then nothing in it is touched — not even a genuine "Ã©" that would decode.
 */

// `ignoreBOM` keeps a leading U+FEFF in the output: the default decoder would silently drop it.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const HIGH_LATIN1 = /[\u0080-\u00ff]/;
const ABOVE_LATIN1 = /[\u0100-\u{10ffff}]/u;

/** How one string bears on the question "was this file written by Facebook's double encoder?". */
export type MojibakeEvidence = 'ascii' | 'mojibake' | 'not-mojibake';

/** Classifies one string: ASCII says nothing; otherwise it either decodes as UTF-8 bytes or proves the opposite. */
export function mojibakeEvidence(s: string): MojibakeEvidence {
  if (ABOVE_LATIN1.test(s)) return 'not-mojibake';
  if (!HIGH_LATIN1.test(s)) return 'ascii';
  try {
    utf8Strict.decode(Buffer.from(s, 'latin1'));
    return 'mojibake';
  } catch {
    return 'not-mojibake';
  }
}

/** Undoes the double encoding of one string, or returns it unchanged when it is not mojibake. */
export function repairMojibake(s: string): string {
  if (ABOVE_LATIN1.test(s) || !HIGH_LATIN1.test(s)) return s;
  try {
    return utf8Strict.decode(Buffer.from(s, 'latin1'));
  } catch {
    return s;
  }
}

/** Produces the mojibake Facebook would write for `s` (its UTF-8 bytes as Latin-1 characters); for tests. */
export function toMojibake(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/**
 * Collects the evidence of every string of one file and decides once for the whole file. Walks parsed JSON
 * values (strings in arrays and objects, keys included) so no field is forgotten.
 */
export class MojibakeVerdict {
  /** Strings that decode as UTF-8 bytes. */
  mojibake = 0;
  /** Strings that cannot be mojibake (a character above U+00FF, or bytes that are not UTF-8). */
  notMojibake = 0;

  /** Adds the evidence of one string (a long text's, measured as it was read: meta/json-value.ts). */
  add(e: MojibakeEvidence): void {
    if (e === 'mojibake') this.mojibake++;
    else if (e === 'not-mojibake') this.notMojibake++;
  }

  /** Adds the evidence of every string inside `value`. */
  observe(value: unknown): void {
    if (typeof value === 'string') this.add(mojibakeEvidence(value));
    else if (Array.isArray(value)) {
      for (const v of value) this.observe(v);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        this.observe(k);
        this.observe(v);
      }
    }
  }

  /** True when the file holds double-encoded text and nothing that contradicts it. */
  get repair(): boolean {
    return this.mojibake > 0 && this.notMojibake === 0;
  }
}

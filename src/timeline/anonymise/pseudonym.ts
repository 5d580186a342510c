/**
 * Keyed pseudonyms (ENISA: an unkeyed hash of a phone number is reversible by trying every number, so only a
 * keyed HMAC-SHA-256 with a secret held by the study is acceptable). Identifiers are normalised first with the
 * timeline's own rules, so `07700 900123` and `+447700900123` give the same pseudonym.
 */
import { createHmac } from 'node:crypto';
import { MAX_DATE_SHIFT_WEEKS } from '../../model/time-range.js';
import { caseIdentifierKeys } from '../identities.js';

/** Shortest key accepted, in bytes: as long as the HMAC-SHA-256 output, so the key is not the weak point. */
export const MIN_KEY_BYTES = 32;
/** Hex digits kept: 64 bits, so a collision is negligible even across millions of identities. */
export const PSEUDONYM_HEX = 16;
/** Written to the manifest so a reader knows how pseudonyms were made (never the key itself). */
export const PSEUDONYM_SCHEME = `p + first ${PSEUDONYM_HEX} hex of HMAC-SHA-256(key, typed normalised identifier)`;

/** Makes pseudonyms under one secret key; the key never leaves this object. */
export class Pseudonymiser {
  readonly #key: Buffer;
  readonly #cache = new Map<string, string>();

  constructor(key: Uint8Array) {
    if (key.length < MIN_KEY_BYTES)
      throw new RangeError(`key is ${key.length} bytes; ${MIN_KEY_BYTES} needed`);
    this.#key = Buffer.from(key);
  }

  /** The pseudonym of one typed normalised key (`phone:+447700900123`, `name:sam`…), e.g. `p7f3a09c1d2e4b5a6`. */
  of(typedKey: string): string {
    let p = this.#cache.get(typedKey);
    if (p === undefined) {
      p = `p${this.hex(`id\u0000${typedKey}`).slice(0, PSEUDONYM_HEX)}`;
      this.#cache.set(typedKey, p);
    }
    return p;
  }

  /** Pseudonyms of a case-file identifier (every type its shape allows), written `id:p…` for the case file. */
  caseIdentifier(raw: string, region: string | undefined): string[] {
    return caseIdentifierKeys(raw, region).map((k) => `id:${this.of(k)}`);
  }

  /**
   * The secret per-case date shift, in whole weeks (so weekday and UTC time of day are kept): ±1 to ±260
   * weeks, never zero, derived from the key and the case id.
   */
  shiftWeeks(caseId: string): number {
    const h = this.hex(`shift\u0000${caseId}`);
    const n = (Number.parseInt(h.slice(0, 8), 16) % MAX_DATE_SHIFT_WEEKS) + 1;
    return Number.parseInt(h.slice(8, 9), 16) % 2 === 0 ? n : -n;
  }

  private hex(message: string): string {
    return createHmac('sha256', this.#key).update(message, 'utf8').digest('hex');
  }
}

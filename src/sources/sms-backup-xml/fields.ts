/**
 * Attribute readers for SMS Backup & Restore records. SBR writes every missing value as the literal string
 * `"null"`, numbers as decimal strings, and times as epoch milliseconds; these helpers turn attributes into typed
 * values or a precise complaint naming the raw value.
 */

import { utcText } from '../../model/format.js';
import type { IdType, Party } from '../../model/index.js';
import { STAMPED_TIMES } from '../../model/time-range.js';
import type { TextEncoding } from '../text.js';

/** Attributes of one element: as saxes hands them over, or as the fast path fills the ones read (fast.ts). */
export type Attrs = Readonly<Record<string, string | undefined>>;

/** The value, or undefined when it is absent, empty or the literal `"null"` SBR writes for missing values. */
export function present(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  return t === '' || t === 'null' ? undefined : t;
}

/** Message text verbatim (never trimmed: it is evidence), or undefined when empty or `"null"`. */
export function textOf(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === 'null' ? undefined : value;
}

/** The contact name the phone showed, or undefined for `(Unknown)` (SBR's "not in contacts") and `"null"`. */
export function contactName(value: string | undefined): string | undefined {
  const name = present(value);
  return name === undefined || name === '(Unknown)' ? undefined : name;
}

/**
 * How an address should be normalised: phone-shaped (optional leading `+`, at least 7 digits, spaces, dashes,
 * dots and brackets) → `phone`; containing `@` (e-mail-to-SMS gateways) → `email`; anything else — short codes
 * like `88022` and alphanumeric sender ids like `VODAFONE` — → `account`. A plain loop: this runs per record.
 */
export function idTypeOf(address: string): IdType {
  let digits = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (!(c === 0x2b && i === 0) && !PHONE_PUNCTUATION.has(c)) {
      return address.includes('@') ? 'email' : 'account';
    }
  }
  return digits >= 7 ? 'phone' : 'account';
}

/** Space, `(`, `)`, `-`, `.`: what people and phones put between digits. */
const PHONE_PUNCTUATION: ReadonlySet<number> = new Set([0x20, 0x28, 0x29, 0x2d, 0x2e]);

/** The other party as written: address with its id type, plus the contact name when there is one. */
export function partyOf(address: string | undefined, name: string | undefined): Party | undefined {
  if (address !== undefined) {
    return name === undefined
      ? { id: address, idType: idTypeOf(address) }
      : { id: address, idType: idTypeOf(address), name };
  }
  return name === undefined ? undefined : { name };
}

/** The owner of the phone (the export's owner): sent messages and outgoing calls. */
export const OWNER: Party = { role: 'victim' };

/** Before 1973-03-03 when read as milliseconds: such a value is almost surely seconds or garbage. */
const MIN_MS = 1e11;
/** After the year 2286: microseconds or garbage. */
const MAX_MS = 1e13;

const DIGITS = /^\d+$/;
/**
 * A decimal number as a tool other than SBR may write one (`Number` reads each alike): a sign, digits with or
 * without a decimal point and digits after it, an exponent.
 */
const NUMBER = /^([+-]?)(?:\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `2024-03-01 17:08 UTC` (seconds and milliseconds shown when not 0; years past 9999 as `+010000`). */
function utc(ms: number): string {
  return `${utcText(ms)} UTC`;
}

/** Whether `ms` is a time a phone could have stamped (model/time-range.ts): what a value in another unit must be. */
function stamped(ms: number): boolean {
  return ms >= STAMPED_TIMES.from && ms < STAMPED_TIMES.until;
}

/**
 * What a number that is no time in milliseconds may be, in brackets: seconds or microseconds only when read so it
 * is a time a phone could have stamped (saying which), else the time it would be (the year 9999 of a placeholder),
 * or nothing past the calendar. A number with a fraction is no whole number of milliseconds, whatever its size.
 */
function unitGuess(n: number): string {
  // Only a number not written as SBR writes one (a fraction, a decimal point, an exponent, a sign) gets here as a
  // time a phone could stamp: it is named, not taken for one.
  if (stamped(n)) return ` (read so, it is ${utc(n)})`;
  if (stamped(n * 1000)) return ` (it may be seconds: read so, it is ${utc(n * 1000)})`;
  if (stamped(n / 1000)) return ` (it may be microseconds: read so, it is ${utc(n / 1000)})`;
  if (Math.abs(n) <= 8.64e15) return ` (it would be ${utc(n)}; it may be a placeholder)`;
  return '';
}

/**
 * What is wrong with a number SBR would not write (`NUMBER` but not `DIGITS`): negative, not whole, or a whole
 * number written otherwise than as digits alone, first what says most.
 */
function oddNumber(t: string, sign: string, exponent: string | undefined, n: number): string {
  if (n < 0) return 'is a negative number of milliseconds since 1970';
  // `1e400` is no finite number: its exponent is what to say.
  if (Number.isFinite(n) && !Number.isInteger(n)) return 'is not a whole number of milliseconds since 1970';
  const how = exponent
    ? 'with an exponent'
    : t.includes('.')
      ? 'with a decimal point'
      : sign === '-'
        ? 'with a minus sign'
        : 'with a plus sign';
  return `is written ${how}, not as SMS Backup & Restore writes a date`;
}

/** Reads `date` (epoch milliseconds). Never falls back to `readable_date`, which has no zone and a locale format. */
export function epochMs(raw: string | undefined): number | string {
  if (raw === undefined) return 'the record has no date attribute';
  // Fast path for what SBR writes, 13 plain digits, without a regex or a string-to-number parse.
  if (raw.length === 13) {
    let ms = 0;
    for (let i = 0; i < 13 && ms >= 0; i++) {
      const d = raw.charCodeAt(i) - 0x30;
      ms = d >= 0 && d <= 9 ? ms * 10 + d : -1;
    }
    if (ms >= MIN_MS && ms <= MAX_MS) return ms;
  }
  const t = raw.trim();
  if (t === '') return `date="${raw}" is empty`;
  if (t === 'null') return 'date="null": the phone stored no date for this record';
  const number = NUMBER.exec(t);
  if (!number) return `date="${raw}" is not a number of milliseconds since 1970`;
  const n = Number(t);
  // Only digits are read as a time, as SBR writes one: a whole number written otherwise is named, not taken.
  if (!DIGITS.test(t)) return `date="${raw}" ${oddNumber(t, number[1]!, number[2], n)}${unitGuess(n)}`;
  if (n < MIN_MS) return `date="${raw}" is too small for milliseconds since 1970${unitGuess(n)}`;
  if (n > MAX_MS) return `date="${raw}" is too large for milliseconds since 1970${unitGuess(n)}`;
  return n;
}

/** The hint shown with every rejected date. */
export const DATE_HINT =
  'SMS Backup & Restore writes `date` as milliseconds since 1970 (e.g. 1709312640000). The record was ' +
  'edited or written by another tool; its readable_date is not used because it has no time zone.';

/**
 * The longest call length taken as read: a day. Android logs a call's length in whole seconds; a value past a day
 * (`99999999`, three years) is a damaged or placeholder value, and shown as a call's length it would mislead.
 */
export const MAX_CALL_SECONDS = 86_400;

/**
 * Whole seconds from a call's `duration` attribute: the number, undefined when absent, empty or `"null"` (no
 * length recorded), or the reason it cannot be a call's length, naming the raw value (negative, not a whole
 * number, longer than a day).
 */
export function seconds(raw: string | undefined): number | undefined | string {
  const t = present(raw);
  if (t === undefined) return undefined;
  if (DIGITS.test(t)) {
    const n = Number(t);
    return n <= MAX_CALL_SECONDS
      ? n
      : `duration="${raw}" is longer than a day (${MAX_CALL_SECONDS} seconds), longer than a call log plausibly records`;
  }
  return /^-\d+$/.test(t)
    ? `duration="${raw}" is negative`
    : `duration="${raw}" is not a whole number of seconds`;
}

/** 1 for the characters of base64 (both alphabets: `+/` and the URL-safe `-_`), by UTF-16 unit below 128. */
const BASE64 = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_')
  BASE64[c.charCodeAt(0)] = 1;

/**
 * The base64 characters of a value met piece by piece (long-values.ts lets the start of a long one go), and the `=`
 * ending them so far: its padding, no data. Nothing else is counted: a line break some tool wrapped it with
 * (written raw, which XML reads as a space, or as `&#10;`), or a stray character.
 */
export class Base64Count {
  constructor(
    public chars = 0,
    public pad = 0,
  ) {}

  add(text: string): this {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x3d) {
        this.chars++;
        this.pad++;
      } else if (c < 128 && BASE64[c] === 1) {
        this.chars++;
        this.pad = 0;
      }
    }
    return this;
  }

  /** The bytes they decode to. */
  get bytes(): number {
    return Math.max(0, Math.floor((this.chars * 3) / 4) - Math.min(this.pad, 2));
  }
}

/**
 * Decoded size of a base64 `data` attribute, for the attachment list (the data itself is dropped): `data` is what
 * was held of it, its end; `before` what was counted of it and let go (long-values.ts).
 */
export function base64Bytes(data: string, before?: Base64Count): number {
  return new Base64Count(before?.chars, before?.pad).add(data).bytes;
}

/** UTF-16 written without a byte-order mark: the first `<` has a zero byte beside it. */
export function utf16WithoutBom(head: Uint8Array): TextEncoding | undefined {
  if (head[0] === 0x3c && head[1] === 0x00) return 'utf-16le';
  if (head[0] === 0x00 && head[1] === 0x3c) return 'utf-16be';
  return undefined;
}

const UNDER_1000 = Array.from({ length: 1000 }, (_, i) => String(i));
const PADDED_1000 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * A non-negative integer in decimal, built from a table instead of `String(n)`: V8 keeps every number it turns
 * into a string in an old-generation cache, so a million locators made the young generation promote them all and
 * doubled garbage-collection time (measured).
 */
export function decimal(n: number): string {
  return n < 1000 ? UNDER_1000[n]! : decimal(Math.floor(n / 1000)) + PADDED_1000[n % 1000]!;
}

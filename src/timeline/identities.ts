/**
 * Who sent each record. Identifiers are normalised before they are compared:
 * - phone numbers to E.164 with libphonenumber-js, using the case region for national formats
 *   (`07700 900123` with GB → `+447700900123`);
 * - e-mail addresses case-folded (`mailto:` and angle brackets removed);
 * - handles (`@name`) case-folded; account ids kept exactly;
 * - display names NFKC-normalised, case-folded, with invisible marks and the iOS "~ " prefix removed.
 *
 * Without a region a number written in national form (`07700 900456`) cannot be put in international form: it is
 * kept by its digits, leading 0 included (`account:07700900456`), so `07700 900456`, `07700-900456`,
 * `(07700) 900456` and `07700900456` are one identifier, but it never matches the same number written
 * `+44 7700 900456`. The resolver counts such numbers (and the country calling codes of the international ones)
 * so the report can say so and name the fix.
 *
 * Case-file identifiers may carry a prefix to say what they are (`tel:`, `mailto:`, `id:`, `@`, `name:`);
 * without one, an identifier is tried as every type its shape allows, so `1234567890` matches both a phone
 * number and an account id. A number alone (untyped or `id:`) also matches the Telegram account of that number:
 * its export writes `from_id` as `user1234567890`, while Telegram shows the number alone ("show peer IDs"). The
 * resolved key is what reports list per identifier.
 */

import type { CountryCode } from 'libphonenumber-js';
import type { IdType, Party, Role } from '../model/index.js';
import { mainRegion, phoneNumbers } from './phone-numbers.js';

// Removed from names: the zero-width space, the direction marks and bidi controls, the byte-order mark.
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// The joiners are part of how a name is drawn (an emoji family 👨‍👩‍👧, a Persian name): kept in its display
// form, and removed only from the key names are matched on, so "Sam" and "Sa<ZWJ>m" are still one person.
const JOINERS = /[\u200C\u200D]/g;
/** Characters written for an apostrophe: right and left single quotes, the modifier letter, a grave and acute accent, a prime. */
const APOSTROPHES = /[\u2019\u2018\u02BC\u0060\u00B4\u2032]/g;
const PHONE_SHAPE = /^\+?[\d\s\-\u2011().]{5,}$/;
const EMAIL_SHAPE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Display form of a name: NFKC, invisible marks removed (the joiners kept), iOS non-contact "~ " prefix removed,
 * spaces folded.
 */
export function cleanName(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(/^~\s*/, '').replace(/\s+/g, ' ').trim();
}

function cleanPhone(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(JOINERS, '')
    .replace(/\u2011/g, '-')
    .trim();
}

/** A possible phone number's E.164 form and country calling code, or `undefined`. */
function parsePhone(
  raw: string,
  region: string | undefined,
): { e164: string; callingCode: string } | undefined {
  const cleaned = cleanPhone(raw);
  if (!PHONE_SHAPE.test(cleaned)) return undefined;
  const parsed = phoneNumbers().parsePhoneNumberFromString(cleaned, region as CountryCode | undefined);
  if (!parsed?.isPossible()) return undefined;
  return { e164: parsed.number, callingCode: parsed.countryCallingCode };
}

/** Normalises a phone number to E.164, or `undefined` when it is not a possible phone number. */
export function normalisePhone(raw: string, region: string | undefined): string | undefined {
  return parsePhone(raw, region)?.e164;
}

/**
 * True when `raw` is a phone number written in national form: phone-shaped with 7–15 digits and no leading `+`
 * or `00` (`07700 900456`, `(202) 555-0123`). Only a region can put such a number in international form.
 * Shorter strings are short codes (`88022`), which no region turns into an international number.
 */
export function isNationalForm(raw: string): boolean {
  const digits = digitsWithoutPlus(raw);
  return digits !== undefined && digits.length >= 7 && digits.length <= 15 && !digits.startsWith('00');
}

/** The digits of a phone-shaped `raw` written without a leading `+`; undefined for anything else. */
function digitsWithoutPlus(raw: string): string | undefined {
  const cleaned = cleanPhone(raw);
  return PHONE_SHAPE.test(cleaned) && !cleaned.startsWith('+') ? cleaned.replace(/\D/g, '') : undefined;
}

/**
 * True when `raw` is a phone number written with the international call prefix 00 (`0044 7700 900456`). Only a
 * region says that 00 is that prefix (it is 011 in North America, 0011 in Australia), so without one such a number
 * is compared by its digits, as a number in national form is: every spelling of it is one identifier, and a case
 * file naming it as the sender wrote it matches.
 */
export function hasCallPrefix(raw: string): boolean {
  const digits = digitsWithoutPlus(raw);
  return digits?.startsWith('00') === true && digits.length >= 9 && digits.length <= 17;
}

/** True when a case-file identifier (as given, with or without a `tel:` prefix) is a number in national form. */
export function isNationalIdentifier(raw: string): boolean {
  if (/^tel:/i.test(raw)) return isNationalForm(raw.replace(/^tel:/i, ''));
  return guessTypes(raw).includes('phone') && isNationalForm(raw);
}

/** The typed key of one identifier (`phone:+447700900123`), or `undefined` when it cannot be that type. */
export function typedKey(raw: string, type: IdType, region: string | undefined): string | undefined {
  const value = raw.replace(INVISIBLE, '').trim();
  if (value === '') return undefined;
  switch (type) {
    case 'phone': {
      const e164 = normalisePhone(value, region);
      if (e164) return `phone:${e164}`;
      // No region to put it in international form: kept as an id, by its digits with the leading 0 (or 00).
      return region === undefined && (isNationalForm(value) || hasCallPrefix(value))
        ? `account:${value.replace(/\D/g, '')}`
        : undefined;
    }
    case 'email': {
      const addr = mailAddress(value).toLowerCase();
      return EMAIL_SHAPE.test(addr) ? `email:${addr}` : undefined;
    }
    case 'handle':
      return `handle:@${value.replace(/^@/, '').toLowerCase()}`;
    case 'account':
      return `account:${value}`;
    case 'name': {
      // Apostrophes folded: an iPhone writes O’Connor with a curly one, a case file typed on a keyboard O'Connor.
      // Before NFKC (cleanName), which turns an acute accent used as one into a space and a combining mark.
      const folded = cleanName(value.replace(APOSTROPHES, "'")).replace(JOINERS, '').toLowerCase();
      return folded === '' ? undefined : `name:${folded}`;
    }
  }
}

// An address with its display name, as a mail program shows and copies it: `"Sam Carter" <sam@example.com>`.
const NAMED_ADDRESS = /^[^<>]*<([^\s@<>]+@[^\s@<>]+)>$/;

/**
 * The address of an e-mail identifier: without `mailto:`, its angle brackets, or the display name before them
 * (`Sam Carter <sam@example.com>` is `sam@example.com`: the display name is what its sender chose, and only the
 * address says whose it is). Anything else is returned as it is.
 */
function mailAddress(value: string): string {
  const v = value.trim().replace(/^mailto:/i, '');
  return NAMED_ADDRESS.exec(v)?.[1] ?? v.replace(/^<|>$/g, '');
}

/** The types an untyped identifier could be, from its shape. */
export function guessTypes(raw: string): IdType[] {
  const v = raw.trim();
  if (EMAIL_SHAPE.test(mailAddress(v))) return ['email'];
  if (v.startsWith('@')) return ['handle'];
  const types: IdType[] = [];
  if (PHONE_SHAPE.test(v)) types.push('phone');
  if (/^[\w.:-]+$/.test(v)) types.push('account');
  types.push('name');
  return types;
}

/** All typed keys a case-file identifier stands for (prefixes `tel:`, `mailto:`, `id:`, `name:`, `@` decide). */
export function caseIdentifierKeys(raw: string, region: string | undefined): string[] {
  const prefixed: [RegExp, IdType][] = [
    [/^tel:/i, 'phone'],
    [/^mailto:/i, 'email'],
    [/^id:/i, 'account'],
    [/^name:/i, 'name'],
  ];
  for (const [re, type] of prefixed) {
    if (re.test(raw)) {
      const value = raw.replace(re, '');
      const key = typedKey(value, type, region);
      return key ? [key, ...(type === 'account' ? telegramUser(value) : [])] : [];
    }
  }
  const keys = guessTypes(raw)
    .map((t) => typedKey(raw, t, region))
    .filter((k): k is string => k !== undefined);
  return [...new Set([...keys, ...telegramUser(raw)])];
}

/** The key of the Telegram account a number alone names (`account:user4400000001`), or none. */
function telegramUser(raw: string): string[] {
  const digits = raw.replace(INVISIBLE, '').trim();
  return /^\d{5,}$/.test(digits) ? [`account:user${digits}`] : [];
}

/** Strips the type prefix for display: `phone:+44…` → `+44…`. */
export function keyValue(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

export interface Resolution {
  /** Typed key of the sender's main identifier (its id when it has one, else its name). */
  readonly key: string | undefined;
  readonly role: Role | undefined;
}

/** A number or address named as someone in the case is, but not in the case itself (`namedLikeCasePeople`). */
export interface NamedLikeCase {
  /** The name as written beside it, and as a case key (`name:sam`). */
  readonly name: string;
  readonly nameKey: string;
  readonly as: 'subject' | 'victim';
}

export interface People {
  readonly subject: readonly string[];
  readonly victim: readonly string[];
  readonly region: string | undefined;
  /**
   * The names the case gives them (`"name": "Sam Carter"`), which are not identifiers: a number or address saved
   * under one is not theirs, but is told of (`namedLikeCasePeople`) as one saved under a listed name is.
   */
  readonly names?: { readonly subject?: string | undefined; readonly victim?: string | undefined };
}

/** Resolves parties against the case file's subject and victim identifiers, caching by party. */
/** Sizes of an `IdentityResolver`'s records at some point. */
export interface ResolverMark {
  readonly cache: number;
  readonly subjectHits: number;
  readonly caseHits: number;
  readonly national: number;
  readonly nationalKeys: number;
  readonly callingCodes: number;
  readonly nameOnly: number;
}

/** Deletes all but the first `n` entries of a Map or Set (in insertion order). */
export function keepFirst<K>(c: Map<K, unknown> | Set<K>, n: number): void {
  if (c.size <= n) return;
  let i = 0;
  for (const k of [...c.keys()]) if (i++ >= n) c.delete(k);
}

export class IdentityResolver {
  private readonly subject = new Set<string>();
  private readonly victim = new Set<string>();
  private readonly cache = new Map<string, Resolution>();
  /** Subject keys some sender resolved to. */
  private readonly subjectHits = new Set<string>();
  /** Case keys (subject or victim) some sender resolved to. */
  private readonly caseHits = new Set<string>();
  /** Without a region: senders' numbers in national form, by their digits, with the first spelling met. */
  private readonly national = new Map<string, string>();
  /** Without a region: the keys of the senders whose number is in national form (`nationalSenderKeys`). */
  private readonly nationalKeys = new Set<string>();
  /** Without a region: case identifiers in national form, with their keys. */
  private readonly nationalCaseIds: { raw: string; keys: string[] }[] = [];
  /** Numbers and addresses named like the subject or the victim but not listed (`namedLikeCasePeople`). */
  private readonly nameOnly = new Map<string, NamedLikeCase>();
  /** The name keys of the names the case gives the subject and the victim (`People.names`), with whose. */
  private readonly caseNames = new Map<string, 'subject' | 'victim'>();
  /** Country calling codes of the numbers written in international form, senders' and case identifiers'. */
  private readonly callingCodes = new Set<string>();
  /** With only a victim named, every other sender is treated as the subject (reported as an assumption). */
  readonly subjectIsEveryoneElse: boolean;

  constructor(private readonly people: People) {
    for (const id of people.subject) {
      const keys = caseIdentifierKeys(id, people.region);
      for (const k of keys) this.subject.add(k);
      this.noteCaseIdentifier(id, keys);
    }
    for (const id of people.victim) {
      const keys = caseIdentifierKeys(id, people.region);
      for (const k of keys) this.victim.add(k);
      this.noteCaseIdentifier(id, keys);
    }
    this.subjectIsEveryoneElse = people.subject.length === 0 && people.victim.length > 0;
    // The victim's first, as a victim identifier wins over a subject one. Not the subject's when every other sender
    // counts as the subject: a number saved under their name is then counted as theirs.
    for (const as of ['victim', 'subject'] as const) {
      const name = people.names?.[as];
      if (name === undefined || (as === 'subject' && this.subjectIsEveryoneElse)) continue;
      const key = typedKey(name, 'name', undefined);
      if (key !== undefined && !this.caseNames.has(key)) this.caseNames.set(key, as);
    }
  }

  /** The region national numbers are read in (`--region` or the case file), if any. */
  get region(): string | undefined {
    return this.people.region;
  }

  resolve(party: Party | undefined): Resolution {
    if (!party) return { key: undefined, role: undefined };
    const cacheKey = `${party.id ?? ''}\u0000${party.idType ?? ''}\u0000${party.name ?? ''}\u0000${party.role ?? ''}`;
    let res = this.cache.get(cacheKey);
    if (!res) {
      res = this.compute(party);
      this.cache.set(cacheKey, res);
    }
    return res;
  }

  private compute(party: Party): Resolution {
    const keys: string[] = [];
    if (party.id !== undefined) {
      const types = party.idType ? [party.idType] : guessTypes(party.id).filter((t) => t !== 'name');
      for (const t of types) {
        const k = typedKey(party.id, t, this.people.region);
        if (k) keys.push(k);
      }
      // Once per sender (resolutions are cached), so that the warning can find its records without a key per event.
      if (this.people.region === undefined && types.includes('phone') && this.noteNumber(party.id)) {
        if (keys[0] !== undefined) this.nationalKeys.add(keys[0]);
      }
      // An id that normalises to nothing (e.g. "-1" for a withheld caller) is still shown as written.
      if (keys.length === 0) keys.push(`account:${party.id.trim()}`);
    }
    const idKeys = keys.length;
    if (party.name !== undefined) {
      const k = typedKey(party.name, 'name', undefined);
      if (k) keys.push(k);
    }
    const key = keys[0];
    // A number or address is someone's only when the case lists it: the name beside it is a label saved in the
    // victim's phone (a contact name) or one its sender chose (an e-mail's display name), which another person
    // can share ("Sam" the colleague). Accounts on platforms keep their display names as identifiers.
    const addressed = party.idType === 'phone' || party.idType === 'email';
    const matching = addressed ? keys.slice(0, idKeys) : keys;
    let role: Role | undefined = party.role;
    for (const k of matching) if (this.subject.has(k) || this.victim.has(k)) this.caseHits.add(k);
    if (matching.some((k) => this.victim.has(k))) role = 'victim';
    else if (matching.some((k) => this.subject.has(k))) {
      role = 'subject';
      for (const k of matching) if (this.subject.has(k)) this.subjectHits.add(k);
    } else {
      const named = addressed ? keys[idKeys] : undefined;
      // Named as an identifier of the case's is, or as the case names the person (the number one digit off the
      // subject's, saved as "Sam Carter").
      const as =
        named === undefined
          ? undefined
          : this.victim.has(named)
            ? 'victim'
            : this.subject.has(named)
              ? 'subject'
              : this.caseNames.get(named);
      if (as !== undefined && key !== undefined && !this.nameOnly.has(key)) {
        this.nameOnly.set(key, { name: party.name!, nameKey: named!, as });
      }
      if (role === undefined && key !== undefined) role = this.subjectIsEveryoneElse ? 'subject' : 'other';
    }
    return { key, role };
  }

  /**
   * The numbers and addresses (by key) whose name is one the case gives the subject or the victim, while the
   * number or address itself is not in the case, with that name: not counted as theirs (`compute`), and worth a
   * warning, since the user may well have meant them.
   */
  namedLikeCasePeople(): ReadonlyMap<string, NamedLikeCase> {
    return this.nameOnly;
  }

  /** Where the resolver stands now, for `rollback`. */
  mark(): ResolverMark {
    return {
      cache: this.cache.size,
      subjectHits: this.subjectHits.size,
      caseHits: this.caseHits.size,
      national: this.national.size,
      nationalKeys: this.nationalKeys.size,
      callingCodes: this.callingCodes.size,
      nameOnly: this.nameOnly.size,
    };
  }

  /**
   * Forgets every sender met since `mark` (an input read again from the start): what the report says of the
   * identifiers met, and not met, must come from the events kept. Everything here is only ever added to, in
   * insertion order, so going back is keeping the first entries.
   */
  rollback(mark: ResolverMark): void {
    keepFirst(this.cache, mark.cache);
    keepFirst(this.subjectHits, mark.subjectHits);
    keepFirst(this.caseHits, mark.caseHits);
    keepFirst(this.national, mark.national);
    keepFirst(this.nationalKeys, mark.nationalKeys);
    keepFirst(this.callingCodes, mark.callingCodes);
    keepFirst(this.nameOnly, mark.nameOnly);
  }

  /** The subject identifiers (as given) that no sender resolved to so far. */
  unmatchedSubjectIdentifiers(): string[] {
    return this.people.subject.filter(
      (id) => !caseIdentifierKeys(id, this.people.region).some((k) => this.subjectHits.has(k)),
    );
  }

  /**
   * The victim identifiers (as given) that no sender resolved to so far. A sender with a victim key is the victim's
   * whatever else it matches (`compute`), so a victim key among the case keys met is one a sender of the victim's had.
   */
  unmatchedVictimIdentifiers(): string[] {
    return this.people.victim.filter(
      (id) =>
        !caseIdentifierKeys(id, this.people.region).some((k) => this.victim.has(k) && this.caseHits.has(k)),
    );
  }

  /**
   * Without a region: a sender's number, counted as national form or by its country calling code. True when it is
   * in national form (or after the call prefix 00).
   */
  private noteNumber(raw: string): boolean {
    const parsed = parsePhone(raw, undefined);
    if (parsed) this.callingCodes.add(parsed.callingCode);
    else if (isNationalForm(raw) || hasCallPrefix(raw)) {
      // A number after the call prefix 00 cannot be matched to its +CC spelling without a region either.
      const digits = raw.replace(/\D/g, '');
      if (!this.national.has(digits)) this.national.set(digits, cleanPhone(raw));
      return true;
    }
    return false;
  }

  /** Without a region: a case identifier, remembered when in national form, else its country calling code. */
  private noteCaseIdentifier(raw: string, keys: string[]): void {
    if (this.people.region !== undefined) return;
    const value = raw.replace(/^tel:/i, '');
    if (isNationalIdentifier(raw)) this.nationalCaseIds.push({ raw: value.trim(), keys });
    else if (/^tel:/i.test(raw) || guessTypes(raw).includes('phone')) {
      const parsed = parsePhone(value, undefined);
      if (parsed) this.callingCodes.add(parsed.callingCode);
    }
  }

  /**
   * Without a region, the numbers in national form met so far, one per digit string, senders' first: every
   * sender's, and each case identifier's that no sender matched (one that did matched a sender written alike).
   * Empty when a region is set.
   */
  nationalNumbers(): string[] {
    const out = new Map(this.national);
    for (const id of this.nationalCaseIds) {
      const digits = id.raw.replace(/\D/g, '');
      if (!out.has(digits) && !id.keys.some((k) => this.caseHits.has(k))) out.set(digits, id.raw);
    }
    return [...out.values()];
  }

  /**
   * Without a region, the keys of the senders met so far whose number is in national form (or after the call
   * prefix 00): what `nationalNumbers` lists, as the events' `senderKey`s, to find their records by. Empty when a
   * region is set.
   */
  nationalSenderKeys(): ReadonlySet<string> {
    return this.nationalKeys;
  }

  /**
   * The region the numbers written in international form point to, when they all share one country calling
   * code: `{ region: 'GB', callingCode: '44' }`. A likely region to suggest, never one to use unasked.
   */
  likelyRegion(): { region: string; callingCode: string } | undefined {
    const [callingCode, ...more] = this.callingCodes;
    if (callingCode === undefined || more.length > 0) return undefined;
    const region = mainRegion(callingCode);
    return region === undefined ? undefined : { region, callingCode };
  }

  /** Up to `n` senders that resolved to no one named in the case, as their keys' values, in the order first met. */
  otherSenders(n: number): string[] {
    const out = new Set<string>();
    for (const r of this.cache.values()) {
      if (out.size >= n) break;
      if (r.role === 'other' && r.key !== undefined) out.add(keyValue(r.key));
    }
    return [...out];
  }
}

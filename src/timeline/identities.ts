/**
 * Who sent each record. Identifiers are normalised before they are compared:
 * - phone numbers to E.164 with libphonenumber-js, using the case region for national formats
 *   (`07700 900123` with GB → `+447700900123`);
 * - e-mail addresses case-folded (`mailto:` and angle brackets removed);
 * - handles (`@name`) case-folded; account ids kept exactly;
 * - display names NFKC-normalised, case-folded, with invisible marks and the iOS "~ " prefix removed.
 *
 * Case-file identifiers may carry a prefix to say what they are (`tel:`, `mailto:`, `id:`, `@`, `name:`);
 * without one, an identifier is tried as every type its shape allows, so `1234567890` matches both a phone
 * number and an account id. The resolved key is what reports list per identifier.
 */

import type { CountryCode } from 'libphonenumber-js';
import type { IdType, Party, Role } from '../model/index.js';
import { phoneNumbers } from './phone-numbers.js';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const PHONE_SHAPE = /^\+?[\d\s\-\u2011().]{5,}$/;
const EMAIL_SHAPE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Display form of a name: NFKC, invisible marks removed, iOS non-contact "~ " prefix removed, spaces folded. */
export function cleanName(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(/^~\s*/, '').replace(/\s+/g, ' ').trim();
}

/** Normalises a phone number to E.164, or `undefined` when it is not a possible phone number. */
export function normalisePhone(raw: string, region: string | undefined): string | undefined {
  const cleaned = raw
    .replace(INVISIBLE, '')
    .replace(/\u2011/g, '-')
    .trim();
  if (!PHONE_SHAPE.test(cleaned)) return undefined;
  const parsed = phoneNumbers().parsePhoneNumberFromString(cleaned, region as CountryCode | undefined);
  if (!parsed?.isPossible()) return undefined;
  return parsed.number;
}

/** The typed key of one identifier (`phone:+447700900123`), or `undefined` when it cannot be that type. */
export function typedKey(raw: string, type: IdType, region: string | undefined): string | undefined {
  const value = raw.replace(INVISIBLE, '').trim();
  if (value === '') return undefined;
  switch (type) {
    case 'phone': {
      const e164 = normalisePhone(value, region);
      return e164 ? `phone:${e164}` : undefined;
    }
    case 'email': {
      const addr = value
        .replace(/^mailto:/i, '')
        .replace(/^<|>$/g, '')
        .toLowerCase();
      return EMAIL_SHAPE.test(addr) ? `email:${addr}` : undefined;
    }
    case 'handle':
      return `handle:@${value.replace(/^@/, '').toLowerCase()}`;
    case 'account':
      return `account:${value}`;
    case 'name': {
      const folded = cleanName(value).toLowerCase();
      return folded === '' ? undefined : `name:${folded}`;
    }
  }
}

/** The types an untyped identifier could be, from its shape. */
export function guessTypes(raw: string): IdType[] {
  const v = raw.trim();
  if (EMAIL_SHAPE.test(v.replace(/^mailto:/i, '').replace(/^<|>$/g, ''))) return ['email'];
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
      const key = typedKey(raw.replace(re, ''), type, region);
      return key ? [key] : [];
    }
  }
  const keys = guessTypes(raw)
    .map((t) => typedKey(raw, t, region))
    .filter((k): k is string => k !== undefined);
  return [...new Set(keys)];
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

export interface People {
  readonly subject: readonly string[];
  readonly victim: readonly string[];
  readonly region: string | undefined;
}

/** Resolves parties against the case file's subject and victim identifiers, caching by party. */
export class IdentityResolver {
  private readonly subject = new Set<string>();
  private readonly victim = new Set<string>();
  private readonly cache = new Map<string, Resolution>();
  /** Subject keys some sender resolved to. */
  private readonly subjectHits = new Set<string>();
  /** With only a victim named, every other sender is treated as the subject (reported as an assumption). */
  readonly subjectIsEveryoneElse: boolean;

  constructor(private readonly people: People) {
    for (const id of people.subject)
      for (const k of caseIdentifierKeys(id, people.region)) this.subject.add(k);
    for (const id of people.victim) for (const k of caseIdentifierKeys(id, people.region)) this.victim.add(k);
    this.subjectIsEveryoneElse = people.subject.length === 0 && people.victim.length > 0;
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
      // An id that normalises to nothing (e.g. "-1" for a withheld caller) is still shown as written.
      if (keys.length === 0) keys.push(`account:${party.id.trim()}`);
    }
    if (party.name !== undefined) {
      const k = typedKey(party.name, 'name', undefined);
      if (k) keys.push(k);
    }
    const key = keys[0];
    let role: Role | undefined = party.role;
    if (keys.some((k) => this.victim.has(k))) role = 'victim';
    else if (keys.some((k) => this.subject.has(k))) {
      role = 'subject';
      for (const k of keys) if (this.subject.has(k)) this.subjectHits.add(k);
    } else if (role === undefined && key !== undefined)
      role = this.subjectIsEveryoneElse ? 'subject' : 'other';
    return { key, role };
  }

  /** The subject identifiers (as given) that no sender resolved to so far. */
  unmatchedSubjectIdentifiers(): string[] {
    return this.people.subject.filter(
      (id) => !caseIdentifierKeys(id, this.people.region).some((k) => this.subjectHits.has(k)),
    );
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

/**
 * The names of people other than the senders that chronolog already holds in an event's `details`: e-mail
 * headers (`"Priya Natarajan" <priya.n@example.org>` in From, To, Cc, Bcc, Reply-To), a diary's witness and
 * officer columns (`Dan Kowalski, Jess (neighbour)`, `PC Hughes`, `Dr R. Patel`, `Mrs. A. Khan`), Telegram's `forwardedFrom`, a contact name,
 * Discord's display `nickname` and `mentions` (`Alex (900000000000000202)`) and Meta's reactions (`😢 by Zoë Example`).
 * They are redacted in texts like the participants' names, so "Priya Natarajan and Dan Kowalski know" does not
 * survive anonymisation when the export named them elsewhere.
 */
import { PARTICLES } from './name-parts.js';

/** Address-list headers: the display names before `<address>`. */
const ADDRESS_FIELDS = ['from', 'to', 'cc', 'bcc', 'replyTo'] as const;
/** Fields that name one person or account as a whole (a forward's origin, a contact label). */
const WHOLE_FIELDS = ['forwardedFrom', 'contact_name', 'contactName', 'nickname'] as const;
/** Free-text columns that list people ("Dan (security), Jess"); only name-shaped items are taken. */
const LIST_FIELDS = ['witnesses', 'witness', 'officer', 'officers'] as const;

/** Ranks and honorifics written before a surname ("PC Hughes", "Dr Patel"). */
export const TITLES = [
  'PC',
  'WPC',
  'DC',
  'DS',
  'DI',
  'DCI',
  'PCSO',
  'Sgt',
  'Sergeant',
  'Constable',
  'Inspector',
  'Detective',
  'Officer',
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
] as const;

const TITLE_PREFIX = new RegExp(`^(?:${TITLES.join('|')})\\.?\\s+`, 'u');
/**
 * Initials that spell an abbreviation, which a capitalised word after them does not make a name ("U.K. Border
 * Force", "U.S. Embassy", "N.H.S. Direct"); for an expression's source.
 */
export const INITIALISM =
  '(?:U\\.\\s?K|U\\.\\s?S(?:\\.\\s?A)?|U\\.\\s?N|E\\.\\s?U|N\\.\\s?H\\.\\s?S|B\\.\\s?B\\.\\s?C)\\.';
/** A particle a surname starts with, in small letters ("van der Berg", "de Souza"; name-parts.ts). */
const PARTICLE = `(?:${[...PARTICLES].join('|')})\\s+`;
/**
 * One to four capitalised words (O'Brien, Smith-Jones), after up to three initials with or without their full stops
 * ("R. Patel", "R.Patel", "J.R. Okafor"), particles in small letters before any of them ("J. van der Berg", "Ana de
 * Souza"): the shape of a name in a free-text column. An initial is one letter, so an abbreviation ("St. Mary's",
 * "No. 5") is no name, nor are initials that spell one ("U.K. Border Force", `INITIALISM`).
 */
const NAME_SHAPE = new RegExp(
  `^(?!${INITIALISM})(?:\\p{Lu}(?:\\.\\s*|\\s+)){0,3}(?:${PARTICLE}){0,3}\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:${PARTICLE}){0,3}\\p{Lu}[\\p{L}'’-]*){0,3}$`,
  'u',
);
/** A full stop after an initial with no space before what follows ("R.Patel", "J.R.Okafor"). */
const GLUED_INITIAL = /(?<=(?<![\p{L}\p{M}])\p{Lu}\.)(?=\p{Lu})/gu;

/** Display names in an address list (`"A B" <a@x>, c@y, D <d@z>`), without brackets or addresses. */
function displayNames(list: string): string[] {
  const out: string[] = [];
  for (const item of list.match(/(?:"[^"]*"|[^,])+/g) ?? []) {
    const lt = item.indexOf('<');
    if (lt <= 0) continue;
    const name = clean(item.slice(0, lt).replace(/"/g, ''));
    if (name && !name.includes('@')) out.push(name);
  }
  return out;
}

/** Discord's mentions, `NAME (ID), NAME (ID)`: the names, however written (`alex_example`, `Alex, the boss`). */
function mentionedNames(list: string): string[] {
  return [...list.matchAll(/(.+?) \((?:\d+|\?)\)(?:, |$)/gu)]
    .map((m) => clean(m[1]!))
    .filter((n) => n !== '' && n !== '?');
}

/**
 * The people of a reaction list, `EMOJI by NAME, EMOJI by NAME` (Messenger, Instagram; X writes an account id,
 * which is no name and is left to the number rules).
 */
function reactorNames(list: string): string[] {
  const out: string[] = [];
  for (const m of list.matchAll(/ by (.+?)(?=, \S+ by |$)/gu)) {
    const name = clean(m[1]!);
    if (name && name !== '?' && /\p{L}/u.test(name)) out.push(name);
  }
  return out;
}

/** `value` as a name when it is one without an id in brackets (Discord's `commandBy` with no id). */
function bareName(value: string): string[] {
  if (value.includes(' (')) return [];
  const name = clean(value);
  return name !== '' && /\p{L}/u.test(name) ? [name] : [];
}

/** A name without bracketed notes ("Dan (security)") or surrounding punctuation. */
function clean(s: string): string {
  return s
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The name-shaped items of a free-text list ("Dan Kowalski, Jess and PC Hughes", "Dr R. Patel"), titles taken off
 * and initials spaced from what follows ("R.Patel" is "R. Patel"; name-parts.ts finds it written either way).
 */
function listedNames(list: string): string[] {
  const out: string[] = [];
  for (const item of list.split(/[,;\n/&+]|\s+and\s+/u)) {
    const name = clean(item).replace(TITLE_PREFIX, '').replace(GLUED_INITIAL, ' ');
    if (name && NAME_SHAPE.test(name)) out.push(name);
  }
  return out;
}

/** The names of people named in one event's details, in field order. */
export function detailNames(details: Readonly<Record<string, string>> | undefined): string[] {
  if (!details) return [];
  const out: string[] = [];
  for (const k of ADDRESS_FIELDS) if (details[k]) out.push(...displayNames(details[k]));
  for (const k of WHOLE_FIELDS) {
    const name = details[k] && clean(details[k]);
    if (name) out.push(name);
  }
  for (const k of LIST_FIELDS) if (details[k]) out.push(...listedNames(details[k]));
  if (details['mentions']) out.push(...mentionedNames(details['mentions']));
  // Discord: who ran the bot command a message answers, "username (id)" or the username alone.
  if (details['commandBy'])
    out.push(...mentionedNames(details['commandBy']), ...bareName(details['commandBy']));
  if (details['reactions']) out.push(...reactorNames(details['reactions']));
  return out;
}

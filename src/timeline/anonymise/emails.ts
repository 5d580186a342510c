/**
 * E-mail addresses written so that filters and scrapers miss them, as people type them in chats and profiles:
 *
 *   sam.sample[at]gmail[dot]com        sam (at) gmail (dot) co (dot) uk      sam{at}gmail.com
 *   sam @ gmail.com                    sam@gmail dot com                     sam.s88 at gmail dot com
 *   sam {AT} outlook . com             sam dot sample at gmail dot com       sam[dot]sample[at]gmail[dot]com
 *
 * Each was left as written (or with only its name part redacted: "[NAME:…] (at) gmail (dot) com"), and an
 * address identifies a person as surely as a phone number. A bracketed "at" makes an address whatever follows it;
 * a spaced `@` only before a mail provider's name or a known ending, since chat uses a spaced "@" for "at" ("see
 * you @ home.Love you", "I'm @ work.so busy", "text me @ 9pm.ok" stay); the bare words "at" and "dot" ("meet me
 * at ten dot com"? rarely) only where it is clearly one: a known ending (`com`, `co.uk`…) and a mail provider's
 * name (`gmail`, `hotmail`…), or an address-like user part (with a digit, `.`, `_`, `+` or `-`), or a bracketed
 * dot. "look at this dot com" stays.
 *
 * Every part is bounded (64 characters for the user part, 63 for a label, five labels) and starts where a run
 * of address characters starts, so the pattern reads each character a bounded number of times.
 */

const BRACKETED = (word: string) => `[\\[({<]\\s{0,2}${word}\\s{0,2}[\\])}>]`;
/** A bracketed "at" (an address whatever follows) or a spaced `@` (one before a provider or a known ending). */
const STRONG_AT = `\\s{0,3}(?:${BRACKETED('(?:at|@)')}|@)\\s{0,3}`;
/** The bare word "at": an address only where `obfuscatedEmail` finds it clearly one. */
const WORD_AT = '\\s{1,3}at\\s{1,3}';
const DOT = `\\s{0,3}${BRACKETED('(?:dot|\\.)')}\\s{0,3}|\\s{1,3}dot\\s{1,3}|\\s{1,2}\\.\\s{1,2}|\\.`;
/** Splits a spelt-out address at its dots (no `g` flag: shared, it keeps no state). */
const DOT_SPLIT = new RegExp(DOT, 'iu');
const LABEL = '[\\p{L}\\p{N}_-]{1,63}';
/**
 * A user part, its dots spelt out too (`sam dot sample at gmail dot com`, `sam[dot]sample[at]…`): without them
 * only "sample at gmail dot com" was the address, and "sam dot " stayed in clear.
 */
const USER = `[\\p{L}\\p{N}_.+-]{1,64}(?:(?:\\s{0,3}${BRACKETED('(?:dot|\\.)')}\\s{0,3}|\\s{1,3}dot\\s{1,3})[\\p{L}\\p{N}_+-]{1,64}){0,3}`;

/** An address with `at` between the user part and the domain (the domain spelt out or not). */
const spelt = (at: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}_.+-])(?<user>${USER})(?<at>${at})${LABEL}(?:(?:${DOT})${LABEL}){1,4}(?![\\p{L}\\p{N}_])`,
    'giu',
  );

/**
 * The strong forms first, then the bare word: a candidate that is no address ("me at sam.sample88" in "write to
 * me at sam.sample88[at]gmail[dot]com") would otherwise take the text the address starts in.
 */
export const OBFUSCATED_EMAIL_RES = [spelt(STRONG_AT), spelt(WORD_AT)] as const;

/**
 * Endings an address spelt out with the bare word "at" must have: none that is also an English word ("me", "it",
 * "us", "be"), or "sam_88 at work. It was" would be taken for one.
 */
const ENDINGS = new Set('com net org uk ie edu gov info biz io ca au nz eu fr'.split(' '));
/**
 * Endings after an `@`, which is less often a word than "at": also countries' endings that are no English word
 * (not "so", "me", "in", "it"…, or "I'm @ work.so busy" would be taken for one).
 */
const AT_ENDINGS = new Set([...ENDINGS, ...'de nl ch se dk fi pl pt es cz ru jp cn br za'.split(' ')]);
/** Mail providers' names, the label after the "at". */
const PROVIDERS = new Set(
  `gmail googlemail hotmail outlook live msn yahoo ymail icloud me mac aol protonmail proton pm btinternet sky
talktalk virginmedia blueyonder ntlworld gmx mail yandex zoho tutanota tuta fastmail hushmail`.split(/\s+/),
);

/** Providers' names that are also words or abbreviations. */
const WORD_PROVIDERS = new Set('live me mac sky mail pm'.split(' '));

/** Whether an `OBFUSCATED_EMAIL_RES` match is an address (see the module comment). */
export function obfuscatedEmail(m: RegExpExecArray): boolean {
  const at = m.groups?.['at'] ?? '';
  const user = m.groups?.['user'] ?? '';
  if (/\p{L}/u.test(user) === false && !/\d/.test(user)) return false;
  const rest = m[0].slice(user.length + at.length);
  const labels = rest.split(DOT_SPLIT).map((l) => l.toLowerCase());
  const last = labels[labels.length - 1]!;
  if (!/^\p{L}{2,24}$/u.test(last)) return false;
  // A plain `user@domain.tld` is EMAIL_RE's: here at least one part is spelt out, spaced or bracketed.
  if (at === '@' && !/[[({<]|\bdot\b|\s/i.test(rest)) return false;
  if (/[[({<]/.test(at)) return true;
  // A provider that is also a word ("see you @ live.Love you") only with a known ending too.
  if (at.includes('@'))
    return AT_ENDINGS.has(last) || (PROVIDERS.has(labels[0]!) && !WORD_PROVIDERS.has(labels[0]!));
  if (!ENDINGS.has(last)) return false;
  return PROVIDERS.has(labels[0]!) || /[\d._+-]/.test(user) || /[[({<]/.test(rest);
}

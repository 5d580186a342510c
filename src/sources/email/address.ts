/**
 * The first mailbox of an address header, as a sender identity:
 *
 *   From: "Ex, Partner" <ex@example.net>          a comma inside quotes is not a list separator
 *   From: =?UTF-8?B?SsO2cmc=?= <j@example.net>    encoded-word display name
 *   From: ex@example.net (Ex Partner)             old style: the name is a comment
 *   From: Friends: a@example.org, b@example.org;  group: the label is not a name
 *
 * The two common shapes are read with one regular expression each (written so no two parts can match the
 * same characters, so hostile headers cannot trigger backtracking); anything else goes through a linear
 * character scanner that understands quotes, comments, angle brackets and groups.
 */
import { decodeEncodedWords } from './charset.js';

/** One mailbox: the address and the display name as written (decoded). */
export interface Mailbox {
  readonly address?: string;
  readonly name?: string;
}

// Written so that no two parts can match the same characters: no backtracking blow-up on hostile headers.
const BARE_ADDRESS = /^\s*([^\s"<>(),;:\\@]+@[^\s"<>(),;:\\]+)\s*$/;
const NAMED_ADDRESS = /^(?:\s*"([^"\\]*)"\s*|([^"<>(),;:\\@]*))<([^<>"\s]+)>\s*$/;

/**
 * The two shapes nearly every From line has (`a@b`, `"Name" <a@b>` or `Name <a@b>`, nothing else), read with
 * one regular expression each; undefined for any other header (lists, groups, comments, oddities).
 */
export function simpleMailbox(raw: string): Mailbox | undefined {
  const bare = BARE_ADDRESS.exec(raw);
  if (bare) return { address: bare[1]! };
  const named = NAMED_ADDRESS.exec(raw);
  if (!named) return undefined;
  const phrase = named[1] ?? named[2]!;
  const name = (phrase.includes('=?') ? decodeEncodedWords(phrase) : phrase).replace(/\s+/g, ' ').trim();
  return name === '' ? { address: named[3]! } : { address: named[3]!, name };
}

/** Reads the first mailbox of an address list (`"Name" <a@b>`, `Name <a@b>`, `a@b (Name)`, `a@b`). */
export function firstMailbox(raw: string | undefined): Mailbox | undefined {
  if (raw === undefined) return undefined;
  const quick = simpleMailbox(raw);
  if (quick) return quick;
  let phrase = '';
  let angle: string | undefined;
  let comment = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (depth > 0) {
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth > 0) comment += c === '\\' ? (raw[i] ?? '') : c;
      continue;
    }
    if (quoted) {
      if (c === '\\') phrase += raw[++i] ?? '';
      else if (c === '"') quoted = false;
      else phrase += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') depth = 1;
    else if (c === '<') {
      const end = raw.indexOf('>', i);
      angle = raw.slice(i + 1, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end;
    } else if (c === ',' && (angle !== undefined || phrase.trim() !== '')) break;
    else if (c === ':' && angle === undefined)
      phrase = ''; // "Group: a@b;" — the group label is not a name
    else if (c === ';' && angle === undefined && phrase.trim() !== '') break;
    else if (c !== ';') phrase += c;
  }
  const clean = (s: string) => decodeEncodedWords(s).replace(/\s+/g, ' ').trim();
  // Without angle brackets a single token is the address ("MAILER-DAEMON", "sam@example.org"); several
  // words without an "@" are a bare display name.
  const bare = phrase.trim();
  const bareIsAddress = bare.includes('@') || !/\s/.test(bare);
  const address = (angle ?? (bareIsAddress ? bare : '')).trim();
  const name = clean(angle !== undefined || !bareIsAddress ? phrase : '') || clean(comment);
  if (address === '' && name === '') return undefined;
  return { ...(address !== '' ? { address } : {}), ...(name !== '' ? { name } : {}) };
}

/**
 * A Meta thread's `participants`, handed to `SourceContext.people`: someone in the thread who never sends or
 * reacts is in no event, yet a text may name them ("Zoë Example told me"), and `anonymise` must know the name to
 * redact it. Sent once per file, not per message, so no event, report or timeline output changes.
 *
 * Left out: the stand-in Meta writes for a deactivated or deleted account ("Facebook User", "Instagram User";
 * formats.md §3.6), which names nobody, and whose words would otherwise be redacted wherever a text says "user"
 * or "Facebook".
 */
import type { SourceContext } from '../source.js';
import { isOwnActSentence } from './sentences.js';
import { isRecord } from './thread-file.js';

const STAND_IN = /^(?:facebook|instagram|messenger) user$/i;

/** Tells `ctx` the people of `names` (already repaired), those that name a person. */
export function tellPeople(ctx: SourceContext, names: Iterable<string>): void {
  const people = [...names].map((n) => n.trim()).filter((n) => n !== '' && !STAND_IN.test(n));
  if (people.length > 0) ctx.people?.(people);
}

/**
 * The names of a thread's `participants`, repaired: objects with `name` (the classic export) or plain strings
 * (the end-to-end-encrypted export, some older files).
 */
export function participantNames(value: unknown, fix: (s: string) => string): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    const name = isRecord(p) ? p['name'] : p;
    return typeof name === 'string' && name !== '' ? [fix(name)] : [];
  });
}

/**
 * The exporting account of a one-to-one thread: Meta titles such a thread after the other person (`"title": "Sam
 * Sample"` beside participants Sam Sample and Zoë Example), so the owner is the participant the title does not
 * name. Undefined for a group, and whenever that is not certain (two participants of one name, a title naming
 * neither).
 */
export function threadOwner(participants: readonly string[], title: string | undefined): string | undefined {
  const people = [...new Set(participants)];
  if (title === undefined || people.length !== 2) return undefined;
  const [a, b] = people as [string, string];
  if (a === title) return b;
  if (b === title) return a;
  return undefined;
}

/**
 * The other names a thread's senders go by, learnt from the thread alone. Instagram lists a person in
 * `participants` by one name (their username, `samsample`) and signs their messages with another (`Sam Sample`),
 * and writes its generated sentences with the username ("samsample sent an attachment."). When exactly one
 * participant never signs a message and exactly one sender is not among the participants, those two names are the
 * same person (each thread holds each person once). Only in a thread of two: in a group, a member who never
 * writes and a sender who has left (`participants` lists only those still in it) are two people. Otherwise nothing
 * is linked, never guessed.
 * Returns sender name → the names to recognise their sentences by (their own first).
 */
export function senderAliases(
  participants: readonly string[],
  senders: ReadonlySet<string>,
): ReadonlyMap<string, readonly string[]> {
  const listed = new Set(participants);
  // Only a one-to-one thread: in a group, a silent member and a sender who left the group are two people.
  if (listed.size !== 2) return new Map();
  const silent = [...listed].filter((p) => !senders.has(p));
  const unlisted = [...senders].filter((s) => !listed.has(s));
  if (silent.length !== 1 || unlisted.length !== 1) return new Map();
  return new Map([[unlisted[0]!, [unlisted[0]!, silent[0]!]]]);
}

/** A record whose words start with "You": its sender and its words, both repaired. */
export interface YouSentence {
  readonly sender: string;
  readonly text: string;
}

/**
 * The exporting account of a thread whose title does not show it (a group): Meta words what the account did
 * itself with "You" ("You named the group Flat 4.", "You added Jo Example to the group.", "You called Sam
 * Sample.") and files the record under the account's own name, so the sender of such a sentence is the owner
 * (meta/sentences.ts `isOwnActSentence`). Only when every such sentence of the thread is filed under one and the
 * same name: two names (one of them a person typing those words) leave the owner unknown, never guessed.
 */
export function ownerFromSentences(
  records: Iterable<YouSentence>,
  names: ReadonlySet<string>,
): string | undefined {
  let owner: string | undefined;
  for (const { sender, text } of records) {
    if (!isOwnActSentence(text, names)) continue;
    if (owner !== undefined && owner !== sender) return undefined;
    owner = sender;
  }
  return owner;
}

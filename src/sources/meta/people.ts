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
 * True when the classic export's `thread_type` says the thread is a group ("RegularGroup"; a thread of two is
 * "Regular"). Not every export writes it (the Instagram samples here do not), so false says nothing.
 */
export function isGroupType(threadType: unknown): boolean {
  return typeof threadType === 'string' && /group/i.test(threadType);
}

/**
 * The other names a thread's senders go by, learnt from the thread alone. Instagram lists a person in
 * `participants` by one name and signs their messages with another (listed `samsample`, signed `Sam Sample`, or
 * the other way round), titles a thread of two after the other person by either name, and writes its generated
 * sentences with the username ("samsample liked a message"). Linked only when the thread shows it is a thread of
 * two: exactly two participants, no `thread_type` saying group (`declaredGroup`, `isGroupType`), exactly one
 * sender not among the participants, and a title that ties that sender to the other participant:
 * - the title names a participant: the thread is titled after them, so the owner is the other one
 *   (`threadOwner`), and the unlisted sender is the titled participant under another name, provided that
 *   participant never signs a message under the listed name (else the unlisted sender is someone else);
 * - the title names the unlisted sender: they are the other person, listed under another name, which is the one
 *   participant who never signs a message (with two such, which one is the owner is not shown: nothing linked).
 * Why so strict: a group a member has left has the same shape. `participants` lists only those still in it, so
 * "Flat 4" after Sam left lists the owner and Jo, who never wrote, while Sam signs messages: linking Sam to Jo
 * would make two people one, and the thread look like one of two (`isGroupThread`). The title tells them apart
 * as far as the thread can: a thread of two is titled after the other person, a named group after the group.
 * And the two names must look like one person's (`oneHandle`): a group without `thread_type` (Instagram writes
 * none) titled after the one member still in it besides the owner would otherwise read as a thread of two, a
 * former member linked to that one; a Facebook export says "RegularGroup", which refuses the link anyway.
 * A missed link leaves an Instagram sentence counted as a message and the thread counted as a possible group
 * (a call that lasted is then `unknown`, with a warning saying why): both shown in the report, never silent.
 * Otherwise nothing is linked, never guessed.
 * Returns sender name → the names to recognise their sentences by (their own first).
 */
export function senderAliases(
  participants: readonly string[],
  senders: ReadonlySet<string>,
  title: string | undefined,
  declaredGroup: boolean,
): ReadonlyMap<string, readonly string[]> {
  const listed = new Set(participants);
  // Only a one-to-one thread: in a group, a silent member and a sender who left the group are two people.
  if (listed.size !== 2 || declaredGroup || title === undefined) return new Map();
  const unlisted = [...senders].filter((s) => !listed.has(s));
  if (unlisted.length !== 1) return new Map();
  const sender = unlisted[0]!;
  const silent = [...listed].filter((p) => !senders.has(p));
  // The listed name of the other person: the titled participant, or the only silent one when the title names
  // the sender. The owner is then the remaining participant, whether or not they wrote.
  const other = listed.has(title) ? title : title === sender && silent.length === 1 ? silent[0] : undefined;
  if (other === undefined || senders.has(other) || !oneHandle(sender, other)) return new Map();
  return new Map([[sender, [sender, other]]]);
}

/**
 * Whether a display name and a username look like one person's: their letters and digits, accents and case
 * folded, are the same or one holds the other ("Sam Sample", "samsample", "sam.sample_99"). Not proof, but two
 * people in one thread rarely share a name so, while a group titled after a remaining member (Jo) and a former
 * one signing as Sam would otherwise be read as a thread of two, and Sam's call as answered by the owner.
 */
function oneHandle(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '');
  const [x, y] = [fold(a), fold(b)].sort((p, q) => p.length - q.length) as [string, string];
  return x === y || (x.length >= 4 && y.includes(x));
}

/**
 * True when the thread is or may be a group: its `thread_type` says so (`declaredGroup`), or more than two names
 * appear in it, counting the participants and every sender (a member who left is a sender no longer listed), a
 * sender linked to a participant by `senderAliases` once. More than two names do not prove a group: a thread of
 * two whose username and display name could not be linked shows three. Used where a thread of two allows a
 * conclusion a group does not (a call that lasted was answered by the owner, meta/calls.ts), so a doubt counts
 * as a group; the warning then says "may be a group" (`GroupShownBy`).
 */
export function isGroupThread(
  participants: readonly string[],
  senders: ReadonlySet<string>,
  aliases: ReadonlyMap<string, readonly string[]>,
  declaredGroup: boolean,
): boolean {
  if (declaredGroup) return true;
  const people = new Set(participants);
  for (const s of senders) people.add(aliases.get(s)?.[1] ?? s);
  return people.size > 2;
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

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

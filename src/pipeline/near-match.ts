/**
 * The sender a subject identifier that matched no one was most likely meant to name: "Samm" typed for the sender
 * "sam", "Sam" for "Sam Carter", "07700 900465" for +447700900456. Only suggested, never counted unasked: a name
 * one letter away may be another person's. Compared as the identities are (typedKey: case, apostrophes, invisible
 * characters folded), names whole and word by word, numbers by their last ten digits.
 */
import type { Participant } from '../analysis/participants.js';
import { typedKey } from '../timeline/identities.js';

/** A sender whose name or number is close to a given identifier. */
export interface NearSender {
  /** The identifier given that is close to them. */
  readonly given: string;
  /** The identifier to name them by (`Participant.identifier`, as --subject takes it). */
  readonly identifier: string;
  /** Their other names in the inputs ("Sam Carter"). */
  readonly names: readonly string[];
  /** The name or number that was close to the identifier given ("Sam Carter"). */
  readonly close: string;
  readonly count: number;
}

/** Optimal string alignment distance: edits, a swap of two neighbours counted as one. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/** Edits allowed between a name and what was typed for it: none under 3 letters, 2 from 8. */
function allowed(length: number): number {
  return length < 3 ? 0 : length < 8 ? 1 : 2;
}

/** The folded name, or undefined. */
function nameOf(s: string): string | undefined {
  return typedKey(s, 'name', undefined)?.slice('name:'.length);
}

/** The last ten digits of a phone-shaped string (7 digits or more), or undefined. */
function numberOf(s: string): string | undefined {
  if (!/^\+?[\d\s().-]+$/.test(s.trim())) return undefined;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : undefined;
}

/**
 * How far `id` is from `candidate`, or undefined when not close: whole, or (for an identifier of one word) any
 * word of a longer name, where an exact word counts too ("Sam" for "Sam Carter").
 */
function distance(id: string, candidate: string): number | undefined {
  const n = numberOf(id);
  if (n !== undefined) {
    const m = numberOf(candidate);
    if (m === undefined || m.length !== n.length) return undefined;
    const e = editDistance(n, m);
    return e <= 1 ? e : undefined;
  }
  const a = nameOf(id);
  const b = nameOf(candidate);
  if (a === undefined || b === undefined) return undefined;
  const whole = editDistance(a, b);
  if (whole <= allowed(a.length) && whole > 0) return whole;
  if (/\s/.test(a)) return undefined;
  const words = b.split(/[\s._-]+/).filter((w) => w.length > 0);
  if (words.length < 2) return undefined;
  const e = Math.min(...words.map((w) => editDistance(a, w)));
  return e <= allowed(a.length) ? e : undefined;
}

/**
 * The sender closest to any of `ids` (fewest edits, then most records), or undefined when none is close.
 * Handles (`@sam`) are left to their own hint.
 */
export function nearestSender(
  ids: readonly string[],
  senders: readonly Participant[],
): NearSender | undefined {
  let best: (NearSender & { edits: number }) | undefined;
  for (const id of ids) {
    if (id.startsWith('@')) continue;
    for (const p of senders) {
      for (const candidate of [p.identifier, ...p.names]) {
        const edits = distance(id, candidate);
        if (edits === undefined) continue;
        if (best === undefined || edits < best.edits || (edits === best.edits && p.count > best.count))
          best = {
            given: id,
            identifier: p.identifier,
            names: p.names.filter((n) => n !== p.identifier),
            close: candidate,
            count: p.count,
            edits,
          };
      }
    }
  }
  return best === undefined
    ? undefined
    : {
        given: best.given,
        identifier: best.identifier,
        names: best.names,
        close: best.close,
        count: best.count,
      };
}

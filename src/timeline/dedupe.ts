/**
 * De-duplication across overlapping exports, on multisets.
 *
 * The same record found in two inputs (two overlapping SMS backups, a WhatsApp .txt and the .zip of the same
 * chat) counts once, but identical records inside one export all count: five "Answer me" texts sent within one
 * minute are five incidents, and if two overlapping backups both hold those five they are still five.
 *
 * Rule: inputs are taken in their stable order (sorted path). For each fingerprint, an input's first k
 * occurrences are duplicates when earlier inputs already held k copies; the rest are new. The kept total per
 * fingerprint is therefore the largest count any single input holds, never the sum.
 *
 * Fingerprint: the platform's own id when it has one (Message-ID, snowflake); otherwise channel, kind,
 * direction, sender, the UTC minute, call outcome and duration, and the text with whitespace folded.
 * The minute (not the second) makes a minute-precision copy match a second-precision one.
 */
import type { TimelineEvent } from '../model/index.js';
import type { EventList } from './list.js';

export function fingerprint(e: TimelineEvent): string {
  if (e.nativeId !== undefined) return `id\u0000${e.channel}\u0000${e.nativeId}`;
  const minute = Math.floor(e.ms / 60_000);
  const text = e.text === undefined ? '' : e.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return [
    e.channel,
    e.kind,
    e.direction,
    e.senderKey ?? '',
    minute,
    e.call?.status ?? '',
    e.call?.durationSec ?? '',
    text,
  ].join('\u0000');
}

/**
 * Marks duplicates. `events` must be grouped by input in input order, each input's events in emission order.
 * Returns a parallel array: 1 where the event duplicates one from an earlier input.
 */
export function findDuplicates(events: EventList): Uint8Array {
  const dup = new Uint8Array(events.length);
  // Events are grouped by input, so one input means nothing to compare with.
  if (events.length === 0 || events.at(0).input === events.at(events.length - 1).input) return dup;
  // Only channels present in two or more inputs can hold duplicates: skip the hashing work otherwise.
  const inputsPerChannel = new Map<string, Set<number>>();
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i);
    const s = inputsPerChannel.get(e.channel) ?? new Set<number>();
    s.add(e.input);
    inputsPerChannel.set(e.channel, s);
  }
  const shared = new Set([...inputsPerChannel].filter(([, s]) => s.size > 1).map(([c]) => c));
  if (shared.size === 0) return dup;

  const seen = new Map<string, number>();
  let current = -1;
  let inThisInput = new Map<string, number>();
  const flush = () => {
    for (const [fp, n] of inThisInput) if (n > (seen.get(fp) ?? 0)) seen.set(fp, n);
    inThisInput = new Map();
  };
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i);
    if (!shared.has(e.channel)) continue;
    if (e.input !== current) {
      flush();
      current = e.input;
    }
    const fp = fingerprint(e);
    const n = (inThisInput.get(fp) ?? 0) + 1;
    inThisInput.set(fp, n);
    if (n <= (seen.get(fp) ?? 0)) dup[i] = 1;
  }
  return dup;
}

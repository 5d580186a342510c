/**
 * New identifiers (domain.md §4.4 "channel switching after blocks"): when each number, address or account was
 * first and last used, and whether a new one appeared just as an older one fell silent.
 *
 * "Fell silent" is a stated rule, not a judgement: the older identifier was used at least twice in the 7 days
 * before the new one's first use, and in the 7 days from then on it was used less than a quarter as often. The
 * report gives the facts (its last use before, how many hours between, uses after); it never says that the
 * same person holds both — the case file's identifiers say that.
 */
import type { Escalation } from '../../model/escalation.js';
import type { TimelineEvent } from '../../model/index.js';
import { senderLabel } from '../counts.js';
import { type Ctx, refOf } from './context.js';

const WEEK = 7 * 86_400_000;
const HOUR = 3_600_000;

/** One row per identifier, in order of first use. */
export function identifierAnalysis(ctx: Ctx): Escalation['identifiers'] {
  const all = ctx.incidents;
  const n = all.length;
  // Label ids per incident and a counting sort of incident indices by label: two typed arrays instead of a
  // growing array of objects per identifier, which for a million incidents is mostly garbage-collector work.
  const ids = new Map<string, number>();
  const names: string[] = [];
  const labelOf = new Int32Array(n);
  // senderLabel depends on the resolved key (and, for a display name, on the name as written): ask it once per
  // distinct sender, not once per incident.
  const byKey = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const e = all.at(i);
    const key =
      e.senderKey === undefined
        ? `\u0000${e.sender?.role ?? ''}`
        : e.senderKey.startsWith('name:')
          ? `${e.senderKey}\u0000${e.sender?.name ?? ''}`
          : e.senderKey;
    let id = byKey.get(key);
    if (id === undefined) {
      const label = senderLabel(e);
      id = ids.get(label);
      if (id === undefined) {
        id = names.length;
        ids.set(label, id);
        names.push(label);
      }
      byKey.set(key, id);
    }
    labelOf[i] = id;
  }
  const start = new Int32Array(names.length + 1);
  for (let i = 0; i < n; i++) start[labelOf[i]! + 1]!++;
  for (let k = 0; k < names.length; k++) start[k + 1]! += start[k]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, names.length);
  for (let i = 0; i < n; i++) order[fill[labelOf[i]!]!++] = i;
  const at = (k: number, j: number) => all.at(order[start[k]! + j]!);
  const size = (k: number) => start[k + 1]! - start[k]!;
  /** Uses of identifier k before instant t. */
  const before = (k: number, t: number) => {
    let lo = 0;
    let hi = size(k);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(k, mid).ms < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const rows = names
    .map((identifier, k) => ({ identifier, k }))
    .sort((a, b) => at(a.k, 0).ms - at(b.k, 0).ms || (a.identifier < b.identifier ? -1 : 1));
  return rows.map(({ identifier, k }, r) => {
    const first = at(k, 0);
    let quiet: Escalation['identifiers'][number]['appearedAfterQuiet'] = null;
    if (!identifier.startsWith('(')) {
      let bestLast = Number.NEGATIVE_INFINITY;
      for (const { identifier: older, k: o } of rows.slice(0, r)) {
        if (older.startsWith('(') || at(o, 0).ms >= first.ms) continue;
        const upTo = before(o, first.ms);
        const week = upTo - before(o, first.ms - WEEK);
        const next = before(o, first.ms + WEEK) - upTo;
        if (week < 2 || next * 4 >= week) continue;
        const lastBefore = at(o, upTo - 1);
        if (lastBefore.ms <= bestLast) continue;
        bestLast = lastBefore.ms;
        quiet = {
          identifier: older,
          lastUseBefore: refOf(ctx, lastBefore),
          hoursBetween: (first.ms - lastBefore.ms) / HOUR,
          usesAfter: size(o) - upTo,
          lastUse: refOf(ctx, at(o, size(o) - 1)),
        };
      }
    }
    const channels = new Set<TimelineEvent['channel']>();
    for (let j = 0; j < size(k); j++) channels.add(at(k, j).channel);
    return {
      identifier,
      role: first.role ?? 'subject',
      incidents: size(k),
      channels: [...channels].sort(),
      first: refOf(ctx, first),
      last: refOf(ctx, at(k, size(k) - 1)),
      appearedAfterQuiet: quiet,
    };
  });
}

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
import { type Ctx, lowerBound, refOf } from './context.js';

const WEEK = 7 * 86_400_000;
const HOUR = 3_600_000;

/** One row per identifier, in order of first use. */
export function identifierAnalysis(ctx: Ctx): Escalation['identifiers'] {
  const byLabel = new Map<string, TimelineEvent[]>();
  for (const e of ctx.incidents) {
    const label = senderLabel(e);
    const list = byLabel.get(label);
    if (list) list.push(e);
    else byLabel.set(label, [e]);
  }
  const rows = [...byLabel].sort(([a, x], [b, y]) => x[0]!.ms - y[0]!.ms || (a < b ? -1 : a > b ? 1 : 0));
  const countIn = (list: readonly TimelineEvent[], from: number, to: number) =>
    lowerBound(list, to) - lowerBound(list, from);
  return rows.map(([identifier, list], k) => {
    const first = list[0]!;
    let quiet: Escalation['identifiers'][number]['appearedAfterQuiet'] = null;
    if (!identifier.startsWith('(')) {
      let bestLast = Number.NEGATIVE_INFINITY;
      for (const [older, olderList] of rows.slice(0, k)) {
        if (older.startsWith('(') || olderList[0]!.ms >= first.ms) continue;
        const before = countIn(olderList, first.ms - WEEK, first.ms);
        const after = countIn(olderList, first.ms, first.ms + WEEK);
        if (before < 2 || after * 4 >= before) continue;
        const lastBefore = olderList[lowerBound(olderList, first.ms) - 1]!;
        if (lastBefore.ms <= bestLast) continue;
        bestLast = lastBefore.ms;
        const usesAfter = olderList.length - lowerBound(olderList, first.ms);
        quiet = {
          identifier: older,
          lastUseBefore: refOf(ctx, lastBefore),
          hoursBetween: (first.ms - lastBefore.ms) / HOUR,
          usesAfter,
          lastUse: refOf(ctx, olderList[olderList.length - 1]!),
        };
      }
    }
    return {
      identifier,
      role: first.role ?? 'subject',
      incidents: list.length,
      channels: [...new Set(list.map((e) => e.channel))].sort(),
      first: refOf(ctx, first),
      last: refOf(ctx, list[list.length - 1]!),
      appearedAfterQuiet: quiet,
    };
  });
}

/**
 * Repertoire over time (domain.md §4.4 "repertoire expansion", "multiple methods"): incidents per channel per
 * calendar month, and the channels used for the first time in each month.
 */
import type { Escalation } from '../../model/escalation.js';
import type { Channel } from '../../model/index.js';
import { type Ctx, monthOf } from './context.js';

/** Channels per month over the window, in month order. */
export function channelsOverTime(
  ctx: Ctx,
  partialMonths: ReadonlySet<string>,
): Escalation['channelsOverTime'] {
  const months = new Map<string, Map<Channel, number>>();
  for (let i = 0; i < ctx.windowed.length; i++) {
    const e = ctx.windowed.at(i);
    const month = monthOf(ctx.days[i]!);
    const m = months.get(month) ?? new Map<Channel, number>();
    m.set(e.channel, (m.get(e.channel) ?? 0) + 1);
    months.set(month, m);
  }
  const seen = new Set<Channel>();
  const out: Escalation['channelsOverTime'] = [];
  for (const month of [...months.keys()].sort()) {
    const m = months.get(month)!;
    const byChannel = [...m]
      .map(([channel, count]) => ({ channel, count }))
      .sort((a, b) => b.count - a.count || (a.channel < b.channel ? -1 : 1));
    const fresh = [...m.keys()].filter((c) => !seen.has(c)).sort();
    for (const c of fresh) seen.add(c);
    out.push({
      month,
      total: byChannel.reduce((s, r) => s + r.count, 0),
      byChannel,
      newChannels: fresh,
      partialCoverage: partialMonths.has(month),
    });
  }
  return out;
}

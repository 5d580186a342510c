/**
 * Repertoire over time (domain.md §4.4 "repertoire expansion", "multiple methods"): incidents per channel per
 * calendar month, and the channels used for the first time in each month.
 */
import type { Escalation } from '../../model/escalation.js';
import type { Channel } from '../../model/index.js';
import { CHANNELS } from '../../model/vocabulary.js';
import { CHANNELS_SORTED } from '../columns.js';
import type { Ctx } from './context.js';

/** Channels per month over the window, in month order. */
export function channelsOverTime(
  ctx: Ctx,
  partialMonths: ReadonlySet<string>,
): Escalation['channelsOverTime'] {
  // Incidents per month and channel: one row of CHANNELS.length counts per month number, adding up the days of the
  // windowed incidents' table.
  const width = CHANNELS.length;
  const perMonth: Int32Array[] = [];
  const t = ctx.table;
  for (let day = 0; day < t.rows; day++) {
    if (t.count[day] === 0) continue;
    const mi = ctx.months.of(t.start + day);
    let row = perMonth[mi];
    if (row === undefined) {
      row = new Int32Array(width);
      perMonth[mi] = row;
    }
    for (let c = 0; c < width; c++) row[c]! += t.perChannel[day * width + c]!;
  }
  const byName = perMonth
    .flatMap((row, mi) => (row ? [{ month: ctx.months.names[mi]!, row }] : []))
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  const seen = new Set<Channel>();
  const out: Escalation['channelsOverTime'] = [];
  for (const { month, row } of byName) {
    const used = CHANNELS_SORTED.filter((c) => row[c]! > 0);
    const byChannel = used
      .map((c) => ({ channel: CHANNELS[c]!, count: row[c]! }))
      .sort((a, b) => b.count - a.count);
    const fresh = used.map((c) => CHANNELS[c]!).filter((c) => !seen.has(c));
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

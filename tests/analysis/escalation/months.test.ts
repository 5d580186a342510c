/**
 * The per-month figures (night.ts, channels.ts) count by month numbers (context.ts Months) in typed arrays sized for
 * the window's months; an incident whose local day lies outside the window (possible around a clock change at
 * midnight) gets a month number past them. Both must count such months as a plain count by month name does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayTable } from '../../../src/analysis/day-table.js';
import { channelsOverTime } from '../../../src/analysis/escalation/channels.js';
import type { Ctx } from '../../../src/analysis/escalation/context.js';
import { Months, monthOf } from '../../../src/analysis/escalation/context.js';
import { nightAnalysis } from '../../../src/analysis/escalation/night.js';
import { dayNumber } from '../../../src/analysis/stats/index.js';
import { CHANNELS } from '../../../src/model/vocabulary.js';

/** The fields of the context the two figures read. */
function ctxOf(
  window: { from: number; to: number },
  days: number[],
  hours: number[],
  channels: number[],
): Ctx {
  const columns = {
    day: Int32Array.from(days),
    hour: Int8Array.from(hours),
    channel: Uint8Array.from(channels),
  };
  return {
    months: new Months(window),
    days: columns.day,
    hours: columns.hour,
    channels: columns.channel,
    table: dayTable(columns),
  } as unknown as Ctx;
}

describe('per-month figures', () => {
  it('count incidents on days outside the window under their own months, as a count by month name does', () => {
    const from = dayNumber('2024-03-01');
    const to = dayNumber('2024-04-30');
    // Runs of incidents from a little before the window to a little after it, on non-decreasing days, or in any
    // order (local days go back around a clock change at midnight; months are still listed by first appearance).
    const run = fc.record({
      day: fc.integer({ min: from - 40, max: to + 40 }),
      hour: fc.integer({ min: -1, max: 23 }),
      channel: fc.integer({ min: 0, max: CHANNELS.length - 1 }),
      times: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 30 }), fc.boolean(), (runs, inOrder) => {
        const sorted = inOrder ? [...runs].sort((a, b) => a.day - b.day) : runs;
        const days: number[] = [];
        const hours: number[] = [];
        const channels: number[] = [];
        for (const r of sorted) {
          for (let k = 0; k < r.times; k++) {
            days.push(r.day);
            hours.push(r.hour);
            channels.push(r.channel);
          }
        }
        const ctx = ctxOf({ from, to }, days, hours, channels);
        // Reference: counts by month name, months in order of first timed incident.
        const nights = new Map<string, { count: number; eligible: number }>();
        const perChannel = new Map<string, number[]>();
        days.forEach((d, i) => {
          const month = monthOf(d);
          const row = perChannel.get(month) ?? new Array<number>(CHANNELS.length).fill(0);
          row[channels[i]!]!++;
          perChannel.set(month, row);
          if (hours[i]! < 0) return;
          const m = nights.get(month) ?? { count: 0, eligible: 0 };
          m.eligible++;
          if (hours[i]! < 6) m.count++;
          nights.set(month, m);
        });
        const night = nightAnalysis(ctx, new Set());
        expect(night.byMonth.map((m) => [m.month, m.count, m.eligible])).toEqual(
          [...nights].map(([month, m]) => [month, m.count, m.eligible]),
        );
        const overTime = channelsOverTime(ctx, new Set());
        expect(overTime.map((m) => [m.month, m.total])).toEqual(
          [...perChannel]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([month, row]) => [month, row.reduce((s, x) => s + x, 0)]),
        );
        for (const m of overTime) {
          for (const { channel, count } of m.byChannel) {
            expect(count).toBe(perChannel.get(m.month)![CHANNELS.indexOf(channel)]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

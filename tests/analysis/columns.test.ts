/** The incident columns pass: local days and hours as the zone gives them, sender labels, and per-label sums. */
import { describe, expect, it } from 'vitest';
import { incidentColumns } from '../../src/analysis/columns.js';
import type { TimelineEvent } from '../../src/model/index.js';
import { CHANNELS } from '../../src/model/vocabulary.js';
import { type EventList, listOf, StoreList } from '../../src/timeline/list.js';
import { Zone } from '../../src/timeline/zone.js';
import { storeOf } from '../helpers/store.js';
import { ev } from './escalation/helpers.js';

/** The same events kept in a store, as the timeline keeps them: the columns are read in one loop there. */
function stored(events: readonly TimelineEvent[]): EventList {
  return new StoreList(storeOf(events), Uint32Array.from(events.keys()));
}

describe('incident columns', () => {
  // Zones whose clocks change at 01:00 UTC, at local midnight (Beirut, Santiago), by half an hour (Lord Howe),
  // and by a whole day (Apia skipped 2011-12-30).
  const cases = [
    { zone: 'Europe/London', from: '2024-03-30T00:00:00Z', days: 3 },
    { zone: 'Europe/London', from: '2024-10-26T00:00:00Z', days: 3 },
    { zone: 'Asia/Beirut', from: '2023-10-27T12:00:00Z', days: 3 },
    { zone: 'America/Santiago', from: '2024-04-05T00:00:00Z', days: 3 },
    { zone: 'Australia/Lord_Howe', from: '2024-04-06T00:00:00Z', days: 3 },
    { zone: 'Pacific/Apia', from: '2011-12-28T00:00:00Z', days: 4 },
  ];
  for (const c of cases) {
    it(`gives the zone's own local day and hour around a clock change (${c.zone}, ${c.from.slice(0, 10)})`, () => {
      const zone = new Zone(c.zone);
      const start = Date.parse(c.from);
      // Every 7 minutes, so that every hour of every day is seen, and a date-only record now and then.
      const events = Array.from({ length: (c.days * 24 * 60) / 7 }, (_, i) =>
        ev({
          at: new Date(start + i * 7 * 60_000).toISOString(),
          ...(i % 50 === 0 ? { precision: 'day' as const } : {}),
        }),
      );
      for (const list of [listOf(events), stored(events)]) {
        const cols = incidentColumns(list, zone);
        events.forEach((e, i) => {
          const p = zone.dayHour(e.ms);
          expect([cols.day[i], cols.hour[i]]).toEqual([p.day, e.precision === 'day' ? -1 : p.hour]);
        });
      }
    });
  }

  it('labels senders once each, and adds up each label’s incidents, first and last use and channels', () => {
    const events = [
      ev({ at: '2024-01-01T10:00:00Z', sender: '+447700900001', channel: 'sms' }),
      ev({ at: '2024-01-01T11:00:00Z', sender: '+447700900002', channel: 'call' }),
      ev({ at: '2024-01-02T10:00:00Z', sender: '+447700900001', channel: 'whatsapp' }),
      ev({ at: '2024-01-03T10:00:00Z', sender: null, channel: 'in-person', flags: ['via-third-party'] }),
      ev({ at: '2024-01-04T10:00:00Z', sender: '+447700900001', channel: 'sms', details: { effect: ' ' } }),
      ev({ at: '2024-01-05T10:00:00Z', sender: null, channel: 'other', details: { effect: 'Scared' } }),
    ];
    const cols = incidentColumns(listOf(events), new Zone('Europe/London'));
    expect(cols.labels).toEqual(['+447700900001', '+447700900002', '(unknown sender)']);
    expect([...cols.sender]).toEqual([0, 1, 0, 2, 0, 2]);
    const bits = (...names: string[]) =>
      names.reduce((b, n) => b | (1 << CHANNELS.indexOf(n as (typeof CHANNELS)[number])), 0);
    expect(cols.perLabel[0]).toEqual({
      count: 3,
      first: events[0]!.ms,
      last: events[4]!.ms,
      firstAt: 0,
      lastAt: 4,
      channels: bits('sms', 'whatsapp'),
    });
    expect(cols.perLabel[2]!.channels).toBe(bits('in-person', 'other'));
    expect(cols.withEffect).toEqual([5]);
    expect(cols.viaThirdParty).toEqual([3]);
  });
});

/** Other escalation signs: episodes and gaps, night share, channels, identifiers, bursts; and the S-DASH sheet. */
import { describe, expect, it } from 'vitest';
import { SDASH_QUESTIONS } from '../../../src/analysis/escalation/sdash.js';
import { clopperPearson } from '../../../src/analysis/stats/index.js';
import { analyse, daily, ev, input, kase } from './helpers.js';

describe('gaps between contact episodes', () => {
  it('merges contacts under 30 minutes apart into one episode and takes monthly medians', () => {
    const e = analyse([
      ev({ at: '2024-01-01T10:00:00Z' }),
      ev({ at: '2024-01-01T10:10:00Z', channel: 'call' }),
      ev({ at: '2024-01-01T10:35:00Z' }), // 25 min after the previous one: same episode
      ev({ at: '2024-01-01T11:10:00Z' }), // 35 min: a new episode, gap 1 h 10 min from 10:00
      ev({ at: '2024-01-02T11:10:00Z' }), // gap 24 h
      ev({ at: '2024-02-01T11:10:00Z' }), // gap 30 days
      ev({ at: '2024-02-01T13:10:00Z' }), // gap 2 h
      ev({ at: '2024-02-02T13:10:00Z', precision: 'day' }), // no time: left out
    ]);
    expect(e.gaps).toMatchObject({ episodeMinutes: 30, episodes: 5, gaps: 4 });
    expect(e.gaps.byMonth).toEqual([
      { month: '2024-01', gaps: 2, medianHours: (7 / 6 + 24) / 2, partialCoverage: false },
      { month: '2024-02', gaps: 2, medianHours: (720 + 2) / 2, partialCoverage: false },
    ]);
    expect(e.gaps.trend).toMatchObject({
      status: 'below-minimum',
      reason: '5 contact episodes on fully covered days (at least 10 are needed)',
    });
  });

  it('tests whether the gaps shrink (Mann–Kendall on the sequence)', () => {
    // Gaps of 48, 40, 32, … hours: strictly shrinking.
    let t = Date.parse('2024-01-01T00:00:00Z');
    const events = [];
    for (let g = 48; g > 0; g -= 4) {
      events.push(ev({ at: new Date(t).toISOString() }));
      t += g * 3_600_000;
    }
    const e = analyse(events);
    expect(e.gaps.trend.status).toBe('ok');
    expect(e.gaps.trend.S).toBe(-(11 * 10) / 2);
    expect(e.gaps.trend.senSlope).toBe(-4);
    expect(e.gaps.trend.shrinking).toBe(true);
  });
});

describe('night share, channels, bursts', () => {
  const e = analyse([
    ev({ at: '2024-01-01T01:00:00Z' }),
    ev({ at: '2024-01-01T13:00:00Z' }),
    ev({ at: '2024-01-05T05:59:00Z' }),
    ev({ at: '2024-01-06T06:00:00Z' }),
    ev({ at: '2024-02-01T20:00:00Z', channel: 'call' }),
    ev({ at: '2024-02-01T20:20:00Z', channel: 'call' }),
    ev({ at: '2024-02-01T20:40:00Z' }),
    ev({ at: '2024-02-01T20:59:59Z' }),
    ev({ at: '2024-02-01T21:00:00Z' }),
    ev({ at: '2024-02-01T00:00:00Z', precision: 'day', channel: 'post' }),
  ]);

  it('gives the 00:00–05:59 share per month with Clopper–Pearson intervals, leaving out date-only records', () => {
    expect(e.night).toMatchObject({ hours: '00:00–05:59', count: 2, eligible: 9 });
    expect(e.night.byMonth).toEqual([
      {
        month: '2024-01',
        count: 2,
        eligible: 4,
        share: 0.5,
        ci95: clopperPearson(2, 4),
        partialCoverage: false,
      },
      {
        month: '2024-02',
        count: 0,
        eligible: 5,
        share: 0,
        ci95: clopperPearson(0, 5),
        partialCoverage: false,
      },
    ]);
  });

  it('lists channels per month and the ones new that month', () => {
    expect(e.channelsOverTime).toEqual([
      {
        month: '2024-01',
        total: 4,
        byChannel: [{ channel: 'sms', count: 4 }],
        newChannels: ['sms'],
        partialCoverage: false,
      },
      {
        month: '2024-02',
        total: 6,
        byChannel: [
          { channel: 'sms', count: 3 },
          { channel: 'call', count: 2 },
          { channel: 'post', count: 1 },
        ],
        newChannels: ['call', 'post'],
        partialCoverage: false,
      },
    ]);
    expect(e.findings).toContain(
      "Channels first used after the window's first month (January 2024): call (from February 2024), post (from February 2024).",
    );
  });

  it('finds the most contacts within any 60 minutes and on one day', () => {
    expect(e.bursts.maxInOneHour).toMatchObject({
      count: 4,
      from: '2024-02-01 20:00',
      to: '2024-02-01 20:59',
    });
    expect(e.bursts.maxInOneDay).toEqual({ date: '2024-02-01', count: 6, ties: 0 });
    expect(e.bursts.burstiness.status).toBe('below-minimum');
  });
});

describe('new identifiers', () => {
  const old = { sender: '+447700900123' };
  const fresh = { sender: '+447700900456' };
  const wa = { sender: 'Sam', channel: 'whatsapp' as const };
  const e = analyse([
    ...daily('2024-01-01', new Array(10).fill(2), old),
    ...daily('2024-01-01', new Array(20).fill(1), wa),
    ...daily('2024-01-11', new Array(10).fill(3), fresh),
    ev({ at: '2024-01-12T22:00:00Z', ...old }),
  ]);

  it('says when a new identifier appeared just as an older one went quiet, with the facts', () => {
    const row = e.identifiers.find((r) => r.identifier === '+447700900456')!;
    expect(row.first.local).toBe('2024-01-11 10:00:00');
    expect(row.appearedAfterQuiet).toMatchObject({
      identifier: '+447700900123',
      lastUseBefore: { local: '2024-01-10 10:37:00' },
      usesAfter: 1,
      lastUse: { local: '2024-01-12 22:00:00' },
    });
    expect(row.appearedAfterQuiet!.hoursBetween).toBeCloseTo(24 - 37 / 60, 12);
    // WhatsApp carried on at the same rate: not quiet.
    expect(e.identifiers.map((r) => r.identifier)).toEqual(['+447700900123', 'Sam', '+447700900456']);
    expect(e.identifiers[1]!.appearedAfterQuiet).toBeNull();
  });
});

describe('S-DASH evidence sheet', () => {
  const inputs = [input('case/sms.xml'), input('case/diary.csv', 'csv-diary')];
  const diary = { channel: 'in-person' as const, input: 1, sender: null };
  const e = analyse(
    [
      ...daily('2024-01-01', new Array(40).fill(1)),
      ...['2024-01-15', '2024-01-16', '2024-01-17', '2024-01-18', '2024-02-01'].map((d) =>
        ev({
          at: `${d}T19:00:00Z`,
          ...diary,
          text: 'Waiting outside',
          details: { location: 'Home', effect: d === '2024-02-01' ? 'Scared to go out' : '' },
        }),
      ),
      ev({
        at: '2024-01-20T12:00:00Z',
        channel: 'other',
        input: 1,
        sender: null,
        flags: ['via-third-party'],
        text: 'Rang my mum',
      }),
      ev({ at: '2024-01-21T12:00:00Z', text: 'I know where you live' }),
    ],
    kase(),
    inputs,
  );

  it('has the 11 questions, their sense quoted unchanged, and never a score', () => {
    expect(e.sdash.map((q) => [q.number, q.question, q.backedByData])).toEqual(
      SDASH_QUESTIONS.map((q) => [q.number, q.question, q.backedByData]),
    );
    expect(e.sdash[3]!.question).toBe('Visits the victim at work, home etc. more than 3 times a week?');
    expect(JSON.stringify(e.sdash)).not.toMatch(/score":|risk level/i);
    expect(e.sdash.filter((q) => !q.answerable).map((q) => q.number)).toEqual([10, 11]);
  });

  it('links facts to incidents: visits per week, locations, third parties, the victim’s own words', () => {
    const q = (n: number) => e.sdash[n - 1]!;
    expect(q(1).facts[0]!.text).toBe(
      'The victim recorded the effect on them in 1 diary entry (their own words).',
    );
    expect(q(4).facts[0]!.text).toBe('5 in-person incidents in 2 ISO weeks; at most 4 in one week.');
    expect(q(4).facts[1]!.text).toBe('Weeks with more than 3 in-person incidents: week of 2024-01-15 (4).');
    expect(q(4).facts[1]!.events).toHaveLength(4);
    expect(q(5).facts[0]!.text).toMatch(/By recorded location: Home 5\.$/);
    expect(q(7).facts[0]).toMatchObject({
      text: '1 incident recorded as contact through a third party.',
      more: 0,
    });
    expect(q(7).facts[0]!.events[0]!.file).toBe('case/diary.csv');
    expect(q(6).facts[0]!.text).toMatch(/^No incident text matches the threats-to-kill-or-harm terms/);
    expect(q(9).facts[0]!.text).toMatch(
      /^The incidents come from 1 identifier attributed to the subject by the identifiers given for them \(case file or --subject\): \+447700900123 \(41\)\.$/,
    );
  });

  it('says when there is no diary at all', () => {
    const e2 = analyse(daily('2024-01-01', [1, 2, 3]));
    expect(e2.sdash.filter((x) => !x.answerable).map((x) => x.number)).toEqual([1, 3, 4, 5, 8, 10, 11]);
    expect(e2.sdash[2]!.note).toBe('Only a diary or police records can show this; no diary was given.');
  });
});

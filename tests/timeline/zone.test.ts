import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClockMs, Zone } from '../../src/timeline/zone.js';

const london = new Zone('Europe/London');
const wall = (s: string) => wallClockMs(s)!;
const iso = (ms: number) => new Date(ms).toISOString();

describe('Zone (Europe/London, across both 2024 daylight-saving changes)', () => {
  it('resolves ordinary winter and summer wall-clock times with the right offset', () => {
    expect(iso(london.resolve(wall('2024-01-15T12:00')).ms)).toBe('2024-01-15T12:00:00.000Z');
    expect(iso(london.resolve(wall('2024-07-15T12:00')).ms)).toBe('2024-07-15T11:00:00.000Z');
  });

  it('reads a time in the skipped spring-forward hour with the offset before the change, and flags it', () => {
    // Clocks go from 01:00 GMT to 02:00 BST on 2024-03-31: 01:30 does not exist.
    const r = london.resolve(wall('2024-03-31T01:30'));
    expect(r.dst).toBe('gap');
    expect(iso(r.ms)).toBe('2024-03-31T01:30:00.000Z');
    expect(london.localText(r.ms, 'min')).toBe('2024-03-31 02:30');
  });

  it('takes the earlier instant for the repeated fall-back hour, and flags it', () => {
    // Clocks go from 02:00 BST back to 01:00 GMT on 2024-10-27: 01:30 happens twice.
    const r = london.resolve(wall('2024-10-27T01:30'));
    expect(r.dst).toBe('overlap');
    expect(iso(r.ms)).toBe('2024-10-27T00:30:00.000Z');
  });

  it('puts instants around the change on the right local day and hour (statistics reference §1.4)', () => {
    expect(london.parts(Date.parse('2024-03-31T00:59:59Z'))).toMatchObject({ day: 31, hour: 0 });
    expect(london.parts(Date.parse('2024-03-31T01:00:00Z'))).toMatchObject({ day: 31, hour: 2 });
    expect(london.parts(Date.parse('2024-10-27T00:30:00Z'))).toMatchObject({ day: 27, hour: 1 });
    expect(london.parts(Date.parse('2024-10-27T01:30:00Z'))).toMatchObject({ day: 27, hour: 1 });
  });

  it('counts a 23-hour and a 25-hour day as one local day each', () => {
    const start31 = london.startOfLocalDay(london.localDayNumber(Date.parse('2024-03-31T12:00:00Z')));
    const start01 = london.startOfLocalDay(london.localDayNumber(Date.parse('2024-04-01T12:00:00Z')));
    expect((start01 - start31) / 3_600_000).toBe(23);
    const start27 = london.startOfLocalDay(london.localDayNumber(Date.parse('2024-10-27T12:00:00Z')));
    const start28 = london.startOfLocalDay(london.localDayNumber(Date.parse('2024-10-28T12:00:00Z')));
    expect((start28 - start27) / 3_600_000).toBe(25);
  });

  it('does not depend on the machine zone', () => {
    // The suite runs under TZ=UTC; a zone far from it must still give its own wall clock.
    const sydney = new Zone('Australia/Sydney');
    expect(sydney.localText(Date.parse('2024-04-06T15:30:00Z'), 'min')).toBe('2024-04-07 02:30');
    // Sydney leaves DST at 03:00 AEDT on 2024-04-07: 02:30 happens twice; the earlier (AEDT) instant is used.
    const r = sydney.resolve(wall('2024-04-07T02:30'));
    expect(r.dst).toBe('overlap');
    expect(iso(r.ms)).toBe('2024-04-06T15:30:00.000Z');
  });
});

describe('Zone against the tz database, in zones with unusual changes', () => {
  // Half-hour DST (Lord Howe), a skipped calendar day (Apia, 2011), Ramadan suspensions (Casablanca), a zone
  // that abolished DST (Sao Paulo, 2019), the southern hemisphere and a fixed zone.
  const zones = [
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Apia',
    'Africa/Casablanca',
    'America/Sao_Paulo',
    'Asia/Kolkata',
  ];
  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) });

  it('gives the offset the tz database gives, at any instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, (name, ms) => {
        expect(new Zone(name).offsetAt(ms)).toBe(tzOffset(name, new Date(ms)));
      }),
      { numRuns: 3000 },
    );
  });

  it('resolves a wall-clock time to an instant that shows that wall-clock time, or flags a gap', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, (name, wall) => {
        const zone = new Zone(name);
        const wallMs = Math.floor(wall / 60_000) * 60_000;
        const r = zone.resolve(wallMs);
        if (r.dst === 'gap') return;
        expect(r.ms + tzOffset(name, new Date(r.ms)) * 60_000).toBe(wallMs);
        // The fast path, when it answers, agrees with the full one.
        const quick = zone.quickInstant(wallMs);
        if (quick !== undefined) expect(quick).toBe(r.ms);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('wallClockMs', () => {
  it('accepts real dates and times at minute, second and day precision', () => {
    expect(iso(wall('2024-02-29T23:59:59'))).toBe('2024-02-29T23:59:59.000Z');
    expect(iso(wall('2024-02-29'))).toBe('2024-02-29T00:00:00.000Z');
  });

  it('rejects impossible dates and times instead of rolling them over', () => {
    expect(wallClockMs('2024-02-31T10:00')).toBeUndefined();
    expect(wallClockMs('2023-02-29')).toBeUndefined();
    expect(wallClockMs('2024-01-01T25:61')).toBeUndefined();
    expect(wallClockMs('2024-13-01')).toBeUndefined();
    expect(wallClockMs('yesterday')).toBeUndefined();
  });

  it('reads runs of times that share their day exactly as a fresh reading does, impossible ones included', () => {
    // The day part is remembered from one call to the next: runs of one day, days that are not real (31 June),
    // and oddly written ones (a slash) must all come out as an independent reading says.
    const oracle = (s: string): number | undefined => {
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
      if (!m) return undefined;
      const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
      if (mo! < 1 || mo! > 12 || h! > 23 || mi! > 59 || sec! > 59 || d! < 1) return undefined;
      const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, sec!);
      return new Date(ms).getUTCDate() === d ? ms : undefined;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = fc
      .record({
        y: fc.constantFrom(1999, 2000, 2023, 2024, 2100),
        mo: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        h: fc.integer({ min: 0, max: 25 }),
        mi: fc.integer({ min: 0, max: 61 }),
        s: fc.option(fc.integer({ min: 0, max: 61 }), { nil: undefined }),
        sep: fc.constantFrom('-', '-', '-', '/'),
      })
      .map(
        ({ y, mo, d, h, mi, s, sep }) =>
          `${y}${sep}${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${s === undefined ? '' : `:${two(s)}`}`,
      );
    // Runs: each stamp repeated with other times of its day, so consecutive calls share the day part.
    const run = fc.tuple(
      stamp,
      fc.array(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(run, { maxLength: 30 }), (runs) => {
        for (const [first, later] of runs) {
          const all = [first, ...later.map(([h, mi]) => `${first.slice(0, 11)}${two(h)}:${two(mi)}`)];
          for (const s of all) expect(wallClockMs(s)).toBe(oracle(s));
        }
      }),
      { numRuns: 300 },
    );
  });
});

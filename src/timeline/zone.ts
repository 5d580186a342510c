/**
 * Converting between UTC instants and wall-clock time in one IANA zone, fast enough for millions of events.
 *
 * Offsets come from the runtime's tz database through `@date-fns/tz`'s `tzOffset`. They are remembered at the start
 * of every UTC day: when two consecutive days start with the same offset, the whole day has it (no zone changes its
 * offset and back within a day), so nearly every question is answered by two array reads. Days with a change are
 * answered per UTC hour (every zone changes on a quarter-hour boundary at most once per hour).
 *
 * Resolving a wall-clock time (the documented rule, also in README "Time zones"; the rule itself is
 * model/wall-clock.ts, which the e-mail reader shares):
 * - exists once: that instant;
 * - occurs twice (the repeated hour when clocks go back): the EARLIER instant, flagged `TIMELINE_DST_AMBIGUOUS`;
 * - does not exist (the hour skipped when clocks go forward): read with the offset in force just before the
 *   change, i.e. 01:30 on a UK spring-forward day becomes 01:30 GMT = 02:30 BST, flagged `TIMELINE_DST_GAP`.
 */
import { tzOffset } from '@date-fns/tz';
import { daysInMonth, digitsAt } from '../model/dates.js';
import { type DstFlag, resolveWallClock } from '../model/wall-clock.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Day-start offsets are remembered for UTC days 1800-01-01 to 2199-12-31 (day numbers from 1970). */
const FIRST_DAY = -62_091;
const DAYS = 146_097;
/** An offset not yet looked up. */
const UNKNOWN = -32_768;
/**
 * `steadyDay`'s answer for a day with a clock change (or outside the table). A small integer rather than NaN: the
 * hot callers compare it with offsets, and V8 compiles those comparisons for small integers; the first NaN, at the
 * first clock change a chat reaches, threw away the compiled timeline builder around them (two recompilations of
 * its largest function during a million-message parse).
 */
const UNSTEADY = -32_767;

export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

export type { DstFlag };

/**
 * Offsets per hour, and wall-clock hours known to be far from a clock change, per zone name: pure functions of
 * the zone and the hour, so every Zone of the same name shares them (a batch worker reads hundreds of cases in
 * one zone, and would otherwise ask the time-zone database the same questions for each).
 */
interface Caches {
  /** Offset in minutes at the start of each UTC day (index: day number − FIRST_DAY), or UNKNOWN. */
  days: Int16Array;
  offsets: Map<number, number>;
  wall: Map<number, number>;
}
const SHARED = new Map<string, Caches>();

function sharedCaches(name: string): Caches {
  let c = SHARED.get(name);
  if (c === undefined) {
    c = { days: new Int16Array(DAYS + 1).fill(UNKNOWN), offsets: new Map(), wall: new Map() };
    SHARED.set(name, c);
  }
  return c;
}

export class Zone {
  private readonly days: Int16Array;
  private readonly cache: Map<number, number>;
  private readonly wallCache: Map<number, number>;
  constructor(readonly name: string) {
    const c = sharedCaches(name);
    this.days = c.days;
    this.cache = c.offsets;
    this.wallCache = c.wall;
  }

  /** The offset at the start of UTC day `i` (an index into `days`), looked up once. */
  private dayStart(i: number): number {
    let off = this.days[i]!;
    if (off === UNKNOWN) {
      off = tzOffset(this.name, new Date((i + FIRST_DAY) * DAY));
      this.days[i] = off;
    }
    return off;
  }

  /**
   * The offset of the whole UTC day `day` when it has one (it starts and the next day starts with it), else
   * UNSTEADY.
   */
  private steadyDay(day: number): number {
    const i = day - FIRST_DAY;
    if (i < 0 || i >= DAYS) return UNSTEADY;
    const off = this.dayStart(i);
    return this.dayStart(i + 1) === off ? off : UNSTEADY;
  }

  /** Offset from UTC in minutes at the given instant (e.g. 60 for BST). */
  offsetAt(ms: number): number {
    const steady = this.steadyDay(Math.floor(ms / DAY));
    if (steady !== UNSTEADY) return steady;
    const bucket = Math.floor(ms / HOUR);
    let off = this.cache.get(bucket);
    if (off === undefined) {
      const start = tzOffset(this.name, new Date(bucket * HOUR));
      const end = tzOffset(this.name, new Date(bucket * HOUR + HOUR - 1));
      // A change inside this hour (rare zones change on the half hour): fall back to an exact look-up.
      if (start !== end) return tzOffset(this.name, new Date(ms));
      off = start;
      // About 57 years of hours; past that, start again rather than grow without bound.
      if (this.cache.size >= 500_000) this.cache.clear();
      this.cache.set(bucket, off);
    }
    return off;
  }

  /**
   * Local day number, hour (0–23) and ISO weekday (1 = Monday) of an instant, without allocating: the hot path
   * for counting millions of events by day and hour.
   */
  dayHour(ms: number): { day: number; hour: number; weekday: number } {
    const local = ms + this.offsetAt(ms) * 60_000;
    const day = Math.floor(local / DAY);
    this.scratch.day = day;
    this.scratch.hour = Math.floor((local - day * DAY) / HOUR);
    // 1970-01-01 was a Thursday (ISO weekday 4).
    this.scratch.weekday = ((((day + 3) % 7) + 7) % 7) + 1;
    return this.scratch;
  }
  private readonly scratch = { day: 0, hour: 0, weekday: 0 };

  /** Wall-clock fields of an instant in this zone. */
  parts(ms: number): LocalParts {
    const d = new Date(ms + this.offsetAt(ms) * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
      weekday: ((d.getUTCDay() + 6) % 7) + 1,
    };
  }

  /** Local calendar date `YYYY-MM-DD`. */
  localDate(ms: number): string {
    return new Date(ms + this.offsetAt(ms) * 60_000).toISOString().slice(0, 10);
  }

  /** Days since 1970-01-01 of the local calendar date (a dense integer index for daily series). */
  localDayNumber(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms) * 60_000) / DAY);
  }

  /** Local wall-clock text at the given precision: `YYYY-MM-DD HH:mm`, `… HH:mm:ss`, `… HH:mm:ss.SSS` or a date. */
  localText(ms: number, precision: 'ms' | 's' | 'min' | 'day'): string {
    const iso = new Date(ms + this.offsetAt(ms) * 60_000).toISOString();
    switch (precision) {
      case 'day':
        return iso.slice(0, 10);
      case 'min':
        return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
      case 's':
        return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
      default:
        return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    }
  }

  /** The UTC instant at which a local calendar day starts (the first instant whose local date is that day). */
  startOfLocalDay(dayNumber: number): number {
    return this.resolve(dayNumber * DAY).ms;
  }

  /**
   * The instant of a wall-clock time given as "UTC-like" milliseconds (the wall-clock fields read as if UTC),
   * following the DST rule in the header.
   */
  resolve(wallMs: number): { ms: number; dst: DstFlag } {
    const quick = this.quickInstant(wallMs);
    if (quick !== undefined) return { ms: quick, dst: undefined };
    const r = resolveWallClock(this, wallMs);
    if (r.dst === undefined && this.offsetAt(wallMs - DAY) === this.offsetAt(wallMs + DAY)) {
      if (this.wallCache.size >= 500_000) this.wallCache.clear();
      this.wallCache.set(Math.floor(wallMs / HOUR), (wallMs - r.ms) / 60_000);
    }
    return r;
  }

  /**
   * The instant of a wall-clock time when its hour is known to be far from any clock change (the common case,
   * answered from memory without allocating); undefined when `resolve` must decide.
   */
  quickInstant(wallMs: number): number | undefined {
    // Three steady UTC days around the wall-clock day: the offset holds from a day before the wall time to a day
    // after, which covers the instant whatever the offset (at most 14 hours), so the time exists exactly once.
    const day = Math.floor(wallMs / DAY);
    const off = this.steadyDay(day);
    if (off !== UNSTEADY && this.steadyDay(day - 1) === off && this.steadyDay(day + 1) === off)
      return wallMs - off * 60_000;
    const known = this.wallCache.get(Math.floor(wallMs / HOUR));
    return known === undefined ? undefined : wallMs - known * 60_000;
  }

  /**
   * The later of the two instants of a wall-clock time that occurs twice (`resolve` flags it 'overlap' and gives
   * the earlier): the same time read with the offset in force after the clock change.
   */
  laterInstant(wallMs: number): number {
    const before = this.offsetAt(wallMs - DAY);
    const after = this.offsetAt(wallMs + DAY);
    return Math.max(wallMs - before * 60_000, wallMs - after * 60_000);
  }
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * Reads `YYYY-MM-DD[THH:mm[:ss[.SSS]]]` as wall-clock milliseconds (fields read as if UTC), or `undefined` when
 * it is not a real date and time (31 February, 25:61).
 */
export function wallClockMs(local: string): number | undefined {
  // Sources hand over millions of these in the two common shapes: read their digits directly, and the date part
  // only when it is not the day read last (a chat has hundreds of messages a day).
  if ((local.length === 16 || local.length === 19) && local.charCodeAt(10) === 84 /* T */) {
    const dayMs = sameDay(local) ? lastDayMs : readDay(local);
    const h = digitsAt(local, 11, 2);
    const mi = digitsAt(local, 14, 2);
    const s = local.length === 19 ? digitsAt(local, 17, 2) : 0;
    const shaped = local.charCodeAt(13) === 58 && (local.length === 16 || local.charCodeAt(16) === 58);
    if (!Number.isNaN(dayMs) && shaped && h >= 0 && h <= 23 && mi >= 0 && mi <= 59) {
      if (s < 0 || s > 59) return undefined;
      return dayMs + h * 3_600_000 + mi * 60_000 + s * 1000;
    }
    // Anything else (not a real date, oddly written) goes the general way below, which decides.
  }
  const m = LOCAL_RE.exec(local);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const s = Number(m[6] ?? 0);
  const frac = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, frac);
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return undefined;
  return ms;
}

/** The date part ("YYYY-MM-DD") read last, its midnight as wall-clock ms (NaN when not a real date). */
let lastDayKey = '';
let lastDayMs = Number.NaN;

function sameDay(local: string): boolean {
  if (lastDayKey.length !== 10) return false;
  for (let i = 9; i >= 0; i--) if (local.charCodeAt(i) !== lastDayKey.charCodeAt(i)) return false;
  return true;
}

/** Reads the date part of `local` and remembers it; NaN when it is not a real date written the usual way. */
function readDay(local: string): number {
  const y = digitsAt(local, 0, 4);
  const mo = digitsAt(local, 5, 2);
  const d = digitsAt(local, 8, 2);
  const real =
    local.charCodeAt(4) === 45 && local.charCodeAt(7) === 45 && y >= 0 && d >= 1 && d <= daysInMonth(y, mo);
  lastDayKey = `${local.slice(0, 10)} `.slice(0, -1);
  lastDayMs = real ? Date.UTC(y, mo - 1, d) : Number.NaN;
  return lastDayMs;
}

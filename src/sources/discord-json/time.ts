/**
 * Times in Discord and Twitter exports: ISO 8601 stamps that carry their offset, and snowflake ids, which encode
 * the UTC millisecond their record was created (`(id >> 22) + epoch`). The id is a second witness to the time —
 * used when the stamp is missing or damaged, and compared with it otherwise.
 */

/** Discord's snowflake epoch, 2015-01-01T00:00:00Z. */
export const DISCORD_EPOCH = 1_420_070_400_000;
/** Twitter's snowflake epoch, 2010-11-04T01:42:54.657Z. */
export const TWITTER_EPOCH = 1_288_834_974_657;
/** A snowflake time after this is damage, not a time (ids are 64-bit: they could reach the year 2154). */
const LATEST = Date.UTC(2100, 0, 1);

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const DIGITS = /^\d{1,20}$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of `2019-01-04T17:52:39.762+00:00` / `…39.7620000+03:00` / `…39.762Z` (fraction cut to
 * milliseconds, never rounded up into the next second), or `undefined` when it is not a real date-time with
 * an offset.
 */
export function parseIsoInstant(s: string): number | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = +m[4]!;
  const mi = +m[5]!;
  const sec = +m[6]!;
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]! || h > 23 || mi > 59 || sec > 59)
    return undefined;
  if (mo === 2 && d === 29 && (y % 4 !== 0 || (y % 100 === 0 && y % 400 !== 0))) return undefined;
  const frac = m[7];
  const ms =
    frac === undefined ? 0 : frac.length >= 3 ? +frac.slice(0, 3) : +frac * (frac.length === 1 ? 100 : 10);
  const z = m[8]!;
  let offset = 0;
  if (z !== 'Z') {
    const oh = +z.slice(1, 3);
    const om = +z.slice(4, 6);
    if (oh > 14 || om > 59) return undefined;
    offset = (z.charCodeAt(0) === 0x2d ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset;
}

/** Ids below this many milliseconds after the epoch are older sequential ids (Twitter before Nov 2010) or test data. */
const FIRST_DAY = 86_400_000n;

/**
 * The creation time a snowflake id encodes, or `undefined` when `id` is not one: not 1–20 digits, or so small
 * that it holds no time (a pre-2010 Twitter id, test data such as `"100"`), or beyond the year 2100.
 */
export function snowflakeMs(id: string, epoch: number): number | undefined {
  if (!DIGITS.test(id)) return undefined;
  const since = BigInt(id) >> 22n;
  if (since < FIRST_DAY) return undefined;
  const ms = Number(since) + epoch;
  return ms < LATEST ? ms : undefined;
}

/** Differences up to this are clock granularity, not a disagreement between the stamp and the id. */
export const ID_TIME_TOLERANCE_MS = 1000;

/** How many records of a file had a time that disagreed with, or came only from, their id; and the first. */
export interface IdTimeTally {
  readonly mismatched: { count: number; first?: string };
  readonly fromId: { count: number; first?: string };
}

/**
 * The record's own stamp (`ms`) when readable, flagged `time-id-mismatch` when its snowflake id says otherwise;
 * else the time the id holds (`time-from-id`); undefined when neither is there (the caller rejects the record).
 */
export function stampOrIdTime(
  ms: number | undefined,
  fromId: number | undefined,
  locator: string,
  flags: string[],
  tally: IdTimeTally,
): { type: 'instant'; ms: number; precision: 'ms' } | undefined {
  if (ms !== undefined) {
    if (fromId !== undefined && Math.abs(ms - fromId) > ID_TIME_TOLERANCE_MS) {
      flags.push('time-id-mismatch');
      tally.mismatched.count++;
      tally.mismatched.first ??= locator;
    }
    return { type: 'instant', ms, precision: 'ms' };
  }
  if (fromId === undefined) return undefined;
  flags.push('time-from-id');
  tally.fromId.count++;
  tally.fromId.first ??= locator;
  return { type: 'instant', ms: fromId, precision: 'ms' };
}

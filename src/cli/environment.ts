/**
 * Every decision that depends on the environment, made once: colour per stream (NO_COLOR, FORCE_COLOR,
 * --no-color, TTY), terminal width, the "generated at" time (--now, SOURCE_DATE_EPOCH), the system zone and the
 * tz database version.
 */
import { Chalk, type ChalkInstance, supportsColor, supportsColorStderr } from 'chalk';
import { isRealDate } from '../model/dates.js';
import { UsageError } from '../model/errors.js';

export interface Environment {
  readonly stdoutChalk: ChalkInstance;
  readonly stderrChalk: ChalkInstance;
  /** For output written to files: never coloured. */
  readonly plainChalk: ChalkInstance;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly width: number;
  /** stderr's terminal width, for chronolog's own lines there (stdout may go to a file while stderr is a terminal). */
  readonly stderrWidth: number;
  readonly systemZone: string;
  readonly tzdata: string | null;
  /**
   * CHRONOLOG_WORKER_MIN_BYTES as set: input files at least this large are read on a second thread (read.ts makes
   * it a policy, parse-spawn.ts; 0: every file, "off": none), for tests and for comparing the two ways.
   */
  readonly workerMinBytes?: string | undefined;
}

/** chalk reads FORCE_COLOR and --no-color itself but not NO_COLOR (see no-color.org), so that is checked here. */
export function detectEnvironment(noColorFlag: boolean): Environment {
  const noColor = noColorFlag || (process.env['NO_COLOR'] ?? '') !== '';
  const level = (s: typeof supportsColor) => (noColor || !s ? 0 : s.level);
  return {
    stdoutChalk: new Chalk({ level: level(supportsColor) }),
    stderrChalk: new Chalk({ level: level(supportsColorStderr) }),
    plainChalk: new Chalk({ level: 0 }),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    width: Math.min(Math.max(process.stdout.columns ?? 100, 60), 160),
    stderrWidth: Math.min(Math.max(process.stderr.columns ?? 100, 60), 160),
    systemZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    tzdata: process.versions.tz ?? null,
    workerMinBytes: process.env['CHRONOLOG_WORKER_MIN_BYTES'],
  };
}

/** `--now`: a date-time with `Z` or an offset, or a date alone (read as 00:00 UTC). */
const NOW_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2})))?$/i;

/** SOURCE_DATE_EPOCH may not go past 9999-12-31T23:59:59Z, the last instant an ISO date has four year digits for. */
const MAX_EPOCH_SECONDS = 253_402_300_799;

const NOW_HINT =
  'Give a date-time with Z (UTC) or an offset, or a date alone (00:00 UTC), e.g. --now 2024-07-01T09:00:00Z, --now 2024-07-01T10:00+01:00 or --now 2024-07-01';

/**
 * Reads `--now`. A date-time without an offset is refused: it would be read in this computer's zone, so the same
 * command would stamp a different instant on another machine.
 */
function parseNow(value: string): string {
  const m = NOW_RE.exec(value);
  const bad = (why: string, hint = NOW_HINT) =>
    new UsageError('USAGE_BAD_NOW', `--now "${value}" ${why}`, hint);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/i.test(value)) {
      throw bad(
        'has no Z or offset, so it would mean a different instant on each computer',
        `Add Z for UTC or the offset meant, e.g. --now ${value}Z or --now ${value}+01:00`,
      );
    }
    throw bad('is not an ISO 8601 date or date-time');
  }
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', offset, oh, om] = m as unknown as string[];
  if (!isRealDate(`${y}-${mo}-${d}`)) throw bad('is not a real date');
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) throw bad('is not a real time of day');
  if (oh !== undefined && (Number(oh) * 60 + Number(om) > 14 * 60 || Number(om) > 59)) {
    throw bad('has an offset outside -14:00 to +14:00');
  }
  const zone = offset === undefined || oh === undefined ? 'Z' : `${offset[0]}${oh}:${om}`;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}.${frac.padEnd(3, '0').slice(0, 3)}${zone}`);
  if (!(ms <= MAX_EPOCH_SECONDS * 1000 + 999)) throw bad('is after the year 9999');
  return new Date(ms).toISOString();
}

/**
 * The "generated at" instant: `--now` wins, then SOURCE_DATE_EPOCH (reproducible-builds.org), then the clock.
 * Reports never read the clock themselves.
 */
export function generatedAt(nowOption: string | undefined): string {
  if (nowOption !== undefined) return parseNow(nowOption);
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    const hint =
      'Set it to a whole number of seconds since 1970-01-01 UTC, e.g. SOURCE_DATE_EPOCH=1719824400, or unset it.';
    if (!/^\d+$/.test(epoch)) {
      throw new UsageError(
        'USAGE_BAD_SOURCE_DATE_EPOCH',
        `SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds`,
        hint,
      );
    }
    if (Number(epoch) > MAX_EPOCH_SECONDS) {
      throw new UsageError(
        'USAGE_BAD_SOURCE_DATE_EPOCH',
        `SOURCE_DATE_EPOCH "${epoch}" is too large: it would be after the year 9999 (at most ${MAX_EPOCH_SECONDS})`,
        hint,
      );
    }
    return new Date(Number(epoch) * 1000).toISOString();
  }
  return new Date().toISOString();
}

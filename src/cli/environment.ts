/**
 * Every decision that depends on the environment, made once: colour per stream (NO_COLOR, FORCE_COLOR,
 * --no-color, TTY), terminal width, the "generated at" time (--now, SOURCE_DATE_EPOCH), the system zone and the
 * tz database version.
 */
import { Chalk, type ChalkInstance, supportsColor, supportsColorStderr } from 'chalk';
import { UsageError } from '../model/errors.js';

export interface Environment {
  readonly stdoutChalk: ChalkInstance;
  readonly stderrChalk: ChalkInstance;
  /** For output written to files: never coloured. */
  readonly plainChalk: ChalkInstance;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly width: number;
  readonly systemZone: string;
  readonly tzdata: string | null;
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
    systemZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    tzdata: process.versions.tz ?? null,
  };
}

/**
 * The "generated at" instant: `--now` wins, then SOURCE_DATE_EPOCH (reproducible-builds.org), then the clock.
 * Reports never read the clock themselves.
 */
export function generatedAt(nowOption: string | undefined): string {
  if (nowOption !== undefined) {
    const ms = Date.parse(nowOption);
    if (!/^\d{4}-\d{2}-\d{2}/.test(nowOption) || Number.isNaN(ms)) {
      throw new UsageError(
        'USAGE_BAD_NOW',
        `--now "${nowOption}" is not an ISO date-time`,
        'Example: --now 2024-07-01T09:00:00Z',
      );
    }
    return new Date(ms).toISOString();
  }
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) {
      throw new UsageError(
        'USAGE_BAD_SOURCE_DATE_EPOCH',
        `SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds`,
      );
    }
    return new Date(Number(epoch) * 1000).toISOString();
  }
  return new Date().toISOString();
}

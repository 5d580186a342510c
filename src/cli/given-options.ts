/**
 * The options a command was run with, as words, for the command lines a hint suggests: a hint that leaves out the
 * user's `--date-order dmy` or `--format html --out report.html` suggests a command that fails, or writes
 * something else. Taken from what commander parsed, so only options typed on the command line count (not defaults,
 * not environment variables), each in its long form, in the order the command declares them.
 */
import type { Command } from 'commander';

/** The options `cmd` was given on the command line, as words: `['--format', 'html', '--subject', 'sam']`. */
export function givenOptions(cmd: Command): string[] {
  const words: string[] = [];
  for (const o of cmd.options) {
    const name = o.attributeName();
    if (cmd.getOptionValueSource(name) !== 'cli' || o.long === undefined) continue;
    const value: unknown = cmd.getOptionValue(name);
    // `--no-color` sets `color` false, and `--color` (if declared) true: each its own option sharing the name.
    if (o.negate) {
      if (value === false) words.push(o.long);
    } else if (o.isBoolean()) {
      if (value === true) words.push(o.long);
    } else if (Array.isArray(value)) {
      for (const v of value) words.push(o.long, String(v));
    } else if (value !== undefined && value !== true) {
      words.push(o.long, String(value));
    }
  }
  return words;
}

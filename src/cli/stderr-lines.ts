/**
 * chronolog's own lines on stderr (the summary after a run, the problems listed there), broken to fit the terminal
 * as the text report's are (reports/wrap-lines.ts). Only when stderr is a terminal: in a log file or a script's pipe
 * each line stays whole, so what a script reads does not depend on a terminal's width.
 */
import { plain, wrapLine } from '../reports/wrap-lines.js';
import type { Environment } from './environment.js';

/** "chronolog: " is 11 columns: a summary line goes on under its text after it. */
const LEAD = 'chronolog: ';

/** `text` (lines ending in "\n") for stderr, each line wider than the terminal broken to fit it. */
export function forStderr(text: string, env: Pick<Environment, 'stderrIsTTY' | 'stderrWidth'>): string {
  if (!env.stderrIsTTY) return text;
  return (
    text
      .split('\n')
      // chalk may style the "chronolog:" that leads a line: it is looked for without the styles.
      .flatMap((line) =>
        wrapLine(line, env.stderrWidth, plain(line).startsWith(LEAD) ? LEAD.length : undefined),
      )
      .join('\n')
  );
}

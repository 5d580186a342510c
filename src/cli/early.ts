/**
 * What bin/chronolog.cjs runs first, before the rest of the CLI is loaded: the parse worker for a large input
 * named on the command line starts here (parse-spawn.ts), so that its 0.15–0.2 s of starting overlap the CLI's
 * own start instead of following it. `main` calls it too (for runs that do not come through the bin); only the
 * first call starts anything.
 */
import { startEarly } from './parse-spawn.js';

/** The commands that read inputs, and may read a large one on a second thread. */
const READS_INPUTS = new Set(['report', 'timeline', 'inspect', 'anonymise']);

export function early(argv: readonly string[]): void {
  if (READS_INPUTS.has(argv[0] ?? '')) startEarly(argv.slice(1), process.env['CHRONOLOG_WORKER_MIN_BYTES']);
}

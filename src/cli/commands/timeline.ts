/**
 * `chronolog timeline PATHS…`: every event, one row each, streamed as CSV or JSON Lines. The rows have no room for
 * what was not turned into an event, so stderr lists it (rejected records and other problems, files not read)
 * above the summary line `report` writes, and --strict fails the run as it does for `report`.
 */
import { UsageError } from '../../model/errors.js';
import { timelineRows } from '../../pipeline/rows.js';
import { timelineFormats } from '../../reports/index.js';
import type { Environment } from '../environment.js';
import { chooseFormat, refuseUnwrittenFormat } from '../out-format.js';
import { refuseToOverwriteInputs } from '../out-guard.js';
import { sinkFor } from '../output.js';
import { forcedFormats, type ReadFlags, readInputs } from '../read.js';
import { complete, problemList, summaryLine, tallyOf } from '../summary.js';

export interface TimelineFlags extends ReadFlags {
  /** As given; when absent, the --out name chooses (out-format.ts), else csv. */
  readonly format?: string;
  readonly out?: string;
  readonly incidentsOnly?: boolean;
  readonly strict?: boolean;
}

export async function timelineCommand(
  paths: string[],
  flags: TimelineFlags,
  env: Environment,
): Promise<number> {
  const chosen = chooseFormat('timeline', flags.format, flags.out, 'csv');
  const format = timelineFormats.find((f) => f.id === chosen.id);
  if (!format) throw new UsageError('USAGE_BAD_FORMAT', `unknown timeline format "${chosen.id}"`);
  await refuseToOverwriteInputs({
    out: flags.out,
    paths,
    caseFile: flags.case,
    forced: forcedFormats(flags.formatOf),
    what: 'timeline',
    example: `timeline.${format.id}`,
  });
  refuseUnwrittenFormat('timeline', flags.format, flags.out, paths, flags);
  // Opened first: an unwritable --out fails before a long read.
  const sink = sinkFor(flags.out);
  const { timeline, kase } = await readInputs(paths, { ...flags, command: 'timeline' }, env);
  if (flags.incidentsOnly && kase.subject.identifiers.length === 0 && kase.victim.identifiers.length === 0) {
    throw new UsageError(
      'USAGE_NO_SUBJECT',
      '--incidents-only needs to know who the subject is',
      'Add --subject ID (repeatable) or a case file naming the subject.',
    );
  }
  // Rows are written in batches so a million-event timeline never becomes one giant string.
  let buffer = format.header();
  for (const row of timelineRows(timeline, flags.incidentsOnly === true, kase.lexicon)) {
    buffer += format.row(row);
    if (buffer.length > 1 << 16) {
      await sink.write(buffer);
      buffer = '';
    }
  }
  await sink.write(buffer);
  await sink.close();
  const tally = tallyOf(timeline);
  if (!flags.quiet) {
    const c = env.stderrChalk;
    const lines = [...problemList(tally, c), ''];
    process.stderr.write(lines.join('\n') + summaryLine(tally, c, flags.out, 'above'));
  }
  return flags.strict && !complete(tally) ? 1 : 0;
}

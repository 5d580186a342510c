/** A timeline read in-process from paths, with the case file found there (if any) and the people given here. */
import { resolveCase } from '../../src/cli/case.js';
import { fileInput, walk } from '../../src/cli/inputs.js';
import type { ResolvedCase } from '../../src/model/index.js';
import { readTimeline, type TimelineEvent } from '../../src/pipeline/index.js';

/**
 * Reads `paths` under zone UTC. `kase` replaces fields of the case resolved from the case files found (or
 * from `caseFile`, as --case): typically the subject, the victim or the region.
 */
export async function timelineOf(
  paths: string[],
  kase: (c: ResolvedCase) => Partial<ResolvedCase> = () => ({}),
  caseFile?: string,
) {
  const walked = await walk(paths);
  const c = await resolveCase(caseFile ? { case: caseFile } : {}, caseFile ? [] : walked.caseFiles, 'UTC');
  const resolved: ResolvedCase = { ...c, ...kase(c) };
  const t = await readTimeline({
    inputs: walked.files.map((f) => fileInput(f.abs, f.bytes, f.display)),
    case: resolved,
  });
  const events: TimelineEvent[] = Array.from({ length: t.events.length }, (_, i) => t.events.at(i));
  return { t, events, case: resolved };
}

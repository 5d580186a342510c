/**
 * The whole flow in one place: inputs → sources → timeline → analysis. No formatting and no process.* here:
 * the CLI passes everything in and renders what comes out.
 */

import { ceaseClassifier } from '../analysis/escalation/cease.js';
import { contentClassifier } from '../analysis/escalation/content.js';
import { buildReport } from '../analysis/index.js';
import type { Report, ResolvedCase, TimelineEvent } from '../model/index.js';
import type { DateOrder, SourceInput } from '../sources/index.js';
import { TimelineBuilder } from '../timeline/build.js';
import { futureAfter } from '../timeline/future.js';
import { IdentityResolver } from '../timeline/identities.js';
import type { NewBlock } from '../timeline/pages.js';
import { ProblemLog } from '../timeline/problems.js';
import { TextMarks } from '../timeline/text-marks.js';
import { Zone } from '../timeline/zone.js';
import { diaryAlsoLoggedProblem } from './diary-also-logged.js';
import { type Ingested, ingest, type ParseElsewhere } from './ingest.js';
import { namedIn, orInCaseFile } from './named-in.js';
import { nationalNumbersProblem } from './national-numbers.js';
import { unreadableProblem } from './read-errors.js';
import {
  caseNamedSenderProblems,
  namedLikeCaseProblems,
  unmatchedSubjectProblems,
  unmatchedVictimProblems,
} from './unmatched.js';

export interface RunOptions {
  readonly inputs: readonly SourceInput[];
  readonly case: ResolvedCase;
  readonly dateOrder?: DateOrder;
  readonly forcedFormat?: (path: string) => string | undefined;
  readonly onProgress?: (p: { path: string; bytesRead: number; bytes: number }) => void;
  /**
   * When the report is generated (its `generatedAt`): records dated well after it are flagged and warned about
   * (timeline/future.ts). Absent when nothing states a generation time.
   */
  readonly generatedAt?: string;
  /** Where the timeline's text blocks come from (timeline/pages.ts); allocated as needed by default. */
  readonly newBlock?: NewBlock;
  /** Where sources may run instead of this thread (pipeline/ingest.ts); by default every input is read here. */
  readonly elsewhere?: ParseElsewhere;
  /** Marks to work out from the texts as they are stored, and which to keep (timeline/text-marks.ts), if any. */
  readonly marks?: TextMarks;
  /** Find the copy kept of every duplicate (`Timeline.duplicates`), for `timeline --with-duplicates`. */
  readonly everyDuplicate?: boolean;
  /**
   * Files and folders passed over before reading (e.g. walking folders), listed in the report; `error` when one
   * exists but could not be opened, which is also reported as an error.
   */
  readonly passedOver?: readonly {
    path: string;
    reason: string;
    error?: { what: 'file' | 'folder'; cause: unknown } | undefined;
  }[];
}

export interface Timeline extends Ingested {
  readonly zone: Zone;
  readonly problems: ProblemLog;
  readonly identities: IdentityResolver;
}

/**
 * Marks for the report's searches of texts (timeline/text-marks.ts): the content search's of incidents
 * (analysis/escalation/content.ts) and the cease-phrase search's of the victim's side (cease.ts). With `keepAll`
 * every text is kept (a report with the chronology); otherwise a run of one input keeps only what they will read.
 */
export function reportMarks(c: ResolvedCase, keepAll = false): TextMarks {
  return new TextMarks(
    () => ({ incident: contentClassifier(c.lexicon), victim: ceaseClassifier(c) }),
    keepAll,
  );
}

/** Reads every input into one de-duplicated, ordered timeline. */
export async function readTimeline(opts: RunOptions): Promise<Timeline> {
  const zone = new Zone(opts.case.timezone);
  const identities = new IdentityResolver({
    subject: opts.case.subject.identifiers,
    victim: opts.case.victim.identifiers,
    region: opts.case.region,
    names: { subject: opts.case.subject.name, victim: opts.case.victim.name },
  });
  const problems = new ProblemLog();
  const after = futureAfter(opts.generatedAt);
  const builder = new TimelineBuilder(zone, identities, opts.newBlock, after);
  opts.marks?.attach(builder.store);
  const ingested = await ingest(opts.inputs, builder, problems, {
    source: {
      timezone: opts.case.timezone,
      ...(opts.case.region ? { region: opts.case.region } : {}),
      ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
    },
    forcedFormat: opts.forcedFormat ?? (() => undefined),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    elsewhere: opts.elsewhere,
    ...(after !== undefined && opts.generatedAt !== undefined ? { generatedAt: opts.generatedAt } : {}),
    ...(opts.everyDuplicate ? { everyDuplicate: true } : {}),
  });
  for (const p of opts.passedOver ?? []) ingested.ignored.push({ path: p.path, reason: p.reason });
  ingested.ignored.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (identities.subjectIsEveryoneElse) {
    problems.add({
      code: 'CASE_SUBJECT_ASSUMED',
      severity: 'warning',
      message:
        'No subject identifiers were given: every sender other than the victim was counted as the subject.',
      hint: `Name the subject with --subject ID (repeatable)${orInCaseFile(opts.case.caseFile?.path)} to count only their contacts.`,
    });
  }
  const { events, inputs } = ingested;
  const national = nationalNumbersProblem(identities, opts.case.caseFile, events, inputs);
  if (national) problems.add(national);
  for (const p of [
    ...unmatchedSubjectProblems(
      opts.case.subject.identifiers,
      identities,
      events,
      inputs,
      namedIn(opts.case, opts.case.subject, 'subject'),
    ),
    ...unmatchedVictimProblems(
      opts.case.victim.identifiers,
      identities,
      events,
      inputs,
      namedIn(opts.case, opts.case.victim, 'victim'),
    ),
  ]) {
    problems.add(p);
  }
  for (const p of namedLikeCaseProblems(identities, ingested.events, opts.case.caseFile)) problems.add(p);
  for (const p of caseNamedSenderProblems(opts.case, events, inputs, opts.case.caseFile)) problems.add(p);
  // After de-duplication, over the events kept: diary rows beside the same contact in a log (never merged).
  const alsoLogged = diaryAlsoLoggedProblem(events, inputs, zone);
  if (alsoLogged) problems.add(alsoLogged);
  for (const p of opts.passedOver ?? []) {
    if (p.error) problems.add(unreadableProblem(p.path, p.error.what, p.error.cause));
  }
  return { ...ingested, zone, problems, identities };
}

/** Builds the report from a timeline. */
export function analyseTimeline(
  t: Timeline,
  c: ResolvedCase,
  meta: {
    version: string;
    generatedAt: string;
    tzdata: string | null;
    run: Report['run'];
    withChronology?: boolean;
  },
): Report {
  return buildReport({
    ...meta,
    case: c,
    zone: t.zone,
    inputs: t.inputs,
    ignored: t.ignored,
    events: t.events,
    spans: t.spans,
    problems: t.problems.list,
    problemsOmitted: t.problems.omitted,
    problemsOmittedLocations: t.problems.omittedLocations(),
  });
}

export type { ParseElsewhere } from './ingest.js';
export type { TimelineEvent };

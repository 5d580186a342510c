/**
 * Composes every figure into the `Report` — the one object all output formats read, so the HTML, Markdown,
 * terminal and JSON outputs can never disagree. Pure: no clock, no files, no environment.
 */
import type { InputSummary, OmittedLocations, Problem, Report, ResolvedCase } from '../model/index.js';
import type { EventList } from '../timeline/list.js';
import type { InputSpan } from '../timeline/store.js';
import type { Zone } from '../timeline/zone.js';
import { accounting } from './accounting.js';
import { chronology } from './chronology.js';
import { incidentColumns } from './columns.js';
import { identifierTable } from './counts.js';
import { dayTable } from './day-table.js';
import { analyseEscalation } from './escalation/index.js';
import { inSpans } from './escalation/window.js';
import { incidentFigures } from './figures.js';
import { dayNumberOf } from './series.js';
import { withheldCalls } from './withheld-calls.js';

export interface AnalysisInput {
  readonly version: string;
  readonly generatedAt: string;
  readonly run: Report['run'];
  readonly case: ResolvedCase;
  readonly zone: Zone;
  readonly tzdata: string | null;
  readonly inputs: readonly InputSummary[];
  readonly ignored: readonly { path: string; reason: string }[];
  readonly events: EventList;
  /**
   * Per input (same index as `inputs`), the first and last instant and the channels of all its events, the
   * duplicates dropped from `events` included (`Ingested.spans`): what each file covers. Without it, `events` are
   * taken to be every event of the inputs (none dropped as a duplicate).
   */
  readonly spans?: readonly (InputSpan | undefined)[];
  readonly problems: readonly Problem[];
  readonly problemsOmitted: ReadonlyMap<string, number>;
  /** Where each problem counted in `problemsOmitted` is. */
  readonly problemsOmittedLocations: readonly OmittedLocations[];
  /** Include every incident as a chronology row (HTML, Markdown, or JSON with --chronology). */
  readonly withChronology?: boolean;
}

export function buildReport(a: AnalysisInput): Report {
  const events = a.events;
  const incidents = events.incidents();
  const columns = incidentColumns(incidents, a.zone);
  const table = dayTable(columns);
  const escalation = analyseEscalation({
    events: a.events,
    incidents,
    columns,
    table,
    zone: a.zone,
    case: a.case,
    inputs: a.inputs,
    ...(a.spans !== undefined ? { spans: a.spans } : {}),
  });
  return {
    schemaVersion: 1,
    generator: { name: 'chronolog', version: a.version },
    generatedAt: a.generatedAt,
    run: a.run,
    case: {
      title: a.case.title ?? null,
      timezone: a.case.timezone,
      timezoneSource: a.case.timezoneSource,
      tzdata: a.tzdata,
      region: a.case.region ?? null,
      caseFile: a.case.caseFile ?? null,
      subject: { name: a.case.subject.name ?? null, identifiers: [...a.case.subject.identifiers] },
      victim: { name: a.case.victim.name ?? null, identifiers: [...a.case.victim.identifiers] },
      milestones: a.case.milestones.map((m) => ({ date: m.date, label: m.label, type: m.type ?? null })),
    },
    inputs: [...a.inputs],
    ignoredFiles: [...a.ignored],
    accounting: accounting(a.inputs, incidents.length),
    identifiers: identifierTable(incidents, columns, a.zone, a.inputs),
    incidents: incidentFigures(incidents, columns, table, a.zone, coveredByEveryExport(escalation), a.inputs),
    ...withheldKey(withheldCalls(events, columns.day, a.zone, a.inputs)),
    escalation,
    ...(a.withChronology ? { chronology: chronology(incidents, a.inputs, a.zone, a.case.lexicon) } : {}),
    problems: [...a.problems, ...windowProblems(escalation)],
    problemsOmitted: Object.fromEntries([...a.problemsOmitted].sort(([x], [y]) => (x < y ? -1 : 1))),
    problemsOmittedLocations: [...a.problemsOmittedLocations],
  };
}

/**
 * A window set by hand (--from/--to or the case file) of which no export covers a day: a warning, not an error,
 * since a window chosen after the last export is legitimate, but a mistyped year looks just like it.
 */
function windowProblems(e: Report['escalation']): Problem[] {
  const exported = e?.coverage.exported;
  if (!e || !exported || e.window.source !== 'given' || !e.window.from || !e.window.to) return [];
  if (e.rate.days > 0 || !e.coverage.notExported?.length) return [];
  return [
    {
      code: 'CASE_WINDOW_NOT_EXPORTED',
      severity: 'warning',
      message: `No export covers any day of the window ${e.window.from} to ${e.window.to}: the exports cover ${exported.from} to ${exported.to}. The report gives no rate for the window.`,
      hint: `Check --from/--to (or "window" in the case file); the exports cover ${exported.from} to ${exported.to}.`,
    },
  ];
}

/** The report's `withheldCalls` key, only when there is at least one such call (reports before it are unchanged). */
function withheldKey(w: Report['withheldCalls']): { withheldCalls?: NonNullable<Report['withheldCalls']> } {
  return w === undefined ? {} : { withheldCalls: w };
}

/**
 * Whether every export that limits the fully covered days covers a day number: true for every day when no export
 * limits them (diaries only), so a day without contact there is one.
 */
function coveredByEveryExport(e: Report['escalation']): (day: number) => boolean {
  const limiting = (e?.coverage.channels ?? [])
    .filter((c) => c.limits)
    .map((c) => c.spans.map((s) => ({ from: dayNumberOf(s.from), to: dayNumberOf(s.to) })));
  return (day) => limiting.every((spans) => inSpans(spans, day));
}

export { accounting } from './accounting.js';
export { participants } from './participants.js';

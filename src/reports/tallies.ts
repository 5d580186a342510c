/**
 * Figures the human-readable reports (terminal, Markdown, HTML) derive from the same report fields, so every
 * output writes the same numbers and the parts of a line add up to its total:
 *
 * - calls by outcome: a call whose record gives no outcome (a diary row "phone call": `callsWithoutOutcome`) or
 *   gives it as unknown (`byCallStatus.unknown`: a WhatsApp "Voice call, No answer") is counted as "outcome not
 *   recorded", so the outcomes add up to the calls (`byKind.call`); calls not on the phone's own call log count on
 *   their app's channel, so the call channel can be smaller than the calls;
 * - identifiers: the rows that stand for no identifier ("(subject, as recorded)", "(unknown sender)") are listed
 *   but not counted as identifiers, and are said in words where the count is given;
 * - whether the subject was assumed to be every sender other than the victim (no subject identifiers given);
 * - the days without contact the longest gap leaves out, as not every export covers them;
 * - when each milestone of the case file starts, as the case zone's clock reads it.
 */
import { citedFile } from '../model/cited-file.js';
import { milestoneStart } from '../model/escalation-words.js';
import { andList, isPlaceholderIdentifier } from '../model/format.js';
import type { MilestoneAnalysis, Report } from '../model/index.js';
import { subjectIsEveryoneElse } from '../model/subject.js';
import { int, plural } from './format.js';

/** The outcome key of calls whose record does not say how they ended. */
export const OUTCOME_NOT_RECORDED = 'outcome not recorded';

export interface CallTally {
  /** Every call (incidents of kind `call`). */
  readonly total: number;
  /** [outcome, calls]: recorded outcomes largest first (ties by name), then OUTCOME_NOT_RECORDED; sums to total. */
  readonly outcomes: readonly [string, number][];
  /** Calls on the phone's call log (channel `call`) and in apps (every other channel); they sum to total. */
  readonly byPhone: number;
  readonly inApps: number;
}

/** The calls and how they ended, or null when there were no calls. */
export function callTally(i: Report['incidents']): CallTally | null {
  const entries = Object.entries(i.byCallStatus) as [string, number][];
  const recorded = entries.filter(([k]) => k !== 'unknown');
  const recordedSum = recorded.reduce((s, [, n]) => s + n, 0);
  // byCallStatus and callsWithoutOutcome add up to byKind.call; a call outcome on a record of another kind
  // (possible only in an imported timeline) still counts as a call. A report made before callsWithoutOutcome was
  // added lacks it: its calls without an outcome are what byKind.call has beyond byCallStatus.
  const total = Math.max(
    i.byKind.call ?? 0,
    entries.reduce((s, [, n]) => s + n, 0) + (i.callsWithoutOutcome ?? 0),
  );
  if (total === 0) return null;
  const outcomes = recorded.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // "unknown" is the export saying it does not know; a record without an outcome (callsWithoutOutcome) says the
  // same: together they are "outcome not recorded".
  const notRecorded = total - recordedSum;
  if (notRecorded > 0) outcomes.push([OUTCOME_NOT_RECORDED, notRecorded]);
  const byPhone = Math.min(i.byChannel.call ?? 0, total);
  return { total, outcomes, byPhone, inApps: total - byPhone };
}

/** "149 by phone, 18 in apps", "all in apps", or '' when every call was by phone. */
export function callPlaces(t: CallTally): string {
  if (t.inApps === 0) return '';
  return t.byPhone === 0 ? 'all in apps' : `${int(t.byPhone)} by phone, ${int(t.inApps)} in apps`;
}

/** Identifier rows that stand for no identifier, in words ("5 diary entries that name none"). */
export function placeholderWords(row: { identifier: string; incidents: number }): string {
  const n = row.incidents;
  if (row.identifier === '(subject, as recorded)')
    return `${plural(n, 'diary entry', 'diary entries')} that ${n === 1 ? 'names' : 'name'} none`;
  if (row.identifier === '(unknown sender)') return `${plural(n, 'incident')} from an unknown sender`;
  return `${plural(n, 'incident')} under “${row.identifier}”`;
}

export interface IdentifierTally {
  /** Identifiers attributed to the subject, placeholder rows left out. */
  readonly count: number;
  /** The placeholder rows in words, in the order of the table. */
  readonly placeholders: readonly string[];
}

export function identifierTally(r: Report): IdentifierTally {
  return {
    count: r.identifiers.filter((x) => !isPlaceholderIdentifier(x.identifier)).length,
    placeholders: r.identifiers.filter((x) => isPlaceholderIdentifier(x.identifier)).map(placeholderWords),
  };
}

/** ", and 5 diary entries that name none" ('' when every row is an identifier). */
export function placeholderClause(t: IdentifierTally): string {
  return t.placeholders.map((p) => `, and ${p}`).join('');
}

/** "3 identifiers, and 5 diary entries that name none"; `what` goes after "identifiers" ("attributed to …"). */
export function identifierWords(r: Report, what = ''): string {
  const t = identifierTally(r);
  return `${plural(t.count, 'identifier')}${what ? ` ${what}` : ''}${placeholderClause(t)}`;
}

/**
 * Whether no subject was named and every sender other than the victim was counted as the subject (the
 * CASE_SUBJECT_ASSUMED warning): the headline count then includes family, friends and businesses.
 */
export function subjectAssumed(r: Report): boolean {
  return r.problems.some((p) => p.code === 'CASE_SUBJECT_ASSUMED') || subjectIsEveryoneElse(r.case);
}

/** What the headline says when no incident was found because none of the subject's identifiers matched a sender. */
export const NOT_A_FINDING = 'this is not a finding of no contact';

/**
 * The warning CASE_SUBJECT_NOT_FOUND of a report with no incidents: none of the subject's identifiers matched a
 * sender while others wrote (a mistyped --subject), so "no incidents" says nothing of the subject's contact and the
 * headline says why, with the warning's own words (the senders found, the near match), not a clean result.
 */
export function subjectNotFound(r: Report): { why: string; hint: string | undefined } | undefined {
  if (r.incidents.total > 0) return undefined;
  const p = r.problems.find((x) => x.code === 'CASE_SUBJECT_NOT_FOUND');
  return p === undefined ? undefined : { why: midSentence(p.message), hint: p.hint };
}

/** A problem's message to follow a colon: "No sender…" as "no sender…". */
export function midSentence(message: string): string {
  return /^No /.test(message) ? `n${message.slice(1)}` : message;
}

/**
 * The days without contact from the first to the last incident (`quiet`) and, of those, the days not every export
 * that limits the fully covered days holds (`notCovered`, `escalation.coverage`): the longest gap does not count
 * them (analysis/figures.ts), as an export's silence there is no silence in the contact.
 */
function gapCoverage(r: Report): { quiet: number; notCovered: number } {
  const limiting = (r.escalation?.coverage.channels ?? []).filter((c) => c.limits).map((c) => c.spans);
  // ISO dates compare as text.
  const covered = (date: string) =>
    limiting.every((spans) => spans.some((s) => s.from <= date && date <= s.to));
  const quiet = r.incidents.daily.filter((d) => d.count === 0);
  return { quiet: quiet.length, notCovered: quiet.filter((d) => !covered(d.date)).length };
}

/** Said after the longest gap's figure, so it says what it counts. */
export const GAP_COVERED = 'on days every export covers';

/**
 * What the longest gap leaves out, for after its figure: "8 days without contact not counted, as not every export
 * covers them", or, when it leaves out every such day (so it is none), "all 61 days without contact are on days not
 * every export covers"; '' when it counts every day without contact.
 */
export function gapNotCovered(r: Report): string {
  const g = gapCoverage(r);
  if (g.notCovered === 0) return '';
  if (g.notCovered === g.quiet)
    return g.quiet === 1
      ? 'the 1 day without contact is on a day not every export covers'
      : `all ${int(g.quiet)} days without contact are on days not every export covers`;
  return `${plural(g.notCovered, 'day')} without contact not counted, as not every export covers ${g.notCovered === 1 ? 'it' : 'them'}`;
}

type CaseMilestone = Report['case']['milestones'][number];

/** A case milestone and the analysis's row of it are one milestone when they share date and label. */
const sameMilestone = (a: { date: string; label: string }, b: { date: string; label: string }): boolean =>
  a.date === b.date && a.label === b.label;

/** The escalation analysis's row of a case milestone, if the report has it. */
export function analysedMilestone(r: Report, m: CaseMilestone): MilestoneAnalysis | undefined {
  return r.escalation?.milestones.find((x) => sameMilestone(x, m));
}

/** Where the analysis's milestone `m` stands in the case file's list (its key: A, B, …), or −1. */
export function milestoneIndex(r: Report, m: MilestoneAnalysis): number {
  return r.case.milestones.findIndex((x) => sameMilestone(x, m));
}

/**
 * When a case milestone starts, as every report shows it: the local time in the case zone the analysis read it
 * as, the date alone for a milestone without a time of day (`milestoneStart`, as the text report and the findings
 * give it), with the flags saying how a clock change read its time. The case file's `2024-04-20T09:15+02:00` is
 * `2024-04-20 08:15` in Europe/London, like every other time in the reports, never the string as written. A
 * report without the analysis (one made by an older version) shows the date as the case file wrote it.
 */
export function milestoneWhen(
  r: Report,
  m: CaseMilestone,
): { readonly local: string; readonly flags: readonly string[] | undefined } {
  const a = analysedMilestone(r, m);
  return a ? { local: milestoneStart(a), flags: a.startsAtTimeFlags } : { local: m.date, flags: undefined };
}

/**
 * Incoming calls with no number shown (`withheldCalls`) in the words every human-readable report uses: outcomes
 * largest first ("missed 4", "answered 1"), the export's caller labels largest first, and how many of their days
 * also had an incident. Null when there were none.
 */
export interface WithheldTally {
  readonly total: number;
  readonly outcomes: readonly [string, number][];
  readonly callers: readonly [string, number][];
  readonly firstLocal: string;
  readonly lastLocal: string;
  /** "on 3 days, 2 of them with contact from the subject" */
  readonly days: string;
}

export function withheldTally(r: Report): WithheldTally | null {
  const w = r.withheldCalls;
  if (w === undefined) return null;
  const largest = (x: Record<string, number | undefined>) =>
    (Object.entries(x) as [string, number][]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const withContact = w.daysWithIncidents;
  // "Incidents", not "contact from the subject": with no subject named, every other sender's records count. The
  // clause says whose incidents those days also had: "on 32 days, each of them with incidents" read as a heading.
  const whose = subjectIsEveryoneElse(r.case)
    ? 'incidents (records from senders other than the victim, as no subject was named)'
    : `incidents attributed to ${r.case.subject.name ?? 'the subject'}`;
  const days =
    w.days === 1
      ? `on 1 day, which ${withContact === 1 ? 'also had' : 'had no'} ${whose}`
      : `on ${int(w.days)} days, ${withContact === w.days ? 'all' : withContact === 0 ? 'none' : int(withContact)} of which ${withContact === 0 ? 'had' : 'also had'} ${whose}`;
  return {
    total: w.total,
    outcomes: largest(w.byCallStatus).map(([k, n]) => [k === 'unknown' ? OUTCOME_NOT_RECORDED : k, n]),
    callers: largest(w.byCaller),
    firstLocal: w.first.local,
    lastLocal: w.last.local,
    days,
  };
}

/**
 * The calls with no number shown as the Markdown and HTML reports write them, in plain text for the caller to
 * escape whole; `time` writes a local time as the report writes times. Null when there were none.
 */
export function withheldSentence(r: Report, time: (local: string) => string): string | null {
  const w = withheldTally(r);
  const calls = r.withheldCalls;
  if (!w || !calls) return null;
  const place = (e: { file: string; fileTail?: string | undefined; locator: string }) =>
    `${citedFile(e)} ${e.locator}`;
  const when =
    w.total === 1
      ? `On ${time(calls.first.local)} (${place(calls.first)})`
      : `The first on ${time(calls.first.local)} (${place(calls.first)}), the last on ${time(calls.last.local)} (${place(calls.last)})`;
  return [
    `${plural(w.total, 'incoming call')} came from a number the phone did not get (withheld, unknown or payphone): attributed to no one, so not counted as incidents.`,
    `How ${w.total === 1 ? 'it' : 'they'} ended: ${andList(w.outcomes.map(([k, n]) => `${int(n)} ${k}`))}.`,
    `The export names the caller ${andList(w.callers.map(([k, n]) => `“${k}” (${int(n)})`))}.`,
    `${when}, ${w.days}.`,
  ].join(' ');
}

/** The warning the pipeline gives when numbers in national form were met without a region. */
const NATIONAL_WITHOUT_REGION = 'CASE_REGION_NOT_SET';

/**
 * How phone numbers and e-mail addresses were written for comparing, in plain text for every report people read:
 * "One number written two ways counts as one identifier" holds only when every number could be put in
 * international form, with a region or when no number was written in national form. The Markdown showed
 * `+447700900123` for a file's `07700 900123` without saying so, where the HTML said it.
 */
export function numberFormWords(r: Report): string {
  if (r.case.region !== null) {
    return `Phone numbers are written in international form (numbers written without a country code are read as numbers of region ${r.case.region}) and e-mail addresses in lower case, so one number written two ways counts as one identifier.`;
  }
  if (r.problems.some((p) => p.code === NATIONAL_WITHOUT_REGION)) {
    return 'No region was set for phone numbers, so numbers written without a country code (national form) are kept as written: such a number and the same number written with its country code count as two identifiers, and one person’s contacts may be split between them or missed (see Problems). Numbers written with a country code are put in one international form, and e-mail addresses are compared in lower case.';
  }
  return 'Phone numbers are written in international form and e-mail addresses in lower case, so one number written two ways counts as one identifier. No region was set, and none was needed: no phone number was found written in national form, without its country code.';
}

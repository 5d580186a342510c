/**
 * What stderr says after a run (never part of the output): the one-line summary of what was read, kept and
 * rejected, the problems and the files not read when the output has no room for them, and whether everything
 * was read, which --strict asks. `report` and `timeline` say it the same way.
 */
import type { ChalkInstance } from 'chalk';
import { accounting } from '../analysis/index.js';
import { shownOf } from '../model/format.js';
import type { InputSummary, Report } from '../model/index.js';
import type { Timeline } from '../pipeline/index.js';
import { FileNames } from '../reports/file-names.js';
import { bookWords, plural } from '../reports/format.js';
import { notListedNote, type ProblemBook, problemLines, severityText } from '../reports/problem-lines.js';
import { terminalName, terminalSafe } from '../reports/sanitize.js';
import { midSentence } from '../reports/tallies.js';

/** What a run did not turn into events: its problems and the files it did not read. */
export interface Unread extends ProblemBook {
  readonly ignoredFiles: readonly { readonly path: string; readonly reason: string }[];
  /** The files read, when known: a name is told apart from theirs too (reports/file-names.ts). */
  readonly inputs?: readonly {
    readonly path: string;
    readonly archive?: { readonly path: string } | undefined;
  }[];
}

/** What a run read, as the summary tells it: a report has all of it, and so does a timeline (`tallyOf`). */
export interface RunTally extends Unread {
  readonly accounting: Report['accounting'];
  readonly inputs: readonly InputSummary[];
}

/** The problems and files not read of a timeline. */
export function unreadOf(t: Timeline): Unread {
  return {
    problems: t.problems.list,
    problemsOmittedLocations: t.problems.omittedLocations(),
    ignoredFiles: t.ignored,
    inputs: t.inputs,
  };
}

/** The tally of a timeline read for output other than a report (`timeline`): the books a report would have. */
export function tallyOf(t: Timeline): RunTally {
  let incidents = 0;
  for (let i = 0; i < t.events.length; i++) if (t.events.incident(i)) incidents++;
  return { ...unreadOf(t), accounting: accounting(t.inputs, incidents), inputs: t.inputs };
}

/** "2 errors, 1 warning, 1 file not read", or '' when there is nothing to say. */
export function unreadText(r: Unread): string {
  return [
    ...(r.problems.length > 0 ? [severityText(r.problems, r.problemsOmittedLocations)] : []),
    ...(r.ignoredFiles.length > 0 ? [`${plural(r.ignoredFiles.length, 'file')} not read`] : []),
  ].join(', ');
}

/**
 * The one-line summary. `listed` says where the problems and the files not read can be seen: in the report, or
 * above the line (`problemList`), for an output with no room for them.
 */
export function summaryLine(
  r: RunTally,
  c: ChalkInstance,
  out: string | undefined,
  listed: 'in the report' | 'above' = 'in the report',
): string {
  const a = r.accounting;
  // In the reports' terms (bookWords): "events" counts the duplicates too, so it is never the number kept.
  const books = `${plural(a.records, 'record')} from ${plural(a.files, 'file')}: ${bookWords(a, (s) => (a.rejected > 0 ? c.yellow(s) : s))}`;
  const found = unreadText(r);
  const problems = found !== '' ? `; ${found} (listed ${listed})` : '';
  const where = out && out !== '-' ? `; written to ${out}` : '';
  return `${c.dim('chronolog:')} ${books}; ${plural(a.incidents, 'incident')}${problems}${where}\n${notFoundLines(r, c, listed)}`;
}

/**
 * Under the summary, when no incident was found because none of the subject's identifiers matched a sender while
 * others wrote (CASE_SUBJECT_NOT_FOUND): that warning in full, so that "0 incidents" from a mistyped --subject is
 * not taken for a clean result; its hint names the senders found and the near match. '' otherwise, and when the
 * problems are already listed above the summary.
 */
function notFoundLines(r: RunTally, c: ChalkInstance, listed: 'in the report' | 'above'): string {
  if (listed === 'above' || r.accounting.incidents > 0) return '';
  const p = r.problems.find((x) => x.code === 'CASE_SUBJECT_NOT_FOUND');
  if (p === undefined) return '';
  const hint = p.hint === undefined ? '' : `${c.dim('  hint:')} ${terminalSafe(p.hint)}\n`;
  return `${c.dim('chronolog:')} ${c.yellow(`0 incidents is not a finding of no contact: ${terminalSafe(midSentence(p.message))}`)}\n${hint}`;
}

/** Problems listed on stderr at most; the rest are counted. */
const MAX_LISTED = 20;

/**
 * The problems and the files not read, as lines for stderr, for outputs that have no room for them: as `report`
 * and `inspect` show them, at most 20 of each, the rest counted.
 */
export function problemList(r: Unread, c: ChalkInstance): string[] {
  // 20 at most, but never 20 and "1 more problem": the note would take the place of the one it counts.
  const shown = shownOf(r.problems.length, MAX_LISTED);
  // Two files whose names read alike are named apart, as the report names them (reports/file-names.ts).
  const names = new FileNames([
    ...(r.inputs ?? []).flatMap((i) => (i.archive ? [i.path, i.archive.path] : [i.path])),
    ...r.ignoredFiles.map((f) => f.path),
    ...r.problems.flatMap((p) => (p.file ? [p.file] : [])),
  ]);
  const lines = r.problems.slice(0, shown).flatMap((p) => problemLines(p, c, names));
  // Those not listed (beyond 20 here, or beyond 50 of a code), by code, and where each one is given.
  const note = notListedNote(r, shown, undefined, (o) => `chronolog report ${o}`);
  const ignored = r.ignoredFiles;
  if (note) lines.push(c.dim(`  ${note.what} ${note.where}`));
  const listed = shownOf(ignored.length, MAX_LISTED);
  for (const f of ignored.slice(0, listed))
    lines.push(c.dim(`  not read: ${terminalName(f.path, names)} — ${terminalSafe(f.reason)}`));
  if (ignored.length > listed) lines.push(c.dim(`  … and ${ignored.length - listed} more not read`));
  return lines;
}

/**
 * Whether every record of every input was read and used (what --strict asks): nothing rejected, no file read only
 * in part (truncated XML or JSON, a damaged archive) and no other error among the problems.
 */
export function complete(r: RunTally): boolean {
  return (
    r.accounting.rejected === 0 &&
    !r.inputs.some((i) => i.incomplete) &&
    !r.problems.some((p) => p.severity === 'error')
  );
}

/**
 * Why --strict fails a run that wrote its output, for stderr after the summary line: without it the run would end
 * with exit 1 and no word of what --strict found. '' when the run was complete.
 */
export function strictLine(r: RunTally, c: ChalkInstance): string {
  if (complete(r)) return '';
  const partial = r.inputs.filter((i) => i.incomplete).length;
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  const why = [
    ...(r.accounting.rejected > 0 ? [`${plural(r.accounting.rejected, 'record')} rejected`] : []),
    ...(partial > 0 ? [`${plural(partial, 'file')} read only in part`] : []),
    ...(errors > 0 ? [`${plural(errors, 'error')} listed`] : []),
  ];
  return `${c.dim('chronolog:')} exit 1 (--strict): ${why.join(', ')}; the output was written all the same\n`;
}

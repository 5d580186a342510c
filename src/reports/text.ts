/**
 * `--format text`, the default on a terminal: one screen with the period, totals, channels, identifiers and the
 * frequency figures, then the accounting table and any problems. Every string from the data is sanitised:
 * message text and file names can carry terminal escape sequences.
 */
import { listed, shownOf } from '../model/format.js';
import type { Report } from '../model/index.js';
import { archivesOf } from './archives.js';
import { reportCommand } from './command-lines.js';
import { commonFolder, fileColumn, INDENT } from './file-column.js';
import { type FileNames, fileNamesOf } from './file-names.js';
import {
  bookCells,
  bookWords,
  busiestDayText,
  countList,
  dayRange,
  daysOf,
  displayWidth,
  inputMarks,
  int,
  localSpan,
  marked,
  pad,
  pct,
  plural,
  reasonCounts,
  reportTitle,
  timeWithFlags,
  weeklySparkline,
} from './format.js';
import { type PeriodWeek, periodWeeks } from './period-weeks.js';
import { notListedNote, problemLines, severityText } from './problem-lines.js';
import { CI_SPELLED, spellOutFirst } from './reader-words.js';
import type { ReportContext, ReportFormat } from './report.js';
import { terminalSafe as safe, terminalName } from './sanitize.js';
import {
  callPlaces,
  callTally,
  GAP_COVERED,
  gapNotCovered,
  identifierTally,
  NOT_A_FINDING,
  placeholderClause,
  subjectAssumed,
  subjectNotFound,
  withheldTally,
} from './tallies.js';
import { escalationText } from './text-escalation.js';
import { wrapLines } from './wrap-lines.js';

/**
 * The case zone, and when neither the case file nor --tz gave it, that it is this computer's setting: every local
 * time and day count depends on it, and a laptop set to another zone would shift them all without a word.
 */
function zoneWords(r: Report): string {
  return r.case.timezoneSource === 'system' ? `${r.case.timezone}, this computer's zone` : r.case.timezone;
}

function header(r: Report, ctx: ReportContext): string[] {
  const c = ctx.chalk;
  const i = r.incidents;
  const title = safe(reportTitle(r));
  const assumed = subjectAssumed(r);
  const subject = r.case.subject.name && !assumed ? ` attributed to ${safe(r.case.subject.name)}` : '';
  const lines = [c.bold(`chronolog — ${title}`)];
  if (i.total === 0) {
    const missed = subjectNotFound(r);
    if (missed) {
      lines.push(`No incidents found, but ${NOT_A_FINDING}: ${safe(missed.why)} Zone ${zoneWords(r)}.`);
      if (missed.hint) lines.push(c.yellow(safe(missed.hint)));
    } else lines.push(`No incidents found${subject}. Zone ${zoneWords(r)}.`);
    return lines;
  }
  // The daily series runs from the first to the last incident; the escalation window (below) may be longer,
  // so the span is named where its days are counted.
  const days = i.daily.length;
  lines.push(
    `${c.bold('Period')}      ${i.firstLocal} → ${i.lastLocal} (${zoneWords(r)}): ${plural(days, 'day')}, first to last incident`,
  );
  // How to read the first or last time when its record says, on a line of its own (the period line stays
  // within the screen), in the chronology's words: "2024-02-10 14:00 (time approximate, time given as a range)".
  const notes = [
    ...(i.firstTimeFlags?.length ? [timeWithFlags(i.firstLocal!, i.firstTimeFlags)] : []),
    ...(i.lastTimeFlags?.length ? [timeWithFlags(i.lastLocal!, i.lastTimeFlags)] : []),
  ];
  if (notes.length > 0) lines.push(`            ${safe(notes.join('; '))}`);
  lines.push(
    `${c.bold('Incidents')}   ${c.bold(int(i.total))}${subject}; contact on ${daysOf(i.daysWithContact, days)} (${pct(i.daysWithContact / days)})`,
  );
  // Without subject identifiers the count includes family, friends and businesses: say so at the figure.
  if (assumed) lines.push(`            ${ASSUMED_TEXT}`);
  return lines;
}

/** What the headline counts when no subject was named (the CASE_SUBJECT_ASSUMED warning), and what to do. */
const ASSUMED_TEXT = 'counted from every sender other than the victim; name the subject with --subject ID';

function figures(r: Report, ctx: ReportContext): string[] {
  const c = ctx.chalk;
  const i = r.incidents;
  if (i.total === 0) return [];
  const lines = [
    '',
    `${c.bold('Channels')}    ${countList(i.byChannel)}`,
    `${c.bold('Kinds')}       ${countList(i.byKind)}`,
  ];
  const calls = callTally(i);
  if (calls) {
    const outcomes = calls.outcomes.map(([k, n]) => `${k} ${int(n)}`).join(' · ');
    const where = callPlaces(calls);
    lines.push(`${c.bold('Calls')}       ${int(calls.total)}: ${outcomes}${where ? `  (${where})` : ''}`);
  }
  const ids = identifierTally(r);
  lines.push(`${c.bold('Identifiers')} ${int(ids.count)}${placeholderClause(ids)}`);
  // Eight at most, but never "and 1 more": that line would take the place of the one it counts.
  const { shown, more } = listed(r.identifiers, 8);
  const w = Math.max(...shown.map((row) => displayWidth(safe(row.identifier))));
  // Dates only here: a note on how to read the time (approximate, a range) would say nothing about the date,
  // but one on the date itself (read from a spreadsheet number, far from the received date) is given.
  const day = (local: string | null, flags: readonly string[] | undefined) =>
    local === null
      ? '–'
      : timeWithFlags(
          local.slice(0, 10),
          flags?.filter((f) => f.startsWith('date-')),
        );
  for (const row of shown) {
    lines.push(
      `  ${pad(safe(row.identifier), w)}  ${pad(int(row.incidents), 6, true)}  ${day(row.firstLocal, row.firstTimeFlags)} → ${day(row.lastLocal, row.lastTimeFlags)}  ${row.channels.join(', ')}`,
    );
  }
  if (more > 0) lines.push(`  … and ${more} more`);
  lines.push(
    `${c.bold('Busiest day')} ${busiestDayText(i.maxPerDay)}`,
    `${c.bold('Night')}       ${nightLine(i.night)}`,
    `${c.bold('Streak')}      longest run of contact days: ${plural(i.longestStreak.days, 'day')}${i.longestStreak.from ? ` (${dayRange(i.longestStreak.from, i.longestStreak.to!, ' → ')})` : ''}`,
    `${c.bold('Gap')}         ${gapLine(r)}`,
    `${c.bold('Weekly')}      ${weeklyText(periodWeeks(r), Math.max(10, ctx.width - 14))}`,
  );
  return lines;
}

/**
 * Incoming calls with no number shown, apart from the incidents (analysis/withheld-calls.ts): how many and how they
 * ended, then the export's labels for the caller, when, and on how many days, with the subject's contact or not.
 */
function withheldLines(r: Report, ctx: ReportContext): string[] {
  const w = withheldTally(r);
  if (!w) return [];
  const list = (x: readonly [string, number][]) => x.map(([k, n]) => `${safe(k)} ${int(n)}`).join(' · ');
  return [
    ...(r.incidents.total === 0 ? [''] : []),
    `${ctx.chalk.bold('Withheld')}    ${plural(w.total, 'incoming call')} with no number shown, not counted as incidents: ${list(w.outcomes)}`,
    // A sentence, not "Withheld number 50; …", which read as a heading: what the export calls the caller, then when.
    `            the export names the caller ${w.callers.map(([k, n]) => `“${safe(k)}”${w.callers.length > 1 ? ` (${int(n)})` : ''}`).join(', ')}: ${plural(w.total, 'call')}, ${localSpan(w.firstLocal, w.lastLocal, ' → ')}, ${w.days}`,
  ];
}

/**
 * "120 of 689 timed incidents (17%) were between 00:00 and 05:59": the share beside the counts it is of, and the
 * hours after them, so the sentence says which incidents fell at night. "120 of 689 timed incidents between 00:00
 * and 05:59" read as all 689 falling at night. The verb follows the count: "1 of 4 timed incidents (25%) was". With
 * no time of day on any incident (a diary of dates) there is no share to give: "0 of 0 … (–)" said so in figures.
 */
function nightLine(n: Report['incidents']['night']): string {
  if (n.eligible === 0) return 'no incident has a time of day to place between 00:00 and 05:59';
  return `${int(n.count)} of ${plural(n.eligible, 'timed incident')} (${pct(n.share)}) ${n.count === 1 ? 'was' : 'were'} between 00:00 and 05:59`;
}

/** The weekly sparkline folded to `width` marks, then its legend. */
function weeklyText(weekly: readonly PeriodWeek[], width: number): string {
  const { marks, legend } = weeklySparkline(weekly, width);
  return `${marks}  (${legend})`;
}

/**
 * "longest run without contact: 2 days (2024-01-21 → 2024-01-22)"; where days without contact fall on days not
 * every export covers, which the figure leaves out, it says so and how many ("… on days every export covers: none;
 * all 61 days without contact are on days not every export covers").
 */
function gapLine(r: Report): string {
  const g = r.incidents.longestGap;
  const left = gapNotCovered(r);
  const value =
    left && g.days === 0
      ? 'none'
      : `${plural(g.days, 'day')}${g.from ? ` (${dayRange(g.from, g.to!, ' → ')})` : ''}`;
  return left
    ? `longest run without contact ${GAP_COVERED}: ${value}; ${left}`
    : `longest run without contact: ${value}`;
}

function accounting(r: Report, ctx: ReportContext): string[] {
  const c = ctx.chalk;
  const a = r.accounting;
  // Files usually share a folder: name it once in the heading and show paths below it.
  const prefix = commonFolder(r.inputs.map((inp) => inp.path));
  // Two files whose names read alike are named apart wherever a file is named (file-names.ts).
  const fileNames = fileNamesOf(r);
  const names = r.inputs.map((inp) => terminalName(inp.path.slice(prefix.length), fileNames));
  const marks = r.inputs.map((inp) => marked(inp, (m) => `(${m})`));
  const head = ['file', 'format', 'records', 'kept', 'duplicate', 'skipped', 'rejected'];
  const total = ['total', '', ...bookCells(a)];
  const rest = [head, ...r.inputs.map((inp) => ['', inp.format, ...bookCells(inp)]), total];
  const widths = head.map((_, k) => Math.max(...rest.map((row) => displayWidth(row[k]!))));
  const maxPath = Math.max(12, ctx.width - widths.slice(1).reduce((s, x) => s + x + 2, 2));
  // Names too long for the column are shortened in the middle, each, read as start…end, fitting its own file alone;
  // those of two downloads holding the same paths go under a line naming their download (file-column.ts).
  const column = fileColumn(names, maxPath, ctx.width);
  // A file read only in part is marked after its name when every such name fits whole with its mark; else each
  // mark has a line of its own below the file's row, so that no name is shortened to make room for it.
  const beside = column.whole.every((n, i) => marks[i] === '' || n.length + 1 + marks[i]!.length <= maxPath);
  const short = column.cells;
  const rows = r.inputs.map((inp, i) => [
    beside && marks[i] ? `${short[i]} ${marks[i]}` : short[i]!,
    inp.format,
    ...bookCells(inp),
  ]);
  widths[0] = Math.min(maxPath, Math.max(...[head, ...rows, total].map((row) => displayWidth(row[0]!))));
  const fmt = (row: string[]) =>
    `  ${row.map((cell, k) => (k < 2 ? pad(cell, k === 0 ? widths[0]! : Math.min(widths[k]!, 99)) : pad(cell, widths[k]!, true))).join('  ')}`;
  // Below the name, indented as far as the name is and two more.
  const below = (i: number) =>
    !beside && marks[i] ? [`    ${column.indented[i] ? INDENT : ''}${marks[i]}`] : [];
  const heading = (i: number) => {
    const h = column.headings[i];
    return h === undefined ? [] : [`  ${h}`];
  };
  const lines = [
    '',
    c.bold(
      `Accounting  ${plural(a.records, 'record')} read from ${plural(a.files, 'file')}${prefix ? ` in ${safe(prefix)}` : ''}: ${bookWords(a)}`,
    ),
  ];
  // A name given whole because no shortening of it fits its file alone has a line of its own above its row, so
  // the numbers of every row stay under their headings.
  const rowLines = (row: string[]) =>
    displayWidth(row[0]!) > widths[0]! ? [`  ${row[0]}`, fmt(['', ...row.slice(1)])] : [fmt(row)];
  lines.push(
    c.dim(fmt(head)),
    ...rows.flatMap((row, i) => [...heading(i), ...rowLines(row), ...below(i)]),
    c.dim(fmt(total)),
  );
  // The archive a file was read from, hashed whole: what an evidence log records for the download.
  for (const z of archivesOf(r.inputs)) {
    const shown = z.path.startsWith(prefix) ? z.path.slice(prefix.length) : z.path;
    lines.push(c.dim(`  read from inside ${terminalName(shown, fileNames)}, SHA-256 ${z.sha256}`));
  }
  for (const m of inputMarks(r.inputs)) lines.push(c.yellow(`  ${m.mark}: ${m.means}`));
  // Why records were skipped or rejected, summed over the files in one line, so the screen does not grow with
  // the number of files (the HTML, Markdown and JSON reports give them per file).
  const sum = (pick: (i: Report['inputs'][number]) => Record<string, number>) => {
    const all: Record<string, number> = {};
    for (const inp of r.inputs) for (const [k, n] of Object.entries(pick(inp))) all[k] = (all[k] ?? 0) + n;
    return reasonCounts(all);
  };
  const why = [
    ['skipped', sum((i) => i.skippedReasons)],
    ['rejected', sum((i) => i.rejectedReasons)],
  ].filter(([, v]) => v !== '');
  if (why.length > 0) lines.push(c.dim(`  ${why.map(([k, v]) => `${k}: ${safe(v!)}`).join('; ')}`));
  // Files that are not exports are listed by reason, one line each, so a folder of photos stays one line.
  const notRead = new Map<string, string[]>();
  for (const f of r.ignoredFiles) notRead.set(f.reason, [...(notRead.get(f.reason) ?? []), f.path]);
  for (const [reason, paths] of notRead)
    lines.push(c.dim(`  not read: ${namedFiles(paths, fileNames)} — ${safe(reason)}`));
  return lines;
}

/** Files named in full on one "not read" line; beyond that, the rest is a count (the JSON lists every one). */
const NAMED_FILES = 5;

/**
 * The files of one "not read" reason: each named when there are at most NAMED_FILES (a chat with a few photos
 * names every photo, so the reader can tell which ones they were), else the first ones and how many more — never
 * "and 1 more", which would leave one file unnamed where naming it takes no more room.
 */
function namedFiles(paths: readonly string[], names: FileNames): string {
  const { shown, more } = listed(paths, NAMED_FILES - 1);
  const named = shown.map((p) => terminalName(p, names)).join(', ');
  return more > 0 ? `${named} and ${more} more` : named;
}

function problems(r: Report, ctx: ReportContext): string[] {
  const c = ctx.chalk;
  if (r.problems.length === 0) return [];
  const lines = ['', c.bold(`Problems  ${severityText(r.problems, r.problemsOmittedLocations)}`)];
  // Twelve at most, but never twelve and "1 more problem": the note would take the place of the one it counts.
  const shown = shownOf(r.problems.length, 12);
  for (const p of r.problems.slice(0, shown)) lines.push(...problemLines(p, c, fileNamesOf(r)));
  const note = notListedNote(r, shown, safe);
  if (note) lines.push(c.dim(`  ${note.what}`), c.dim(`    ${note.where}`));
  return lines;
}

export const text: ReportFormat = {
  id: 'text',
  label: 'One-screen summary for the terminal',
  render(r, ctx) {
    const lines = [
      ...header(r, ctx),
      ...figures(r, ctx),
      ...withheldLines(r, ctx),
      ...escalationText(r, ctx),
      ...accounting(r, ctx),
      ...problems(r, ctx),
      '',
      // The whole command, as the no-subject hint gives one: the paths and options this report was made with.
      ctx.chalk.dim(`For the full report to share: ${reportCommand(r, 'html', 'report.html')}`),
    ];
    // The first "95% CI" after the header spelled out, as every report people read says it once in full.
    const at = lines.findIndex((l, k) => k > 0 && l.includes('95% CI'));
    if (at > 0) lines[at] = spellOutFirst(lines[at]!, '95% CI', CI_SPELLED);
    const wrapAt = ctx.wrapAt;
    // On a terminal, one last pass breaks each line wider than it (wrap-lines.ts); to a file or pipe, every line
    // stays whole, so the output does not depend on a terminal's width and grep finds a sentence on one line.
    return `${(wrapAt === undefined ? lines : wrapLines(lines, wrapAt)).join('\n')}\n`;
  },
};

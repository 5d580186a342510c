/**
 * `--format markdown`: the report as tables and text, for pasting into a statement or an e-mail to an officer.
 * Renders on common Markdown viewers (GitHub, GitLab, most mail clients' Markdown). Every value from the data is
 * escaped so message text cannot inject links, HTML or formatting; what the tool adds after a message in the
 * chronology is in italics, which escaped text cannot produce.
 */

import { fileTails } from '../model/cited-file.js';
import type { Report } from '../model/index.js';
import { isTimeFlag } from '../model/time-flags.js';
import { ARCHIVE_NOTE, archivesOf } from './archives.js';
import { reportCommand } from './command-lines.js';
import { duplicatesNote, markdownCode } from './duplicates-command.js';
import { fileNamesOf } from './file-names.js';
import {
  accountingWords,
  bookCells,
  busiestDayText,
  dayRange,
  daysOf,
  duplicatesCited,
  inputMarks,
  int,
  marked,
  pct,
  plural,
  reasonCounts,
  reportTitle,
  timeWithFlags,
  weeklySparkline,
} from './format.js';
import {
  detailPairs,
  dstWrittenTimes,
  flagLabel,
  kindWithOutcome,
  lexiconLabels,
  lexiconNote,
  timeNotes,
} from './labels.js';
import { escalationSection } from './markdown-escalation.js';
import { type PeriodWeek, periodWeeks } from './period-weeks.js';
import { notListedNote } from './problem-lines.js';
import { CI_SPELLED, glossaryRows, SDASH_SPELLED, spellOutFirst } from './reader-words.js';
import type { ReportFormat } from './report.js';
import { LINE_BREAK, LINE_BREAKS, markdownLines, markdownName, markdownEscape as md } from './sanitize.js';
import {
  callPlaces,
  callTally,
  GAP_COVERED,
  gapNotCovered,
  identifierWords,
  milestoneWhen,
  NOT_A_FINDING,
  numberFormWords,
  subjectAssumed,
  subjectNotFound,
  withheldSentence,
} from './tallies.js';

function table(head: string[], rows: string[][], align: ('l' | 'r')[] = []): string[] {
  const sep = head.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function countRows(record: Partial<Record<string, number>>): string[][] {
  return (Object.entries(record) as [string, number][])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => [md(k), int(v)]);
}

/** "Sam Carter (+447700900123, Sam)", as the HTML header names a person. */
function person(p: Report['case']['subject']): string {
  const name = p.name ? md(p.name) : '';
  const ids = p.identifiers.map((x) => md(x)).join(', ');
  return name && ids ? `${name} \\(${ids}\\)` : name || ids || '–';
}

/** Who, which zone and when, as the HTML page's header gives them: a Markdown report pasted alone had none. */
function headerLines(r: Report): string[] {
  const subject = subjectAssumed(r)
    ? 'not named: every sender other than the victim is counted'
    : person(r.case.subject);
  return [
    `- **Subject:** ${subject}`,
    `- **Victim:** ${person(r.case.victim)}`,
    `- **Time zone:** ${md(r.case.timezone)}${r.case.tzdata ? ` \\(tz database ${md(r.case.tzdata)}\\)` : ''}`,
    `- **Generated:** ${md(r.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''))} UTC by ${md(r.generator.name)} ${md(r.generator.version)}`,
    '',
  ];
}

/** The accounting's words, as the README defines them: five lines and a heading, near the top. */
function glossary(r: Report): string[] {
  return [
    '**Words used in this report**',
    '',
    ...glossaryRows(r).map(([k, v]) => `- **${k}:** ${md(v)}`),
    '',
  ];
}

export function summarySection(r: Report): string[] {
  const i = r.incidents;
  const out = [`# ${md(reportTitle(r))}`, '', ...headerLines(r)];
  const subject = r.case.subject.name ? ` attributed to ${md(r.case.subject.name)}` : '';
  if (i.total === 0) {
    const missed = subjectNotFound(r);
    if (missed) {
      out.push(`**No incidents found, but ${NOT_A_FINDING}:** ${md(missed.why)}`, '');
      if (missed.hint) out.push(md(missed.hint), '');
    } else out.push(`No incidents found${subject}.`, '');
    return out;
  }
  // Without subject identifiers every sender but the victim was counted: the headline says so, and where to name
  // the subject (never "in the case file" in a run that had none).
  const who = subjectAssumed(r)
    ? ` counted from every sender other than the victim, as no subject was named (name the subject with \`--subject ID\`${r.case.caseFile ? ' or in the case file' : ''} to count only their contacts),`
    : subject;
  out.push(
    `**${plural(i.total, 'incident')}**${who} between ${timeWithFlags(i.firstLocal!, i.firstTimeFlags, md)} and ${timeWithFlags(i.lastLocal!, i.lastTimeFlags, md)} (${md(r.case.timezone)}), on ${daysOf(i.daysWithContact, i.daily.length)} from first to last incident (${pct(i.daysWithContact / i.daily.length)}), through ${plural(Object.keys(i.byChannel).length, 'channel')} and ${md(identifierWords(r))}.`,
    '',
    `Accounting: ${accountingWords(r.accounting)}`,
    '',
    ...glossary(r),
  );
  if (r.case.milestones.length) {
    out.push(
      '## Milestones',
      '',
      ...table(
        ['Date', 'Milestone'],
        // When it starts in the case zone, as the other times here (never the case file's string as written).
        r.case.milestones.map((m) => {
          const when = milestoneWhen(r, m);
          return [timeWithFlags(when.local, when.flags, md), md(m.label)];
        }),
      ),
      '',
    );
  }
  return out;
}

/** Calls by outcome, every call counted once (a record without an outcome as "outcome not recorded"). */
function callRows(i: Report['incidents']): string[] {
  const calls = callTally(i);
  if (!calls) return [];
  const where = callPlaces(calls);
  return [
    ...table(
      ['Call outcome', 'Calls'],
      [...calls.outcomes.map(([k, n]) => [md(k), int(n)]), ['**Total**', `**${int(calls.total)}**`]],
      ['l', 'r'],
    ),
    '',
    ...(where ? [`Of the ${plural(calls.total, 'call')}, ${where}.`, ''] : []),
  ];
}

/**
 * The longest gap: "2 days (2024-01-21 – 2024-01-22)", and where it leaves out days without contact that not every
 * export covers, that it counts the days every export covers and how many it leaves out.
 */
function gapCell(r: Report): string {
  const g = r.incidents.longestGap;
  const left = gapNotCovered(r);
  const run = `${plural(g.days, 'day')}${g.from ? ` (${dayRange(g.from, g.to!, ' – ')})` : ''}`;
  if (!left) return run;
  return `${g.days === 0 ? 'none' : run} ${GAP_COVERED}; ${left}`;
}

/** Incoming calls with no number shown, apart from the incidents (tallies.ts says it alike in every report). */
function withheldParagraph(r: Report): string[] {
  const s = withheldSentence(r, (local) => local);
  return s === null ? [] : [`**Calls with no number shown.** ${markdownName(s, fileNamesOf(r))}`, ''];
}

export function frequencySection(r: Report): string[] {
  const i = r.incidents;
  if (i.total === 0) return [];
  return [
    '## Channels and kinds',
    '',
    ...table(['Channel', 'Incidents'], countRows(i.byChannel), ['l', 'r']),
    '',
    ...table(['Kind', 'Incidents'], countRows(i.byKind), ['l', 'r']),
    '',
    ...callRows(i),
    ...withheldParagraph(r),
    '## Identifiers used',
    '',
    `${md(identifierWords(r, subjectAssumed(r) ? 'of senders other than the victim (no subject was named)' : 'attributed to the subject'))}:`,
    '',
    ...table(
      ['Identifier', 'Incidents', 'First used', 'Last used', 'Channels', 'Names shown in the exports'],
      r.identifiers.map((row) => [
        md(row.identifier),
        int(row.incidents),
        row.firstLocal ? timeWithFlags(row.firstLocal, row.firstTimeFlags, md) : '',
        row.lastLocal ? timeWithFlags(row.lastLocal, row.lastTimeFlags, md) : '',
        row.channels.join(', '),
        // The names the exports give the identifier, as the HTML table lists them: written by whoever saved the
        // contact (or chose the account name), so escaped like message text.
        row.names.length ? row.names.map(md).join(', ') : '–',
      ]),
      ['l', 'r'],
    ),
    '',
    // As the HTML's method says it: the identifiers and the chronology's senders are shown as compared.
    `${md(numberFormWords(r))} The chronology shows senders in the same form.`,
    '',
    '## Frequency',
    '',
    ...table(
      ['Figure', 'Value'],
      [
        ['Days with contact', `${daysOf(i.daysWithContact, i.daily.length)} from first to last incident`],
        ['Busiest day', busiestDayText(i.maxPerDay)],
        [
          'Night-time (00:00–05:59)',
          `${int(i.night.count)} of ${plural(i.night.eligible, 'timed incident')} (${pct(i.night.share)})`,
        ],
        [
          'Longest run of contact days',
          `${plural(i.longestStreak.days, 'day')}${i.longestStreak.from ? ` (${dayRange(i.longestStreak.from, i.longestStreak.to!, ' – ')})` : ''}`,
        ],
        ['Longest gap without contact', gapCell(r)],
      ],
    ),
    '',
    weeklyMarkdown(periodWeeks(r)),
    '',
  ];
}

/** The weekly sparkline as the text report draws it (part weeks named, not drawn as a drop), one mark a week. */
function weeklyMarkdown(weekly: readonly PeriodWeek[]): string {
  const { marks, legend } = weeklySparkline(weekly);
  return `Weekly incidents: \`${marks}\` (${legend})`;
}

export function evidenceSection(r: Report): string[] {
  // Two files whose names read alike are named apart wherever a file is named (file-names.ts).
  const names = fileNamesOf(r);
  const out = [
    '## Evidence and method',
    '',
    ...table(
      ['File', 'SHA-256', 'Format', 'Records', 'Kept', 'Duplicates', 'Skipped', 'Rejected'],
      [
        ...r.inputs.map((x) => [
          markdownName(x.path, names) + marked(x, (m) => ` **(${m})**`),
          `\`${x.sha256}\``,
          x.format,
          int(x.records),
          int(x.kept),
          int(x.duplicates),
          int(x.skipped),
          int(x.rejected),
        ]),
        ['**Total**', '', '', ...bookCells(r.accounting).map((v) => `**${v}**`)],
      ],
      ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
  ];
  for (const m of inputMarks(r.inputs)) {
    out.push(
      `${m.count === 1 ? 'A file' : plural(m.count, 'file')} marked “${m.mark}” ${m.count === 1 ? m.one : m.many}: ${m.means} (see Problems).`,
      '',
    );
  }
  const archives = archivesOf(r.inputs);
  if (archives.length > 0)
    out.push(
      ARCHIVE_NOTE,
      '',
      ...archives.map(
        (z) => `- ${markdownName(z.path, names)}: SHA-256 \`${z.sha256}\`, ${int(z.bytes)} bytes`,
      ),
      '',
    );
  const why = r.inputs.flatMap((x) => {
    const parts = [
      ['skipped', reasonCounts(x.skippedReasons, x.skippedAt, md)],
      ['rejected', reasonCounts(x.rejectedReasons, undefined, md)],
    ].filter(([, v]) => v !== '');
    return parts.length
      ? [`- ${markdownName(x.path, names)}: ${parts.map(([k, v]) => `${k} ${v}`).join('; ')}`]
      : [];
  });
  if (why.length) out.push('Skipped and rejected records by reason:', '', ...why, '');
  // The file kept in is cited as a sentence of the report cites one: the end of its path that no other input's
  // path ends with (model/cited-file.ts), found whole in the table above.
  const tails = fileTails(r.inputs.map((x) => x.path));
  const copies = r.inputs.flatMap((x) =>
    x.duplicatesAt
      ? [
          `- ${markdownName(x.path, names)}: duplicates ${int(x.duplicates)} (${duplicatesCited(x.duplicatesAt, x.duplicates, (p) => markdownName(tails.get(p) ?? p, names), md)})`,
        ]
      : [],
  );
  if (copies.length)
    out.push(
      'Duplicates, with the copy kept of each:',
      '',
      ...copies,
      '',
      duplicatesNote(r, markdownCode),
      '',
    );
  if (r.ignoredFiles.length) {
    out.push(
      'Files not read:',
      '',
      ...r.ignoredFiles.map((f) => `- ${markdownName(f.path, names)} — ${md(f.reason)}`),
      '',
    );
  }
  out.push(
    `Generated by chronolog ${md(r.generator.version)} at ${r.generatedAt}. Time zone ${md(r.case.timezone)} (${ZONE_SOURCE[r.case.timezoneSource] ?? md(r.case.timezoneSource)}); tz database ${md(r.case.tzdata ?? 'unknown')}.`,
    // As the README's accounting defines them: duplicates are events, not a fourth outcome beside them.
    'Every record read is an event, skipped (not a contact, e.g. a system notice) or rejected (with its location): records = events + skipped + rejected. An event found in more than one file is kept once and its other copies are duplicates: events = kept + duplicates.',
    '',
    // The JSON report is made first: the Markdown alone has no SHA-256 list for verify to read.
    `To check that the files you hold are the files this report was made from, first make the JSON report with the same files and options, ${markdownCode(reportCommand(r, 'json', 'report.json'))}, then run \`chronolog verify report.json\` in the folder the report was made from (or add \`--root FOLDER\`): the JSON report lists every input with its SHA-256.`,
    '',
  );
  if (r.problems.length) {
    out.push(
      '## Problems',
      '',
      ...table(
        ['Severity', 'Code', 'Where', 'Problem', 'What to do'],
        r.problems.map((p) => [
          p.severity,
          // The code, as the HTML and JSON reports give it: what to search the README and issues for.
          `\`${p.code}\``,
          markdownName(`${p.file ?? ''}${p.locator ? `:${p.locator}` : ''}`, names),
          // A message or hint may name a file ("times in chat.md are …"): named as the file's own cell names it.
          markdownName(p.message, names),
          // The hint the terminal and the HTML report give too.
          p.hint ? markdownName(p.hint, names) : '',
        ]),
      ),
      '',
    );
    const note = notListedNote(r, r.problems.length, md, (o) => `\`${o}\``);
    if (note) out.push(`${note.what} ${note.where}`, '');
  }
  return out;
}

// The chronology's line-break mark, shared with the escalation section's quotes (sanitize.ts).
export { LINE_BREAK, markdownLines } from './sanitize.js';

export function chronologySection(r: Report): string[] {
  if (!r.chronology?.length) return [];
  const written = dstWrittenTimes(r.problems);
  const labels = lexiconLabels(r);
  const names = fileNamesOf(r);
  type Row = NonNullable<Report['chronology']>[number];
  // What the tool writes after a message's text: the record's details by name, its notes and the lexicon
  // categories the text matches (the incidents "Words in the messages" counts). Each is marked in italics written
  // after the escaping, a detail by its name, the notes and the categories whole: a message's own `*` and `_` are
  // escaped, so no text written by the person reported can read as one of them. A detail's value is data (an
  // e-mail's subject, a diary's location), escaped as the text is.
  const annotations = (c: Row): string[] => {
    const other = c.flags.filter((f) => !isTimeFlag(f)).map(flagLabel);
    const lexicon = lexiconNote(c, labels);
    return [
      ...detailPairs(c.details ?? null).map(([k, v]) => `*${md(k)}:* ${markdownLines(v)}`),
      ...(other.length ? [`*(${md(other.join(', '))})*`] : []),
      ...(lexicon ? [`*${md(lexicon)}*`] : []),
    ];
  };
  const textCell = (c: Row) => {
    const text = markdownLines(c.text ?? '');
    const after = annotations(c).join('; ');
    return after ? `${text}${c.text ? ' — ' : ''}${after}` : text;
  };
  // The first detail name and the first note in the chronology, as the examples the note above the table gives.
  const firstDetail = r.chronology
    .map((c) => detailPairs(c.details ?? null)[0]?.[0])
    .find((k) => k !== undefined);
  const firstNote = r.chronology.map((c) => c.flags.find((f) => !isTimeFlag(f))).find((f) => f !== undefined);
  // Each said only when what it explains is shown, so a chronology without it reads as before.
  const note = [
    ...(r.chronology.some(
      (c) =>
        LINE_BREAKS.test(c.text ?? '') || detailPairs(c.details ?? null).some(([, v]) => LINE_BREAKS.test(v)),
    )
      ? [`A line break inside a message is shown as ${LINE_BREAK}.`]
      : []),
    ...(firstDetail !== undefined || firstNote !== undefined
      ? [
          `A message's text is followed by ${[
            ...(firstDetail !== undefined
              ? [`the record's details, each named in italics (*${md(firstDetail)}:* …)`]
              : []),
            ...(firstNote !== undefined
              ? [`notes on the record, in italics and brackets (*(${md(flagLabel(firstNote))})*)`]
              : []),
          ].join(', and by ')}. The text of a message is never in italics.`,
        ]
      : []),
    ...(r.chronology.some((c) => Array.isArray(c.lexicon) && c.lexicon.length > 0)
      ? [
          'A text that matches terms of the content lexicon is followed by the categories it matches, in italics (*Lexicon: …*); those inside the analysis window are the incidents counted in "Words in the messages".',
        ]
      : []),
  ];
  if (note.length) note.push('');
  return [
    '## Chronology of incidents',
    '',
    ...note,
    ...table(
      ['Local time', 'Channel', 'Kind', 'From', 'Text', 'Source'],
      r.chronology.map((c) => {
        // How exact the time is belongs next to the time; the rest of the notes and details after the text.
        const times = timeNotes(c, written);
        return [
          times.length ? `${c.local} (${md(times.join(', '))})` : c.local,
          c.channel,
          kindWithOutcome(c),
          // The name the export shows beside the identifier, as the HTML chronology gives it; written by whoever
          // saved the contact, so escaped (its brackets too, so no link can form around the parentheses).
          c.senderName && c.senderName !== c.sender ? `${md(c.sender)} (${md(c.senderName)})` : md(c.sender),
          textCell(c),
          // The name alone, as it is given whole (the locator holds none): a search through every name that reads
          // alike another for each row made a chronology of 10,000 such files take 30 s more.
          `${markdownName(c.file, names)} ${md(c.locator)}`,
        ];
      }),
    ),
    '',
  ];
}

/** Where the case zone came from, in words: "(case-file)" was the JSON's code. */
const ZONE_SOURCE: Readonly<Record<string, string>> = {
  'case-file': 'from the case file',
  option: 'from the command line',
  system: 'from the computer’s setting',
};

/** `text` as a code span: fenced with two backticks when it holds one (a path may). */
/**
 * The report with the first "95% CI" and "S-DASH" after the title spelled out: a reader meets each once in full.
 */
function spelledOut(s: string): string {
  const cut = s.indexOf('\n');
  let body = s.slice(cut);
  body = spellOutFirst(body, '95% CI', md(CI_SPELLED));
  body = spellOutFirst(body, 'S-DASH', md(SDASH_SPELLED));
  return s.slice(0, cut) + body;
}

export const markdown: ReportFormat = {
  id: 'markdown',
  label: 'Markdown, for statements and e-mails',
  needsChronology: true,
  render: (r) =>
    spelledOut(
      `${[...summarySection(r), ...frequencySection(r), ...escalationSection(r), ...evidenceSection(r), ...chronologySection(r)].join('\n').trimEnd()}\n`,
    ),
};

/**
 * `chronolog inspect PATHS…`: what will be read, before any report — formats, records, participants, date
 * ranges and problems — so a person can check the folder and pick the subject's identifiers.
 */
import { participants } from '../../analysis/index.js';
import type { ToolError } from '../../model/errors.js';
import { shownOf } from '../../model/format.js';
import type { Inspect } from '../../model/inspect.js';
import { archivesOf } from '../../reports/archives.js';
import { FileNames } from '../../reports/file-names.js';
import { int, plural } from '../../reports/format.js';
import { notListedNote, problemLines, severityText } from '../../reports/problem-lines.js';
import { terminalSafe as safe, terminalName } from '../../reports/sanitize.js';
import type { Environment } from '../environment.js';
import { refuseFormatFlag } from '../format-flag.js';
import { renderError } from '../messages.js';
import { type ReadFlags, readInputs } from '../read.js';

/** Problems listed on the terminal; the JSON gives the file and location of every one. */
const MAX_PROBLEMS = 30;

export interface InspectFlags extends ReadFlags {
  readonly format: 'text' | 'json';
}

export async function inspectCommand(
  paths: string[],
  flags: InspectFlags,
  env: Environment,
): Promise<number> {
  refuseFormatFlag('inspect', flags.format, undefined, paths, flags);
  // Shows what it found even when no report could be made from it; the reason follows on stderr, exit 1.
  const { timeline: t, kase, failure } = await readInputs(paths, { ...flags, command: 'inspect' }, env, true);
  const c = env.stdoutChalk;
  // Each file's own first and last event, duplicates included: what the file holds, not only what was kept.
  // A record that gives only a date (a diary's letter) is shown by its date: 00:00 would make up a time.
  const local = (ms: number | undefined, day = false) =>
    ms === undefined ? null : t.zone.localText(ms, day ? 'day' : 'min');
  const people = participants(t.events);
  const data: Inspect = {
    schemaVersion: 1,
    case: {
      timezone: kase.timezone,
      timezoneSource: kase.timezoneSource,
      region: kase.region ?? null,
      caseFile: kase.caseFile?.path ?? null,
      subject: [...kase.subject.identifiers],
      victim: [...kase.victim.identifiers],
    },
    inputs: t.inputs.map((i, k) => ({
      ...i,
      firstLocal: local(t.spans[k]?.first, t.spans[k]?.firstDay),
      lastLocal: local(t.spans[k]?.last, t.spans[k]?.lastDay),
    })),
    ignoredFiles: t.ignored,
    participants: people,
    problems: t.problems.list,
    problemsOmitted: Object.fromEntries([...t.problems.omitted].sort(([x], [y]) => (x < y ? -1 : 1))),
    problemsOmittedLocations: t.problems.omittedLocations(),
  };
  if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return done(failure, env);
  }
  // Two files whose names read alike are named apart, as the report names them (reports/file-names.ts).
  const names = new FileNames([
    ...data.inputs.flatMap((i) => (i.archive ? [i.path, i.archive.path] : [i.path])),
    ...t.ignored.map((f) => f.path),
    ...t.problems.list.flatMap((p) => (p.file ? [p.file] : [])),
  ]);
  const out: string[] = [];
  out.push(c.bold(`Inputs: ${plural(t.inputs.length, 'file')} read, ${int(t.ignored.length)} not read`));
  for (const i of data.inputs) {
    out.push(
      `  ${terminalName(i.path, names)}  ${c.cyan(i.format)}  sha256 ${i.sha256.slice(0, 12)}…  ${int(i.bytes)} bytes`,
    );
    out.push(
      `    ${plural(i.records, 'record')}: ${int(i.kept)} kept, ${int(i.duplicates)} duplicates, ${int(i.skipped)} skipped, ${int(i.rejected)} rejected${i.firstLocal ? `; ${i.firstLocal} → ${i.lastLocal}` : ''}${i.incomplete ? c.red(' (incomplete)') : ''}`,
    );
  }
  // As the report names it: the archive hashed whole is what an evidence log records for the download.
  for (const z of archivesOf(data.inputs)) {
    out.push(
      c.dim(`  read from inside ${terminalName(z.path, names)}, SHA-256 ${z.sha256}, ${int(z.bytes)} bytes`),
    );
  }
  for (const f of t.ignored)
    out.push(c.dim(`  not read: ${terminalName(f.path, names)} — ${safe(f.reason)}`));
  out.push('', c.bold(`Participants (${people.length})`));
  const listed = shownOf(people.length, 40);
  for (const p of people.slice(0, listed)) {
    const role = p.role === 'other' ? '' : c.yellow(` [${p.role}]`);
    out.push(
      `  ${safe(p.identifier)}${p.names.length ? ` (${safe(p.names.join(', '))})` : ''}  ${plural(p.count, 'record')}  ${p.channels.join(', ')}${role}`,
    );
  }
  if (people.length > listed) out.push(`  … and ${people.length - listed} more (use --format json)`);
  out.push(
    '',
    `${c.bold('Case')}  zone ${kase.timezone} (${kase.timezoneSource}), region ${kase.region ?? 'not set'}, subject: ${kase.subject.identifiers.length ? safe(kase.subject.identifiers.join(', ')) : c.yellow('not set')}, victim: ${kase.victim.identifiers.length ? safe(kase.victim.identifiers.join(', ')) : 'not set'}`,
  );
  const problems = t.problems.list;
  if (problems.length) {
    // As `report` shows them (with the hint saying what to do), so checking a folder first loses nothing.
    out.push('', c.bold(`Problems  ${severityText(problems, data.problemsOmittedLocations)}`));
    const shown = shownOf(problems.length, MAX_PROBLEMS);
    for (const p of problems.slice(0, shown)) out.push(...problemLines(p, c, names));
    const note = notListedNote(data, shown, safe);
    if (note) out.push(c.dim(`  ${note.what}`), c.dim(`    ${note.where}`));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return done(failure, env);
}

/** Exit 0, or, when no report could be made from these inputs, the reason on stderr and exit 1. */
function done(failure: ToolError | undefined, env: Environment): number {
  if (!failure) return 0;
  process.stderr.write(renderError(failure, env.stderrChalk));
  return 1;
}

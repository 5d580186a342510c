/**
 * The usage error of a command that needs to know who the case is about (`report`, `anonymise`) when neither the
 * subject nor the victim is named: who is in the inputs, with their records, and both ways to say it. Naming the
 * victim alone is as good a way as naming the subject: every sender but the victim then counts as the subject
 * (timeline/identities.ts `subjectIsEveryoneElse`, the CASE_SUBJECT_ASSUMED warning), which in one conversation
 * is the other side. So the hint gives `--victim` with a sender's identifier only where the inputs hold exactly
 * two senders (the one the export marks as the exporter's own, "You", else the one with fewer records): with
 * more, the other senders (a friend, a bank, a parcel service) would all count as the subject, and the hint says
 * so instead of naming one.
 *
 * Each command the hint gives is the one the user ran, with the options they gave (a hint without their
 * `--date-order dmy` or `--format html --out report.html` suggested a command that failed, or wrote something
 * else), plus the option it adds, and runs as written. A sender's name may hold characters a terminal is not shown as they are (a soft hyphen, a word joiner,
 * an escape sequence: `terminalSafe` shows them as `<U+00AD>`, and drops the direction marks): the name as shown
 * would then match nobody, and `--victim` matching nobody counts every sender, the victim too, as the subject. So
 * an identifier is offered on the command line only when what is shown, typed back, matches that very sender (as
 * the case matches identifiers: case-folded, normalised); otherwise the hint gives it as a case file entry, in
 * JSON with those characters written as `\u` escapes, which a case file reads exactly.
 */
import { statSync } from 'node:fs';
import { participants } from '../analysis/index.js';
import { UsageError } from '../model/errors.js';
import { listed, shownOf } from '../model/format.js';
import { caseFileString, quoted } from '../model/shell-quote.js';
import type { Timeline } from '../pipeline/index.js';
import { plural } from '../reports/format.js';
import { terminalSafe } from '../reports/sanitize.js';
import { caseIdentifierKeys, keyValue } from '../timeline/identities.js';

/** How many senders the error lists; the rest are counted, and `inspect` lists them all. */
const LISTED = 15;

/** How many participants `inspect` lists as text (commands/inspect.ts); beyond that, its JSON lists them all. */
const INSPECT_LISTED = 40;

/** What the hint needs of the run it is for. */
export interface NoSubjectRun {
  /** The command as run, without the option the hint adds: `chronolog report "chat.txt" --format html`. */
  readonly command: string;
  /** The region the run reads numbers in: identifiers typed back are matched as the run would match them. */
  readonly region: string | undefined;
  /** The case file the run read, as named to the user, if any: an identifier is added there. */
  readonly caseFile: string | undefined;
  /** The input paths as given: `inspect` lists everyone in them, and a folder among them is where case.json goes. */
  readonly paths: readonly string[];
}

/**
 * `message` with the senders of `events` listed, and a hint showing the command `run` was, with `--subject`,
 * with `--victim`, and the case file.
 */
export function noSubjectError(message: string, events: Timeline['events'], run: NoSubjectRun): UsageError {
  const people = participants(events);
  // The keys each identifier shown stands for (one, but for an account id that is also someone's name).
  const keys = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.senderKey === undefined) continue;
    const id = keyValue(e.senderKey);
    const set = keys.get(id) ?? new Set();
    keys.set(id, set.add(e.senderKey));
  }
  // The identifier as shown, typed back, is this sender's. An example that is no sender's (the placeholder, when
  // no event has a sender: a diary, a call log) stands for nothing to match, and is typable when shown as it is.
  const typable = (id: string) => {
    const own = keys.get(id);
    if (own === undefined) return terminalSafe(id) === id;
    return caseIdentifierKeys(terminalSafe(id), run.region).some((k) => own.has(k));
  };
  const withOption = (role: 'subject' | 'victim', id: string) =>
    typable(id) ? `${run.command} --${role} ${quoted(terminalSafe(id))}` : inCaseFile(role, id, run);
  // The exporter's own messages ("You" in a WhatsApp chat) are the victim's, never an example of the subject.
  const others = people.filter((p) => p.role !== 'victim');
  const subject = others[0]?.identifier ?? '+447700900123';
  // Of two senders, the one the export marks as the exporter's own, else the one with fewer records.
  const other = people.length === 2 ? (people.find((p) => p.role === 'victim') ?? others[1]) : undefined;
  const victim = other
    ? `      or name the victim, and the other sender counts as the subject: ${withOption('victim', other.identifier)}`
    : '      or name the victim with --victim ID: every sender but the victim then counts as the subject';
  const { shown, more } = listed(people, LISTED);
  const inspect = `chronolog inspect ${run.paths.map(quoted).join(' ')}${people.length > shownOf(people.length, INSPECT_LISTED) ? ' --format json' : ''}`;
  return new UsageError(
    'USAGE_NO_SUBJECT',
    message,
    [`For example: ${withOption('subject', subject)}`, victim, `      or ${caseFileHint(run)}`].join('\n'),
    [
      ...shown.map(
        (p) =>
          `${terminalSafe(p.identifier)}${p.names.length ? ` (${terminalSafe(p.names.join(', '))})` : ''}: ${plural(p.count, 'record')} on ${p.channels.join(', ')}`,
      ),
      ...(more > 0 ? [`… and ${plural(more, 'more sender')}: ${inspect} lists them all`] : []),
    ],
  );
}

/**
 * Where a case file naming the subject goes: the one the run read; else case.json at the top of the first folder
 * given, where the run finds it by itself; else (only files given) a case.json given with --case.
 */
function caseFileHint(run: NoSubjectRun): string {
  const entry = '"subject": {"identifiers": […]}';
  if (run.caseFile !== undefined)
    return `add ${entry} (or "victim") to the case file ${quoted(run.caseFile)}.`;
  const folder = run.paths.find((p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  });
  return folder === undefined
    ? `save {${entry}} (or "victim") as case.json and add --case case.json.`
    : `save {${entry}} (or "victim") as case.json in the folder ${quoted(folder)}, where it is read without --case.`;
}

/**
 * The command line `chronolog NAME PATHS OPTIONS` as the user ran it, each word shell-quoted: `given` the options
 * typed (given-options.ts), less any `--subject` and `--victim` (none named is why the hint is shown; an empty one
 * would be wrong to repeat beside the one it adds), and `extra` words where an option the hint needs is missing.
 */
export function commandAsRun(
  name: string,
  paths: readonly string[],
  given: readonly string[] = [],
  extra: readonly string[] = [],
): string {
  const kept: string[] = [];
  for (let i = 0; i < given.length; i++) {
    if (given[i] === '--subject' || given[i] === '--victim') i++;
    else kept.push(given[i]!);
  }
  return ['chronolog', name, ...[...paths, ...kept, ...extra].map(quoted)].join(' ');
}

/**
 * How to name `id` as the `role` when it holds characters not shown as they are: in the run's case file, else in a
 * new one given with --case (a case file at the top of a folder argument would be found without it, but not one
 * beside a file argument).
 */
function inCaseFile(role: 'subject' | 'victim', id: string, run: NoSubjectRun): string {
  const entry = `"${role}": {"identifiers": [${caseFileString(id)}]}`;
  const why = '(the name holds characters not shown here as they are, written so in JSON)';
  return run.caseFile === undefined
    ? `save {${entry}} as case.json and run ${run.command} --case case.json ${why}`
    : `add ${entry} to the case file ${quoted(run.caseFile)} and run ${run.command} again ${why}`;
}

/**
 * The usage error of a command that needs to know who the case is about (`report`, `anonymise`) when neither the
 * subject nor the victim is named: who is in the inputs, with their records, and both ways to say it. Naming the
 * victim alone is as good a way as naming the subject: every sender but the victim then counts as the subject
 * (timeline/identities.ts `subjectIsEveryoneElse`, the CASE_SUBJECT_ASSUMED warning), which in one conversation
 * is the other side. So the hint gives `--victim` with a sender's identifier only where the inputs hold exactly
 * two senders (the one the export marks as the exporter's own, "You", else the one with fewer records): with
 * more, the other senders (a friend, a bank, a parcel service) would all count as the subject, and the hint says
 * so instead of naming one.
 */
import { participants } from '../analysis/index.js';
import { UsageError } from '../model/errors.js';
import { quoted } from '../model/shell-quote.js';
import type { Timeline } from '../pipeline/index.js';
import { plural } from '../reports/format.js';
import { terminalSafe } from '../reports/sanitize.js';

/** How many senders the error lists. */
const LISTED = 15;

/**
 * `message` with the senders of `events` listed, and a hint showing `command` (the command line as run, given the
 * option to add, e.g. `--subject sam`) with `--subject`, with `--victim`, and the case file.
 */
export function noSubjectError(
  message: string,
  events: Timeline['events'],
  command: (option: string) => string,
): UsageError {
  const people = participants(events);
  const q = (p: string) => quoted(terminalSafe(p));
  // The exporter's own messages ("You" in a WhatsApp chat) are the victim's, never an example of the subject.
  const others = people.filter((p) => p.role !== 'victim');
  const subject = others[0]?.identifier ?? '+447700900123';
  // Of two senders, the one the export marks as the exporter's own, else the one with fewer records.
  const other = people.length === 2 ? (people.find((p) => p.role === 'victim') ?? others[1]) : undefined;
  const victim = other
    ? `      or name the victim, and the other sender counts as the subject: ${command(`--victim ${q(other.identifier)}`)}`
    : '      or name the victim with --victim ID: every sender but the victim then counts as the subject';
  return new UsageError(
    'USAGE_NO_SUBJECT',
    message,
    [
      `For example: ${command(`--subject ${q(subject)}`)}`,
      victim,
      '      or put "subject": {"identifiers": […]} (or "victim") in case.json.',
    ].join('\n'),
    people
      .slice(0, LISTED)
      .map(
        (p) =>
          `${terminalSafe(p.identifier)}${p.names.length ? ` (${terminalSafe(p.names.join(', '))})` : ''}: ${plural(p.count, 'record')} on ${p.channels.join(', ')}`,
      ),
  );
}

/**
 * What each descriptive figure of the report counts and its limits, in plain words for the "Evidence and method"
 * section (ACPO principle 2: explain every method, assumption and exclusion). The escalation analysis writes its
 * own methods into the report; these cover the figures every report has.
 */
import type { Report } from '../../../model/index.js';
import { numberFormWords, subjectAssumed } from '../../tallies.js';
import { text } from '../escape.js';

/**
 * How identifiers were compared (numberFormWords), and that attribution rests on the case file. "One number written
 * two ways counts as one identifier" holds only when every number could be put in international form.
 */
function identifiers(r: Report): string {
  const attributed =
    'An identifier is attributed to the subject because the case file lists it; the report does not establish who used it.';
  return `${text(numberFormWords(r))} ${attributed}`;
}

/** What an incident is; with no subject named, every sender but the victim counts, and it says so. */
function incident(r: Report): string {
  const what =
    'Each message, call, visit, delivery or other contact counts once. The victim’s own messages are not incidents.';
  if (subjectAssumed(r)) {
    return `No subject was named, so every record not sent by the victim (the person the exports belong to) is counted as an incident, whoever sent it: family, friends and businesses included. ${what} Name the subject's numbers and accounts (--subject${r.case.caseFile ? ', or the case file' : ''}) to count only theirs.`;
  }
  return `A record attributed to the subject (by an identifier listed for the subject, or a diary entry about the subject) that was not sent by the person the export belongs to. ${what} Records from other people and withheld numbers are not incidents.`;
}

/** [figure, what it counts and its limits] for this report, as HTML. */
export function methodsOf(r: Report): [string, string][] {
  return METHODS.map(([k, v]) => [k, typeof v === 'string' ? v : v(r)]);
}

/** [figure, what it counts and its limits], or how to say it for a given report. */
const METHODS: [string, string | ((r: Report) => string)][] = [
  ['Incident', incident],
  [
    'Records, events, duplicates',
    'Every record read from a file ends as exactly one of: an event, skipped (not a contact, for example a system notice), or rejected (it could not be read; its place is listed under Problems). An event found in more than one file (for example in two overlapping backups) is kept once and its other copies are counted as duplicates, so the events read are those kept plus the duplicates, and only those kept are counted anywhere else; identical records within one file are all counted, so five identical messages sent in one minute are five incidents.',
  ],
  [
    'Dates and times',
    'All dates and times are wall-clock time in the case time zone; days run from local midnight to midnight. Times written without a zone in an export are read as case-zone time. Times keep the precision of the export (minutes in chat exports and diaries); nothing more precise is invented.',
  ],
  [
    'Period and days with contact',
    'The period runs from the day of the first incident to the day of the last. A day with contact has at least one incident. The figures count what the files hold: a day outside the time an export covers (for example after the last backup) counts as a day without incidents, so compare periods only where every export covers them.',
  ],
  [
    'Busiest day, longest run, longest gap',
    'The busiest day is the local day with the most incidents (when several tie, the earliest is named with how many other days had as many). The longest run is the most consecutive days with at least one incident; the longest gap is the most consecutive days without one between two days with contact.',
  ],
  [
    'Night-time share',
    'Incidents between 00:00 and 05:59 local time, out of the incidents that have a time of day; records with only a date (some diary entries) are left out of both counts.',
  ],
  [
    'Weeks',
    'Weeks are ISO weeks starting on Monday; the first and last week of the period may be partial, and are marked.',
  ],
  ['Identifiers', identifiers],
  [
    'Charts',
    'The charts are drawn from the figures of this report; each has its data table. They show counts, not causes.',
  ],
  [
    'What this report does not do',
    'It presents facts from the files for a person to assess. It does not assess risk, intent, or whether any message is true, and it cannot show contact that no file holds.',
  ],
];

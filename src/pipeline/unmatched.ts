/**
 * Subject identifiers that matched no sender. A victim who names the subject the way they know them ("Sam")
 * while the export records an account name ("sam.sample") would otherwise get a report of no incidents and no
 * reason why. One identifier left unused among others that matched is only worth knowing (an old number, an
 * address with no e-mail among the inputs); none matching at all is a warning that names the senders found.
 * Without a region, a number written in national form and the same number written with its country code cannot
 * match: then the hint says to set the region, since checking how the number is written would not help.
 * When the subject is found, a file where they are not (subject-absent.ts) is warned about by name, since an
 * identifier that matched elsewhere says nothing about the files that count for nothing.
 */
import { type Participant, participants } from '../analysis/participants.js';
import { plural, shownOf } from '../model/format.js';
import type { InputSummary, Problem } from '../model/index.js';
import { quoted } from '../model/shell-quote.js';
import {
  caseIdentifierKeys,
  type IdentityResolver,
  isNationalIdentifier,
  keyValue,
  normalisePhone,
  typedKey,
} from '../timeline/identities.js';
import { locatorText } from '../timeline/ids.js';
import type { EventList } from '../timeline/list.js';
import { givenInFile, type NamedIn, settingIn, whereGiven, whereToName, whereToNameToo } from './named-in.js';
import { type CaseFileUsed, inCaseFile, regionAdvice } from './national-numbers.js';
import { nearestSender } from './near-match.js';
import { subjectAbsentProblems } from './subject-absent.js';

/** Senders named in the warning when no identifier matched. */
const SHOWN = 5;

/**
 * The first SHOWN senders with their other names and record counts, and how many more there are: the list both
 * unmatched-identifier warnings give, so that a user can name the person by one of them.
 */
function sendersWithRecords(people: readonly Participant[]): string {
  const listed = shownOf(people.length, SHOWN);
  const shown = people
    .slice(0, listed)
    .map((p) => {
      const names = p.names.filter((n) => n !== p.identifier);
      return `${p.identifier}${names.length > 0 ? ` (${names.join(', ')})` : ''}: ${p.count}`;
    })
    .join('; ');
  return `${shown}${people.length > listed ? `, and ${people.length - listed} more` : ''}`;
}

/** Files named in the note on files read in part. */
const FILES_SHOWN = 3;

/**
 * The problems to report for subject identifiers that matched no sender, and, when some matched, for each file
 * where the subject is not found (none when all matched and every file with others' events has the subject's
 * too). Only the senders of events are compared: where a file was read in part (`inputs`), the words say so,
 * since the records it did not turn into events (a chat whose day/month order cannot be told) may be the subject's.
 * `named` says where the subject was named (with --subject, in the case file), which the hints name.
 */
export function unmatchedSubjectProblems(
  subject: readonly string[],
  identities: IdentityResolver,
  events: EventList,
  inputs: readonly InputSummary[],
  named: NamedIn,
): Problem[] {
  if (subject.length === 0) return [];
  const unmatched = identities.unmatchedSubjectIdentifiers();
  if (unmatched.length === 0) return subjectAbsentProblems(events, inputs, named);
  const partly = readInPart(inputs);
  const where = partly === undefined ? 'in these inputs' : 'among the events read';
  // Every sender with its records: a walk over all events, made at most once, and only when needed.
  let people: Participant[] | undefined;
  const senders = (): Participant[] => (people ??= participants(events));
  if (unmatched.length < subject.length) {
    const unused = unmatched.map(
      (id): Problem => ({
        code: 'CASE_SUBJECT_IDENTIFIER_UNUSED',
        severity: 'info',
        message: `The subject identifier "${id}" matched no sender ${where}.${partly ?? ''}`,
        hint:
          regionHint(id, identities, named) ??
          nameOnlyHint(id, identities) ??
          handleHint(id, senders, named) ??
          `Nothing is wrong if the subject did not use it in these exports; otherwise check how it is written ${whereGiven(named, id)} (chronolog inspect lists every sender).`,
      }),
    );
    return [...unused, ...subjectAbsentProblems(events, inputs, named)];
  }
  const others = senders().filter((p) => p.role === 'other');
  if (others.length === 0) return [];
  const shown = sendersWithRecords(others);
  return [
    {
      code: 'CASE_SUBJECT_NOT_FOUND',
      severity: 'warning',
      message: `No sender ${where} matched the subject's identifiers (${subject.map((id) => `"${id}"`).join(', ')}), so no message or call from them is counted as an incident.${partly ?? ''}`,
      hint: `${nearNote(subject, others, named)}${handleNote(subject, senders, named)}${partly === undefined ? 'Senders found' : 'Senders of the events read'}, with their records: ${shown}. Name the subject by one of these ${whereToName(named)}; chronolog inspect lists them all.${partly === undefined ? '' : ' If the subject wrote in a file read in part, do what its errors say first (such as giving --date-order).'}${subject.some((id) => regionHint(id, identities, named) !== undefined) ? ` No region is set, so a number written in national form cannot match the same number written in international form. ${regionAdvice(identities, settingIn(named))}` : ''}`,
    },
  ];
}

/** Whether any event is marked as the victim's own side: WhatsApp's "You", a phone's sent texts and calls. */
function hasVictimSide(events: EventList): boolean {
  for (const e of events) if (e.role === 'victim') return true;
  return false;
}

/**
 * The warning for a case that names the victim but not the subject when no victim identifier matched a sender:
 * every sender is then counted as the subject (`subjectIsEveryoneElse`), the victim's own messages among them if
 * any are here under a name or number the case does not give, and the report's count is of everyone's messages.
 * Not when the export itself marks some messages as the victim's (WhatsApp's "You", a phone's sent texts): the
 * victim is then found. Named like `CASE_SUBJECT_NOT_FOUND`, with the senders found, and said to name the victim
 * where they were named (`named`: with --victim, in the case file), and the subject in the same place.
 */
export function unmatchedVictimProblems(
  victim: readonly string[],
  identities: IdentityResolver,
  events: EventList,
  inputs: readonly InputSummary[],
  named: NamedIn,
): Problem[] {
  if (!identities.subjectIsEveryoneElse) return [];
  if (identities.unmatchedVictimIdentifiers().length < victim.length) return [];
  const people = participants(events);
  // The export's own side is the victim's even without a sender id (a phone's sent texts and calls have none), so
  // the events are asked, not the participants, who are only those with one.
  if (people.length === 0 || hasVictimSide(events)) return [];
  const partly = readInPart(inputs);
  const shown = sendersWithRecords(people);
  return [
    {
      code: 'CASE_VICTIM_NOT_FOUND',
      severity: 'warning',
      message: `No sender ${partly === undefined ? 'in these inputs' : 'among the events read'} matched the victim's identifiers (${victim.map((id) => `"${id}"`).join(', ')}), and no subject is named, so every sender was counted as the subject: the victim too, if any of these messages are theirs.${partly ?? ''}`,
      hint: `${partly === undefined ? 'Senders found' : 'Senders of the events read'}, with their records: ${shown}. Name the victim by one of these ${whereToName(named)}, or name the subject ${whereToNameToo(named, 'subject')}; chronolog inspect lists them all.${markerNote(victim, named.caseFile)}`,
    },
  ];
}

/** A character as the text outputs show one they do not print: `<U+001B>`. */
const MARKER = /<U\+([0-9A-F]{4,6})>/i;

/**
 * For identifiers typed as the text outputs show a name (`alex<U+001B>[0m`): the marker is not the character, so
 * how to give the character itself (in the case file, as a JSON escape). '' when none holds a marker.
 */
function markerNote(ids: readonly string[], caseFile: string | undefined): string {
  const marked = ids.find((id) => MARKER.test(id));
  if (marked === undefined) return '';
  const json = JSON.stringify(marked).replace(new RegExp(MARKER.source, 'gi'), (m, hex: string) => {
    const cp = Number.parseInt(hex, 16);
    if (cp > 0x10ffff) return m;
    const units = String.fromCodePoint(cp);
    return [...Array(units.length).keys()]
      .map((k) => `\\u${units.charCodeAt(k).toString(16).padStart(4, '0')}`)
      .join('');
  });
  return ` A "<U+…>" in an identifier is how chronolog shows a character it does not print, not the character: give the identifier ${caseFile === undefined ? 'in a case file (this run used none)' : `in the case file ${caseFile}`} with the character written as a JSON escape ("victim": {"identifiers": [${json}]}).`;
}

/** For a name that is written beside numbers or addresses the case does not list: where they are reported. */
function nameOnlyHint(id: string, identities: IdentityResolver): string | undefined {
  const keys = new Set(caseIdentifierKeys(id, identities.region));
  const n = [...identities.namedLikeCasePeople().values()].filter((x) => keys.has(x.nameKey)).length;
  if (n === 0) return undefined;
  return `${n === 1 ? 'A number or address is' : `${n} numbers or addresses are`} named so in the inputs, but a number or address counts only when the case lists it: see the warnings CASE_NAMED_BUT_NOT_LISTED.`;
}

/**
 * For a subject identifier written as a handle (`@sam.sample`): the senders whose name in the inputs is that
 * handle without its @ (a Discord user name), with their records. No export chronolog reads records handles as
 * such (Discord's is the account's name beside its id; Telegram's is not exported), so `@sam.sample` matches no
 * sender, and matching it to names instead would let a handle pick out anyone who shows that name.
 */
function handleNamesakes(id: string, senders: () => Participant[]): { name: string; count: number }[] {
  if (!id.startsWith('@')) return [];
  const wanted = typedKey(id.slice(1), 'name', undefined);
  if (wanted === undefined) return [];
  return senders().flatMap((p) => {
    const name = p.names.find((n) => typedKey(n, 'name', undefined) === wanted);
    return name === undefined ? [] : [{ name, count: p.count }];
  });
}

/**
 * What to do for a handle that matched no sender while an account has that name (`handleNamesakes`), where the
 * handle was given (`named`: with --subject, or in the case file).
 */
function handleHint(id: string, senders: () => Participant[], named: NamedIn): string | undefined {
  const found = handleNamesakes(id, senders);
  if (found.length === 0) return undefined;
  const records = found.reduce((n, f) => n + f.count, 0);
  const name = found[0]!.name;
  const instead = givenInFile(named, id)
    ? `"${name}" in the case file ${named.caseFile}`
    : `--subject ${quoted(name)}`;
  return `None of these exports shows @handles, but "${name}" is the name of ${found.length === 1 ? 'an account' : `${found.length} accounts`} here (${plural(records, 'record')}): name it without the @ (${instead}) or by its account id, after checking it is the subject's.`;
}

/**
 * 'Did you mean --subject sam? "Samm" is close to the sender sam (Sam), with 74 records; …' for the sender whose name
 * or number is closest to a subject identifier (near-match.ts), said where the identifier was given; '' for none.
 */
function nearNote(subject: readonly string[], others: readonly Participant[], named: NamedIn): string {
  const near = nearestSender(subject, others);
  if (near === undefined) return '';
  const id = near.given;
  const names = near.names.length > 0 ? ` (${near.names.join(', ')})` : '';
  const sender = `the sender ${near.identifier}${names}, with ${plural(near.count, 'record')}`;
  if (givenInFile(named, id))
    return `Did you mean ${quoted(near.identifier)}? "${id}", in the case file ${named.caseFile}, is close to ${sender}; check that it is the subject before writing it there instead. `;
  return `Did you mean --subject ${quoted(near.identifier)}? "${id}" is close to ${sender}; check that it is the subject before naming them so. `;
}

/** `handleHint` for each handle among the subject's identifiers, as sentences ending in a space; '' for none. */
function handleNote(subject: readonly string[], senders: () => Participant[], named: NamedIn): string {
  return subject
    .map((id) => handleHint(id, senders, named))
    .filter((h): h is string => h !== undefined)
    .map((h) => `${h} `)
    .join('');
}

/**
 * " chat.txt was read in part (11 of 14 records rejected): the senders of records not read as events were not
 * compared; its errors say why." for the files read in part, or undefined when every file was read whole.
 */
function readInPart(inputs: readonly InputSummary[]): string | undefined {
  const partial = inputs.filter((i) => i.incomplete);
  if (partial.length === 0) return undefined;
  const listed = shownOf(partial.length, FILES_SHOWN);
  const named = partial.slice(0, listed).map((i) => {
    const rejected = i.rejected > 0 ? `${i.rejected} of ${i.records} records rejected` : undefined;
    const how = i.damaged
      ? ['read to the end, checksum failed', rejected].filter(Boolean).join(', ')
      : i.readToEnd
        ? rejected
        : ['not read to the end', rejected].filter(Boolean).join(', ');
    return `${i.path}${how ? ` (${how})` : ''}`;
  });
  if (partial.length > listed) named.push(`${partial.length - listed} more`);
  const one = partial.length === 1;
  return ` ${named.join(', ')} ${one ? 'was' : 'were'} read in part: the senders of records not read as events were not compared; ${one ? 'its errors say' : 'their errors say'} why.`;
}

/**
 * Why a phone number given for the subject may have matched nothing because no region is set, with what to do:
 * it is in national form, or it is in international form while some senders' numbers are in national form.
 * `undefined` when a region is set or the region cannot be the reason.
 */
function regionHint(id: string, identities: IdentityResolver, named: NamedIn): string | undefined {
  if (identities.region !== undefined) return undefined;
  if (isNationalIdentifier(id)) {
    return `It is written in national form and no region is set, so it cannot match the same number written in international form. ${regionAdvice(identities, settingIn(named))}`;
  }
  const national = identities.nationalNumbers().length;
  if (national === 0 || normalisePhone(id.replace(/^tel:/i, ''), undefined) === undefined) return undefined;
  return `No region is set, so it cannot match the same number written in national form (${national === 1 ? '1 number in these inputs is' : `${national} numbers in these inputs are`} written that way). ${regionAdvice(identities, settingIn(named))}`;
}

/**
 * One warning for each number or address named in the inputs as the subject or the victim is named in the case,
 * but not itself in the case (timeline/identities.ts counts it as neither's): with how many records it has, so
 * that a number the subject really used is added, and one that only shares a name is seen to be left out.
 */
export function namedLikeCaseProblems(
  identities: IdentityResolver,
  events: EventList,
  caseFile: CaseFileUsed,
): Problem[] {
  const named = identities.namedLikeCasePeople();
  if (named.size === 0) return [];
  const counts = new Map<string, number>();
  for (let i = 0; i < events.length; i++) {
    const key = events.who(i).key;
    if (key !== undefined && named.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...named]
    .filter(([key]) => counts.has(key))
    .map(([key, { name, as }]) => {
      const id = keyValue(key);
      const records = counts.get(key)!;
      const kind = key.startsWith('email:') ? 'address' : 'number';
      return {
        code: 'CASE_NAMED_BUT_NOT_LISTED',
        severity: 'warning' as const,
        ...(caseFile === undefined ? {} : { file: caseFile.path }),
        message: `The ${kind} ${id} is named "${name}" in the inputs, as the ${as} is in the case, but the ${kind} itself is not in the case, so its ${records === 1 ? 'record is' : `${records} records are`} not counted as the ${as}'s.`,
        hint: `A ${kind === 'number' ? 'contact name is the label saved in the phone' : 'display name is chosen by whoever sends the e-mail'}, and another person may share it. If ${id} is the ${as}'s, add it with --${as} "${id}", or to the ${as}'s identifiers ${inCaseFile(caseFile)}, and run again.`,
      };
    });
}

/** A person of the case as `caseNamedSenderProblems` reads them. */
interface CasePerson {
  readonly name: string | undefined;
  readonly identifiers: readonly string[];
}

/**
 * One warning for each sender named as the case file names the subject or the victim (its `name`, "Sam Carter")
 * while that name is not among their identifiers: the case names the person so, yet none of these records counts as
 * theirs, and nothing else says so. A chat exported once while the contact was saved as "Sam" (listed) and again
 * after it was renamed "Sam Carter" (not listed) holds the later messages under the new name alone: they are
 * neither incidents nor duplicates of the earlier export's, and CASE_SUBJECT_NOT_IN_FILE is not given, as the
 * subject is found on that channel. Only senders known by that name alone (no number or address: those are
 * `namedLikeCaseProblems`'s) are told of, with their kept records, and located at the first of them. They are not
 * counted as the person's unasked: another person may share a name.
 */
export function caseNamedSenderProblems(
  kase: { readonly subject: CasePerson; readonly victim: CasePerson; readonly region?: string | undefined },
  events: EventList,
  inputs: readonly InputSummary[],
  caseFile: CaseFileUsed,
): Problem[] {
  const wanted = new Map<string, { as: 'subject' | 'victim'; name: string }>();
  for (const as of ['subject', 'victim'] as const) {
    const person = kase[as];
    if (person.name === undefined) continue;
    const key = typedKey(person.name, 'name', undefined);
    if (key === undefined) continue;
    const listed = [...kase.subject.identifiers, ...kase.victim.identifiers].some((id) =>
      caseIdentifierKeys(id, kase.region).includes(key),
    );
    if (!listed && !wanted.has(key)) wanted.set(key, { as, name: person.name });
  }
  if (wanted.size === 0) return [];
  const found = new Map<string, { first: number; count: number; files: Set<number> }>();
  for (let i = 0; i < events.length; i++) {
    const who = events.who(i);
    if (who.role !== 'other' || who.key === undefined || !wanted.has(who.key)) continue;
    const f = found.get(who.key);
    if (f === undefined) found.set(who.key, { first: i, count: 1, files: new Set([events.input(i)]) });
    else {
      f.count++;
      f.files.add(events.input(i));
    }
  }
  return [...found].map(([key, f]) => {
    const { as, name } = wanted.get(key)!;
    const first = events.at(f.first);
    const file = inputs[first.input]?.path;
    const files = f.files.size === 1 ? 'in 1 file' : `in ${f.files.size} files`;
    const records = f.count === 1 ? '1 record' : `${f.count} records`;
    return {
      code: 'CASE_NAMED_BUT_NOT_LISTED',
      severity: 'warning' as const,
      ...(file === undefined ? {} : { file, locator: locatorText(first.locator) }),
      message: `The sender "${name}" (${records} ${files}, the first here) has the name the case gives the ${as}, but "${name}" is not among the ${as}'s identifiers, so ${f.count === 1 ? 'its record is' : 'none of its records is'} counted as the ${as}'s.`,
      hint: `If "${name}" is the ${as}, add it with --${as} ${quoted(name)}, or to the ${as}'s identifiers ${inCaseFile(caseFile)}, and run again. A name alone is not counted unasked: another person may share it.`,
    };
  });
}

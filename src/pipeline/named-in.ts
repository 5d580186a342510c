/**
 * Where the run was told who the subject or the victim is, for the hints that say what to change: with `--subject`
 * or `--victim` on the command line, or in the case file the run read (named by its path, as the report records
 * it). A run given `--subject` and no case file was told "in the case file", which it has none of; a case file's
 * identifier was told to add `--subject`, beside the file that holds the others. Each hint now names the place
 * the identifiers were given, or both when some came from each.
 */
import type { CasePerson, ResolvedCase } from '../model/index.js';
import { quoted } from '../model/shell-quote.js';

/** Where one person's identifiers were given, and the case file the run read (if any). */
export interface NamedIn {
  readonly role: 'subject' | 'victim';
  /** The person's identifiers, the case file's first. */
  readonly identifiers: readonly string[];
  /** The case file the run read, as the report names it, or undefined for none. */
  readonly caseFile: string | undefined;
  /** How many of the identifiers, from the first, came from the case file. */
  readonly fromFile: number;
  /** How many came from the option (`--subject`, `--victim`). */
  readonly fromOption: number;
}

/** Where the case's `role` was named. */
export function namedIn(
  c: Pick<ResolvedCase, 'caseFile'>,
  person: CasePerson,
  role: NamedIn['role'],
): NamedIn {
  const fromFile = c.caseFile === undefined ? 0 : (person.fromCaseFile ?? 0);
  return {
    role,
    identifiers: person.identifiers,
    caseFile: c.caseFile?.path,
    fromFile,
    fromOption: person.identifiers.length - fromFile,
  };
}

/** The person named by `identifiers` on the command line alone, in a run with no case file. */
export function namedByOption(role: NamedIn['role'], identifiers: readonly string[]): NamedIn {
  return { role, identifiers, caseFile: undefined, fromFile: 0, fromOption: identifiers.length };
}

/**
 * Where to name the person by one more identifier: "with --subject", "in the case file case.json
 * ("subject": {"identifiers": […]})", or both when the run used both (or neither: a person not named at all is
 * named with the option, or in the case file the run read).
 */
export function whereToName(n: NamedIn): string {
  const option = `with --${n.role}`;
  if (n.caseFile === undefined) return option;
  const file = `in the case file ${n.caseFile} ("${n.role}": {"identifiers": […]})`;
  if (n.fromFile === 0 && n.fromOption > 0) return option;
  if (n.fromOption === 0 && n.fromFile > 0) return file;
  return `${option} or ${file}`;
}

/**
 * Where to name the case's other person (`role`) in the same place as `n`, as words after "or name the subject"
 * following `whereToName(n)`: "with --subject" when `n` was named with the option, "in that file (…)" when in the
 * case file `whereToName` has just named, or both.
 */
export function whereToNameToo(n: NamedIn, role: NamedIn['role']): string {
  const option = `with --${role}`;
  if (n.caseFile === undefined || (n.fromFile === 0 && n.fromOption > 0)) return option;
  const file = `in that file ("${role}": {"identifiers": […]})`;
  if (n.fromOption === 0 && n.fromFile > 0) return file;
  return `${option} or ${file}`;
}

/**
 * " or in the case file case.json" after "with --subject ID" when the run read a case file, '' when it read none:
 * where to name a person the run did not name, without telling it to edit a case file it does not have.
 */
export function orInCaseFile(caseFile: string | undefined): string {
  return caseFile === undefined ? '' : ` or in the case file ${caseFile}`;
}

/**
 * How to add `id` as the person's, as words after "add": `--subject 'Sam'`, `"Sam" to the subject's identifiers
 * in the case file case.json`, or the first with the second in brackets when the run used both.
 */
export function howToAdd(n: NamedIn, id: string): string {
  const option = `--${n.role} ${quoted(id)}`;
  const file = `"${id}" to the ${n.role}'s identifiers in the case file ${n.caseFile}`;
  if (n.caseFile === undefined || (n.fromFile === 0 && n.fromOption > 0)) return option;
  if (n.fromOption === 0 && n.fromFile > 0) return file;
  return `${option} (or ${file})`;
}

/**
 * How to add one of several senders as written, as words after "add them as written here": `with --subject
 * (such as --subject 'Sam')`, `to the subject's identifiers in the case file case.json (such as "Sam")`, or both.
 */
export function howToAddOneOf(n: NamedIn, example: string): string {
  const option = `with --${n.role} (such as --${n.role} ${quoted(example)})`;
  const file = `to the ${n.role}'s identifiers in the case file ${n.caseFile}`;
  if (n.caseFile === undefined || (n.fromFile === 0 && n.fromOption > 0)) return option;
  if (n.fromOption === 0 && n.fromFile > 0) return `${file} (such as "${example}")`;
  return `${option} or ${file}`;
}

/** Whether the person's identifier `id` was given in the case file (else with the option). */
export function givenInFile(n: NamedIn, id: string): boolean {
  const i = n.identifiers.indexOf(id);
  return i >= 0 && i < n.fromFile;
}

/** Where the person's identifier `id` was written: "in the case file case.json", "after --subject". */
export function whereGiven(n: NamedIn, id: string): string {
  return givenInFile(n, id) ? `in the case file ${n.caseFile}` : `after --${n.role}`;
}

/** Where a setting such as the region goes besides its option: the case file the run read, or a new one. */
export function settingIn(n: Pick<NamedIn, 'caseFile'>): string {
  return n.caseFile === undefined ? 'in a case file (this run used none)' : `in the case file ${n.caseFile}`;
}

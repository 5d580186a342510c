/**
 * Phone numbers written in national form when no region is set. `07700 900456` can only be put in international
 * form (`+447700900456`) by knowing the country it belongs to, so without `--region` it is compared by its
 * digits (`07700900456`, whatever the spaces or dashes) and never matches the same number written with `+44`: one person's contacts are then counted under two
 * identifiers, or not counted at all. The region is never guessed; the report says what happened and, when every
 * number written in international form has one country code, names the region that code belongs to.
 */

import { shownOf } from '../model/format.js';
import type { InputSummary, Problem } from '../model/index.js';
import type { IdentityResolver } from '../timeline/identities.js';
import { locatorText } from '../timeline/ids.js';
import type { EventList } from '../timeline/list.js';

/** Numbers quoted in the warning. */
const SHOWN = 3;

/** The case file a run used, when it used one. */
export type CaseFileUsed = { readonly path: string } | undefined;

/**
 * Where a setting goes besides its flag: the case file the run used (which the problem names as its file), or a
 * case file, saying the run used none (`case.json` at the top of the folder, or --case).
 */
export function inCaseFile(caseFile: CaseFileUsed): string {
  return caseFile === undefined ? 'in a case file (this run used none)' : 'in the case file';
}

/** What to do, naming the likely region when the international numbers all share one country code. */
export function regionAdvice(identities: IdentityResolver, where = 'in the case file'): string {
  const likely = identities.likelyRegion();
  return likely
    ? `The other numbers are +${likely.callingCode}: set the region with --region ${likely.region}, or "region": "${likely.region}" ${where}.`
    : `Set the region the numbers belong to with --region and its two-letter country code (GB for the United Kingdom, US for the United States), or "region" ${where}.`;
}

/** The records sent from a number in national form: how many, and where the first is. */
interface NationalRecords {
  readonly count: number;
  readonly file: string;
  readonly locator: string;
}

/**
 * The records whose sender's number is in national form, found by the senders' keys the resolver noted (one per
 * sender, not per event): a walk over the events with one look-up each, as `namedLikeCaseProblems` makes, and only
 * when the warning is given. `undefined` when no record has such a number (it is only a case identifier's).
 */
function nationalRecords(
  identities: IdentityResolver,
  events: EventList,
  inputs: readonly InputSummary[],
): NationalRecords | undefined {
  const keys = identities.nationalSenderKeys();
  if (keys.size === 0) return undefined;
  let first = -1;
  let count = 0;
  for (let i = 0; i < events.length; i++) {
    const key = events.who(i).key;
    if (key === undefined || !keys.has(key)) continue;
    if (first < 0) first = i;
    count++;
  }
  if (first < 0) return undefined;
  const e = events.at(first);
  const file = inputs[e.input]?.path;
  return file === undefined ? undefined : { count, file, locator: locatorText(e.locator) };
}

/**
 * The warning for numbers in national form met without a region, or `undefined` when there are none. Its file is
 * the case file the run used, where the region can be set; with none, the hint says so. The message says how many
 * records hold such numbers and where the first is, so that one can be checked whatever the warning's location.
 */
export function nationalNumbersProblem(
  identities: IdentityResolver,
  caseFile: CaseFileUsed,
  events: EventList,
  inputs: readonly InputSummary[],
): Problem | undefined {
  if (identities.region !== undefined) return undefined;
  const numbers = identities.nationalNumbers();
  if (numbers.length === 0) return undefined;
  const one = numbers.length === 1;
  const listed = shownOf(numbers.length, SHOWN);
  const shown = numbers.slice(0, listed).join(', ');
  const more = numbers.length > listed ? ` and ${numbers.length - listed} more` : '';
  const records = nationalRecords(identities, events, inputs);
  // Located at the case file the run used, where the region is set, so the message names the first record. With
  // none, the warning is located at that record instead (a warning with no location at all is the hardest to
  // trace, and the hint already says a case file can be made), and the message says "here", as
  // CASE_NAMED_BUT_NOT_LISTED does, rather than naming the record twice on one line.
  const atRecord = caseFile === undefined && records !== undefined;
  const where =
    caseFile !== undefined
      ? { file: caseFile.path }
      : records !== undefined
        ? { file: records.file, locator: records.locator }
        : {};
  const seen =
    records === undefined
      ? ''
      : atRecord
        ? `, in ${records.count === 1 ? '1 record (here)' : `${records.count} records (the first here)`}`
        : // "the first at sms[1] (line 5) in sms.xml": locator before file, as other warnings name a record.
          `, in ${records.count === 1 ? '1 record, at' : `${records.count} records, the first at`} ${records.locator} in ${records.file}`;
  return {
    code: 'CASE_REGION_NOT_SET',
    severity: 'warning',
    ...where,
    message: `${one ? '1 phone number is' : `${numbers.length} phone numbers are`} written ${numbers.some((n) => n.replace(/\D/g, '').startsWith('00')) ? 'without a leading + (in national form, or after the call prefix 00)' : 'in national form, without a country code'} (${shown}${more})${seen}, and no region is set, so ${one ? 'it cannot be matched to the same number' : 'they cannot be matched to the same numbers'} written in international form: one person's contacts may be counted under two identifiers, or missed.`,
    hint: regionAdvice(identities, inCaseFile(caseFile)),
  };
}

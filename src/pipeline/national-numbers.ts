/**
 * Phone numbers written in national form when no region is set. `07700 900456` can only be put in international
 * form (`+447700900456`) by knowing the country it belongs to, so without `--region` it is compared by its
 * digits (`07700900456`, whatever the spaces or dashes) and never matches the same number written with `+44`: one person's contacts are then counted under two
 * identifiers, or not counted at all. The region is never guessed; the report says what happened and, when every
 * number written in international form has one country code, names the region that code belongs to.
 */

import { shownOf } from '../model/format.js';
import type { Problem } from '../model/index.js';
import type { IdentityResolver } from '../timeline/identities.js';

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

/**
 * The warning for numbers in national form met without a region, or `undefined` when there are none. Its file is
 * the case file the run used, where the region can be set; with none, the hint says so.
 */
export function nationalNumbersProblem(
  identities: IdentityResolver,
  caseFile: CaseFileUsed,
): Problem | undefined {
  if (identities.region !== undefined) return undefined;
  const numbers = identities.nationalNumbers();
  if (numbers.length === 0) return undefined;
  const one = numbers.length === 1;
  const listed = shownOf(numbers.length, SHOWN);
  const shown = numbers.slice(0, listed).join(', ');
  const more = numbers.length > listed ? ` and ${numbers.length - listed} more` : '';
  return {
    code: 'CASE_REGION_NOT_SET',
    severity: 'warning',
    ...(caseFile === undefined ? {} : { file: caseFile.path }),
    message: `${one ? '1 phone number is' : `${numbers.length} phone numbers are`} written ${numbers.some((n) => n.replace(/\D/g, '').startsWith('00')) ? 'without a leading + (in national form, or after the call prefix 00)' : 'in national form, without a country code'} (${shown}${more}), and no region is set, so ${one ? 'it cannot be matched to the same number' : 'they cannot be matched to the same numbers'} written in international form: one person's contacts may be counted under two identifiers, or missed.`,
    hint: regionAdvice(identities, inCaseFile(caseFile)),
  };
}

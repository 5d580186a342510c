/**
 * Loads the case file (`--case FILE`, or the one `case.json`/`case.yaml` at the top of the folder arguments),
 * validates it with zod, and merges the command-line flags over it. An invalid case file is a usage error listing
 * every bad field by its line and path; so is finding more than one case file without `--case`, since using one
 * of them and ignoring the others would make the report depend on the order of the paths. Every bad field and
 * every bad option value is found before stopping, and all are listed in one message: fixing them one run at a
 * time would take as many runs as there are mistakes.
 */
import path from 'node:path';
import { DATE_RE, isRealDate, isValidTimeZone } from '../model/dates.js';
import { UsageError } from '../model/errors.js';
import type { CasePerson, Person, ResolvedCase } from '../model/index.js';
import { quoted } from '../model/shell-quote.js';
import { givenPath as argumentPath, shownArgument } from './argv-bytes.js';
import {
  invalidCaseFile,
  type LoadedCase,
  loadCaseFile,
  REGION_EXAMPLES,
  regionProblem,
  shown,
} from './case-load.js';
import { dateInWords, dateProblem, readDate } from './date-advice.js';
import { pathKey, resolvePath, shownPath } from './disk-path.js';
import { parseMilestoneFlag } from './milestone-flag.js';
import { timeZoneProblem, unknownZone } from './time-zone-advice.js';

export interface CaseFlags {
  readonly case?: string;
  readonly tz?: string;
  readonly region?: string;
  readonly subject?: string[];
  readonly victim?: string[];
  readonly milestone?: string[];
  readonly from?: string;
  readonly to?: string;
}

export { quoted };

/**
 * The case file to use: `--case`, else the only one found at the top of the folder arguments. Several found is a
 * usage error: the choice would otherwise depend on the order of the paths.
 */
function chooseCaseFile(named: string | undefined, discovered: readonly string[]): string | undefined {
  if (named !== undefined) return named;
  if (discovered.length <= 1) return discovered[0];
  // Sorted, so the message is the same whatever the order of the paths.
  const files = discovered.map(shown).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  throw new UsageError(
    'USAGE_SEVERAL_CASE_FILES',
    `found ${files.length} case files and will not guess which one to use`,
    `Choose the one for this report with --case FILE, e.g. --case ${quoted(files[0]!)}, or merge them into one file.`,
    files,
  );
}

function checkRegionFlag(region: string): string {
  const bad = /^[A-Za-z]{2}$/.test(region)
    ? regionProblem(region)
    : 'is not a two-letter ISO 3166 alpha-2 code';
  if (bad) {
    throw new UsageError(
      'USAGE_BAD_REGION',
      bad.startsWith('"') ? `--region ${bad}` : `--region "${region}" ${bad}`,
      region.toUpperCase() === 'UK' ? 'Use --region GB.' : REGION_EXAMPLES,
    );
  }
  return region.toUpperCase();
}

/** Where a window date came from, for messages. */
function windowSource(end: 'from' | 'to', fromFlag: boolean, file: string | undefined): string {
  return fromFlag ? `--${end}` : `window.${end} in case file ${file === undefined ? '' : shown(file)}`;
}

/** Runs a check, keeping a usage error it throws for the list instead of stopping there. */
function collecting(errors: UsageError[]) {
  return <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      errors.push(err);
      return undefined;
    }
  };
}

/** The window dates written in the case file, valid or not, for comparing with --from and --to. */
function fileWindow(loaded: LoadedCase | undefined): { from?: string; to?: string } {
  if (loaded?.data) return loaded.data.window ?? {};
  const w = (loaded?.raw as { window?: { from?: unknown; to?: unknown } } | null | undefined)?.window;
  const date = (v: unknown) => (typeof v === 'string' && DATE_RE.test(v) && isRealDate(v) ? v : undefined);
  return w !== null && typeof w === 'object' ? { from: date(w.from), to: date(w.to) } : {};
}

/**
 * One error for everything found: the case file's own when only it is wrong, an option's own when only one is,
 * else one list of them all.
 */
function oneError(loaded: LoadedCase | undefined, options: readonly UsageError[]): UsageError | undefined {
  const fields = loaded?.problems ?? [];
  if (fields.length === 0 && options.length <= 1) return options[0];
  if (options.length === 0) return invalidCaseFile(loaded!);
  const n = fields.length + options.length;
  const optionLines = options.map((e) => `${e.message}. ${e.hint ?? ''}`.trim().replace(/([^.?!])$/, '$1.'));
  return new UsageError(
    'USAGE_SEVERAL_PROBLEMS',
    `found ${n} problems in ${fields.length > 0 ? `case file ${loaded!.name} and ` : ''}the options`,
    `Fix each one listed above${fields.length > 0 ? '; see README "The case file"' : ''}.`,
    [...fields.map((p) => p.line), ...optionLines],
  );
}

/**
 * The path a report records for a case file found at the top of a folder argument: under the folder as it was
 * given, relative or absolute, exactly as `walk` names the inputs beside it. So a shared report shows no folder
 * the user did not type, and `verify` finds the case file by the same rule as the inputs (relative paths from the
 * current folder or `--root`). Without the folder arguments the absolute path is all there is.
 */
function givenPath(file: string, given: readonly string[]): string {
  // Compared as the paths they open: an argument may be a path as shown (`verify --recompute` gives the report's own,
  // "d<0x3C>0x41>" for a folder named "d<0x41>"), or one given as its bytes.
  const dir = pathKey(path.dirname(file));
  const folder = given.find((p) => pathKey(resolvePath(argumentPath(p))) === dir);
  return folder === undefined ? shownPath(file) : path.join(shownArgument(folder), path.basename(file));
}

/**
 * Merges the case file and flags. `discovered` are case files found at the top of folder arguments, `given` those
 * arguments as typed (for the path the report records); `--case FILE` is recorded as typed.
 */
export async function resolveCase(
  flags: CaseFlags,
  discovered: readonly string[],
  systemZone: string,
  given: readonly string[] = [],
): Promise<ResolvedCase> {
  const file = chooseCaseFile(flags.case, discovered);
  const loaded = file ? await loadCaseFile(file, flags.case !== undefined) : undefined;
  const c = loaded?.data;
  const errors: UsageError[] = [];
  const check = collecting(errors);
  const tzValid = flags.tz === undefined || isValidTimeZone(flags.tz);
  // Asked only of a zone Intl accepts (time-zone-advice.ts: an ICU-only abbreviation that may mean another zone).
  const tzProblem = tzValid && flags.tz !== undefined ? timeZoneProblem(flags.tz) : undefined;
  if (!tzValid) {
    const unknown = unknownZone(flags.tz!);
    errors.push(new UsageError('USAGE_BAD_TZ', `--tz "${flags.tz}" ${unknown.why}`, unknown.meant));
  } else if (tzProblem) {
    errors.push(new UsageError('USAGE_BAD_TZ', `--tz "${flags.tz}" ${tzProblem.why}`, tzProblem.meant));
  }
  const flagRegion = flags.region;
  const region = flagRegion !== undefined ? check(() => checkRegionFlag(flagRegion)) : c?.region;
  const valid = { from: flags.from, to: flags.to };
  for (const [name, v] of [
    ['from', flags.from],
    ['to', flags.to],
  ] as const) {
    if (v !== undefined && !(DATE_RE.test(v) && isRealDate(v))) {
      valid[name] = undefined;
      errors.push(windowDateError(name, v));
    }
  }
  const inFile = fileWindow(loaded);
  const window = { from: valid.from ?? inFile.from, to: valid.to ?? inFile.to };
  // A reversed window would leave the statistics with no days at all; the schema catches one within the file.
  const fromFlag = valid.from !== undefined;
  const toFlag = valid.to !== undefined;
  if (
    window.from !== undefined &&
    window.to !== undefined &&
    window.from > window.to &&
    (fromFlag || toFlag)
  ) {
    const from = windowSource('from', fromFlag, file);
    const to = windowSource('to', toFlag, file);
    errors.push(
      new UsageError(
        'USAGE_WINDOW_REVERSED',
        `the window starts after it ends: ${window.from} (${from}) is after ${window.to} (${to})`,
        `Give the earlier date as the start, e.g. --from ${window.to} --to ${window.from}.`,
      ),
    );
  }
  const flagMilestones = (flags.milestone ?? []).map((m) => check(() => parseMilestoneFlag(m)));
  const error = oneError(loaded, errors);
  if (error) throw error;
  const timezone = zoneAsWritten(flags.tz ?? c?.timezone ?? systemZone);
  return {
    title: c?.title,
    timezone,
    timezoneSource: flags.tz ? 'option' : c?.timezone ? 'case-file' : 'system',
    region,
    subject: person(c?.subject, flags.subject),
    victim: person(c?.victim, flags.victim),
    milestones: [...(c?.milestones ?? []), ...flagMilestones.filter((m) => m !== undefined)].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    ),
    window: { from: flags.from ?? c?.window?.from, to: flags.to ?? c?.window?.to },
    ceasePhrases: c?.ceasePhrases,
    lexicon: c?.lexicon,
    caseFile:
      loaded && file
        ? {
            path: flags.case !== undefined ? path.normalize(shownArgument(file)) : givenPath(file, given),
            sha256: loaded.sha256,
          }
        : undefined,
  };
}

/** A person of the case: the case file's identifiers first, then the option's, counting the case file's. */
function person(inFile: Person | undefined, given: readonly string[] | undefined): CasePerson {
  const fromFile = inFile?.identifiers ?? [];
  return {
    name: inFile?.name,
    identifiers: [...fromFile, ...(given ?? [])],
    ...(fromFile.length > 0 ? { fromCaseFile: fromFile.length } : {}),
  };
}

/**
 * A zone in the case the tz database writes it (`europe/london` → `Europe/London`): Intl accepts any letter case,
 * and a report that printed "(europe/london)" would look like a typing mistake to its reader. A zone Intl reads as
 * another name (a link such as `US/Eastern`) is kept as given: it was written properly, and it is what was asked.
 */
function zoneAsWritten(zone: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}

/**
 * `--from`/`--to` not written as a real date YYYY-MM-DD, in the words `--milestone` gets (date-advice.ts): written
 * another way (`01/05/2024`, which could be 1 May or 5 January), or naming no such day (`2024-02-30`: February 2024
 * has 29 days), with the date to write when there is only one way to read it.
 */
function windowDateError(name: 'from' | 'to', value: string): UsageError {
  const reading = readDate(value, false);
  // A value in no date form at all (`--from last-week`) reads as one written another way, with nothing to offer.
  const problem =
    reading.kind === 'ok'
      ? { words: 'is not written YYYY-MM-DD (year-month-day)', fix: undefined }
      : dateProblem(value, reading);
  const hint =
    problem.fix !== undefined
      ? `Write --${name} ${problem.fix}.`
      : reading.kind === 'other-form' && reading.either
        ? `Write the date meant year-month-day: --${name} ${reading.either[0]} for ${dateInWords(reading.either[0])}, or --${name} ${reading.either[1]} for ${dateInWords(reading.either[1])}.`
        : reading.kind === 'not-real'
          ? `Write a real date, year-month-day, e.g. --from 2024-01-01 --to 2024-06-30.`
          : 'Write the date year-month-day, e.g. --from 2024-01-01 --to 2024-06-30.';
  return new UsageError('USAGE_BAD_DATE', `--${name} "${value}" ${problem.words}`, hint);
}

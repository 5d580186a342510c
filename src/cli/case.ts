/**
 * Loads the case file (`--case FILE`, or the one `case.json`/`case.yaml` at the top of the folder arguments),
 * validates it with zod, and merges the command-line flags over it. An invalid case file is a usage error listing
 * every bad field by its path; so is finding more than one case file without `--case`, since using one of them
 * and ignoring the others would make the report depend on the order of the paths.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { DATE_RE, isRealDate, isValidTimeZone } from '../model/dates.js';
import { UsageError } from '../model/errors.js';
import type { CaseFile, Milestone, ResolvedCase } from '../model/index.js';
import { isSupportedRegion } from '../timeline/regions.js';
import { jsonSyntaxError } from './json-syntax.js';

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

function zodDetails(error: z.ZodError): string[] {
  return error.issues.map(
    (i) => `${i.path.length ? i.path.map(String).join('.') : '(top level)'}: ${i.message}`,
  );
}

/** Why a two-letter region code cannot be used, or undefined when it can. `UK` is the usual slip for `GB`. */
function regionProblem(code: string): string | undefined {
  const upper = code.toUpperCase();
  if (isSupportedRegion(upper)) return undefined;
  return upper === 'UK'
    ? `"${code}" is not an ISO 3166 alpha-2 code: the United Kingdom is GB`
    : `"${code}" is not a known ISO 3166 alpha-2 country code`;
}

const REGION_EXAMPLES =
  'Use the two-letter ISO 3166 alpha-2 code of the country, e.g. GB, US, DE, FR, IE, IN.';

/** A path as the user would write it: relative to the current folder when it is inside it. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const quoted = (p: string) => (/[\s"'$`\\]/.test(p) ? `"${p.replace(/["$`\\]/g, '\\$&')}"` : p);

function syntaxError(file: string, text: string, yaml: boolean, err: Error): UsageError {
  let where: { line: number; column: number; why: string } | undefined;
  if (yaml) {
    const pos = (err as Error & { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const why = err.message.split(/ at line \d+, column \d+/)[0]!;
    if (pos) where = { line: pos.line, column: pos.col, why };
  } else {
    where = jsonSyntaxError(text);
  }
  // Without a position the parser's own words are kept, less any copy of the file's text V8 puts in them.
  const why =
    where?.why ??
    err.message.replace(/,? ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  return new UsageError(
    'CASE_FILE_SYNTAX',
    `case file ${where ? `${file}:${where.line}:${where.column}` : file} is not valid ${yaml ? 'YAML' : 'JSON'}: ${why}`,
    yaml
      ? 'Check that line: each field is "name: value" on a line of its own, nested fields indented with spaces, e.g. "timezone: Europe/London". See README "The case file".'
      : 'Check that line and the end of the one before it: names and text go in double quotes and a comma separates each field from the next, e.g. { "timezone": "Europe/London", "region": "GB" }. See README "The case file".',
  );
}

async function loadCaseFile(file: string, named: boolean): Promise<{ data: CaseFile; sha256: string }> {
  const name = shown(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new UsageError(
      'CASE_FILE_UNREADABLE',
      `cannot read case file ${name} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      named
        ? 'Check the path given to --case.'
        : 'Check that the file can be read, or name another with --case FILE.',
    );
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // The YAML parser and the schemas are loaded only when there is a case file: most runs have none.
  const yaml = /\.ya?ml$/i.test(file);
  const parseYaml = yaml ? (await import('yaml')).parse : undefined;
  const { CaseFileSchema } = await import('../model/case-file.js');
  let raw: unknown;
  try {
    raw = parseYaml ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw syntaxError(name, text, yaml, err as Error);
  }
  const parsed = CaseFileSchema.safeParse(raw ?? {});
  const details = parsed.success ? [] : zodDetails(parsed.error);
  // The schema checks the shape of `region`; whether libphonenumber-js knows it is checked here (see regions.ts).
  const region = parsed.success ? parsed.data.region : undefined;
  const bad = region === undefined ? undefined : regionProblem((raw as { region: string }).region);
  if (bad) details.push(`region: ${bad}`);
  if (!parsed.success || details.length > 0) {
    throw new UsageError(
      'CASE_FILE_INVALID',
      `case file ${name} has ${details.length === 1 ? 'an invalid field' : `${details.length} invalid fields`}`,
      bad && details.length === 1
        ? `${region === 'UK' ? (yaml ? 'Write region: GB.' : 'Write "region": "GB".') : REGION_EXAMPLES} See README "The case file".`
        : 'Fix each field listed above; see README "The case file".',
      details,
    );
  }
  return { data: parsed.data, sha256: createHash('sha256').update(bytes).digest('hex') };
}

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

function parseMilestoneFlag(s: string): Milestone {
  const eq = s.indexOf('=');
  const date = eq < 0 ? s : s.slice(0, eq);
  const label = eq < 0 ? '' : s.slice(eq + 1).trim();
  if (!isRealDate(date) || label === '') {
    throw new UsageError(
      'USAGE_BAD_MILESTONE',
      `--milestone "${s}" must be DATE=LABEL with a real date`,
      'Example: --milestone "2024-06-01=Police warning", or with a time: --milestone "2024-06-01T14:30+01:00=Order served"',
    );
  }
  return { date, label };
}

/**
 * The path a report records for a case file found at the top of a folder argument: under the folder as it was
 * given, relative or absolute, exactly as `walk` names the inputs beside it. So a shared report shows no folder
 * the user did not type, and `verify` finds the case file by the same rule as the inputs (relative paths from the
 * current folder or `--root`). Without the folder arguments the absolute path is all there is.
 */
function givenPath(file: string, given: readonly string[]): string {
  const folder = given.find((p) => path.resolve(p) === path.dirname(file));
  return folder === undefined ? file : path.join(folder, path.basename(file));
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
  if (flags.tz !== undefined && !isValidTimeZone(flags.tz)) {
    throw new UsageError(
      'USAGE_BAD_TZ',
      `--tz "${flags.tz}" is not an IANA time zone`,
      'Examples: Europe/London, America/New_York, UTC',
    );
  }
  const region = flags.region !== undefined ? checkRegionFlag(flags.region) : c?.region;
  for (const [name, v] of [
    ['--from', flags.from],
    ['--to', flags.to],
  ] as const) {
    if (v !== undefined && !(DATE_RE.test(v) && isRealDate(v))) {
      throw new UsageError(
        'USAGE_BAD_DATE',
        `${name} "${v}" is not a real date YYYY-MM-DD`,
        'Example: --from 2024-01-01 --to 2024-06-30',
      );
    }
  }
  const window = { from: flags.from ?? c?.window?.from, to: flags.to ?? c?.window?.to };
  // A reversed window would leave the statistics with no days at all; the schema catches one within the file.
  if (window.from !== undefined && window.to !== undefined && window.from > window.to) {
    const from = windowSource('from', flags.from !== undefined, file);
    const to = windowSource('to', flags.to !== undefined, file);
    throw new UsageError(
      'USAGE_WINDOW_REVERSED',
      `the window starts after it ends: ${window.from} (${from}) is after ${window.to} (${to})`,
      `Give the earlier date as the start, e.g. --from ${window.to} --to ${window.from}.`,
    );
  }
  const timezone = flags.tz ?? c?.timezone ?? systemZone;
  return {
    title: c?.title,
    timezone,
    timezoneSource: flags.tz ? 'option' : c?.timezone ? 'case-file' : 'system',
    region,
    subject: {
      name: c?.subject?.name,
      identifiers: [...(c?.subject?.identifiers ?? []), ...(flags.subject ?? [])],
    },
    victim: {
      name: c?.victim?.name,
      identifiers: [...(c?.victim?.identifiers ?? []), ...(flags.victim ?? [])],
    },
    milestones: [...(c?.milestones ?? []), ...(flags.milestone ?? []).map(parseMilestoneFlag)].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    ),
    window,
    ceasePhrases: c?.ceasePhrases,
    lexicon: c?.lexicon,
    caseFile:
      loaded && file
        ? {
            path: flags.case !== undefined ? path.normalize(file) : givenPath(file, given),
            sha256: loaded.sha256,
          }
        : undefined,
  };
}

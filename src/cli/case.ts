/**
 * Loads the case file (`--case FILE`, or `case.json`/`case.yaml` at the top of a folder argument), validates it
 * with zod, and merges the command-line flags over it. An invalid case file is a usage error listing every bad
 * field by its path.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { isRealDate, isValidTimeZone } from '../model/dates.js';
import { UsageError } from '../model/errors.js';
import type { CaseFile, Milestone, ResolvedCase } from '../model/index.js';

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

async function loadCaseFile(file: string): Promise<{ data: CaseFile; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new UsageError(
      'CASE_FILE_UNREADABLE',
      `cannot read case file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      'Check the path given to --case.',
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
    throw new UsageError(
      'CASE_FILE_SYNTAX',
      `case file ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(err as Error).message}`,
      'Fix the syntax; see fixtures/demo-case/case.json for an example.',
    );
  }
  const parsed = CaseFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new UsageError(
      'CASE_FILE_INVALID',
      `case file ${file} has ${parsed.error.issues.length === 1 ? 'an invalid field' : `${parsed.error.issues.length} invalid fields`}`,
      'Fix each field listed above; see README "The case file".',
      zodDetails(parsed.error),
    );
  }
  return { data: parsed.data, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function parseMilestoneFlag(s: string): Milestone {
  const eq = s.indexOf('=');
  const date = eq < 0 ? s : s.slice(0, eq);
  const label = eq < 0 ? '' : s.slice(eq + 1).trim();
  if (!isRealDate(date) || label === '') {
    throw new UsageError(
      'USAGE_BAD_MILESTONE',
      `--milestone "${s}" must be DATE=LABEL with a real date`,
      'Example: --milestone "2024-06-01=Police warning"',
    );
  }
  return { date, label };
}

/** Merges the case file and flags. `discovered` are case files found at the top of folder arguments. */
export async function resolveCase(
  flags: CaseFlags,
  discovered: readonly string[],
  systemZone: string,
): Promise<ResolvedCase> {
  const file = flags.case ?? discovered[0];
  const loaded = file ? await loadCaseFile(file) : undefined;
  const c = loaded?.data;
  if (flags.tz !== undefined && !isValidTimeZone(flags.tz)) {
    throw new UsageError(
      'USAGE_BAD_TZ',
      `--tz "${flags.tz}" is not an IANA time zone`,
      'Examples: Europe/London, America/New_York, UTC',
    );
  }
  if (flags.region !== undefined && !/^[A-Za-z]{2}$/.test(flags.region)) {
    throw new UsageError(
      'USAGE_BAD_REGION',
      `--region "${flags.region}" is not an ISO 3166 alpha-2 code`,
      'Examples: GB, US, DE',
    );
  }
  for (const [name, v] of [
    ['--from', flags.from],
    ['--to', flags.to],
  ] as const) {
    if (v !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v))) {
      throw new UsageError('USAGE_BAD_DATE', `${name} "${v}" is not a real date YYYY-MM-DD`);
    }
  }
  const timezone = flags.tz ?? c?.timezone ?? systemZone;
  return {
    title: c?.title,
    timezone,
    timezoneSource: flags.tz ? 'option' : c?.timezone ? 'case-file' : 'system',
    region: (flags.region ?? c?.region)?.toUpperCase(),
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
    window: { from: flags.from ?? c?.window?.from, to: flags.to ?? c?.window?.to },
    ceasePhrases: c?.ceasePhrases,
    lexicon: c?.lexicon,
    caseFile: loaded && file ? { path: path.normalize(file), sha256: loaded.sha256 } : undefined,
  };
}

/**
 * Reading one case file: its bytes, its syntax (a mistake named by line and column) and its fields (every bad one
 * found, see case-fields.ts). A file that cannot be read or parsed stops at once; bad fields are handed back, so
 * that they can be listed with any bad option value in one message.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidTimeZone } from '../model/dates.js';
import { UsageError } from '../model/errors.js';
import type { CaseFile } from '../model/index.js';
import { openErrorWords } from '../pipeline/read-errors.js';
import { isSupportedRegion } from '../timeline/regions.js';
import { givenPath } from './argv-bytes.js';
import type { FieldProblem } from './case-fields.js';
import { jsonSyntaxError } from './json-syntax.js';
import { timeZoneProblem, unknownZone } from './time-zone-advice.js';

/** Why a two-letter region code cannot be used, or undefined when it can. `UK` is the usual slip for `GB`. */
export function regionProblem(code: string): string | undefined {
  const upper = code.toUpperCase();
  if (isSupportedRegion(upper)) return undefined;
  return upper === 'UK'
    ? `"${code}" is not an ISO 3166 alpha-2 code: the United Kingdom is GB`
    : `"${code}" is not a known ISO 3166 alpha-2 country code`;
}

export const REGION_EXAMPLES =
  'Use the two-letter ISO 3166 alpha-2 code of the country, e.g. GB, US, DE, FR, IE, IN.';

/** A path as the user would write it: relative to the current folder when it is inside it. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

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

/** A case file read and checked: its data when valid, else every bad field. */
export interface LoadedCase {
  readonly name: string;
  readonly yaml: boolean;
  readonly sha256: string;
  readonly data: CaseFile | undefined;
  /** What the file holds, valid or not: the window dates in it are still compared with --from and --to. */
  readonly raw: unknown;
  readonly problems: readonly FieldProblem[];
  /** The region written, when that is the one problem with it and it is known only as a wrong code. */
  readonly badRegion: string | undefined;
}

/** Reads and checks a case file; throws when it cannot be read or parsed, and returns bad fields otherwise. */
export async function loadCaseFile(file: string, named: boolean): Promise<LoadedCase> {
  const name = shown(file);
  let bytes: Buffer;
  try {
    // `--case` given as bytes that are not UTF-8 is read as those bytes (argv-bytes.ts).
    bytes = await readFile(givenPath(file));
  } catch (err) {
    throw new UsageError(
      'CASE_FILE_UNREADABLE',
      `cannot read case file ${name}: ${openErrorWords(err)}`,
      named
        ? 'Check the path given to --case.'
        : 'Check that the file can be read, or name another with --case FILE.',
    );
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // The YAML parser and the schemas are loaded only when there is a case file: most runs have none.
  const yaml = /\.ya?ml$/i.test(file);
  const { CaseFileSchema } = await import('../model/case-file.js');
  let raw: unknown;
  let doc: import('yaml').Document | undefined;
  try {
    if (yaml) {
      // The document, not just its data: a bad field is then named by its line, and a number by how it was written.
      doc = (await import('yaml')).parseDocument(text);
      if (doc.errors[0]) throw doc.errors[0];
      raw = doc.toJS();
    } else raw = JSON.parse(text);
  } catch (err) {
    throw syntaxError(name, text, yaml, err as Error);
  }
  const parsed = CaseFileSchema.safeParse(raw ?? {});
  // The schema checks the shape of `region`; whether libphonenumber-js knows it is checked here (see regions.ts),
  // also when other fields are wrong, so that every problem is listed at once.
  const written = raw !== null && typeof raw === 'object' ? (raw as { region?: unknown }).region : undefined;
  const bad =
    typeof written === 'string' && /^[A-Za-z]{2}$/.test(written) ? regionProblem(written) : undefined;
  // Likewise the schema takes any zone name Intl accepts; one only ICU knows (`BST`, read as Bangladesh) is refused
  // here, with the zone that was probably meant.
  const zone = raw !== null && typeof raw === 'object' ? (raw as { timezone?: unknown }).timezone : undefined;
  const badZone =
    typeof zone === 'string'
      ? isValidTimeZone(zone)
        ? timeZoneProblem(zone)
        : unknownZone(zone)
      : undefined;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (parsed.success && !bad && !badZone) {
    return { name, yaml, sha256, data: parsed.data, raw, problems: [], badRegion: undefined };
  }
  const { fieldProblems, jsonLocator, yamlLocator } = await import('./case-fields.js');
  const problems = fieldProblems(
    // The schema's own word on a zone it refused is left for the advice (`badZone`), which says what was meant.
    parsed.success
      ? []
      : parsed.error.issues.filter((i) => !(badZone && i.path.length === 1 && i.path[0] === 'timezone')),
    raw ?? {},
    text,
    doc ? yamlLocator(doc, text) : jsonLocator(text),
    yaml,
    [
      ...(bad ? [{ path: ['region'], words: bad }] : []),
      ...(badZone
        ? [{ path: ['timezone'], words: `"${zone as string}" ${badZone.why}. ${badZone.meant}` }]
        : []),
    ],
  );
  return {
    name,
    yaml,
    sha256,
    data: undefined,
    raw,
    problems,
    badRegion: bad && problems.length === 1 ? (written as string) : undefined,
  };
}

/** The error for a case file with bad fields, each on its own line. */
export function invalidCaseFile(c: LoadedCase): UsageError {
  const n = c.problems.length;
  const number = c.problems.some((p) => p.numberAsText);
  const fixEach =
    n === 1 ? 'See README "The case file".' : 'Fix each field listed above; see README "The case file".';
  const hint =
    c.badRegion !== undefined
      ? `${c.badRegion.toUpperCase() === 'UK' ? (c.yaml ? 'Write region: GB.' : 'Write "region": "GB".') : REGION_EXAMPLES} See README "The case file".`
      : number
        ? `Write phone numbers in quotes, e.g. "+447700900123"${c.yaml ? ': without them YAML reads +447700900123 as a number, and a leading 0 is lost' : ''}. ${fixEach}`
        : 'Fix each field listed above; see README "The case file".';
  return new UsageError(
    'CASE_FILE_INVALID',
    `case file ${c.name} has ${n === 1 ? 'an invalid field' : `${n} invalid fields`}`,
    hint,
    c.problems.map((p) => p.line),
  );
}

/**
 * `chronolog verify REPORT.json [--root DIR]`: re-hashes every input a report lists, so a third party can check
 * that the files they hold are the files the report was made from. Members of zip archives are hashed inside the
 * archive. Files now present under the report's paths but absent from the report (neither read nor listed as not
 * read) are named as extra when a report made now would read them, as the README defines it: one it would pass
 * over (not a supported format, media in a zip: told by the same detection `report` uses, --format-of included)
 * is named as not read, which is no failure; so are the report being verified and any other output chronolog
 * wrote (a report, the text report, a timeline: told by their first bytes, model/output-marks.ts), as not an input. When none of the files is found, the folder is the likely cause: it
 * says where the paths were read from and which --root finds them. Paths are taken as the report wrote them, as `walk` names files: under an absolute run
 * path they are absolute and checked where they are; relative ones are resolved from `--root` (default: the
 * current folder).
 *
 * An archive the inputs were read from inside is re-hashed as a whole too (`inputs[].archive`, in reports that
 * record it), and named as changed when it differs, saying whether the files read from inside it still match.
 *
 * A zip member whose bytes fail the archive's CRC-32 check is named as damaged, and the other members of that
 * archive are still checked one by one. A member that was already damaged when the report was made (the report
 * lists it as incomplete, and its bytes hash to the SHA-256 the report recorded) is the file the report was made
 * from: it matches, with a note saying so.
 *
 * The case file the report names is re-hashed too, found by the same rule as the inputs: it decides who counts as
 * the subject, the milestones, the window and the zone, so every figure depends on it, and a changed or missing
 * case file fails like a changed or missing input.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ToolError, UsageError } from '../../model/errors.js';
import { chronologOutput } from '../../model/output-marks.js';
import { quoted } from '../../model/shell-quote.js';
import { openErrorWords } from '../../pipeline/read-errors.js';
import { terminalSafe as safe } from '../../reports/sanitize.js';
import { givenPath, shownArgument } from '../argv-bytes.js';
import { pathKey, pathOfShown, resolvePath, resolveShown } from '../disk-path.js';
import type { Environment } from '../environment.js';
import { CASE_FILE_NAMES, fileInput, shownLocation, walk } from '../inputs.js';
import { jsonSyntaxError } from '../json-syntax.js';
import { forcedFormats } from '../read.js';
import { VERSION } from '../version.js';
import { LISTED, recompute } from './verify-figures.js';
import {
  archiveChanges,
  chronologOutputAt,
  fileHash,
  fileNotRead,
  memberHashes,
  type PassedOver,
  type Rehash,
  sha256Of,
} from './verify-hashes.js';

const ReportInputs = z.object({
  schemaVersion: z.literal(1),
  run: z
    .object({ paths: z.array(z.string()), options: z.record(z.string(), z.unknown()).optional() })
    .optional(),
  inputs: z.array(
    z.object({
      path: z.string(),
      sha256: z.string(),
      incomplete: z.boolean().optional(),
      archive: z.object({ path: z.string(), sha256: z.string() }).optional(),
    }),
  ),
  ignoredFiles: z.array(z.object({ path: z.string() })).default([]),
  case: z
    .object({ caseFile: z.object({ path: z.string(), sha256: z.string() }).nullable().optional() })
    .optional(),
});

/** A report file that cannot be read: missing is an input failure (exit 1), said in words. */
function unreadable(file: string, err: NodeJS.ErrnoException): ToolError {
  return new ToolError(
    'VERIFY_NO_REPORT',
    `cannot read ${file}: ${openErrorWords(err)}`,
    'Give the path of the report written with --format json, e.g. chronolog verify report.json',
  );
}

/** Said when a file that is, or may be, the JSON report cannot be read as one. */
const DAMAGED_HINT =
  'The report may have been cut short (an interrupted copy, download or save) or edited since it was written. ' +
  'Verify the copy saved with the evidence, or make the report again with --format json.';

/** Said when the file given is not the JSON report at all. */
const GIVE_JSON = 'Give the report written with --format json, e.g. chronolog verify report.json';

/**
 * How a file that is not the JSON report begins, in words: its first line (up to 40 characters, made safe for
 * the terminal) when it is text, or that it is not text at all (a picture, a PDF's binary parts, a zip).
 */
function beginning(start: string): string {
  const line = start.split(/\r?\n/, 1)[0]!;
  // U+FFFD is what undecodable bytes become; NUL and other C0 controls do not occur in text files.
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(start.slice(0, 512))) return 'it is not a text file';
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  return `it begins "${safe(shown)}", not "{" as a JSON report does`;
}

/** A zod issue path as written in JavaScript: `inputs[3].sha256`. */
function fieldPath(p: readonly PropertyKey[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('');
}

/** The value at `p` in `data`, or undefined when any step is missing. */
function valueAt(data: unknown, p: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of p)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/**
 * What `verify` needs of the report file's text. A file that cannot be read as a report is an input failure
 * (exit 1) saying where and why: text that is not valid JSON (a report cut short), by line and column, or a
 * chronolog report with a field missing or of another schema version. Another file given in its place is a usage
 * error (exit 2): JSON that is no chronolog report, one of chronolog's other outputs (HTML, Markdown and text
 * reports, timelines), or a file that does not start as JSON does at all (an export, a PDF, a picture).
 */
function reportInputs(reportFile: string, text: string): z.infer<typeof ReportInputs> {
  if (text.trim() === '') throw new ToolError('VERIFY_BAD_REPORT', `${reportFile} is empty`, DAMAGED_HINT);
  const kind = chronologOutput(text.slice(0, 256 * 1024));
  const jsonReport = kind === 'report' && text.startsWith('{');
  if (kind !== undefined && !jsonReport) {
    throw new UsageError(
      'VERIFY_NOT_JSON_REPORT',
      `${reportFile} is a chronolog ${kind === 'report' ? 'report in HTML or Markdown' : kind}, not the JSON report verify reads`,
      GIVE_JSON,
    );
  }
  // A JSON report, even one cut short or damaged, starts with "{". A file that does not (an export given by
  // mistake, the CSV diary, a PDF) is another file in its place: said so in words, not as a JSON syntax error.
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{')) {
    throw new UsageError(
      'VERIFY_NOT_JSON_REPORT',
      `${reportFile} is not a chronolog JSON report: ${beginning(start)}`,
      GIVE_JSON,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const where = jsonSyntaxError(text);
    // Without a position the parser's own words are kept, less any copy of the file's text V8 puts in them.
    const why =
      where?.why ??
      (err as Error).message
        .replace(/,? ".*" is not valid JSON$/s, '')
        .replace(/ in JSON at position \d+.*$/s, '');
    throw new ToolError(
      'VERIFY_BAD_REPORT',
      `${jsonReport ? 'report ' : ''}${where ? `${reportFile}:${where.line}:${where.column}` : reportFile} is not valid JSON: ${why}`,
      jsonReport
        ? DAMAGED_HINT
        : `${GIVE_JSON}. If this is that report: ${DAMAGED_HINT.replace(/^The report/, 'it')}`,
    );
  }
  const result = ReportInputs.safeParse(data);
  if (result.success) return result.data;
  const generator = valueAt(data, ['generator']) as { name?: unknown; version?: unknown } | undefined;
  if (!jsonReport && generator?.name !== 'chronolog')
    throw new UsageError('VERIFY_BAD_REPORT', `${reportFile} is not a chronolog JSON report`, GIVE_JSON);
  const version = valueAt(data, ['schemaVersion']);
  if (typeof version === 'number' && version !== 1) {
    throw new ToolError(
      'VERIFY_BAD_REPORT',
      `${reportFile} is a chronolog report of schemaVersion ${version}; this chronolog (${VERSION}) verifies schemaVersion 1`,
      typeof generator?.version === 'string' && generator.version !== VERSION
        ? `Verify it with the chronolog that wrote it (version ${safe(generator.version)}).`
        : DAMAGED_HINT,
    );
  }
  const issue = result.error.issues[0]!;
  const field = fieldPath(issue.path);
  throw new ToolError(
    'VERIFY_BAD_REPORT',
    `${reportFile} is a chronolog report, but its field "${safe(field)}" ${valueAt(data, issue.path) === undefined ? 'is missing' : 'is not written as chronolog writes it'}`,
    DAMAGED_HINT,
  );
}

/**
 * The formats the report's run forced with --format-of, so a file found now is judged as that run judged it; none
 * when the report holds no usable list.
 */
function forcedFormatsOf(parsed: z.infer<typeof ReportInputs>): (p: string) => string | undefined {
  const specs = parsed.run?.options?.['formatOf'];
  if (!Array.isArray(specs) || !specs.every((x) => typeof x === 'string')) return () => undefined;
  try {
    return forcedFormats(specs);
  } catch {
    return () => undefined;
  }
}

/** Said beside a case file found in an input folder that the report was not made with. */
const ADDED_CASE =
  'a case file the report was not made with; a report made again from this folder would use it';

/** What the case file decides, said beside its path when it differs. */
const CASE_FILE = 'the case file: who counts as the subject, the milestones, the window and the time zone';

/**
 * The hint when none of the files is found: the --root that finds every one of them, tried from the report's own
 * folder and its parent, or how to give the right folder.
 */
async function whereFound(
  parsed: z.infer<typeof ReportInputs>,
  reportFile: string,
  base: string,
): Promise<string> {
  const onDisk = [
    ...parsed.inputs.map((i) => i.path.split('!/')[0]!),
    ...(parsed.case?.caseFile ? [parsed.case.caseFile.path] : []),
  ];
  const here = path.dirname(resolveShown(shownArgument(reportFile)));
  for (const dir of [here, path.dirname(here)]) {
    if (dir === resolveShown(base)) continue;
    const all = await Promise.all(
      onDisk.map(async (p) =>
        stat(pathOfShown(resolveShown(dir, p))).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (all.every(Boolean)) {
      const rootArg = quoted(path.relative(resolveShown(), dir) || '.');
      return `They are all found from ${safe(dir)}: run chronolog verify ${quoted(reportFile)} --root ${rootArg}`;
    }
  }
  return 'Run verify from the folder the report was made in, or give that folder with --root DIR.';
}

export async function verifyCommand(
  reportFile: string,
  root: string | undefined,
  env: Environment,
  recomputeFigures = false,
): Promise<number> {
  let text: string;
  try {
    text = await readFile(givenPath(reportFile), 'utf8');
  } catch (err) {
    throw unreadable(reportFile, err as NodeJS.ErrnoException);
  }
  const parsed = reportInputs(reportFile, text);
  // Paths as reports show them (`<0xE9>` for a byte that is not UTF-8), resolved so and opened as what they show.
  const base = root === undefined ? '.' : shownArgument(root);
  const c = env.stdoutChalk;
  const changed: string[] = [];
  const damaged: string[] = [];
  const missing: string[] = [];
  const notes: string[] = [];
  // The inputs named above as changed, damaged or missing, to tell whether an archive's files still match.
  const faulty = new Set<string>();
  // Everything the report names, read or not read: anything else found now is new since, extra or not read.
  const listed = new Set([...parsed.inputs.map((i) => i.path), ...parsed.ignoredFiles.map((i) => i.path)]);
  const forced = forcedFormatsOf(parsed);
  // By archive path: its members, or undefined when the archive itself could not be read (all members missing).
  const archives = new Map<string, Map<string, Rehash | PassedOver> | undefined>();
  for (const input of parsed.inputs) {
    const bang = input.path.indexOf('!/');
    const diskPath = bang < 0 ? input.path : input.path.slice(0, bang);
    let actual: Rehash | undefined;
    try {
      // A name that is not UTF-8 is written as shown (`chat<0xE9>.txt`) and found as its bytes (disk-path.ts).
      const abs = pathOfShown(resolveShown(base, diskPath));
      const bytes = (await stat(abs)).size;
      if (bang < 0) actual = { sha256: await sha256Of(fileInput(abs, bytes, diskPath)) };
      else {
        if (!archives.has(diskPath)) {
          const members = memberHashes(
            fileInput(abs, bytes, diskPath),
            (m) => !listed.has(`${diskPath}!/${m}`),
            forced,
          );
          archives.set(diskPath, await members.catch(() => undefined));
        }
        const member = archives.get(diskPath)?.get(input.path.slice(bang + 2));
        actual = member && 'sha256' in member ? member : undefined;
      }
    } catch {
      actual = undefined;
    }
    const before = changed.length + damaged.length + missing.length;
    if (actual === undefined) missing.push(input.path);
    else if (actual.damage !== undefined) {
      // The same damaged bytes the report was made from, and said it could not read cleanly: the file matches.
      if (actual.sha256 === input.sha256 && input.incomplete === true)
        notes.push(
          `${input.path} was already damaged when the report was made (${actual.damage}); the report lists it as incomplete`,
        );
      else damaged.push(`${input.path} (${actual.damage})`);
    } else if (actual.sha256 !== input.sha256)
      changed.push(
        `${input.path} (expected ${input.sha256.slice(0, 16)}…, found ${actual.sha256.slice(0, 16)}…)`,
      );
    if (changed.length + damaged.length + missing.length > before) faulty.add(input.path);
  }
  // An archive read in place is hashed whole too: it is the file an evidence log records for the download.
  changed.push(...(await archiveChanges(parsed.inputs, base, faulty)));
  // The case file is not an input, but the figures rest on it as much: it is judged the same way, and named as such.
  const caseFile = parsed.case?.caseFile ?? undefined;
  let caseDiffers = false;
  if (caseFile) {
    const actual = await fileHash(resolveShown(base, caseFile.path), caseFile.path);
    caseDiffers = actual !== caseFile.sha256;
    if (actual === undefined) missing.push(`${caseFile.path} (the case file)`);
    else if (caseDiffers)
      changed.push(
        `${caseFile.path} (${CASE_FILE}; expected ${caseFile.sha256.slice(0, 16)}…, found ${actual.slice(0, 16)}…)`,
      );
  }
  const known = new Set([
    ...parsed.inputs.map((i) => path.normalize(i.path.split('!/')[0]!)),
    ...parsed.ignoredFiles.map((i) => path.normalize(i.path.split('!/')[0]!)),
  ]);
  const extra: string[] = [];
  // Found now but not listed, and not read by a report made now either (not an export, media): said, not failed.
  const notRead: string[] = [];
  const addedCases: string[] = [];
  const viaCaseOption = parsed.run?.options?.['case'] !== undefined;
  // The report being verified, and anything else chronolog wrote beside the evidence, are outputs, not inputs.
  const self = pathKey(resolvePath(givenPath(reportFile)));
  const outputs: string[] = [];
  // Each run path is walked on its own and the files found are named as the report named them: under the path as
  // it was given, absolute or relative (see `walk`), so they compare with the report's own list.
  for (const given of parsed.run?.paths ?? []) {
    const top = resolveShown(base, given);
    // Walked by the bytes the path shows, as the report was made from them (`<0xE9>`: disk-path.ts).
    const present = await walk([top], shownLocation).catch(() => undefined);
    // A case file the report was not made with, where a report made again from these folders would read it (a
    // run given --case reads none of them): every figure could change.
    for (const abs of present?.caseFiles ?? []) {
      // Only at the top of the folder: named under the folder as the report names it.
      const shown = path.normalize(path.join(given, path.basename(abs)));
      if (!viaCaseOption && shown !== path.normalize(caseFile?.path ?? '')) addedCases.push(shown);
    }
    for (const f of present?.files ?? []) {
      // Named as shown (`<0xE9>` for a byte that is not UTF-8), as the report names it.
      const shown = path.normalize(path.join(given, path.relative(top, f.display)));
      if (known.has(shown) || (CASE_FILE_NAMES as readonly string[]).includes(path.basename(shown))) continue;
      if (pathKey(f.abs) === self) continue;
      const output = await chronologOutputAt(f.abs);
      if (output !== undefined) {
        outputs.push(`${shown} (a chronolog ${output})`);
        continue;
      }
      const why = await fileNotRead(fileInput(f.abs, f.bytes, shown), forced(shown));
      if (why !== undefined) notRead.push(`${shown} (${why})`);
      else extra.push(shown);
    }
  }
  // A member added to an archive since the report is as much a change as a file added to a folder, when a report
  // made now would read it.
  for (const [diskPath, members] of archives) {
    for (const [member, found] of members ?? []) {
      const full = `${diskPath}!/${member}`;
      if (listed.has(full)) continue;
      const why = 'passedOver' in found ? found.passedOver : found.notRead;
      if (why !== undefined) notRead.push(`${full} (${why})`);
      else extra.push(full);
    }
  }
  for (const p of addedCases) extra.push(`${p} (${ADDED_CASE})`);
  const caseChanges = (caseDiffers ? 1 : 0) + addedCases.length;
  const noted = [
    ...notRead.map((p) => `  not read: ${safe(p)}`),
    ...outputs.map((p) => `  not an input: ${safe(p)}`),
    ...notes.map((n) => `  note: ${safe(n)}`),
  ];
  if (changed.length + damaged.length + missing.length + extra.length === 0) {
    const n = parsed.inputs.length;
    const inputs = n === 1 ? 'the 1 input' : `all ${n} inputs`;
    const what = caseFile
      ? `${inputs} and the case file match`
      : `${inputs} ${n === 1 ? 'matches' : 'match'}`;
    // Matching inputs say nothing of the figures: said on the same line, so it is not read as covering them.
    const unchecked = recomputeFigures ? '' : '; figures not recomputed (add --recompute to check them)';
    const all = `${c.green('✔')} ${what} the SHA-256 recorded in ${safe(reportFile)}${unchecked}`;
    const figures = recomputeFigures
      ? await figuresLines(JSON.parse(text), base, env)
      : { lines: [], ok: true };
    process.stdout.write(`${[all, ...noted, ...figures.lines].join('\n')}\n`);
    return figures.ok ? 0 : 1;
  }
  const relative = [...parsed.inputs.map((i) => i.path), ...(caseFile ? [caseFile.path] : [])].some(
    (p) => !path.isAbsolute(p),
  );
  const expected = parsed.inputs.length + (caseFile ? 1 : 0);
  if (relative && expected > 0 && missing.length === expected && changed.length + damaged.length === 0) {
    // Nothing the report names is where it was looked for: the folder is wrong far more often than the files.
    const lines = [
      `${c.red('✖')} none of the files recorded in ${safe(reportFile)} is under ${safe(resolveShown(base))}:`,
      ...missing.map((p) => `  missing: ${safe(p)}`),
      ...extra.map((p) => `  extra:   ${safe(p)}`),
      ...noted,
      `Paths are resolved from ${safe(resolveShown(base))} (${root === undefined ? 'the current folder' : 'the folder given to --root'}), ` +
        'so this is most likely the wrong folder rather than changed files.',
      await whereFound(parsed, reportFile, base),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 1;
  }
  const inputsDiffer = changed.length + damaged.length + missing.length + extra.length > caseChanges;
  const differ = !caseChanges
    ? 'the inputs differ from those'
    : inputsDiffer
      ? 'the inputs and the case file differ from those'
      : 'the case file differs from the one';
  const lines = [`${c.red('✖')} ${differ} recorded in ${safe(reportFile)}:`];
  for (const p of changed) lines.push(`  changed: ${safe(p)}`);
  for (const p of damaged) lines.push(`  damaged: ${safe(p)}`);
  for (const p of missing) lines.push(`  missing: ${safe(p)}`);
  for (const p of extra) lines.push(`  extra:   ${safe(p)}`);
  lines.push(...noted);
  if (damaged.length > 0)
    lines.push(
      'A damaged archive member no longer holds the bytes that were put in the archive (a bad copy, download or disk). ' +
        'Verify the original archive the report was made from; if that is damaged too, download or export it again and make a new report from it.',
    );
  if (caseDiffers)
    lines.push(
      'Every figure in the report depends on the case file it was made with. ' +
        'If the change was intended, make a new report; if not, put back the case file the report was made with.',
    );
  if (addedCases.length > 0)
    lines.push(
      'A case file in a folder is read by every report made from that folder. ' +
        'If it was added on purpose, make a new report; if not, remove it.',
    );
  lines.push(
    relative
      ? `Paths are resolved from ${safe(resolveShown(base))}; use --root DIR to verify a copy kept elsewhere.`
      : 'The report names its inputs by absolute paths, so they are checked where they were when it was made.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 1;
}

const NOT_READ_WORDS = {
  added:
    'Files were added beside the evidence since the report was made (a report made now lists them as not read), or its list of files not read was edited. Move the added files out of the folder and verify again, or use the copy saved with the evidence.',
  changed:
    'The files beside the evidence changed since the report was made (a file it lists as not read is gone, or is passed over for another reason), or its list of files not read was edited. The inputs it read match; use the copy saved with the evidence.',
};

/** What `--recompute` says: the report made again from the matching inputs is the same, or where it differs. */
async function figuresLines(
  report: unknown,
  base: string,
  env: Environment,
): Promise<{ lines: string[]; ok: boolean }> {
  const c = env.stdoutChalk;
  const r = await recompute(report, base, env);
  if (r.count === 0)
    return {
      ok: true,
      lines: [
        `${c.green('✔')} made again from these inputs, the report is the same: its figures are what chronolog ${VERSION} makes of them`,
      ],
    };
  return {
    ok: false,
    lines: [
      `${c.red('✖')} made again from these inputs, the report differs in ${r.count === 1 ? '1 place' : `${r.count} places`}:`,
      ...r.differences.map((d) => `  ${safe(d)}`),
      ...(r.count > LISTED ? [`  … and ${r.count - LISTED} more`] : []),
      r.caveat
        ? `This can come from the software rather than an edit: ${safe(r.caveat)}. Verify with the chronolog and time zone data that made the report.`
        : r.notRead
          ? NOT_READ_WORDS[r.notRead]
          : 'The report was changed after it was made, or was not made from these inputs with the options it records. Use the copy saved with the evidence.',
    ],
  };
}

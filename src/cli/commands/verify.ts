/**
 * `chronolog verify REPORT.json [--root DIR]`: re-hashes every input a report lists, so a third party can check
 * that the files they hold are the files the report was made from. Members of zip archives are hashed inside the
 * archive. Files now present under the report's paths but absent from the report (neither read nor listed as not
 * read) are named as extra. Paths are taken as the report wrote them, as `walk` names files: under an absolute run
 * path they are absolute and checked where they are; relative ones are resolved from `--root` (default: the
 * current folder).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ToolError, UsageError } from '../../model/errors.js';
import { terminalSafe as safe } from '../../reports/sanitize.js';
import { containers, type SourceInput } from '../../sources/index.js';
import type { Environment } from '../environment.js';
import { CASE_FILE_NAMES, fileInput, walk } from '../inputs.js';

const ReportInputs = z.object({
  schemaVersion: z.literal(1),
  run: z.object({ paths: z.array(z.string()) }).optional(),
  inputs: z.array(z.object({ path: z.string(), sha256: z.string() })),
  ignoredFiles: z.array(z.object({ path: z.string() })).default([]),
  case: z.object({ caseFile: z.object({ path: z.string() }).nullable().optional() }).optional(),
});

async function sha256Of(input: SourceInput): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of input.open()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Hashes of the members of one archive on disk, by member path; members the reader passes over map to null. */
async function memberHashes(archive: SourceInput): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const container = containers.find((c) => c.id === 'zip')!;
  const ignore = (member: string) => out.set(member, null);
  for await (const m of container.members(archive, { ignore, warn: () => {} })) {
    out.set(m.path.slice(archive.path.length + 2), await sha256Of(m));
  }
  return out;
}

/** A report file that cannot be read: missing is an input failure (exit 1), said in words. */
function unreadable(file: string, err: NodeJS.ErrnoException): ToolError {
  const why: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a folder, not a report',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
  };
  return new ToolError(
    'VERIFY_NO_REPORT',
    `cannot read ${file}: ${why[err.code ?? ''] ?? `an error occurred (${err.code ?? err.message})`}`,
    'Give the path of the report written with --format json, e.g. chronolog verify report.json',
  );
}

export async function verifyCommand(
  reportFile: string,
  root: string | undefined,
  env: Environment,
): Promise<number> {
  let text: string;
  try {
    text = await readFile(reportFile, 'utf8');
  } catch (err) {
    throw unreadable(reportFile, err as NodeJS.ErrnoException);
  }
  let parsed: z.infer<typeof ReportInputs>;
  try {
    parsed = ReportInputs.parse(JSON.parse(text));
  } catch {
    throw new UsageError(
      'VERIFY_BAD_REPORT',
      `${reportFile} is not a chronolog JSON report`,
      'Give the report written with --format json.',
    );
  }
  const base = root ?? '.';
  const c = env.stdoutChalk;
  const changed: string[] = [];
  const missing: string[] = [];
  const archives = new Map<string, Map<string, string | null>>();
  for (const input of parsed.inputs) {
    const bang = input.path.indexOf('!/');
    const diskPath = bang < 0 ? input.path : input.path.slice(0, bang);
    const abs = path.resolve(base, diskPath);
    let actual: string | undefined;
    try {
      const bytes = (await stat(abs)).size;
      if (bang < 0) actual = await sha256Of(fileInput(abs, bytes, diskPath));
      else {
        if (!archives.has(diskPath))
          archives.set(diskPath, await memberHashes(fileInput(abs, bytes, diskPath)));
        actual = archives.get(diskPath)?.get(input.path.slice(bang + 2)) ?? undefined;
      }
    } catch {
      actual = undefined;
    }
    if (actual === undefined) missing.push(input.path);
    else if (actual !== input.sha256)
      changed.push(`${input.path} (expected ${input.sha256.slice(0, 16)}…, found ${actual.slice(0, 16)}…)`);
  }
  const known = new Set([
    ...parsed.inputs.map((i) => path.normalize(i.path.split('!/')[0]!)),
    ...parsed.ignoredFiles.map((i) => path.normalize(i.path.split('!/')[0]!)),
  ]);
  const extra: string[] = [];
  // Each run path is walked on its own and the files found are named as the report named them: under the path as
  // it was given, absolute or relative (see `walk`), so they compare with the report's own list.
  for (const given of parsed.run?.paths ?? []) {
    const top = path.resolve(base, given);
    const present = await walk([top]).catch(() => undefined);
    for (const f of present?.files ?? []) {
      const shown = path.normalize(path.join(given, path.relative(top, f.abs)));
      if (!known.has(shown) && !(CASE_FILE_NAMES as readonly string[]).includes(path.basename(shown)))
        extra.push(shown);
    }
  }
  // A member added to an archive since the report is as much a change as a file added to a folder.
  const listed = new Set([...parsed.inputs.map((i) => i.path), ...parsed.ignoredFiles.map((i) => i.path)]);
  for (const [diskPath, members] of archives) {
    for (const member of members.keys()) {
      const full = `${diskPath}!/${member}`;
      if (!listed.has(full)) extra.push(full);
    }
  }
  if (changed.length + missing.length + extra.length === 0) {
    process.stdout.write(
      `${c.green('✔')} all ${parsed.inputs.length} inputs match the SHA-256 recorded in ${safe(reportFile)}\n`,
    );
    return 0;
  }
  const lines = [`${c.red('✖')} the inputs differ from those recorded in ${safe(reportFile)}:`];
  for (const p of changed) lines.push(`  changed: ${safe(p)}`);
  for (const p of missing) lines.push(`  missing: ${safe(p)}`);
  for (const p of extra) lines.push(`  extra:   ${safe(p)}`);
  const relative = parsed.inputs.some((i) => !path.isAbsolute(i.path));
  lines.push(
    relative
      ? `Paths are resolved from ${safe(path.resolve(base))}; use --root DIR to verify a copy kept elsewhere.`
      : 'The report names its inputs by absolute paths, so they are checked where they were when it was made.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 1;
}

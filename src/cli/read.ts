/**
 * Shared by every command that reads inputs: walk the paths, resolve the case, read the timeline with a
 * progress bar, and turn "nothing usable" into a clear error.
 */
import path from 'node:path';
import { ToolError, UsageError } from '../model/errors.js';
import type { ResolvedCase } from '../model/index.js';
import { readTimeline, type Timeline } from '../pipeline/index.js';
import { terminalSafe } from '../reports/sanitize.js';
import { containers, type DateOrder, sources } from '../sources/index.js';
import { type CaseFlags, resolveCase } from './case.js';
import type { Environment } from './environment.js';
import { fileInput, walk } from './inputs.js';
import { createProgress } from './progress.js';

export interface ReadFlags extends CaseFlags {
  readonly dateOrder?: DateOrder;
  readonly formatOf?: string[];
  readonly quiet?: boolean;
}

/** `*` matches within a path segment, `**` across segments, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function forcedFormats(specs: readonly string[] = []): (p: string) => string | undefined {
  const known = new Set([...sources.map((s) => s.id), ...containers.map((c) => c.id)]);
  const rules = specs.map((spec) => {
    const eq = spec.lastIndexOf('=');
    const glob = spec.slice(0, eq);
    const id = spec.slice(eq + 1);
    if (eq <= 0 || !known.has(id)) {
      throw new UsageError(
        'USAGE_BAD_FORMAT_OF',
        `--format-of "${spec}" must be GLOB=FORMAT with a known format`,
        `Known formats: ${[...known].sort().join(', ')}. Example: --format-of "*.txt=whatsapp-txt"`,
      );
    }
    return { re: globToRegExp(glob), id };
  });
  return (p) => {
    const posix = p.split(path.sep).join('/');
    return rules.find((r) => r.re.test(posix) || r.re.test(path.posix.basename(posix)))?.id;
  };
}

export async function readInputs(
  paths: readonly string[],
  flags: ReadFlags,
  env: Environment,
): Promise<{ timeline: Timeline; kase: ResolvedCase }> {
  const forced = forcedFormats(flags.formatOf);
  let walked: Awaited<ReturnType<typeof walk>>;
  try {
    walked = await walk(paths);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { displayPath?: string };
    const target = e.displayPath ?? e.path ?? 'input';
    throw new ToolError(
      'INPUT_NOT_FOUND',
      e.code === 'ENOENT'
        ? `${target}: no such file or folder`
        : `${target}: cannot be read (${e.code ?? e.message})`,
      'Check the path. Give the folder that holds the exports, e.g. chronolog report ~/exports',
    );
  }
  const kase = await resolveCase(flags, walked.caseFiles, env.systemZone);
  const progress = createProgress(env.stderrIsTTY && !flags.quiet, env.width);
  const timeline = await readTimeline({
    inputs: walked.files.map((f) => fileInput(f.abs, f.bytes, f.display)),
    case: kase,
    ...(flags.dateOrder ? { dateOrder: flags.dateOrder } : {}),
    forcedFormat: forced,
    onProgress: (p) => progress.update(p),
    passedOver: walked.passedOver.map((p) => ({ path: p.display, reason: p.reason })),
  });
  progress.done();
  if (timeline.inputs.length === 0) {
    // One line per file: a line break in a file name must not split its line (the message keeps its own breaks).
    const why = timeline.ignored.map((f) => terminalSafe(`${f.path}: ${f.reason}`));
    throw new ToolError(
      'INPUT_NOTHING_RECOGNISED',
      walked.files.length === 0
        ? `no files found in ${paths.join(', ')}`
        : `${walked.files.length === 1 ? 'the file is not' : `none of the ${walked.files.length} files is`} a supported export:\n  ${why.slice(0, 20).join('\n  ')}`,
      'Run `chronolog formats` to see what is supported and how to export it; force a format with --format-of "GLOB=FORMAT".',
    );
  }
  if (timeline.inputs.every((i) => i.events === 0)) {
    const errors = timeline.problems.list.filter((p) => p.severity === 'error');
    const first = errors[0];
    throw new ToolError(
      'INPUT_NO_EVENTS',
      first
        ? `no events could be read. ${first.file ?? ''}${first.locator ? `:${first.locator}` : ''}: ${first.message}`
        : `no events could be read from ${timeline.inputs.map((i) => i.path).join(', ')} (every record was skipped or the files are empty)`,
      first?.hint ?? 'Check that these are the exported chats or backups, not empty files.',
    );
  }
  return { timeline, kase };
}

/**
 * Shared by every command that reads inputs: walk the paths, resolve the case, read the timeline with a
 * progress bar, and turn "nothing usable" into a clear error.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ToolError, UsageError } from '../model/errors.js';
import { shownOf } from '../model/format.js';
import type { Problem, ResolvedCase } from '../model/index.js';
import { quoted } from '../model/shell-quote.js';
import { readTimeline, type Timeline } from '../pipeline/index.js';
import { readErrorWords, unreadableHint } from '../pipeline/read-errors.js';
import { plural } from '../reports/format.js';
import { terminalSafe } from '../reports/sanitize.js';
import { containers, type DateOrder, sources } from '../sources/index.js';
import { isUnsupportedReason } from '../sources/unsupported.js';
import { NESTED } from '../sources/zip.js';
import { TEXT_BLOCK_BYTES } from '../timeline/pages.js';
import type { TextMarks } from '../timeline/text-marks.js';
import { givenPath, undecodedArgument } from './argv-bytes.js';
import { type CaseFlags, resolveCase } from './case.js';
import type { DiskPath } from './disk-path.js';
import { DOCUMENT_HEAD_BYTES, documentReason, isDocument, namedAsDocument } from './documents.js';
import { emptyHint, isEmptyFile } from './empty-files.js';
import type { Environment } from './environment.js';
import { fileBytes } from './file-head.js';
import { freshBlocks } from './fresh-blocks.js';
import { CASE_FILE_NAMES, fileInput, givenName, RENAME, walk } from './inputs.js';
import { identity } from './out-guard.js';
import { parseHost } from './parse-host.js';
import { workerPolicy } from './parse-spawn.js';
import { createProgress } from './progress.js';

export interface ReadFlags extends CaseFlags {
  readonly dateOrder?: DateOrder;
  readonly formatOf?: string[];
  readonly quiet?: boolean;
  /** The report's generation time: records dated well after it are flagged (timeline/future.ts). */
  readonly generatedAt?: string;
  /** The command being run (`report` when absent), for the examples hints give. */
  readonly command?: string;
  /**
   * The options as typed on the command line, as words (`--format`, `html`; given-options.ts), for the command
   * lines hints suggest: absent when the command was not run from a command line.
   */
  readonly given?: readonly string[];
  /** Find the copy kept of every duplicate (`timeline --with-duplicates`). */
  readonly everyDuplicate?: boolean;
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

/** The format `--format-of` forces on a path, if any; a spec that is not GLOB=KNOWN-FORMAT is a usage error. */
export function forcedFormats(specs: readonly string[] = []): (p: string) => string | undefined {
  const known = new Set([...sources.map((s) => s.id), ...containers.map((c) => c.id)]);
  const rules = specs.map((spec) => {
    const eq = spec.lastIndexOf('=');
    const glob = spec.slice(0, eq);
    const id = spec.slice(eq + 1);
    if (eq <= 0 || !known.has(id)) {
      throw new UsageError(
        'USAGE_BAD_FORMAT_OF',
        eq <= 0
          ? `--format-of "${spec}" must be GLOB=FORMAT with a known format`
          : `--format-of "${spec}": "${id}" is not a known format`,
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

/** What `readInputs` gives: the timeline and case, and for `inspect`, the failure it was asked not to throw. */
export interface ReadResult {
  readonly timeline: Timeline;
  readonly kase: ResolvedCase;
  /** Set only with `keepGoing`: why a report could not be made (nothing recognised, no events). */
  readonly failure?: ToolError;
}

/** The same regular file, as the file system sees it (links followed); false when either cannot be found. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([identity(givenPath(a)), identity(givenPath(b))]);
  return x !== undefined && x === y;
}

/**
 * Refuses a case file given among the paths (`report case.json chat.txt`). A case file is never read as an input,
 * and only one found at the top of a folder argument (or given with --case) is used, so this one would be passed
 * over: its subject, zone and milestones lost without a word, or the run stopped for want of a subject. Given as
 * --case too, it is the case file, and fine.
 */
async function refuseCaseFileAsInput(paths: readonly string[], caseFlag: string | undefined): Promise<void> {
  for (const p of paths) {
    if (!(CASE_FILE_NAMES as readonly string[]).includes(path.basename(p))) continue;
    const st = await stat(givenPath(p)).catch(() => undefined);
    if (!st?.isFile() || (caseFlag !== undefined && (await sameFile(p, caseFlag)))) continue;
    throw new UsageError(
      'USAGE_CASE_FILE_AS_INPUT',
      `${p} is a case file, which is never read as an export: given among the paths, it would not be used`,
      `Give it with --case ${quoted(p)}, or give the folder that holds it and the exports instead.`,
    );
  }
}

/** How many files' first bytes are read at once when looking for pictures and documents among them. */
const DOCUMENT_CHECKS_AT_ONCE = 32;

/**
 * The pictures, recordings and documents among `files` (documents.ts), by the path shown, with why each is not
 * read: named so and starting so. Only files named so are opened here, for their first 8 KiB; one that cannot be
 * opened, or that `--format-of` forces a format on, is left to be read, which says what happens to it.
 */
async function documentsAmong(
  files: readonly { abs: DiskPath; display: string }[],
  forced: (p: string) => string | undefined,
): Promise<Map<string, string>> {
  const named = files.filter((f) => namedAsDocument(f.display) && forced(f.display) === undefined);
  const found = new Map<string, string>();
  for (let i = 0; i < named.length; i += DOCUMENT_CHECKS_AT_ONCE) {
    const batch = named.slice(i, i + DOCUMENT_CHECKS_AT_ONCE);
    const heads = await Promise.all(batch.map((f) => fileBytes(f.abs, DOCUMENT_HEAD_BYTES)));
    batch.forEach((f, k) => {
      const head = heads[k];
      const reason = head === undefined ? undefined : documentReason(f.display, head);
      if (reason !== undefined) found.set(f.display, reason);
    });
  }
  return found;
}

/** The hint for a path that does not exist, with an example of the command that was run. */
const checkThePath = (command = 'report'): string =>
  `Check the path. Give the folder that holds the exports, e.g. chronolog ${command} ~/exports`;

/**
 * True when nothing is at `p` (a broken link included); any other error is left to the walk, which says it. A path
 * given as bytes that are not UTF-8 is looked for as those bytes (argv-bytes.ts).
 */
async function absent(p: string): Promise<boolean> {
  try {
    await stat(givenPath(p));
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** The most arguments one path split at its spaces is looked for in: more is no likely typing. */
const MOST_PIECES = 12;

/**
 * Refuses paths that do not exist, naming every one (not just the first the walk meets). A path with spaces left
 * unquoted reaches chronolog as several arguments (`report mixed case/My Exports` is `mixed`, `case/My` and
 * `Exports`), none of which exists: where consecutive arguments, one of them missing, joined with spaces name a
 * path that does exist, the hint names it and says to quote it.
 */
async function refuseMissingPaths(paths: readonly string[], command: string): Promise<void> {
  const missing: boolean[] = [];
  for (const p of paths) missing.push(await absent(p));
  if (!missing.includes(true)) return;
  const joined: string[] = [];
  const explained = new Set<number>();
  // Leftmost first, longest first: the whole of each path that was split, not a part of it that also exists.
  for (let i = 0; i < paths.length; i++) {
    for (let j = Math.min(paths.length, i + MOST_PIECES) - 1; j > i; j--) {
      if (!missing.slice(i, j + 1).includes(true)) continue;
      const whole = paths.slice(i, j + 1).join(' ');
      if (await absent(whole)) continue;
      joined.push(whole);
      for (let k = i; k <= j; k++) explained.add(k);
      i = j;
      break;
    }
  }
  const unexplained = missing.some((m, k) => m && !explained.has(k));
  const gone = paths.filter((_, k) => missing[k]);
  // A name Node could not decode, whose bytes could not be had either: the file may be there all the same.
  const undecoded = gone.some(undecodedArgument);
  const message =
    gone.length === 1
      ? `${terminalSafe(gone[0]!)}: no such file or folder`
      : `${gone.length === paths.length ? `none of the ${gone.length} paths given exists` : `${gone.length} of the ${paths.length} paths given do not exist`} (no such file or folder):\n  ${gone.map(terminalSafe).join('\n  ')}`;
  const hint =
    joined.length > 0
      ? `Did you mean ${joined.map(quoted).join(' and ')}? Put a path with spaces in quotes: without them, the shell gives each word to chronolog as a path of its own.${unexplained ? ' Check the other paths too.' : ''}`
      : undecoded
        ? `A name shown with � held bytes that are not valid UTF-8 (a letter such as é written by an older computer), which chronolog could not get from the command line as they are. Give the folder that holds the file instead (a file in a folder is read whatever its name), or ${RENAME}.`
        : checkThePath(command);
  throw new ToolError('INPUT_NOT_FOUND', message, hint);
}

/**
 * Walks, reads and checks the inputs. Throws a `ToolError` when nothing usable was read, unless `keepGoing`
 * (for `inspect`, which shows what it found either way) — then the error comes back as `failure`.
 */
export async function readInputs(
  paths: readonly string[],
  flags: ReadFlags,
  env: Environment,
  keepGoing = false,
  marksFor?: (kase: ResolvedCase) => TextMarks,
): Promise<ReadResult> {
  await refuseCaseFileAsInput(paths, flags.case);
  const policy = workerPolicy(env.workerMinBytes);
  const forced = forcedFormats(flags.formatOf);
  // After the usage errors above (exit 2), which come first whatever the paths.
  await refuseMissingPaths(paths, flags.command ?? 'report');
  let walked: Awaited<ReturnType<typeof walk>>;
  try {
    walked = await walk(paths);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { displayPath?: string };
    const target = e.displayPath ?? e.path ?? 'input';
    if (e.code === 'ENOENT')
      throw new ToolError(
        'INPUT_NOT_FOUND',
        `${target}: no such file or folder`,
        checkThePath(flags.command),
      );
    throw new ToolError(
      'INPUT_UNREADABLE',
      `${target}: cannot be read: ${readErrorWords(e)}`,
      unreadableHint(e, 'file'),
    );
  }
  // A case file is configuration, never evidence; below the top of a folder it is not used either, and says so.
  // The paths given, as the files they name are named (`givenName`): "./case.json" is named "case.json".
  const given = new Set(paths.map(givenName));
  const nested = walked.files.filter((f) =>
    (CASE_FILE_NAMES as readonly string[]).includes(path.basename(f.display)),
  );
  const candidates = walked.files.filter((f) => !nested.includes(f));
  const documents = await documentsAmong(candidates, forced);
  const files = candidates.filter((f) => !documents.has(f.display));
  // A case file in a folder whose path is not UTF-8 is not used, unless it is the one --case names.
  const caseGiven = new Set<string>();
  const unused = walked.passedOver.filter((p) => p.caseFile !== undefined);
  const caseId =
    flags.case === undefined || unused.length === 0 ? undefined : await identity(givenPath(flags.case));
  for (const p of unused)
    if (caseId !== undefined && (await identity(p.caseFile!)) === caseId) caseGiven.add(p.display);
  const passedOver = [
    ...walked.passedOver.map((p) => ({
      path: p.display,
      reason: caseGiven.has(p.display) ? 'the case file, given with --case (not an input)' : p.reason,
      error: p.error,
    })),
    ...[...documents].map(([p, reason]) => ({ path: p, reason })),
    ...nested.map((f) => ({
      path: f.display,
      // Given as a path itself (allowed only when it is also --case), or found below the top of a folder, where
      // only --case would make it the case file.
      reason: given.has(f.display)
        ? 'the case file, given with --case (not an input)'
        : 'a case file in a subfolder is not used (pass it with --case)',
    })),
  ];
  const inputs = new Map(files.map((f) => [fileInput(f.abs, f.bytes, f.display), f] as const));
  const blocks = freshBlocks(TEXT_BLOCK_BYTES);
  let marks: TextMarks | undefined;
  // The part of the file being read that has been read, for `fillOne` to ready only the blocks it will fill.
  let done = 0;
  // Started before the case is resolved, so that the worker is ready when the first large file is; while this
  // thread waits for the worker, it readies text blocks for the timeline.
  const host = parseHost(inputs, policy, () => blocks.fillOne(done));
  // Not waited for: the thread takes ~10 ms to stop, and nothing after this needs it stopped (a run that ends
  // sooner still waits for it, as Node waits for every thread).
  const stop = (): void => {
    blocks.close();
    host?.close().catch(() => {});
  };
  let kase: ResolvedCase;
  try {
    kase = await resolveCase(flags, walked.caseFiles, env.systemZone, paths);
    marks = marksFor?.(kase);
  } catch (err) {
    stop();
    throw err;
  }
  const progress = createProgress(env.stderrIsTTY && !flags.quiet, env.width);
  let timeline: Timeline;
  try {
    timeline = await readTimeline({
      inputs: [...inputs.keys()],
      case: kase,
      ...(flags.dateOrder ? { dateOrder: flags.dateOrder } : {}),
      forcedFormat: forced,
      onProgress: (p) => {
        done = p.bytes > 0 ? p.bytesRead / p.bytes : 0;
        progress.update(p);
      },
      passedOver,
      ...(flags.generatedAt ? { generatedAt: flags.generatedAt } : {}),
      newBlock: blocks.newBlock,
      ...(host ? { elsewhere: host.elsewhere } : {}),
      ...(marks ? { marks } : {}),
      ...(flags.everyDuplicate ? { everyDuplicate: true } : {}),
    });
  } finally {
    stop();
  }
  progress.done();
  // Entries that are no export at all: a folder reached again through a link, the case file given with --case.
  const besides = {
    links: walked.passedOver.filter((p) => p.repeatedFolder).map((p) => p.display),
    caseFiles: [
      ...nested.filter((f) => given.has(f.display)).map((f) => f.display),
      ...walked.caseFiles,
      ...walked.passedOver.filter((p) => p.caseFile !== undefined).map((p) => p.display),
    ],
  };
  const failure = nothingUsable(paths, timeline, besides);
  if (failure && !keepGoing) throw failure;
  return { timeline, kase, ...(failure ? { failure } : {}) };
}

/** `path: message`, without naming the path twice when the message already starts with it. */
function located(p: Problem): string {
  const file = p.file ?? '';
  return p.message.startsWith(file) ? p.message : `${file}${p.locator ? `:${p.locator}` : ''}: ${p.message}`;
}

const FORMATS_HINT =
  'Run `chronolog formats` to see what is supported and how to export it; force a format with --format-of "GLOB=FORMAT".';

/** Said when the files not read are exports chronolog recognises but does not read: their reasons say what to do. */
const UNSUPPORTED_HINT = 'Run `chronolog formats` to see which exports chronolog reads and how to make each.';

/**
 * Said when pictures or documents were all there was to read, or among what there was: --format-of cannot make a
 * screenshot or a letter readable, so it is offered only for the other files, which may be exports in a layout not
 * recognised.
 */
function documentsHint(othersToo: boolean): string {
  return `Screenshots, photos, letters and other documents cannot be read: chronolog reads the messages as exported from the app itself (a WhatsApp chat exported as text, an SMS backup, …). Run \`chronolog formats\` to see how to export each.${othersToo ? ' If another of these files is an export in a layout not recognised, force its format with --format-of "GLOB=FORMAT".' : ''}`;
}

/**
 * Why nothing was read when the paths hold archives inside archives (`nested`, which are not opened) and, of the
 * other files (`ignored` holds them all), none that failed: the archives are not empty, and the remedy is to unzip
 * the outer one, not another format.
 */
function onlyNested(
  nested: readonly { path: string; reason: string }[],
  ignored: readonly { path: string; reason: string }[],
): ToolError {
  const split = (p: string) => {
    const at = p.lastIndexOf('!/');
    return { outer: terminalSafe(p.slice(0, at)), inner: terminalSafe(p.slice(at + 2)) };
  };
  const outers = [...new Set(nested.map((f) => split(f.path).outer))];
  // Named within their archive when there is one archive, else in full.
  const inner = nested
    .map((f) => (outers.length === 1 ? split(f.path).inner : terminalSafe(f.path)))
    .join(', ');
  const one = nested.length === 1;
  const others = ignored.filter((f) => f.reason !== NESTED);
  const listed = shownOf(others.length, 20);
  const rest =
    others.length === 0
      ? ''
      : `; the other ${others.length === 1 ? 'file is' : `${plural(others.length, 'file')} are`} not an export:\n  ${others
          .slice(0, listed)
          .map((f) => terminalSafe(`${f.path}: ${f.reason}`))
          .join('\n  ')}${others.length > listed ? `\n  … and ${others.length - listed} more` : ''}`;
  return new ToolError(
    'ZIP_NESTED',
    `no export could be read: ${outers.join(', ')} ${outers.length === 1 ? 'holds' : 'hold'} ${others.length === 0 ? 'only ' : ''}${one ? 'another archive' : 'other archives'} (${inner}), which ${one ? 'is' : 'are'} not opened: a zip inside a zip is not read${rest}`,
    `Unzip ${outers.length === 1 ? outers[0] : 'the outer archives'} and give chronolog the ${one ? 'archive' : 'archives'} inside (${inner}), which ${one ? 'is' : 'are'} read in place.`,
  );
}

/** Said when the paths hold no file at all: the likely cause is the wrong folder, not a format. */
const NO_FILES_HINT =
  'Give the folder the exports were saved or unzipped to (a WhatsApp chat, an SMS backup, an incident diary, …). Run `chronolog formats` to see what can be read and how to export it.';

/**
 * Why no report can be made from this timeline, if that is so. `besides` are what the paths held that is no
 * export: folders reached again through a link, and case files. Paths holding nothing else hold no files, which
 * is said as such (with what they did hold) rather than as files of no supported format.
 */
function nothingUsable(
  paths: readonly string[],
  timeline: Timeline,
  besides: { links: readonly string[]; caseFiles: readonly string[] } = { links: [], caseFiles: [] },
): ToolError | undefined {
  if (timeline.inputs.length === 0) {
    const notExports = new Set([...besides.links, ...besides.caseFiles]);
    const ignored = timeline.ignored.filter((f) => !notExports.has(f.path));
    if (ignored.length === 0) {
      const held = [
        ...(besides.caseFiles.length > 0 ? ['a case file'] : []),
        ...(besides.links.length > 0 ? ['a link back to a folder already read'] : []),
      ];
      return new ToolError(
        'INPUT_NOTHING_RECOGNISED',
        held.length > 0
          ? `no exports found in ${paths.join(', ')}: ${paths.length === 1 ? 'it holds' : 'they hold'} nothing but ${held.join(' and ')}`
          : `no files found in ${paths.join(', ')}`,
        NO_FILES_HINT,
      );
    }
    // A file that could not be read, or an archive that could not be opened, has its own reason and remedy.
    const failed = new Map<string, Problem>();
    for (const p of timeline.problems.list)
      if (p.severity === 'error' && p.file !== undefined && !failed.has(p.file)) failed.set(p.file, p);
    const nested = ignored.filter((f) => f.reason === NESTED);
    if (nested.length > 0 && !ignored.some((f) => failed.has(f.path))) return onlyNested(nested, ignored);
    // One line per file: a line break in a file name must not split its line.
    const reasons = ignored.map((f) => {
      const p = failed.get(f.path);
      return terminalSafe(p ? located(p) : `${f.path}: ${f.reason}`);
    });
    const first = ignored.map((f) => failed.get(f.path)).find((p) => p !== undefined);
    if (first && ignored.length === 1)
      return new ToolError(first.code, located(first), first.hint ?? FORMATS_HINT);
    const allFailed = ignored.every((f) => failed.has(f.path));
    // --format-of is offered only for files that some format might read: not pictures, documents, empty files, or
    // exports recognised as ones chronolog does not read (their reason says what to do instead).
    const unrecognised = ignored.some(
      (f) => !isDocument(f) && !isEmptyFile(f) && !isUnsupportedReason(f.reason) && !failed.has(f.path),
    );
    const empty = ignored.filter(isEmptyFile).length;
    const formatsHint = [
      ignored.some(isDocument)
        ? documentsHint(unrecognised)
        : unrecognised
          ? FORMATS_HINT
          : ignored.some((f) => isUnsupportedReason(f.reason))
            ? UNSUPPORTED_HINT
            : '',
      empty > 0 ? emptyHint(empty, ignored.length) : '',
    ]
      .filter((s) => s !== '')
      .join(' ');
    const files = ignored.length === 1 ? 'the file' : `none of the ${plural(ignored.length, 'file')}`;
    const listed = shownOf(reasons.length, 20);
    const list = `\n  ${reasons.slice(0, listed).join('\n  ')}${reasons.length > listed ? `\n  … and ${reasons.length - listed} more` : ''}`;
    return new ToolError(
      first ? first.code : 'INPUT_NOTHING_RECOGNISED',
      allFailed
        ? `${files} could be read:${list}`
        : first
          ? `${files} could be read as a supported export:${list}`
          : `${ignored.length === 1 ? 'the file is not' : `${files} is`} a supported export:${list}`,
      first ? `${first.hint ?? ''}${allFailed ? '' : ` ${formatsHint}`}`.trim() : formatsHint,
    );
  }
  if (timeline.inputs.every((i) => i.events === 0)) {
    const errors = timeline.problems.list.filter((p) => p.severity === 'error');
    const first = errors[0];
    return new ToolError(
      'INPUT_NO_EVENTS',
      first
        ? `no events could be read. ${first.file ?? ''}${first.locator ? `:${first.locator}` : ''}: ${first.message}`
        : `no events could be read from ${timeline.inputs.map((i) => i.path).join(', ')} (every record was skipped or the files are empty)`,
      first?.hint ?? 'Check that these are the exported chats or backups, not empty files.',
    );
  }
  return undefined;
}

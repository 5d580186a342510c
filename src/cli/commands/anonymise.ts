/**
 * `chronolog anonymise PATHS --key-file KEY --out OUTDIR [--shift-dates] [--drop-text]`: the case as pseudonymised
 * JSONL, one file per original input (OUTDIR/input-001.jsonl, …, in the original order), a case file with
 * pseudonymised identifiers (case.json) and a manifest of what was done, with each input's accounting
 * (manifest.json). The key is read from a file (never a flag or the environment, which leak through `ps` and
 * shell history) and is never written anywhere.
 */

import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BUILT_IN_LEXICON, DEFAULT_CEASE_PHRASES } from '../../analysis/escalation/index.js';
import { ToolError, UsageError } from '../../model/errors.js';
import { isHandKept } from '../../model/hand-kept.js';
import type { ResolvedCase, TimelineEvent } from '../../model/index.js';
import { readHead } from '../../pipeline/hashing.js';
import { readTimeline, type Timeline } from '../../pipeline/index.js';
import { openErrorWords } from '../../pipeline/read-errors.js';
import { plural } from '../../reports/format.js';
import { jsonInert } from '../../reports/sanitize.js';
import { detect, HEAD_BYTES, makeProbe } from '../../sources/detect.js';
import type { SourceInput } from '../../sources/index.js';
import {
  ANON_FORMAT,
  ANON_VERSION,
  type AnonFile,
  anonymiseCase,
  MIN_KEY_BYTES,
  PSEUDONYM_SCHEME,
  Pseudonymiser,
} from '../../timeline/anonymise/index.js';
import { ANON_FILE, ANON_HEADER, refuseOutAmongInputs } from '../anonymise-out.js';
import type { DiskPath } from '../disk-path.js';
import type { Environment } from '../environment.js';
import { fileHead } from '../file-head.js';
import { byteOrder, fileInput, givenName, walk } from '../inputs.js';
import { commandAsRun, noSubjectError } from '../no-subject.js';
import { refuseToOverwriteInputs } from '../out-guard.js';
import { fileSink, outputFolder } from '../output.js';
import { type ReadFlags, readInputs } from '../read.js';
import { problemList, unreadOf, unreadText } from '../summary.js';
import { VERSION } from '../version.js';

export interface AnonymiseFlags extends ReadFlags {
  readonly keyFile?: string;
  readonly out?: string;
  readonly shiftDates?: boolean;
  readonly dropText?: boolean;
  readonly caseId?: string;
}

/** Reads the study key: the file's bytes, less one trailing line break (editors add one). */
export async function readKey(keyFile: string | undefined): Promise<Uint8Array> {
  if (keyFile === undefined) {
    throw new UsageError(
      'USAGE_NO_KEY',
      'anonymise needs a secret key: --key-file FILE',
      `Make one once per study and keep it apart from the data, e.g. head -c ${MIN_KEY_BYTES} /dev/urandom | base64 > study.key`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = keyFile === '-' ? await readStdin() : await readFile(keyFile);
  } catch (err) {
    throw new UsageError(
      'USAGE_KEY_UNREADABLE',
      `cannot read the key file ${keyFile}: ${openErrorWords(err)}`,
      'Check the path given to --key-file.',
    );
  }
  let end = bytes.length;
  if (bytes[end - 1] === 0x0a) end--;
  if (bytes[end - 1] === 0x0d) end--;
  const key = bytes.subarray(0, end);
  if (key.length < MIN_KEY_BYTES) {
    throw new UsageError(
      'USAGE_KEY_TOO_SHORT',
      `the key in ${keyFile} is ${key.length} bytes; at least ${MIN_KEY_BYTES} are needed`,
      `Make a longer one, e.g. head -c ${MIN_KEY_BYTES} /dev/urandom | base64 > study.key`,
    );
  }
  return key;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function writeFile(file: string, text: string): Promise<void> {
  const sink = fileSink(file);
  await sink.write(text);
  await sink.close();
}

/** The input `target` (a file, or a member `archive.zip!/…` at any depth) as a fresh `SourceInput`. */
async function locate(
  files: readonly { abs: DiskPath; display: string; bytes: number }[],
  target: string,
): Promise<SourceInput | undefined> {
  const within = async (outer: SourceInput): Promise<SourceInput | undefined> => {
    const found = detect(makeProbe(outer.name, outer.path, await readHead(outer, HEAD_BYTES)));
    if (found.kind !== 'container') return undefined;
    // Collected first, as the pipeline does: a member is opened after its archive's listing has finished.
    const members: SourceInput[] = [];
    for await (const m of found.container.members(outer, { ignore() {}, warn() {}, notOpened() {} }))
      members.push(m);
    for (const m of members) {
      if (m.path === target) return m;
      if (target.startsWith(`${m.path}!/`)) return within(m);
    }
    return undefined;
  };
  for (const f of files) {
    if (f.display === target) return fileInput(f.abs, f.bytes, f.display);
    if (target.startsWith(`${f.display}!/`)) return within(fileInput(f.abs, f.bytes, f.display));
  }
  return undefined;
}

/**
 * The records of each input that de-duplication dropped (copies of records of earlier inputs). The timeline
 * keeps only the first copy, but an anonymised input must hold them all for its books to match the original.
 * Each input with duplicates is read again on its own (with nothing to de-duplicate against, under the format
 * that read it the first time) and its kept records, matched on locator and instant, are taken away; the rest are
 * given in the order the input holds them.
 */
async function duplicatesOf(
  paths: readonly string[],
  flags: AnonymiseFlags,
  timeline: Timeline,
  kase: ResolvedCase,
): Promise<TimelineEvent[][]> {
  const out = timeline.inputs.map((): TimelineEvent[] => []);
  const keyOf = (e: TimelineEvent) => `${typeof e.locator}\u0000${e.locator}\u0000${e.ms}`;
  const kept = new Map<number, Map<string, number>>();
  timeline.inputs.forEach((x, k) => {
    if (x.duplicates > 0) kept.set(k, new Map());
  });
  if (kept.size === 0) return out;
  for (const e of timeline.events) {
    const m = kept.get(e.input);
    if (m) m.set(keyOf(e), (m.get(keyOf(e)) ?? 0) + 1);
  }
  const { files } = await walk(paths);
  for (const [k, left] of kept) {
    const summary = timeline.inputs[k]!;
    const changed = (why: string) =>
      new ToolError(
        'ANONYMISE_INPUT_CHANGED',
        `${summary.path}: ${why} while it was being anonymised`,
        'Make sure nothing writes to the inputs while chronolog reads them, then run anonymise again.',
      );
    const input = await locate(files, summary.path);
    if (!input) throw changed('the file could not be found again');
    const alone = await readTimeline({
      inputs: [input],
      case: kase,
      ...(flags.dateOrder ? { dateOrder: flags.dateOrder } : {}),
      forcedFormat: (p) => (p === summary.path ? summary.format : undefined),
    });
    const j = alone.inputs.findIndex((x) => x.path === summary.path);
    const dropped: [number, TimelineEvent][] = [];
    for (let i = 0; i < alone.events.length; i++) {
      const e = alone.events.at(i);
      if (e.input !== j) continue;
      const key = keyOf(e);
      const n = left.get(key) ?? 0;
      if (n > 0) left.set(key, n - 1);
      else dropped.push([alone.events.readOrder(i), e]);
    }
    // In the order the input holds them, not in time order: the copy's report samples its duplicates (the first
    // five and the last, `duplicatesAt`) in the order its file holds them, as the original's does, so only then are
    // they the same records. A Messenger export lists its newest message first, and the copy's first five were the
    // oldest of the overlap where the original's were the newest.
    out[k]!.push(...dropped.sort((a, b) => a[0] - b[0]).map(([, e]) => e));
    if (out[k]!.length !== summary.duplicates)
      throw changed('the records read differ from the first reading');
  }
  return out;
}

/**
 * The files in OUTDIR this run may write or remove: its case file and manifest, and the JSONL files of an
 * earlier run. None of them may be an input (`--out` given the case folder itself would replace its case.json).
 */
async function filesAt(out: string): Promise<string[]> {
  const names = await readdir(out).catch(() => [] as string[]);
  return ['case.json', 'manifest.json', ...names.filter((n) => ANON_FILE.test(n))].map((n) =>
    path.join(out, n),
  );
}

/** Removes anonymised files of an earlier run (recognised by their first line) that this run will not write. */
async function removeStale(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    if (keep.has(name) || !ANON_FILE.test(name)) continue;
    const file = path.join(dir, name);
    if ((await fileHead(file, ANON_HEADER.length)) === ANON_HEADER) await rm(file);
  }
}

/**
 * JSON text as the timeline's JSON Lines writes it: C0 controls escaped by JSON.stringify, and DEL, C1 controls,
 * bidi overrides and isolates and U+2028/U+2029 as `\u` escapes too, so a line shows the text it holds, in the
 * order it is stored, and parses back to the same strings.
 */
const inertJson = (value: unknown, indent?: number) => jsonInert(JSON.stringify(value, null, indent));

async function writeJsonl(file: string, first: unknown, lines: readonly unknown[]): Promise<void> {
  const sink = fileSink(file);
  let buffer = `${inertJson(first)}\n`;
  for (const line of lines) {
    buffer += `${inertJson(line)}\n`;
    if (buffer.length > 1 << 16) {
      await sink.write(buffer);
      buffer = '';
    }
  }
  await sink.write(buffer);
  await sink.close();
}

/** The usage error for a case that names neither subject nor victim, listing who is in the inputs. */
function noSubject(
  paths: readonly string[],
  flags: AnonymiseFlags,
  timeline: Timeline,
  kase: ResolvedCase,
): UsageError {
  // The options the user typed (given-options.ts; these two are set only by typing them), with a key file and an
  // output folder, which anonymise needs, as examples where not given (all of them when not run from a command line).
  const typed = (value: string | undefined) => value !== undefined && flags.given !== undefined;
  const extra = [
    ...(typed(flags.keyFile) ? [] : ['--key-file', flags.keyFile ?? 'study.key']),
    ...(typed(flags.out) ? [] : ['--out', flags.out ?? 'anon/case-001']),
  ];
  return noSubjectError(
    'who is the case about? Name the subject (the person whose contact is reported) or the victim: without them every event would be anonymised with the role "other".',
    timeline.events,
    {
      command: commandAsRun('anonymise', paths, flags.given, extra),
      region: kase.region,
      caseFile: kase.caseFile?.path,
      paths,
    },
  );
}

/**
 * What stderr shows after a run: the problems found reading the case and its inputs (those `report` lists in the
 * report: a region not set, a subject identifier never seen, a file that could not be read, …), as `report` and
 * `inspect` show them, then one line saying what was written.
 */
function doneLines(
  timeline: Timeline,
  events: number,
  inputs: number,
  out: string,
  env: Environment,
): string {
  const c = env.stderrChalk;
  // Files not read are not in the anonymised case at all: a researcher must see that an export is missing.
  const unread = unreadOf(timeline);
  const lines = problemList(unread, c);
  const found = unreadText(unread);
  lines.push(
    `${c.dim('chronolog:')} anonymised ${plural(events, 'event')} from ${plural(inputs, 'input')} into ${out}${found !== '' ? `; ${found} (listed above)` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

export async function anonymiseCommand(
  paths: string[],
  flags: AnonymiseFlags,
  env: Environment,
): Promise<number> {
  if (flags.out === undefined || flags.out === '-') {
    throw new UsageError('USAGE_NO_OUT', 'anonymise writes a folder: give --out OUTDIR');
  }
  const p = new Pseudonymiser(await readKey(flags.keyFile));
  await refuseToOverwriteInputs({
    out: flags.out,
    targets: await filesAt(flags.out),
    paths,
    caseFile: flags.case,
    what: 'anonymised case',
    example: 'anon/case-001',
  });
  await refuseOutAmongInputs(flags.out, paths);
  // Said before the inputs are read (a large case takes a while), not when the files are about to be written.
  if ((await stat(flags.out).catch(() => undefined))?.isDirectory() === false) {
    throw new UsageError(
      'USAGE_OUT_NOT_A_FOLDER',
      `--out ${flags.out} is a file, not a folder`,
      'Nothing was written. anonymise writes several files: give a new folder, e.g. --out anon/case-001.',
    );
  }
  const { timeline, kase } = await readInputs(paths, { ...flags, command: 'anonymise' }, env);
  if (kase.subject.identifiers.length === 0 && kase.victim.identifiers.length === 0) {
    throw noSubject(paths, flags, timeline, kase);
  }
  const duplicates = await duplicatesOf(paths, flags, timeline, kase);
  // The first path in the order inputs are read (by name, `givenName`), so that neither the order they were given
  // in nor how each is spelled changes the shift.
  const first = [...paths].sort((a, b) => byteOrder(givenName(a), givenName(b)) || byteOrder(a, b))[0]!;
  const caseId = flags.caseId ?? path.basename(path.resolve(first));
  const anon = anonymiseCase(
    {
      events: [...timeline.events],
      inputs: timeline.inputs,
      duplicates,
      handKept: timeline.inputs.map(isHandKept),
      people: timeline.people,
      zone: timeline.zone,
    },
    kase,
    p,
    {
      shiftDates: flags.shiftDates === true,
      dropText: flags.dropText === true,
      caseId,
      searchedPhrases: [...BUILT_IN_LEXICON.flatMap((c) => c.terms), ...DEFAULT_CEASE_PHRASES],
    },
  );
  await outputFolder(flags.out);
  const names = new Set(anon.files.map((f: AnonFile) => `${f.name}.jsonl`));
  await removeStale(flags.out, names);
  for (const f of anon.files) await writeJsonl(path.join(flags.out, `${f.name}.jsonl`), f.header, f.lines);
  await writeFile(path.join(flags.out, 'case.json'), `${inertJson(anon.caseFile, 2)}\n`);
  const manifest = {
    tool: { name: 'chronolog', version: VERSION },
    format: ANON_FORMAT,
    version: ANON_VERSION,
    layout:
      'one JSONL file per original input, in the original order (input-001.jsonl, …); each starts with a header line naming the original format, then holds one line per record of that input: event rows (copies of records of earlier inputs first, in the order the original input holds them, then the kept rows in time order), then {"skipped":REASON} and {"rejected":CODE} stubs for the records the original input skipped or rejected',
    options: { shiftDates: flags.shiftDates === true, dropText: flags.dropText === true },
    datesShifted:
      flags.shiftDates === true
        ? 'yes, by a secret per-case whole number of weeks of local time (weekdays and times of day kept)'
        : 'no',
    pseudonyms: PSEUDONYM_SCHEME,
    keyRequirement: `at least ${MIN_KEY_BYTES} bytes, read from --key-file, never written`,
    inputs: anon.files.map((f) => f.accounting),
    counts: { events: anon.counts.events, senders: anon.counts.senders },
    // Counted with --drop-text too: milestone labels are still redacted, only message text is gone.
    redactions: anon.counts.redactions,
    removed: [
      'file names (inputs are numbered in their original order), hashes and record locators',
      'the content of skipped and rejected records (a stub with the reason or code stands for each)',
      'platform message ids (a per-case de-duplication number stands for equal records) and extra columns (details)',
      'case title; milestone labels redacted like message text',
      ...(flags.dropText === true ? ['message text and its length (--drop-text)'] : []),
    ],
  };
  await writeFile(path.join(flags.out, 'manifest.json'), `${inertJson(manifest, 2)}\n`);
  if (!flags.quiet)
    process.stderr.write(doneLines(timeline, anon.counts.events, anon.files.length, flags.out, env));
  return 0;
}

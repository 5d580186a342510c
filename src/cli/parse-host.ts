/**
 * Reads large inputs on a second thread (parse-worker.ts) while this one stores what it reads.
 *
 * Why: for a large chat the main thread spent about a quarter of a report reading lines and parsing headers, and
 * the rest storing events and analysing them; the two halves can overlap on two cores. The worker runs the
 * source and sends every call it makes on its context through shared memory (pipeline/wire/); here the calls are
 * replayed, in order, into the pipeline's context, so the timeline, the books and the problems are the same as
 * when the file is read here (tests/cli/parse-worker.test.ts compares them).
 *
 * Only files on disk go to the worker, by default those of at least 16 MiB (below that, starting a thread costs
 * about as much as it saves) in the formats measured faster so (`WorkerPolicy`). The worker is started as soon
 * as such a file is likely: by the bin, before the CLI loads, for one named on the command line (early.ts), or
 * when the walk finds one, or when detection does. If it cannot start, or stops, the file is read here after
 * all, from the start (`SourceContext.restart` takes back what the worker had sent).
 */
import { existsSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../model/errors.js';
import { parseHashed } from '../pipeline/hashing.js';
import type { ParseElsewhere } from '../pipeline/index.js';
import { outcomeFromWire } from '../pipeline/wire/outcome.js';
import { WireReplay } from '../pipeline/wire/replay.js';
import type { Source, SourceContext, SourceInput } from '../sources/index.js';
import { FREE, FULL, type Ring, ring, SLOTS } from './parse-ring.js';
import type { ParseJob } from './parse-worker.js';

/** Files at least this large are read on the worker, unless CHRONOLOG_WORKER_MIN_BYTES says otherwise. */
const WORKER_MIN_BYTES = 16 << 20;

/**
 * The formats read on the worker by default: those measured faster so. A Telegram export is not: its events carry
 * ids and details as strings, which the main thread would decode from the wire and store again (the 1M bench
 * export took 1.66× the bare stream-json pass, against 1.01× read here), while its parsing is light.
 */
const WORKER_FORMATS: ReadonlySet<string> = new Set(['whatsapp-txt', 'sms-backup-xml']);

/**
 * Their usual extensions, as the sources declare them (a test holds the two to that): before detection has read a
 * file, only a large one that may be of these formats starts the worker. Not read from the registry, which would
 * load every parser at the start of every command.
 */
const WORKER_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.xml']);

/** Which inputs go to the worker: files at least `minBytes` long, of `formats` (usually named `extensions`). */
export interface WorkerPolicy {
  readonly minBytes: number;
  readonly formats: ReadonlySet<string> | 'all';
  readonly extensions: ReadonlySet<string> | 'all';
}

/**
 * The policy CHRONOLOG_WORKER_MIN_BYTES sets (`Environment.workerMinBytes`): unset, large files of the formats
 * that gain from it; a number of bytes, files at least that large of every format (0: every file); "off", none.
 */
export function workerPolicy(value: string | undefined): WorkerPolicy {
  if (value === undefined || value === '') {
    return { minBytes: WORKER_MIN_BYTES, formats: WORKER_FORMATS, extensions: WORKER_EXTENSIONS };
  }
  if (value === 'off') return { minBytes: Number.POSITIVE_INFINITY, formats: 'all', extensions: 'all' };
  if (/^\d+$/.test(value)) return { minBytes: Number(value), formats: 'all', extensions: 'all' };
  throw new UsageError(
    'USAGE_BAD_WORKER_MIN_BYTES',
    `CHRONOLOG_WORKER_MIN_BYTES "${value}" is neither a whole number of bytes nor "off"`,
    'Set it to a number of bytes (0 reads every file on the second thread), to "off", or unset it.',
  );
}

/** A file on disk, as `inputs.ts` made it a `SourceInput`. */
export interface DiskFile {
  readonly abs: string;
  readonly bytes: number;
  readonly display: string;
}

export interface ParseHost {
  readonly elsewhere: ParseElsewhere;
  /** Stops the worker. */
  close(): Promise<void>;
}

// ES2024, in Node 20 (V8 11.3) but not in the TypeScript library this project targets.
const waitAsync = (
  Atomics as unknown as {
    waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<unknown> | string };
  }
).waitAsync;

/** Thrown while waiting for a worker that is gone. */
class WorkerGone extends Error {}

/** A worker started early, before the inputs were walked (`startEarly`), for `parseHost` to take. */
let early: Host | undefined;
/** Whether `startEarly` has run: once a process. */
let earlyDone = false;

/**
 * Starts the worker at once if one of `args` (the command line) names a file at least as large as
 * CHRONOLOG_WORKER_MIN_BYTES says: a worker takes 0.15–0.2 s to start and load the parsers, about as long as this
 * thread takes to start, so started here it is ready about when the file is detected. Folders are not walked
 * for this; their large files start the worker when they are met (`parseHost`).
 */
export function startEarly(args: readonly string[], minBytesSetting: string | undefined): void {
  if (earlyDone) return;
  earlyDone = true;
  let policy: WorkerPolicy;
  try {
    policy = workerPolicy(minBytesSetting);
  } catch {
    return; // said when the inputs are read
  }
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    let st: Stats | undefined;
    try {
      st = statSync(arg);
    } catch {
      continue; // not a path, or not one that can be read: the walk says so if it matters
    }
    if (st.isFile() && likely(policy, arg, st.size)) {
      early = spawn();
      return;
    }
  }
}

/**
 * A host for `files` (each input and the file it reads): the worker started early, or one started now if one of
 * them is at least `minBytes` long and the worker's code is there; otherwise every input is read here.
 */
export function parseHost(
  files: ReadonlyMap<SourceInput, DiskFile>,
  policy: WorkerPolicy,
  idle?: () => boolean,
): ParseHost | undefined {
  const started = early;
  early = undefined;
  const { minBytes, formats } = policy;
  if (![...files.values()].some((f) => f.bytes >= minBytes)) {
    void started?.close();
    return undefined;
  }
  // Started now for a file that is likely to go to it; otherwise when detection finds one that does.
  let host =
    started ?? ([...files.values()].some((f) => likely(policy, f.abs, f.bytes)) ? spawn() : undefined);
  return {
    elsewhere: (input, source, ctx) => {
      const file = files.get(input);
      if (file === undefined || file.bytes < minBytes) return undefined;
      if (formats !== 'all' && !formats.has(source.id)) return undefined;
      host ??= spawn();
      if (host === undefined || host.isGone()) return undefined;
      return host.parse(file, input, source, ctx, idle);
    },
    close: async () => {
      await host?.close();
    },
  };
}

/** Whether a file of this name and size is likely to go to the worker, before detection has read it. */
function likely(policy: WorkerPolicy, name: string, bytes: number): boolean {
  const ext = path.extname(name).toLowerCase();
  return bytes >= policy.minBytes && (policy.extensions === 'all' || policy.extensions.has(ext));
}

/** A new worker, or undefined where its code is not there. */
function spawn(): Host | undefined {
  // Built, the worker sits beside this code: parse-worker.js beside tsc's parse-host.js, parse-worker.cjs beside
  // the bundled chunk (rolldown.config.mjs). Run from src/ (the unit tests), everything is read here.
  const built = /\.c?js$/.exec(import.meta.url)?.[0];
  const entry = built === undefined ? '' : fileURLToPath(new URL(`./parse-worker${built}`, import.meta.url));
  if (entry === '' || !existsSync(entry)) return undefined;
  const shared = ring();
  // Bundled, the worker loads its chunks as the CLI does, with the code cache the build saved (code-cache.ts).
  const loader = path.join(path.dirname(entry), 'loader.cjs');
  const boot = `require(${JSON.stringify(loader)}).loadChunk(${JSON.stringify(entry)})`;
  const worker =
    built === '.cjs' && existsSync(loader)
      ? new Worker(boot, { eval: true, workerData: { memory: shared.memory } })
      : new Worker(entry, { workerData: { memory: shared.memory } });
  return new Host(shared, worker);
}

class Host {
  private gone: Error | undefined;
  /** Rejects with WorkerGone when the worker stops. */
  private readonly stopped: Promise<never>;

  constructor(
    private readonly shared: Ring,
    private readonly worker: Worker,
  ) {
    this.stopped = new Promise<never>((_, reject) => {
      const stop = (err: Error): void => {
        this.gone ??= err;
        reject(this.gone);
      };
      worker.on('error', (err) => stop(new WorkerGone(err.message)));
      worker.on('exit', (code) => stop(new WorkerGone(`the parse worker exited (${code})`)));
    });
    // Handled where it is awaited; this only stops it counting as unhandled when nothing is waiting.
    this.stopped.catch(() => {});
    // Between jobs the worker does not keep the process alive (whatever happens to close()); during one it must,
    // or with the file read over there, nothing here would wait on the event loop.
    worker.unref();
  }

  isGone(): boolean {
    return this.gone !== undefined;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  /** Reads `file` on the worker into `ctx`; `idle` is work to do while waiting for it (until it returns false). */
  async parse(file: DiskFile, input: SourceInput, source: Source, ctx: SourceContext, idle?: () => boolean) {
    const { control, slots } = this.shared;
    const job: ParseJob = {
      file: file.abs,
      bytes: file.bytes,
      display: file.display,
      format: source.id,
      options: ctx.options,
    };
    this.worker.ref();
    this.worker.postMessage(job);
    const replay = new WireReplay(ctx);
    try {
      for (let i = 0; ; i = (i + 1) % SLOTS) {
        await this.full(i, idle);
        const end = replay.replay(slots[i]!, Atomics.load(control, SLOTS + i));
        Atomics.store(control, i, FREE);
        Atomics.notify(control, i);
        if (end !== undefined) return outcomeFromWire(end);
      }
    } catch (err) {
      if (!(err instanceof WorkerGone) || ctx.restart === undefined) throw err;
      // Read here after all, from the start, the worker's part taken back.
      ctx.restart();
      return parseHashed(input, source, ctx);
    } finally {
      this.worker.unref();
    }
  }

  /** Returns once slot `i` is full, doing `idle` work meanwhile; throws WorkerGone if the worker stops first. */
  private async full(i: number, idle: (() => boolean) | undefined): Promise<void> {
    const { control } = this.shared;
    while (Atomics.load(control, i) !== FULL) {
      if (this.gone !== undefined) throw this.gone;
      if (idle?.()) continue;
      const wait = waitAsync(control, i, FREE);
      if (wait.async) await Promise.race([wait.value, this.stopped]);
    }
  }
}

/**
 * Starting the parse worker (parse-worker.ts) and stopping it; parse-host.ts gives it files to read.
 *
 * Why apart: bin/chronolog.cjs starts the worker through this module (early.ts) before it loads the rest of the
 * CLI, and a worker's thread takes ~0.1–0.2 s to start and load the parsers. This module needs nothing but Node's
 * own modules and the ring's layout, so the bin loads a few kilobytes before the thread is started, where loading
 * parse-host.ts (the wire replay, and through it the sources) took ~50 ms first.
 */
import { existsSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../model/errors.js';
import { type Ring, ring } from './parse-ring.js';
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

/** Thrown while waiting for a worker that is gone. */
export class WorkerGone extends Error {}

/** A started worker and the ring it writes into. */
export class StartedWorker {
  private gone: Error | undefined;
  /** Rejects with WorkerGone when the worker stops. */
  readonly stopped: Promise<never>;

  constructor(
    readonly shared: Ring,
    private readonly worker: Worker,
  ) {
    // Listened to from the start: a worker that fails before parse-host.ts takes it over is not an uncaught error.
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

  /** Why the worker stopped, once it has. */
  goneWith(): Error | undefined {
    return this.gone;
  }

  /** Sends a job, and keeps the process alive until `done`. */
  post(job: ParseJob): void {
    this.worker.ref();
    this.worker.postMessage(job);
  }

  done(): void {
    this.worker.unref();
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** A worker started early, before the inputs were walked (`startEarly`), for `parseHost` to take (`takeEarly`). */
let early: StartedWorker | undefined;
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

/** The worker `startEarly` started, once: parse-host.ts takes it over. */
export function takeEarly(): StartedWorker | undefined {
  const started = early;
  early = undefined;
  return started;
}

/** Whether a file of this name and size is likely to go to the worker, before detection has read it. */
export function likely(policy: WorkerPolicy, name: string, bytes: number): boolean {
  const ext = path.extname(name).toLowerCase();
  return bytes >= policy.minBytes && (policy.extensions === 'all' || policy.extensions.has(ext));
}

/** A new worker, or undefined where its code is not there. */
export function spawn(): StartedWorker | undefined {
  // Built, the worker sits beside this code: parse-worker.js beside tsc's parse-spawn.js, parse-worker.cjs beside
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
  return new StartedWorker(shared, worker);
}

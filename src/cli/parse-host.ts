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
 * all, from the start (`SourceContext.restart` takes back what the worker had sent). Starting and stopping the
 * thread, and which files go to it, are parse-spawn.ts.
 */
import { setImmediate } from 'node:timers/promises';
import { parseHashed } from '../pipeline/hashing.js';
import type { ParseElsewhere } from '../pipeline/index.js';
import { outcomeFromWire } from '../pipeline/wire/outcome.js';
import { WireReplay } from '../pipeline/wire/replay.js';
import type { Source, SourceContext, SourceInput } from '../sources/index.js';
import type { DiskPath } from './disk-path.js';
import { FREE, FULL, SLOTS } from './parse-ring.js';
import {
  likely,
  type StartedWorker,
  spawn,
  takeEarly,
  WorkerGone,
  type WorkerPolicy,
} from './parse-spawn.js';
import type { ParseJob } from './parse-worker.js';

/** A file on disk, as `inputs.ts` made it a `SourceInput`. */
export interface DiskFile {
  /** Bytes where the path is not UTF-8 (disk-path.ts). */
  readonly abs: DiskPath;
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

/**
 * A host for `files` (each input and the file it reads): the worker started early, or one started now if one of
 * them is at least `minBytes` long and the worker's code is there; otherwise every input is read here.
 */
export function parseHost(
  files: ReadonlyMap<SourceInput, DiskFile>,
  policy: WorkerPolicy,
  idle?: () => boolean,
): ParseHost | undefined {
  const started = takeEarly();
  const { minBytes, formats } = policy;
  if (![...files.values()].some((f) => f.bytes >= minBytes)) {
    void started?.close();
    return undefined;
  }
  // Started now for a file that is likely to go to it; otherwise when detection finds one that does.
  let host =
    started ?? ([...files.values()].some((f) => likely(policy, f.display, f.bytes)) ? spawn() : undefined);
  return {
    elsewhere: (input, source, ctx) => {
      const file = files.get(input);
      if (file === undefined || file.bytes < minBytes) return undefined;
      if (formats !== 'all' && !formats.has(source.id)) return undefined;
      host ??= spawn();
      if (host === undefined || host.goneWith() !== undefined) return undefined;
      return parseOn(host, file, input, source, ctx, idle);
    },
    close: async () => {
      await host?.close();
    },
  };
}

/** Reads `file` on the worker into `ctx`; `idle` is work to do while waiting for it (until it returns false). */
async function parseOn(
  host: StartedWorker,
  file: DiskFile,
  input: SourceInput,
  source: Source,
  ctx: SourceContext,
  idle?: () => boolean,
) {
  const { control, slots } = host.shared;
  const job: ParseJob = {
    file: file.abs,
    bytes: file.bytes,
    display: file.display,
    format: source.id,
    options: ctx.options,
  };
  host.post(job);
  const replay = new WireReplay(ctx);
  try {
    for (let i = 0; ; i = (i + 1) % SLOTS) {
      await full(host, i, idle);
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
    host.done();
  }
}

/**
 * Returns once slot `i` is full, doing `idle` work meanwhile; throws WorkerGone if the worker stops first.
 *
 * A slot found full at once is still preceded by one turn of the event loop. Without a wait nothing else would
 * give it one, and the thread pool's reads that ready text blocks (fresh-blocks.ts) would complete unseen until
 * the whole file was read: on runs where this thread was the busier one, 17 of a million-message chat's 37 blocks
 * were then made here, their pages taken by this thread as the texts were copied in. A turn costs ~0.1 ms a slot.
 */
async function full(host: StartedWorker, i: number, idle: (() => boolean) | undefined): Promise<void> {
  const { control } = host.shared;
  if (Atomics.load(control, i) === FULL) {
    await setImmediate();
    return;
  }
  while (Atomics.load(control, i) !== FULL) {
    const gone = host.goneWith();
    if (gone !== undefined) throw gone;
    if (idle?.()) continue;
    const wait = waitAsync(control, i, FREE);
    if (wait.async) await Promise.race([wait.value, host.stopped]);
  }
}

/**
 * Worker-thread entry that reads large inputs for the main thread (parse-host.ts says when and why). For each job
 * it opens the file as the main thread would (inputs.ts), runs the source over it with a context that writes
 * every call into the shared ring (pipeline/wire/), and ends with the outcome: the file's SHA-256 and any error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseHashed } from '../pipeline/hashing.js';
import { WireContext } from '../pipeline/wire/encode.js';
import { outcomeToWire } from '../pipeline/wire/outcome.js';
import { type SourceOptions, sourceById } from '../sources/index.js';
import { fileInput } from './inputs.js';
import { FULL, ring, SLOTS } from './parse-ring.js';

/** One input to read: the file, its size and the path shown, the format detected and the run's options. */
export interface ParseJob {
  /** Bytes where the path is not UTF-8 (disk-path.ts): they arrive as a Uint8Array, which `fs` takes too. */
  readonly file: string | Uint8Array;
  readonly bytes: number;
  readonly display: string;
  readonly format: string;
  readonly options: SourceOptions;
}

const { control, slots } = ring((workerData as { memory: SharedArrayBuffer }).memory);

/** Returns once slot `i` is free to write. */
function waitFree(i: number): void {
  while (Atomics.load(control, i) === FULL) Atomics.wait(control, i, FULL);
}

function handOver(i: number, used: number, last: boolean): void {
  Atomics.store(control, SLOTS + i, used);
  Atomics.store(control, i, FULL);
  Atomics.notify(control, i);
  if (!last) waitFree((i + 1) % SLOTS);
}

async function run(job: ParseJob): Promise<void> {
  waitFree(0);
  const source = sourceById(job.format);
  const ctx = new WireContext(job.options, slots, handOver);
  if (source === undefined) {
    ctx.end({ digest: '', thrown: { failure: false, message: `no source "${job.format}"` } });
    return;
  }
  const outcome = await parseHashed(
    fileInput(typeof job.file === 'string' ? job.file : Buffer.from(job.file), job.bytes, job.display),
    source,
    ctx,
  );
  ctx.end(outcomeToWire(outcome));
}

// Jobs come one at a time: the main thread sends the next only after it has replayed the last one's end.
parentPort?.on('message', (job: ParseJob) => {
  void run(job);
});

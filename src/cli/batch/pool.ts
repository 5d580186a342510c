/**
 * Runs cases in parallel. From the built package each lane is a worker thread (worker.js beside this file), so
 * cases use every core; a worker loads the code once and takes case after case, its heap is capped
 * (`resourceLimits`), and a worker that dies takes only its case with it (the next case gets a fresh one). When running from TypeScript sources (tests) there is no compiled worker, so cases run
 * concurrently in this thread instead, with the same results.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Environment } from '../environment.js';
import { tempPath } from '../tempfiles.js';
import { VERSION } from '../version.js';
import { type CaseResult, type CaseSettings, runCase } from './run-case.js';

/** Heap cap per worker, in MiB: a case that needs more fails alone instead of taking the machine down. */
export const WORKER_HEAP_MB = 2048;

export interface CaseJob {
  readonly dir: string;
  readonly name: string;
  readonly settings?: CaseSettings;
}

/** What a worker is sent: the case, and the temporary file (in this process's temp folder) for its part. */
export interface WorkerJob extends CaseJob {
  readonly partFile: string;
}

const partFileOf = (job: CaseJob) => tempPath(`${encodeURIComponent(job.name)}.parquet`);

/** A long-lived worker thread that runs one case at a time (modules load once per worker, not per case). */
class Lane {
  private worker: Worker | undefined;

  constructor(private readonly file: string) {}

  run(job: CaseJob): Promise<CaseResult> {
    if (!this.worker) {
      this.worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    }
    const w = this.worker;
    return new Promise((resolve) => {
      const fail = (why: string) => {
        cleanup();
        // A dead worker takes only this case with it; the next case gets a fresh worker.
        this.worker = undefined;
        void w.terminate();
        resolve({ case: job.name, inputsHash: '', generator: VERSION, error: why });
      };
      const onMessage = (r: CaseResult) => {
        cleanup();
        resolve(r);
      };
      const onError = (err: Error) => fail(`worker failed: ${err.message}`);
      const onExit = (code: number) => fail(`worker exited with code ${code} before finishing`);
      const cleanup = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ ...job, partFile: partFileOf(job) } satisfies WorkerJob);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/**
 * V8 flags for a batch run, set before its lanes start (V8's flags belong to the whole process). A case takes a few
 * tenths of a second, and without them V8 spent about a third of a batch's CPU time compiling optimised code on
 * background threads: each lane compiles its own copy, and after each full garbage collection throws away the
 * optimised code that held objects of finished cases and compiles it again (`node --trace-opt --trace-deopt`: 23
 * compilations a case, ~70 functions dropped at each collection, "weak objects"). With no inlining the compiler
 * does far less per function: 200 generated cases (`npm run bench -- batch`) in 10.1–10.5 s instead of
 * 10.9–11.3 s with one job, and 7.8–8.2 s instead of 9.3–9.8 s with two. Not for a single large report, whose
 * hot loops need inlining (the 1M WhatsApp chat took 1.02–1.06 s with the flag against 0.84–0.87 s).
 */
const LANE_V8_FLAGS = '--no-turbo-inlining';

/** Runs every job with at most `jobs` at once; `onDone` sees each result as it arrives. */
export async function runPool(
  jobs: readonly CaseJob[],
  concurrency: number,
  env: Environment,
  onDone: (r: CaseResult) => Promise<void>,
): Promise<void> {
  // Built, the worker sits beside this code: worker.js beside tsc's pool.js, worker.cjs beside the bundled chunk
  // (rolldown.config.mjs). Run from src/ by the tests, jobs run in this thread.
  const built = /\.c?js$/.exec(import.meta.url)?.[0];
  const workerFile = built === undefined ? '' : fileURLToPath(new URL(`./worker${built}`, import.meta.url));
  const useWorkers = workerFile !== '' && existsSync(workerFile);
  if (useWorkers) setFlagsFromString(LANE_V8_FLAGS);
  let next = 0;
  const lane = async () => {
    const worker = useWorkers ? new Lane(workerFile) : undefined;
    // A result is saved while the lane's next case already runs, so a worker never waits for the main thread.
    let saving: Promise<void> = Promise.resolve();
    try {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const r = worker
          ? await worker.run(job)
          : await runCase(job.dir, job.name, env, partFileOf(job), job.settings);
        await saving;
        saving = onDone(r);
        // Handled when awaited (above or below); this only stops a failure counting as unhandled meanwhile.
        saving.catch(() => {});
      }
      await saving;
    } finally {
      await worker?.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
}

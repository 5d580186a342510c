/**
 * Runs cases in parallel. From the built package each job is a worker thread (worker.js beside this file), so
 * cases use every core and each worker's heap is capped (`resourceLimits`); a worker that dies takes only its
 * case with it. When running from TypeScript sources (tests) there is no compiled worker, so cases run
 * concurrently in this thread instead, with the same results.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Environment } from '../environment.js';
import { type CaseResult, runCase } from './run-case.js';

/** Heap cap per worker, in MiB: a case that needs more fails alone instead of taking the machine down. */
export const WORKER_HEAP_MB = 2048;

export interface CaseJob {
  readonly dir: string;
  readonly name: string;
}

function inWorker(file: string, job: CaseJob): Promise<CaseResult> {
  return new Promise((resolve) => {
    const w = new Worker(file, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let done = false;
    const finish = (r: CaseResult) => {
      if (done) return;
      done = true;
      resolve(r);
      void w.terminate();
    };
    w.once('message', (r: CaseResult) => finish(r));
    w.once('error', (err) =>
      finish({ case: job.name, inputsHash: '', error: `worker failed: ${err.message}` }),
    );
    w.once('exit', (code) =>
      finish({ case: job.name, inputsHash: '', error: `worker exited with code ${code} before finishing` }),
    );
  });
}

/** Runs every job with at most `jobs` at once; `onDone` sees each result as it arrives. */
export async function runPool(
  jobs: readonly CaseJob[],
  concurrency: number,
  env: Environment,
  onDone: (r: CaseResult) => Promise<void>,
): Promise<void> {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const useWorkers = import.meta.url.endsWith('.js') && existsSync(workerFile);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const r = useWorkers ? await inWorker(workerFile, job) : await runCase(job.dir, job.name, env);
      await onDone(r);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, lane));
}

/** Worker-thread entry for `chronolog batch`: runs the cases it is sent, one at a time, and posts each result. */
import { parentPort } from 'node:worker_threads';
import { detectEnvironment } from '../environment.js';
import type { WorkerJob } from './pool.js';
import { runCase } from './run-case.js';

const env = { ...detectEnvironment(true), stderrIsTTY: false };
parentPort?.on('message', (job: WorkerJob) => {
  void runCase(job.dir, job.name, env, job.partFile, job.settings).then((r) => parentPort?.postMessage(r));
});

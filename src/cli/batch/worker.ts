/** Worker-thread entry for `chronolog batch`: runs one case and posts its result. */
import { parentPort, workerData } from 'node:worker_threads';
import { detectEnvironment } from '../environment.js';
import type { CaseJob } from './pool.js';
import { runCase } from './run-case.js';

const job = workerData as CaseJob;
const env = { ...detectEnvironment(true), stderrIsTTY: false };
parentPort?.postMessage(await runCase(job.dir, job.name, env));

/**
 * Temporary files live in one private folder under the OS temp directory, never next to the inputs or the
 * outputs, and that folder is removed when the process ends — normally, on error, or on Ctrl-C / SIGTERM.
 * A finished file is moved into place in one step (rename), or copied when the temp folder is on another disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { thousands } from '../model/format.js';

let folder: string | undefined;
let counter = 0;
/** Files moved into place so far (`publish`): a batch publishes each case's outputs as it finishes them. */
let published = 0;

function cleanup(): void {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}

/**
 * What a run stopped by `signal` says, once `done` output files were moved into place: "no output was written"
 * only when none was, since a batch stopped part-way keeps the cases it finished.
 */
export function stoppedMessage(signal: string, done: number): string {
  return done === 0
    ? `chronolog: stopped (${signal}); no output was written.`
    : `chronolog: stopped (${signal}); the ${done === 1 ? 'output file' : `${thousands(done)} output files`} finished before it ${done === 1 ? 'was' : 'were'} kept, and nothing else was written.`;
}

function onSignal(signal: NodeJS.Signals): void {
  cleanup();
  process.stderr.write(`\n${stoppedMessage(signal, published)}\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** A fresh path for a temporary file (the file is not created). */
export function tempPath(name: string): string {
  if (folder === undefined) {
    folder = mkdtempSync(path.join(os.tmpdir(), 'chronolog-'));
    process.once('exit', cleanup);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return path.join(folder, `${++counter}-${path.basename(name)}`);
}

/** Moves a finished temporary file to its target in one step where the file system allows. */
export async function publish(tmp: string, target: string): Promise<void> {
  try {
    await rename(tmp, target);
    published++;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    // Another disk: copy beside the target first, then rename, so the target is never half-written.
    const beside = `${target}.${process.pid}.partial`;
    try {
      await copyFile(tmp, beside);
      await rename(beside, target);
      published++;
    } finally {
      await rm(beside, { force: true });
      await rm(tmp, { force: true });
    }
  }
}

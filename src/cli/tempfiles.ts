/**
 * Temporary files live in one private folder under the OS temp directory, never next to the inputs or the
 * outputs, and that folder is removed when the process ends — normally, on error, or on Ctrl-C / SIGTERM.
 * A finished file is moved into place in one step (rename), or copied when the temp folder is on another disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let folder: string | undefined;
let counter = 0;

function cleanup(): void {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}

function onSignal(signal: NodeJS.Signals): void {
  cleanup();
  process.stderr.write(`\nchronolog: stopped (${signal}); no output was written.\n`);
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
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    // Another disk: copy beside the target first, then rename, so the target is never half-written.
    const beside = `${target}.${process.pid}.partial`;
    try {
      await copyFile(tmp, beside);
      await rename(beside, target);
    } finally {
      await rm(beside, { force: true });
      await rm(tmp, { force: true });
    }
  }
}

/**
 * Temporary files live in one private folder under the OS temp directory, never next to the inputs or the
 * outputs, and that folder is removed when the process ends — normally, on error, or on Ctrl-C / SIGTERM.
 * A finished file is moved into place in one step (rename), or copied when the temp folder is on another disk.
 * A run stopped so says what it leaves behind: the files it finished, or none; and, when its output goes to
 * standard output (`> timeline.csv`), whether that was cut short, since a cut file looks complete to whoever
 * opens it later (the signal's default action ended the run silently, exit 130, with rows missing).
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
 * How much of the run's output went to standard output: none yet, part of it, or all; undefined when the run
 * writes none there (its output goes to --out, or the command writes nothing).
 */
export type StdoutState = 'none' | 'part' | 'all';
let stdout: StdoutState | undefined;

/**
 * What a run stopped by `signal` says, once `done` output files were moved into place and with `out` gone to
 * standard output: "no output was written" only when none was, since a batch stopped part-way keeps the cases it
 * finished; and output cut short on standard output is said to be incomplete. SIGINT is named as the Ctrl-C that
 * usually sends it.
 */
export function stoppedMessage(signal: string, done: number, out?: StdoutState): string {
  const stopped = `chronolog: stopped (${signal === 'SIGINT' ? 'Ctrl-C, SIGINT' : signal})`;
  if (out === 'part')
    return `${stopped} while writing to standard output: what was written there is cut short and incomplete. Do not use it; run the command again and let it finish.`;
  if (out === 'all' && done === 0) return `${stopped} after the output was written in full.`;
  return done === 0
    ? `${stopped}; no output was written.`
    : `${stopped}; the ${done === 1 ? 'output file' : `${thousands(done)} output files`} finished before it ${done === 1 ? 'was' : 'were'} kept, and nothing else was written.`;
}

function onSignal(signal: NodeJS.Signals): void {
  cleanup();
  process.stderr.write(`\n${stoppedMessage(signal, published, stdout)}\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

let listening = false;

/** Ctrl-C and SIGTERM are answered by `onSignal` from now on. */
function listen(): void {
  if (listening) return;
  listening = true;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** The run's output goes to standard output: a stop from now on says how much of it went there. */
export function watchStdout(): void {
  stdout ??= 'none';
  listen();
}

/** Some of the output is being written to standard output. */
export function stdoutStarted(): void {
  if (stdout === 'none') stdout = 'part';
}

/** All of the output is on standard output. */
export function stdoutFinished(): void {
  if (stdout !== undefined) stdout = 'all';
}

/** A fresh path for a temporary file (the file is not created). */
export function tempPath(name: string): string {
  if (folder === undefined) {
    folder = mkdtempSync(path.join(os.tmpdir(), 'chronolog-'));
    process.once('exit', cleanup);
    listen();
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

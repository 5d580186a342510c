/**
 * Writes results: to stdout, or to `--out FILE`. A regular file is written through a temporary file in the OS temp
 * directory that is moved into place when complete, so an interrupted run never leaves half a report (see
 * tempfiles.ts); a symbolic link at `--out` is followed, so the file it points to is replaced and the link kept.
 * A named pipe, device or socket (`/dev/stdout`, `mkfifo`) cannot be replaced, only written to, so it is written
 * directly; `--out` naming this process's own stdout or stderr writes to that stream.
 */

import { once } from 'node:events';
import {
  accessSync,
  constants,
  createWriteStream,
  existsSync,
  fstatSync,
  realpathSync,
  type Stats,
  statSync,
  type WriteStream,
} from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ToolError } from '../model/errors.js';
import { quoted } from '../model/shell-quote.js';
import { publish, stdoutFinished, stdoutStarted, tempPath, watchStdout } from './tempfiles.js';

export interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

function streamOf(stream: NodeJS.WriteStream): Sink {
  return {
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async close() {},
  };
}

/**
 * Standard output as a sink. A stop (Ctrl-C) says whether it was cut short (tempfiles.ts). A write to a file or a
 * pipe there is synchronous, and a signal is handled only between turns of the event loop, so each write is
 * followed by one: a stop while a long timeline is written ends the run there, not after the last row.
 */
export function stdoutSink(): Sink {
  watchStdout();
  const sink = streamOf(process.stdout);
  return {
    async write(chunk) {
      if (chunk === '') return;
      stdoutStarted();
      await sink.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    },
    async close() {
      stdoutFinished();
    },
  };
}

/** The first part of `dir` (from the top) that exists but is not a folder, or `dir` itself when none is found. */
function fileOnPath(dir: string): string {
  const parts: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    parts.unshift(d);
    if (path.dirname(d) === d) break;
  }
  return parts.find((d) => statOf(d)?.isFile()) ?? dir;
}

/** An error code in words, for people who have never seen `ENOENT`. */
function inWords(code: string | undefined, target: string): { why: string; hint: string } | undefined {
  const dir = path.dirname(target);
  const elsewhere = 'or choose another --out path.';
  switch (code) {
    case 'ENOENT':
      return existsSync(dir)
        ? {
            why: `a file cannot be created in ${dir}`,
            hint: `Choose a folder you may write to, ${elsewhere}`,
          }
        : { why: `the folder ${dir} does not exist`, hint: `Create the folder first, ${elsewhere}` };
    case 'ENOTDIR':
      return { why: `${fileOnPath(dir)} is a file, not a folder`, hint: 'Check the --out path.' };
    case 'EISDIR':
    case 'ENOTEMPTY':
      return {
        why: 'it is a folder',
        hint: `--out needs a file name: add one after the folder, e.g. --out ${quoted(path.join(target, 'report.txt'))}`,
      };
    case 'EACCES':
    case 'EPERM':
      return { why: 'permission denied', hint: `Choose a folder you may write to, ${elsewhere}` };
    case 'EROFS':
      return { why: 'the disk is read-only', hint: `Choose a folder on another disk, ${elsewhere}` };
    case 'ENOSPC':
    case 'EDQUOT':
      return { why: 'the disk is full', hint: 'Free some space, or write to another disk.' };
    case 'ENAMETOOLONG':
      return { why: 'the name is too long', hint: 'Choose a shorter --out path.' };
    case 'EPIPE':
      return {
        why: 'the program reading it stopped',
        hint: 'Keep the reading program running until the end.',
      };
    default:
      return undefined;
  }
}

/** The error for an output that cannot be written, saying why in words (the raw code only when it has none). */
export function cannotWrite(target: string, err: unknown): ToolError {
  const e = err as NodeJS.ErrnoException;
  const words = inWords(e.code, target);
  return new ToolError(
    'OUTPUT_WRITE_FAILED',
    words ? `cannot write ${target}: ${words.why}` : `cannot write ${target} (${e.code ?? e.message})`,
    words?.hint ?? 'Check that you may write there, or choose another --out path.',
    { cause: err },
  );
}

/**
 * The error for standard output that cannot be written (`> /dev/full`, a disk that fills up, a terminal that went
 * away), in words: the run cannot complete, as when an --out file cannot be written.
 */
export function cannotWriteStdout(err: unknown): ToolError {
  const e = err as NodeJS.ErrnoException;
  const full = e.code === 'ENOSPC' || e.code === 'EDQUOT';
  return new ToolError(
    'OUTPUT_WRITE_FAILED',
    `cannot write to standard output: ${full ? 'the disk is full' : `an error occurred (${e.code ?? e.message})`}`,
    full
      ? 'Free some space, or send the output to a file on another disk (> FILE, or --out FILE where the command has it).'
      : 'Check where the output goes (the file after > or the program after |), or send it to a file instead (> FILE).',
    { cause: err },
  );
}

const fsError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** process.stdout or process.stderr when `st` is the very file, pipe or terminal it writes to. */
function ownStream(st: Stats): NodeJS.WriteStream | undefined {
  for (const [fd, stream] of [
    [1, process.stdout],
    [2, process.stderr],
  ] as const) {
    try {
      const own = fstatSync(fd);
      if (own.dev === st.dev && own.ino === st.ino) return stream;
    } catch {
      // That stream is closed: it cannot be the target.
    }
  }
  return undefined;
}

/** A sink over a write stream: one 'error' listener for its life, failures turned into `cannotWrite`. */
function streamSink(
  stream: WriteStream,
  target: string,
  finish: () => Promise<void>,
  abort: () => Promise<void>,
): Sink {
  let failed: Error | undefined;
  stream.on('error', (err) => {
    failed = err;
  });
  const fail = async (err: Error) => {
    stream.destroy();
    await abort();
    throw cannotWrite(target, err);
  };
  return {
    async write(chunk) {
      if (failed) return fail(failed);
      if (!stream.write(chunk)) {
        // events.once listens for 'error' only while it waits, so no listener is left behind per wait.
        try {
          await once(stream, 'drain');
        } catch (err) {
          return fail(err as Error);
        }
      }
      if (failed) return fail(failed);
    },
    async close() {
      if (failed) return fail(failed);
      stream.end();
      try {
        await once(stream, 'finish');
        await finish();
      } catch (err) {
        return fail(err as Error);
      }
    },
  };
}

export function fileSink(target: string): Sink {
  const st = statOf(target);
  if (st?.isDirectory()) throw cannotWrite(target, fsError('EISDIR'));
  if (st && !st.isFile()) {
    const own = ownStream(st);
    if (own) return own === process.stdout ? stdoutSink() : streamOf(own);
    const noop = async () => {};
    return streamSink(createWriteStream(target, { flags: 'w' }), target, noop, noop);
  }
  let real = target;
  if (st) {
    try {
      real = realpathSync(target);
    } catch {
      // A file that exists but whose real path cannot be read: it is replaced where it was named.
    }
  }
  const dir = path.dirname(path.resolve(real));
  try {
    if (!statSync(dir).isDirectory()) throw fsError('ENOTDIR');
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw cannotWrite(target, err);
  }
  let tmp: string;
  try {
    tmp = tempPath(path.basename(real));
  } catch (err) {
    const words = inWords((err as NodeJS.ErrnoException).code, os.tmpdir());
    throw new ToolError(
      'OUTPUT_TEMP_FAILED',
      `cannot make a temporary file in ${os.tmpdir()}${words ? `: ${words.why}` : ''}`,
      'Set TMPDIR to a folder you may write to.',
      { cause: err },
    );
  }
  return streamSink(
    createWriteStream(tmp, { flags: 'wx' }),
    target,
    () => publish(tmp, real),
    () => rm(tmp, { force: true }),
  );
}

export function sinkFor(out: string | undefined): Sink {
  return out === undefined || out === '-' ? stdoutSink() : fileSink(out);
}

/** Makes the output folder of a command that writes several files, saying in words why it cannot. */
export async function outputFolder(dir: string): Promise<void> {
  const st = statOf(dir);
  if (st && !st.isDirectory()) {
    throw new ToolError(
      'OUTPUT_NOT_A_FOLDER',
      `cannot write into ${dir}: it is a file, not a folder`,
      'This command writes several files: give a new or existing folder to --out.',
    );
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw cannotWrite(dir, err);
  }
}

/**
 * Writes results: to stdout, or to `--out FILE` through a temporary file in the OS temp directory that is moved
 * into place when complete, so an interrupted run never leaves half a report (see tempfiles.ts).
 */

import { once } from 'node:events';
import { accessSync, constants, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ToolError } from '../model/errors.js';
import { publish, tempPath } from './tempfiles.js';

export interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

export function stdoutSink(): Sink {
  return {
    async write(chunk) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    },
    async close() {},
  };
}

export function fileSink(target: string): Sink {
  try {
    accessSync(path.dirname(path.resolve(target)), constants.W_OK);
  } catch (err) {
    throw new ToolError(
      'OUTPUT_WRITE_FAILED',
      `cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? 'not writable'}`,
      'Check that the folder exists and you may write to it, or choose another --out path.',
    );
  }
  const tmp = tempPath(path.basename(target));
  const stream = createWriteStream(tmp, { flags: 'wx' });
  let failed: Error | undefined;
  stream.on('error', (err) => {
    failed = err;
  });
  const fail = async (err: Error) => {
    stream.destroy();
    await rm(tmp, { force: true });
    throw new ToolError(
      'OUTPUT_WRITE_FAILED',
      `cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? err.message}`,
      'Check that the folder exists and you may write to it, or choose another --out path.',
      { cause: err },
    );
  };
  return {
    async write(chunk) {
      if (failed) return fail(failed);
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
      if (failed) return fail(failed);
    },
    async close() {
      if (failed) return fail(failed);
      stream.end();
      try {
        await once(stream, 'finish');
        await publish(tmp, target);
      } catch (err) {
        return fail(err as Error);
      }
    },
  };
}

export function sinkFor(out: string | undefined): Sink {
  return out === undefined || out === '-' ? stdoutSink() : fileSink(out);
}

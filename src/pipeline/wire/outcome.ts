/**
 * A parse's outcome (pipeline/hashing.ts) as it crosses the wire and back: errors lose their class on the way,
 * so a `SourceFailure` is sent as its fields and made again, and any other error as its message and the system
 * error code the pipeline's messages read (`ENOENT`, `EIO`…).
 */
import { FailureAtEnd, SourceFailure } from '../../sources/index.js';
import type { ParseOutcome } from '../hashing.js';
import type { WireError, WireOutcome } from './records.js';

export function outcomeToWire(o: ParseOutcome): WireOutcome {
  return {
    digest: o.digest,
    ...(o.thrown !== undefined ? { thrown: errorToWire(o.thrown) } : {}),
    ...(o.stream !== undefined ? { stream: errorToWire(o.stream) } : {}),
    ...(o.readBytes !== undefined ? { readBytes: o.readBytes } : {}),
  };
}

export function outcomeFromWire(w: WireOutcome): ParseOutcome {
  return {
    digest: w.digest,
    thrown: w.thrown === undefined ? undefined : errorFromWire(w.thrown),
    stream: w.stream === undefined ? undefined : errorFromWire(w.stream),
    readBytes: w.readBytes,
  };
}

function errorToWire(err: unknown): WireError {
  if (err instanceof SourceFailure) {
    return {
      failure: true,
      code: err.code,
      message: err.message,
      ...(err.locator !== undefined ? { locator: err.locator } : {}),
      ...(err.hint !== undefined ? { hint: err.hint } : {}),
      ...(err.readToEnd ? { readToEnd: true } : {}),
      ...(err instanceof FailureAtEnd ? { atEnd: true } : {}),
    };
  }
  const e = err as Partial<NodeJS.ErrnoException> | null | undefined;
  return {
    failure: false,
    message: err instanceof Error ? err.message : String(err),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(typeof e?.errno === 'number' ? { errno: e.errno } : {}),
    ...(typeof e?.syscall === 'string' ? { syscall: e.syscall } : {}),
  };
}

function errorFromWire(w: WireError): Error {
  if (w.failure)
    return new (w.atEnd === true ? FailureAtEnd : SourceFailure)(
      w.code ?? 'INPUT_READ_FAILED',
      w.message,
      w.locator,
      w.hint,
      w.readToEnd === true,
    );
  return Object.assign(new Error(w.message), {
    ...(w.code !== undefined ? { code: w.code } : {}),
    ...(w.errno !== undefined ? { errno: w.errno } : {}),
    ...(w.syscall !== undefined ? { syscall: w.syscall } : {}),
  });
}

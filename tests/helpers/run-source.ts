/**
 * Runs one source over one fixture file and collects everything it reports, in the shape of the golden
 * `*.expected.json` files: events (as emitted), skips, rejects, warnings and the record accounting.
 */
import { statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileInput } from '../../src/cli/inputs.js';
import type { ParsedEvent } from '../../src/model/index.js';
import type { Source, SourceContext, SourceInput, SourceOptions } from '../../src/sources/index.js';
import { SourceFailure } from '../../src/sources/index.js';
import { wallClockMs } from '../../src/timeline/zone.js';

/**
 * The event as its `local` time says, checked: a source that also hands over the wall-clock time as numbers
 * (`wallMs`, which spares the timeline parsing `local` again) must give exactly what `local` says. The goldens
 * show `local` only.
 */
function checked(e: ParsedEvent): ParsedEvent {
  if (e.time.type !== 'local' || !('wallMs' in e.time)) return e;
  const { wallMs, ...time } = e.time;
  if (wallMs !== undefined && wallMs !== wallClockMs(e.time.local)) {
    throw new Error(`wallMs ${wallMs} is not the local time ${e.time.local} (locator ${e.locator})`);
  }
  return { ...e, time };
}

export interface SourceRun {
  events: ParsedEvent[];
  skipped: { reason: string; locator: number | string }[];
  rejected: { code: string; locator: number | string; message: string; hint?: string }[];
  warnings: { code: string; locator?: number | string; message: string }[];
  /** `readToEnd` only when set: the file was read to the end and every record reported. */
  failure?: { code: string; message: string; locator?: number | string; readToEnd?: true };
  accounting: { records: number; events: number; skipped: number; rejected: number };
}

export async function runSource(
  source: Source,
  file: string,
  options: Partial<SourceOptions> = {},
): Promise<SourceRun> {
  const run: SourceRun = {
    events: [],
    skipped: [],
    rejected: [],
    warnings: [],
    accounting: { records: 0, events: 0, skipped: 0, rejected: 0 },
  };
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London', ...options },
    emit: (e) => void run.events.push(checked(e)),
    skip: (reason, locator) => void run.skipped.push({ reason, locator }),
    reject: (code, locator, message, hint) =>
      void run.rejected.push(
        hint === undefined ? { code, locator, message } : { code, locator, message, hint },
      ),
    warn: (code, locator, message) =>
      void run.warnings.push(locator === undefined ? { code, message } : { code, locator, message }),
    progress: () => {},
  };
  try {
    await source.parse(fileInput(file, statSync(file).size), ctx);
  } catch (err) {
    if (!(err instanceof SourceFailure)) throw err;
    run.failure = {
      code: err.code,
      message: err.message,
      ...(err.locator !== undefined ? { locator: err.locator } : {}),
      ...(err.readToEnd ? { readToEnd: true as const } : {}),
    };
  }
  run.accounting = {
    records: run.events.length + run.skipped.length + run.rejected.length,
    events: run.events.length,
    skipped: run.skipped.length,
    rejected: run.rejected.length,
  };
  return run;
}

/** Everything a source reports for one input, hints and the failure word for word (for same-output checks). */
export interface Outcome {
  events: ParsedEvent[];
  skipped: { reason: string; locator: number | string }[];
  rejected: { code: string; locator: number | string; message: string; hint?: string }[];
  warnings: { code: string; locator?: number | string; message: string; hint?: string }[];
  failure?: { code: string; message: string; locator?: number | string; hint?: string; readToEnd?: true };
}

/**
 * Runs a source over any input (chunked, in memory…) and collects its full outcome. With `restarts`, the context
 * lets the source take back what it reported and read again (`SourceContext.restart`, as the pipeline's does),
 * and counts how often it did; without, the source reads without guessing.
 */
export async function runInput(
  source: Source,
  input: SourceInput,
  options: Partial<SourceOptions> = {},
  restarts?: { count: number },
): Promise<Outcome> {
  const out: Outcome = { events: [], skipped: [], rejected: [], warnings: [] };
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London', ...options },
    emit: (e) => void out.events.push(checked(e)),
    skip: (reason, locator) => void out.skipped.push({ reason, locator }),
    reject: (code, locator, message, hint) => void out.rejected.push({ code, locator, message, hint }),
    warn: (code, locator, message, hint) => void out.warnings.push({ code, locator, message, hint }),
    progress: () => {},
    ...(restarts
      ? {
          restart: () => {
            restarts.count++;
            for (const list of [out.events, out.skipped, out.rejected, out.warnings]) list.length = 0;
          },
        }
      : {}),
  };
  try {
    await source.parse(input, ctx);
  } catch (err) {
    if (!(err instanceof SourceFailure)) throw err;
    out.failure = {
      code: err.code,
      message: err.message,
      locator: err.locator,
      hint: err.hint,
      ...(err.readToEnd ? { readToEnd: true as const } : {}),
    };
  }
  return out;
}

/**
 * `bytes` as an input handed over in pieces of `size` bytes (copies, so a source cannot change the original), to
 * prove that nothing depends on where chunks end. `name` defaults to the last part of `path`.
 */
export function inPieces(bytes: Uint8Array, size: number, path = 'input', name?: string): SourceInput {
  return {
    path,
    name: name ?? path.split('/').pop()!,
    bytes: bytes.length,
    open: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
        })(),
      ),
  };
}

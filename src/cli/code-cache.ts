/**
 * Loads the bundled CLI (dist/bundle/: CommonJS chunks made by rolldown) with V8's code cache, so that a run
 * does not parse and compile the same 1.6 MB of JavaScript again.
 *
 * Why: Node 20 has no compile cache of its own (module.enableCompileCache came in Node 22), and a report spent
 * about a tenth of a second compiling: the top level of every chunk, then each function on its first call. V8
 * can save the bytecode of a script, functions compiled while it ran included, and take it back in a later
 * process (`vm.Script` with `cachedData`). `npm run build` runs the CLI once on the demo case and saves each
 * chunk's cache next to it (scripts/code-cache.mjs); nothing is ever written while the CLI runs for a user.
 *
 * A cache is only used for the exact chunk it was made from: it is stored with a copy of the chunk's source,
 * compared byte for byte, because V8 itself only checks the source's length. (A SHA-256 of it, as before, loaded
 * node:crypto, ~12 ms on each thread before the first chunk ran; comparing 1.6 MB takes well under a millisecond.)
 * V8 refuses a cache made by another V8 version or with other flags (the shebang's), and the chunk is then
 * compiled as usual: a cache never changes what runs.
 *
 * Chunks require each other by "./name.cjs"; those go through `loadChunk`, everything else (node: modules,
 * libphonenumber-js) through Node's own require.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/**
 * A cache file: this 32-byte header, the source's length (8 bytes), the source, zeros up to a multiple of 8 bytes,
 * then V8's data. V8 copies cache data that does not start at a multiple of 8 bytes before it reads it (1.2 MB for
 * a report's chunks).
 */
const MAGIC = Buffer.from(`${'chronolog-v8-cache 3'.padEnd(31)}\n`);
const SOURCE_AT = MAGIC.length + 8;
const dataAt = (sourceBytes: number): number => Math.ceil((SOURCE_AT + sourceBytes) / 8) * 8;

interface Chunk {
  readonly exports: Record<string, unknown>;
  readonly script: Script;
  readonly file: string;
  /** The wrapped source V8 compiled (V8 keeps it anyway, for the functions it compiles later). */
  readonly source: string;
  /** True when V8 took the cache. */
  readonly cached: boolean;
}

const chunks = new Map<string, Chunk>();

/** Node's own module cache (createRequire's is the process's one). */
const requireCache = createRequire(import.meta.url).cache;

/** Where a chunk's cache is kept. */
export const cacheFileOf = (file: string): string => `${file}.v8cache`;

// The wrapper Node puts around a CommonJS module; the chunk sees the same five names.
const WRAP_START = Buffer.from('(function (exports, require, module, __filename, __dirname) {');
const WRAP_END = Buffer.from('\n})');

/**
 * The chunk's bytes, read straight into the middle of its wrapped source (so that nothing is copied to wrap it),
 * and that source as one flat string. The build writes chunks in ASCII (rolldown.config.mjs), read here as
 * Latin-1: V8 then keeps a one-byte string, where UTF-8 decoding of a file with one "—" in it would make a
 * two-byte copy of the whole file; a chunk with other bytes is decoded as UTF-8.
 */
function readWrapped(file: string): { bytes: Buffer; source: string } {
  const fd = openSync(file, 'r');
  let whole: Buffer;
  let size = 0;
  try {
    whole = Buffer.allocUnsafe(WRAP_START.length + fstatSync(fd).size + WRAP_END.length);
    const room = whole.length - WRAP_END.length;
    for (let n = 1; n > 0 && WRAP_START.length + size < room; size += n) {
      n = readSync(fd, whole, WRAP_START.length + size, room - WRAP_START.length - size, null);
    }
  } finally {
    closeSync(fd);
  }
  WRAP_START.copy(whole, 0);
  const end = WRAP_START.length + size;
  WRAP_END.copy(whole, end);
  whole = whole.subarray(0, end + WRAP_END.length);
  const bytes = whole.subarray(WRAP_START.length, end);
  return { bytes, source: whole.toString(isAscii(bytes) ? 'latin1' : 'utf8') };
}

/** The V8 data of `file`'s cache, when there is one made from exactly this source (`bytes`). */
function cachedDataFor(file: string, bytes: Buffer): Buffer | undefined {
  let blob: Buffer;
  try {
    blob = readFileSync(cacheFileOf(file));
  } catch {
    return undefined; // no cache: compiled as usual
  }
  if (blob.length < SOURCE_AT || !blob.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (blob.readDoubleLE(MAGIC.length) !== bytes.length) return undefined;
  if (!blob.subarray(SOURCE_AT, SOURCE_AT + bytes.length).equals(bytes)) return undefined;
  return blob.subarray(dataAt(bytes.length));
}

/** `file` with every link resolved, as Node's require names it; `file` itself when that fails. */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** Runs the CommonJS chunk `file` (once per process) and returns its exports. */
export function loadChunk(file: string): Record<string, unknown> {
  const known = chunks.get(file);
  if (known) return known.exports;
  // A chunk Node's own require already ran (bin/chronolog.cjs runs early.cjs so, before this loader is loaded):
  // its exports, so that the module is one instance whoever loads it. Node keys its cache by the real path.
  const required = requireCache[file] ?? requireCache[realPath(file)];
  if (required?.loaded) return required.exports as Record<string, unknown>;
  const { bytes, source } = readWrapped(file);
  const cachedData = cachedDataFor(file, bytes);
  const script = new Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as Record<string, unknown> };
  const chunk: Chunk = {
    exports: module.exports,
    script,
    file,
    source,
    cached: cachedData !== undefined && !script.cachedDataRejected,
  };
  // Registered before it runs, as Node does, so that chunks requiring each other in a cycle see the exports.
  chunks.set(file, chunk);
  const dir = path.dirname(file);
  const nodeRequire = createRequire(file);
  const require = (id: string): unknown =>
    id.startsWith('./') && id.endsWith('.cjs') ? loadChunk(path.join(dir, id)) : nodeRequire(id);
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, require, module, file, dir);
  if (module.exports !== chunk.exports) chunks.set(file, { ...chunk, exports: module.exports });
  return module.exports;
}

/** Every chunk loaded so far, and whether V8 took its cache (for tests and the build). */
export function loadedChunks(): { file: string; cached: boolean }[] {
  return [...chunks.values()].map(({ file, cached }) => ({ file, cached }));
}

/** Saves the cache of every chunk loaded so far, with the functions compiled until now. Build time only. */
export function saveCodeCaches(): string[] {
  const written: string[] = [];
  for (const { file, script, source } of chunks.values()) {
    const { bytes, source: now } = readWrapped(file);
    // The copy kept must be of the source V8 compiled: a chunk rebuilt since it was loaded gets no cache.
    if (now !== source) throw new Error(`${file} changed after it was loaded; build again`);
    const head = Buffer.alloc(dataAt(bytes.length));
    MAGIC.copy(head, 0);
    head.writeDoubleLE(bytes.length, MAGIC.length);
    bytes.copy(head, SOURCE_AT);
    writeFileSync(cacheFileOf(file), Buffer.concat([head, script.createCachedData()]));
    written.push(cacheFileOf(file));
  }
  return written;
}

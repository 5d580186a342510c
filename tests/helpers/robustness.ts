/**
 * Helpers for the robustness suite: a scratch folder in the OS temp directory for generated (large or hostile)
 * inputs, a CLI runner that also measures peak memory and wall time, and a streaming zip-bomb builder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';
import { BIN, type CliResult, ROOT } from './cli.js';

/** A fresh scratch folder; call `cleanup` in afterAll. */
export function scratch(prefix = 'chronolog-robust-'): {
  dir: string;
  file: (name: string, data: string | Buffer) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    file: (name, data) => {
      const p = path.join(dir, name);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, data);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A CLI run with its peak resident set size (bytes) and wall time (ms). */
export interface MeasuredRun extends CliResult {
  maxRssBytes: number;
  ms: number;
}

const TIME = '/usr/bin/time';
const MARK = 'CHRONOLOG_MAXRSS_KB=';

/** Runs the built CLI under `/usr/bin/time` (or a resourceUsage preload without it) and reports peak RSS and time. */
export function measuredCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): MeasuredRun {
  const start = performance.now();
  const useTime = existsSync(TIME);
  // Without /usr/bin/time, the bench preload records process.resourceUsage().maxRSS on exit.
  const benchOut = path.join(tmpdir(), `chronolog-rss-${process.pid}-${Date.now()}.jsonl`);
  const cmd = useTime ? TIME : process.execPath;
  const argv = useTime
    ? ['-f', `${MARK}%M`, process.execPath, BIN, ...args]
    : ['--import', path.join(ROOT, 'scripts/bench/rss-preload.mjs'), BIN, ...args];
  const r = spawnSync(cmd, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      SOURCE_DATE_EPOCH: undefined,
      TZ: 'UTC',
      BENCH_OUT: benchOut,
      ...env,
    },
    maxBuffer: 1 << 28,
    timeout: 120_000,
  });
  const ms = performance.now() - start;
  if (!useTime) {
    const rec = existsSync(benchOut) ? JSON.parse(readFileSync(benchOut, 'utf8').trim().split('\n')[0]!) : {};
    rmSync(benchOut, { force: true });
    return {
      code: r.status ?? -1,
      stdout: r.stdout,
      stderr: r.stderr,
      maxRssBytes: rec.maxRssBytes ?? Number.NaN,
      ms,
    };
  }
  const lines = r.stderr.split('\n');
  const at = lines.findLastIndex((l) => l.startsWith(MARK));
  const kb = at >= 0 ? Number(lines[at]!.slice(MARK.length)) : Number.NaN;
  const stderr = at >= 0 ? [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n') : r.stderr;
  return { code: r.status ?? -1, stdout: r.stdout, stderr, maxRssBytes: kb * 1024, ms };
}

/**
 * A zip whose single member is `size` bytes of zeros, deflated as a stream (the zeros are never held in memory
 * at once), with truthful headers — so only the reader's size and ratio limits can stop it.
 */
export async function zipBomb(name: string, size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(1 << 20);
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const body = Buffer.concat(parts);
  const n = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(n.length, 28);
  const cdSize = central.length + n.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(30 + n.length + body.length, 16);
  return Buffer.concat([local, n, body, central, n, end]);
}

/**
 * chronolog never opens a network connection and never writes next to or inside its inputs: every command runs
 * with a preload that makes sockets, DNS and fetch fail loudly, and the input tree (contents and modification
 * times) is compared before and after.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const PRELOAD = path.join(ROOT, 'tests/helpers/no-network.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'chronolog-offline-'));
const inputs = path.join(tmp, 'case');
cpSync(path.join(ROOT, 'fixtures/demo-case'), inputs, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function offline(args: string[]) {
  return spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
  });
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = `${st.size}:${st.mtimeMs}:${readFileSync(p).toString('base64')}`;
    }
  };
  walk(dir);
  return out;
}

describe('offline and read-only', () => {
  const before = snapshot(inputs);

  it('proves the preload really blocks the network', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', PRELOAD, '-e', "require('node:dns').lookup('example.com', () => {})"],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(99);
    expect(r.stderr).toMatch(/NETWORK ACCESS ATTEMPTED: dns.lookup/);
  });

  it.each([
    ['report (text)', ['report', 'case']],
    ['report (json)', ['report', 'case', '--format', 'json', '--out', 'out/report.json']],
    ['report (markdown)', ['report', 'case', '--format', 'markdown', '--out', 'out/report.md']],
    ['timeline', ['timeline', 'case', '--format', 'jsonl', '--out', 'out/timeline.jsonl']],
    ['inspect', ['inspect', 'case']],
    ['verify', ['verify', 'out/report.json']],
  ])('%s succeeds with no network', (_name, args) => {
    rmSync(path.join(tmp, 'out'), { recursive: true, force: true });
    mkdirSync(path.join(tmp, 'out'));
    if (args[0] === 'verify') offline(['report', 'case', '--format', 'json', '--out', 'out/report.json']);
    const r = offline(args);
    expect(r.stderr).not.toMatch(/NETWORK ACCESS ATTEMPTED/);
    expect(r.status).toBe(0);
  });

  it('leaves the input tree exactly as it was, modification times included', () => {
    offline(['report', 'case', '--format', 'json', '--out', path.join(tmp, 'report.json')]);
    expect(snapshot(inputs)).toEqual(before);
  });
});

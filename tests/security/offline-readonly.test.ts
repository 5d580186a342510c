/**
 * chronolog never opens a network connection and never writes next to or inside its inputs: every command runs
 * with a preload that makes sockets, DNS and fetch fail loudly, and the input tree (contents and modification
 * times) is compared before and after.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * Every file's size, modification time and bytes, and every folder's modification time: a file created and then
 * removed inside an input folder (a stray temporary file) changes the folder's time, so it shows up too.
 */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': `dir:${statSync(dir).mtimeMs}` };
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        out[path.relative(dir, p)] = `dir:${st.mtimeMs}`;
        walk(p);
      } else out[path.relative(dir, p)] = `${st.size}:${st.mtimeMs}:${readFileSync(p).toString('base64')}`;
    }
  };
  walk(dir);
  return out;
}
const before = snapshot(inputs);

describe('offline and read-only', () => {
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
    ['formats', ['formats']],
    ['schema', ['schema']],
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

describe('research commands offline, and temporary files', () => {
  it('anonymise, batch and merge succeed with no network', () => {
    const key = path.join(tmp, 'study.key');
    writeFileSync(key, 'k'.repeat(48));
    const cases = path.join(tmp, 'cases');
    mkdirSync(cases, { recursive: true });
    cpSync(inputs, path.join(cases, 'demo'), { recursive: true });
    const anon = offline(['anonymise', 'case', '--key-file', key, '--out', path.join(tmp, 'anon')]);
    expect(anon.stderr).not.toMatch(/NETWORK ACCESS ATTEMPTED/);
    expect(anon.status).toBe(0);
    const batch = offline(['batch', cases, '--out', path.join(tmp, 'batch'), '--jobs', '1']);
    expect(batch.stderr).not.toMatch(/NETWORK ACCESS ATTEMPTED/);
    expect(batch.status).toBe(0);
    expect(readFileSync(path.join(tmp, 'batch/cases.csv'), 'utf8')).toMatch(/^case,incidents/);
    const merge = offline(['merge', path.join(tmp, 'batch'), '--out', path.join(tmp, 'merged')]);
    expect(merge.stderr).not.toMatch(/NETWORK ACCESS ATTEMPTED/);
    expect(merge.status, merge.stderr).toBe(0);
    expect(readFileSync(path.join(tmp, 'merged/cases.csv'), 'utf8')).toBe(
      readFileSync(path.join(tmp, 'batch/cases.csv'), 'utf8'),
    );
  });

  it('keeps its temporary files in a private folder of the OS temp directory and removes them', () => {
    const ownTmp = path.join(tmp, 'os-tmp');
    mkdirSync(ownTmp, { recursive: true });
    const r = spawnSync(
      process.execPath,
      [BIN, 'report', 'case', '--format', 'json', '--out', path.join(tmp, 'r.json')],
      {
        cwd: tmp,
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC', TMPDIR: ownTmp },
      },
    );
    expect(r.status).toBe(0);
    expect(readdirSync(ownTmp)).toEqual([]);
    expect(readdirSync(tmp).filter((n) => n.includes('.tmp') || n.includes('.partial'))).toEqual([]);
  });

  it('removes its temporary files when writing the output fails', () => {
    const ownTmp = path.join(tmp, 'os-tmp-err');
    mkdirSync(ownTmp, { recursive: true });
    // The target is an existing folder: the report is written to a temporary file, then cannot be moved there.
    const target = path.join(tmp, 'taken.json');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    const r = spawnSync(process.execPath, [BIN, 'report', 'case', '--format', 'json', '--out', target], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', TMPDIR: ownTmp },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*taken\.json/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readdirSync(ownTmp)).toEqual([]);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it('on Ctrl-C writes no output and leaves no temporary file', async () => {
    const ownTmp = path.join(tmp, 'os-tmp-int');
    mkdirSync(ownTmp, { recursive: true });
    const big = path.join(tmp, 'big-chat.txt');
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench/gen-whatsapp.mjs'), big, '400000']);
    const out = path.join(tmp, 'interrupted.json');
    const child = spawn(
      process.execPath,
      [BIN, 'report', big, '--subject', 'Sam', '--format', 'json', '--out', out],
      {
        cwd: tmp,
        env: { ...process.env, TZ: 'UTC', TMPDIR: ownTmp },
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    // Wait until the temporary folder exists (the run is under way), then interrupt.
    const deadline = Date.now() + 20_000;
    while (readdirSync(ownTmp).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped \(Ctrl-C, SIGINT\); no output was written\./);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(ownTmp)).toEqual([]);
  });
});

describe('after every command above', () => {
  it('the input tree is exactly as it was: contents, file and folder modification times', () => {
    expect(snapshot(inputs)).toEqual(before);
  });
});

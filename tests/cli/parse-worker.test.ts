/**
 * Large inputs are read on a second thread (src/cli/parse-host.ts) and their source's calls replayed here
 * (src/pipeline/wire/). Forced on for every file (CHRONOLOG_WORKER_MIN_BYTES=0), every fixture folder must give
 * byte for byte what it gives read on the main thread: timelines, reports, problems and exit codes, including
 * files that fail part-way, DST gaps and overlaps, and every source's own quirks.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerPolicy } from '../../src/cli/parse-spawn.js';
import { sourceById } from '../../src/sources/index.js';
import { type CliResult, cli, cliAsync, expectUsageError, NOW, ROOT } from '../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'fixtures');
const folders = readdirSync(FIXTURES)
  .filter((f) => statSync(path.join(FIXTURES, f)).isDirectory())
  .sort();

const worker = { CHRONOLOG_WORKER_MIN_BYTES: '0' };
const here = { CHRONOLOG_WORKER_MIN_BYTES: 'off' };

/**
 * Runs `args` reading here and on the worker (the two at once), expects the same exit code, stderr and stdout, and
 * returns them.
 */
async function bothWays(args: readonly string[]): Promise<CliResult> {
  const [a, b] = await Promise.all([cliAsync(args, here), cliAsync(args, worker)]);
  expect(b.code).toBe(a.code);
  expect(b.stderr).toBe(a.stderr);
  expect(b.stdout).toBe(a.stdout);
  return a;
}

/** The arguments of a JSON report of a chat of `messages` messages the bench's generator writes into `dir`. */
function reportOfChat(dir: string, messages: number): string[] {
  const chat = path.join(dir, 'chat.txt');
  const gen = spawnSync(process.execPath, [
    path.join(ROOT, 'scripts/bench/gen-whatsapp.mjs'),
    chat,
    String(messages),
  ]);
  expect(gen.status).toBe(0);
  return ['report', chat, '--format', 'json', '--subject', 'Sam', '--tz', 'Europe/London', '--now', NOW];
}

/**
 * Fixture folders of the README's pictures and of R's reference values: no export in them; and one whose only
 * export is refused by design (a Telegram export saved as UTF-16 without a byte-order mark: listed as not read).
 */
const NO_EXPORTS = new Set(['readme', 'stats', 'stats-milestones', 'telegram-json-utf16-without-bom']);

describe('reading on the worker thread gives what reading here gives', () => {
  it.each(folders)('timeline of fixtures/%s', async (folder) => {
    const a = await bothWays([
      'timeline',
      `fixtures/${folder}`,
      '--format',
      'jsonl',
      '--tz',
      'Europe/London',
    ]);
    // Not vacuous: the folders hold events, but for those that hold pictures or statistics' reference values.
    if (!NO_EXPORTS.has(folder)) expect(a.stdout.length).toBeGreaterThan(0);
  });

  it.each([
    'demo-case',
    'mixed-case',
    'whatsapp-txt',
    'sms-backup-xml',
    'telegram-json',
    'calls-diary-dst',
    'mbox',
    'csv-diary',
    // Skipped records located (inputs[].skippedAt): each skip's locator crosses the wire.
    'skipped-locations',
  ])('report of fixtures/%s', async (folder) => {
    const a = await bothWays([
      'report',
      `fixtures/${folder}`,
      '--format',
      'json',
      '--victim',
      'Zz',
      '--now',
      NOW,
    ]);
    expect(JSON.parse(a.stdout).incidents.total).toBeGreaterThan(0);
  });
});

describe('what only anonymise reads', () => {
  /**
   * The anonymised timeline of a case folder holding `copy` (fixture → name in the folder) and a case naming the
   * victim `victim`, read here and on the worker: both must be the same. Returns it.
   */
  function anonymisedBothWays(copy: [string, string], victim: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-worker-people-'));
    try {
      const input = path.join(dir, 'in');
      mkdirSync(input);
      cpSync(path.join(FIXTURES, copy[0]), path.join(input, copy[1]), { recursive: true });
      const kase = { timezone: 'UTC', victim: { identifiers: [victim] }, subject: { identifiers: [] } };
      writeFileSync(path.join(input, 'case.json'), JSON.stringify(kase));
      const key = path.join(dir, 'study.key');
      writeFileSync(key, 'k4Jq9vX2mR7tY1pL8sD3fG6hZ0cV5bN2wE9uI4oA7yT=\n');
      const texts = [here, worker].map((env, i) => {
        const out = path.join(dir, `out-${i}`);
        expect(cli(['anonymise', input, '--key-file', key, '--out', out], env).code).toBe(0);
        return readFileSync(path.join(out, 'input-001.jsonl'), 'utf8');
      });
      expect(texts[1]).toBe(texts[0]);
      return texts[0]!;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("gets a thread's participants from the worker: one who never writes is redacted alike", () => {
    const text = anonymisedBothWays(['messenger-json/silent-participant', 'thread'], 'Alex Morgan');
    expect(text).toMatch(/"\[NAME:p[0-9a-f]{4}\] told me everything about you"/);
  });

  it("gets a Telegram one-to-one chat's other person from the worker, who never writes", () => {
    const text = anonymisedBothWays(
      ['telegram-json/silent-contact-single.json', 'result.json'],
      'user4400000010',
    );
    expect(text).toMatch(/"\[NAME:p[0-9a-f]{4}\] please call me back"/);
    expect(text).not.toMatch(/Priya|Nandakumar/);
  });
});

describe('a message longer than any WhatsApp message', () => {
  it('is cut alike here and on the worker, flagged and warned of', async () => {
    // 3 MB of text on one line, then 2 MB over many lines: both cut to their first MiB (WHATSAPP_TEXT_CUT).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-worker-long-'));
    try {
      const chat = path.join(dir, 'WhatsApp Chat with Sam.txt');
      const lines = `${'pasted line of text\n'.repeat(100_000)}`;
      writeFileSync(
        chat,
        `14/03/2024, 21:05 - Sam: ${'😀'.repeat(750_000)}\n14/03/2024, 21:06 - Sam: start\n${lines}14/03/2024, 21:07 - Sam: end\n`,
      );
      const a = await bothWays(['timeline', chat, '--format', 'jsonl', '--tz', 'Europe/London']);
      const events = a.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(events.map((e) => [e.locator, e.flags, Buffer.byteLength(e.text)])).toEqual([
        ['line 1', 'WHATSAPP_TEXT_CUT', 1_048_576],
        ['line 2', 'WHATSAPP_TEXT_CUT', 1_048_576],
        ['line 100003', '', 3],
      ]);
      expect(a.stderr).toContain(
        'line 2: The message on line 2 has 2,000,005 bytes of text on 100,001 lines (as UTF-8), more than a WhatsApp message can hold',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a chat of many slots', () => {
  it('gives the same report read on the worker, slot after slot', async () => {
    // 200,000 messages (~13 MB): dozens of slots of growing size, the ring full at times, and text blocks readied
    // by the main thread while it waits.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-worker-'));
    try {
      const a = await bothWays(reportOfChat(dir, 200_000));
      expect(a.code).toBe(0);
      expect(JSON.parse(a.stdout).incidents.total).toBeGreaterThan(100_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A copy of the built CLI in `dir` whose bundled worker is `patch`ed; returns a function that runs it (Node's own
 * CHRONOLOG_WORKER_MIN_BYTES left out, so that `env` sets it or the default policy holds).
 */
function patchedCli(dir: string, patch: (code: string) => string) {
  for (const part of ['bin', 'dist', 'package.json']) {
    cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const entry = path.join(dir, 'dist/bundle/parse-worker.cjs');
  const code = readFileSync(entry, 'utf8');
  const patched = patch(code);
  expect(patched).not.toBe(code);
  writeFileSync(entry, patched);
  const { CHRONOLOG_WORKER_MIN_BYTES: _, ...outside } = process.env;
  return (args: readonly string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(dir, 'bin/chronolog.cjs'), ...args], {
      encoding: 'utf8',
      env: { ...outside, TZ: 'UTC', ...env },
    });
}

describe('a worker that stops part-way', () => {
  it('leaves the file to be read here from the start, with the same report', () => {
    // A copy of the built CLI whose worker exits as it hands over its third slot, records already replayed.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-worker-dies-'));
    try {
      const cliOf = patchedCli(dir, (code) =>
        code.replace(
          /^function handOver\((.*)\) \{$/m,
          'let handedOver = 0;\nfunction handOver($1) {\n\tif (++handedOver === 3) process.exit(3);',
        ),
      );
      const args = reportOfChat(dir, 50_000);
      const run = (env: Record<string, string>) => cliOf(args, env);
      const a = run(here);
      const b = run(worker);
      expect(a.status).toBe(0);
      expect(b.status).toBe(0);
      expect(b.stderr).toBe(a.stderr);
      expect(b.stdout).toBe(a.stdout);
      expect(JSON.parse(a.stdout).incidents.total).toBeGreaterThan(20_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the default policy', () => {
  it('reads a chat of 16 MiB or more on the worker, named on the command line, found in a folder, or known only by its content', () => {
    // A copy of the built CLI whose worker notes each file it is given, so that the test sees where it was read.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-worker-policy-'));
    const given = path.join(dir, 'given.txt');
    try {
      const cliOf = patchedCli(dir, (code) =>
        code.replace(
          /^async function run\(job\) \{$/m,
          `async function run(job) {\n\trequire("node:fs").appendFileSync(${JSON.stringify(given)}, job.file + "\\n");`,
        ),
      );
      const folder = path.join(dir, 'exports');
      mkdirSync(folder);
      const chat = reportOfChat(folder, 270_000)[1]!;
      expect(statSync(chat).size).toBeGreaterThanOrEqual(16 << 20);
      // Started by the bin (a .txt named on the command line), by the walk (a .txt in a folder), and by detection
      // (a name that says nothing of its format).
      const log = path.join(dir, 'chat.log');
      cpSync(chat, log);
      for (const [target, file] of [
        [chat, chat],
        [folder, chat],
        [log, log],
      ] as const) {
        rmSync(given, { force: true });
        const args = [
          'report',
          target,
          '--format',
          'json',
          '--subject',
          'Sam',
          '--tz',
          'Europe/London',
          '--now',
          NOW,
        ];
        const a = cliOf(args, here);
        expect(() => readFileSync(given, 'utf8')).toThrow();
        const b = cliOf(args, {});
        expect(readFileSync(given, 'utf8')).toBe(`${file}\n`);
        expect(a.status).toBe(0);
        expect(b.status).toBe(0);
        expect(b.stderr).toBe(a.stderr);
        expect(b.stdout).toBe(a.stdout);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a large file named on the command line', () => {
  it('is read by the worker started before the case is read, with the same result', async () => {
    const files = [
      'fixtures/whatsapp-txt/android-24h-dmy.txt',
      'fixtures/sms-backup-xml/calls-all-types.xml',
    ];
    const a = await bothWays(['report', ...files, '--format', 'json', '--victim', 'Zz', '--now', NOW]);
    expect(a.code).toBe(0);
  });
});

describe('CHRONOLOG_WORKER_MIN_BYTES', () => {
  it('by default sends files of 16 MiB and more of the formats measured faster so; a number or "off" all alike', () => {
    const byDefault = workerPolicy(undefined);
    expect(byDefault.minBytes).toBe(16 * 1024 * 1024);
    expect(byDefault.formats).toEqual(new Set(['whatsapp-txt', 'sms-backup-xml']));
    expect(workerPolicy('')).toEqual(byDefault);
    // The extensions that start the worker before detection are those the formats' sources declare.
    const declared = [...(byDefault.formats as Set<string>)].flatMap((id) => sourceById(id)!.extensions);
    expect(byDefault.extensions).toEqual(new Set(declared));
    expect(workerPolicy('0')).toEqual({ minBytes: 0, formats: 'all', extensions: 'all' });
    expect(workerPolicy('1048576')).toEqual({ minBytes: 1048576, formats: 'all', extensions: 'all' });
    expect(workerPolicy('off')).toEqual({
      minBytes: Number.POSITIVE_INFINITY,
      formats: 'all',
      extensions: 'all',
    });
  });

  it('refuses a value that is neither a number of bytes nor "off"', () => {
    const r = cli(['timeline', 'fixtures/demo-case'], { CHRONOLOG_WORKER_MIN_BYTES: 'lots' });
    expectUsageError(
      r,
      'error: CHRONOLOG_WORKER_MIN_BYTES "lots" is neither a whole number of bytes nor "off"\n' +
        'hint: Set it to a number of bytes (0 reads every file on the second thread), to "off", or unset it.\n',
    );
  });
});

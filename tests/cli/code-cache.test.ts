/**
 * The bundled CLI is loaded with the V8 code cache the build saves (src/cli/code-cache.ts). These tests run the
 * loader in child processes, as bin/chronolog.cjs does: a cache made from a chunk is taken for exactly that chunk,
 * never for an edited one (V8 alone would take it: it only checks the source's length), and never changes what
 * runs.
 */
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, DEMO, ROOT } from '../helpers/cli.js';

const LOADER = path.join(ROOT, 'dist/cli/code-cache.js');
/** The V8 flags of bin/chronolog.cjs's shebang, which the build's caches are made under. */
const FLAGS = (() => {
  const words = readFileSync(BIN, 'utf8').split('\n', 1)[0]!.split(/\s+/);
  return words.slice(words.indexOf('node') + 1);
})();

/** Runs `body` (an ES module body with `loadChunk`, `loadedChunks`, `saveCodeCaches` in scope) in a child. */
function child(
  body: string,
  flags: readonly string[] = FLAGS,
): { out: string; err: string; code: number | null } {
  const script = `import { loadChunk, loadedChunks, saveCodeCaches } from ${JSON.stringify(LOADER)};\n${body}`;
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

let dir = '';

/**
 * Runs `chronolog --version` through the bin's shebang, as a user's shell does, with `body` preloaded (it may call
 * `save(text)`); returns what it saved.
 */
function binSees(body: string): string {
  dir ||= mkdtempSync(path.join(os.tmpdir(), 'chronolog-code-cache-'));
  const saved = path.join(dir, 'saved.txt');
  const preload = path.join(dir, 'preload.cjs');
  writeFileSync(
    preload,
    `const save = (text) => require('node:fs').writeFileSync(${JSON.stringify(saved)}, text);\n${body}\n`,
  );
  const r = spawnSync(BIN, ['--version'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--require ${preload}` },
  });
  expect(r.status).toBe(0);
  return readFileSync(saved, 'utf8');
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** Two chunks as rolldown writes them: a.cjs requires ./b.cjs and a node: module. */
function writeChunks(word: string): { a: string; b: string } {
  dir ||= mkdtempSync(path.join(os.tmpdir(), 'chronolog-code-cache-'));
  const a = path.join(dir, 'a.cjs');
  const b = path.join(dir, 'b.cjs');
  writeFileSync(
    a,
    `const b = require("./b.cjs");\nconst p = require("node:path");\nexports.say = () => p.basename(__filename) + " " + b.word();\n`,
  );
  writeFileSync(b, `exports.word = function () { return "${word}"; };\n`);
  return { a, b };
}

const RUN_AND_LIST = (a: string) =>
  `const m = loadChunk(${JSON.stringify(a)});\nconsole.log(m.say());\nfor (const c of loadedChunks()) console.log(c.cached ? 'cached' : 'compiled', c.file.split('/').pop());`;

describe('code cache loader', () => {
  it('runs chunks without a cache, then takes the cache it saved for them', () => {
    const { a } = writeChunks('hello');
    const first = child(`${RUN_AND_LIST(a)}\nsaveCodeCaches();`);
    expect(first.code).toBe(0);
    expect(first.out).toBe('a.cjs hello\ncompiled a.cjs\ncompiled b.cjs\n');
    const second = child(RUN_AND_LIST(a));
    expect(second.out).toBe('a.cjs hello\ncached a.cjs\ncached b.cjs\n');
  });

  it('never takes a cache for an edited chunk, even one of the same length', () => {
    const { a, b } = writeChunks('hello');
    expect(child(`loadChunk(${JSON.stringify(a)}); saveCodeCaches();`).code).toBe(0);
    writeFileSync(b, readFileSync(b, 'utf8').replace('hello', 'howdy'));
    const r = child(RUN_AND_LIST(a));
    expect(r.out).toBe('a.cjs howdy\ncached a.cjs\ncompiled b.cjs\n');
  });

  it('compiles as usual when V8 refuses the cache (other flags than it was made under)', () => {
    const { a } = writeChunks('hello');
    expect(child(`loadChunk(${JSON.stringify(a)}); saveCodeCaches();`).code).toBe(0);
    const r = child(RUN_AND_LIST(a), []);
    expect(r.out).toBe('a.cjs hello\ncompiled a.cjs\ncompiled b.cjs\n');
  });

  it('reads a chunk that is not ASCII as UTF-8, and its cache is taken too', () => {
    const { a, b } = writeChunks('h\u00e9llo \u2014 \u{1f642}');
    // The characters themselves are in the file (not escapes), so the loader must decode it as UTF-8.
    expect(readFileSync(b, 'utf8')).toContain('h\u00e9llo \u2014 \u{1f642}');
    expect(child(`loadChunk(${JSON.stringify(a)}); saveCodeCaches();`).code).toBe(0);
    const r = child(RUN_AND_LIST(a));
    expect(r.out).toBe('a.cjs h\u00e9llo \u2014 \u{1f642}\ncached a.cjs\ncached b.cjs\n');
  });

  it("takes a chunk Node's require already ran as it is: one instance of the module, not run again", () => {
    const { a } = writeChunks('hello');
    writeFileSync(a, `globalThis.runs = (globalThis.runs ?? 0) + 1;\n${readFileSync(a, 'utf8')}`);
    const r = child(
      `import { createRequire } from 'node:module';\n` +
        `const first = createRequire(import.meta.url)(${JSON.stringify(a)});\n` +
        `const again = loadChunk(${JSON.stringify(a)});\n` +
        `console.log(first === again, globalThis.runs, again.say(), loadedChunks().length);`,
    );
    expect(r.err).toBe('');
    expect(r.out).toBe('true 1 a.cjs hello 0\n');
    // Asked for by a path through a link: Node's require named it by its real path.
    const alias = `${path.dirname(a)}-alias`;
    symlinkSync(path.dirname(a), alias);
    try {
      const linked = child(
        `import { createRequire } from 'node:module';\n` +
          `const first = createRequire(import.meta.url)(${JSON.stringify(a)});\n` +
          `console.log(first === loadChunk(${JSON.stringify(path.join(alias, 'a.cjs'))}), globalThis.runs);`,
      );
      expect(linked.out).toBe('true 1\n');
    } finally {
      rmSync(alias, { force: true });
    }
  });

  it('ignores a cache file that is not one of its own', () => {
    const { a } = writeChunks('hello');
    writeFileSync(`${a}.v8cache`, 'not a cache');
    const r = child(RUN_AND_LIST(a));
    expect(r.out).toBe('a.cjs hello\ncompiled a.cjs\ncompiled b.cjs\n');
  });
});

describe('the build', () => {
  it('saved caches that the CLI takes under its shebang flags, for every chunk a report loads', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-code-cache-'));
    const out = path.join(dir, 'report.json');
    const main = path.join(ROOT, 'dist/bundle/main.cjs');
    const r = child(
      `const { main } = loadChunk(${JSON.stringify(main)});\n` +
        `const code = await main(['report', ${JSON.stringify(path.join(ROOT, DEMO))}, '--format', 'json', '--out', ${JSON.stringify(out)}, '--quiet']);\n` +
        `const chunks = loadedChunks();\n` +
        `console.log(JSON.stringify({ code, loaded: chunks.length, compiled: chunks.filter((c) => !c.cached).map((c) => c.file) }));`,
    );
    expect(r.err).toBe('');
    const { code, loaded, compiled } = JSON.parse(r.out) as {
      code: number;
      loaded: number;
      compiled: string[];
    };
    expect(code).toBe(0);
    expect(loaded).toBeGreaterThan(5);
    expect(compiled).toEqual([]);
    expect(JSON.parse(readFileSync(out, 'utf8')).inputs.length).toBeGreaterThan(3);
  });

  it('writes every chunk in ASCII, so that the loader keeps one byte a character', () => {
    const bundle = path.join(ROOT, 'dist/bundle');
    const chunks = readdirSync(bundle).filter((f) => f.endsWith('.cjs'));
    expect(chunks.length).toBeGreaterThan(5);
    const notAscii = chunks.filter((f) => !isAscii(readFileSync(path.join(bundle, f))));
    expect(notAscii).toEqual([]);
  });

  it('starts through a CommonJS shim, so that Node does not start its ES module loader for it', () => {
    const modules = binSees(`process.on('exit', () => save(process.moduleLoadList.join('\\n')));`).split(
      '\n',
    );
    expect(modules).toContain('NativeModule vm');
    expect(modules.filter((m) => m.includes('internal/modules/esm/translators'))).toEqual([]);
  });

  it('loads no zod for a report without a case file (nothing to validate)', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-code-cache-'));
    const out = path.join(dir, 'report.json');
    const main = path.join(ROOT, 'dist/bundle/main.cjs');
    const chat = path.join(ROOT, 'fixtures/whatsapp-txt/android-24h-dmy.txt');
    const r = child(
      `const { main } = loadChunk(${JSON.stringify(main)});\n` +
        `const code = await main(['report', ${JSON.stringify(chat)}, '--format', 'json', '--out', ${JSON.stringify(out)}, '--victim', 'Alex', '--quiet']);\n` +
        `console.log(JSON.stringify({ code, files: loadedChunks().map((c) => c.file) }));`,
    );
    const { code, files } = JSON.parse(r.out) as { code: number; files: string[] };
    expect(code).toBe(0);
    expect(files.length).toBeGreaterThan(5);
    // rolldown marks each bundled module with a "// node_modules/…" line.
    const withZod = files.filter((f) => readFileSync(f, 'utf8').includes('// node_modules/zod/'));
    expect(withZod).toEqual([]);
  });

  it('loads no node:crypto to check a cache (it compares the source) and no zlib for a chat that is no zip', () => {
    const { a } = writeChunks('hello');
    expect(child(`loadChunk(${JSON.stringify(a)}); saveCodeCaches();`).code).toBe(0);
    const loaded = child(
      `loadChunk(${JSON.stringify(a)});\nconsole.log(JSON.stringify([loadedChunks()[0].cached, process.moduleLoadList.includes('NativeModule crypto')]));`,
    );
    expect(loaded.out).toBe('[true,false]\n');
    /** Whether `inspect` of `file`, run through the bundle, exits 0 and has loaded Node's zlib by its end. */
    const inspectLoadsZlib = (file: string) => {
      const main = path.join(ROOT, 'dist/bundle/main.cjs');
      const r = child(
        `const { main } = loadChunk(${JSON.stringify(main)});\n` +
          `const code = await main(['inspect', ${JSON.stringify(file)}]);\n` +
          `console.log(JSON.stringify({ code, zlib: process.moduleLoadList.includes('NativeModule zlib') }));`,
      );
      return JSON.parse(r.out.split('\n').filter(Boolean).pop()!) as { code: number; zlib: boolean };
    };
    expect(inspectLoadsZlib(path.join(ROOT, 'fixtures/whatsapp-txt/android-24h-dmy.txt'))).toEqual({
      code: 0,
      zlib: false,
    });
    expect(
      inspectLoadsZlib(path.join(ROOT, 'fixtures/mixed-case/whatsapp/WhatsApp Chat - +44 7700 900462.zip')),
    ).toEqual({ code: 0, zlib: true });
  });

  it('keeps the shebang under 128 bytes: Linux before 5.1 cuts a longer line, and npm reads it for its shims', () => {
    const line = readFileSync(BIN, 'utf8').split('\n', 1)[0]!;
    expect(Buffer.byteLength(line)).toBeLessThan(128);
    expect(line).toMatch(/^#!\/usr\/bin\/env -S node( --[a-z-]+(=\d+)?)+$/);
  });
});

#!/usr/bin/env node
/**
 * The last step of `npm run build`: runs the bundled CLI once, as bin/chronolog.cjs runs it (the same V8 flags,
 * read from its shebang), on the demo case, and saves each loaded chunk's V8 code cache beside it
 * (src/cli/code-cache.ts says why). Without fixtures/demo-case (an installed package) it saves nothing and the
 * CLI compiles as usual. The report it makes goes to a temporary folder, removed at the end.
 *
 *   node scripts/code-cache.mjs            # what the build runs
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = path.join(root, 'fixtures/demo-case');

if (process.argv[2] === '--warm') {
  // In the child: run the CLI in this process, then save what V8 compiled.
  const { loadChunk, saveCodeCaches } = await import(
    pathToFileURL(path.join(root, 'dist/cli/code-cache.js')).href
  );
  const { main } = loadChunk(path.join(root, 'dist/bundle/main.cjs'));
  const out = process.argv[3];
  const code = await main(['report', demo, '--format', 'json', '--out', out, '--quiet']);
  if (code !== 0) throw new Error(`the warm-up report exited with ${code}`);
  saveCodeCaches();
} else if (existsSync(demo)) {
  // The flags after "node" in the shebang: V8 takes a cache only under the flags it was made with.
  const shebang = readFileSync(path.join(root, 'bin/chronolog.cjs'), 'utf8').split('\n', 1)[0];
  const flags = shebang.split(/\s+/).slice(shebang.split(/\s+/).indexOf('node') + 1);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolog-build-'));
  let status;
  try {
    status = spawnSync(
      process.execPath,
      [...flags, fileURLToPath(import.meta.url), '--warm', path.join(tmp, 'warm-up.json')],
      { stdio: 'inherit', env: { ...process.env, SOURCE_DATE_EPOCH: '0', NO_COLOR: '1' } },
    ).status;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Exited only once the folder is removed: process.exit inside the try skipped the finally and left it behind.
  if (status !== 0) process.exit(status ?? 1);
}

#!/usr/bin/env -S node --max-semi-space-size=4 --single-threaded-gc --no-incremental-marking
// Thin shim: all logic lives in the compiled CLI (dist/bundle/, bundled from tsc's dist/; see rolldown.config.mjs)
// so src/ stays importable in tests. It is loaded with the code cache `npm run build` saved, by the loader of
// src/cli/code-cache.ts (bundled as dist/bundle/loader.cjs). The shim is CommonJS: an ES module here would make
// Node start its module loader for this one file, about 15 ms of every run.
// The V8 flags make memory small and predictable: the young generation stays at 4 MB a half (the default grows
// to 16), and garbage is collected on the main thread, so the peak no longer depends on when a background
// collector happens to finish (Telegram 1M: 180–185 MB every run, instead of 186 MB or 236 MB), and each full
// collection is one pause instead of many small marking steps between allocations, which cost more in all
// (README, "Performance"). Running `node bin/chronolog.cjs` directly works the same, without them (and without
// the code cache, which V8 only takes under the flags it was made with). The line must stay under 128 bytes:
// Linux before 5.1 cuts a longer one, and npm's Windows shims read it too (a test holds it to that).
'use strict';
const path = require('node:path');

// A large input named on the command line starts the parse worker before anything else is loaded
// (src/cli/early.ts): early.cjs and the three small chunks it requires (~9 KB) are run by Node's require, without
// a code cache, ~25 ms sooner than through the loader, and the loader takes them from Node's module cache.
require('../dist/bundle/early.cjs').early(process.argv.slice(2));

const { loadChunk } = require('../dist/bundle/loader.cjs');
const { main } = loadChunk(path.join(__dirname, '../dist/bundle/main.cjs'));
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Ended here rather than by Node, which would first take apart every object the run made (~20 ms after a report
  // of a million messages). Not while a write to stdout or stderr is still queued; a failed write is reported on
  // the next tick (src/cli/main.ts), before this immediate, and ends the run with its own code.
  setImmediate(() => {
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
  });
});

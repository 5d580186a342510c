#!/usr/bin/env -S node --max-semi-space-size=4 --single-threaded-gc --no-incremental-marking
// Thin shim: all logic lives in the compiled CLI (dist/bundle/, bundled from tsc's dist/; see rolldown.config.mjs)
// so src/ stays importable in tests. It is loaded with the code cache `npm run build` saved (dist/cli/code-cache.js).
// The V8 flags make memory small and predictable: the young generation stays at 4 MB a half (the default grows
// to 16), and garbage is collected on the main thread, so the peak no longer depends on when a background
// collector happens to finish (Telegram 1M: 180–185 MB every run, instead of 186 MB or 236 MB), and each full
// collection is one pause instead of many small marking steps between allocations, which cost more in all
// (README, "Performance"). Running `node bin/chronolog.js` directly works the same, without them (and without
// the code cache, which V8 only takes under the flags it was made with).
import { fileURLToPath } from 'node:url';
import { loadChunk } from '../dist/cli/code-cache.js';

const { main } = loadChunk(fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url)));
process.exitCode = await main(process.argv.slice(2));

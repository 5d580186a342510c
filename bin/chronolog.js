#!/usr/bin/env -S node --max-semi-space-size=4 --single-threaded-gc
// Thin shim: all logic lives in the compiled CLI (dist/bundle/, bundled from tsc's dist/; see rolldown.config.mjs)
// so src/ stays importable in tests.
// The V8 flags make memory small and predictable: the young generation stays at 4 MB a half (the default grows
// to 16), and garbage is collected on the main thread, so the peak no longer depends on when a background
// collector happens to finish (Telegram 1M: 180–185 MB every run, instead of 186 MB or 236 MB). Neither costs
// measured time (README, "Performance"). Running `node bin/chronolog.js` directly works the same, without them.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));

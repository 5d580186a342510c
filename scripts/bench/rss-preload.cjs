// Preloaded into every measured process (`--require`): on exit, append the peak resident set size (bytes), the
// wall time and the CPU time of all its threads to the file named by BENCH_OUT, so the runner can compare
// processes without external tools. CommonJS, so that measuring a CommonJS program (chronolog's bin) does not
// start Node's ES module loader in it, which would add ~15 ms to every sample.
'use strict';
const { appendFileSync } = require('node:fs');

const start = performance.now();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
process.on('exit', () => {
  const out = process.env.BENCH_OUT;
  if (!out) return;
  appendFileSync(
    out,
    `${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, ms: performance.now() - start, cpuMs: cpuMs() })}\n`,
  );
});

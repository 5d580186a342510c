// Baseline workloads the benchmark compares chronolog against, each run as its own process:
//   node scripts/bench/baselines.mjs whatsapp-chat-parser FILE   the npm peer parsing a WhatsApp export
//   node scripts/bench/baselines.mjs saxes FILE                  a bare saxes pass (no handlers beyond a counter)
//   node scripts/bench/baselines.mjs stream-json FILE            a bare stream-json token pass, tuned as its docs advise
//   node scripts/bench/baselines.mjs threads N                   N worker threads doing the same fixed CPU work: what
//                                                                parallel speed the machine itself gives right now
//   node scripts/bench/baselines.mjs pages                       what the system takes to give a process a fresh
//                                                                page of memory (µs a 4 KiB page, on stdout)
import { createReadStream, readFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { isMainThread, Worker } from 'node:worker_threads';

/** A fixed amount of CPU work (about two seconds on an idle core), with objects and strings like a parser's. */
function spin() {
  let n = 0;
  for (let i = 0; i < 150_000_000; i++) {
    const o = { k: `m${i % 977}`, v: (i * 7) % 1_000_003 };
    n = (n + o.v + o.k.length) % 1_000_003;
  }
  return n;
}

if (!isMainThread) {
  spin();
  process.exit(0);
}

const [kind, file] = process.argv.slice(2);
let count = 0;
if (kind === 'whatsapp-chat-parser') {
  const { parseString } = await import('whatsapp-chat-parser');
  count = parseString(readFileSync(file, 'utf8')).length;
} else if (kind === 'saxes') {
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser();
  parser.on('opentag', () => {
    count++;
  });
  // The surrogate-pair references real backups contain make saxes report errors; a bare pass ignores them.
  parser.on('error', () => {});
  const decoder = new StringDecoder('utf8');
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 }))
    parser.write(decoder.write(chunk));
  parser.close();
} else if (kind === 'stream-json') {
  const { parser } = await import('stream-json');
  const { default: chain } = await import('stream-chain');
  await new Promise((resolve, reject) => {
    const pipeline = chain([
      createReadStream(file),
      parser({ streamValues: false }),
      () => {
        count++;
        return null;
      },
    ]);
    pipeline.on('data', () => {});
    pipeline.on('end', resolve);
    pipeline.on('error', reject);
  });
} else if (kind === 'threads') {
  const n = Number(file);
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url));
          w.on('exit', resolve);
          w.on('error', reject);
        }),
    ),
  );
  count = n;
} else if (kind === 'pages') {
  // 256 MiB never touched before, one byte written a page: the time is the system finding and clearing pages.
  // It differs tenfold between VMs (1–15 µs), and a parser that takes much fresh memory pays it on every page (the
  // WhatsApp peer ~212,000 pages for the 1M chat, chronolog's report ~32,000).
  const bytes = 256 * 1024 * 1024;
  const t0 = performance.now();
  const b = Buffer.allocUnsafeSlow(bytes);
  for (let i = 0; i < bytes; i += 4096) b[i] = 1;
  count = bytes / 4096;
  process.stdout.write(`${(((performance.now() - t0) * 1000) / count).toFixed(2)}\n`);
} else {
  throw new Error(`unknown baseline ${kind}`);
}
process.stderr.write(`${kind}: ${count}\n`);

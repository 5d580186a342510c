// Bundles the compiled CLI (dist/, from tsc) into a few files in dist/bundle/, which bin/chronolog.cjs runs.
// Why: Node 20 resolves, reads and compiles every ES module separately, and the CLI is about 230 of them plus its
// dependencies; as one bundle a report starts about 0.15–0.2 s sooner and 15 MB smaller (README, "Performance").
// Commands and lazily loaded parsers stay separate chunks, loaded only when used. The batch worker is a second
// entry, next to the chunk that starts it (cli/batch/pool.ts finds it as ./worker.cjs), and so is the worker that
// reads large inputs (cli/parse-spawn.ts finds it as ./parse-worker.cjs); `early` is what bin/chronolog.cjs runs
// before loading the CLI (cli/early.ts).
// libphonenumber-js, iconv-lite and yauzl are loaded with require() at run time (timeline/phone-numbers.ts,
// sources/iconv.ts, sources/zip.ts) and stay in node_modules.
// `npm run build` runs this through the API (silently; the CLI prints every chunk): `node rolldown.config.mjs`.
import { pathToFileURL } from 'node:url';
import { build, defineConfig } from 'rolldown';

const config = defineConfig({
  input: {
    main: 'dist/cli/main.js',
    worker: 'dist/cli/batch/worker.js',
    'parse-worker': 'dist/cli/parse-worker.js',
    early: 'dist/cli/early.js',
  },
  platform: 'node',
  output: {
    dir: 'dist/bundle',
    // CommonJS, because only a classic script can be given V8's code cache in Node 20 (src/cli/code-cache.ts).
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    // import() of a Node built-in (stream-json imports node:string_decoder so) becomes require(): a chunk run as a
    // classic script has no module loader for import() (vm's default-loader option prints an experimental warning).
    dynamicImportInCjs: false,
    // Non-ASCII characters written as escapes: a chunk that is all ASCII is read into a one-byte string, half the
    // memory of the two-byte string one "—" or emoji makes of the whole file, and quicker to read and compile.
    charset: 'ascii',
    // Doc comments are left out (src/ has them; licence notices and annotations stay): they held the last
    // non-ASCII characters, and were 0.4 MB of the 2.7 MB for every start to read, hash and scan.
    comments: { legal: true, annotation: true, jsdoc: false },
    cleanDir: true,
  },
});

// The loader bin/chronolog.cjs requires (src/cli/code-cache.ts) as one CommonJS file of its own: it must be
// loadable before any chunk, by Node's require.
const loader = defineConfig({
  input: { loader: 'dist/cli/code-cache.js' },
  platform: 'node',
  output: { ...config.output, cleanDir: false },
});

export default [config, loader];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await build(config);
  await build(loader);
}

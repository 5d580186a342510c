/**
 * iconv-lite, loaded the first time a text is not UTF-8: UTF-16, Windows-1252, a mail charset, a zip's CP437
 * names. Bundled, its codec tables were 0.55 MB of the 0.9 MB chunk every source is in, read and hashed by both
 * threads of a large chat's report before the first line was parsed (~12 ms each), for encodings most cases never
 * meet. Its CommonJS build is loaded synchronously, so the callers stay synchronous.
 */
import { createRequire } from 'node:module';

type Iconv = typeof import('iconv-lite');

let library: Iconv | undefined;

/** The library, loaded on first use. */
export function iconv(): Iconv {
  library ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return library;
}

/**
 * The regions libphonenumber-js reads national numbers for: ISO 3166 alpha-2 country codes, plus a few
 * non-country regions of its own such as AC (Ascension) and XK (Kosovo). The list comes from the metadata the
 * library itself loads (phone-numbers.ts), read as JSON alone: checking a `--region` costs about 10 ms, where
 * loading the whole library costs 50–80 ms, and the library then reuses the cached file.
 */
import { createRequire } from 'node:module';

let regions: ReadonlySet<string> | undefined;

/** True when `code` (upper case, e.g. `GB`) is a region whose national phone numbers can be normalised. */
export function isSupportedRegion(code: string): boolean {
  regions ??= new Set(
    Object.keys(
      (
        createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as {
          countries: Record<string, unknown>;
        }
      ).countries,
    ),
  );
  return regions.has(code);
}

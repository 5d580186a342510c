/**
 * libphonenumber-js, loaded the first time a value looks like a phone number. It is about 5 MB of code and
 * metadata and takes 50–80 ms to load: a case of names, handles and e-mail addresses never needs it. Its
 * CommonJS build is loaded synchronously, so the callers stay synchronous.
 */
import { createRequire } from 'node:module';

type PhoneLibrary = typeof import('libphonenumber-js');

let library: PhoneLibrary | undefined;

/** The library, loaded on first use. */
export function phoneNumbers(): PhoneLibrary {
  library ??= createRequire(import.meta.url)('libphonenumber-js') as PhoneLibrary;
  return library;
}

/** The country calling codes with the regions that share each, main region first (`44` → GB, GG, IM, JE). */
let callingCodes: Record<string, readonly string[]> | undefined;

/**
 * The main region of a country calling code (`GB` for 44, `US` for 1), or `undefined` for a code no country
 * owns (`800`, international freephone). Read from the same metadata file as regions.ts, which Node caches.
 */
export function mainRegion(callingCode: string): string | undefined {
  callingCodes ??= (
    createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as {
      country_calling_codes: Record<string, readonly string[]>;
    }
  ).country_calling_codes;
  const region = callingCodes[callingCode]?.[0];
  return region !== undefined && /^[A-Z]{2}$/.test(region) ? region : undefined;
}

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

/**
 * Parcel tracking numbers, order numbers and booking references, as victims paste them from delivery texts and
 * order e-mails (a parcel sent to the victim's address, a booking made in their name):
 *
 *   Your parcel JD0123456789GB is on its way          (Royal Mail/Parcelforce: two letters, digits, two letters)
 *   tracking 15501234567890 / tracking no: H00AB12345678901   (DPD's 14 digits; Evri's 16 letters and digits)
 *   order ABC123456789 / booking ref QX12345678        (a shop's or a carrier's letters glued to digits)
 *   order no. 123-4567890-1234567 / tracking 1550 1234 5678 90
 *
 * Each finds the victim's address as surely as a phone number finds them. The digit steps took only the run of
 * digits inside them, so "JD0123456789GB" became "JD[PHONE]GB", and the letters left in clear (the carrier, the
 * destination country, the shop's prefix) were part of the identifier. They become `[ORDER-REF]`, whole (not `[REFERENCE]`, which
 * counts police references only):
 *
 * - After the word that names one ("tracking", "parcel", "consignment", "shipment"; "order", "booking",
 *   "confirmation" or "delivery" with "ref", "no", "number", "id", "code" or "#"), which stays: letters and
 *   digits, dashes or slashes between parts, or groups of digits one space apart, 6 digits at least, so
 *   "order no. 5" and "parcel 2024" stay; not a UK phone number's 0 and 10 or 11 digits ("delivery no 07700
 *   900123" is a driver's phone).
 * - Without a word, a run of capital letters and digits holding 7 digits or more together and a letter glued to
 *   them (`JD0123456789GB`, `ABC123456789`, `1Z999AA10123456784`), and in lower case only the two letters,
 *   9 to 11 digits, two letters of a Royal Mail number (`jd0123456789gb`): a lower-case word glued to a phone
 *   number ("me07700900123", "12345678th") is a typo, whose number stays `[PHONE]` and whose word stays. An
 *   ISO date and time run together (`20240312T103000Z`) is a date, not a reference.
 */

import { REFERENCE_END, SEP, START } from './references.js';

/** A word that names a tracking number by itself, or one that names an order or booking with "ref", "no"… */
const TRACKING = '(?:tracking|parcel|consignment|shipment)';
const ORDER = '(?:order|booking|confirmation|delivery)';
const NAMES = '(?:ref(?:erence)?|number|num|no|nr|id|code|#)\\.?';
const MARKER = `(?:${SEP}{1,3}(?:${NAMES}|is|was)){0,2}${SEP}{1,3}`;
/** Letters and digits, up to five parts a dash or slash apart; 6 digits at least; read once (the look-ahead). */
const GLUED_PARTS =
  '(?=[A-Za-z\\d/-]{6,60}(?![A-Za-z\\d/-]))(?=(?:[A-Za-z/-]{0,8}\\d){6})[A-Za-z\\d]+(?:[/-][A-Za-z\\d]+){0,4}';
/** Groups of digits one space apart (`1550 1234 5678 90`), letters either side (`JD 0123 4567 89 GB`). */
const SPACED =
  '(?=(?:[A-Za-z ]{0,6}\\d){8})(?:[A-Za-z]{1,4} ?)?\\d{2,6}(?: \\d{2,6}){1,6}(?: ?[A-Za-z]{1,4}(?![\\p{L}\\p{N}_]))?';
/** Not a UK phone number (0 and 10 or 11 digits, spaced or not). */
const NOT_PHONE = '(?!0(?: ?\\d){9,10}(?![ \\d]*\\d|[A-Za-z/-]))';

/** A tracking, order or booking number after its word; group `marker` is the word and what follows it. */
export const NAMED_PARCEL_RE = new RegExp(
  `${START}(?<marker>(?:${TRACKING}(?:${SEP}{0,3}${NAMES})?|${ORDER}${SEP}{0,3}${NAMES})(?:${MARKER}|(?<=#)))${NOT_PHONE}(?:${SPACED}|${GLUED_PARTS})${REFERENCE_END}`,
  'giu',
);

/** Capital letters and digits with 7 digits together and a letter glued to them; or a Royal Mail number. */
export const GLUED_REFERENCE_RE =
  /(?<![\p{L}\p{N}_])(?:(?=[A-Z\d]*(?:[A-Z]\d{7}|\d{7}[A-Z]))[A-Z\d]{8,40}|[A-Za-z]{2}\d{9,11}[A-Za-z]{2})(?![\p{L}\p{N}_])/gu;

/** Whether a match of GLUED_REFERENCE_RE is a reference: not an ISO date and time run together. */
export function gluedReference(m: RegExpExecArray): boolean {
  return !/^\d{8}T\d{2,6}Z?$/.test(m[0]);
}

/**
 * Long numbers that are not phone numbers, as victims paste them into a diary or a text:
 *
 *   card 4111 1111 1111 1111 / 4111-1111-1111-1111      (payment card: 13–19 digits, Luhn check digit)
 *   IMEI 35-209900-176148-1 / 352099001761481           (a handset: 15 digits, Luhn check digit)
 *   NHS no 943 476 5919                                 (NHS number: 10 digits, mod-11 check digit)
 *
 * Each was written `[PHONE]`, a false label: a researcher counting phone numbers shared in a case (the subject
 * giving out a new number) counted cards and handsets too. The check digits tell them apart from phone numbers,
 * which have none: a random number passes Luhn one time in ten and the NHS check about one in eleven, so more is
 * asked. A card starts with 2–6 (Mastercard, Amex, Visa, Discover…; no phone number written in full with its
 * 0 or 00 does), and has 13–19 digits other than 15, or 15 starting 34 or 37 (Amex). Any other 15 digits passing
 * Luhn are an IMEI (a number of 15 digits is no UK number), except one starting 00: that is the international
 * prefix of a phone number (`0049 1512 3456704`, a German mobile, 15 digits that pass Luhn by chance), and no
 * IMEI starts 00 (its first two digits name the body that issued it: 01, 35, 86…). A number written with `+` is
 * never read here (LONG_NUMBER_RE does not start after one). An
 * NHS number needs the word "NHS" (or "health") just before it, or the NHS's own 3-3-4 grouping and a region
 * that uses NHS numbers (GB, or none set), and a first digit other than 0 (UK phone numbers start with 0).
 * What fails all of these stays for the phone-number steps.
 */

/**
 * 10–19 digits, each group split by one space or dash; not inside a longer number, a decimal or an amount, nor
 * just after a date's or a time's separator: "12/03/2024 07911 123456" read "2024 07911 123456" as 15 digits,
 * which passed the Luhn check one time in ten and left "12/03/[IMEI]".
 */
export const LONG_NUMBER_RE =
  /(?<![\p{L}\p{N}_+.,£$€¥-]|\d[/:])\d(?:[ -]?\d){9,18}(?![\p{L}\p{N}_]|[.,-]\d)/gu;

/** How many characters before a number are read for the words that name it ("NHS no", "IMEI:", "sort code"). */
const NAMED_WITHIN = 24;

/** The `NAMED_WITHIN` characters of `text` just before `at`, where the words naming a number there are read. */
export function namingText(text: string, at: number): string {
  return text.slice(Math.max(0, at - NAMED_WITHIN), at);
}

/** How a long number is labelled; undefined: not one of these (left for the phone steps). */
export type NumberKind = 'card' | 'imei' | 'nhs';

/** The Luhn check (ISO/IEC 7812): cards and IMEIs end with it. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The NHS number check: weights 10 to 2 over the first nine digits, 11 minus the sum mod 11 (11 → 0; 10 invalid). */
export function nhsCheck(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === digits.charCodeAt(9) - 48;
}

/** Regions whose people have NHS numbers (the UK, and Crown dependencies that use the NHS numbering). */
const NHS_REGIONS = new Set(['GB', 'IM', 'JE', 'GG']);

/**
 * The kind of a `LONG_NUMBER_RE` match `raw`, read with `before` (the `NAMED_WITHIN` characters just before it)
 * for the words that name it.
 */
export function numberKind(raw: string, before: string, region: string | undefined): NumberKind | undefined {
  const digits = raw.replace(/\D/g, '');
  const n = digits.length;
  const named = (re: RegExp) => re.test(before);
  // The international prefix: a phone number, whatever its check digit says.
  if (digits.startsWith('00')) return undefined;
  if (n === 10 && digits[0] !== '0' && nhsCheck(digits)) {
    if (named(/\b(?:nhs|health)\b[^\d]*$/i)) return 'nhs';
    if ((region === undefined || NHS_REGIONS.has(region)) && /^\d{3}([ -])\d{3}\1\d{4}$/.test(raw))
      return 'nhs';
  }
  if ((n === 15 || n === 16) && named(/\bimei(?:sv)?\b[^\d]*$/i) && (n === 16 || luhn(digits))) return 'imei';
  if (!luhn(digits)) return undefined;
  if (n === 15) return /^3[47]/.test(digits) ? 'card' : 'imei';
  if (n >= 13 && /^[2-6]/.test(digits)) return 'card';
  return undefined;
}

/**
 * A UK bank sort code, `12-34-56` (or `12 34 56` and `123456` after the words "sort code"). It was left as
 * written: six digits are no phone number. Dashed, it is one where it cannot be a date (`12-34-56`), or where "sort
 * code", "s/c" or "sc" comes just before it (`20-12-15` is otherwise a date, kept or `[DATE]` as dates are).
 */
export const SORT_CODE_RE =
  /(?<![\p{L}\p{N}_./:-])(?<a>\d{2})(?<sep>[- ]?)(?<b>\d{2})\k<sep>\d{2}(?![\p{L}\p{N}_]|[-/.:]\d)/gu;

/** Whether a `SORT_CODE_RE` match, with `before` the `NAMED_WITHIN` characters just before it, is a sort code. */
export function sortCode(m: RegExpExecArray, before: string): boolean {
  if (/\b(?:sort\s*-?\s*code|s\/c|sc)\b[^\d]*$/i.test(before)) return true;
  if (m.groups?.['sep'] !== '-') return false;
  const a = Number(m.groups['a']);
  const b = Number(m.groups['b']);
  const date = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  return !date(a, b) && !date(b, a);
}

/**
 * Numbers of identity documents and bank accounts that hold a person in them:
 *
 *   licence MORGA753116SM9IJ 35                  (UK driving licence: surname, date of birth, initials)
 *   IBAN GB82 WEST 1234 5698 7654 32             (international bank account number, mod-97 check)
 *
 * A driving licence number spells the first five letters of the holder's surname and their date of birth, and
 * was left as written; an IBAN kept its country, check digits and bank (`GB82 WEST [PHONE]`), the rest read as a
 * phone number. They become `[ID]` (as National Insurance numbers do) and `[IBAN]`. A licence number needs a
 * valid month (01–12, or 51–62 for a woman) and day; an IBAN its mod-97 check, so a word and a number side by
 * side are none.
 */

/**
 * UK driving licence numbers: 5 surname characters (9 pads), 6 digits, 2 initials (9 pads), a digit, 2 check
 * characters, then the 2-digit issue number. In any case and with a space between the parts, as people type the
 * card ("morga753116sm9ij 35", "MORGA 753116 SM9IJ 35"): each space is optional and single, so the pattern stays
 * linear.
 */
export const LICENCE_RE =
  /(?<![\p{L}\p{N}_])[A-Z][A-Z9]{4} ?\d(?<month>[0156]\d)(?<day>[0-3]\d)\d ?[A-Z9]{2}\d[A-Z\d]{2}(?: ?\d{2}(?!\d))?(?![\p{L}\p{N}_])/giu;

/** Whether a `LICENCE_RE` match holds a valid month and day. */
export function licence(m: RegExpExecArray): boolean {
  const month = Number(m.groups?.['month']);
  const day = Number(m.groups?.['day']);
  const realMonth = month > 50 ? month - 50 : month;
  return realMonth >= 1 && realMonth <= 12 && day >= 1 && day <= 31;
}

/**
 * IBANs: country, check digits, then groups of four (spaced, dashed or not: `GB82-WEST-1234-…` kept its country
 * and bank before the rest was read as a phone number) and a last short group; 15–34 characters.
 */
export const IBAN_RE =
  /(?<![\p{L}\p{N}_])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?(?![\p{L}\p{N}_])/gu;

/** The IBAN check (ISO 13616): the first four characters moved to the end, letters as 10–35, mod 97 is 1. */
export function iban(m: RegExpExecArray): boolean {
  const s = m[0].replace(/[ -]/g, '').toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  let rest = 0;
  for (const c of s.slice(4) + s.slice(0, 4)) {
    const v = c >= 'A' ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48;
    rest = (v > 9 ? rest * 100 + v : rest * 10 + v) % 97;
  }
  return rest === 1;
}

/**
 * The names apps give attachments hold a counter, a date and a time, and no one's name or number. Read as bare
 * digits they were runs of 8 or more, so the copy said `<attached: [PHONE]-PHOTO-[PHONE].jpg>` and
 * `IMG-[PHONE]-WA0003.jpg`: phone numbers that were never there, and the date lost even where dates are kept.
 * The stamps stay as written (their date becomes `[DATE]` with `--shift-dates`, like every written date),
 * a name in the rest of the file name is still redacted, and a real number beside them still is.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const SAM = '[NAME:p5a11]';
const terms = [{ term: 'Sam', placeholder: SAM }];
const redactor = (shiftedDates: boolean) => new Redactor(terms, 'GB', { shiftedDates });

describe('anonymise: attachment names apps generate', () => {
  it.each([
    ['‎<attached: 00000004-PHOTO-2024-04-06-20-21-45.jpg>'],
    ['‎<attached: 00000017-VIDEO-2024-04-06-20-22-03.mp4>'],
    ['IMG-20240312-WA0003.jpg (file attached)'],
    ['PTT-20240312-WA0011.opus (file attached)'],
    ['AUD-20190101-WA0000. (file attached)'],
    ['IMG_20240312_210455.jpg'],
    ['PXL_20240312_210455123.jpg'],
    ['Screenshot_20240312-210455.png'],
  ])('keeps %s as written when dates are not shifted', (text) => {
    const r = redactor(false);
    expect(r.redact(text)).toBe(text);
    expect(r.counts.phone).toBe(0);
  });

  it.each([
    ['‎<attached: 00000004-PHOTO-2024-04-06-20-21-45.jpg>', '‎<attached: 00000004-PHOTO-[DATE]-20-21-45.jpg>'],
    ['IMG-20240312-WA0003.jpg (file attached)', 'IMG-[DATE]-WA0003.jpg (file attached)'],
    ['PXL_20240312_210455123.jpg', 'PXL_[DATE]_210455123.jpg'],
    ['Screenshot_20240312-210455.png', 'Screenshot_[DATE]-210455.png'],
  ])('replaces only the date of %s when dates are shifted', (text, expected) => {
    const r = redactor(true);
    expect(r.redact(text)).toBe(expected);
    expect(r.counts).toMatchObject({ phone: 0, date: 1 });
  });

  it('still redacts a name in the file name, and a phone number beside it', () => {
    const r = redactor(false);
    expect(r.redact('‎<attached: 00000001-Sam_passport.pdf> ring 07700 900123')).toBe(
      `‎<attached: 00000001-${SAM}_passport.pdf> ring [PHONE]`,
    );
    expect(r.counts).toMatchObject({ phone: 1, name: 1 });
  });

  it('takes no run of digits for a stamp unless it is one (a number that is no date stays a phone number)', () => {
    const r = redactor(false);
    expect(r.redact('IMG-07700900-WA0003.jpg, 00012345 alone and 07700900123-x')).toBe(
      'IMG-[PHONE]-WA0003.jpg, [PHONE] alone and [PHONE]-x',
    );
    expect(r.counts.phone).toBe(3);
  });
});

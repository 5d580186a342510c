/**
 * File names cameras, phones and apps give photos that the stamp step (file-names.ts) did not know were read as
 * identifiers: `IMG20240312103000.jpg` (Oppo, Realme, OnePlus) and `P1010123.JPG` (Panasonic, Olympus) became
 * `[ORDER-REF]`, a parcel the victim never had, and `20240312_103005.jpg` (Samsung), `photo_2024-03-12_18-01-44.jpg`
 * (Telegram), `signal-2024-03-12-210455.jpg` (Signal) and `Screenshot_2024-03-12-21-04-55-123_com.whatsapp.jpg`
 * (MIUI) became `[PHONE]`. Their digits are a date, a time and a counter, like the names the step knew: they now
 * stay as written, the date `[DATE]` with `--shift-dates`, and a real number beside them is still redacted.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: more camera and app file names are stamps, never references or phone numbers', () => {
  it('keeps the file names a diary lists', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-camera-file-names', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900456'] },
    });
    expect(texts).toEqual([
      'Stood at the gate again. My photos are IMG20240312103000.jpg and 20240312_103005.jpg, the video VID20240312103100.mp4.',
      "Neighbour's camera took P1010123.JPG and P3120007.JPG of his car, sent to me as photo_2024-03-12_18-01-44.jpg.",
      'Screenshots of his messages saved as Screenshot_2024-03-12-21-04-55-123_com.whatsapp.jpg and Screenshot 2024-03-12 at 21.05.10.png, and he sent from [PHONE].',
      'Signal attachments signal-2024-03-12-210455.jpg and PHOTO-2024-03-12-21-06-00.jpg, WhatsApp Image 2024-03-12 at 21.07.00.jpeg.',
    ]);
  });

  it.each([
    ['IMG20240312103000.jpg', 'IMG[DATE]103000.jpg'],
    ['VID20240312103000.mp4', 'VID[DATE]103000.mp4'],
    ['20240312_103000.jpg', '[DATE]_103000.jpg'],
    ['photo_2024-03-12_10-30-00.jpg', 'photo_[DATE]_10-30-00.jpg'],
    ['signal-2024-03-12-103000.jpg', 'signal-[DATE]-103000.jpg'],
    ['PHOTO-2024-03-12-10-30-00.jpg', 'PHOTO-[DATE]-10-30-00.jpg'],
    [
      'Screenshot_2024-03-12-10-30-00-123_com.whatsapp.jpg',
      'Screenshot_[DATE]-10-30-00-123_com.whatsapp.jpg',
    ],
    ['Screenshot 2024-03-12 at 10.30.00.png', 'Screenshot [DATE] at 10.30.00.png'],
    ['Screen Shot 2019-03-12 at 9.30.00 AM.png', 'Screen Shot [DATE] at 9.30.00 AM.png'],
    ['P1010123.JPG', 'P1010123.JPG'],
  ])('with the dates shifted, %s keeps all but its date', (text, expected) => {
    const r = new Redactor([], 'GB', { shiftedDates: true });
    expect(r.redact(text)).toBe(expected);
    expect(r.counts).toMatchObject({ phone: 0, order: 0 });
  });

  it('still takes a reference or a number that only looks like one', () => {
    const r = new Redactor([], 'GB');
    // Letters no camera writes glued to a date and a time: an order number built from a time stamp.
    expect(r.redact('order W20240312103000 shipped')).toBe('order [ORDER-REF] shipped');
    expect(r.redact('ref AB20240312103000')).toBe('ref [REFERENCE]');
    expect(r.redact('see XK20240312103000 now')).toBe('see [ORDER-REF] now');
    // Not a date, or not a time: digits the stamp step leaves to the others.
    expect(r.redact('IMG20241399103000.jpg')).toBe('[ORDER-REF].jpg');
    expect(r.redact('IMG20240312993000.jpg')).toBe('[ORDER-REF].jpg');
    // Without the extension a camera writes, a P and seven digits is a reference.
    expect(r.redact('code P1010123 for the locker')).toBe('code [ORDER-REF] for the locker');
  });
});

/**
 * File names that phones and apps make up for attachments, as message texts quote them:
 *
 *   ‎<attached: 00000004-PHOTO-2024-04-06-20-21-45.jpg>      (WhatsApp iOS: a counter, the type, date and time)
 *   ‎<attached: 00000001-test_document.pdf>                  (WhatsApp iOS document: the counter, then its name)
 *   IMG-20240312-WA0003.jpg (file attached)                 (WhatsApp Android: the type, date, a counter)
 *   PTT-20240312-WA0011.opus, AUD-20190101-WA0000.
 *   IMG_20240312_210455.jpg, PXL_20240312_210455123.jpg, Screenshot_20240312-210455.png   (cameras, screenshots)
 *   clip_20240312T103000Z.mp4, stamp 20240312T103000.123+0100      (compact ISO 8601: doorbells, dashcams, logs)
 *   IMG20240312103000.jpg, 20240312_103000.jpg                   (Oppo, Realme, OnePlus; Samsung)
 *   photo_2024-03-12_10-30-00.jpg, signal-2024-03-12-103000.jpg, PHOTO-2024-03-12-10-30-00.jpg  (Telegram, Signal)
 *   Screenshot_2024-03-12-10-30-00-123_com.whatsapp.jpg          (MIUI screenshots)
 *   Screenshot 2024-03-12 at 10.30.00.png, WhatsApp Image 2024-03-12 at 10.30.00.jpeg   (macOS, WhatsApp Web)
 *   P1010123.JPG, P3120007.JPG                                   (Panasonic, Olympus: a letter and a counter)
 *
 * Their digits say when a picture was taken and how many files came before it; they name no one. Read as
 * digits alone they are runs of 8 or more, which the redactor would take for phone numbers, so the copy read
 * `<attached: [PHONE]-PHOTO-[PHONE].jpg>` with the dates kept as written elsewhere. So these stamps are set aside
 * before the phone numbers: the counter always, the date as every written date is (kept, or `[DATE]` with
 * `--shift-dates`, where it would give the shift away), the time of day kept as times are. A name the rest of a
 * file name holds (`00000001-Sam_passport.pdf`) is still found by the name step. A compact ISO 8601 stamp is
 * read the same way wherever it is written, in a file name or not: `2024-03-12T10:30:00Z` is a written date and
 * a time of day (dates.ts), and `20240312T103000Z` is no less one.
 */

/** The time and zone after the date of a compact ISO 8601 stamp: `T1030`, `T103000Z`, `T103000.123+01:00`. */
const ISO_TIME =
  'T(?:[01]\\d|2[0-3])[0-5]\\d(?:[0-5]\\d(?:[.,]\\d{1,9})?)?(?:Z|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)?';

/** The 8-digit counter (zero-padded, so it starts `000`; no phone number does) before `-` and the rest of a name. */
export const COUNTER_RE = /(?<![\p{L}\p{N}_])000\d{5}(?=-[\p{L}\p{N}_])/gu;
/**
 * A Panasonic or Olympus photo's name, `P` and seven digits (a folder and a counter, or a month, a day and a
 * counter): capital letters glued to 7 digits are otherwise a parcel or order reference (parcels.ts), so it is
 * one only with the extension a camera gives it.
 */
export const CAMERA_COUNTER_RE =
  /(?<![\p{L}\p{N}_])P[1-9A-C]\d{6}(?=\.(?:jpe?g|JPE?G|orf|ORF|rw2|RW2|mp4|MP4|mov|MOV)(?![\p{L}\p{N}]))/gu;

/** A time of day written as cameras run it together: `103000`, `103000123` (with milliseconds). */
const HHMMSS = '(?:[01]\\d|2[0-3])[0-5]\\d[0-5]\\d(?:\\d{3})?';
/** The letters phones glue to a date and time (`IMG20240312103000`); other letters may be an order number's. */
const GLUED_LEADS = '(?:IMG|VID|PANO|MVIMG|BURST|Screenshot|Screenrecorder|Record|REC)';
/** The time after an ISO date in a file name: `-10-30-00(-123)`, `_10-30-00`, `-103000`, ` at 10.30.00 (AM)`. */
const DASHED_TIME = `(?:[_-](?:[01]\\d|2[0-3])(?:-[0-5]\\d-[0-5]\\d(?:-\\d{3})?|[0-5]\\d[0-5]\\d(?:\\d{3})?)| at (?:[01]?\\d|2[0-3])\\.[0-5]\\d\\.[0-5]\\d(?: ?[AP]M)?)`;

/** The date of a generated name, group `date`, with what comes before (`lead`) and after (`trail`) it kept. */
export const STAMP_RE = new RegExp(
  [
    // WhatsApp iOS: PHOTO-2024-04-06-20-21-45 (after its counter).
    '(?<=-)(?<leadIos>(?:PHOTO|VIDEO|AUDIO|GIF|STICKER)-)(?<iso>\\d{4}-\\d\\d-\\d\\d)(?<trailIos>-\\d\\d-\\d\\d-\\d\\d)(?![\\p{L}\\p{N}_])',
    // WhatsApp Android: IMG-20240312-WA0003.
    '(?<![\\p{L}\\p{N}_])(?<leadAndroid>(?:IMG|VID|AUD|PTT|PTV|DOC|STK)-)(?<wa>\\d{8})(?<trailAndroid>-WA\\d{4,})(?![\\p{L}\\p{N}_])',
    // Cameras and screenshots: IMG_20240312_210455, PXL_20240312_210455123, Screenshot_20240312-210455.
    '(?<![\\p{L}\\p{N}])(?<leadCamera>[A-Za-z]+_)(?<compact>\\d{8})(?<trailCamera>[_-]\\d{6}(?:\\d{3})?)(?![\\p{N}])',
    // Compact ISO 8601: 20240312T103000Z, also inside a file name (clip_20240312T1045+0000.mp4).
    `(?<![\\p{L}\\p{N}])(?<isoCompact>\\d{8})(?<trailIsoCompact>${ISO_TIME})(?![\\p{L}\\p{N}])`,
    // Phones that glue the date and time to the type (IMG20240312103000), and Samsung's bare 20240312_103000.
    `(?<![\\p{L}\\p{N}])(?<leadGlued>${GLUED_LEADS})(?<glued>\\d{8})(?<trailGlued>${HHMMSS})(?![\\p{L}\\p{N}])`,
    `(?<![\\p{L}\\p{N}_-])(?<samsung>\\d{8})(?<trailSamsung>_${HHMMSS})(?![\\p{L}\\p{N}])`,
    // An ISO date and a time in a file name: photo_2024-03-12_10-30-00, Screenshot 2024-03-12 at 10.30.00.
    `(?<![\\p{N}]|\\d[/.-])(?<dashed>\\d{4}-\\d\\d-\\d\\d)(?<trailDashed>${DASHED_TIME})(?![\\p{N}])`,
  ].join('|'),
  'gu',
);

/**
 * What stays after a stamp's date once it is `[DATE]`: the time (`-20-21-45`, `_210455123`, `T103000Z`) or the
 * counter (`-WA0003`).
 */
export const STAMP_TRAIL_RE = new RegExp(
  `(?<=\\[DATE\\])(?:-\\d\\d-\\d\\d-\\d\\d|-WA\\d{4,}|[_-]?\\d{6}(?:\\d{3})?|${ISO_TIME}|${DASHED_TIME})(?![\\p{L}\\p{N}_])`,
  'gu',
);

/** The parts of a `STAMP_RE` match: what stays before the date, the date, what stays after it. */
export function stampParts(m: RegExpExecArray): { lead: string; date: string; trail: string } | undefined {
  const g = m.groups ?? {};
  const lead = g['leadIos'] ?? g['leadAndroid'] ?? g['leadCamera'] ?? g['leadGlued'] ?? '';
  const trail =
    g['trailIos'] ??
    g['trailAndroid'] ??
    g['trailCamera'] ??
    g['trailIsoCompact'] ??
    g['trailGlued'] ??
    g['trailSamsung'] ??
    g['trailDashed'] ??
    '';
  const date =
    g['iso'] ?? g['wa'] ?? g['compact'] ?? g['isoCompact'] ?? g['glued'] ?? g['samsung'] ?? g['dashed'] ?? '';
  const digits = date.replace(/-/g, '');
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  // Only a real date is a stamp: anything else stays digits, for the phone-number steps to judge.
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { lead, date, trail };
}

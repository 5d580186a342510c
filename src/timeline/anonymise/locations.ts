/**
 * Places written as map positions, as people paste them from a maps app or a location share:
 *
 *   I'm at 51.5074, -0.1278            51.507351,-0.127758          (latitude, longitude in degrees)
 *   51.5074° N, 0.1278° W              51°30'26.6"N 0°07'40.1"W     (with hemispheres; degrees, minutes, seconds)
 *   ///filled.count.soap               (what3words: three words name a 3-metre square)
 *   GV4C+XV London, 9C3XGV4C+XV        (Open Location Code / plus code)
 *
 * Each pins a home or a workplace to the metre, more exactly than the street addresses the redactor already
 * removes, and none is a URL, a phone number or an address by shape, so they reached the copy in clear. A
 * decimal pair needs three decimals in each part (a position, not "2.5, 3.0"), and a latitude of at most 90 and
 * a longitude of at most 180 (`validPosition`).
 */

const DECIMAL = '-?\\d{1,3}\\.\\d{3,}';
const HEMISPHERE_DEGREES = '\\d{1,3}(?:\\.\\d+)?\\s?°\\s?[NSEW]';
const DMS = `\\d{1,3}\\s?°\\s?\\d{1,2}\\s?['′’]\\s?(?:\\d{1,2}(?:\\.\\d+)?\\s?(?:["″”]|''|′′)\\s?)?[NSEW]`;
const PLUS_CODE = '[23456789CFGHJMPQRVWX]{4,8}\\+[23456789CFGHJMPQRVWX]{2,3}';

/** A map position (see the module comment); groups `lat` and `lon` hold the parts of a decimal pair. */
export const LOCATION_RE = new RegExp(
  [
    `(?<![\\p{L}\\p{N}_.\\-])(?<lat>${DECIMAL}),\\s?(?<lon>${DECIMAL})(?![\\p{N}]|\\.\\d)`,
    `(?<![\\p{L}\\p{N}_])${HEMISPHERE_DEGREES},?\\s*${HEMISPHERE_DEGREES}(?![\\p{L}\\p{N}_])`,
    `(?<![\\p{L}\\p{N}_])${DMS},?\\s*${DMS}(?![\\p{L}\\p{N}_])`,
    '(?<![\\p{L}\\p{N}_/])///\\p{L}+\\.\\p{L}+\\.\\p{L}+',
    `(?<![\\p{L}\\p{N}_+])(?=[23456789]*[CFGHJMPQRVWX])${PLUS_CODE}(?![\\p{L}\\p{N}_+])`,
  ].join('|'),
  'gu',
);

/** Whether a match of `LOCATION_RE` can be a position: a decimal pair within ±90 and ±180 degrees. */
export function validPosition(m: RegExpExecArray): boolean {
  const lat = m.groups?.['lat'];
  const lon = m.groups?.['lon'];
  if (lat === undefined || lon === undefined) return true;
  return Math.abs(Number(lat)) <= 90 && Math.abs(Number(lon)) <= 180;
}

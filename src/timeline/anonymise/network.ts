/**
 * Addresses of networks and devices, as people paste them from a router page or a police request:
 *
 *   logged in from 81.2.69.160                 (IPv4: four numbers 0–255)
 *   from 2001:db8:85a3::8a2e:370:7334          (IPv6: eight groups of hex, `::` for a run of zero groups)
 *   his phone 00:1A:2B:3C:4D:5E on my wifi     (MAC: six hex pairs with `:` or `-`, or Cisco's 001a.2b3c.4d5e)
 *
 * An IPv4 address was written `[PHONE]` (its digits read as one number) and an IPv6 or MAC address was left as
 * written; each names a home connection or a handset. An IPv6 candidate is a run of hex digits, colons and dots
 * with a `::` or two `hex:` groups in it, kept only when `isIPv6` accepts it, so a time (`21:30:05`) or a MAC
 * address is none. (node:net's isIP is not used: the timeline reads nothing of the network, by design.)
 *
 *   updated to version 10.0.1.2 / build 10.0.1.2 / Windows 10.0.19045.4170     (a version: kept)
 *
 * A version number of four or more dotted parts is written like an IPv4 address (or, longer, like a phone number
 * with dots) and was `[IP]` or `[PHONE]`; it names an app or a system, not a person. It is kept as written where a
 * version word comes just before it ("version", "ver.", "v", "build", "release", "firmware", "software",
 * "update", "iOS", "Android", "Windows", "macOS"), and only then: a bare `10.0.1.2` can be a home network's
 * address and stays `[IP]`. Three parts are not taken (`release 12.03.2024` is a date, shifted as dates are).
 *
 *   my laptop is on 10.0.19045.4170 / chrome 120.0.6099.109 update      (a version without its word: kept)
 *
 * Without the word, a version number of four or more dotted parts that is no IPv4 address is still kept where no
 * phone number is shaped like it: its first part has one to three digits and no leading 0 (a national number starts
 * with 0, an international one with + or 00), and another part is a lone 0 or has five or more digits (phone
 * numbers are grouped in twos to fours). Three parts only as Windows writes its build (`10.0.19045`: a 0, then five
 * digits). `1.555.010.9999` and `01.23.45.67.89` stay `[PHONE]`.
 */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Four octets; not part of a longer dotted number ("1.2.3.4.5") or a word. */
export const IPV4_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_.])(?:${OCTET}\\.){3}${OCTET}(?![\\p{L}\\p{N}_]|\\.\\d)`,
  'gu',
);

const IPV4_WHOLE = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);

/**
 * A run that could be an IPv6 address (checked by `isIPv6`). The look-ahead is bounded and the run at most 45
 * characters (the longest form, with an IPv4 tail), so no long run of hex is read more than a bounded number of
 * times.
 */
export const IPV6_RE =
  /(?<![\p{L}\p{N}_:.])(?=[\dA-Fa-f:.]{0,40}::|(?:[\dA-Fa-f]{1,4}:){2})[\dA-Fa-f:.]{2,45}(?![\p{L}\p{N}_:]|\.\d)/gu;

/**
 * Four or more dotted numbers (not part of a longer dotted number, and with no port after them, which makes them an
 * address: `81.2.69.160:8080`) just after a version word. The word is a
 * bounded look-behind, so only the number is matched and each position is read back a few characters at most.
 */
export const VERSION_RE =
  /(?<=(?<![\p{L}\p{N}_])(?:version|ver\.?|v|build|release|firmware|software|update[ds]?(?:\s{1,3}to)?|ios|ipados|android|windows|macos)\s{0,3}[:#]?\s{0,3})(?<![\p{N}.])\d{1,6}(?:\.\d{1,6}){3,}(?![\p{L}\p{N}_]|[.:]\d)/giu;

/** Three or more dotted numbers, the first of one to three digits and no leading 0 (`versionShaped` tells the rest). */
export const VERSION_SHAPE_RE = /(?<![\p{L}\p{N}_+.])[1-9]\d{0,2}(?:\.\d{1,6}){2,}(?![\p{L}\p{N}_]|[.:]\d)/gu;

/** Whether a `VERSION_SHAPE_RE` match is a version number: no IPv4 address, and a part no phone number has. */
export function versionShaped(m: RegExpExecArray): boolean {
  if (IPV4_WHOLE.test(m[0])) return false;
  const parts = m[0].split('.');
  // Three parts only as Windows writes its build (`10.0.19045`): a date or a phone number is never so grouped.
  if (parts.length === 3) return parts[1] === '0' && parts[2]!.length === 5;
  return parts.slice(1).some((part) => part === '0' || part.length >= 5);
}

/** MAC addresses: six hex pairs split by one kind of separator, or three dotted groups of four. */
export const MAC_RE =
  /(?<![\p{L}\p{N}_:.-])(?:[\dA-Fa-f]{2}(?<sep>[:-])[\dA-Fa-f]{2}(?:\k<sep>[\dA-Fa-f]{2}){4}|[\dA-Fa-f]{4}\.[\dA-Fa-f]{4}\.[\dA-Fa-f]{4})(?![\p{L}\p{N}_]|[:.-][\dA-Fa-f])/gu;

/** Whether `s` is an IPv6 address: eight groups of 1–4 hex digits, `::` once for one or more zero groups, an IPv4 tail allowed. */
export function isIPv6(s: string): boolean {
  let groups = s;
  // An IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
  const v4 = /(?:^|:)((?:\d{1,3}\.){3}\d{1,3})$/.exec(s);
  if (v4) {
    if (!IPV4_WHOLE.test(v4[1]!)) return false;
    groups = `${s.slice(0, s.length - v4[1]!.length)}0:0`;
  }
  if (groups.includes('.')) return false;
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const parts = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (parts.some((p) => p.some((g) => !/^[\dA-Fa-f]{1,4}$/.test(g)))) return false;
  const count = parts.reduce((n, p) => n + p.length, 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * Zone names that this computer's `Intl` accepts but the IANA tz database does not have. ICU keeps the
 * three-letter zone ids of old Java versions (and the `SystemV/` ones) for compatibility, and gives them meanings
 * nobody typing them expects: `BST` is Asia/Dhaka (Bangladesh), not British Summer Time; `IST` is India, not
 * Ireland or Israel; `CST` is Chicago, not China; `AST` is Alaska, not the Atlantic; `NST` is New Zealand, not
 * Newfoundland. Accepted, `--tz BST` would count days six hours off UK time, and every report would print
 * "(BST)" beside times that are Bangladesh's: so such a name is refused, saying what this computer would read it
 * as and which IANA name was probably meant.
 *
 * The IANA database's own short names (`UTC`, `GMT`, `EST`, `CET`, `GB`, …) are real zones and accepted: a time
 * shown in them is the time in the zone printed beside it.
 */
import { orList } from '../model/format.js';

/** ICU-only id → the IANA zones people who type it usually mean. */
const ICU_ONLY: Readonly<Record<string, readonly string[]>> = {
  ACT: ['Australia/Darwin'],
  AET: ['Australia/Sydney', 'Australia/Melbourne'],
  AGT: ['America/Argentina/Buenos_Aires'],
  ART: ['America/Argentina/Buenos_Aires', 'Africa/Cairo'],
  AST: ['America/Halifax', 'America/Puerto_Rico', 'Asia/Riyadh'],
  BET: ['America/Sao_Paulo'],
  BST: ['Europe/London'],
  CAT: ['Africa/Maputo', 'Africa/Johannesburg'],
  CNT: ['America/St_Johns'],
  CST: ['America/Chicago', 'Asia/Shanghai'],
  CTT: ['Asia/Shanghai'],
  EAT: ['Africa/Nairobi'],
  ECT: ['Europe/Paris', 'America/Guayaquil'],
  IET: ['America/Indiana/Indianapolis'],
  IST: ['Europe/Dublin', 'Asia/Kolkata', 'Asia/Jerusalem'],
  JST: ['Asia/Tokyo'],
  MIT: ['Pacific/Apia'],
  NET: ['Asia/Yerevan'],
  NST: ['America/St_Johns', 'Pacific/Auckland'],
  PLT: ['Asia/Karachi'],
  PNT: ['America/Phoenix'],
  PRT: ['America/Puerto_Rico'],
  PST: ['America/Los_Angeles'],
  SST: ['Pacific/Pago_Pago', 'Asia/Singapore', 'Pacific/Guadalcanal'],
  VST: ['Asia/Ho_Chi_Minh'],
};

/** What this computer's Intl reads `zone` as, or undefined when it does not accept it. */
function readAs(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Why `zone`, which Intl accepts, is still not to be used, in words that follow the zone as written
 * (`is an abbreviation, not an IANA time zone: …`), with the IANA names that were probably meant; undefined when
 * it is a zone of the IANA database (or not accepted at all, which the schema and --tz check say).
 */
export function timeZoneProblem(zone: string): { why: string; meant: string } | undefined {
  const upper = zone.toUpperCase();
  const meant = ICU_ONLY[upper] ?? (upper.startsWith('SYSTEMV/') ? [] : undefined);
  if (meant === undefined) return undefined;
  const read = readAs(zone);
  if (read === undefined) return undefined;
  const system = upper.startsWith('SYSTEMV/');
  const names = orList(meant);
  return {
    why: `is ${system ? 'an old system name' : 'an abbreviation'}, not an IANA time zone: it would be read as ${read}`,
    meant:
      meant.length === 0
        ? 'Give the zone as region/city, e.g. Europe/London, America/New_York, or UTC.'
        : `An abbreviation means different zones in different places. Give the zone as region/city: ${names}${upper === 'BST' ? ' (UK time: GMT in winter, BST in summer)' : meant.length > 1 ? ', whichever is meant' : ''}.`,
  };
}

/** Names people give a country by that have one zone, for the zone they mean. */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  uk: 'Europe/London',
  'united kingdom': 'Europe/London',
  britain: 'Europe/London',
  'great britain': 'Europe/London',
  england: 'Europe/London',
  scotland: 'Europe/London',
  wales: 'Europe/London',
  'northern ireland': 'Europe/London',
  ireland: 'Europe/Dublin',
};

/**
 * Today's IANA names that ICU lists only under their old ones (Asia/Calcutta, Europe/Kiev): Intl accepts both, and
 * a user who types the city as it is now spelled is told its name as it is now spelled.
 */
const CURRENT_NAMES = [
  'Asia/Kolkata',
  'Europe/Kyiv',
  'Asia/Ho_Chi_Minh',
  'Asia/Yangon',
  'Asia/Kathmandu',
  'America/Argentina/Buenos_Aires',
  'America/Nuuk',
  'Atlantic/Faroe',
];

/** A fixed offset as people write one: GMT+1, UTC-05:00, +0100. */
const OFFSET = /^(?:GMT|UTC)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** Edit distance of a and b, or more than `most` once it is sure to be (only small distances matter here). */
function distance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/**
 * Why `zone`, which this computer's Intl does not accept, is no zone, and what was probably meant: a non-technical
 * user types a city ("London"), a country ("UK"), an offset ("GMT+1") or a name with a typo ("Europe/Londn"), and
 * "not an IANA time zone" with three examples left them to find the name alone. The zone list is this computer's
 * (`Intl.supportedValuesOf`), so nothing suggested is refused in its turn.
 */
export function unknownZone(zone: string): { why: string; meant: string } {
  const why = 'is not a time zone name: zones are named region/city, as in the IANA time zone database';
  const offset = OFFSET.exec(zone.trim());
  if (offset) {
    const [, sign, hours, minutes] = offset;
    const h = Number(hours);
    const fixed =
      h === 0 && (minutes === undefined || minutes === '00')
        ? ' For UTC itself, give UTC.'
        : (minutes === undefined || minutes === '00') && h <= 14
          ? ` For UTC${sign}${h} all year round, with no clock changes, give Etc/GMT${sign === '+' ? '-' : '+'}${h} (IANA's Etc names have the sign reversed).`
          : '';
    return {
      why: 'is a fixed offset from UTC, not a time zone: a zone also says when the clocks change',
      meant: `Give the zone of the place as region/city, e.g. Europe/Paris or America/New_York.${fixed}`,
    };
  }
  const zones = [
    ...Intl.supportedValuesOf('timeZone'),
    'UTC',
    ...CURRENT_NAMES.filter((z) => readAs(z) !== undefined),
  ];
  const key = zone.trim().toLowerCase().replace(/\s+/g, ' ');
  const country = COUNTRY_ZONES[key];
  if (country) return { why, meant: `Did you mean ${country}? Give the zone as region/city.` };
  const asCity = key.replace(/ /g, '_');
  const cities = zones.filter((z) => z.toLowerCase().split('/').at(-1) === asCity);
  if (cities.length > 0)
    return { why, meant: `Did you mean ${orList(cities)}? Give the zone as region/city.` };
  // A typo: the nearest names, by the whole name or its city, within a quarter of the name's length.
  const most = Math.max(1, Math.floor(key.length / 4));
  let best = most + 1;
  let near: string[] = [];
  for (const z of zones) {
    const lower = z.toLowerCase();
    const d = Math.min(distance(key, lower, most), distance(asCity, lower.split('/').at(-1)!, most));
    if (d < best) [best, near] = [d, [z]];
    else if (d === best) near.push(z);
  }
  if (near.length > 0 && near.length <= 3) return { why, meant: `Did you mean ${orList(near)}?` };
  return { why, meant: 'Give the zone as region/city, e.g. Europe/London, America/New_York, or UTC.' };
}

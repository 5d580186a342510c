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

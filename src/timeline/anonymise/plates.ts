/**
 * UK vehicle registration marks, as victims write down the car that follows them:
 *
 *   a silver Golf, AB12 CDE / ab12cde     (current format since 2001: area letters, age digits, three letters)
 *   his old van A123 BCD                  (prefix format, 1983–2001: age letter, 1–3 digits, three letters)
 *   ABC 123D                              (suffix format, 1963–1983: three letters, 1–3 digits, age letter)
 *
 * A plate names the subject's car (or the victim's) through the DVLA as surely as a name, and was left as
 * written. The letters each format never uses (I, Q, Z…) and the age digits (not 00, 01 or 50) rule out most
 * words; the three-letter group must not be a common word either, so shouting ("STUCK ON M25 FOR HOURS", "ON
 * A12 NOW") and roads keep their words. Case-insensitive in the current format (the digits inside the letters
 * make it no word); older formats (and the Northern Irish and dateless marks below) in capitals, as plates are
 * written, or in lower case just after the word that names a plate or a vehicle ("reg a123 bcd", "his van
 * abz 1234"), as people type them on a phone: alone, such a lower-case code is as often a word and a number.
 *
 *   his van ABZ 1234 / LXI 4321                  (Northern Irish: a letter, a code holding I or Z, 1–4 digits)
 *   his reg is 1 ABC / registration: ABC 123     (dateless, "cherished": 1–3 letters and 1–4 digits)
 *
 * A Northern Irish mark's code (AZ, BZ… YZ, IA, IB, IG, IJ, IL, IW, OI, UI, XI) is in no other format, so one
 * written in capitals is a plate unless its letters are a word ("A BIG 1000", "OIL 2000"). A dateless mark is any
 * short code ("ABC 123", "PIN 1234"), so it is one only just after the word that names it ("reg", "registration",
 * "plate", "number plate", "VRM"), and of three characters or more ("A 1" is more often a grade or a road).
 *
 *   flight BA12 LHR / LH20 FRA delayed again     (a flight: airline code, flight number, airport)
 *
 * A two-digit flight number between an airline's code and an airport's has the shape of a current plate and was
 * `[PLATE]`. It is kept where all three hold: the first two letters are an airline's (`AIRLINES`), the last three
 * an airport's (`AIRPORTS`), and a word about flying comes within a few words before or after ("flight",
 * "landed", "boarding"…). One or two of them are chance in a real plate ("his car BA12 LHR"), which stays
 * `[PLATE]`: a plate let through names a car's keeper, a flight taken for a plate only loses a flight number.
 */

/** `cls` (a character class body of capitals) with its lower-case letters too. */
const both = (cls: string) => `[${cls}${cls.toLowerCase()}]`;
/** Memory-tag letters (no I, J, Q, T, U, X, Z); second letters (no I, Q, Z); random letters (no I, Q). */
const AREA = 'A-HK-PR-SVWY';
const SECOND = 'A-HJ-PR-Y';
const LETTER = 'A-HJ-PR-Z';
/** The age letter of the prefix and suffix formats (no I, O, Q, U, Z). */
const AGE = 'A-HJ-NPR-TV-Y';
export const PLATE_RE = new RegExp(
  [
    `(?<![\\p{L}\\p{N}_])(?<current>${both(AREA)}${both(SECOND)}(?<age>\\d\\d) ?${both(LETTER)}{3})(?![\\p{L}\\p{N}_])`,
    `(?<![\\p{L}\\p{N}_])(?<prefix>${both(AGE)}\\d{1,3} ?${both(LETTER)}{3})(?![\\p{L}\\p{N}_])`,
    `(?<![\\p{L}\\p{N}_])(?<suffix>${both(LETTER)}{3} ?\\d{1,3}${both(AGE)})(?![\\p{L}\\p{N}_])`,
  ].join('|'),
  'gu',
);

/** The two-letter codes of Northern Irish marks: each holds an I or a Z, which no code of Great Britain does. */
const NI_CODE = '(?:[A-HJ-PR-Y]Z|I[ABGJLW]|[OUX]I)';
export const NI_PLATE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<letters>[A-Z]${NI_CODE}) ?[1-9]\\d{0,3}(?![\\p{L}\\p{N}_])`,
  'giu',
);
/** Three-letter words with a Northern Irish code in them. */
const NI_WORDS = new Set(
  `BIZ COZ FEZ FIZ WIZ ADZ REZ LUZ VIA MIA PIA RIA FIB RIB JIB NIB SIB DIB BIB GIB LIB BIG DIG FIG GIG JIG MIG PIG
RIG WIG ZIG SIG OIL NIL AIL FIL PIL MIL LIL TIL KOI POI HOI BOI GUI HUI DUI KIA TIA DIA GIA SEZ BAZ GAZ JAZ
ROZ CAZ RAZ TAZ FOI ROI DOI CIA SIA`.split(/\s+/),
);

/** Whether a `NI_PLATE_RE` match in `text` is a plate: its letters are no word, and in capitals or named. */
export function niPlate(m: RegExpExecArray, text: string): boolean {
  return !NI_WORDS.has((m.groups?.['letters'] ?? '').toUpperCase()) && shown(m, text);
}

/** The word that names a plate, and a few fillers, just before it. */
const PLATE_WORD_BEFORE =
  /(?<![\p{L}\p{N}_])(?:reg(?:istration)?|(?:number\s?)?plates?|vrm)(?:[\s:#.,-]{1,3}(?:no|number|mark|is|was|it|it['’]?s|reads|read|says|said)\.?)*[\s:#.,-]{1,3}$/iu;
/** A vehicle just before a plate ("his van a123 bcd", "the car is abz 1234"). */
const VEHICLE_BEFORE =
  /(?<![\p{L}\p{N}_])(?:car|van|motorbike|motorcycle|bike|scooter|moped|truck|lorry|pickup|taxi|cab|minicab|jeep|suv|4x4|vehicle)(?:[\s:#.,-]{1,3}(?:is|was|it|it['’]?s)\.?){0,2}[\s:#.,-]{1,3}$/iu;

/** Whether `re` (a word before a plate) ends just before the match `m` in `text`. */
function after(re: RegExp, m: RegExpExecArray, text: string): boolean {
  return re.test(text.slice(Math.max(0, m.index - 40), m.index));
}

/**
 * Whether a plate of an older format, Northern Irish or dateless, is written as one: in capitals, as plates are,
 * or in lower case just after the word that names it or a vehicle ("reg a123 bcd", "his van abz 1234"): typed
 * in lower case alone, such a code is as often a word and a number ("a4 pad").
 */
function shown(m: RegExpExecArray, text: string): boolean {
  return m[0] === m[0].toUpperCase() || after(PLATE_WORD_BEFORE, m, text) || after(VEHICLE_BEFORE, m, text);
}

/** Whether a `DATELESS_RE` match in `text` is a plate: three characters or more, just after its word. */
export function datelessPlate(m: RegExpExecArray, text: string): boolean {
  if (m[0].replace(' ', '').length < 3) return false;
  return after(PLATE_WORD_BEFORE, m, text);
}

/** Three-letter words that follow a road name or a number in shouted text: never a plate's letters. */
const WORDS = new Set(
  `AND THE FOR NOW YOU ARE BUT NOT ALL ANY CAN HAD HER WAS ONE OUR OUT DAY GET HAS HIM HIS HOW MAN NEW OLD SEE TWO
WAY WHO DID ITS LET PUT SAY SHE TOO USE YES YET WHY OFF OWN RUN SAW SET TRY GOT BAD BIG END FAR FEW HOT LOT MAY RED
SAT SIX TEN TOP WIN CAR VAN BUS MIN MPH KPH HRS AGO EVE AMP USB GBP USD EUR TIL GOD OMG LOL WTF`.split(/\s+/),
);

/** Three lower-case letters that are no word of `WORDS` ("reg was 1 abc": "was 1" is none). */
const LOWER_LETTERS = `(?!(?:${[...WORDS].join('|').toLowerCase()})(?![\\p{L}\\p{N}_]))[a-z]{3}`;
/**
 * A dateless mark: 1–3 capitals and 1–4 digits (no leading 0), either way round; in lower case three letters,
 * since shorter ones are words after "reg" ("reg is 1 abc").
 */
export const DATELESS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:[A-Z]{1,3} ?[1-9]\\d{0,3}|[1-9]\\d{0,3} ?[A-Z]{1,3}|${LOWER_LETTERS} ?[1-9]\\d{0,3}|[1-9]\\d{0,3} ?${LOWER_LETTERS})(?![\\p{L}\\p{N}_])`,
  'gu',
);

/**
 * Whether a `PLATE_RE` match in `text` is a plate: a valid age, letters that are no common word, and an older
 * format in capitals or just after its word (`shown`).
 */
export function plate(m: RegExpExecArray, text: string): boolean {
  const g = m.groups ?? {};
  if (g['current'] === undefined && !shown(m, text)) return false;
  const code = (g['current'] ?? g['prefix'] ?? g['suffix'] ?? '').toUpperCase();
  if (g['current'] !== undefined) {
    const age = g['age']!;
    if (age === '00' || age === '01' || age === '50') return false;
  }
  const letters = g['suffix'] !== undefined ? code.slice(0, 3) : code.slice(-3);
  return !WORDS.has(letters);
}

/** IATA codes of airlines flying from the UK (codes holding a digit, such as easyJet's U2, never look like a plate). */
const AIRLINES = new Set(
  `BA VS FR LS BY EI KL AF LH EK QR EY AA UA DL AC IB VY TP SK AY LX OS SN TK SQ CX QF NH JL AI ET MS WY SV LO AZ BE
LM UX OA JU RO FB PC DY`.split(/\s+/),
);

/** IATA codes of UK airports and of the airports most flown to from them. */
const AIRPORTS = new Set(
  `LHR LGW STN LTN LCY SEN MAN BHX EDI GLA BRS NCL LPL EMA LBA ABZ BFS BHD SOU EXT CWL NWI DSA MME JER GCI IOM BOH
PIK JFK EWR LAX SFO ORD MIA BOS IAD ATL YYZ CDG ORY AMS FRA MUC MAD BCN DUB FCO MXP ZRH GVA VIE CPH ARN OSL HEL LIS
OPO ATH IST DXB DOH AUH SIN HKG NRT HND BKK DEL BOM SYD MEL JNB CPT PMI AGP ALC FAO TFS LPA ACE FUE BRU PRG BUD WAW
KRK NCE LYS MRS BER HAM DUS CGN STR NAP VCE BLQ PSA CTA HER RHO CFU LCA MLA`.split(/\s+/),
);

/** Words about a flight, read a few words either side of a plate-shaped code. */
const FLIGHT_BEFORE =
  /\b(?:flights?|flt|flew|fly(?:ing)?|plane|airport|boarding|board|gate|terminal|landed|landing|departs?|departing|departure|arriv(?:es|ed|ing|al)|delayed|check-?in)\b[^.!?\n]{0,20}$/i;
const FLIGHT_AFTER =
  /^[^.!?\n]{0,20}\b(?:flights?|landed|lands|landing|departs?|departed|departing|delayed|boarding|gate|terminal|arriv(?:es|ed|ing)|took off|cancelled)\b/i;

/**
 * Whether a current-format `PLATE_RE` match in `text` is a flight: an airline's code, an airport's, and a word
 * about flying near it.
 */
export function flight(m: RegExpExecArray, text: string): boolean {
  const code = m.groups?.['current']?.toUpperCase();
  if (code === undefined || !AIRLINES.has(code.slice(0, 2)) || !AIRPORTS.has(code.slice(-3))) return false;
  const end = m.index + m[0].length;
  return (
    FLIGHT_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index)) ||
    FLIGHT_AFTER.test(text.slice(end, end + 40))
  );
}

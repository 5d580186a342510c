/**
 * Street addresses the redactor's first address pattern (redact.ts: capitalised words and a street word, `12
 * Station Road`) did not take, as people write them:
 *
 *   Flat 3, 12 High Road        Apt 4B, 7 Elm Street        (the flat was kept: "Flat 3, [ADDRESS]")
 *   14 Kingsway, 2 the Strand   (a street named in one word, with no street word to find)
 *   12 elm road, 40 kingsway    (typed in lower case)
 *   3 Abbey Green, 9 Chapel Rise (street words that are also ordinary words, only after a house number)
 *   7 Belsize Park, 12 Ludgate Hill (parks and hills: places without the number, as towns are)
 *   23 chapel rise, 7 elm park, 23 Chapel rise, 12 Elm road  (a lower-case street word of place after a number)
 *   14 to 16 Elm Road, 14 & 16 Elm Road, Flats 3-5, 12 High Road  (ranges of house or flat numbers)
 *
 * Everything here needs the house number, which is what makes "Green" or a lower-case "road" an address: "3
 * times", "10 minutes down the road" and "a 2 way street" stay. A lower-case street name is one word, and not a
 * word of time, distance or quantity ("a 30 second drive", "a 5 km drive"). The lower-case street words that are
 * also verbs or ordinary nouns ("he sent 3 texts close together", "2 cars drive past") make an address only after
 * a name that is no plural and before a comma and a town or a postcode ("4 elm close, Leeds"); written
 * capitalised they are the first pattern's. A one-word street followed by a plural noun is a count of something
 * ("saw 2 Broadway shows"). The lower-case street words of place ("rise", "park", "view", "walk", "row"…) make an
 * address after a one-word name that is no plural and no word of count, measure, price, time or kind ("a 10
 * minute walk", "2 car park", "a 5 star view", "a £2 pay rise", "at 3 school gate", "at 10 crown court").
 *
 *   he was waiting on acacia avenue / outside kings road tesco      (lower case, no house number)
 *   he was waiting at 4 elm close                                    (an ambiguous street word, nothing after)
 *   I KNOW YOU LIVE AT 12 ELM ROAD                                   (in capitals, after a house number)
 *
 * Without a house number, a lower-case street is one where a word of place comes just before its name ("on",
 * "at", "outside", "down", "along"…; the word stays) and the street word is nothing else (street, road, lane,
 * avenue…). Its name, one or two words, is none that a road is described by rather than named: a determiner or a
 * possessive ("down the road", "on my street", "on mum's street"), a word of kind or state ("main", "side", "bus",
 * "memory", "fast").
 * The same word of place before a house number makes a lower-case street with an ambiguous street word an address
 * with nothing after it, unless the number is a count or a time ("at 5 pm drive home", "by 9 they close").
 */

import { EVERYDAY_WORDS } from './words.js';

/** `words` in capitals, as written capitalised, and in lower case. */
const cased = (words: readonly string[]) =>
  words.flatMap((w) => [w, w.toLowerCase(), w.toUpperCase()]).join('|');

/** Streets named in one word, with no street word after them. */
const ONE_WORD_STREETS =
  `Kingsway Broadway Parkway Strand Aldwych Holborn Piccadilly Cheapside Moorgate Bishopsgate Aldgate
Westgate Eastgate Northgate Southgate Headrow Briggate Causeway Ringway Westway Northway Southway Eastway Fairway
Greenway Esplanade Promenade Embankment Quayside Seafront`.split(/\s+/);

/**
 * Street words that are also ordinary words, or the names of places: a street only after a house number and a
 * capitalised name. "in Roundhay Park" and "up Primrose Hill" name a park and a hill, places like a town or a
 * district, which the research copy keeps (README, Research mode); "12 Ludgate Hill" and "7 Belsize Park" are
 * addresses.
 */
const NUMBERED_STREET_WORDS = [
  'Green',
  'Rise',
  'View',
  'Vale',
  'Gate',
  'Yard',
  'Quay',
  'Wharf',
  'Circus',
  'Park',
  'Hill',
];

/** Street words after a lower-case street name that are nothing else. */
const LOWER_STREET_WORDS = 'street|road|lane|avenue|ave|crescent|grove|mews|rd|st';
/** Lower-case street words that are also verbs or ordinary nouns: only where more of an address follows. */
const LOWER_AMBIGUOUS_STREET_WORDS = 'drive|close|place|square|gardens|terrace';

/** Lower-case words after a number that are no street's name ("10 minutes road", "a 2 way street"). */
const NOT_A_NAME =
  'times?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|miles?|mi|km|kms|kilometres?|kilometers?|metres?|meters?|m|yards?|yds?|feet|foot|ft|mph|kph|more|the|a|an|way|one|other|main|same|down|up|back|side|dirt|long|short|quick|busy|quiet|dark|empty|different|wrong|right|next|last|first|whole|of|on|in|at|to|by|lanes?|roads?|streets?';

/**
 * A lower-case word that is no plural: not ending in one "s" ("texts", "cars") nor in "s'" ("parents'",
 * "magistrates'"); "moss", "elm" are.
 */
const NOT_PLURAL = "[a-z][a-z'’-]{1,30}(?<![^s]s|s['’])";
/** After an ambiguous street word: a comma and a town, or a postcode (already `[POSTCODE]` or as written). */
const MORE_ADDRESS =
  ',?\\s{0,3}(?:\\[POSTCODE\\]|[A-Za-z]{1,2}\\d[A-Za-z\\d]?\\s{0,2}\\d[A-Za-z]{2}(?![\\p{L}\\p{N}_]))|,\\s{0,3}\\p{L}';
/** A plural noun after a one-word street ("2 Broadway shows"), not a short word that ends in "s" ("is", "this"). */
const PLURAL_AFTER =
  "\\s{1,3}(?!(?:this|does|goes|says|always|perhaps|unless|towards|besides|afterwards|sometimes|yes|plus|thus|was|has|his|its|is|us|as)(?![\\p{L}\\p{N}_]))[a-z][a-z'’-]{1,30}[^s'’\\s]s(?![\\p{L}\\p{N}_])";

/** Words of place before a street's name ("waiting on", "outside", "down"). */
const PLACE_WORDS =
  'on|at|in|into|onto|off|along|down|up|from|to|near|outside|past|via|by|round|around|across|towards?|opposite|behind|beside';
/** Lower-case words before a street word that describe a road rather than name one ("my road", "bus lane"). */
const NOT_A_STREET_NAME = `${NOT_A_NAME}|my|his|her|our|your|their|its|this|that|these|those|every|each|any|some|no|which|what|whose|bus|cycle|bike|memory|fast|slow|middle|inside|outside|left|toll|slip|ring|country|dead|private|public|easy|open|icy|wet|narrow|wide|major|minor|local|nearest|closest|traffic|single|dual|big|small|little|new|old|own|very|such|one-way|two-way|work|home|another|either|neither|both|nearby|adjacent|neighbouring|neighboring|passing|oncoming|opposite|next|same|wrong|busy`;
/**
 * A person's street named by who lives there ("on mum's street", "outside nan's road"): a relationship or a place
 * with "'s" describes a street as "my street" does. A possessive name ("king's road", "st john's road") still names one.
 */
const DESCRIBED_BY = `(?:${[...EVERYDAY_WORDS].filter((w) => /^[a-z]+$/.test(w)).join('|')})['’]s`;
const LOWER_NAME = `(?!(?:${NOT_A_STREET_NAME}|${DESCRIBED_BY})\\s)[a-z][a-z'’-]{1,30}`;

/**
 * A lower-case street (one or two name words and a street word that is nothing else) just after a word of place,
 * which a look-behind reads so that it stays. In any case, as shouted text writes it ("ON ACACIA AVENUE"); the
 * capitalised ones are the first pattern's already.
 */
export const PLACED_STREET_RE = new RegExp(
  `(?<=(?<![\\p{L}\\p{N}_])(?:${PLACE_WORDS})\\s{1,3})${LOWER_NAME}(?:\\s{1,3}${LOWER_NAME})?\\s{1,3}(?:${LOWER_STREET_WORDS})(?![\\p{L}\\p{N}_])`,
  'giu',
);

/**
 * What joins the two numbers of a range: a dash (`14-16`, `3 – 5`) or a word, as people write it (`14 to 16`,
 * `14 and 16`, `14 & 16`). A range of times before a street is taken too ("from 9 to 5 Elm Road"): rare, and a
 * first house number left in clear is part of the address.
 */
const RANGE_JOIN = '\\s{0,2}[-–&]\\s{0,2}|\\s{1,3}(?:to|To|TO|and|And|AND)\\s{1,3}';
/**
 * A house number, or a range of them (`14-16 Elm Road`, `14 to 16 Elm Road`: a shop with flats above, a block):
 * with only the last number taken, "14-[ADDRESS]" and "14 to [ADDRESS]" kept the first in clear.
 */
export const HOUSE_NUMBER = `\\d{1,4}[A-Za-z]?(?:(?:${RANGE_JOIN})\\d{1,4}[A-Za-z]?)?`;
const HOUSE = `${HOUSE_NUMBER},?\\s{1,3}`;

/** Lower-case words after a number that make it a count or a time, not a house number ("at 5 pm", "by 9 they"). */
const NOT_AFTER_A_HOUSE = `${NOT_A_STREET_NAME}|am|pm|o['’]clock|sharp|ish|noon|midnight|past|quarter|half|tonight|today|tomorrow|morning|evening|night|afternoon|yesterday|hundred|thousand|we|he|she|you|they|it|then|and|or|but|so|just|still|will|would|could|should|must|can|not|never|always|usually|both|all|wheel|times|minutes|hours|mins|miles|mph|yards|metres|meters`;

/**
 * A house number and a lower-case street ending in a street word that is also a verb or a noun ("close",
 * "drive"…), just after a word of place ("waiting at 4 elm close"): without it, such a street needs a town or a
 * postcode after it (`NUMBERED_ADDRESS_RE`), which the end of a text or a sentence does not give.
 */
export const PLACED_NUMBERED_STREET_RE = new RegExp(
  `(?<=(?<![\\p{L}\\p{N}_])(?:${PLACE_WORDS})\\s{1,3})${HOUSE}(?!(?:${NOT_AFTER_A_HOUSE})(?![\\p{L}\\p{N}_'’-]))${NOT_PLURAL}\\s{1,3}(?:${LOWER_AMBIGUOUS_STREET_WORDS})(?![\\p{L}\\p{N}_])`,
  'gu',
);

/**
 * A flat, apartment or unit before the house number ("Flat 3, ", "Apt 4B ", "flat 2/1, "), or a range of them
 * ("Flats 3 to 5, ", "Units 2-4 "): "Flat 3-5, [ADDRESS]" kept the flats in clear.
 */
export const FLAT = `(?:(?:${cased(['Flats', 'Flat', 'Apartments', 'Apartment', 'Apt', 'Units', 'Unit', 'Suite', 'Studio'])})\\.?\\s{1,3}\\d{1,4}[A-Za-z]?(?:/\\d{1,3}|(?:${RANGE_JOIN})\\d{1,4}[A-Za-z]?)?,?\\s{1,3})`;

/** The weekdays and months, written out. */
const DAY_AND_MONTH_NAMES =
  `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December`.split(/\s+/);

/**
 * Weekdays and months, in any case: a number before one is a time or a date, never a house number ("meet at 5
 * Sunday park run", "by 5 Friday green light", "on 3 march way"). "Friday Street" exists, but in lower case or
 * before an everyday street word a time is far likelier.
 */
const DAYS_AND_MONTHS = cased([
  ...DAY_AND_MONTH_NAMES,
  ...`Mon Tue Tues Wed Weds Thu Thur Thurs Fri Weekend Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`.split(
    ' ',
  ),
]);

const NAME_WORD = "[A-Z](?:[a-z]{0,20}['’]?[A-Z])?[a-z'’-]{1,30}";

/** Words as written with a capital, or in capitals; not in lower case. */
const capitalOrUpper = (words: readonly string[]) => words.flatMap((w) => [w, w.toUpperCase()]).join('|');

/**
 * A street named after a month or a weekday, after its house number: "moved to 5 May Road", "outside 7 June
 * Avenue", "12 April Close", "3 Friday Street". The house number and the month read as a date ("5 May"), which is
 * set aside before any street is looked for (redact.ts), so the street word was left alone and the address kept in
 * clear. Taken before dates, and only with a capitalised street word that is nothing but a street's (a date then
 * a capitalised "Road" is rarer than such a street): "on 5 May road works began" and "by 5 Friday green light"
 * stay.
 */
export const DATED_STREET_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])${FLAT}?${HOUSE}(?:${capitalOrUpper(DAY_AND_MONTH_NAMES)})\\s{1,3}(?:${capitalOrUpper('Road Street Avenue Lane Close Drive Crescent Grove Gardens Terrace Place Square Mews Way'.split(' '))})(?![\\p{L}\\p{N}_])`,
  'gu',
);

/** A house number (a flat before it allowed), then one of the forms above. */
export const NUMBERED_ADDRESS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])${FLAT}?${HOUSE}(?:(?:(?:the|The|THE)\\s{1,3})?(?:${cased(ONE_WORD_STREETS)})(?![\\p{L}\\p{N}_]|${PLURAL_AFTER})|(?!(?:${NOT_A_NAME})\\s)(?:[a-z][a-z'’-]{1,30}\\s{1,3}(?:${LOWER_STREET_WORDS})|${NOT_PLURAL}\\s{1,3}(?:${LOWER_AMBIGUOUS_STREET_WORDS})(?=${MORE_ADDRESS}))|(?!(?:${DAYS_AND_MONTHS})\\s)(?:${NAME_WORD}\\s{1,3}){1,2}(?:${NUMBERED_STREET_WORDS.join('|')}))(?![\\p{L}\\p{N}_])`,
  'gu',
);

/**
 * A house number, then one or two words in capitals and a street word that is nothing else, as threats are
 * shouted ("I KNOW YOU LIVE AT 12 ELM ROAD"); a count or a time in capitals is none ("10 MINUTES DOWN THE ROAD",
 * "AT 11 PM ROAD WAS EMPTY").
 */
export const SHOUTED_ADDRESS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])${FLAT}?${HOUSE}(?!(?:${NOT_AFTER_A_HOUSE.toUpperCase()})(?![\\p{L}\\p{N}_'’-]))(?:(?!(?:${NOT_A_STREET_NAME.toUpperCase()})\\s)[A-Z][A-Z'’-]{1,30}\\s{1,3}){1,2}(?:${LOWER_STREET_WORDS.toUpperCase()})(?![\\p{L}\\p{N}_])`,
  'gu',
);

/** What a court of law's business is called: "court" before it is no street ("2 separate court dates"). */
const COURT_BUSINESS =
  'hearings?|dates?|cases?|orders?|appearances?|summons|papers|letters?|fees?|proceedings|documents?|bundles?|listings?|judges?|judgments?|judgements?|trials?|rooms?|staff|ushers?|clerks?|buildings?|lists?';

/** Street words after a house number and a lower-case name that are nothing but street words ("23 chapel rise"). */
const PLAIN_PLACE_STREET_WORDS = 'rise|vale|quay|wharf|parade|boulevard|blvd|ln';
/**
 * Street words that are also everyday words, and a count or a time before them reads like a street: "and 1
 * lovely view", "1 thing way worse", "2 nasty row", "1 cat walk", "2 hard hill". After a lower-case name they
 * make an address only with more to show it (`lowerPlaceStreet`).
 */
const ORDINARY_PLACE_STREET_WORDS = `way|view|row|walk|hill|green|park|gate|yard|court(?!\\s{1,3}(?:${COURT_BUSINESS})(?![\\p{L}\\p{N}_]))`;

/**
 * Words before such a street word that make the number a count, a measure, a price or a time, or the place a
 * kind of thing, not a street's name: "2 people walk", "a 5 star view", "a 10 percent rise", "2 car park", "at 3
 * school gate", "1 good way", "we had 1 massive row" (a count or a time, "3 hour", "5 mile", "at 7 pm", is
 * `NOT_AFTER_A_HOUSE`'s). The adjectives here are the ones a walk, a view, a hill or a row is described by after
 * a word of place ("up 1 steep hill", "to 1 lovely view"), which `lowerPlaceStreet` otherwise takes as evidence
 * of an address; without a word of place a lower-case name needs no deny-list ("1 mate walk" stays).
 */
const NOT_A_PLACE_STREET_NAME = `${NOT_AFTER_A_HOUSE}|people|person|man|men|woman|women|child|children|kid|police|staff|folk|guy|girl|boy|lad|percent|per|cent|pence|pound|quid|dollar|euro|point|degree|inch|acre|storey|story|floor|bed|bedroom|room|door|seat|seater|star|piece|part|step|lap|stage|speed|fold|sided|tone|pay|price|rent|tax|fare|rate|bill|fee|car|theme|skate|water|trailer|caravan|retail|business|industrial|science|holiday|safari|national|amusement|ball|play|dog|leisure|trampoline|adventure|wildlife|nature|office|shopping|ski|food|tennis|basketball|squash|netball|football|school|security|departure|front|top|bottom|rear|light|bright|pale|good|better|best|bad|worse|worst|only|simple|possible|nice|great|proper|real|certain|similar|huge|massive|blazing|almighty|screaming|shouting|heated|terrible|awful|horrible|separate|final|further|upcoming|criminal|custody|divorce|lovely|beautiful|stunning|amazing|gorgeous|scenic|pleasant|nasty|hard|steep|gentle|brisk|slight|full|clear`;

/**
 * Lower-case names that streets are commonly named with (trees, flowers, buildings, the land and water, the
 * crown): before an everyday street word they make an address with nothing else ("12 oak view", "3 church row",
 * "5 sea view", "4 crown court"). A walk by a river or a view of the sea counted ("we did 1 river walk") is taken
 * too: these are the usual names of such streets, and the address matters more.
 */
const STREET_NAME_WORDS = new Set(
  `oak elm ash beech birch cedar willow pine maple chestnut hazel holly rowan yew lime poplar larch alder cherry
laurel acacia sycamore hawthorn juniper rose ivy fern heather lavender primrose bluebell church chapel abbey priory
castle mill manor grange hall station market bridge tower college river sea lake bay brook meadow orchard forest
wood heath moor marsh valley ridge cliff harbour north south east west king queen prince princess victoria albert
crown`.split(/\s+/),
);

/**
 * The courts of law (`COURT_OF_LAW_RE`), as a name before "court" in any case; the plural possessive
 * ("magistrates'", "coroners'") is a court's name too.
 */
const COURT_OF_LAW_NAMES =
  "crown|magistrates['’]?|county|family|youth|high|supreme|coroner['’]?s|coroners['’]|sheriff|employment|civil|appeals?|district|juvenile";

/** An alternation of lower-case words, each also with its first letter a capital ("Times?", "O['’]clock"). */
const withCapital = (alternation: string) =>
  alternation
    .split('|')
    .flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)])
    .join('|');

/**
 * A house number (a flat before it allowed, not a price: "£2 pay rise"), a one-word name that is no plural (nor
 * a plural possessive, "magistrates'") and none of `NOT_A_PLACE_STREET_NAME` nor a weekday or month, in lower case
 * or capitalised, and a lower-case street word: one of `PLAIN_PLACE_STREET_WORDS` ("23 chapel rise", "23 Chapel
 * rise"), one of `ORDINARY_PLACE_STREET_WORDS` ("12 oak view", where `lowerPlaceStreet` decides), or one that is
 * nothing else after a capitalised name ("12 Elm road"; in lower case `NUMBERED_ADDRESS_RE` takes it). The street
 * words of `NUMBERED_ADDRESS_RE` capitalised ("3 Abbey Green") stay its, parks and hills without a house number
 * stay places.
 */
export const LOWER_PLACE_STREET_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_£$€]|\\d[.:])(?<flat>${FLAT})?${HOUSE}(?!(?:${withCapital(NOT_A_PLACE_STREET_NAME)}|${DAYS_AND_MONTHS})(?![\\p{L}\\p{N}_'’-]))(?<name>[A-Za-z][a-z'’-]{1,30})(?<![^s]s|s['’])\\s{1,3}(?<word>${PLAIN_PLACE_STREET_WORDS}|${ORDINARY_PLACE_STREET_WORDS}|${LOWER_STREET_WORDS})(?![\\p{L}\\p{N}_])`,
  'gu',
);

const ORDINARY_WORD_RE = new RegExp(`^(?:${ORDINARY_PLACE_STREET_WORDS})$`, 'u');
/**
 * Words of place just before a house number that show an address ("moved to", "outside", "lives at"), and the
 * word of a block of flats ("flats 3 to 5, hazelmere court"), and being at a place ("he was at 12 hazelmere view
 * again"). Not "at", "by" or "from" alone: a time comes after them as often ("meet at 5 village green").
 */
const ADDRESS_BEFORE_RE =
  /(?:(?<![\p{L}\p{N}_])(?:flats?|apartments?|units?|to|into|onto|on|in|off|along|down|up|near|outside|past|via|round|around|across|towards?|opposite|behind|beside|(?:lives?|lived|living|stay(?:s|ed|ing)?|based|address(?:\s{1,3}is)?|is|was|were|be|been|being)\s{1,3}at)|['’]s\s{1,3}at)\s{1,3}$/iu;
/** After a street: a comma and a capitalised town, or a postcode (already `[POSTCODE]` or as written). */
const ADDRESS_AFTER_RE =
  /^(?:,\s{0,3}\p{Lu}|,?\s{0,3}(?:\[POSTCODE\]|[A-Za-z]{1,2}\d[A-Za-z\d]?\s{0,2}\d[A-Za-z]{2}(?![\p{L}\p{N}_])))/u;

/**
 * Whether a match of `LOWER_PLACE_STREET_RE` is an address. The trade-off: a research copy whose counts and
 * times are gone ("and [ADDRESS]" for "and 1 lovely view") loses what the research is about, while a lower-case
 * street of an uncommon name with nothing around it ("12 hazelmere view") is rare. So a name before an everyday
 * street word makes an address when it is capitalised, is a usual street name (`STREET_NAME_WORDS`), comes after
 * a flat or a word of place (`ADDRESS_BEFORE_RE`), or has a town or a postcode after it; a court of law after an
 * hour is a hearing's time (`hearingTime`).
 */
export function lowerPlaceStreet(m: RegExpExecArray, text: string): boolean {
  if (hearingTime(m, text)) return false;
  const { flat, name = '', word = '' } = m.groups ?? {};
  if (!ORDINARY_WORD_RE.test(word) || flat || /^[A-Z]/.test(name) || STREET_NAME_WORDS.has(name)) return true;
  const end = m.index + m[0].length;
  return (
    ADDRESS_BEFORE_RE.test(text.slice(Math.max(0, m.index - 40), m.index)) ||
    ADDRESS_AFTER_RE.test(text.slice(end, end + 20))
  );
}

/**
 * A court of law named as the street word "Court" ends: "Leeds Crown Court", "the Family Court", "Magistrates
 * Court", where a hearing is, were `[ADDRESS]`, taking the very words a case's legal steps are told by. Without a
 * house number such a name is a court, not an address ("4 Crown Court" still is one).
 */
const COURT_OF_LAW_RE = new RegExp(
  `^(?:[\\p{L}'’-]+\\s+){0,2}(?:${withCapital(COURT_OF_LAW_NAMES)})\\s+Court$`,
  'u',
);

/** Whether a match of the capitalised address pattern (redact.ts) is a court of law, not an address. */
export function courtOfLaw(m: RegExpExecArray): boolean {
  return COURT_OF_LAW_RE.test(m[0]);
}

/**
 * An hour or its minutes (no flat, no range) before a court of law, in any case: "10 Crown Court", "9 magistrates'
 * court", the "30" of "9.30 Crown Court".
 */
const COURT_HOUR_RE = new RegExp(
  `^(?<n>\\d{1,2})\\s{1,3}(?:[\\p{L}'’-]+\\s{1,3}){0,2}(?:${COURT_OF_LAW_NAMES})\\s{1,3}court$`,
  'iu',
);
/**
 * A word of time just before it ("at 10", "by 9"), and the hour of "at 9.30". Not "from", "for", "around" or
 * "about": "he walked from 4 Crown Court" is a street far more often than a time.
 */
const TIME_BEFORE_RE =
  /(?<![\p{L}\p{N}_])(?:at|by|until|till|before|after)\s{1,3}(?<hour>(?:[1-9]|1[0-2])[.:])?$/iu;
/**
 * Words of a home before the number, in its sentence: "the house at 4 Crown Court", "waiting outside … at 4
 * Crown Court", "he lives at 4 Crown Court". "took place" is a hearing's, not a home's.
 */
const HOME_BEFORE_RE =
  /(?<![\p{L}\p{N}_])(?:houses?|homes?|flats?|(?<!(?:take|takes|took|taking|taken)\s{1,3})place|address|outside|waiting|waited|parked|lives?|lived|living|stay(?:s|ed|ing)?|based)(?![\p{L}\p{N}_])/iu;
/**
 * Words of a hearing: without one in the sentence or close by, "at 4 Crown Court" is where someone is, and
 * streets are named Crown Court. "magistrates" counts as people ("the magistrates said"), not in the court's
 * name; "case" not in "in case".
 */
const HEARING_WORD_RE =
  /(?<![\p{L}\p{N}_])(?:hearings?|trials?|court\s{1,3}dates?|(?<!in\s{1,3})cases?|listed|listing|sentencing|sentenced|mention|appear(?:s|ed|ing|ances?)?|bail|judges?|magistrates?(?!['’]?\s{1,3}court))(?![\p{L}\p{N}_])/iu;
/** A time written after the number: "at 10 am Crown Court", "at 10 o'clock Crown Court". */
const TIME_AFTER_RE = /^\s{1,3}(?:a\.?m\.?|p\.?m\.?|o['’]clock)(?![\p{L}\p{N}_])/iu;
/** Where the sentence around a match begins and ends: not at the dot of "9.30". */
const SENTENCE_END_RE = /[!?\n]|\.(?=\s)/gu;

/**
 * The sentence around [start, end) up to it, and the part of that sentence within `reach` characters either side.
 * Not the next sentence: in "Hearing at 10 Crown Court. He is at 4 Crown Court now" the second is a street.
 */
function around(text: string, start: number, end: number, reach: number): { before: string; near: string } {
  let from = 0;
  let to = text.length;
  for (const e of text.matchAll(SENTENCE_END_RE)) {
    if (e.index < start) from = e.index + 1;
    else if (e.index >= end) {
      to = e.index;
      break;
    }
  }
  return {
    before: text.slice(from, start),
    near: text.slice(Math.max(from, start - reach), Math.min(to, end + reach)),
  };
}

/**
 * Whether a house number and a court of law are a hearing's time and place: "Hearing at 10 Crown Court" is at
 * 10 o'clock at the Crown Court, in any case. Privacy comes first, as streets are named Crown Court: the number
 * must be an hour (or the minutes of "9.30") just after a word of time, a hearing must be spoken of in the
 * sentence within 60 characters (or the hour is written as one: "9.30", "10 am"), and no home may come before
 * it nor a town or a postcode after it. So "the house at 4 Crown Court", "he is at 4 Crown Court", "at 3 Crown
 * Court, Leeds LS1 1AA", a flat ("Flat 2, 7 Crown Court") and a number that is no hour are addresses.
 */
export function hearingTime(m: RegExpExecArray, text: string): boolean {
  const n = COURT_HOUR_RE.exec(m[0])?.groups?.n;
  if (n === undefined) return false;
  const start = m.index;
  const end = m.index + m[0].length;
  const time = TIME_BEFORE_RE.exec(text.slice(Math.max(0, start - 40), start));
  if (!time) return false;
  const minutes = time.groups?.hour !== undefined;
  if (minutes ? !/^[0-5]\d$/.test(n) : Number(n) < 1 || Number(n) > 12) return false;
  if (ADDRESS_AFTER_RE.test(text.slice(end, end + 20))) return false;
  const { before, near } = around(text, start, end, 60);
  if (HOME_BEFORE_RE.test(before)) return false;
  const written = minutes || TIME_AFTER_RE.test(m[0].slice(n.length));
  return written || HEARING_WORD_RE.test(near);
}

/**
 * A house number and a numbered street, as American addresses are written: `350 5th Ave`, `42 W 34th St`, `11
 * West 53rd Street`. The capitalised-name patterns want a name of letters, so these stayed in clear. Only after a
 * house number ("on 5th Ave" stays, as a street named alone does) and before a street word.
 */
export const NUMBERED_US_STREET_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_£$€])${FLAT}?${HOUSE}(?:(?:[NSEW]|North|South|East|West)\\.?\\s{1,3})?\\d{1,3}(?:st|nd|rd|th)\\s{1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Place|Pl|Drive|Dr|Lane|Ln|Terrace|Way)(?:(?<=St|Ave|Rd|Blvd|Pl|Dr|Ln)\\.)?(?![\\p{L}\\p{N}_])`,
  'gu',
);

/** German street words, written at the end of the street's name (`Hauptstraße`) or as a word of their own. */
const GERMAN_STREET_ENDINGS = 'straße|strasse|str\\.|weg|gasse|platz|allee|damm|ufer|chaussee|steig|pfad';
const GERMAN_STREET_WORDS = 'Straße|Strasse|Str\\.|Weg|Gasse|Platz|Allee|Damm|Ufer|Chaussee';
/** French, Spanish and Portuguese street words, written before the street's name. */
const FRENCH_STREET_WORDS =
  'rue|avenue|av\\.|boulevard|bd|place|allée|allee|impasse|chemin|quai|route|cours|passage|square';
const IBERIAN_STREET_WORDS =
  'Calle|C/|Avenida|Avda\\.|Av\\.|Plaza|Paseo|Camino|Carrer|Carretera|Ronda|Rua|Travessa|Praça|Largo|Estrada|Alameda';
/**
 * "R." for "Rua" (`R. Augusta 100`), not where it is an initial after a title or a first name ("PC R. Jones, 3
 * officers", "Maria R. Santos 12").
 */
const RUA_ABBREVIATION = '(?<!\\p{Lu}[\\p{L}.]{0,20}\\s{1,3})[Rr]\\.';
/**
 * "R. Augusta, 100" or "R. Jones, 32": "R." for "Rua" and a one-word name, a comma and a number. Read alike, it is
 * the Portuguese and Brazilian way of writing an address, and an initial and a surname with an age ("R. Jones, 32,
 * of Leeds"). Both identify; but a name met only in free text is left (there is no named-entity model), while an
 * address is redacted, so `ruaOrInitial` decides on what else the text says.
 */
const INITIAL_COMMA_RE =
  /^[Rr]\.\s{0,3}\p{Lu}[\p{Ll}\p{M}'’]{1,30}(?:-\p{L}[\p{Ll}\p{M}'’]{0,30}){0,5},\s{0,3}(?<no>[Nn]\.?[º°o]\.?\s{0,2})?(?<n>\d{1,4})(?<letter>[\s-]?[A-Za-z])?$/u;
/**
 * Words just before it that make it a place: Portuguese ("Moro na R. Augusta, 12", "Morada: R. Augusta, 12", "fica
 * na", "à R. Augusta", "mora em", "perto da", "mudou-se para a") and English words of a home ("lives at", "moved
 * to", "address:"). Not English words of being somewhere ("at", "outside", "near", "opposite"), which are as often
 * said of a person ("sat opposite R. Jones, 45, on the bus", "I was at R. Jones, 32, party"), nor "to", "from" or
 * "with" alone ("I spoke to R. Jones, 32"), nor "para" alone ("uma carta para R. Jones, 32"). A colon or dash may
 * touch it ("Morada:R. Augusta, 12").
 */
const PLACE_BEFORE_RUA_RE =
  /(?<![\p{L}\p{N}_])(?:na|à|em|pela|morada|endere[çc]o|end\.|moro|mora|morar|morei|morava|vivo|vive|fica|perto\s{1,3}d[aeo]|mud(?:ou|ei|aram|ou-se|ei-me|aram-se|ar-se|ar-me)\s{1,3}para(?:\s{1,3}a)?|address(?:\s{1,3}(?:is|was))?|(?:lives?|lived|living)\s{1,3}(?:at|on|in)|(?:move[sd]?|moving)\s{1,3}(?:in\s{1,3})?to)(?:\s{0,3}[:\-–]\s{0,3}|\s{1,3})$/iu;
/**
 * What follows a Portuguese address's house number, after a comma, a dash or a space: its floor or flat ("2.º
 * Esq.", "– 2.º Esq.", "3º andar", "3ºEsq", "r/c", "apto 12", "loja"; the text is read folded, where "º" and "ª"
 * are "o" and "a").
 */
const FLOOR_AFTER_RUA_RE =
  /^\s{0,3}[,\-–—]?\s{0,3}(?:\d{1,2}\.?[º°ªoa](?:\s{0,2}(?:esq|dto|dt|dir)\.?)?|r\/c|apto?\.?|apartamento|andar|esq\.?|dto\.?|loja|bloco|sala)(?![\p{L}\p{N}_])/iu;
/**
 * Or a Brazilian CEP after its word ("CEP 01310-100", `[POSTCODE]` by now: redact.ts), or a postcode and a capitalised
 * town ("1100-053 Lisboa").
 */
const POSTCODE_AFTER_RUA_RE =
  /^(?:,?\s{0,3}(?:CEP|Cep|cep|C\.E\.P\.|[Cc][óo]digo\s{1,3}[Pp]ostal)\s{0,3}:?\s{0,3}(?:\[PHONE\]|\[POSTCODE\]|\d{5}-?\d{3}|\d{4}-\d{3})|,?\s{0,3}(?:\[PHONE\]|\[POSTCODE\]|\d{4}-\d{3}|\d{5}-\d{3}),?\s{1,3}\p{Lu})/u;

/**
 * Whether a match of the Iberian street pattern is an address. "R. Augusta, 100" is, and so is "R. Jones, 32"
 * where something says it is a place: a word of place before it, a floor, a flat or a postcode after it, or a
 * number no age is (100 or more, not a year; one with a letter, `100A`, `12-A`, or written `n.º 12`, `Nº 12`, not
 * "no 1 fan"). Otherwise an initial,
 * a surname and a number of one or two digits are a person and an age, and stay ("R. Jones, 32, of Leeds"):
 * knowingly, "R. Augusta, 12" with nothing around it stays too.
 */
export function ruaOrInitial(m: RegExpExecArray, text: string): boolean {
  const g = INITIAL_COMMA_RE.exec(m[0])?.groups;
  if (!g) return true;
  const n = Number(g['n']);
  const end = m.index + m[0].length;
  // "nº 12" reads "no 12" folded: a bare "no" before a number and a lower-case word is English ("no 1 fan").
  const no =
    g['no'] !== undefined && (/[.º°]/u.test(g['no']) || !/^\s{1,3}\p{Ll}/u.test(text.slice(end, end + 4)));
  if (no || g['letter'] || (n >= 100 && !(n >= 1900 && n <= 2099))) return true;
  return (
    PLACE_BEFORE_RUA_RE.test(text.slice(Math.max(0, m.index - 40), m.index)) ||
    FLOOR_AFTER_RUA_RE.test(text.slice(end, end + 24)) ||
    POSTCODE_AFTER_RUA_RE.test(text.slice(end, end + 32))
  );
}

/**
 * A house number after a Spanish or Portuguese street (`5`, `n.º 12`, `Nº 12`, `100A`, `12-A`, `5 B`): a letter apart from it only a
 * capital that is no word or initial ("Calle Mayor 5 y luego", "R. Jones, 3 R. Jones", "5 I was there").
 */
const IBERIAN_NUMBER =
  "(?:[Nn]\\.?[º°o]\\.?\\s{0,2})?\\d{1,4}(?:-?[a-zA-Z]|\\s[A-HJ-Z](?![.'’]))?(?![\\p{L}\\p{N}_])";
/** The little words inside a French, Spanish or Portuguese street's name ("de la", "del", "dos"). */
const ROMANCE_PARTICLES =
  "(?:(?:de|del|de\\s+la|de\\s+las|de\\s+los|des|du|de\\s+l['’]|d['’]|la|le|les|los|las|el|do|da|dos|das|à|a)\\s{0,3})";
/** A capitalised word of a street's name, in any Latin script (`Mayor`, `Élysées`, `São`). */
// A capitalised word, hyphenated pieces included (Faubourg-Saint-Honoré, Champs-Élysées, Sá-Carneiro): each piece
// bounded and begun by its hyphen, so a run of "Ha-Ha-…" is read once.
const CAP_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’]{1,30}(?:-\\p{L}[\\p{Ll}\\p{M}'’]{0,30}){0,5}";
/** `words` (an alternation in lower case) also capitalised, as the first word of a name is written. */
const capitalisedToo = (words: string) =>
  words
    .split('|')
    .flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)])
    .join('|');
/**
 * French street words that are English words too ("2 Square Miles", "10 Route One", "3 Place Settings"): written
 * capitalised after a number, they are a street only before a name that is no word of count, measure or number.
 */
const NOT_A_FRENCH_NAME = `(?!(?:${capitalisedToo(`${NOT_A_NAME}|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand`)})(?![\\p{L}\\p{N}_'’-]))`;
/** English words of count, time or measure after a number ("5 people", "3 minutes"), no Spanish or Portuguese word. */
export const COUNT_WORDS =
  'people|men|women|children|kids|persons|officers|times|seconds?|secs|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|miles?|km|kms|kilometres?|kilometers?|metres?|meters?|yards?|feet|foot|ft';
/**
 * An English count after a street's house number and a comma ("The Plaza Hotel, 5 stars", "Estrada Santos, 12
 * people", "PC R. Jones, 3 officers"): the number is no house number. A plural or a word of count, time or measure.
 */
const ENGLISH_COUNT_AFTER = `(?:${PLURAL_AFTER}|\\s{1,3}(?:${COUNT_WORDS}|of|more)(?![\\p{L}\\p{N}_]))`;

/**
 * Streets written the way German, French, Spanish and Portuguese addresses are, which chronolog reads the exports
 * of and which the English patterns missed:
 *
 *   Hauptstraße 12, Bahnhofstr. 5, Konrad-Adenauer-Straße 3a, Berliner Straße 12   (name then house number)
 *   12 rue de la Paix, 3 bis avenue Victor Hugo                                      (house number then street word)
 *   Calle Mayor 5, Avenida de la Constitución, 12, Rua Augusta 100                   (street word, name, number)
 *
 * Each needs its house number: "in der Hauptstraße" and "la rue" name a street as "Kingsway" alone does, kept.
 * A German name is bounded (60 characters, five hyphenated words): every capital after a hyphen starts one, and
 * unbounded, each read a run of "Ha-Ha-…" to its end (100,000 characters took 17 s).
 */
export const FOREIGN_STREET_RES: readonly RegExp[] = [
  new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:\\p{Lu}(?:\\p{Ll}|-\\p{Lu}){1,60}(?:${GERMAN_STREET_ENDINGS})|\\p{Lu}\\p{Ll}{1,30}(?:er|e|es)?(?:-(?:(?:von|vom|zu|zum|zur|der|den|am|an|im|auf)-)?\\p{Lu}\\p{Ll}{1,30}){0,4}[\\s-](?:${GERMAN_STREET_WORDS}))\\s{1,3}\\d{1,4}(?:\\s?[a-zA-Z])?(?:\\s?[-/]\\s?\\d{1,4}[a-zA-Z]?)?(?![\\p{L}\\p{N}_])`,
    'gu',
  ),
  new RegExp(
    `(?<![\\p{L}\\p{N}_£$€])\\d{1,4}(?:\\s?(?:bis|ter|[a-zA-Z]))?,?\\s{1,3}(?:${FRENCH_STREET_WORDS}|${FRENCH_STREET_WORDS.replace(/(^|\|)([a-zé])/g, (_m, bar: string, c: string) => bar + c.toUpperCase())})\\s{1,3}${NOT_A_FRENCH_NAME}${ROMANCE_PARTICLES}?${CAP_WORD}(?:\\s{1,3}${ROMANCE_PARTICLES}?${CAP_WORD}){0,3}`,
    'gu',
  ),
  new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:${IBERIAN_STREET_WORDS}|${IBERIAN_STREET_WORDS.toLowerCase()}|${RUA_ABBREVIATION})\\s{0,3}${ROMANCE_PARTICLES}?${CAP_WORD}(?:\\s{1,3}${ROMANCE_PARTICLES}?${CAP_WORD}){0,3}(?:,\\s{0,3}${IBERIAN_NUMBER}(?!${ENGLISH_COUNT_AFTER})|\\s{1,3}${IBERIAN_NUMBER}(?!\\s{1,3}(?:${COUNT_WORDS})(?![\\p{L}\\p{N}_])))`,
    'gu',
  ),
];

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

/** A lower-case word that is no plural: not ending in one "s" ("texts", "cars"); "moss", "elm" are. */
const NOT_PLURAL = "[a-z][a-z'’-]{1,30}(?<![^s]s)";
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

const NAME_WORD = "[A-Z](?:[a-z]{0,20}['’]?[A-Z])?[a-z'’-]{1,30}";

/** A house number (a flat before it allowed), then one of the forms above. */
export const NUMBERED_ADDRESS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])${FLAT}?${HOUSE}(?:(?:(?:the|The|THE)\\s{1,3})?(?:${cased(ONE_WORD_STREETS)})(?![\\p{L}\\p{N}_]|${PLURAL_AFTER})|(?!(?:${NOT_A_NAME})\\s)(?:[a-z][a-z'’-]{1,30}\\s{1,3}(?:${LOWER_STREET_WORDS})|${NOT_PLURAL}\\s{1,3}(?:${LOWER_AMBIGUOUS_STREET_WORDS})(?=${MORE_ADDRESS}))|(?:${NAME_WORD}\\s{1,3}){1,2}(?:${NUMBERED_STREET_WORDS.join('|')}))(?![\\p{L}\\p{N}_])`,
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
  'hearings?|dates?|cases?|orders?|appearances?|summons|papers|letters?|fees?|proceedings|documents?|bundles?|listings?';

/**
 * Street words that are also the names of places or things ("rise", "park", "view", "walk", "row"), and rarer
 * street words, typed in lower case after a house number ("23 chapel rise", "7 elm park", "4 mill ln").
 */
const LOWER_PLACE_STREET_WORDS = `rise|vale|quay|wharf|hill|green|view|gate|yard|way|walk|row|court(?!\\s{1,3}(?:${COURT_BUSINESS}))|park|parade|boulevard|blvd|ln`;

/**
 * Words before such a street word that make the number a count, a measure, a price or a time, or the place a
 * kind of thing, not a street's name: "2 people walk", "a 5 star view", "a 10 percent rise", "2 car park", "at 3
 * school gate", "1 good way", "we had 1 massive row" (a count or a time, "3 hour", "5 mile", "at 7 pm", is
 * `NOT_AFTER_A_HOUSE`'s).
 */
const NOT_A_PLACE_STREET_NAME = `${NOT_AFTER_A_HOUSE}|people|person|man|men|woman|women|child|children|kid|police|staff|folk|guy|girl|boy|lad|percent|per|cent|pence|pound|quid|dollar|euro|point|degree|inch|acre|storey|story|floor|bed|bedroom|room|door|seat|seater|star|piece|part|step|lap|stage|speed|fold|sided|tone|pay|price|rent|tax|fare|rate|bill|fee|car|theme|skate|water|trailer|caravan|retail|business|industrial|science|holiday|safari|national|amusement|ball|play|dog|leisure|trampoline|adventure|wildlife|nature|office|shopping|ski|food|tennis|basketball|squash|netball|football|school|security|departure|front|top|bottom|rear|light|bright|pale|good|better|best|bad|worse|worst|only|simple|possible|nice|great|proper|real|certain|similar|huge|massive|blazing|almighty|screaming|shouting|heated|terrible|awful|horrible|separate|final|further|upcoming|criminal|custody|divorce`;
/**
 * A court of law (`COURT_OF_LAW_RE`) typed in lower case: "at 10 crown court" is a hearing and its time ("magistrates",
 * "coroner's" end in "s", which no name does here).
 */
const COURT_OF_LAW_NAMES = 'crown|county|family|youth|high|supreme|sheriff|employment|civil|appeal';

/** An alternation of lower-case words, each also with its first letter a capital ("Times?", "O['’]clock"). */
const withCapital = (alternation: string) =>
  alternation
    .split('|')
    .flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)])
    .join('|');

/**
 * A house number (a flat before it allowed, not a price: "£2 pay rise"), a one-word name that is no plural and
 * none of `NOT_A_PLACE_STREET_NAME`, in lower case or capitalised, and a lower-case street word: one of
 * `LOWER_PLACE_STREET_WORDS` ("23 chapel rise", "23 Chapel rise"), or one that is nothing else after a capitalised
 * name ("12 Elm road"; in lower case `NUMBERED_ADDRESS_RE` takes it). The street words of `NUMBERED_ADDRESS_RE`
 * capitalised ("3 Abbey Green") stay its, parks and hills without a house number stay places.
 */
export const LOWER_PLACE_STREET_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_£$€])${FLAT}?${HOUSE}(?!(?:${withCapital(NOT_A_PLACE_STREET_NAME)})(?![\\p{L}\\p{N}_'’-])|(?:${withCapital(COURT_OF_LAW_NAMES)})\\s{1,3}court(?![\\p{L}\\p{N}_]))[A-Za-z][a-z'’-]{1,30}(?<![^s]s)\\s{1,3}(?:${LOWER_PLACE_STREET_WORDS}|${LOWER_STREET_WORDS})(?![\\p{L}\\p{N}_])`,
  'gu',
);

/**
 * A court of law named as the street word "Court" ends: "Leeds Crown Court", "the Family Court", "Magistrates
 * Court", where a hearing is, were `[ADDRESS]`, taking the very words a case's legal steps are told by. Without a
 * house number such a name is a court, not an address ("4 Crown Court" still is one).
 */
const COURT_OF_LAW_RE =
  /^(?:[\p{L}'’-]+\s+){0,2}(?:Crown|Magistrates['’]?|County|Family|Youth|High|Supreme|Coroner['’]?s|Sheriff|Employment|Civil|Appeal|Appeals)\s+Court$/u;

/** Whether a match of the capitalised address pattern (redact.ts) is a court of law, not an address. */
export function courtOfLaw(m: RegExpExecArray): boolean {
  return COURT_OF_LAW_RE.test(m[0]);
}

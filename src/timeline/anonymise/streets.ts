/**
 * Street addresses the redactor's first address pattern (redact.ts: capitalised words and a street word, `12
 * Station Road`) did not take, as people write them:
 *
 *   Flat 3, 12 High Road        Apt 4B, 7 Elm Street        (the flat was kept: "Flat 3, [ADDRESS]")
 *   14 Kingsway, 2 the Strand   (a street named in one word, with no street word to find)
 *   12 elm road, 40 kingsway    (typed in lower case)
 *   3 Abbey Green, 9 Chapel Rise (street words that are also ordinary words, only after a house number)
 *
 * Everything here needs the house number, which is what makes "Green" or a lower-case "road" an address: "3
 * times", "10 minutes down the road" and "a 2 way street" stay. A lower-case street name is one word, and not a
 * word of time, distance or quantity.
 */

/** `words` in capitals, as written capitalised, and in lower case. */
const cased = (words: readonly string[]) =>
  words.flatMap((w) => [w, w.toLowerCase(), w.toUpperCase()]).join('|');

/** Streets named in one word, with no street word after them. */
const ONE_WORD_STREETS =
  `Kingsway Broadway Parkway Strand Aldwych Holborn Piccadilly Cheapside Moorgate Bishopsgate Aldgate
Westgate Eastgate Northgate Southgate Headrow Briggate Causeway Ringway Westway Northway Southway Eastway Fairway
Greenway Esplanade Promenade Embankment Quayside Seafront`.split(/\s+/);

/** Street words that are also ordinary words: a street only after a house number and a capitalised name. */
const NUMBERED_STREET_WORDS = ['Green', 'Rise', 'View', 'Vale', 'Gate', 'Yard', 'Quay', 'Wharf', 'Circus'];

/** Street words after a lower-case street name. */
const LOWER_STREET_WORDS =
  'street|road|lane|avenue|ave|drive|close|crescent|gardens|grove|terrace|place|square|mews|rd|st';

/** Lower-case words after a number that are no street's name ("10 minutes road", "a 2 way street"). */
const NOT_A_NAME =
  'times?|minutes?|mins?|hours?|hrs?|miles?|more|the|a|an|way|one|other|main|same|down|up|back|side|dirt|long|busy|quiet|dark|empty|different|wrong|right|next|last|first|whole|of|on|in|at|to|by|lanes?|roads?|streets?';

/** A flat, apartment or unit before the house number ("Flat 3, ", "Apt 4B ", "flat 2/1, "). */
export const FLAT = `(?:(?:${cased(['Flat', 'Apartment', 'Apt', 'Unit', 'Suite', 'Studio'])})\\.?\\s{1,3}\\d{1,4}[A-Za-z]?(?:/\\d{1,3})?,?\\s{1,3})`;

const HOUSE = '\\d{1,4}[A-Za-z]?,?\\s{1,3}';
const NAME_WORD = "[A-Z](?:[a-z]{0,20}['’]?[A-Z])?[a-z'’-]{1,30}";

/** A house number (a flat before it allowed), then one of the forms above. */
export const NUMBERED_ADDRESS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])${FLAT}?${HOUSE}(?:(?:(?:the|The|THE)\\s{1,3})?(?:${cased(ONE_WORD_STREETS)})|(?!(?:${NOT_A_NAME})\\s)[a-z][a-z'’-]{1,30}\\s{1,3}(?:${LOWER_STREET_WORDS})|(?:${NAME_WORD}\\s{1,3}){1,2}(?:${NUMBERED_STREET_WORDS.join('|')}))(?![\\p{L}\\p{N}_])`,
  'gu',
);

/**
 * The words a Time cell says besides its clock time, one list each, so that the readers of its forms agree on
 * them: that it is approximate ("approx 9pm", "c.8", "9pm-ish", "9pm or so"), "at" ("at 9pm", "a las 9", "@ 9pm"),
 * that it is not known ("?", "n/k", "unbekannt"), a part of the day ("evening", "nachts", "por la tarde") and noon.
 */
import { words } from './fold.js';

// A prefix counts only before a dot, a space or a digit, so "c" does not eat the start of "christmas".
export const APPROX_PREFIX =
  /^(?:approx(?:imately)?|appr|apx|about|abt|around|round about|circa|ca|c|roughly|sometime around|at about|at around|gegen|etwa|ungefahr|zirka|cirka|hacia|sobre|alrededor de|aprox(?:imadamente)?|vers|environ|~|≈)(?:\.\s*|\s+|(?=\d))/;
// Spanish "a" ("a las 9"), but not the "a" of "a bit after 10pm" or "a little before 7am", which BOUND reads;
// "@ 9pm" and "@9pm" as people write "at" in a hurry.
export const AT = /^(?:(?:at|um|a las|a la|a(?!\s+(?:bit|little)\b))\s+|@\s*)/;
// Words after the time that say it is approximate: "9pm-ish", "9pm or so", "9pm approximately", "9pm (roughly)".
// "9pm est" is "estimated" in a British diary; the row reader reads it so only where EST is no zone the case
// could be in (zones.ts and row.ts).
export const APPROX_SUFFIX =
  /(?:\s*-?\s*ish|\s+or so|\s+not sure|\s+unsure|\s+i think|\s+or thereabouts|\s+give or take|\s*\?+|\s+approx(?:imately)?\.?|\s+apx\.?|\s+roughly|\s+estimated|\s+est\.?|\s+ca\.?|\s+circa)$/;
export const UNKNOWN = new Set([
  '?',
  '??',
  '???',
  '-',
  '--',
  'n/a',
  'na',
  'n/k',
  'nk',
  'unknown',
  'not sure',
  'unsure',
  'k.a.',
  'unbekannt',
  'desconocida',
  'desconocido',
  'inconnue',
  'inconnu',
]);
export const PART_OF_DAY = new Set(
  words(`
    morning | early morning | late morning | this morning | in the morning | afternoon | early afternoon |
    late afternoon | in the afternoon | evening | early evening | late evening | this evening |
    in the evening | night | late night | last night | tonight | at night | overnight | during the night |
    in the night | lunchtime | lunch time | lunch | at lunch | dinner time | dinnertime | teatime |
    tea time | midnight | early hours | early hours of the morning | in the early hours | small hours |
    in the small hours | dawn | dusk | daytime | all morning | all afternoon |
    during the day | all day | all evening | all night | throughout the day | several times | various |
    various times | multiple times | after work | before work | after school | school run | rush hour |
    morgens | fruh | fruhmorgens | vormittags | vormittag | mittags | mittag | nachmittags | nachmittag |
    abends | abend | am abend | nachts | nacht | in der nacht | ganztags | den ganzen tag | manana |
    por la manana | mediodia | tarde | por la tarde | noche | por la noche | madrugada | matin | le matin |
    matinee | midi | apres midi | apres-midi | soir | le soir | soiree | nuit | la nuit
  `),
);
// "noon" and "midday" are read as 12:00 flagged approximate, on purpose: people say them of the middle of the day
// ("at midday", "around lunchtime") more loosely than they write "12:00", so an exact 12:00 would claim more.
export const NOON = new Set(['noon', 'midday', '12 noon', '12 midday', 'mid day']);

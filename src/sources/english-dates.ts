/**
 * English month and day names, lower case, as exports write them in dates ("Sat, 1 Jun 2024", "June 1, 2024 at
 * 9:05 PM"): one table for every source that reads such dates (e-mail, Messenger HTML, DiscordChatExporter).
 */

/** Three-letter English month names, January first. */
export const MONTHS: readonly string[] = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
/** Full English month names, January first. */
export const FULL_MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Three-letter English day names, Sunday first (as `getUTCDay`). */
export const DAYS: readonly string[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Full English day names, Sunday first. */
export const FULL_DAYS: readonly string[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

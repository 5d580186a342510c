/**
 * Dates written inside text (message bodies, milestone labels), for the redactor. A secret date shift is only
 * secret while no written date sits next to a shifted one: "the order was served on 20 May" beside a shifted
 * milestone gives the offset away, and with it the whole case. Shifting written dates reliably is impossible
 * (formats, missing years, day/month order), so they are replaced by `[DATE]` instead.
 *
 * Recognised, case-insensitively and without a weekday: numeric day/month/year and month/day/year with `/`, `.`
 * or `-` and 2- or 4-digit years (`22/04/2024`, `4.22.24`); ISO-like year-month-day (`2024-04-22`,
 * `2024/4/22`); a day and a month name (`20 May`, `20th of May 2024`, `1 Apr. '24`, `3rd April 90`); a month
 * name and a day (`May 20`, `May 20th, 2024`); a month name and a 4-digit year (`March 2024`), or a month
 * number and one (`03.2019`, `3/2019`); a holiday (`Christmas Eve`, `Bonfire Night 2023`); a day, month and
 * year joined by dashes or slashes or run together (`14-Mar-2024`, `14Mar2024`, `14-Mar`); a day written as a word
 * (`the fourteenth of March`, `March the fourteenth`); and a day and month, or a month and year, in German, French,
 * Spanish or Portuguese (`14. März 2024`, `le 1er mars`, `14 de marzo de 2024`, `1º de maio`, `14 de ago. de 2024`,
 * `14-abr-2024`, `março de 2024`). Month names are
 * full or abbreviated. Times of day (`22:50`, `2.30am`) and plain numbers are not dates: a numeric date needs three
 * parts with valid day and month numbers, and a month name needs a day or a year next to it. With the dates
 * shifted, a day and month without a year written as numbers or an ordinal (`14/2`, `14.02.`, `on the 14th`)
 * goes too (`DAY_MONTH_RE`, also `am 14.3.` after a word that puts a date after it), and so do a month named
 * alone after a word of time (`since February`, `seit März`; `MONTH_ALONE_RE`) and a year standing alone, a
 * season (`2023/24`) or a two-digit year after an apostrophe (`back in '23`) included (`YEAR_RE`).
 *
 * A date of birth (a date, or a year, `1990` or `'90`, after "born", "DOB", "d.o.b." or "date of birth")
 * identifies a person whether or not dates are shifted, so it is always replaced.
 */

export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\\.(?=,?\\s*[\\d\\x27’‘]))?';
export const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
/** A day of the month as a number, without an ordinal ending. */
const DAY_NUMBER = '(?:[12]\\d|3[01]|0?[1-9])';
const YEAR4 = '(?:1[89]\\d\\d|2[01]\\d\\d)';
/**
 * Words after a number that make it a quantity, a count or a time, not a year or a date ("1/2 hour", "3 May
 * 10 am", "on the 2nd floor", "the 3rd time").
 */
const QUANTITY = `(?:am|pm|a\\.m\\.|p\\.m\\.|o['’]?clock|h|hrs?|hours?|mins?|minutes?|secs?|seconds?|times?|days?|nights?|weeks?|weekends?|months?|years?|decades?|century|centuries|miles?|km|kms|kilomet(?:re|er)s?|met(?:re|er)s?|m|ft|feet|foot|inch(?:es)?|kg|kgs|kilos?|lbs?|pounds?|stone|litres?|liters?|pints?|way|dozen|people|persons?|ones?|floor|attempts?|try|tries|calls?|messages?|texts?|emails?|e-mails?|letters?|warnings?|offen[cs]es?|incidents?|reports?|birthday|anniversary|grade|round|place|row|house|door|visits?|car|child|kid|son|daughter|baby|go|chance|account|number|class|lesson|session|stars?|points?|goals?|%)`;
/** Not a quantity or a time: no unit word, `%`, or time of day after the number. */
const NOT_QUANTITY = `(?!\\s*${QUANTITY}(?![\\p{L}\\p{N}_]))`;
/**
 * The year after a day and a month name: four digits, two after an apostrophe (`3 Apr '90`), or two alone
 * (`3rd April 90`) where they are no time of day (`3 May 10:30`, `3 May 10 am`) or count (`3 May 12 times`).
 */
const NAMED_YEAR = `(?:${YEAR4}|['’‘]\\d\\d|\\d\\d${NOT_QUANTITY})(?![/.:-]\\d)`;
/** Not inside a longer number or another numeric date. */
const NUM_BEFORE = '(?<![\\p{L}\\p{N}_]|\\d[/.-])';
/** Not followed by more of a number; `T` then a digit starts the time of an ISO timestamp. */
const NUM_AFTER = '(?!(?!T\\d)[\\p{L}\\p{N}_]|[/.-]\\d)';

/** `dd/mm/yy(yy)`, `mm/dd/yy(yy)` with one separator used twice. */
const NUMERIC = `${NUM_BEFORE}(?<a>\\d{1,2})(?<s1>[/.-])(?<b>\\d{1,2})\\k<s1>(?:\\d{4}|\\d{2})${NUM_AFTER}`;
/** `yyyy-mm-dd` (also with `/` or `.`). */
const ISO = `${NUM_BEFORE}\\d{4}(?<s2>[/.-])(?<im>\\d{1,2})\\k<s2>(?<id>\\d{1,2})${NUM_AFTER}`;
/**
 * Days named for a holiday ("on Christmas Eve", "Bonfire Night 2023"): a date as plain as "24 December", and
 * as telling beside a shifted record. Movable feasts (Easter, Mother's Day) are dates within a year too.
 */
const HOLIDAY = `(?:christmas(?:\\s+(?:day|eve))?|xmas(?:\\s+(?:day|eve))?|boxing\\s+day|new\\s+year['’]?s(?:\\s+(?:day|eve))?|hogmanay|valentine['’]?s(?:\\s+day)?|hallowe['’]?en|bonfire\\s+night|guy\\s+fawkes(?:\\s+night)?|burns\\s+night|st\\.?\\s+patrick['’]?s\\s+day|easter(?:\\s+(?:sunday|monday|day|weekend))?|good\\s+friday|mothering\\s+sunday|mother['’]?s\\s+day|father['’]?s\\s+day|thanksgiving(?:\\s+day)?|independence\\s+day)(?:\\s+${YEAR4})?`;
/**
 * The months in German, French, Spanish and Portuguese (chronolog reads those exports), written out, where they
 * differ from the English names, and the abbreviations that are no word of those languages (not "set", "out", "ago").
 */
const FOREIGN_MONTH_NAMES =
  `januar jänner februar märz maerz juni juli oktober dezember janvier février fevrier mars
avril mai juin juillet août aout septembre octobre novembre décembre decembre enero febrero marzo abril mayo junio
julio agosto septiembre setiembre octubre noviembre diciembre janeiro fevereiro março maio junho julho setembro
outubro novembro dezembro`.split(/\s+/);
/**
 * German (`mär`, `okt`, `dez`), French (`janv`, `févr`, `fév`, `avr`, `juil`, `déc`), Spanish (`ene`, `abr`, `dic`)
 * and Portuguese (`fev`, `abr`, `dez`) abbreviations that differ from the English ones (`jan`, `feb`, `mar`…, which
 * `MONTH` has). Not the Spanish and Portuguese `ago`, `set` and `out`, which are English words ("3 out of 5").
 */
const FOREIGN_MONTH_ABBREVIATIONS = 'mär okt dez janv févr fevr fév fev avr juil déc ene abr dic'.split(' ');
const FOREIGN_MONTH = `(?:${FOREIGN_MONTH_NAMES.join('|')}|(?:${FOREIGN_MONTH_ABBREVIATIONS.join('|')})\\.?)`;
/** The same, in lower case or capitalised (for an expression without the `i` flag). */
const FOREIGN_MONTH_CASED = `(?:${[
  ...FOREIGN_MONTH_NAMES,
  ...FOREIGN_MONTH_ABBREVIATIONS.map((a) => `${a}\\.?`),
]
  .flatMap((m) => [m, m.charAt(0).toUpperCase() + m.slice(1)])
  .join('|')})`;
/**
 * A day before a foreign month: German `14.`, French `1er`, Spanish and Portuguese `1º` and `1.º`. The text is read
 * folded (folded.ts), where the ordinal sign `º` is the letter `o`: so `1º de janeiro` is read `1o de janeiro`,
 * as people also type it, and stayed in clear.
 */
const FOREIGN_DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:\\.?[oº°]|\\.|er)?';
/** "de" between a Spanish or Portuguese day, month and year (`14 de marzo de 2024`). */
const DE = '(?:de\\s+)?';
/**
 * The Spanish and Portuguese abbreviations that are English words (`ago`, `set`, `out`: agosto, setembro/setiembre,
 * outubro): a month only after "de" (`14 de ago.`, `3 de out. de 2024`) or with their full stop and a year after
 * them (`3 set. 2024`, `14 ago. 2024`), never in "3 out of 5", "2 set menus" or "3 days ago".
 */
const WORD_MONTH_ABBREVIATION = `(?:de\\s+(?:ago|set|out)\\.?|(?:ago|set|out)\\.(?=,?\\s+${DE}(?:${YEAR4}|['’‘]\\d\\d)(?![\\p{L}\\p{N}_])))`;
/**
 * A day, month and year written together or with dashes or slashes: `14-Mar-2024`, `14Mar2024`, `14/Mar/24`,
 * `14-Mar`; a foreign month so with a year (`14-abr-2024`, `14-ene-2024`, `14-mars-2024`, `3/out/24`).
 */
const JOINED_NAMED = `${DAY_NUMBER}(?:-${MONTH}(?:-(?:${YEAR4}|\\d\\d))?|/${MONTH}(?:/(?:${YEAR4}|\\d\\d))?|${MONTH}(?:${YEAR4}|\\d\\d)|-(?:${FOREIGN_MONTH}|ago|set|out)-(?:${YEAR4}|\\d\\d)|/(?:${FOREIGN_MONTH}|ago|set|out)/(?:${YEAR4}|\\d\\d))`;
/** A day of the month written as a word: "the fourteenth of March", "March the fourteenth". */
const ORDINAL_WORD =
  '(?:(?:twenty|thirty)[-\\s]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth';
/**
 * Dates with a month name: day month [year] | month day [year] | month year | a day written as a word and a month
 * | the joined forms | a foreign day and month [year] or month and year; and holidays.
 */
const NAMED = `(?<![\\p{L}\\p{N}_])(?:${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${NAMED_YEAR})?|${MONTH}\\s+${DAY}(?:,?\\s+${NAMED_YEAR})?|${MONTH}\\s+${YEAR4}|(?:${ORDINAL_WORD})\\s+of\\s+${MONTH}(?:,?\\s+${YEAR4})?|${MONTH}\\s+(?:the\\s+)?(?:${ORDINAL_WORD})(?:,?\\s+${YEAR4})?|${JOINED_NAMED}|${FOREIGN_DAY}\\s+(?:${DE}${FOREIGN_MONTH}|${WORD_MONTH_ABBREVIATION})(?:,?\\s+${DE}(?:${YEAR4}|['’‘]\\d\\d))?|${FOREIGN_MONTH}\\s+${DE}${YEAR4}|${HOLIDAY})(?![\\p{L}\\p{N}_])`;

/** `mm/yyyy` or `mm.yyyy` (`since 03.2019`), a month and a 4-digit year written as numbers. */
const MONTH_YEAR = `${NUM_BEFORE}(?:0?[1-9]|1[0-2])[/.-]${YEAR4}${NUM_AFTER}`;

/** A day and a month without a year, as numbers: `14/2`, `2/14` (either order), `14.02.` (day first). */
const NUMERIC_DAY_MONTH = `${NUM_BEFORE}(?<![£$€¥]\\s?|/)(?:(?<sa>\\d{1,2})/(?<sb>\\d{1,2})(?!/)${NUM_AFTER}(?!\\s*(?:an?|of|${QUANTITY})(?![\\p{L}\\p{N}_]))|(?<!(?:\\bat|@)\\s*)(?<pd>\\d{1,2})\\.(?<pm>\\d\\d)\\.(?![\\p{N}]))`;
/**
 * A day and a one-digit month with dots (`am 14.3.`, `on 3.5.`), as German writes them, after a word that puts a
 * date after it: without one, "14.3." ending a sentence is as often a decimal ("it was 14.3."). Not after the
 * English words that put an amount after them as often: "by" ("rose by 2.5."), "am" after "I" ("I am 5.9."), and
 * "ate" (the Portuguese "até" typed without its accent, but an English verb).
 */
const DOTTED_DAY_MONTH = `(?<=(?<![\\p{L}\\p{N}_])(?:(?<!(?<![\\p{L}\\p{N}_])i\\s{1,3})am|vom|bis|zum|ab|seit|on|since|until|till|from|le|du|au|el|del|desde|hasta|em|até)\\s{1,3})(?<qd>\\d{1,2})\\.(?<qm>[1-9])\\.(?![\\p{N}])`;
/** A weekday, or a word that puts a day of the month after it ("on the 14th", "Tuesday 14th", "by 3rd"). */
const BEFORE_ORDINAL =
  '(?:the|on|by|until|till|til|since|from|before|after|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)';
/** A day of the month as an ordinal, after one of `BEFORE_ORDINAL` and not before a count word ("the 3rd time"). */
const ORDINAL_DAY = `(?<=(?<![\\p{L}\\p{N}_])${BEFORE_ORDINAL}\\s+)(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\\p{L}\\p{N}_])${NOT_QUANTITY}`;

/**
 * A day and a month without a year (`14/2`, `14.02.`, `on the 14th`): with `--shift-dates` one beside a shifted
 * record gives the shift away as surely as a full date. Run after `DATE_RE`, which takes the full dates and the
 * named forms (`14th of March`, `March 14th`) first; `dayMonth` checks the numbers. Knowingly left: `24/7`
 * (always), a fraction or ratio before a unit or count word (`1/2 an hour`, `3/4 of`, `2/3 times`), a day and
 * month with a dot and no trailing dot (`14.02`, a time of day or a decimal as `2.30` is), one after `at`
 * (`at 14.02.`) or a currency sign, one with a one-digit month and a dot (`3.5.`, a decimal ending a sentence),
 * and `-` (`3-1`, a score or a range). Knowingly taken: scores and ratings written like one (`8/10`), and an
 * ordinal after the listed words before a noun not in `QUANTITY` ("on the 3rd bus").
 */
// Both forms start with a digit: looking ahead for one first keeps the look-behinds (`\s+`, `\s*`) from reading
// back over a run of spaces at every one of its characters (100,000 spaces took nearly two minutes).
export const DAY_MONTH_RE = new RegExp(
  `(?=\\d)(?:${NUMERIC_DAY_MONTH}|${ORDINAL_DAY}|${DOTTED_DAY_MONTH})`,
  'giu',
);

/** Whether a match of `DAY_MONTH_RE` is a possible day and month (and not `24/7`). */
export function dayMonth(m: RegExpExecArray): boolean {
  const g = m.groups ?? {};
  const ok = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  if (g['sa'] !== undefined) {
    const a = Number(g['sa']);
    const b = Number(g['sb']);
    return !(a === 24 && b === 7) && (ok(a, b) || ok(b, a));
  }
  if (g['pd'] !== undefined) return ok(Number(g['pd']), Number(g['pm']));
  if (g['qd'] !== undefined) return ok(Number(g['qd']), Number(g['qm']));
  return true;
}

/** One written date, any recognised form (the named groups are the numeric parts, checked by `validDate`). */
const DATE_SRC = `(?:${NUMERIC}|${ISO}|${MONTH_YEAR}|${NAMED})`;

/** Every written date (see the module comment). */
export const DATE_RE = new RegExp(DATE_SRC, 'giu');

/**
 * A year standing alone ("back in 2019", "the 1990s", "FY2019"): beside records shifted by a secret number of
 * weeks it would date the case to within a year, so with `--shift-dates` it goes too. Not a part of a longer or
 * decimal number, nor an amount after a currency sign; a four-digit time of day ("at 2030") or a plain count in
 * that range is taken for a year.
 */
export const YEAR_RE = new RegExp(
  `(?<![\\p{N}_£$€¥]|\\d[.,])${YEAR4}(?:[/\\u2013-]\\d\\d(?![\\p{N}]))?s?(?![\\p{L}\\p{N}_]|[.,]\\d)|(?<![\\p{L}\\p{N}_'’‘])['’‘]\\d\\ds?(?![\\p{L}\\p{N}_'’‘]|[.,:]\\d)${NOT_QUANTITY}`,
  'gu',
);

/** Words of time before a month named alone ("since February", "last March"). */
const BEFORE_MONTH =
  '(?:in|since|until|till|til|by|from|before|after|during|last|next|this|early|late|mid|of|end\\s+of|start\\s+of|beginning\\s+of|middle\\s+of)';
/**
 * The same in German, French, Spanish and Portuguese ("seit März", "depuis mars", "desde febrero", "em março"); not
 * the ones that are English words too ("no mayo", "no Mars bars", "ate Mars bars": "no" and "ate" for "até").
 */
const FOREIGN_BEFORE_MONTH =
  '(?:seit|im|bis|ab|anfang|ende|mitte|en|depuis|jusqu[\x27’]en|dès|desde|hasta|em|até|durante)';
/** The English months, capitalised as a month is written ("may" and "march" in lower case are verbs). */
const CAPITALISED_MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';

/**
 * April, May and June are given names too: after "from" alone ("a text from May", "a call from April") they name a
 * person as often as a month, and stay; only a range after them makes them a month ("from May to July", "from
 * June onwards"). A day or a year with them is `DATE_RE`'s ("from May 3rd").
 */
const NOT_FROM_A_PERSON = `(?:(?<!(?<![\\p{L}\\p{N}_])from[\\s-]{1,3}(?:April|May|June))|(?=\\s{0,3}[-–]|\\s{1,3}(?:to|till|until|through|onwards?)(?![\\p{L}\\p{N}_])))`;

/** The month that ends a range ("from May to July", "March–April", "from [DATE] to June"). */
const RANGE_END = `(?<=(?:(?<![\\p{L}\\p{N}_])${CAPITALISED_MONTH}|\\[DATE\\])(?:\\s{1,3}(?:to|till|until)\\s{1,3}|\\s{0,3}[-–]\\s{0,3}))${CAPITALISED_MONTH}`;

/**
 * A month named alone after a word of time (`since February`, `in Feb`, `last March`, `seit März`, `desde
 * febrero`): with `--shift-dates` it dates the case to within a month of the shifted records, so it goes too. An
 * English month only capitalised ("in May", not "I may"), after an English word; a foreign one, in lower case or
 * capitalised, after a word of its languages; a month with a day or a year is `DATE_RE`'s.
 */
export const MONTH_ALONE_RE = new RegExp(
  `(?:(?<=(?<![\\p{L}\\p{N}_])${BEFORE_MONTH}[\\s-]{1,3})${CAPITALISED_MONTH}${NOT_FROM_A_PERSON}|${RANGE_END}|(?<=(?<![\\p{L}\\p{N}_])${FOREIGN_BEFORE_MONTH}\\s{1,3})${FOREIGN_MONTH_CASED})(?![\\p{L}\\p{N}_])`,
  'gu',
);

/**
 * A date of birth: the marker (kept, group `marker`), then a date or a year (`1990`, `'90`; replaced). The marker
 * may say "is" or "was" ("her DOB is 12.04.1990", "date of birth was …") and "born on the 3rd of April 1990" its
 * "the": without them the date stayed as written whenever dates were not shifted.
 */
export const BIRTH_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<marker>(?:born(?:\\s+(?:on|in))?(?:\\s+the)?|(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth)(?:\\s+(?:is|was))?)(?:\\s*[:\\-–]\\s*|\\s+|(?<=\\.)))(?:${DATE_SRC}|(?:${YEAR4}|['’‘]\\d\\d)(?![\\p{L}\\p{N}_]))`,
  'giu',
);

/** Whether a match of `DATE_RE` or `BIRTH_RE` is a possible date: day 1–31 and month 1–12, in either order. */
export function validDate(g: Readonly<Record<string, string | undefined>> | undefined): boolean {
  const ok = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  if (g?.['a'] !== undefined) {
    const a = Number(g['a']);
    const b = Number(g['b']);
    return ok(a, b) || ok(b, a);
  }
  if (g?.['im'] !== undefined) return ok(Number(g['id']), Number(g['im']));
  return true;
}

/**
 * The foreign months that are English words too, capitalised, after a bare day number (no `1er`, `14.`, `1º`, no
 * Spanish "de", which are no English) and without a year: "3 Mars bars", "2 Mayo sachets".
 */
const ENGLISH_WORD_MONTH_RE = /^\d{1,2}\s+(?:Mars|MARS|Mayo|MAYO)$/u;
/**
 * What makes "N Mars" or "N Mayo" a count of things, not a date: the chocolate bar, the planet's missions, the
 * sauce's sachets, County Mayo's people, as an English word right after it or joined by a hyphen ("3 Mars bars",
 * "2 Mars-bars", "the 2 Mars rovers", "4 Mayo sachets", "the 15 Mayo players").
 */
const ENGLISH_NOUN_AFTER_RE =
  /^(?:\s{1,3}|-)(?:bars?|rovers?|missions?|landers?|probes?|orbiters?|landings?|colon(?:y|ies)|chocolates?|minis?|bites|multipacks?|ice[\s-]?creams?|sachets?|packets?|jars?|tubs?|pots?|bottles?|squeezes?|dollops?|players?|lads?|men|women|fans|supporters|people|folk|teams?|clubs?|girls?|boys?|guys?)(?![\p{L}\p{N}_])/iu;
/**
 * The Spanish `dic` (diciembre) in lower case after a bare number, before an English word of a picture ("he sent
 * 1 dic pic", "2 dic-pics"): the slang, not a date.
 */
const DIC_RE = /^\d{1,2}\s+dic$/u;
const PICTURE_AFTER_RE =
  /^(?:\s{1,3}|-)(?:pics?|pix|photos?|pictures?|snaps?|selfies?|vids?|videos?|images?)(?![\p{L}\p{N}_])/iu;
/** A French or Spanish word before a day and month, which makes "le 14 Mars" the month as written carelessly. */
const ROMANCE_BEFORE_DAY_RE =
  /(?:^|[^\p{L}\p{N}_])(?:le|du|au|dès|depuis|jusqu['’]au|el|del|desde|hasta|al)\s{1,3}$/iu;

/**
 * "3 Mars bars": a day and a foreign month that is also an English word, capitalised and without a year, is a count
 * of something (`text`: the text the match was found in) only where an English noun of that thing follows it and
 * no French or Spanish word comes before it ("le 14 Mars bars" is still a date). Otherwise it is a date: "14 Mars",
 * "14 Mars il est venu", "14 Mayo fuimos" were left in clear beside shifted records, and a date left there gives the
 * secret shift away, while "I ate 3 Mars" losing its count to `[DATE]` costs the research nothing it is about.
 * "14 mars" in lower case, as French writes it, "1er Mars", "14 de Mayo" and "14 Mars 2024" are dates always. So is
 * "1 dic" but before a word of a picture ("he sent 1 dic pic", `PICTURE_AFTER_RE`).
 */
export function englishWordMonth(m: RegExpExecArray, text: string): boolean {
  const end = m.index + m[0].length;
  const after = text.slice(end, end + 24);
  return (
    ((ENGLISH_WORD_MONTH_RE.test(m[0]) && ENGLISH_NOUN_AFTER_RE.test(after)) ||
      (DIC_RE.test(m[0]) && PICTURE_AFTER_RE.test(after))) &&
    !ROMANCE_BEFORE_DAY_RE.test(text.slice(Math.max(0, m.index - 16), m.index))
  );
}

/** "you may 2…": the verb, not the month (a lower-case "may" and a bare number, no ordinal, no year). */
export function verbMay(match: string): boolean {
  return /^may\s+(?:\d{1,2}|(?:the\s+)?\p{Ll}+)$/u.test(match);
}

/**
 * The content lexicon: plain English phrases per category, as data, so an officer can read exactly what was
 * searched for. It finds what the messages SAY and where, for a person to read in context; it never scores
 * anyone, and a match is not a finding (a negation such as "I would never hurt you" still matches).
 *
 * The case file's `lexicon` adds terms to a category (`"threats": ["…"]`), replaces a category's terms
 * (`"threats": {"terms": ["…"], "replace": true}`), or defines a new category under a new key. Terms use the
 * matching rules of matcher.ts: whole words, case-insensitive, a trailing `*` for word endings.
 */
import type { CaseFile } from '../../model/index.js';

/** One category of the lexicon. */
export interface LexiconCategory {
  readonly id: string;
  readonly label: string;
  readonly terms: readonly string[];
  /**
   * Stock idioms in which this category's terms are not counted (`NOT_THREATS`): a term matched wholly inside one
   * does not count; one elsewhere in the text, one that runs past the idiom or starts before it, and one that holds
   * the whole idiom (a case file's "hurt your feelings") still do (matcher.ts `compileExcept`).
   */
  readonly idioms?: readonly string[];
}

/**
 * Stock English idioms that use the words of a threat but threaten no one, in which the threats category's terms
 * (the built-in ones and any the case file adds or puts in their place) are not counted: "kill them with kindness"
 * matched "kill them", "I didn't mean to hurt your feelings" matched "hurt your", and a case file's broader term
 * ("kill*") would match the others. Only a match wholly inside the idiom is set aside: "kill them with kindness, or
 * I'll kill you" still matches "kill you", "dressed to kill you" (the term runs past the idiom) still matches "kill
 * you", a case file's term that holds a whole idiom ("hurt your feelings") matches it, and "I'll kill them with my
 * bare hands" is no idiom. As a term that starts before an idiom counts, "i'll kill 'em with kindness" and its
 * spellings are idioms of their own (the terms "i'll kill 'em", "i will kill em", … lie inside them). Matched as
 * terms are (whole words, any case, typographic apostrophes folded). Kept short and literal, as every term is: a
 * longer list would hide real threats worded like an idiom.
 */
export const NOT_THREATS: readonly string[] = [
  'kill them with kindness',
  'hurt your feelings',
  'kill em with kindness',
  "kill 'em with kindness",
  "i'll kill em with kindness",
  'i will kill em with kindness',
  "i'll kill 'em with kindness",
  "i will kill 'em with kindness",
  'kill you with kindness',
  'kill u with kindness',
  'kill ya with kindness',
  'kill him with kindness',
  'kill her with kindness',
  'kill everyone with kindness',
  'kill your enemies with kindness',
  'killing it',
  'killed it',
  'dressed to kill',
  'kill time',
  'killing time',
  "you're killing me",
  'you are killing me',
  'my feet are killing me',
  'kill two birds with one stone',
  'could kill for a coffee',
];

/** The built-in lexicon. */
export const BUILT_IN_LEXICON: readonly LexiconCategory[] = [
  {
    id: 'threats',
    label: 'Threats to kill or harm',
    // Each term names whom it threatens. An open-ended "i'll kill" also matched "I'll kill myself", so words about
    // the writer were counted as a threat to others (and under S-DASH Q6) as well as under self-harm. The whole-word
    // rule keeps "kill your" from matching "kill yourself", and "kill them" from "kill themselves". A name is not
    // here ("I'll kill Dave"): the case file adds it ("threats": ["kill dave"]).
    idioms: NOT_THREATS,
    terms: [
      'kill you',
      'kill u',
      'kill ya',
      'kill your',
      'kill ur',
      'kill him',
      'kill her',
      'kill them',
      'kill everyone',
      'kill anyone',
      'kill everybody',
      'kill anybody',
      'kill whoever',
      "kill y'all",
      'kill yall',
      'kill youse',
      // Narrowed to a person: "kill all the lights", "kill this headache", "kill em with kindness", "I'd kill
      // someone for a coffee" are not threats, and the first match dates the category in the findings.
      'kill all of you',
      'kill all of u',
      'kill all of them',
      'kill every last',
      'kill both of you',
      'kill both of them',
      'kill em all',
      'kill em both',
      "kill 'em all",
      "kill 'em both",
      "i'll kill em",
      'i will kill em',
      "i'll kill 'em",
      "i will kill 'em",
      "i'll kill someone",
      'i will kill someone',
      "i'll kill somebody",
      'i will kill somebody',
      'kill this guy',
      'kill that guy',
      "i'll kill the",
      'i will kill the',
      "i'll kill that",
      'i will kill that',
      'hurt you',
      'hurt your',
      'harm you',
      'harm your',
      'beat you',
      'stab you',
      'shoot you',
      'strangle you',
      'set fire to you',
      'set fire to u',
      'burn your',
      'smash your',
      'break your',
      "you're dead",
      'you are dead',
      'dead meat',
    ],
  },
  {
    // Kept apart from threats to kill or harm: "you'll regret this" names no act, and a reader (and S-DASH Q6)
    // should see which kind of words matched before deciding what they amount to.
    id: 'intimidation',
    label: 'Intimidation and veiled threats',
    terms: [
      'watch your back',
      'make you pay',
      'make you regret',
      "you'll regret",
      'you will regret',
      'regret this',
      "you'll be sorry",
      'you will be sorry',
      'see what happens',
      'what happens next',
    ],
  },
  {
    id: 'self-harm',
    label: 'Threats of suicide or self-harm',
    terms: [
      'kill myself',
      'kill my self',
      'end my life',
      'end it all',
      'take my own life',
      'suicide',
      'suicidal',
      "don't want to live",
      'do not want to live',
      'no reason to live',
      'not worth living',
      'hurt myself',
      'harm myself',
      'cut myself',
      'set fire to myself',
      'overdose',
      'better off dead',
      'better off without me',
      "won't be around",
      'not be around much longer',
    ],
  },
  {
    id: 'surveillance',
    label: 'Surveillance or knowledge of whereabouts',
    terms: [
      'i know where you live',
      'know where you live',
      'know where you work',
      'know where you are',
      "know you're home",
      'know you are home',
      "you can't hide",
      'you cannot hide',
      'i saw you',
      'saw you at',
      'saw you with',
      'i see you',
      'watching you',
      "i'm watching",
      'i am watching',
      'your light is on',
      'your lights are on',
      'your new flat',
      'your new place',
      'your new address',
      'where you were',
      'who you were with',
      'who were you with',
      'followed you',
      'outside your',
      "i'm outside",
      'i am outside',
      'i was outside',
      'what you were wearing',
    ],
  },
  {
    id: 'third-parties',
    label: 'Contact with family, friends or workplace',
    terms: [
      'your mum',
      'your mom',
      'your mother',
      'your dad',
      'your father',
      'your parents',
      'your sister',
      'your brother',
      'your family',
      'your kids',
      'your children',
      'your friend',
      'your friends',
      'your boss',
      'your manager',
      'your colleagues',
      'your work',
      'your workplace',
      'your office',
      'your job',
      'your employer',
      'your neighbours',
      'your neighbors',
    ],
  },
  {
    id: 'sexual',
    label: 'Sexual content',
    terms: [
      'sex',
      'sexy',
      'naked',
      'nude',
      'nudes',
      'your body',
      'in bed',
      'sleep with',
      'slept with',
      'sleeping with',
      'rape',
      'porn',
      'photos of you',
      'pictures of you',
      'send me a pic',
    ],
  },
  {
    id: 'abuse',
    label: 'Abuse and insults',
    terms: [
      'bitch',
      'slut',
      'whore',
      'cunt',
      'fuck you',
      'fucking',
      'stupid',
      'idiot',
      'worthless',
      'useless',
      'pathetic',
      'ugly',
      'liar',
      'psycho',
      'disgusting',
      'nobody will ever',
      'no one will ever',
      'nobody else will',
      // Telling the victim to end their life: abuse, not a threat to kill (the words name no act of the writer's).
      'kill yourself',
      'kill urself',
      'kill your self',
      'kys',
    ],
  },
  {
    id: 'property-damage',
    label: 'Damage to property',
    terms: [
      'smashed',
      'scratched',
      'slashed',
      'keyed',
      'vandalised',
      'vandalized',
      'damaged',
      'broke my',
      'broken window',
      'graffiti',
      // What was set on fire is named, as for threats: an open-ended "set fire" also matched "set fire to myself".
      'set fire to my',
      'set fire to your',
      'set fire to his',
      'set fire to her',
      'set fire to their',
      'set fire to our',
      'set fire to the',
      'set fire to a',
      'set fire to it',
      'set fire to ur',
      'set fire to yours',
      'set fire to everything',
    ],
  },
  {
    id: 'violence',
    label: 'Physical violence',
    terms: [
      'hit me',
      'punched',
      'slapped',
      'kicked me',
      'pushed me',
      'grabbed me',
      'choked',
      'strangled',
      'assaulted',
      'attacked me',
    ],
  },
];

/** The built-in lexicon with the case file's additions and replacements applied. */
export function resolveLexicon(custom: CaseFile['lexicon']): {
  categories: { id: string; label: string; terms: string[]; idioms: readonly string[] }[];
  source: 'built-in' | 'built-in+case-file';
} {
  // A category's idioms stay when the case file adds to its terms or replaces them: they are not threats whatever
  // the terms; a category of the case file's own has none.
  const categories = BUILT_IN_LEXICON.map((c) => ({ ...c, terms: [...c.terms], idioms: c.idioms ?? [] }));
  if (!custom || Object.keys(custom).length === 0) return { categories, source: 'built-in' };
  for (const id of Object.keys(custom).sort()) {
    const entry = custom[id]!;
    const terms = Array.isArray(entry) ? entry : entry.terms;
    const replace = !Array.isArray(entry) && entry.replace;
    const existing = categories.find((c) => c.id === id);
    if (existing) existing.terms = replace ? [...terms] : [...new Set([...existing.terms, ...terms])];
    else categories.push({ id, label: id, terms: [...terms], idioms: [] });
  }
  return { categories, source: 'built-in+case-file' };
}

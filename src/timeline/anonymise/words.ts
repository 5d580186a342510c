/**
 * Ordinary English words that are also given names or surnames ("Will", "Hope", "Baker", "Amy Hurt"). As a
 * single name (a part of a full name, or a one-word contact name) such a word is redacted only where it is
 * written capitalised as a name ("Will said", "ask Hope"), not where it is the word ("you will be sorry",
 * "I'm going to hurt you"): redacting the word would take away the very phrases the content analysis counts,
 * and the anonymised report would no longer match the original. For the same reason a capitalised one is kept
 * where a phrase the analysis searches for covers it ("Hurt you?" opening a sentence; redact.ts, `keep`). A
 * full name ("Will Baker") is redacted in any case.
 *
 * The list holds every word of the built-in content lexicon and cease phrases (analysis/escalation; a test
 * keeps them in step) and common words that are names.
 */
const LEXICON_WORDS = `a address again all alone am any anyone are around assaulted at attacked away back be beat
bed better bitch body boss break broke broken brother burn call calling can't cannot children choked colleagues
contact contacting cunt cut dad damaged dead disgusting do don't else employer end ever everyone family father
fire flat followed friend friends from fuck fucking grabbed graffiti happens harassing harm hear her hide him his
hit home hurt i i'll i'm idiot in is it job keyed kicked kids kill know leave liar life light lights live living
longer make manager me meat message messaging mom mother much mum my myself naked neighbors neighbours new next
no nobody not nude nudes of off office on one our outside overdose own parents pathetic pay photos pic pictures
place please porn psycho punched pushed rape reason regret ringing saw scratched see send set sex sexy shoot
sister slapped slashed sleep sleeping slept slut smash smashed sorry stab stay stop strangle strangled stupid
suicidal suicide take text texting that their them this to u ugly ur useless vandalised vandalized want was watch
watching wearing were what where who whore will window with without won't work workplace worth worthless ya you
you'll you're your 'em anybody both em every everybody everything last somebody someone these those whoever y'all
yall yours youse yourself urself self kys`;

const NAME_WORDS = `will bill mark pat sue rob jack frank guy dean ray art bob chase hunter grant miles drew gene
sandy rusty buddy sonny hope faith joy grace rose lily daisy ivy holly heather iris violet ruby pearl amber crystal
dawn summer autumn winter april may june august sky rain storm river brook glen dale hill wood woods field fields
ford lane bell hall king young rich long short strong little small best love sharp bright brown green white black
gray grey baker cook cooper hunt fox page price cross mills wells banks rice bush case stone rock reed rush penny
cherry ginger candy honey melody harmony liberty patience prudence charity mercy destiny trinity angel star sunny
misty jade opal jasper clay flint heath forest wolf hawk crow swan bird drake fisher porter mason taylor turner
walker waters barber butler archer bishop knight sterling major marshall noble frost snow north west south moody
hurt worth lamb kit hazel olive basil sage jay robin wren finch lark raven dove bear buck chip chuck don nick
ward hart bond law gill hay good wise sweet darling blessing precious gift honour honor justice story cash gold
silver steel rivers sands summers winters gale haven hardy moss marsh hood cole dolly mint van`;

/** Lower-case ordinary words that are redacted as single names only where written capitalised. */
export const ORDINARY_WORDS: ReadonlySet<string> = new Set(
  `${LEXICON_WORDS} ${NAME_WORDS}`.split(/\s+/).filter(Boolean),
);

/**
 * Contact-label words that are not names: never redacted on their own (a full name holding one still is). They
 * name a relationship or a place ("Mum", the "Work" of "Priya Work"), and so, with "'s", a street described
 * rather than named ("on mum's street"; streets.ts).
 */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set([
  ...['mum', 'mom', 'mam', 'mummy', 'mommy', 'mother', 'dad', 'daddy', 'father', 'parents', 'family'],
  ...['sister', 'sis', 'brother', 'bro', 'son', 'daughter', 'wife', 'husband', 'hubby', 'partner', 'ex'],
  ...['boyfriend', 'girlfriend', 'nan', 'nana', 'nanna', 'gran', 'granny', 'grandma', 'grandmother'],
  ...['grandad', 'granddad', 'grandpa', 'grandfather', 'aunt', 'auntie', 'aunty', 'uncle', 'cousin'],
  ...['niece', 'nephew', 'friend', 'friends', 'boss', 'manager', 'work', 'office', 'home', 'school'],
  ...['nursery', 'surgery', 'doctor', 'doctors', 'dentist', 'hospital', 'police', 'landlord', 'neighbour'],
  ...['neighbor', 'new', 'old', 'number', 'mobile', 'landline', 'phone', 'unknown', 'private', 'the', 'my'],
  // What a diary's witness column says when no person is named ("None", "Security", "Neighbours").
  ...['none', 'nobody', 'noone', 'security', 'reception', 'staff', 'colleague', 'colleagues', 'neighbours'],
  ...['neighbors', 'witness', 'witnesses', 'officer', 'passerby', 'passer-by', 'me', 'myself', 'self'],
]);

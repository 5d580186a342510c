/**
 * Type of contact → channel and kind. Victims write this column in their own words ("Turned up at work",
 * "Letter through the door", "WhatsApp call"), so matching is by keywords on the folded value, tried in a
 * fixed priority order; the first rule with a matching keyword gives the channel. The order settles the
 * collisions people actually write: "Followed me on Instagram" is Instagram (platforms come before in-person
 * words), "Called round" is a visit (strong in-person phrases come before call words), and "Post" on its own
 * is mail, not a social-media post (UK usage).
 *
 * Contact through other people ("Called my mum", "Rang my work", "Via a friend") is checked first: it becomes
 * channel `other`, kind `other`, flagged `via-third-party`, so that it is counted as conduct but not as a
 * call or message the victim received.
 */
import type { CallStatus, Channel, Kind } from '../../model/index.js';
import { fold, parseTable, phraseRegExp, words } from './fold.js';

/** One rule of the contact-type table: any of `keywords` (whole words, folded) gives `channel`. */
export interface ContactTypeRule {
  readonly channel: Channel;
  /** The kind when no call or media word says otherwise; absent = message for app channels. */
  readonly kind?: Kind;
  readonly keywords: readonly string[];
}

/**
 * The rules as one block, in priority order: `channel[/kind]: keyword | keyword | …`; an indented line
 * continues the rule above. A bare "x" counts as Twitter/X only as the whole value or with a DM word ("Phone
 * call x 3" is three calls, not Twitter).
 */
const RULES_TEXT = `
social: social media | social network | posted | post about | posts about | posting | facebook post |
    instagram post | fb post | public post | comment | comments | commented | tagged | tweet | tweets |
    tweeted | review | blog | forum | website | tiktok | youtube | reddit | soziale medien | beitrag |
    kommentar | redes sociales | publicacion | comentario | reseaux sociaux | publication
whatsapp: whatsapp | whats app
messenger: messenger | facebook | fb
instagram: instagram | insta | ig
telegram: telegram
signal: signal
imessage: imessage | i message
discord: discord
twitter: twitter | x dm | x message | x direct message | on x | via x
email: email | emails | emailed | e mail | e mails | gmail | outlook | hotmail | correo electronico |
    courriel
other/message: snapchat | linkedin | tinder | dating app
in-person/visit: followed | following me | turned up | turns up | showed up | shows up | came round |
    called round | came over | came to | at my door | at the door | doorbell | knocked | waiting |
    waited | visit | visited | approached | in person | face to face | sighting | spotted | drove past |
    drove by | driving past | drive by | parked | loitering | confronted | personlich | besuch |
    verfolgt | aufgetaucht | vor der tur | en persona | visita | me siguio | en personne | suivi
sms: sms | text | texts | texted | texting | text message | picture message | txt | mms | kurznachricht |
    mensaje de texto | texto
call/call: call | calls | called | calling | phone | phoned | rang | ring | rung | voicemail |
    voice mail | facetime | anruf | anrufe | angerufen | telefon | telefonat | llamada | llamadas |
    llamo | appel | appels | appele
post/delivery: letter | letters | card | cards | parcel | package | gift | gifts | present | flowers |
    delivery | delivered | post | mail | left a note | note left | handwritten note |
    note through the door | brief | briefe | paket | geschenk | blumen | carta | paquete | regalo |
    flores | lettre | colis | cadeau | fleurs
in-person/visit: saw | seen | watching | outside | encounter | bumped into | gesehen | vor dem haus |
    lo vi | vu
`;

/** The contact-type table, in priority order. Documented in `chronolog formats` and the README. */
export const DIARY_CONTACT_TYPES: readonly ContactTypeRule[] = parseTable(RULES_TEXT).map(
  ([head, keywords]) => {
    const [channel, kind] = head.split('/') as [Channel, Kind | undefined];
    return kind ? { channel, kind, keywords } : { channel, keywords };
  },
);

/**
 * What makes a contact type indirect: a person close to the victim, the victim's workplace (not for visits:
 * "Turned up at my work" is direct), or a go-between phrase.
 */
export const DIARY_THIRD_PARTY = {
  people: words(`
      mum | mom | mam | mother | dad | father | parents | family | sister | brother | friend | friends |
      boss | manager | employer | colleague | colleagues | coworker | coworkers | neighbour | neighbours |
      neighbor | neighbors | kids | children | son | daughter | partner | husband | wife | boyfriend |
      girlfriend | flatmate | housemate | landlord | mutter | vater | eltern | familie | freund | freundin |
      freunde | chef | kollegen | madre | padre | familia | amigo | amiga | amigos | jefe | mere | pere |
      famille | ami | amie | amis
    `),
  places: words(`
      work | office | workplace | job | school | college | uni | arbeit | arbeitsstelle | trabajo |
      oficina | travail | bureau
    `),
  phrases: words(`
      third party | third parties | via a friend | through a friend | via friends | through friends |
      via family | through family | uber dritte | terceros
    `),
} as const;

// "my" and its German, Spanish and French forms, then at most one word ("my best friend", "my ex boss").
const POSSESSIVE = '(?:^| )(?:my|mein|meine|meinen|meiner|meinem|mi|mis|ma|mon|mes) (?:[a-z]+ )?';
const THIRD_PERSON = new RegExp(`${POSSESSIVE}(?:${DIARY_THIRD_PARTY.people.join('|')})s?(?= |$)`);
const THIRD_PLACE = new RegExp(`${POSSESSIVE}(?:${DIARY_THIRD_PARTY.places.join('|')})(?= |$)`);
const THIRD_PHRASE = phraseRegExp(DIARY_THIRD_PARTY.phrases);

/** Values that are Twitter/X on their own; as a word inside a longer value "x" means "times". */
const X_ALONE = new Set(['x', 'x twitter', 'twitter x']);
const TWITTER: ContactTypeRule = { channel: 'twitter', keywords: ['x'] };

const CALL_WORDS = phraseRegExp(
  words(`
    call | calls | called | calling | rang | phoned | voicemail | voice mail | facetime | video call |
    anruf | anrufe | angerufen | llamada | llamadas | llamo | appel | appels
  `),
);
const MEDIA_WORDS = phraseRegExp(
  words(`
    photo | photos | picture | pictures | pic | pics | image | images | video | videos | voice note |
    voice message | sticker | gif | mms | foto | fotos | bild | bilder | imagen
  `),
);
const CALL_STATUS: readonly [CallStatus, RegExp][] = [
  [
    'voicemail',
    phraseRegExp(
      words(`
      voicemail | voice mail | left a message | mailbox | mensaje de voz | mailbox nachricht
    `),
    ),
  ],
  [
    'missed',
    phraseRegExp(
      words(`
    missed | unanswered | verpasst | verpasster | perdida | perdidas | manque
  `),
    ),
  ],
  ['rejected', phraseRegExp('rejected|declined|abgelehnt|rechazada'.split('|'))],
  ['blocked', phraseRegExp('blocked|blockiert|bloqueada'.split('|'))],
  ['answered', phraseRegExp('answered|spoke|picked up|angenommen|contestada'.split('|'))],
];

const RULES = DIARY_CONTACT_TYPES.map((rule) => ({ rule, re: phraseRegExp(rule.keywords) }));

/** Channel, kind and (for calls, when the value says so) call status of one contact type. */
export interface ContactClass {
  readonly channel: Channel;
  readonly kind: Kind;
  readonly callStatus?: CallStatus;
  /** The subject went through someone else (family, workplace, friends). */
  readonly viaThirdParty?: true;
}

/** Classifies a type-of-contact value; undefined when no rule matches (the caller counts it as unmapped). */
export function classifyContactType(value: string): ContactClass | undefined {
  const folded = fold(value);
  if (folded.length === 0) return undefined;
  const hit = X_ALONE.has(folded) ? TWITTER : RULES.find((r) => r.re.test(folded))?.rule;
  const visit = hit?.channel === 'in-person';
  if (THIRD_PERSON.test(folded) || THIRD_PHRASE.test(folded) || (!visit && THIRD_PLACE.test(folded)))
    return { channel: 'other', kind: 'other', viaThirdParty: true };
  if (!hit) return undefined;
  const { channel } = hit;
  if (channel === 'in-person' || channel === 'post') return { channel, kind: hit.kind ?? 'other' };
  if (channel === 'call' || CALL_WORDS.test(folded)) {
    const status = CALL_STATUS.find(([, re]) => re.test(folded))?.[0];
    return status ? { channel, kind: 'call', callStatus: status } : { channel, kind: 'call' };
  }
  if (MEDIA_WORDS.test(folded)) return { channel, kind: 'media' };
  return { channel, kind: hit.kind ?? 'message' };
}

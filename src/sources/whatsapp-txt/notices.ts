/**
 * What the text after `Name: ` (or after the stamp, for author-less lines) means: a placeholder for media, a
 * deleted message, a call, or a system notice. WhatsApp writes these in the phone's UI language, so each phrase
 * lives in a small per-locale table. The English phrases and the German encryption notice, media and attachment
 * wordings are checked against sample exports; the other German, the Spanish, French, Portuguese and the one
 * Arabic phrase follow public parser tables and are unverified. A phrase missing here fails safe: an unrecognised placeholder or
 * notice stays a message (counted as a contact), it is never dropped.
 */

/** What a message's first line is, beyond ordinary text. */
export const Special = {
  None: 0,
  Media: 1,
  Deleted: 2,
  MissedCall: 3,
  Call: 4,
  Encryption: 5,
  Block: 6,
  Waiting: 7,
} as const;
export type Special = (typeof Special)[keyof typeof Special];

interface LocalePhrases {
  /** Whole-line placeholders for media sent without the file. */
  readonly media: readonly string[];
  /** Placeholders at the end of the line (iOS puts the document's title and page count first). Plain text. */
  readonly mediaSuffix: readonly string[];
  /** Markers anywhere in the first line of a message that carries a file. */
  readonly attached: readonly string[];
  readonly deleted: readonly string[];
  readonly missedCall: readonly string[];
  /** Other call notices; only the exact phrase (optionally followed by `.`/`,` and details) counts. */
  readonly call: readonly string[];
  /** The end-to-end encryption notice, current and older wordings (a prefix is enough). */
  readonly encryption: readonly string[];
  readonly block: readonly string[];
  readonly waiting: readonly string[];
  /** Notices iOS attributes to a contact or the group, recognised only after a leading U+200E. */
  readonly notice: readonly string[];
  /** Verbs that put a notice's actor before the first `: ` (e.g. a quoted group name holding a colon). */
  readonly noticeVerb: readonly string[];
  /**
   * Besides the Android media placeholder, text that shows WhatsApp made a file (detection, `SIGN_PATTERNS`):
   * the words of its encryption notice, and for English its file markers and the end of its iOS placeholders.
   */
  readonly sign: readonly string[];
}

const EN: LocalePhrases = {
  media: [
    '<[Mm]edia omitted>',
    '(?:image|video|audio|GIF|sticker|Contact card|view once (?:photo|video|voice message)) omitted',
  ],
  mediaSuffix: ['document omitted'],
  attached: ['<attached: [^>]*>', '\\(file attached\\)'],
  deleted: ['This message was deleted', 'You deleted this message'],
  // An iPhone writes "Silenced voice call" under the caller's name for an incoming call it did not ring for,
  // with or without why ("Silenced voice call, Focus mode" in a 2025 export published in BeLazy167/ChatLore,
  // backend/test_api.py). WhatsApp's "Silence unknown callers" setting silences calls from numbers not in the
  // contacts the same way (the reason it writes then is not seen in an export). No one answered it: a missed
  // call. "Silenced video call" is the notice for a video call as public parsers' tables list it (unverified
  // against an export).
  missedCall: ['Missed (?:group )?(?:voice|video) call', 'Silenced (?:voice|video) call'],
  call: ['(?:Group )?(?:[Vv]oice|[Vv]ideo) call'],
  encryption: [
    'Messages and calls are end-to-end encrypted',
    'Messages (?:to this|you send to this) (?:group|chat)(?: and calls)? are now secured with end-to-end encryption',
  ],
  block: ['You blocked this contact', 'You unblocked this contact'],
  waiting: ['Waiting for this message'],
  notice: [
    '.+ created (?:group|this group)',
    '.+ (?:added|removed) .+',
    '.+ left',
    ".+ joined using this group's invite link",
    ".+ changed (?:the subject|the group name|this group's icon|the group description|their phone number|to |the settings|the group settings)",
    ".+ deleted this group's icon",
    "You(?:'re| are) (?:now|no longer) an admin",
    'Your security code with .+ changed',
    ".+'s security code changed",
    'You were added',
    '.+ turned (?:on|off) disappearing messages',
    '.+ pinned a message',
  ],
  noticeVerb: [
    '(?:created group|created this group|added|removed|left|changed|joined using|deleted this group|pinned a message|turned (?:on|off) disappearing)',
  ],
  sign: ['end-to-end encrypted', '<attached: ', ' omitted$', '\\(file attached\\)'],
};

const DE: LocalePhrases = {
  media: ['<Medien ausgeschlossen>', '(?:Bild|Video|Audio|GIF|Sticker|Kontaktkarte) weggelassen'],
  mediaSuffix: ['Dokument weggelassen'],
  attached: ['<Anhang: [^>]*>', '\\(Datei angehängt\\)'],
  deleted: ['Diese Nachricht wurde gelöscht', 'Du hast diese Nachricht gelöscht'],
  missedCall: ['Verpasster (?:Gruppen)?(?:[Ss]prach|[Vv]ideo)anruf'],
  call: ['(?:Gruppen)?(?:[Ss]prach|[Vv]ideo)anruf'],
  encryption: [
    'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt',
    'Nachrichten, die du .* sendest, .*Ende-zu-Ende-Verschlüsselung geschützt',
  ],
  block: ['Du hast diesen Kontakt (?:blockiert|freigegeben)'],
  waiting: ['Warten auf diese Nachricht'],
  notice: [
    '.+ (?:hat|hast) .*(?:erstellt|hinzugefügt|entfernt|geändert|verlassen)',
    'Du bist jetzt (?:ein )?Admin',
    'Deine Sicherheitsnummer für .+ hat sich geändert',
    '.+ hat zu .+ gewechselt',
  ],
  noticeVerb: ['(?:hat|hast)'],
  sign: ['Ende-zu-Ende'],
};

const ES: LocalePhrases = {
  media: ['<Multimedia omitido>', '(?:imagen|video|audio|sticker|GIF|documento) omitid[oa]'],
  mediaSuffix: ['documento omitido'],
  attached: ['<adjunto: [^>]*>', '\\(archivo adjunto\\)'],
  deleted: ['Se eliminó este mensaje', 'Eliminaste este mensaje'],
  missedCall: ['Llamada (?:de voz )?perdida', 'Videollamada perdida'],
  call: ['Llamada de voz', 'Videollamada'],
  encryption: [
    'Los mensajes y las llamadas están cifrados de extremo a extremo',
    'Los mensajes .*cifrado de extremo a extremo',
  ],
  block: ['(?:Bloqueaste|Desbloqueaste) a este contacto'],
  waiting: ['Esperando (?:este|el) mensaje'],
  notice: [
    '.+ creó (?:el|este) grupo',
    '.+ (?:añadió|eliminó|expulsó) a .+',
    '.+ salió del grupo',
    '.+ cambió .+',
    'Ahora eres admin',
    'Tu código de seguridad con .+ cambió',
  ],
  noticeVerb: ['(?:creó|añadió|eliminó|cambió|salió|se unió)'],
  sign: ['extremo a extremo'],
};

// French and Portuguese (Brazil): the Android media placeholder, the deletion notices, the file marker, missed
// calls and the encryption notice, as public parsers' tables and tests write them (unverified against exports);
// their iOS placeholders and notices stay messages.
const FR: LocalePhrases = {
  media: ['<Médias omis>'],
  mediaSuffix: [],
  attached: ['\\(fichier joint\\)'],
  deleted: ['Ce message a été supprimé', 'Vous avez supprimé ce message'],
  missedCall: ['Appel (?:vocal|vidéo) manqué'],
  call: [],
  encryption: ['Les messages et les appels sont chiffrés de bout en bout'],
  block: [],
  waiting: [],
  notice: [],
  noticeVerb: [],
  sign: ['de bout en bout'],
};

const PT: LocalePhrases = {
  media: ['<Mídia oculta>'],
  mediaSuffix: [],
  attached: ['\\(arquivo anexado\\)'],
  deleted: ['Esta mensagem foi apagada', 'Você apagou esta mensagem'],
  missedCall: ['Chamada de (?:voz|vídeo) perdida'],
  call: [],
  encryption: ['As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta'],
  block: [],
  waiting: [],
  notice: [],
  noticeVerb: [],
  sign: ['ponta a ponta'],
};

// Arabic: only the Android media placeholder, from a public parser's table (chat-analytics), unverified. Android
// notices need no phrase (they have no author); Arabic call, deletion and iOS notices stay messages.
const AR: LocalePhrases = {
  media: ['<تم استبعاد الوسائط>'],
  mediaSuffix: [],
  attached: [],
  deleted: [],
  missedCall: [],
  call: [],
  encryption: [],
  block: [],
  waiting: [],
  notice: [],
  noticeVerb: [],
  sign: [],
};

const LOCALES = [EN, DE, ES, FR, PT, AR];

function alt(pick: (l: LocalePhrases) => readonly string[]): string {
  return LOCALES.flatMap(pick).join('|');
}

// One anchored regex for the common case: a plain message fails at its first characters.
const SPECIAL_RE = new RegExp(
  `^(?:(${alt((l) => l.media)})\\s*$|(${alt((l) => l.deleted)})(?:$|[. ])|(${alt((l) => l.missedCall)})(?:$|[.,])|` +
    `(${alt((l) => l.call)})(?:$|[.,])|(${alt((l) => l.encryption)})|(${alt((l) => l.block)})(?:$|[.,])|` +
    `(${alt((l) => l.waiting)})(?:$|[.,]))`,
);
/** The patterns of file markers, anywhere in a first line (ATTACHED_RE). */
export const ATTACHED_PATTERNS: readonly string[] = LOCALES.flatMap((l) => l.attached);
const ATTACHED_RE = new RegExp(ATTACHED_PATTERNS.join('|'));
/**
 * Text that shows WhatsApp made a file, for detection of the layouts other apps write too (index.ts): regex
 * sources, matched anywhere in what detection reads of the file, without regard to case. The Android media
 * placeholder is a sign only in English, French and Portuguese, as detection has always taken it: the German,
 * Spanish and Arabic ones would claim files it now leaves unread, a change of its own.
 */
export const SIGN_PATTERNS: readonly string[] = [
  ...LOCALES.flatMap((l) => l.sign),
  ...[EN, FR, PT].map((l) => l.media[0]!),
];
/** Placeholders that end a first line (plain text). */
export const MEDIA_SUFFIXES: readonly string[] = LOCALES.flatMap((l) => l.mediaSuffix);
/** The patterns SPECIAL_RE matches at the start of a first line. */
export const START_PATTERNS: readonly string[] = LOCALES.flatMap((l) => [
  ...l.media,
  ...l.deleted,
  ...l.missedCall,
  ...l.call,
  ...l.encryption,
  ...l.block,
  ...l.waiting,
]);
// Most messages are ordinary text: a table lookup on the first character spares them the regex.
const SPECIAL_FIRST = firstCharTable(START_PATTERNS);
/**
 * A first line is looked at for file markers only when it starts with "<" (iOS) or ends with ">", ")" or the
 * last character of a document placeholder.
 */
export const MARKER_FIRST = 0x3c;
export const MARKER_LAST: readonly number[] = [
  0x3e,
  0x29,
  ...MEDIA_SUFFIXES.map((x) => x.charCodeAt(x.length - 1)),
];
const SUFFIX_LAST = new Set(MARKER_LAST);

/**
 * Which characters can start a match of the given pattern sources, as a lookup table over the Basic
 * Multilingual Plane. Understands what the phrase tables use — literals, `\x`, `[..]`, `(?:a|b)` and
 * `(?:..)?` — and throws on anything else, so a new phrase cannot silently slip past the filter.
 */
export function firstCharTable(sources: readonly string[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  const visit = (src: string): void => {
    let i = 0;
    for (;;) {
      const c = src[i];
      if (c === undefined) throw new Error(`pattern can match empty text: ${src}`);
      if (src.startsWith('(?:', i)) {
        let depth = 0;
        let j = i;
        const alts: string[] = [];
        let from = i + 3;
        for (; j < src.length; j++) {
          if (src[j] === '\\') j++;
          else if (src[j] === '(') depth++;
          else if (src[j] === ')' && --depth === 0) break;
          else if (src[j] === '|' && depth === 1) {
            alts.push(src.slice(from, j));
            from = j + 1;
          }
        }
        alts.push(src.slice(from, j));
        for (const a of alts) visit(a);
        if (src[j + 1] !== '?') return;
        i = j + 2; // an optional group: what follows it can start the match too
      } else if (c === '[') {
        const end = src.indexOf(']', i);
        for (const ch of src.slice(i + 1, end)) table[ch.charCodeAt(0)] = 1;
        return;
      } else if (c === '\\') {
        table[src.charCodeAt(i + 1)] = 1;
        return;
      } else if ('.^$*+?{|)'.includes(c)) {
        throw new Error(`cannot tell how this pattern starts: ${src}`);
      } else {
        table[src.charCodeAt(i)] = 1;
        return;
      }
    }
  };
  for (const src of sources) visit(src);
  return table;
}
const NOTICE_RE = new RegExp(`^(?:${alt((l) => l.notice)})`);
const NOTICE_AUTHOR_RE = new RegExp(`["“”„«»]| (?:${alt((l) => l.noticeVerb)})(?: |$)`);

// Placeholders and notices are short. Longer text is ordinary writing, and is not run through the patterns:
// it is written by the person being reported, and some patterns backtrack on long crafted input.
export const MAX_NOTICE = 400;

/** Classifies the first line of a message (leading marks already removed). */
export function classify(firstLine: string): Special {
  if (firstLine.length > MAX_NOTICE || firstLine.length === 0) return Special.None;
  const first = firstLine.charCodeAt(0);
  if (SPECIAL_FIRST[first] === 1) {
    const m = SPECIAL_RE.exec(firstLine);
    if (m !== null) {
      for (let g = 1; g <= 7; g++) if (m[g] !== undefined) return g as Special;
    }
  }
  // File markers open the line (iOS), or close it after a document title (iOS) or file name (Android).
  const last = firstLine.charCodeAt(firstLine.length - 1);
  if (first !== MARKER_FIRST && !SUFFIX_LAST.has(last)) return Special.None;
  for (const suffix of MEDIA_SUFFIXES) if (firstLine.endsWith(suffix)) return Special.Media;
  return ATTACHED_RE.test(firstLine) ? Special.Media : Special.None;
}

/** What a call notice says beyond its kind: how long the call lasted (seconds), and whether it was a group call. */
export interface CallDetail {
  readonly durationSec: number | undefined;
  readonly group: boolean;
}

// An iPhone writes a call that took place as the phrase, a comma and its length in whole units, with U+200E before
// the length: "Voice call, \u200e4 min", "Voice call, 9 sec" (a 2025 export published in BeLazy167/ChatLore,
// backend/test_api.py, which also has "Voice call, No answer": a call the exporter placed that no one took, with no
// length). Hours ("1 hr", alone or before minutes) and a group call's attendance after " • " ("Voice call, 28 min •
// 4 joined") are as public parsers and write-ups quote them, unverified against an export. Only the English
// wording is read: no export in another language with a call's length has been seen.
const CALL_DETAIL_RE =
  /^(?:Group )?(?:[Vv]oice|[Vv]ideo) call, (?:(\d{1,3}) hr)? ?(?:(\d{1,4}) min)? ?(?:(\d{1,5}) sec)?(?: • \d{1,4} joined)?$/;
const GROUP_CALL_RE = /^Group |^Gruppen| • \d{1,4} joined$/;
const BIDI_MARKS_RE = /[\u200e\u200f]/g;

/**
 * The length and group mark of a call notice (a first line `classify` found `Special.Call`); the length is
 * undefined where the notice gives none ("Voice call", "Voice call, No answer", a German "Sprachanruf").
 */
export function callDetail(firstLine: string): CallDetail {
  if (firstLine.length > MAX_NOTICE) return { durationSec: undefined, group: false };
  const line = firstLine.replace(BIDI_MARKS_RE, '');
  const m = CALL_DETAIL_RE.exec(line);
  const group = GROUP_CALL_RE.test(line);
  if (m === null || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) {
    return { durationSec: undefined, group };
  }
  const durationSec = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return { durationSec, group };
}

/** True when text that followed `Name: \u200e` is a system notice rather than something the contact wrote. */
export function isAttributedNotice(text: string): boolean {
  return text.length <= MAX_NOTICE && NOTICE_RE.test(text);
}

/**
 * True when the text before the first `: ` is a notice's actor and verb (`Alice changed the subject from "a"
 * to "b: c"`), not a name: names do not hold quotes or these verbs.
 */
export function looksLikeNoticeAuthor(author: string): boolean {
  return NOTICE_AUTHOR_RE.test(author);
}

/**
 * Recognising a diary's header row: which column is the date, the time, the type of contact and so on, in
 * English plus German, Spanish and French basics, and which delimiter the file uses. The table is data so
 * `chronolog formats` and the README can show exactly what is recognised.
 */
import { fold, lowerPlain, parseTable } from './fold.js';

/** The columns a diary may have, by their stable key (also the key under `details` where one is kept). */
export type DiaryField =
  | 'date'
  | 'time'
  | 'end_time'
  | 'contact_type'
  | 'description'
  | 'location'
  | 'witnesses'
  | 'evidence'
  | 'effect'
  | 'reported'
  | 'police_ref'
  | 'officer'
  | 'recorded_at'
  | 'who'
  | 'identifier';

/** One recognised column: its key, what it is used for, and the header texts that name it. */
export interface DiaryColumn {
  readonly field: DiaryField;
  readonly use: string;
  /** Compared after folding (case, accents, punctuation; "(…)" remarks and "(s)" ignored; "#" reads "no"). */
  readonly headers: readonly string[];
}

/** What each column is used for (shown by `chronolog formats`). */
const USES: Record<DiaryField, string> = {
  date: 'date of the incident (required); may also hold the time',
  time: 'time of day, exact or approximate',
  end_time: 'end of a long incident (kept as a detail)',
  contact_type: 'type of contact → channel and kind (see DIARY_CONTACT_TYPES)',
  description: 'what happened: the event text',
  location: 'where it happened',
  witnesses: 'who saw it',
  evidence: 'evidence kept (screenshots, photos, call logs)',
  effect: 'how it made the victim feel',
  reported: 'reported to police (Y/N, ja/nein… read as yes/no)',
  police_ref: 'crime reference / report / incident number',
  officer: 'officer name and badge / collar number',
  recorded_at: 'when the entry was written (contemporaneity); kept as written',
  who: 'who did it, as a name; matched against the case file',
  identifier: 'number, address or account used; matched against the case file',
};

/**
 * The header synonym table. A header matches a synonym exactly; a synonym marked with a trailing `*` also
 * matches the start of a longer header ("Witness Name(s) and phone" → witnesses). Only distinctive words
 * carry the star, so "Date reported" is not taken for the incident date and "Number of calls" not for a phone
 * number. The longest match wins; when two columns name the same field, the first is used and the other kept
 * as a detail.
 */
const HEADERS_TEXT = `
date: date | date of incident | incident date | date of contact | date occurred | date and time |
    date time | datetime | when | datum | datum des vorfalls | datum und uhrzeit | datum uhrzeit |
    zeitpunkt | wann | fecha | fecha del incidente | fecha y hora | cuando | date de l incident |
    date et heure | quand
time: time | time of incident | incident time | time of day | approx time | approximate time |
    start time | time started | uhrzeit | zeit | hora | heure
end_time: until | to | end | end time | time ended | finish | bis | hasta | fin | heure de fin
contact_type: type | type of contact | contact type | type of incident | incident type | method* |
    method of contact | how | how contacted | how did they contact you | what | kind | category |
    channel | medium | art | art des kontakts | kontaktart | kontaktweg | tipo | tipo de contacto |
    medio | type de contact | moyen
description: what happened* | description* | description of incident | incident description |
    brief description* | details | incident details | incident | summary | narrative | notes |
    beschreibung* | was ist passiert | was ist geschehen | vorfall | schilderung | descripcion |
    que paso | lo que paso | description de l incident | ce qui s est passe
location: location* | location of incident | incident location | place | where | where it happened |
    venue | ort | tatort | wo | lugar | donde | lieu
witnesses: witness* | witnesses* | witness names* | witness name* | who was present | zeuge | zeugen |
    zeugin | testigo | testigos | temoin | temoins
evidence: evidence* | evidence kept | screenshot | screenshots* | attachments | photo ref | proof |
    beweis | beweise | beweismittel | prueba | pruebas | evidencia | preuve | preuves
effect: how it made me feel* | how i felt | how did you feel | how you felt | how did it make you feel |
    impact* | impact on me | effect | effect on me | emotional effect | feelings* | feeling | auswirkung |
    auswirkungen | gefuhle | wie ich mich gefuhlt habe | como me senti | sentimientos | impacto |
    ressenti
reported: reported | reported to police* | police called* | police informed | police contacted | police |
    anzeige erstattet | anzeige | polizei informiert | polizei gerufen | gemeldet | denunciado |
    policia llamada | llame a la policia | plainte deposee | police appelee
police_ref: crime reference* | crime reference number | crime ref* | crime ref no | crime number |
    crime no | reference | reference number | ref | ref no | report no | report number | police report* |
    police report no | police report number | police reference | incident number | incident no |
    incident ref | cad | cad number | cad no | log number | case number | case no | aktenzeichen |
    vorgangsnummer | numero de denuncia | numero de atestado | numero de plainte
officer: officer* | officer name* | officer in charge | officer in case | oic | collar number |
    collar no | badge | badge number | police officer | beamter | beamtin | sachbearbeiter | agente |
    oficial | agent
recorded_at: date this entry was written | date entry written | date entry made | date written |
    entry written | entry made | entry date | date of entry | date recorded | date logged | recorded |
    recorded on | written on | eingetragen am | notiert am | fecha de registro | date de saisie
who: who | who was it | person | person involved | perpetrator | offender | suspect | stalker | name |
    by whom | wer | tater | quien | agresor | auteur
identifier: number | phone number | number used | account | account used | handle | username | user name |
    email address | sender | caller | caller id | nummer | telefonnummer | absender | numero | cuenta |
    usuario
`;

/** The header synonym table as data, in the order above. */
export const DIARY_COLUMNS: readonly DiaryColumn[] = parseTable(HEADERS_TEXT).map(([field, headers]) => ({
  field: field as DiaryField,
  use: USES[field as DiaryField],
  headers,
}));

const SYNONYMS = new Map<string, { field: DiaryField; prefix: boolean }>();
for (const col of DIARY_COLUMNS)
  for (const h of col.headers) {
    const key = fold(h);
    if (!SYNONYMS.has(key)) SYNONYMS.set(key, { field: col.field, prefix: h.endsWith('*') });
  }

/** Folds a header cell for matching: remarks in brackets go, "(s)" plurals and "#" for "number" are read. */
export function foldHeader(cell: string): string {
  const plain = lowerPlain(cell).replace(/\(s\)/g, 's').replace(/#/g, ' no ').replace(/&/g, ' and ');
  const withoutRemarks = fold(plain.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  return withoutRemarks.length > 0 ? withoutRemarks : fold(plain);
}

/**
 * Whether some column name folds to words that start with a digit. None does, so a cell that starts with one (a
 * date, a time) names no column, which `fieldOf` can tell without folding it: every row's Date cell is asked
 * whether it is a header again (layout.ts), and folding each cost more than reading its date.
 */
const DIGIT_FIRST = [...SYNONYMS.keys()].some((key) => /^\d/.test(key));

/** The field one header cell names, or undefined. Cost is linear in the header's length. */
export function fieldOf(cell: string): DiaryField | undefined {
  // Folding keeps a leading digit first: the spaces before it go, and nothing before it can be a remark in brackets.
  if (!DIGIT_FIRST && /^\s*\d/.test(cell)) return undefined;
  const words = foldHeader(cell).split(' ');
  for (let n = Math.min(words.length, 8); n >= 1; n--) {
    const hit = SYNONYMS.get(words.slice(0, n).join(' '));
    if (hit && (n === words.length || hit.prefix)) return hit.field;
  }
  return undefined;
}

/**
 * Per column: the field it fills, or undefined for a column kept only as a detail. First one wins, except that a
 * column headed "What" gives the type of contact up to another column that names it.
 */
export function mapHeader(cells: readonly string[]): (DiaryField | undefined)[] {
  const fields = cells.map(fieldOf);
  // "What" is a type-of-contact name only for want of a better one: beside a column that is the type of contact
  // ("Date,Time,What,Type of contact"), in either order, it is what happened, the description, unless the header
  // has a description column too (then it is a detail, as any second column of a field).
  const what = cells.findIndex((cell) => foldHeader(cell) === 'what');
  if (what >= 0 && fields.some((f, i) => i !== what && f === 'contact_type'))
    fields[what] = fields.includes('description') ? undefined : 'description';
  const taken = new Set<DiaryField>();
  return fields.map((field) => {
    if (field === undefined || taken.has(field)) return undefined;
    taken.add(field);
    return field;
  });
}

/** Splits one line at `delimiter`, honouring double quotes. Good enough for a header; rows use csv-parse. */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Every Date synonym contains one of these words (a test keeps it so). */
export const DATE_HINT = /date|datum|fecha|when|wann|cuando|quand|zeitpunkt/;

/** What a header line says: the delimiter and the field of every column. */
export interface HeaderLayout {
  readonly delimiter: string;
  readonly cells: readonly string[];
  readonly fields: readonly (DiaryField | undefined)[];
}

/**
 * Picks the delimiter under which the header names the most known columns, a Date among them (or uses the one
 * an Excel `sep=` line forced). Counting known names rather than delimiter characters copes with headers such
 * as "Date;Time;Officer name, badge".
 */
export function readHeaderLine(line: string, forced?: string): HeaderLayout | undefined {
  // Detection runs on every unrecognised file; a line naming no date at all is turned away before splitting it.
  if (!DATE_HINT.test(lowerPlain(line))) return undefined;
  let best: (HeaderLayout & { score: number }) | undefined;
  for (const delimiter of forced ? [forced] : DELIMITERS) {
    if (!line.includes(delimiter) && delimiter !== ',' && delimiter !== forced) continue;
    const cells = splitLine(line, delimiter);
    const fields = mapHeader(cells);
    if (!fields.includes('date')) continue;
    const score = fields.filter((f) => f !== undefined).length;
    if (!best || score > best.score || (score === best.score && cells.length > best.cells.length))
      best = { delimiter, cells, fields, score };
  }
  return best && { delimiter: best.delimiter, cells: best.cells, fields: best.fields };
}

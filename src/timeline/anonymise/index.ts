/**
 * Research mode: turns one case into chronolog's anonymised JSONL (documented in src/sources/chronolog-jsonl.ts,
 * which reads it back). Pure: the CLI reads the key and writes the files.
 *
 * One file per original input, in the original order (`input-001.jsonl`, …), because the analysis works per
 * input: a file's first and last records give the days it covers, and a diary covers nothing. Each file carries
 * its input's format id, every record of the original input (kept, duplicate, skipped, rejected) and its
 * de-duplication identity, so the report of the anonymised case has the same counts, coverage and statistics.
 * Senders become keyed pseudonyms of their normalised identifier; roles, channels, kinds, directions, calls,
 * precision and flags are kept (with the dates shifted, not the flags only the original date explains, such as
 * its clock changes: rows.ts, `shifter`); the names the details hold (e-mail Cc, diary witnesses…) and the
 * inputs name outside their records (a Messenger thread's silent participants) are redacted in texts and
 * milestone labels like the senders', and so are the case's own lexicon and cease phrases, which the copy's case file keeps so
 * that its content figures match. Dropped on purpose: file names, hashes, locators, native ids and `details`
 * (opaque protocol fields have leaked names before, e.g. MMS `tr_id`), and the case title.
 */
import { isLexiconCategoryName } from '../../model/case-file.js';
import type { InputSummary, Milestone, ResolvedCase, TimelineEvent } from '../../model/index.js';
import { subjectIsEveryoneElse } from '../../model/subject.js';
import { WITHHELD_FLAG } from '../../model/vocabulary.js';
import { CopyClasses } from '../dedupe.js';
import { caseIdentifierKeys, guessTypes, typedKey } from '../identities.js';
import type { Zone } from '../zone.js';
import { bareIdentifier, nameVariants } from './name-parts.js';
import { detailNames } from './names.js';
import { PSEUDONYM_SCHEME, type Pseudonymiser } from './pseudonym.js';
import { type NameTerm, type RedactionType, Redactor } from './redact.js';
import {
  type AnonRow,
  type AnonStub,
  inputName,
  shiftDate,
  shifter,
  shiftMilestoneDate,
  stubsOf,
} from './rows.js';

export { MIN_KEY_BYTES, PSEUDONYM_SCHEME, Pseudonymiser } from './pseudonym.js';
export { type RedactionType, Redactor, STREET_WORDS } from './redact.js';
export type { AnonRow, AnonStub } from './rows.js';
export { EVERYDAY_WORDS, ORDINARY_WORDS } from './words.js';

/** The first line of every anonymised file; `format` is what the chronolog-jsonl sources detect. */
export const ANON_FORMAT = 'chronolog-anonymised-timeline';
/**
 * Version 3: one file per original input, with stubs and de-duplication identities; `textLength` is the length of
 * the text as written in the file (redacted), null when the text is dropped. Version 2 had the same layout but the
 * original text's length, also with the text dropped; version 1 one file per case. The number changed with the
 * meaning of `textLength`, so that a study merging files of both can tell them apart.
 */
export const ANON_VERSION = 3;

export interface AnonymiseOptions {
  readonly shiftDates: boolean;
  readonly dropText: boolean;
  /** Names the case for the date shift (the folder name in batch use). */
  readonly caseId: string;
  /**
   * The phrases the analysis searches texts for when the case has none of its own (the built-in lexicon and
   * cease phrases): name parts that are ordinary words are kept inside them (redact.ts, `keep`).
   */
  readonly searchedPhrases?: readonly string[];
}

/** The placeholder of a person in text: `[NAME:` and the first five characters of their pseudonym `]`. */
function nameToken(p: Pseudonymiser, key: string): string {
  return `[NAME:${p.of(key).slice(0, 5)}]`;
}

/** Every name and identifier in the case and the timeline, with the placeholder that replaces it in text. */
function nameTerms(
  events: readonly TimelineEvent[],
  people: Iterable<string>,
  c: ResolvedCase,
  p: Pseudonymiser,
): NameTerm[] {
  const terms: NameTerm[] = [];
  // `name`: a person's name, whose hyphens join its parts; else an identifier (`user-12345` is one).
  const add = (raw: string, key: string | undefined, name: boolean) => {
    if (!key) return;
    const placeholder = nameToken(p, key);
    for (const term of [raw.trim(), ...nameVariants(raw, name)]) terms.push({ term, placeholder });
  };
  // A handle without its `@`, an address's user part without its domain: only the case's people's (name-parts.ts).
  const addBare = (id: string, key: string | undefined) => {
    if (key) for (const term of bareIdentifier(id)) terms.push({ term, placeholder: nameToken(p, key) });
  };
  const seen = new Set<string>();
  for (const e of events) {
    const s = e.sender;
    if (!s) continue;
    const id = `${s.id ?? ''}\u0000${s.name ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (s.id !== undefined) add(s.id, e.senderKey, s.idType === 'name');
    if (s.id !== undefined && (e.role === 'subject' || e.role === 'victim')) addBare(s.id, e.senderKey);
    if (s.name !== undefined) add(s.name, typedKey(s.name, 'name', undefined) ?? e.senderKey, true);
  }
  // Other people the timeline names (e-mail Cc/To, diary witnesses and officers, forwards) and the inputs name
  // outside their records (a Messenger thread's participants, a Telegram chat's or Discord DM's other person,
  // who may never send or react): redacted alike.
  const named = new Set<string>();
  for (const e of events) for (const name of detailNames(e.details)) named.add(name);
  for (const name of people) if (/\p{L}/u.test(name)) named.add(name.trim());
  for (const name of named) add(name, typedKey(name, 'name', undefined), true);
  for (const person of [c.subject, c.victim]) {
    if (person.name) add(person.name, typedKey(person.name, 'name', undefined), true);
    for (const id of person.identifiers) {
      const key = caseIdentifierKeys(id, c.region)[0];
      add(id.replace(/^(tel:|mailto:|id:|name:)/i, ''), key, key?.startsWith('name:') === true);
      addBare(id, key);
    }
  }
  return terms;
}

/** What `anonymiseCase` reads: the case's timeline and, per original input, its accounting and duplicates. */
export interface AnonymiseInput {
  /** Kept events in timeline order. */
  readonly events: readonly TimelineEvent[];
  /** The original inputs, in their order (sorted path); their accounting is carried over. */
  readonly inputs: readonly InputSummary[];
  /**
   * duplicates[k]: the events of input k that duplicated records of earlier inputs (dropped from `events`), in the
   * order input k holds them, so that the copy's report locates the same ones (`duplicatesAt`); their own `input`
   * field is not read.
   */
  readonly duplicates: readonly (readonly TimelineEvent[])[];
  /** handKept[k]: input k is hand-kept (a diary): it is read back by a source the analysis treats alike. */
  readonly handKept: readonly boolean[];
  /** The people the inputs name outside their records (`Ingested.people`: a Messenger thread's participants…). */
  readonly people: Iterable<string>;
  readonly zone: Zone;
}

/** One anonymised input: `name`.jsonl holds the header, then `lines`. */
export interface AnonFile {
  readonly name: string;
  readonly header: Record<string, unknown>;
  /**
   * Duplicate rows first (in the order the original input holds them, as `duplicates` gives them), then kept rows in
   * timeline order, then one stub per skipped or rejected record.
   */
  readonly lines: (AnonRow | AnonStub)[];
  /** The original input's accounting and format, for the manifest. */
  readonly accounting: Record<string, unknown>;
}

export interface AnonymisedCase {
  readonly files: AnonFile[];
  /** A case file with pseudonymised identifiers (and shifted dates when asked). */
  readonly caseFile: Record<string, unknown>;
  readonly counts: { events: number; senders: number; redactions: Record<RedactionType, number> };
}

/** Anonymises one case: one file per original input, in the original order. */
export function anonymiseCase(
  input: AnonymiseInput,
  c: ResolvedCase,
  p: Pseudonymiser,
  opts: AnonymiseOptions,
): AnonymisedCase {
  const { events, inputs, zone } = input;
  const perInput: TimelineEvent[][] = inputs.map(() => []);
  for (const e of events) perInput[e.input]!.push(e);
  const everything = [...events, ...input.duplicates.flat()];
  const redactor = new Redactor(nameTerms(everything, input.people, c, p), c.region, {
    shiftedDates: opts.shiftDates,
    nameToken: (name) => nameToken(p, typedKey(name, 'name', undefined) ?? 'name:'),
    keep: [
      ...(opts.searchedPhrases ?? []),
      ...(c.ceasePhrases ?? []),
      ...Object.values(c.lexicon ?? {}).flatMap((v) => (Array.isArray(v) ? v : v.terms)),
    ],
  });
  const weeks = opts.shiftDates ? p.shiftWeeks(opts.caseId) : 0;
  const shift = shifter(zone, weeks);
  const senders = new Set<string>();
  const classes = new Map<string, number>();
  // `handKept`: the event's input is a diary (a duplicate's own `input` field is not read, so it is passed).
  const row = (e: TimelineEvent, handKept: boolean): AnonRow => {
    // A caller the phone did not get is named by the export's fixed label ("Withheld number", "Payphone"), which
    // names nobody: kept as it is, so the copy's report counts those calls as the original's does, instead of one
    // pseudonym that every case of a study key would share as if it were one caller.
    const withheld = e.flags?.includes(WITHHELD_FLAG) === true && e.sender?.id === undefined;
    const sender =
      e.senderKey === undefined ? null : withheld && e.sender?.name ? e.sender.name : p.of(e.senderKey);
    if (sender && !withheld) senders.add(sender);
    // A diary's texts are its writer's own and tell its records apart, as they do for de-duplication.
    const fp = copyClasses.of(e, handKept);
    let dedupe = classes.get(fp);
    if (dedupe === undefined) {
      dedupe = classes.size + 1;
      classes.set(fp, dedupe);
    }
    // With the dates shifted, the flags of the original date's clock changes go and the shifted date's come.
    const at = shift(e.ms, e.flags ?? []);
    return {
      utc: new Date(at.ms).toISOString(),
      precision: e.precision,
      channel: e.channel,
      kind: e.kind,
      direction: e.direction,
      sender,
      role: e.role ?? null,
      call: e.call ?? null,
      conversation: e.conversation === undefined ? null : p.of(`conversation:${e.conversation}`),
      ...textAndLength(e.text, opts.dropText, redactor),
      flags: at.flags,
      dedupe,
    };
  };
  // Classes are numbered by the keys de-duplication compares copies by, which depend on every copy's precision,
  // on which channels hold records without ids, and on whether a subject is named (its senders are then compared
  // as the subject, whatever their names: dedupe.ts `senderCompared`).
  const copyClasses = new CopyClasses(subjectIsEveryoneElse(c));
  const every = (visit: (e: TimelineEvent, handKept: boolean) => void) =>
    inputs.forEach((_, k) => {
      for (const e of [...(input.duplicates[k] ?? []), ...perInput[k]!]) visit(e, input.handKept[k] === true);
    });
  every((e, handKept) => copyClasses.note(e, handKept));
  every((e, handKept) => copyClasses.link(e, handKept));
  let rows = 0;
  const files = inputs.map((summary, k): AnonFile => {
    const name = inputName(k, inputs.length);
    // Duplicates come first so that reading back, which marks an input's first copies of a record as the
    // duplicates, drops exactly these rows and keeps exactly the rows the original kept.
    const handKept = input.handKept[k] === true;
    const lines: (AnonRow | AnonStub)[] = [...(input.duplicates[k] ?? []), ...perInput[k]!].map((e) =>
      row(e, handKept),
    );
    rows += lines.length;
    lines.push(...stubsOf(summary));
    // The archive a file was read from names it as the path does (`WhatsApp Chat with Sam.zip`): left out too,
    // and so are where the skipped records were (`skippedAt`) and where the duplicates and the copies kept were
    // (`duplicatesAt`): locators in files the copy does not name, and those files' paths.
    const {
      path: _path,
      sha256: _sha,
      bytes: _bytes,
      archive: _archive,
      skippedAt: _skippedAt,
      duplicatesAt: _duplicatesAt,
      format,
      ...books
    } = summary;
    return {
      name,
      header: {
        format: ANON_FORMAT,
        version: ANON_VERSION,
        handKept: input.handKept[k] === true,
        input: name,
        originalFormat: format,
        incomplete: summary.incomplete,
        // Read to the end, though some records could not be used: said again when the file is read back.
        ...(summary.readToEnd ? { readToEnd: true } : {}),
        // Read to the end, but its bytes failed the archive's checksum: said again when the file is read back.
        ...(summary.damaged ? { damaged: true } : {}),
        datesShifted: opts.shiftDates,
        textDropped: opts.dropText,
        pseudonyms: PSEUDONYM_SCHEME,
      },
      lines,
      accounting: { file: `${name}.jsonl`, originalFormat: format, ...books },
    };
  });
  const shiftDays = weeks * 7;
  const person = (x: ResolvedCase['subject'], role: 'subject' | 'victim') => ({
    identifiers: copyIdentifiers(x.identifiers, role, everything, c.region, p),
  });
  const milestone = (m: Milestone): Milestone => ({
    ...m,
    date: shiftMilestoneDate(m.date, shiftDays, zone, shift),
    label: redactor.redact(m.label),
  });
  const window = Object.fromEntries(
    (['from', 'to'] as const)
      .filter((k) => c.window[k] !== undefined)
      .map((k) => [k, shiftDate(c.window[k]!, shiftDays)]),
  );
  const caseFile: Record<string, unknown> = {
    title: 'Anonymised case',
    timezone: c.timezone,
    ...(c.region ? { region: c.region } : {}),
    victim: person(c.victim, 'victim'),
    subject: person(c.subject, 'subject'),
    milestones: c.milestones.map(milestone),
    ...(Object.keys(window).length ? { window } : {}),
    // The case's own phrases, redacted as the texts are ("visits 12 Elm Road" and the texts that say so both
    // become "visits [ADDRESS]"), so the copy's content and cease-request figures match the original's.
    ...(c.ceasePhrases ? { ceasePhrases: c.ceasePhrases.map((t) => redactor.redact(t)) } : {}),
    ...(c.lexicon ? { lexicon: redactedLexicon(c.lexicon, (t) => redactor.redact(t)) } : {}),
  };
  return { files, caseFile, counts: { events: rows, senders: senders.size, redactions: redactor.counts } };
}

/**
 * A row's text and its length. The length is the copy's text's, not the original's: the original's, beside the
 * redacted text, gave away how long every redacted name, number and address was ("Call me [NAME:p5d1e]" with
 * length 12: a name of four letters), and with `--drop-text` it kept each message's exact size, which can pick a
 * message out of the victim's own copy. With the text dropped, its length goes too.
 */
function textAndLength(
  text: string | undefined,
  dropText: boolean,
  redactor: Redactor,
): { text: string | null; textLength: number | null } {
  if (text === undefined || dropText) return { text: null, textLength: null };
  const redacted = redactor.redact(text);
  return { text: redacted, textLength: redacted.length };
}

/**
 * A case file's lexicon with every category name and term redacted. A name must stay one the case file accepts
 * (isLexiconCategoryName), so that the copy can be reported on: a placeholder's brackets are dropped and its colon
 * becomes '-' (`[NAME:p4a66] property` is `NAME-p4a66 property`, `[PHONE]` is `PHONE`). Two names redacted alike
 * (two phone numbers) are told apart by a number, ` 2`, rather than the second replacing the first.
 */
function redactedLexicon(
  lexicon: NonNullable<ResolvedCase['lexicon']>,
  redact: (s: string) => string,
): NonNullable<ResolvedCase['lexicon']> {
  const out: NonNullable<ResolvedCase['lexicon']> = {};
  for (const [category, v] of Object.entries(lexicon)) {
    const base = plainName(redact(category));
    let name = base;
    for (let k = 2; Object.hasOwn(out, name); k++) name = `${base} ${k}`;
    out[name] = Array.isArray(v) ? v.map(redact) : { terms: v.terms.map(redact), replace: v.replace };
  }
  return out;
}

/** A redacted category name as the case file accepts it (the original was accepted; redaction adds `[KIND:id]`). */
function plainName(redacted: string): string {
  if (isLexiconCategoryName(redacted)) return redacted;
  const plain = redacted
    .replace(/[[\]]/g, '')
    .replace(/[^\p{L}\p{M}\p{N} ._-]/gu, '-')
    .replace(/^[^\p{L}\p{N}]+|\s+$/gu, '');
  return isLexiconCategoryName(plain) ? plain : 'category';
}

/** The typed keys a case identifier could match a sender by (its id under each type its shape allows, its name). */
function senderKeys(e: TimelineEvent, region: string | undefined): string[] {
  const s = e.sender;
  const keys = e.senderKey === undefined ? [] : [e.senderKey];
  if (s?.id !== undefined)
    for (const t of s.idType ? [s.idType] : guessTypes(s.id)) {
      const k = typedKey(s.id, t, region);
      if (k) keys.push(k);
    }
  // As the resolver: the name beside a number or an address is a contact label, which matches no one.
  if (s?.name !== undefined && s.idType !== 'phone' && s.idType !== 'email') {
    const k = typedKey(s.name, 'name', undefined);
    if (k) keys.push(k);
  }
  return keys;
}

/**
 * The copy's case-file identifiers of one person. The copy's rows name each sender by the pseudonym of the key
 * it resolved to, and a case-file identifier matched it by any of its keys (a Telegram account by its display
 * name, "Sam" as a name and not as an account): so the copy lists the pseudonyms of the senders this person's
 * identifiers matched, and one pseudonym of each identifier that matched no sender. Listing every key of every
 * identifier instead would make the copy's report warn that identifiers matched no one (or that the subject was
 * not found at all) where the original's did not.
 */
function copyIdentifiers(
  ids: readonly string[],
  role: 'subject' | 'victim',
  events: readonly TimelineEvent[],
  region: string | undefined,
  p: Pseudonymiser,
): string[] {
  const wanted = new Map(ids.map((id) => [id, caseIdentifierKeys(id, region)]));
  const all = new Set([...wanted.values()].flat());
  const matched = new Set<string>();
  const out = new Set<string>();
  for (const e of events) {
    if (e.role !== role || e.senderKey === undefined) continue;
    const keys = senderKeys(e, region).filter((k) => all.has(k));
    if (keys.length === 0) continue;
    for (const k of keys) matched.add(k);
    out.add(`id:${p.of(e.senderKey)}`);
  }
  for (const [, keys] of wanted)
    if (keys.length > 0 && !keys.some((k) => matched.has(k))) out.add(`id:${p.of(keys[0]!)}`);
  return [...out].sort();
}

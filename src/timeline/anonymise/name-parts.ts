/**
 * The other ways a text writes a person's name or identifier, each redacted as that person (index.ts, `nameTerms`):
 *
 * - the parts of a full name ("Sam" of "Sam Carter"), and those of a double-barrelled or hyphenated one, which
 *   people write apart, with a space or run together ("Okonkwo" of "Samuel Okonkwo-Carter"; "Mary", "Jane",
 *   "Mary Jane" and "MaryJane" of "Mary-Jane O'Brien"; "OBrien" as user names drop the apostrophe);
 * - a surname that starts with a particle as a whole ("Van der Berg", "VanderBerg"), but not the particle on its own:
 *   "der", "de", "la" are no one's name, and "Van", also an ordinary word, only where written capitalised (words.ts),
 *   so "his van a123 bcd" stays;
 * - a name with initials, its initials with or without their full stops and glued to what follows ("R.Patel",
 *   "R. Patel" and "R Patel" of any one of them; "A.B. Khan" and "A.B.Khan" of "A. B. Khan");
 * - the full name run together, as user names and tags write it ("SamCarter", "#samcarter", "KimLee99"), and with
 *   letters only and spaces between its parts, so that redact.ts also finds it glued inside a longer word
 *   ("realmaryjaneobrien");
 * - a handle without its `@` ("add me samokc88") and the user part of an e-mail address written without its
 *   domain or with the domain mangled (`scarter1990@outlook`, `sam.okc@example .com`), when distinctive: four
 *   characters or more and no ordinary word or mailbox name ("info", "contact", "hello").
 *
 * Very short parts and digit groups (the "900" of "07700 900 456") are not terms (too many false hits); a part that
 * is an ordinary word ("Will") is redacted only where written capitalised (redact.ts, words.ts).
 */
import { EVERYDAY_WORDS, ORDINARY_WORDS } from './words.js';

/**
 * Particles that start a surname in many languages ("Van der Berg", "de la Cruz", "bin Said", "Lana Del Rey"):
 * within a name after its first word, or in lower case, they are part of the surname, not a name of their own.
 * A first word that is one ("Van Morrison", "Della Reese") is that person's given name.
 */
export const PARTICLES: ReadonlySet<string> = new Set(
  `van von der den de del della di da das dos du la le les lo ter ten te het zu zum zur af av ap bin ibn binti
  bint al el st y`.split(/\s+/),
);

/** Mailbox names that name a role, not a person (`info@`, `contact@`): no term on their own. */
const MAILBOX_WORDS: ReadonlySet<string> = new Set(
  `info admin contact contactus hello hi mail email office support sales enquiries enquiry inquiries inquiry
  noreply no-reply donotreply do-not-reply team help accounts account billing post webmaster postmaster abuse
  news newsletter bookings booking orders service services customerservice customer customers feedback
  reception hr jobs careers marketing press media legal privacy security alerts notifications updates user
  test`.split(/\s+/),
);

/** A word without the punctuation around it (a mark ends many words: the vowel sign "ा" of Hindi "प्रिया"). */
function bare(part: string): string {
  return part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '');
}

/** A hyphenated name's pieces when each starts with a capital ("Mary-Jane", "Okonkwo-Carter"); else the word. */
function hyphenPieces(word: string): string[] {
  const pieces = word.split(/[-‐‑]/u);
  return pieces.length > 1 && pieces.every((p) => /^\p{Lu}/u.test(p)) ? pieces : [word];
}

/** The name without apostrophes, as user names write it ("O'Brien" → "OBrien"). */
const unquoted = (s: string): string => s.replace(/['’]/gu, '');

/** The space after an initial's full stop, before a capital ("R. Patel"); between two initials ("A. B. Khan"). */
const INITIAL_GAP = /(?<=(?<![\p{L}\p{M}])\p{Lu}\.)\s+(?=\p{Lu})/gu;
const INITIALS_GAP = /(?<=(?<![\p{L}\p{M}])\p{Lu}\.)\s+(?=\p{Lu}\.)/gu;
/** An initial without its full stop, before the rest of a name ("R" of "R Patel"). */
const BARE_INITIAL = /(?<![\p{L}\p{M}\p{N}.])\p{Lu}(?=\s+\p{Lu})/gu;

const isParticle = (piece: string, index: number): boolean =>
  PARTICLES.has(piece.toLowerCase()) && (index > 0 || piece === piece.toLowerCase());

/**
 * The terms a name or identifier is also found by, besides itself (see the header). `name`: it is a person's name
 * (its hyphens join parts of it), not an account id or address (`user-12345` is one identifier).
 */
export function nameVariants(raw: string, name: boolean): string[] {
  const words = raw
    .trim()
    .split(/\s+/)
    .map(bare)
    .filter((w) => /\p{L}/u.test(w));
  const pieces = name ? words.flatMap(hyphenPieces) : words;
  if (pieces.length < 2) return [];
  const out: string[] = [];
  const part = (s: string) => {
    if (s.length >= 3 && /\p{L}/u.test(s)) out.push(s);
  };
  pieces.forEach((piece, k) => {
    // A particle that is also an ordinary word ("Van") stays a part, which words.ts has redacted only where
    // written capitalised: so "Mr Van der Berg" is known as a name and redacted whole, and "his van" stays.
    if (isParticle(piece, k) && !ORDINARY_WORDS.has(piece.toLowerCase())) return;
    part(piece);
    if (unquoted(piece) !== piece) part(unquoted(piece));
  });
  if (name)
    for (const word of words) {
      const split = hyphenPieces(word);
      if (split.length > 1) out.push(word, split.join(' '), split.join(''));
    }
  // A surname that starts with particles, whole and from each particle on: "Van der Berg", "der Berg", "VanderBerg".
  for (let k = 1; k < pieces.length; k++) {
    if (!isParticle(pieces[k]!, k)) continue;
    let end = k;
    while (end < pieces.length && isParticle(pieces[end]!, end)) end++;
    if (end < pieces.length) {
      const surname = pieces.slice(k, end + 1);
      out.push(surname.join(' '), unquoted(surname.join('')));
    }
  }
  // Initials with their full stops, glued to the surname or to each other as some type them: "R.Patel" and
  // "A.B.Khan", "A.B. Khan" of "A. B. Khan" (a part alone is found anyway; its initials would be left in clear).
  // And initials written without them, with them ("R. Patel" of "R Patel").
  if (name) {
    const trimmed = raw.trim();
    const dotted = trimmed.replace(BARE_INITIAL, '$&.');
    for (const form of [dotted, dotted.replace(INITIAL_GAP, ''), dotted.replace(INITIALS_GAP, '')])
      if (form !== trimmed) out.push(form);
  }
  // The full name run together, with and without its apostrophes, and spaced in letters only.
  out.push(words.join(''), unquoted(pieces.join('')));
  const spaced = unquoted(pieces.join(' '));
  if (spaced !== raw.trim()) out.push(spaced);
  return [...new Set(out)];
}

/** Whether a handle or an e-mail user part is distinctive enough to be redacted wherever it stands alone. */
function distinctive(s: string): boolean {
  const lower = s.toLowerCase();
  return (
    s.length >= 4 &&
    /\p{L}/u.test(s) &&
    !ORDINARY_WORDS.has(lower) &&
    !EVERYDAY_WORDS.has(lower) &&
    !MAILBOX_WORDS.has(lower)
  );
}

/**
 * A handle without its `@` (`@samokc88` → `samokc88`) or the user part of an e-mail address
 * (`sam.okc@example.com`, also `Sam <sam.okc@example.com>` or with `mailto:`, → `sam.okc`), when distinctive;
 * nothing for any other identifier.
 */
export function bareIdentifier(id: string): string[] {
  const v = id.trim().replace(/^mailto:/i, '');
  const handle = /^@([\p{L}\p{N}_.]+)$/u.exec(v)?.[1];
  const address = /^(?:[^<>]*<)?([^\s@<>]+)@[^\s@<>]+?>?$/u.exec(v)?.[1];
  const user = handle ?? address;
  return user !== undefined && distinctive(user) ? [user] : [];
}

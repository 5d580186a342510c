/**
 * Text folding for matching hand-typed headers and values: case, accents, punctuation and invisible
 * characters are what people vary without meaning anything, so matching ignores them. Cell values themselves
 * are kept verbatim; only the comparison uses the folded form.
 */

// Direction marks, bidi controls and stray BOMs come from copy-paste out of chat apps and from concatenated
// exports; they are invisible in a spreadsheet but break every pattern. All of Unicode's default-ignorable
// characters are read past alike (soft hyphens, word joiners, variation selectors…), as the content search does.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// No-break, narrow no-break and thin spaces appear in Excel-formatted times ("8\u202fpm").
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

/** Removes invisible format characters and turns unusual spaces into plain spaces; nothing else changes. */
export function clean(s: string): string {
  return s.replace(INVISIBLE, '').replace(ODD_SPACE, ' ');
}

/** Lower-cases, removes accents (ü→u, é→e, ß→ss) and invisible characters, and trims. Keeps punctuation. */
export function lowerPlain(s: string): string {
  return clean(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** `lowerPlain` with every run of punctuation turned into one space: `"E-Mail (work)"` → `"e mail work"`. */
export function fold(s: string): string {
  return lowerPlain(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A regular expression matching any of the folded phrases as whole words inside a folded string. */
export function phraseRegExp(phrases: readonly string[]): RegExp {
  // Folded phrases hold only [a-z0-9 ], so they need no escaping.
  const alternatives = phrases.map(fold).filter((p) => p.length > 0);
  return new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`);
}

/**
 * Reads a table written as a block of `name: a | b | c` lines, where an indented line continues the entry
 * above. Used for the synonym tables, which stay readable as prose-like blocks instead of one array item per
 * line.
 */
export function parseTable(block: string): [string, string[]][] {
  const entries: [string, string][] = [];
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^(\S+):\s*(.*)$/.exec(line);
    if (m) entries.push([m[1]!, m[2]!]);
    else if (entries.length > 0) entries[entries.length - 1]![1] += ` ${line.trim()}`;
  }
  return entries.map(([name, list]) => [
    name,
    list
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ]);
}

/** Splits a `|`-separated word list that may run over several lines. */
export function words(list: string): string[] {
  return list
    .split('|')
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

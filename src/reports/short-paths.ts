/**
 * File paths shortened to fit a column of the terminal report, each still telling its file apart from the others.
 * A path too long for the column keeps its start (the export's folder, "facebook-priyashah-2…") and its end (the
 * file name, "…/message_1.json"), with "…" for what is left out; a file name too long for the column keeps its
 * own start and end ("…/Direct Messages - jo…001].json"). Where two paths would read alike, both are shortened
 * elsewhere until each reads differently, and a path that cannot be told apart in the column is given whole: a
 * table that names two files alike would let a reader take one file's counts for the other's.
 */

/** A `<U+001B>` marker (sanitize.ts `terminalSafe`): never cut inside one. */
const MARKER = /<U\+[0-9A-F]{4,6}>/g;

/** `s` with its first `head` and last `tail` characters kept around "…", moved off any marker they would cut. */
function cut(s: string, head: number, tail: number): string {
  let a = head;
  let z = s.length - tail;
  for (const m of s.matchAll(MARKER)) {
    const end = m.index + m[0].length;
    if (m.index < a && a < end) a = m.index;
    if (m.index < z && z < end) z = end;
  }
  return `${s.slice(0, a)}…${s.slice(z)}`;
}

/** The ways to show `s` in `width` characters, the most telling first. */
function shortenings(s: string, width: number): string[] {
  const room = width - 1;
  const slash = s.lastIndexOf('/');
  const name = s.slice(slash + 1);
  const first: string[] = [];
  let a0 = Math.ceil(room / 2);
  if (slash >= 0 && name.length + 1 < room) {
    // The whole file name at the end, and as much of the first folder as the rest of the width holds.
    a0 = Math.min(s.indexOf('/') + 1, room - name.length - 1);
  } else if (slash >= 0 && width >= 8) {
    // The file name alone does not fit: its start and end, after "…/" for the folders left out.
    first.push(`…/${cut(name, Math.ceil((width - 3) / 2), Math.floor((width - 3) / 2))}`);
  }
  const order = [a0];
  for (let k = 1; k <= room; k++) order.push(a0 - k, a0 + k);
  const all = order.filter((a) => a >= 0 && a <= room).map((a) => cut(s, a, room - a));
  return [...new Set([...first, ...all])];
}

/**
 * Each of `paths` in at most `width` characters (by string length), distinct from every other path as shown;
 * a path that fits is shown whole.
 */
export function shortPaths(paths: readonly string[], width: number): string[] {
  const options = paths.map((p) => (p.length <= width ? [p] : shortenings(p, width)));
  const shown = options.map((o) => o[0]!);
  // Forms two or more paths would share: none of those paths may use them.
  const banned = new Set<string>();
  for (;;) {
    const seen = new Map<string, number>();
    for (const s of shown) seen.set(s, (seen.get(s) ?? 0) + 1);
    const alike = shown.map((s, i) => ((seen.get(s) ?? 0) > 1 && options[i]!.length > 1 ? i : -1));
    const clash = alike.filter((i) => i >= 0);
    if (clash.length === 0) return shown;
    for (const i of clash) banned.add(shown[i]!);
    for (const i of clash) {
      const taken = new Set(shown.filter((_, j) => j !== i));
      shown[i] = options[i]!.find((s) => !banned.has(s) && !taken.has(s)) ?? paths[i]!;
      // Given whole, a path reads as no other (paths differ); it is not shortened again.
      if (shown[i] === paths[i]) options[i] = [paths[i]!];
    }
  }
}

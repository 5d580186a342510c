/**
 * File paths shortened to fit a column of the terminal report, each still telling its file apart from the others.
 *
 * A shown name is read as "start…end": it stands for every path that starts with what is before "…" and ends with
 * what is after it, and it must stand for its own path alone among the table's, shown whole or not. A path too
 * long for the column keeps the whole file name at its end and the folders above it that fit
 * ("…0158000000000001/message_1.json"); where another path of the table ends the same way, it keeps as much of its
 * start as tells the two apart ("facebook-zoeexample-2024-04…eve_9876543210/message_1.json"), so that a leading
 * folder that many paths share does not take the room of the thread and file names. Room to spare goes to whole
 * folders at either side ("facebook-zoeexample-2024-04-01-AbCdEfGh/…/jordanreeve_9876543210/message_1.json")
 * rather than to folders every path has or to a piece of a word. A file name too long for the column keeps its
 * own start and end ("…/Direct Messages…00000001].json"); a name without folders keeps its start and its end. A
 * path whose every shortening would also fit another path of the table is given whole: a table that names two
 * files alike would let a reader take one file's counts for the other's.
 *
 * Which paths a shortening fits is looked up in the paths sorted from their start and from their end (a range of
 * each) and a merge-sort tree that counts the paths in both ranges, so the table costs about (paths × width × log
 * paths), not (paths²).
 */

/** Characters between words. */
const SEPARATOR = /[/\-_ .]/;

/** A `<U+001B>` marker (sanitize.ts `terminalSafe`): never cut inside one. */
const MARKER = /<U\+[0-9A-F]{4,6}>/g;

/** Where to cut `s` keeping at most its first `head` and last `tail` characters, moved off any marker they cut. */
function cutAt(s: string, head: number, tail: number): [number, number] {
  let a = head;
  let z = s.length - tail;
  for (const m of s.matchAll(MARKER)) {
    const end = m.index + m[0].length;
    if (m.index < a && a < end) a = m.index;
    if (m.index < z && z < end) z = end;
  }
  // Nor between the two halves of a character outside the BMP.
  const low = (i: number) => i > 0 && i < s.length && /[\uDC00-\uDFFF]/.test(s[i]!);
  if (low(a)) a--;
  if (low(z)) z++;
  return [a, z];
}

/** `s` backwards, by UTF-16 unit (as strings compare). */
const reversed = (s: string) => s.split('').reverse().join('');

/** The half-open range of `sorted` whose strings start with `key`. */
function range(sorted: readonly string[], key: string): [number, number] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m]! < key) lo = m + 1;
    else hi = m;
  }
  const from = lo;
  hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m]!.startsWith(key)) lo = m + 1;
    else hi = m;
  }
  return [from, lo];
}

/** How many characters `a` and `b` start with alike. */
function common(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/** How many of `xs` (sorted) are in [from, to). */
function within(xs: Int32Array, from: number, to: number): number {
  const at = (v: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (xs[m]! < v) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  return at(to) - at(from);
}

/** The table's paths, to ask how many of them a start and an end would both fit. */
class Paths {
  /** The paths backwards. */
  readonly back: string[];
  private readonly fwd: string[];
  private readonly rev: string[];
  /** The place of each path (by index) in `fwd`. */
  private readonly startRank: Int32Array;
  /** The place in `fwd` of each path, by its place in `rev`. */
  private readonly startRankAtEnd: Int32Array;
  /** Node k of a segment tree over `fwd`: the sorted places in `rev` of its paths. */
  private readonly tree: Int32Array[];
  private readonly size: number;

  constructor(paths: readonly string[]) {
    const order = (xs: readonly string[]) =>
      xs.map((_, i) => i).sort((i, j) => (xs[i]! < xs[j]! ? -1 : xs[i]! > xs[j]! ? 1 : 0));
    const byStart = order(paths);
    this.back = paths.map(reversed);
    const byEnd = order(this.back);
    this.fwd = byStart.map((i) => paths[i]!);
    this.rev = byEnd.map((i) => this.back[i]!);
    const endRank = new Int32Array(paths.length);
    byEnd.forEach((i, r) => {
      endRank[i] = r;
    });
    this.startRank = new Int32Array(paths.length);
    byStart.forEach((i, r) => {
      this.startRank[i] = r;
    });
    this.startRankAtEnd = Int32Array.from(byEnd, (i) => this.startRank[i]!);
    let size = 1;
    while (size < paths.length) size *= 2;
    this.size = size;
    this.tree = new Array<Int32Array>(2 * size);
    for (let k = 0; k < size; k++)
      this.tree[size + k] = k < paths.length ? Int32Array.of(endRank[byStart[k]!]!) : new Int32Array(0);
    for (let k = size - 1; k >= 1; k--) {
      const l = this.tree[2 * k]!;
      const r = this.tree[2 * k + 1]!;
      const merged = new Int32Array(l.length + r.length);
      let i = 0;
      let j = 0;
      for (let o = 0; o < merged.length; o++)
        merged[o] = j >= r.length || (i < l.length && l[i]! < r[j]!) ? l[i++]! : r[j++]!;
      this.tree[k] = merged;
    }
  }

  /** The places in the order from the start of the paths that start with `start`. */
  starting(start: string): [number, number] {
    return range(this.fwd, start);
  }

  /** The path at place `k` in the order from the start. */
  at(k: number): string {
    return this.fwd[k]!;
  }

  /**
   * How many paths, of those at [l1, r1) in the order from the start, end with the last `tail` characters of path
   * `i`, counted up to 2.
   */
  fitting(l1: number, r1: number, i: number, tail: number): number {
    const [l2, r2] = range(this.rev, this.back[i]!.slice(0, tail));
    if (r1 - l1 < 2 || r2 - l2 < 2) return Math.min(r1 - l1, r2 - l2);
    let n = 0;
    if (r2 - l2 <= 32) {
      // Few paths end so: look at each.
      for (let k = l2; k < r2 && n < 2; k++) {
        const at = this.startRankAtEnd[k]!;
        if (at >= l1 && at < r1) n++;
      }
      return n;
    }
    for (let l = l1 + this.size, r = r1 + this.size; l < r && n < 2; l >>= 1, r >>= 1) {
      if (l & 1) n += within(this.tree[l++]!, l2, r2);
      if (r & 1) n += within(this.tree[--r]!, l2, r2);
    }
    return Math.min(n, 2);
  }

  /** How many paths end with `end` and hold `inner` (checked for the first few only: more count as 2). */
  holding(inner: string, end: string): number {
    const [l2, r2] = range(this.rev, reversed(end));
    let n = 0;
    for (let k = l2; k < r2 && n < 2; k++) if (k - l2 > 64 || reversed(this.rev[k]!).includes(inner)) n++;
    return n;
  }
}

/**
 * For each character of `s`, 1 if it tells `s` apart (it is in the file name, or in a folder that is not the same
 * one at that depth in every path of the table, counted from the start or from the end), summed from the start:
 * `telling[b] - telling[a]` is how many of s[a..b) do.
 */
function tellingSums(
  s: string,
  sameFromStart: readonly (string | null)[],
  sameFromEnd: readonly (string | null)[],
) {
  const parts = s.split('/');
  const sums = new Int32Array(s.length + 1);
  let at = 0;
  parts.forEach((part, j) => {
    const m = parts.length - 1 - j;
    const tells = m === 0 || (sameFromStart[j] !== part && sameFromEnd[m] !== part);
    for (let k = 0; k <= part.length && at < s.length; k++, at++)
      sums[at + 1] = sums[at]! + (tells && k < part.length ? 1 : 0);
  });
  return sums;
}

/**
 * `s` (path `i`) in `width` characters, fitting no other path of `all`, the most telling way (see the file
 * comment), or undefined when every way would also fit another path.
 */
function shorten(
  s: string,
  i: number,
  width: number,
  all: Paths,
  telling: () => Int32Array,
): string | undefined {
  const room = width - 1;
  const slash = s.lastIndexOf('/');
  const name = s.slice(slash + 1);
  // Markers and characters outside the BMP need the cut moved off them.
  const marked = /[<\uD800-\uDFFF]/.test(s);
  // A start that fits the same paths as a start tried before, with an end no longer than that one's, fails too.
  let failed = { l1: -1, r1: -1, tail: -1 };
  // The paths that start as the last start looked up, and how much longer a start can be and fit the same ones
  // (the paths at both ends of their range, sorted, share the least of their start with this one).
  let known = { a: -1, l1: 0, r1: 0, same: -1 };
  const starting = (a: number): [number, number] => {
    if (a >= known.a && a <= known.same) return [known.l1, known.r1];
    const [l1, r1] = all.starting(s.slice(0, a));
    known = { a, l1, r1, same: Math.min(common(s, all.at(l1)), common(s, all.at(r1 - 1))) };
    return [l1, r1];
  };
  /** The cut keeping `head` and `tail` characters (moved off markers) if it fits this path alone. */
  const alone = (head: number, tail: number): [number, number] | undefined => {
    const [a, z] = marked ? cutAt(s, head, tail) : [head, s.length - tail];
    const [l1, r1] = starting(a);
    const t = s.length - z;
    if (l1 === failed.l1 && r1 === failed.r1 && t <= failed.tail) return undefined;
    if (all.fitting(l1, r1, i, t) === 1) return [a, z];
    failed = { l1, r1, tail: t };
    return undefined;
  };
  const show = ([a, z]: [number, number]) => `${s.slice(0, a)}…${s.slice(z)}`;
  const heads: number[] = [];
  if (slash >= 0 && name.length + 1 <= room) {
    // The whole file name at the end, with the start kept only as far as it tells this path from the others.
    const most = room - name.length - 1;
    let least = -1;
    let best: [number, number] | undefined;
    for (let h = 0; h <= most && !best; h++) {
      best = alone(h, room - h);
      least = h;
    }
    if (best) {
      // The end from a folder's start ("…/jordanreeve_9876543210/message_1.json") and the start to a folder's end
      // ("facebook-zoeexample-2024-04-01-AbCdEfGh/…"), where they tell as much, rather than pieces of folder names.
      // A piece of a word under 4 characters at either side of "…" ("em…", "…il/saved") tells nothing.
      const sums = telling();
      const wordStart = (a: number) => {
        let w = a;
        while (w > 0 && !SEPARATOR.test(s[w - 1]!)) w--;
        return a < s.length && !SEPARATOR.test(s[a]!) && a - w < 4 ? w : a;
      };
      const wordEnd = (z: number) => {
        let w = z;
        while (w < s.length && !SEPARATOR.test(s[w]!)) w++;
        return z > 0 && !SEPARATOR.test(s[z - 1]!) && w - z < 4 ? w : z;
      };
      const score = ([a, z]: [number, number]) => sums[wordStart(a)]! + sums[s.length]! - sums[wordEnd(z)]!;
      let bestScore = score(best);
      for (let j = slash; j >= 0 && s.length - j <= room - least; j = s.lastIndexOf('/', j - 1)) {
        let head = room - (s.length - j);
        const folder = s.lastIndexOf('/', head - 1) + 1;
        if (folder > least) head = folder;
        else if (wordStart(head) >= least) head = wordStart(head);
        const cut = alone(head, s.length - j);
        if (cut && score(cut) >= bestScore) [best, bestScore] = [cut, score(cut)];
        if (j === 0) break;
      }
      return show(best);
    }
    for (let h = most + 1; h <= room; h++) heads.push(h);
  } else if (slash >= 0 && width >= 8) {
    // The file name alone does not fit: its start and end, after "…/" for the folders left out.
    const [a, z] = cutAt(name, Math.ceil((width - 3) / 2), Math.floor((width - 3) / 2));
    if (all.holding(`/${name.slice(0, a)}`, name.slice(z)) === 1)
      return `…/${name.slice(0, a)}…${name.slice(z)}`;
    for (let h = 0; h <= room; h++) heads.push(h);
  } else {
    // A name without folders: its start and its end, as evenly as they tell it apart.
    const a0 = Math.ceil(room / 2);
    heads.push(a0);
    for (let k = 1; k <= room; k++) heads.push(a0 - k, a0 + k);
  }
  for (const h of heads)
    if (h >= 0 && h <= room) {
      const cut = alone(h, room - h);
      if (cut) return show(cut);
    }
  return undefined;
}

/** For each depth, the folder every path has there (counted from the start, or from the end), else null. */
function sameAt(parts: readonly string[][]): (string | null)[] {
  const depth = Math.min(...parts.map((p) => p.length));
  return Array.from({ length: depth }, (_, j) =>
    parts.every((p) => p[j] === parts[0]![j]) ? parts[0]![j]! : null,
  );
}

/**
 * Each of `paths` in at most `width` characters (by string length), read as "start…end" fitting no other of
 * `paths`; a path that fits is shown whole, and so is one that cannot be told apart in the width.
 */
export function shortPaths(paths: readonly string[], width: number): string[] {
  if (paths.length === 0) return [];
  const all = new Paths(paths);
  const parts = paths.map((p) => p.split('/'));
  const fromStart = sameAt(parts);
  const fromEnd = sameAt(parts.map((p) => [...p].reverse()));
  return paths.map((p, i) =>
    p.length <= width ? p : (shorten(p, i, width, all, () => tellingSums(p, fromStart, fromEnd)) ?? p),
  );
}

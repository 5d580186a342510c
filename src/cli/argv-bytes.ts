/**
 * Command-line arguments that are not valid UTF-8 (`chronolog report chat*.txt` where the shell expands the glob
 * to a name holding the byte 0xE9). Node decodes each argument to a string, the byte becoming U+FFFD, and the
 * decoded path names no file. On Linux the arguments as given are in /proc/self/cmdline, NUL after each: those
 * of chronolog are its last ones (before them come Node, its options and the script). An argument with a U+FFFD
 * is taken from there when that one decodes to it, and is then handed on as `shownBytes` shows it
 * (`chat<0xE9>.txt`), so that messages and reports name it as they name the same file found in a folder; the
 * path to open is its bytes (`givenPath`). Where the bytes cannot be had (no /proc, or the process renamed),
 * the argument stays as Node gave it, and a path that does not exist says why (`undecodedArgument`).
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { type DiskPath, pathBytes, pathOfShown, shownBytes, shownPath } from './disk-path.js';

/** The arguments taken as bytes, by the string they are handed on as. */
const given = new Map<string, Buffer>();

/** The arguments of this process as the system holds them, or undefined where it does not say (not Linux). */
function processArguments(): Buffer[] | undefined {
  let all: Buffer;
  try {
    all = readFileSync('/proc/self/cmdline');
  } catch {
    return undefined;
  }
  const args: Buffer[] = [];
  let start = 0;
  for (let i = all.indexOf(0); i >= 0; i = all.indexOf(0, start)) {
    args.push(all.subarray(start, i));
    start = i + 1;
  }
  return args;
}

/**
 * `argv` (chronolog's arguments, as Node decoded them) with each argument that held bytes that are not UTF-8 as
 * `shownBytes` shows them, those bytes kept for `givenPath`. `system` is the process's arguments as bytes (by
 * default from /proc/self/cmdline); an argument is taken from them only when the one at its place, counted from
 * the end, decodes to it.
 */
export function argumentsAsGiven(
  argv: readonly string[],
  system: readonly Buffer[] | undefined = processArguments(),
): string[] {
  if (!argv.some((a) => a.includes('\uFFFD'))) return [...argv];
  const last = system?.slice(system.length - argv.length);
  // Every argument must match, not only those with a U+FFFD: else the list is not this command line.
  if (
    last === undefined ||
    last.length < argv.length ||
    last.some((b, i) => b.toString('utf8') !== argv[i])
  ) {
    return [...argv];
  }
  const invalid = (a: string, i: number) => a.includes('\uFFFD') && !isUtf8(last[i]!);
  // What the arguments of bytes are handed on as: a valid argument that spells one of them ("chat<0xE9>.txt" beside
  // the bytes "chat\xE9.txt") is handed on as shown ("chat<0x3C>0xE9>.txt"), so that the two are never taken for
  // each other. Any other valid argument is handed on as given, whatever it spells: it may be no path at all (a
  // milestone's label, an identifier, an --out name), and a path is named as reports show it (`shownArgument`).
  const asBytes = new Set(argv.flatMap((a, i) => (invalid(a, i) ? [shownBytes(last[i]!)] : [])));
  return argv.map((a, i) => {
    const bytes = last[i]!;
    if (!invalid(a, i) && !asBytes.has(a)) return a;
    const shown = shownBytes(bytes);
    given.set(shown, Buffer.from(bytes));
    // `--case=FILE` in one argument: the value is looked up on its own.
    const eq = bytes.indexOf(0x3d);
    if (a.startsWith('--') && eq > 0)
      given.set(shownBytes(bytes.subarray(eq + 1)), Buffer.from(bytes.subarray(eq + 1)));
    return shown;
  });
}

/**
 * Paths as shown (`shownPath`: a report's own, which `verify --recompute` makes the report again from), taken as
 * if given so on the command line: each is opened as the path it shows (`givenPath`).
 */
export function takeAsShown(paths: readonly string[]): void {
  for (const p of paths) if (p.includes('<0x')) given.set(p, pathBytes(pathOfShown(p)));
}

/** A path given on the command line as reports show it (`shownPath`): as handed on, when that is so already. */
export function shownArgument(p: string): string {
  return given.has(p) ? p : shownPath(p);
}

/** The path to open for a path given on the command line: its bytes when it held bytes that are not UTF-8. */
export function givenPath(p: string): DiskPath {
  return given.get(p) ?? p;
}

/**
 * True when a path given on the command line may not be found although it exists: it holds a U+FFFD, which is
 * what Node makes of bytes that are not UTF-8, and their bytes could not be had: not from /proc, or because they
 * were decoded before chronolog started (`npx chronolog`, where npm decodes the arguments and passes on U+FFFD).
 */
export function undecodedArgument(p: string): boolean {
  return p.includes('\uFFFD');
}

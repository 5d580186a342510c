/**
 * Re-reading the inputs a report lists, for `chronolog verify`: the SHA-256 of a file on disk, of each member of
 * a zip archive read in place, and of the archive itself. A member whose bytes fail the archive's own CRC-32
 * check (ZIP_MEMBER_DAMAGED: a bad copy, download or disk) is hashed over the bytes it delivered before the check failed, exactly as `report`
 * hashed it, and carries the reason; the other members of the archive are read as usual.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { readHead } from '../../pipeline/hashing.js';
import { archivesOf } from '../../reports/archives.js';
import { detect, HEAD_BYTES, makeProbe } from '../../sources/detect.js';
import { containers, SourceFailure, type SourceInput } from '../../sources/index.js';
import { NESTED } from '../../sources/zip.js';
import { pathOfShown, resolveShown } from '../disk-path.js';
import { DOCUMENT_HEAD_BYTES, documentReason } from '../documents.js';
import { fileInput } from '../inputs.js';

/** What re-reading one input found. */
export interface Rehash {
  /** SHA-256 of the bytes read (for a damaged member, those delivered before the check failed). */
  readonly sha256: string;
  /** Why the member is damaged, in words (`its content does not match …: CRC-32 …, expected …`), if it is. */
  readonly damage?: string;
  /** Asked only of a member the report does not list: why a report made now would not read it, if it would not. */
  readonly notRead?: string;
}

/** A member the zip reader passes over (media, resource forks, refused paths), with its reason. */
export interface PassedOver {
  readonly passedOver: string;
}

/**
 * Why a report made now would not read `input`, whose first bytes are `head` (the `HEAD_BYTES` a report looks at),
 * or undefined when it would: detection exactly as `report` does it, a format forced with --format-of first.
 */
export function notReadReason(
  input: SourceInput,
  head: Uint8Array,
  forced: string | undefined,
): string | undefined {
  const found = detect(makeProbe(input.name, input.path, head), forced);
  // An archive inside an archive (no byte ranges to read it in place) is not opened: a report lists it as not read.
  if (found.kind === 'container' && input.readRange === undefined) return NESTED;
  return found.kind === 'none' ? found.reason : undefined;
}

/**
 * Why a report made now would not read the file `input`, or undefined when it would or it cannot be read: a
 * picture or document as `report` passes it over (documents.ts), else detection.
 */
export async function fileNotRead(
  input: SourceInput,
  forced: string | undefined,
): Promise<string | undefined> {
  const head = await readHead(input, HEAD_BYTES).catch(() => undefined);
  if (head === undefined) return undefined;
  // A picture or document is passed over before reading (documents.ts), unless --format-of forces a format on it.
  const document =
    forced === undefined ? documentReason(input.path, head.subarray(0, DOCUMENT_HEAD_BYTES)) : undefined;
  return document ?? notReadReason(input, head, forced);
}

/** The SHA-256 of an input read to the end; a read that fails throws. */
export async function sha256Of(input: SourceInput): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of input.open()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The SHA-256 of the file at `abs` now (`shown` names it), or undefined when it cannot be read: it is missing. A
 * path that shows a name that is not UTF-8 (`chat<0xE9>.txt`) finds the file of that name (disk-path.ts).
 */
export async function fileHash(abs: string, shown: string): Promise<string | undefined> {
  try {
    const file = pathOfShown(abs);
    return await sha256Of(fileInput(file, (await stat(file)).size, shown));
  } catch {
    return undefined;
  }
}

/** The zip reader's message for a damaged member, `this file inside the archive is damaged: WHY; anything …`. */
const DAMAGED = /^this file inside the archive is damaged: (.+?); anything read from it may be garbled$/;

/** The reason a member is damaged, as one clause: the final bracket of the reader's message becomes `: …`. */
function damageOf(err: SourceFailure): string {
  const why = DAMAGED.exec(err.message)?.[1] ?? err.message;
  return why.replace(/ \(([^()]*)\)$/, ': $1');
}

/**
 * Re-hashes one archive member; only damage is caught, any other failure is the archive's and is thrown. With
 * `judge`, the member's first bytes are kept as it is read, to say whether a report made now would read it (with
 * the format --format-of forces on it, if any).
 */
async function rehashMember(
  member: SourceInput,
  judge?: { readonly forced: string | undefined },
): Promise<Rehash> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  const judged = (r: Rehash): Rehash => {
    if (!judge) return r;
    const why = notReadReason(member, Buffer.concat(head).subarray(0, HEAD_BYTES), judge.forced);
    return why === undefined ? r : { ...r, notRead: why };
  };
  try {
    for await (const chunk of member.open()) {
      hash.update(chunk as Buffer);
      if (judge && headBytes < HEAD_BYTES) {
        head.push(chunk as Buffer);
        headBytes += (chunk as Buffer).length;
      }
    }
  } catch (err) {
    if (err instanceof SourceFailure && err.code === 'ZIP_MEMBER_DAMAGED')
      return judged({ sha256: hash.digest('hex'), damage: damageOf(err) });
    throw err;
  }
  return judged({ sha256: hash.digest('hex') });
}

/**
 * The members of one archive on disk, by member path: what re-reading each found, or the reason the reader passes
 * one over (media, resource forks, refused paths). A member `unlisted` names (one the report does not list) is
 * also judged as a report made now would judge it (`notRead`), its format forced as `forcedFormat` says. Throws if
 * the archive itself cannot be read.
 */
export async function memberHashes(
  archive: SourceInput,
  unlisted: (member: string) => boolean = () => false,
  forcedFormat: (path: string) => string | undefined = () => undefined,
): Promise<Map<string, Rehash | PassedOver>> {
  const out = new Map<string, Rehash | PassedOver>();
  const container = containers.find((c) => c.id === 'zip')!;
  const ignore = (member: string, reason: string) => out.set(member, { passedOver: reason });
  // An archive on disk is always opened (only one inside another is not).
  for await (const m of container.members(archive, { ignore, warn: () => {}, notOpened: () => {} })) {
    const member = m.path.slice(archive.path.length + 2);
    out.set(member, await rehashMember(m, unlisted(member) ? { forced: forcedFormat(m.path) } : undefined));
  }
  return out;
}

export { chronologOutputAt } from '../file-head.js';

/** The archive a report records for an input read from inside one (`inputs[].archive`). */
export interface RecordedArchive {
  readonly path: string;
  readonly sha256: string;
}

/**
 * Each archive the report records, hashed whole again: `changed` lines, said as a changed file is, naming it as
 * the archive and whether the files read from inside it still match (`faulty`: the inputs found changed, damaged
 * or missing). An archive that cannot be read is left out: its members are already named as missing.
 */
export async function archiveChanges(
  inputs: readonly { readonly path: string; readonly archive?: RecordedArchive | undefined }[],
  base: string,
  faulty: ReadonlySet<string>,
): Promise<string[]> {
  const out: string[] = [];
  for (const z of archivesOf(inputs)) {
    const actual = await fileHash(resolveShown(base, z.path), z.path);
    if (actual === undefined || actual === z.sha256) continue;
    const inside = inputs.filter((i) => i.archive?.path === z.path);
    // A re-packed archive can hold the very same files: said, as it tells a changed download from changed evidence.
    const members = inside.every((i) => !faulty.has(i.path)) ? '; the files read from inside it match' : '';
    out.push(
      `${z.path} (the archive${members}; expected ${z.sha256.slice(0, 16)}…, found ${actual.slice(0, 16)}…)`,
    );
  }
  return out;
}

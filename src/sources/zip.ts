/**
 * Zip archives, read in place — nothing is extracted to disk. The WhatsApp "Attach media" export
 * (`WhatsApp Chat with Sam.zip`: the chat `.txt` plus photos), Facebook/Instagram "Download your information"
 * and Twitter/X archives, or any zip a person made of their exports.
 *
 *   PK\x03\x04 …  local file headers, then the central directory at the end
 *
 * Each member is offered to detection like a file on disk (`archive.zip!/_chat.txt`). Quirks and defences:
 * - `__MACOSX/` folders and `._name` AppleDouble files (resource forks made by macOS) are ignored.
 * - Media members (photos, voice notes, videos, PDFs) are not exports; they are passed over without reading.
 * - Backslashes in a member's name are folder separators, as in the zips old Windows tools write
 *   (`Exports\WhatsApp Chat with Sam.txt`, from PowerShell 5's Compress-Archive): the member is
 *   `archive.zip!/Exports/WhatsApp Chat with Sam.txt`. Its path is checked after that, so `..\..\x` is `../../x`.
 * - A member whose path escapes the archive (`../x`, `..\x`, `/etc/x`, `C:\x`, `\\server\x`) is refused, never read,
 *   and listed under its name as stored. A member whose name ends in `\` is a folder when it holds nothing, and
 *   listed as not read when it holds bytes.
 * - Two members of one path (the same name twice, or `a\x` and `a/x`) are both read, the later ones as
 *   `a/x (the archive's member N)`, N its place in the archive's list: a report names each file once.
 * - Zip bombs: limits on entry count, total uncompressed size and compression ratio; yauzl also checks that a
 *   member never inflates beyond its declared size. A limit hit is reported with the limit and the member.
 * - Names are decoded as UTF-8 when the archive says so (general-purpose bit 11), else as CP437, the zip default.
 * - Damage: yauzl does not check a member's CRC-32, so each member's CRC is computed as it streams (no copy is
 *   kept) and compared with the central directory when the member ends. A mismatch fails the member's stream
 *   with ZIP_MEMBER_DAMAGED once all its bytes have been delivered, as a `FailureAtEnd`: the pipeline lets the
 *   source read to the end, every record counted, and reports the damage as the member's error, the member listed
 *   as incomplete. Deflate data that cannot be inflated fails it with ZIP_MEMBER_DAMAGED where it breaks off. A
 *   reader that stops early (detection reads 64 KiB) is not checked, as it has not read what the CRC covers.
 * Unsupported: encrypted members (reported), zips inside zips (offered to detection like any member, so that
 * one is listed as not read, with a warning, rather than passed over as an attachment).
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { crc32 } from './crc32.js';
import { iconv } from './iconv.js';
import type { Container, ContainerContext, SourceInput } from './source.js';
import { ContainerFailure, FailureAtEnd, SourceFailure } from './source.js';

export const ZIP_LIMITS = {
  /** More members than any real export holds. */
  maxEntries: 100_000,
  /** Total declared uncompressed size of the members we read. */
  maxTotalBytes: 8 * 1024 ** 3,
  /** Text compresses about 10:1; anything far beyond this is a bomb, checked for members over 1 MiB. */
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024,
} as const;

const MEDIA =
  /\.(jpe?g|png|gif|webp|heic|heif|bmp|tiff?|mp4|m4v|mov|3gp|avi|mkv|webm|opus|ogg|oga|mp3|m4a|aac|amr|wav|flac|pdf|docx?|xlsx?|pptx?|vcf|apk|exe)$/i;

type Yauzl = typeof yauzl;

/**
 * yauzl, loaded when the first archive is opened. Bundled, it loaded Node's zlib with the chunk every source is
 * in (~8 ms on each thread of every run, before the first line was read), for the few cases that hold a zip. The
 * reader of an input's byte ranges is a subclass of yauzl's, so it is made with it.
 */
let library: { yauzl: Yauzl; RangeReader: new (input: SourceInput) => yauzl.RandomAccessReader } | undefined;

function loaded(): NonNullable<typeof library> {
  if (library === undefined) {
    const lib = createRequire(import.meta.url)('yauzl') as Yauzl;
    class RangeReader extends lib.RandomAccessReader {
      constructor(private readonly input: SourceInput) {
        super();
      }
      override _readStreamForRange(start: number, end: number): Readable {
        return this.input.readRange!(start, end);
      }
    }
    library = { yauzl: lib, RangeReader };
  }
  return library;
}

function open(input: SourceInput): Promise<yauzl.ZipFile> {
  const { yauzl: lib, RangeReader } = loaded();
  return new Promise((resolve, reject) => {
    lib.fromRandomAccessReader(
      new RangeReader(input),
      input.bytes,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no archive')) : resolve(zip)),
    );
  });
}

/** A member's name as stored in the archive. */
function storedName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString('utf8') : iconv().decode(raw, 'cp437');
}

/**
 * A member's path: its stored name with each `\\` made a `/`. The zip format says `/`, but tools on Windows have
 * written `\\` (APPNOTE 4.4.17.1 forbids it; unzip reads it as a separator too). A name with one is no escape in
 * itself: yauzl's check refuses every backslash, so it is made a `/` first, and `..\\x` or `C:\\x` is then refused
 * for what it is.
 */
function pathOf(stored: string): string {
  return stored.replaceAll('\\', '/');
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * The member's bytes differ from what the archive recorded: a damaged download, copy or disk. `atEnd`: found once
 * every byte was delivered (the CRC-32), so a reader may still read them all (`FailureAtEnd`).
 */
function damaged(why: string, atEnd = false): SourceFailure {
  return new (atEnd ? FailureAtEnd : SourceFailure)(
    'ZIP_MEMBER_DAMAGED',
    `this file inside the archive is damaged: ${why}; anything read from it may be garbled`,
    undefined,
    'Download or export the archive again (a copy that unzips without errors), then re-run with the new archive.',
  );
}

/**
 * A zip that cannot be opened, or whose list of files breaks off: most often a download or copy cut short. Said in
 * plain words with what to do; yauzl's own words follow as details, for whoever helps.
 */
function unreadable(path: string, what: string, err: Error): ContainerFailure {
  const said = `the zip file is damaged or was cut short: ${what}`;
  return new ContainerFailure(
    'ZIP_UNREADABLE',
    `${path}: ${said} (details: ${err.message.replace(/\.$/, '')})`,
    'Download or copy the export again; if the phone or app made it, export it again from there. Then re-run with the new zip file.',
    said,
  );
}

/** Compression methods other zip tools write (APPNOTE 4.4.5), by name; yauzl inflates only 0 (stored) and 8 (deflate). */
const METHODS: Readonly<Record<number, string>> = {
  9: 'Deflate64',
  12: 'bzip2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
};

/**
 * A member packed with a method that cannot be inflated here: Deflate64 (Windows Explorer's "Compressed (zipped)
 * folder" for large files, 7-Zip's "Deflate64"), bzip2, LZMA… Its bytes are intact, so this is no damage, and
 * no disk fault either: the archive must be unzipped by a tool that knows the method. `undefined` for 0 and 8.
 */
function unsupportedMethod(method: number): SourceFailure | undefined {
  if (method === 0 || method === 8) return undefined;
  const name = METHODS[method];
  return new SourceFailure(
    'ZIP_MEMBER_METHOD_UNSUPPORTED',
    `this file inside the archive is compressed with ${name === undefined ? 'an unknown method' : name} (zip compression method ${method}), which chronolog cannot unpack; it was not read`,
    undefined,
    "Unzip the archive with your computer's own unzip tool or 7-Zip, then give chronolog the unzipped folder.",
  );
}

/** zlib's errors for corrupt deflate data, and yauzl's for a member that ends before or after its size. */
function isDamage(err: Error & { code?: string }): boolean {
  return (
    (typeof err.code === 'string' && err.code.startsWith('Z_')) ||
    /too many bytes in the stream|not enough bytes in the stream|unexpected EOF/i.test(err.message)
  );
}

/** The member `entry` at `path` (its file name, for detection, is the last part of `name`, its path in the archive). */
function memberInput(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  parent: SourceInput,
  name: string,
  path: string,
): SourceInput {
  const expected = entry.crc32 >>> 0;
  return {
    path: `${parent.path}!/${path}`,
    name: name.slice(name.lastIndexOf('/') + 1),
    bytes: entry.uncompressedSize,
    open() {
      let crc = 0;
      let inner: Readable | undefined;
      const opened = new Promise<AsyncIterator<Buffer>>((resolve, reject) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) {
            reject(unsupportedMethod(entry.compressionMethod) ?? err ?? new Error('cannot open member'));
            return;
          }
          inner = stream;
          // The iterator below reports errors; this keeps one raised before it is first asked from going unheard.
          stream.on('error', () => {});
          if (out.destroyed) stream.destroy();
          resolve(stream[Symbol.asyncIterator]());
        });
      });
      opened.catch(() => {});
      // Pulled one chunk at a time (highWaterMark 1): when the member ends, everything before has been taken
      // by the reader, so a damaged member still delivers all its bytes before the failure, every time.
      const out: Readable = new Readable({
        objectMode: true,
        highWaterMark: 1,
        read() {
          void (async () => {
            try {
              const next = await (await opened).next();
              if (out.destroyed) return;
              if (!next.done) {
                crc = crc32(next.value, crc);
                out.push(next.value);
              } else if (crc === expected) out.push(null);
              else
                out.destroy(
                  damaged(
                    `its content does not match the checksum recorded in the archive (CRC-32 ${hex(crc)}, expected ${hex(expected)})`,
                    true,
                  ),
                );
            } catch (err) {
              const e = err as Error;
              out.destroy(isDamage(e) ? damaged(`its compressed data cannot be read (${e.message})`) : e);
            }
          })();
        },
        destroy(err, cb) {
          inner?.destroy();
          cb(err);
        },
      });
      return out;
    },
  };
}

/** Why a zip inside a zip is not read, as the list of files not read gives it. */
export const NESTED =
  'zip archive inside an archive, not opened; unzip the outer archive and give chronolog this one';

async function* members(input: SourceInput, ctx: ContainerContext): AsyncIterable<SourceInput> {
  if (!input.readRange) {
    ctx.notOpened(NESTED);
    ctx.warn(
      'ZIP_NESTED',
      `${input.path} is an archive inside an archive; it was not read`,
      'If it holds exports (it may also be a file sent as an attachment), unzip the outer archive and give chronolog the inner one, which is read in place.',
    );
    return;
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await open(input);
  } catch (err) {
    throw unreadable(input.path, 'it could not be opened', err as Error);
  }
  if (zip.entryCount > ZIP_LIMITS.maxEntries) {
    zip.close();
    throw new SourceFailure(
      'ZIP_TOO_MANY_ENTRIES',
      `${input.path} has ${zip.entryCount} members; the limit is ${ZIP_LIMITS.maxEntries}`,
      undefined,
      'Unzip it and point chronolog at the folder holding the chat files.',
    );
  }
  const entries: yauzl.Entry[] = await new Promise((resolve, reject) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      list.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(list));
    // A central directory that breaks off or points outside the file (a cut or damaged download): the same
    // failure as an archive that cannot be opened at all, with what to do, never yauzl's words alone.
    zip.on('error', (err: Error) =>
      reject(unreadable(input.path, 'its list of files could not be read', err)),
    );
    zip.readEntry();
  });
  let total = 0;
  // Every path given so far, read or listed: a report names each once (`verify` finds each member by it).
  const given = new Set<string>();
  const ignore = (path: string, reason: string) => {
    given.add(path);
    ctx.ignore(path, reason);
  };
  for (const [index, entry] of entries.entries()) {
    const stored = storedName(entry);
    if (stored.endsWith('/')) continue;
    const name = pathOf(stored);
    if (name.endsWith('/')) {
      // A folder as a Windows tool writes one (`Exports\\`), holding nothing; one that holds bytes is a file whose
      // name says folder, and is listed, as before backslashes were read as separators.
      if (entry.uncompressedSize > 0)
        ignore(
          distinct(stored, index, given),
          `a file whose name ends in a backslash, as a folder's does (${entry.uncompressedSize} bytes); extract it, name it as a file and give chronolog that file`,
        );
      continue;
    }
    const problem = loaded().yauzl.validateFileName(name);
    if (problem !== null) {
      // Named as stored, since that is what is in the archive; yauzl's words without the path it was given.
      ignore(
        distinct(stored, index, given),
        `refused: the member's path escapes the archive (${problem.replace(/:.*$/s, '')})`,
      );
      continue;
    }
    // A path an earlier member has (the same name, or the same once its backslashes are made `/`): this one is
    // read under its path and its place in the archive's list, so the report names two files, each found again.
    const path = distinct(name, index, given);
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (name.startsWith('__MACOSX/') || base.startsWith('._')) {
      ignore(path, 'macOS resource fork, not an export');
      continue;
    }
    if (MEDIA.test(name)) {
      ignore(path, 'media or document attachment, not a message export');
      continue;
    }
    if (entry.isEncrypted()) {
      ignore(path, 'encrypted member; decrypt the archive first');
      continue;
    }
    const ratio =
      entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : Number.POSITIVE_INFINITY;
    if (entry.uncompressedSize > ZIP_LIMITS.ratioMinBytes && ratio > ZIP_LIMITS.maxRatio) {
      ignore(
        path,
        `refused: compression ratio ${Math.round(ratio)}:1 exceeds the limit of ${ZIP_LIMITS.maxRatio}:1 (possible zip bomb)`,
      );
      continue;
    }
    total += entry.uncompressedSize;
    if (total > ZIP_LIMITS.maxTotalBytes) {
      ignore(
        path,
        `refused: the archive's members exceed ${ZIP_LIMITS.maxTotalBytes / 1024 ** 3} GiB uncompressed (possible zip bomb)`,
      );
      continue;
    }
    given.add(path);
    yield memberInput(zip, entry, input, name, path);
  }
}

/**
 * `path`, or when an earlier member was given it, `path (the archive's member N)`, N its place in the archive's
 * list (as `unzip -l` shows it), which no other member has.
 */
function distinct(path: string, index: number, given: ReadonlySet<string>): string {
  let out = path;
  while (given.has(out)) out = `${out} (the archive's member ${index + 1})`;
  return out;
}

export const zip: Container = {
  id: 'zip',
  label: 'Zip archive of exports (read in place)',
  recognisedBy: 'starts with the zip signature PK\\x03\\x04 (or an empty archive PK\\x05\\x06)',
  detect: (p) => p.head[0] === 0x50 && p.head[1] === 0x4b && (p.head[2] === 3 || p.head[2] === 5),
  members,
};

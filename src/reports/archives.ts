/**
 * The archives the inputs were read from inside (a WhatsApp "Attach media" zip, a Facebook download), each once
 * with its own SHA-256: the hash an evidence log records for the download. The human-readable reports name them
 * under their list of files, whose SHA-256 values are those of the files inside.
 */

/**
 * Each archive the inputs name, once, in the order of the inputs (sorted by path): the reports' list, and the
 * archives `verify` hashes again (it reads the report's JSON, whose archives carry what it needs of them).
 */
export function archivesOf<A extends { readonly path: string }>(
  inputs: readonly { readonly archive?: A | undefined }[],
): A[] {
  const seen = new Map<string, A>();
  for (const i of inputs) if (i.archive && !seen.has(i.archive.path)) seen.set(i.archive.path, i.archive);
  return [...seen.values()];
}

/** Said once above the archives: which SHA-256 is which. */
export const ARCHIVE_NOTE =
  'A file read from inside an archive is listed with the SHA-256 of that file; the archive’s own SHA-256 is:';

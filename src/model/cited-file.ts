/**
 * How a sentence names the file an incident comes from. Export folders repeat file names (every Messenger and
 * Instagram thread is a message_1.json, every WhatsApp export a _chat.txt), so the name alone can point at several
 * inputs: a citation gives the end of the path, as many whole folders as it takes for no other input's path to end
 * the same way — the file name alone when no other input has that name. The tables give the whole path (or its
 * key), which ends with what the sentence gives.
 */

/** Each path's shortest ending (whole `/`-separated parts) that no other of `paths` ends with; else the path. */
export function fileTails(paths: readonly string[]): Map<string, string> {
  const unique = [...new Set(paths)];
  const ends = (p: string) => {
    const parts = p.split('/');
    return parts.map((_, k) => parts.slice(parts.length - 1 - k).join('/'));
  };
  const count = new Map<string, number>();
  for (const p of unique) for (const e of ends(p)) count.set(e, (count.get(e) ?? 0) + 1);
  return new Map(unique.map((p) => [p, ends(p).find((e) => count.get(e) === 1) ?? p]));
}

/**
 * The file of a cited incident as a sentence names it: its `fileTail`, or, in a report made before that was
 * recorded, the file name.
 */
export function citedFile(r: { readonly file: string; readonly fileTail?: string | undefined }): string {
  return r.fileTail ?? r.file.slice(r.file.lastIndexOf('/') + 1);
}

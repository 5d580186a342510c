/**
 * How deeply one record of a JSON export may nest, shared by every source that reads JSON. Real records nest a
 * handful of levels (a Telegram message about 5, Discord, X and Meta fewer); one nested hundreds deep was made by
 * hand or by a fuzzer. Such a record is rejected with its locator before it is assembled, and the file is read on:
 * JSON.parse itself copes with any depth, but everything that walks a parsed value (JSON.stringify quoting a bad
 * value, the mojibake verdict) recurses, and would stop the whole file with V8's "Maximum call stack size
 * exceeded".
 */

/** The deepest a record may nest, counting the record itself as level 1. */
export const MAX_RECORD_DEPTH = 512;

/** For messages: "nested more than 512 levels deep". */
export const TOO_DEEP = `nested more than ${MAX_RECORD_DEPTH} levels deep`;

/**
 * True when the JSON text nests deeper than `MAX_RECORD_DEPTH` (brackets inside strings do not count). For
 * sources that hold one record's text, like a JSONL line: a text shorter than the limit is answered without a scan.
 */
export function nestsTooDeep(text: string): boolean {
  if (text.length <= MAX_RECORD_DEPTH) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_RECORD_DEPTH) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

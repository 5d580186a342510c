/**
 * Where the records of a JSON export lie, found by a small scanner of its own (strings, escapes and brackets
 * only), so that a test cutting the file at every point knows, without the reader, which record each cut falls in.
 */

/** One record: the byte offsets of its opening and closing bracket, and its locator. */
export interface RecordSpan {
  readonly start: number;
  readonly end: number;
  readonly locator: string;
}

/** A container open at some point of the scan: its kind, the member name or index it sits at, its next index. */
interface Open {
  readonly isArray: boolean;
  readonly at: string | number | undefined;
  next: number;
}

/**
 * The objects and arrays of `bytes` (UTF-8 JSON, or the JSON after `from`) whose path `isRecord` accepts, e.g.
 * `(p) => p.length === 2 && p[0] === 'messages'`. Paths are member names and array indexes, as the reader's
 * locators are; an index counts the objects and arrays before it only, which is right for arrays of records
 * (exports write no bare values among them) and for the arrays that lead to them.
 */
export function recordSpans(
  bytes: Uint8Array,
  isRecord: (path: readonly (string | number)[]) => boolean,
  locatorOf: (path: readonly (string | number)[]) => string,
  from = 0,
): RecordSpan[] {
  const spans: RecordSpan[] = [];
  const stack: Open[] = [];
  const starts: (number | undefined)[] = [];
  let key: string | undefined;
  let inString = false;
  let stringStart = 0;
  const path = () => stack.slice(1).map((o) => o.at!);
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) {
        inString = false;
        const top = stack[stack.length - 1];
        // A string in an object, before its colon, is a member name.
        if (top && !top.isArray && key === undefined) {
          let j = i + 1;
          while (bytes[j] === 0x20 || bytes[j] === 0x0a || bytes[j] === 0x0d || bytes[j] === 0x09) j++;
          if (bytes[j] === 0x3a) key = Buffer.from(bytes.subarray(stringStart + 1, i)).toString('utf8');
        }
      }
      continue;
    }
    if (c === 0x22) {
      inString = true;
      stringStart = i;
    } else if (c === 0x7b || c === 0x5b) {
      const top = stack[stack.length - 1];
      const at = top === undefined ? undefined : top.isArray ? top.next : key;
      stack.push({ isArray: c === 0x5b, at, next: 0 });
      key = undefined;
      starts.push(isRecord(path()) ? i : undefined);
    } else if (c === 0x7d || c === 0x5d) {
      const p = path();
      const start = starts.pop();
      if (start !== undefined) spans.push({ start, end: i, locator: locatorOf(p) });
      stack.pop();
      const top = stack[stack.length - 1];
      if (top?.isArray) top.next++;
      key = undefined;
    } else if (c === 0x2c) key = undefined;
  }
  return spans;
}

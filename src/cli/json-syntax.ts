/**
 * Where a case file's syntax is wrong (or a JSON report's, for `verify`), as a line and column, and why in plain words. `JSON.parse` gives a
 * position for only some mistakes ("…at position 72"; an unexpected character instead quotes the text), so the
 * text is scanned again by the strict grammar of RFC 8259, which `JSON.parse` follows, to find the first
 * mistake. Case files are a few kilobytes and this runs only after `JSON.parse` has failed. The same scan of a
 * valid file says where each value is written, so a bad field can be named by its line.
 */

export interface SyntaxPosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  readonly column: number;
  readonly why: string;
}

class Mistake {
  constructor(
    readonly offset: number,
    readonly why: string,
  ) {}
}

/** Line and column (both 1-based) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - nl };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Where one value is written: offsets into the text, its name's when it is a field of an object. */
export interface ValueSpan {
  /** Offset of the field name's opening quote; undefined for an array element or the top-level value. */
  readonly name?: number;
  readonly start: number;
  /** Offset just after the value. */
  readonly end: number;
}

type OnValue = (path: readonly (string | number)[], span: ValueSpan) => void;

/** The first JSON syntax mistake in `text`, or undefined when the scan finds none. */
export function jsonSyntaxError(text: string): SyntaxPosition | undefined {
  try {
    scan(text);
    return undefined;
  } catch (err) {
    // Anything but a Mistake (a nesting too deep for the stack) leaves the error as JSON.parse put it.
    if (!(err instanceof Mistake)) return undefined;
    return { ...lineColumn(text, err.offset), why: err.why };
  }
}

/**
 * Where each value of valid JSON is written, keyed by its path as `JSON.stringify(path)` (`["milestones",0,"date"]`).
 * A name given twice is kept at its last place, the one `JSON.parse` keeps. Undefined when the text is not valid.
 */
export function jsonValueSpans(text: string): Map<string, ValueSpan> | undefined {
  const spans = new Map<string, ValueSpan>();
  try {
    scan(text, (path, span) => spans.set(JSON.stringify(path), span));
  } catch {
    return undefined;
  }
  return spans;
}

/** Scans `text` by the JSON grammar, throwing a `Mistake` at the first error and telling `onValue` of each value. */
function scan(text: string, onValue?: OnValue): void {
  let i = 0;
  const path: (string | number)[] = [];
  const fail = (why: string, at = i): never => {
    throw new Mistake(at, why);
  };
  const found = (at: number): string => {
    const ch = text[at];
    if (ch === undefined) return 'the end of the file';
    if (ch === '"') return 'a quote mark (")';
    return /[\s\p{C}]/u.test(ch)
      ? `character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
      : `"${ch}"`;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };

  function string(): void {
    const start = i++;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (Number.isNaN(ch)) fail('quoted text is not closed: a closing " is missing', start);
      if (ch === 0x22) {
        i++;
        return;
      }
      if (ch === 0x0a || ch === 0x0d)
        fail('quoted text runs to the end of the line: a closing " is missing', start);
      if (ch < 0x20) fail(`quoted text holds ${found(i)}; write it as an escape such as \\t`);
      if (ch === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail('\\u must be followed by four hex digits');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          fail('a backslash in quoted text must be doubled (\\\\), e.g. "C:\\\\Users\\\\alex"');
        }
        i += 2;
        continue;
      }
      i++;
    }
  }

  function value(name?: number): void {
    space();
    const start = i;
    valueAt();
    onValue?.(path, name === undefined ? { start, end: i } : { name, start, end: i });
  }

  function valueAt(): void {
    const ch = text[i];
    if (ch === undefined) fail('the file ends where a value should be: a bracket or quote is not closed');
    else if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail(`${found(i)} does not start a number`);
      i = NUMBER.lastIndex;
    } else {
      const literal = ['true', 'false', 'null'].find((l) => text.startsWith(l, i));
      if (literal) i += literal.length;
      else if (ch === "'") fail('text must be in double quotes ("), not single quotes');
      else fail(`expected a value, found ${found(i)}; text must be in double quotes`);
    }
  }

  function object(): void {
    i++;
    space();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] !== '"') {
        fail(
          text[i] === "'"
            ? 'field names must be in double quotes ("), not single quotes'
            : `expected a field name in double quotes, found ${found(i)}`,
        );
      }
      const name = i;
      string();
      const key = text.slice(name, i);
      space();
      if (text[i] !== ':') fail(`expected ":" after the field name, found ${found(i)}`);
      i++;
      path.push(onValue ? (JSON.parse(key) as string) : '');
      value(name);
      path.pop();
      if (closed('}')) return;
    }
  }

  /** After an object's or array's item: true at its closing bracket (read), false after a comma (read). */
  function closed(close: '}' | ']'): boolean {
    space();
    if (text[i] === close) {
      i++;
      return true;
    }
    if (i >= text.length) fail(`the file ends before the closing "${close}"`);
    if (text[i] !== ',')
      fail(`expected "," or "${close}" after a value, found ${found(i)}: is a comma missing?`);
    const comma = i++;
    space();
    if (text[i] === close) fail(`a comma before "${close}" has nothing after it: remove the comma`, comma);
    return false;
  }

  function array(): void {
    i++;
    space();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (let index = 0; ; index++) {
      path.push(index);
      value();
      path.pop();
      if (closed(']')) return;
    }
  }

  if (text.trim() === '') fail('the file is empty; a case file holds at least {}');
  value();
  space();
  if (i < text.length) fail(`unexpected ${found(i)} after the end of the data: is there a bracket too many?`);
}

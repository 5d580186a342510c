/**
 * The JSON syntax locator for case files: it must find a mistake exactly where JSON.parse fails (never report one
 * in valid JSON, never miss one), and say where and why in words a person can act on.
 */
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, jsonValueSpans, lineColumn } from '../../src/cli/json-syntax.js';

const CASE = `{
  "title": "Alex Morgan \\u2014 contact from Sam",
  "timezone": "Europe/London",
  "region": "GB",
  "subject": { "name": "Sam", "identifiers": ["+447700900123", "07700 900456", "sam@example.com"] },
  "milestones": [{ "date": "2024-04-02", "label": "Police warning \\"PIN\\"", "type": "warning" }],
  "window": { "from": "2024-01-08", "to": "2024-06-30" },
  "lexicon": { "threat": { "terms": ["hurt"], "replace": false } },
  "extra": [0, -1.5e3, 2E-2, true, false, null, {}, [], "tab\\there / slash \\/"]
}
`;

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    expect(parses(CASE)).toBe(true);
    expect(jsonSyntaxError(CASE)).toBeUndefined();
  });

  it('agrees with JSON.parse on every one-character deletion, duplication and replacement of a case file', () => {
    const variants: string[] = [];
    for (let i = 0; i < CASE.length; i++) {
      variants.push(CASE.slice(0, i) + CASE.slice(i + 1));
      variants.push(CASE.slice(0, i) + CASE[i] + CASE.slice(i));
      for (const ch of ['"', ',', '}', "'", '\\', '\n', 'x', '0', ' ']) {
        variants.push(CASE.slice(0, i) + ch + CASE.slice(i + 1));
      }
    }
    const disagreements = variants.filter((v) => parses(v) !== (jsonSyntaxError(v) === undefined));
    expect(disagreements).toEqual([]);
  });

  it.each([
    [
      '{\n  "a": 1\n  "b": 2\n}',
      3,
      3,
      'expected "," or "}" after a value, found a quote mark ("): is a comma missing?',
    ],
    ['{\n  "a": 1,\n}', 2, 9, 'a comma before "}" has nothing after it: remove the comma'],
    ['{"a": [1, 2,]}', 1, 12, 'a comma before "]" has nothing after it: remove the comma'],
    ['{\n  a: 1\n}', 2, 3, 'expected a field name in double quotes, found "a"'],
    ["{'a': 1}", 1, 2, 'field names must be in double quotes ("), not single quotes'],
    ['{"a": \'x\'}', 1, 7, 'text must be in double quotes ("), not single quotes'],
    ['{"a": x}', 1, 7, 'expected a value, found "x"; text must be in double quotes'],
    ['{"a" 1}', 1, 6, 'expected ":" after the field name, found "1"'],
    [
      '{"a": "C:\\Users"}',
      1,
      10,
      'a backslash in quoted text must be doubled (\\\\), e.g. "C:\\\\Users\\\\alex"',
    ],
    ['{"a": "\\u12"}', 1, 8, '\\u must be followed by four hex digits'],
    ['{"a": "abc\n}', 1, 7, 'quoted text runs to the end of the line: a closing " is missing'],
    ['{"a": "abc', 1, 7, 'quoted text is not closed: a closing " is missing'],
    ['{"a": "x\ty"}', 1, 9, 'quoted text holds character U+0009; write it as an escape such as \\t'],
    ['{"a": -}', 1, 7, '"-" does not start a number'],
    ['{"a": 1', 1, 8, 'the file ends before the closing "}"'],
    ['[1', 1, 3, 'the file ends before the closing "]"'],
    ['{"a":', 1, 6, 'the file ends where a value should be: a bracket or quote is not closed'],
    ['{"a": 1}}', 1, 9, 'unexpected "}" after the end of the data: is there a bracket too many?'],
    ['{"a":\u00a01}', 1, 6, 'expected a value, found character U+00A0; text must be in double quotes'],
    ['  \n ', 1, 1, 'the file is empty; a case file holds at least {}'],
  ])('%j: line %i, column %i: %s', (text, line, column, why) => {
    expect(parses(text)).toBe(false);
    expect(jsonSyntaxError(text)).toEqual({ line, column, why });
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
  });
});

describe('jsonValueSpans', () => {
  const at = (text: string, p: (string | number)[]) => {
    const span = jsonValueSpans(text)?.get(JSON.stringify(p));
    return (
      span && {
        ...span,
        text: text.slice(span.start, span.end),
        name: span.name && lineColumn(text, span.name),
      }
    );
  };

  it('places each value of a valid file by its path, and a field by its name', () => {
    expect(at(CASE, ['region'])).toEqual({
      start: CASE.indexOf('"GB"'),
      end: CASE.indexOf('"GB"') + 4,
      text: '"GB"',
      name: { line: 4, column: 3 },
    });
    expect(at(CASE, ['subject', 'identifiers', 1])?.text).toBe('"07700 900456"');
    expect(at(CASE, ['milestones', 0, 'label'])?.text).toBe('"Police warning \\"PIN\\""');
    expect(lineColumn(CASE, at(CASE, ['window', 'to'])!.start)).toEqual({ line: 7, column: 43 });
    expect(at(CASE, ['extra', 1])?.text).toBe('-1.5e3');
    expect(at(CASE, [])?.start).toBe(0);
  });

  it('keeps a name given twice at its last place, the value JSON.parse keeps', () => {
    const text = '{ "region": "UK",\n  "region": 44 }';
    expect(at(text, ['region'])?.text).toBe('44');
  });

  it('finds a field whose name holds an escape by the name it stands for', () => {
    expect(at('{"a\\u0062": 1}', ['ab'])?.text).toBe('1');
  });

  it('gives nothing for invalid JSON', () => {
    expect(jsonValueSpans('{ "a": 1, }')).toBeUndefined();
  });
});

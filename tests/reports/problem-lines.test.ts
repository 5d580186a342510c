/**
 * Problems as the terminal shows them: "file:locator: message", but a message that names its file itself (a zip
 * member inside an archive, "times in chat.md are …") is not led by the file again when no locator adds to it.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/index.js';
import { problemLines } from '../../src/reports/problem-lines.js';

const plain = new Chalk({ level: 0 });

describe('problemLines', () => {
  it('names the file once when the message names it and no locator adds to it', () => {
    const nested: Problem = {
      code: 'ZIP_NESTED',
      severity: 'warning',
      file: 'exports/X.zip!/inner.zip',
      message: 'exports/X.zip!/inner.zip is an archive inside an archive; it was not read',
      hint: 'Unzip the outer archive.',
    };
    expect(problemLines(nested, plain)).toEqual([
      '  ! exports/X.zip!/inner.zip is an archive inside an archive; it was not read',
      '    Unzip the outer archive.',
    ]);
  });

  it('leads with file:locator when there is a locator, or when the message does not name the file', () => {
    const atLine: Problem = {
      code: 'WHATSAPP_BAD_DATE',
      severity: 'error',
      file: 'chat.txt',
      locator: '12',
      message: 'chat.txt has a date that does not exist (31/02/2024)',
    };
    expect(problemLines(atLine, plain)).toEqual([
      '  ✖ chat.txt:12: chat.txt has a date that does not exist (31/02/2024)',
    ]);
    const unnamed: Problem = {
      code: 'SIGNAL_LOCAL_TIME',
      severity: 'info',
      file: 'chat.md',
      message: 'times are the local time of the computer that exported them',
    };
    expect(problemLines(unnamed, plain)).toEqual([
      '  i chat.md: times are the local time of the computer that exported them',
    ]);
  });
});

/**
 * `verify` given a report it cannot read. A file that is (or may be) the JSON report but cannot be read as one is an
 * input failure, exit 1, saying where and why: a JSON syntax error (a report cut short) by line and column, an
 * empty file, a field missing or of another schema version, each with what to do. Another file given in its place
 * (JSON that is no report, chronolog's HTML report or timeline) stays a usage error, exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-verify-bad-');
afterAll(() => s.cleanup());

const CHAT = '12/03/2024, 10:00 - Sam: are you there\n13/03/2024, 22:01 - Sam: answer me\n';
const OPTS = ['--subject', 'Sam', '--tz', 'Europe/London', '--now', NOW];
let text = '';

beforeAll(() => {
  s.file('case/chat.txt', CHAT);
  const r = cli(['report', 'case', ...OPTS, '--format', 'json', '--out', 'report.json'], {}, s.dir);
  expect(r.code, r.stderr).toBe(0);
  text = readFileSync(path.join(s.dir, 'report.json'), 'utf8');
});

/** `verify NAME` in the scratch folder, after writing `content` to NAME. */
function verifyText(name: string, content: string): CliResult {
  writeFileSync(path.join(s.dir, name), content);
  return cli(['verify', name], {}, s.dir);
}

/** Line and column (1-based) of `offset` in `text`, as an editor shows them. */
function at(t: string, offset: number): string {
  const before = t.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

const DAMAGED =
  'hint: The report may have been cut short (an interrupted copy, download or save) or edited since it was written. ' +
  'Verify the copy saved with the evidence, or make the report again with --format json.\n';

function expectFailure(r: CliResult, code: 1 | 2, stderr: string): void {
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(stderr);
  expect(r.code).toBe(code);
}

describe('verify: a report cut short or damaged is an input failure (exit 1)', () => {
  it('the intact report verifies', () => {
    const r = cli(['verify', 'report.json'], {}, s.dir);
    expect(r.code, r.stdout).toBe(0);
  });

  it('cut short inside a value: the line and column of the text left open', () => {
    const quote = text.indexOf('"sha256": "') + '"sha256": '.length;
    const cut = text.slice(0, quote + 12);
    expectFailure(
      verifyText('cut.json', cut),
      1,
      `error: report cut.json:${at(cut, quote)} is not valid JSON: quoted text is not closed: a closing " is missing\n${DAMAGED}`,
    );
  });

  it('cut short before its last bracket: where the file ends', () => {
    const cut = text.trimEnd().slice(0, -1);
    expectFailure(
      verifyText('no-end.json', cut),
      1,
      `error: report no-end.json:${at(cut, cut.length)} is not valid JSON: the file ends before the closing "}"\n${DAMAGED}`,
    );
  });

  it('empty', () => {
    expectFailure(verifyText('empty.json', ''), 1, `error: empty.json is empty\n${DAMAGED}`);
  });

  it('a field taken out, or written otherwise, is named by its path', () => {
    const data = JSON.parse(text);
    const { inputs, ...withoutInputs } = data;
    expectFailure(
      verifyText('no-inputs.json', JSON.stringify(withoutInputs, null, 2)),
      1,
      `error: no-inputs.json is a chronolog report, but its field "inputs" is missing\n${DAMAGED}`,
    );
    const edited = { ...data, inputs: [{ ...inputs[0], sha256: 42 }] };
    expectFailure(
      verifyText('edited.json', JSON.stringify(edited, null, 2)),
      1,
      `error: edited.json is a chronolog report, but its field "inputs[0].sha256" is not written as chronolog writes it\n${DAMAGED}`,
    );
  });

  it('another schema version names the chronolog that wrote it', () => {
    const data = JSON.parse(text);
    const later = { ...data, schemaVersion: 2, generator: { name: 'chronolog', version: '9.0.0' } };
    expectFailure(
      verifyText('later.json', JSON.stringify(later, null, 2)),
      1,
      `error: later.json is a chronolog report of schemaVersion 2; this chronolog (${data.generator.version}) verifies schemaVersion 1\nhint: Verify it with the chronolog that wrote it (version 9.0.0).\n`,
    );
  });

  it('text that is not JSON at all: where, and which file verify reads', () => {
    expectFailure(
      verifyText('bad.json', '{bad\n'),
      1,
      'error: bad.json:1:2 is not valid JSON: expected a field name in double quotes, found "b"\n' +
        'hint: Give the report written with --format json, e.g. chronolog verify report.json. If this is that report: ' +
        'it may have been cut short (an interrupted copy, download or save) or edited since it was written. ' +
        'Verify the copy saved with the evidence, or make the report again with --format json.\n',
    );
  });
});

describe('verify: another file given in place of the JSON report is a usage error (exit 2)', () => {
  const GIVE = 'hint: Give the report written with --format json, e.g. chronolog verify report.json\n';

  it("chronolog's HTML report", () => {
    const made = cli(['report', 'case', ...OPTS, '--format', 'html', '--out', 'report.html'], {}, s.dir);
    expect(made.code, made.stderr).toBe(0);
    expectFailure(
      cli(['verify', 'report.html'], {}, s.dir),
      2,
      `error: report.html is a chronolog report in HTML or Markdown, not the JSON report verify reads\n${GIVE}`,
    );
  });

  it("chronolog's timeline in JSON Lines", () => {
    const made = cli(
      ['timeline', 'case', ...OPTS.slice(0, 4), '-f', 'jsonl', '--out', 'timeline.jsonl'],
      {},
      s.dir,
    );
    expect(made.code, made.stderr).toBe(0);
    expectFailure(
      cli(['verify', 'timeline.jsonl'], {}, s.dir),
      2,
      `error: timeline.jsonl is a chronolog timeline, not the JSON report verify reads\n${GIVE}`,
    );
  });

  it('an export or a picture given by mistake: how it begins, not a JSON syntax error', () => {
    expectFailure(
      verifyText('incident-diary.csv', '\uFEFFDate,Time,Type of contact,What happened,Witnesses\n'),
      2,
      `error: incident-diary.csv is not a chronolog JSON report: it begins "Date,Time,Type of contact,What happened,…", not "{" as a JSON report does\n${GIVE}`,
    );
    expectFailure(
      verifyText('chat.txt', CHAT),
      2,
      `error: chat.txt is not a chronolog JSON report: it begins "12/03/2024, 10:00 - Sam: are you there", not "{" as a JSON report does\n${GIVE}`,
    );
    writeFileSync(path.join(s.dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]));
    expectFailure(
      cli(['verify', 'photo.jpg'], {}, s.dir),
      2,
      `error: photo.jpg is not a chronolog JSON report: it is not a text file\n${GIVE}`,
    );
  });

  it('JSON that is no chronolog report', () => {
    expectFailure(
      verifyText('package.json', '{"name": "evidence", "version": "1.0.0"}\n'),
      2,
      `error: package.json is not a chronolog JSON report\n${GIVE}`,
    );
  });
});

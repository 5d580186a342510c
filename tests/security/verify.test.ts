/**
 * `chronolog verify REPORT.json [--root DIR]`, as a third party would use it: every input the report lists is
 * re-hashed (members of a zip inside the archive); all matching gives exit 0 and one line, anything else exit 1
 * with each changed, missing and extra file named; `--root` checks a copy kept elsewhere. The HTML and Markdown
 * reports say how to run it.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { makeZip } from '../helpers/zip-writer.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'chronolog-verify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CHAT = '12/03/2024, 10:00 - Sam: are you there\n13/03/2024, 22:01 - Sam: answer me\n';
const MEMBER = 'WhatsApp Chat with Sam.txt';

/** A fresh copy of the demo case with a zipped chat added, reported to `report.json` beside it. */
function freshCase(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  cpSync(path.join(ROOT, DEMO), path.join(dir, 'case'), { recursive: true });
  writeFileSync(path.join(dir, 'case/chat.zip'), makeZip([{ name: MEMBER, data: CHAT }]));
  const r = cli(['report', 'case', '--format', 'json', '--now', NOW, '--out', 'report.json'], {}, dir);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

function verify(cwd: string, ...extra: string[]) {
  const r = cli(['verify', 'report.json', ...extra], {}, cwd);
  expect(r.stderr).not.toMatch(STACK);
  return r;
}

describe('chronolog verify', () => {
  it('confirms an untouched case in one line, zip members included', () => {
    const dir = freshCase('untouched');
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    const paths: string[] = report.inputs.map((i: { path: string }) => i.path);
    expect(paths).toContain(`case/chat.zip!/${MEMBER}`);
    const r = verify(dir);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `✔ all ${paths.length} inputs and the case file match the SHA-256 recorded in report.json; figures not recomputed (add --recompute to check them)`,
    ]);
  });

  it('names each changed, missing and extra file, and exits 1', () => {
    const dir = freshCase('tampered');
    // One byte changed in place (same size), one file deleted, one file added, one zip member rewritten.
    const diary = path.join(dir, 'case/incident-diary.csv');
    const bytes = readFileSync(diary);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 1, bytes.length - 2);
    writeFileSync(diary, bytes);
    rmSync(path.join(dir, 'case/sms-20240315120000.xml'));
    writeFileSync(path.join(dir, 'case/later-chat.txt'), CHAT);
    writeFileSync(
      path.join(dir, 'case/chat.zip'),
      makeZip([{ name: MEMBER, data: CHAT.replace('answer', 'ANSWER') }]),
    );
    const r = verify(dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('✖ the inputs differ from those recorded in report.json:');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}changed: case\/incident-diary\.csv \(expected [0-9a-f]{16}…, found [0-9a-f]{16}…\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}changed: case\/chat\.zip!\/WhatsApp Chat with Sam\.txt /),
    );
    // The archive, hashed whole, changed with its member.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}changed: case\/chat\.zip \(the archive; expected [0-9a-f]{16}…, found [0-9a-f]{16}…\)$/,
      ),
    );
    expect(lines).toContain('  missing: case/sms-20240315120000.xml');
    expect(lines).toContain('  extra:   case/later-chat.txt');
    // Nothing else is named: the untouched inputs, the ignored notes and the case file are not listed.
    expect(lines.filter((l) => /^ {2}(changed|missing|extra)/.test(l))).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/use --root DIR to verify a copy kept elsewhere/);
  });

  it('names a member added to a zip since the report as extra when a report would read it, else as not read', () => {
    const dir = freshCase('zip-added');
    writeFileSync(
      path.join(dir, 'case/chat.zip'),
      makeZip([
        { name: MEMBER, data: CHAT },
        { name: 'WhatsApp Chat with Sam (2).txt', data: CHAT.replace('answer', 'hello') },
        { name: 'IMG-0001.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
      ]),
    );
    const r = verify(dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain('  extra:   case/chat.zip!/WhatsApp Chat with Sam (2).txt');
    // A report made now would pass the picture over, as README defines extra: said, but no change.
    expect(lines).toContain(
      '  not read: case/chat.zip!/IMG-0001.jpg (media or document attachment, not a message export)',
    );
    // The archive itself is another file now, though the member the report read from it is the same.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}changed: case\/chat\.zip \(the archive; the files read from inside it match; expected [0-9a-f]{16}…, found [0-9a-f]{16}…\)$/,
      ),
    );
    expect(lines.filter((l) => /^ {2}(changed|missing|extra)/.test(l))).toHaveLength(2);
  });

  it('notices a file appended to, not only a different hash written into the report', () => {
    const dir = freshCase('appended');
    appendFileSync(
      path.join(dir, 'case/WhatsApp Chat with Sam.txt'),
      '01/07/2024, 09:00 - Sam: added later\n',
    );
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}changed: case\/WhatsApp Chat with Sam\.txt /m);
  });

  it('checks a copy kept elsewhere with --root, and says where it looked when the paths do not resolve', () => {
    const dir = freshCase('original');
    const elsewhere = path.join(tmp, 'police-copy');
    mkdirSync(elsewhere);
    cpSync(path.join(dir, 'case'), path.join(elsewhere, 'case'), { recursive: true });
    cpSync(path.join(dir, 'report.json'), path.join(tmp, 'report.json'));
    rmSync(dir, { recursive: true });
    // From the folder holding only the report, the inputs are missing...
    const lost = verify(tmp);
    expect(lost.code).toBe(1);
    expect(lost.stdout).toContain('  missing: case/incident-diary.csv');
    expect(lost.stdout).toContain(`Paths are resolved from ${tmp}`);
    // ...and with --root they all match.
    const found = verify(tmp, '--root', elsewhere);
    expect(found.code, found.stdout).toBe(0);
    expect(found.stdout).toMatch(/^✔ all \d+ inputs and the case file match/);
  });

  it('refuses a file that is not a chronolog JSON report with exit 2 and a hint', () => {
    const dir = path.join(tmp, 'not-a-report');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'report.json'), '{"hello": "world"}');
    const r = verify(dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/report\.json is not a chronolog JSON report/);
    expect(r.stderr).toMatch(/hint:/);
  });

  it('is explained in the HTML and Markdown reports', () => {
    for (const format of ['html', 'markdown']) {
      const r = cli(['report', DEMO, '--format', format, '--now', NOW]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).toMatch(/chronolog verify report\.json/);
    }
  });
});

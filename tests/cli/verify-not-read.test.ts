/**
 * `verify` and files found now that the report does not list. README defines extra as a file "which a new report
 * from that folder would read": only such a file fails the check. One a report made now would not read (not a
 * supported export, an empty file, a picture in a zip) is named as not read, with the reason a report gives, and
 * exit 0 when nothing else differs (a member added to a zip changes the zip itself, which is named as changed). Whether a report would read it is decided as `report` decides it, with the
 * report's own --format-of.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NESTED } from '../../src/sources/zip.js';
import { cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';
import { makeZip } from '../helpers/zip-writer.js';

const s = scratch('chronolog-verify-not-read-');
afterAll(() => s.cleanup());

const CHAT = '12/03/2024, 10:00 - Sam: are you there\n13/03/2024, 22:01 - Sam: answer me\n';
const NOTES = 'call the police if it happens again\n';
const OPTS = ['--subject', 'Sam', '--tz', 'Europe/London', '--now', NOW, '--format', 'json'];

/** A folder `name` holding `files`, reported (with `extra` options) to `name.json` beside it. */
function reported(name: string, files: Record<string, string | Buffer>, extra: string[] = []): string {
  for (const [file, data] of Object.entries(files)) s.file(`${name}/${file}`, data);
  const r = cli(['report', name, ...OPTS, ...extra, '--out', `${name}.json`], {}, s.dir);
  expect(r.code, r.stderr).toBe(0);
  return path.join(s.dir, name);
}

function verify(name: string) {
  const r = cli(['verify', `${name}.json`], {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).toBe('');
  return r;
}

describe('verify: a file added since that a report would not read', () => {
  it('is named as not read, with the reason, and the inputs still match (exit 0)', () => {
    const dir = reported('text-added', { 'chat.txt': CHAT });
    writeFileSync(path.join(dir, 'notes.txt'), NOTES);
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = verify('text-added');
    expect(r.stdout).toBe(
      [
        '✔ the 1 input matches the SHA-256 recorded in text-added.json; figures not recomputed (add --recompute to check them)',
        '  not read: text-added/empty.txt (empty file (0 bytes))',
        '  not read: text-added/notes.txt (not a supported export format)',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
  });

  it('is named as not read beside an export added since, which is extra (exit 1)', () => {
    const dir = reported('both-added', { 'chat.txt': CHAT });
    writeFileSync(path.join(dir, 'notes.txt'), NOTES);
    writeFileSync(path.join(dir, 'later-chat.txt'), CHAT.replace('answer', 'hello'));
    const r = verify('both-added');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  extra:   both-added/later-chat.txt',
      '  not read: both-added/notes.txt (not a supported export format)',
    ]);
  });

  it('in a zip: a member added since that is no export, or a picture, is not read; the archive itself changed', () => {
    const dir = reported('zip-added', { 'chat.zip': makeZip([{ name: '_chat.txt', data: CHAT }]) });
    writeFileSync(
      path.join(dir, 'chat.zip'),
      makeZip([
        { name: '_chat.txt', data: CHAT },
        { name: 'extra.txt', data: 'hello\n' },
        { name: 'IMG-0001.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
      ]),
    );
    const r = verify('zip-added');
    // The member read is the same, but the archive is another file than the one the report records.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(
        /^ {2}changed: zip-added\/chat\.zip \(the archive; the files read from inside it match; expected [0-9a-f]{16}…, found [0-9a-f]{16}…\)$/,
      ),
      '  not read: zip-added/chat.zip!/extra.txt (not a supported export format)',
      '  not read: zip-added/chat.zip!/IMG-0001.jpg (media or document attachment, not a message export)',
    ]);
    expect(r.code).toBe(1);
  });

  it('in a zip: a zip inside it, listed by the report as not read, matches; one added since is not read', () => {
    const inner = makeZip([{ name: '_chat.txt', data: CHAT }]);
    const dir = reported('zip-in-zip', {
      'chat.zip': makeZip([
        { name: '_chat.txt', data: CHAT },
        { name: 'sent.zip', data: inner, store: true },
      ]),
    });
    const report = JSON.parse(readFileSync(`${dir}.json`, 'utf8'));
    expect(report.ignoredFiles).toEqual([{ path: 'zip-in-zip/chat.zip!/sent.zip', reason: NESTED }]);
    const same = verify('zip-in-zip');
    expect(same.stdout).toBe(
      '✔ the 1 input matches the SHA-256 recorded in zip-in-zip.json; figures not recomputed (add --recompute to check them)\n',
    );
    expect(same.code).toBe(0);
    writeFileSync(
      path.join(dir, 'chat.zip'),
      makeZip([
        { name: '_chat.txt', data: CHAT },
        { name: 'sent.zip', data: inner, store: true },
        { name: 'more.zip', data: inner, store: true },
      ]),
    );
    const r = verify('zip-in-zip');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(
        /^ {2}changed: zip-in-zip\/chat\.zip \(the archive; the files read from inside it match;/,
      ),
      `  not read: zip-in-zip/chat.zip!/more.zip (${NESTED})`,
    ]);
    expect(r.code).toBe(1);
  });

  it("is judged with the report's own --format-of: a file that format would read is extra", () => {
    const dir = reported('forced', { 'chat.log': CHAT }, ['--format-of', '*.log=whatsapp-txt']);
    const report = JSON.parse(readFileSync(`${dir}.json`, 'utf8'));
    expect(report.inputs.map((i: { format: string }) => i.format)).toEqual(['whatsapp-txt']);
    writeFileSync(path.join(dir, 'notes.log'), NOTES);
    writeFileSync(path.join(dir, 'notes.txt'), NOTES);
    const r = verify('forced');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  extra:   forced/notes.log',
      '  not read: forced/notes.txt (not a supported export format)',
    ]);
  });
});

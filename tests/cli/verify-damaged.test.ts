/**
 * `chronolog verify` and a zip member whose bytes no longer match the CRC-32 the archive recorded for them (a bad
 * copy, download or disk). The damaged member is named as damaged with the reason, the other members of the same
 * archive are still re-hashed and judged on their own, the archive itself (hashed whole) is named as changed, and
 * the run fails with exit 1 and says what to do. A report
 * made from an archive that was already damaged verifies against the same archive: its SHA-256 is that of the bytes
 * read, and the report lists the member as incomplete, so the member is noted, not failed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';
import { makeZip, type ZipMember } from '../helpers/zip-writer.js';

const s = scratch('chronolog-verify-damaged-');
afterAll(() => s.cleanup());

const CHAT = '12/03/2024, 10:00 - Sam: are you there\n13/03/2024, 22:01 - Sam: answer me\n';
const OTHER = '14/03/2024, 08:15 - Sam: I know where you are\n14/03/2024, 08:16 - Sam: pick up\n';
const LOOSE = '15/03/2024, 19:40 - Sam: why are you ignoring me\n';

/** The archive: the chat stored (not deflated) first, so a byte of its text sits at a known offset. */
const MEMBERS: ZipMember[] = [
  { name: '_chat.txt', data: CHAT, store: true },
  { name: 'WhatsApp Chat with Sam (2).txt', data: OTHER },
];

/** Flips one letter of "answer" in the stored `_chat.txt`, leaving the recorded CRC-32 as it was. */
function damage(zip: Buffer): Buffer {
  const at = 30 + '_chat.txt'.length + CHAT.indexOf('answer');
  const out = Buffer.from(zip);
  out[at] = out[at]! ^ 0x20;
  return out;
}

/** A case folder holding `archive` and a loose chat, reported to `report.json` beside it. */
function reported(name: string, archive: Buffer) {
  const dir = path.join(s.dir, name);
  s.file(`${name}/case/chat.zip`, archive);
  s.file(`${name}/case/later.txt`, LOOSE);
  const r = cli(
    ['report', 'case', '--subject', 'sam', '--format', 'json', '--now', NOW, '--out', 'report.json'],
    {},
    dir,
  );
  expect(r.stderr).not.toMatch(STACK);
  return { dir, report: JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) };
}

function verify(cwd: string) {
  const r = cli(['verify', 'report.json'], {}, cwd);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).toBe('');
  return { code: r.code, lines: r.stdout.trimEnd().split('\n') };
}

const CRC = /CRC-32 [0-9a-f]{8}, expected [0-9a-f]{8}/.source;
const DAMAGED = new RegExp(
  `^ {2}damaged: case/chat\\.zip!/_chat\\.txt \\(its content does not match the checksum recorded in the archive: ${CRC}\\)$`,
);
/** The archive itself, hashed whole, changed with the member's bytes (verify-archive.test.ts). */
const ARCHIVE = /^ {2}changed: case\/chat\.zip \(the archive; expected [0-9a-f]{16}…, found [0-9a-f]{16}…\)$/;
const WHAT_TO_DO =
  'A damaged archive member no longer holds the bytes that were put in the archive (a bad copy, download or disk). ' +
  'Verify the original archive the report was made from; if that is damaged too, download or export it again and make a new report from it.';

describe('verify and a damaged zip member', () => {
  it('names the damaged member as damaged, still checks its sibling, and exits 1 saying what to do', () => {
    const { dir } = reported('damaged-since', makeZip(MEMBERS));
    writeFileSync(path.join(dir, 'case/chat.zip'), damage(makeZip(MEMBERS)));
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('✖ the inputs differ from those recorded in report.json:');
    // The sibling member and the loose file are unchanged, so they are not named; nothing is "missing".
    expect(r.lines.filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(ARCHIVE),
      expect.stringMatching(DAMAGED),
    ]);
    expect(r.lines.slice(-2)).toEqual([
      WHAT_TO_DO,
      `Paths are resolved from ${dir}; use --root DIR to verify a copy kept elsewhere.`,
    ]);
  });

  it('names a sibling member that really changed as changed, beside the damaged one', () => {
    const { dir } = reported('damaged-and-changed', makeZip(MEMBERS));
    const edited = makeZip([MEMBERS[0]!, { ...MEMBERS[1]!, data: OTHER.replace('pick up', 'PICK UP') }]);
    writeFileSync(path.join(dir, 'case/chat.zip'), damage(edited));
    writeFileSync(path.join(dir, 'case/extra.txt'), LOOSE);
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(
        /^ {2}changed: case\/chat\.zip!\/WhatsApp Chat with Sam \(2\)\.txt \(expected [0-9a-f]{16}…, found [0-9a-f]{16}…\)$/,
      ),
      expect.stringMatching(ARCHIVE),
      expect.stringMatching(DAMAGED),
      '  extra:   case/extra.txt',
    ]);
    expect(r.lines).toContain(WHAT_TO_DO);
  });

  it('names a member whose deflate data is corrupt as damaged, with the reason the reader gives', () => {
    const long = Array.from({ length: 200 }, (_, i) => `12/03/2024, 10:00 - Sam: text ${i * 7919}\n`).join(
      '',
    );
    const members: ZipMember[] = [{ name: '_chat.txt', data: long }, MEMBERS[1]!];
    const { dir } = reported('corrupt-deflate', makeZip(members));
    const zip = makeZip(members);
    const start = 30 + '_chat.txt'.length + 40;
    for (let k = start; k < start + 16; k++) zip[k] = zip[k]! ^ 0x5a;
    writeFileSync(path.join(dir, 'case/chat.zip'), zip);
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(ARCHIVE),
      expect.stringMatching(
        new RegExp(
          `^ {2}damaged: case/chat\\.zip!/_chat\\.txt \\((its compressed data cannot be read: .+|its content does not match the checksum recorded in the archive: ${CRC})\\)$`,
        ),
      ),
    ]);
  });

  it('matches a report made from the same damaged archive, noting the member the report lists as incomplete', () => {
    const { dir, report } = reported('damaged-before', damage(makeZip(MEMBERS)));
    expect(report.inputs.find((i: { path: string }) => i.path === 'case/chat.zip!/_chat.txt')).toMatchObject({
      incomplete: true,
    });
    const r = verify(dir);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      '✔ all 3 inputs match the SHA-256 recorded in report.json; figures not recomputed (add --recompute to check them)',
      expect.stringMatching(
        new RegExp(
          `^ {2}note: case/chat\\.zip!/_chat\\.txt was already damaged when the report was made \\(its content does not match the checksum recorded in the archive: ${CRC}\\); the report lists it as incomplete$`,
        ),
      ),
    ]);
  });

  it('fails a member damaged differently from when the report was made', () => {
    const { dir } = reported('damaged-again', damage(makeZip(MEMBERS)));
    const worse = damage(makeZip(MEMBERS));
    const at = 30 + '_chat.txt'.length + CHAT.indexOf('there');
    worse[at] = worse[at]! ^ 0x20;
    writeFileSync(path.join(dir, 'case/chat.zip'), worse);
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(ARCHIVE),
      expect.stringMatching(DAMAGED),
    ]);
  });
});

/**
 * A file read from inside a zip names its archive, hashed whole: the SHA-256 an evidence log records for the
 * download. The JSON report gives it as `inputs[].archive` (documented by `chronolog schema`), the text, Markdown and
 * HTML reports name it once under their list of files, the timeline's rows keep the SHA-256 of the file inside, and
 * `verify` names a changed archive as it names a changed file. Made from a copy of fixtures/mixed-case in a temp
 * folder, whose WhatsApp chat is a zip with the chat and a photo.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-archive-hash-');
afterAll(() => s.cleanup());

const dir = path.join(s.dir, 'case');
cpSync(path.join(ROOT, 'fixtures/mixed-case'), dir, { recursive: true });

const ZIP = 'whatsapp/WhatsApp Chat - +44 7700 900462.zip';
const MEMBER = `${ZIP}!/_chat.txt`;
const zipBytes = readFileSync(path.join(dir, ZIP));
const ZIP_SHA = createHash('sha256').update(zipBytes).digest('hex');

const run = (args: string[], cwd = dir) => {
  const r = cli(args, {}, cwd);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

interface Input {
  path: string;
  sha256: string;
  archive?: { path: string; sha256: string; bytes: number };
}

/** Where the data of the zip's `n`-th local member (0-based) starts: after its 30-byte header, name and extra. */
function dataOf(zip: Buffer, n: number): number {
  let at = 0;
  for (let k = 0; k < n; k++) at = zip.indexOf('PK\u0003\u0004', at + 4, 'latin1');
  return at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
}

/** A copy of the case with one byte of the zip's `n`-th member flipped, and verify's lines run on it. */
function verifyFlipped(name: string, members: number[]) {
  const copy = path.join(s.dir, name);
  cpSync(dir, copy, { recursive: true });
  const zip = Buffer.from(zipBytes);
  for (const n of members) {
    const at = dataOf(zip, n) + 5;
    zip[at] = zip[at]! ^ 0x01;
  }
  writeFileSync(path.join(copy, ZIP), zip);
  const r = run(['verify', 'report.json'], copy);
  return { code: r.code, lines: r.stdout.trimEnd().split('\n') };
}

describe('the archive a file was read from', () => {
  it('is in the JSON report with the SHA-256 and size of the zip on disk; the input keeps its own', () => {
    expect(run(['report', '.', '--format', 'json', '--now', NOW, '--out', 'report.json']).code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { inputs: Input[] };
    const member = report.inputs.find((i) => i.path === MEMBER)!;
    expect(member.archive).toEqual({ path: ZIP, sha256: ZIP_SHA, bytes: zipBytes.length });
    expect(member.sha256).not.toBe(ZIP_SHA);
    // Files on disk are not in an archive.
    expect(report.inputs.filter((i) => i.archive !== undefined).map((i) => i.path)).toEqual([MEMBER]);
    // The timeline's rows keep the SHA-256 of the file inside, as the report's input does.
    const rows = run(['timeline', '.', '--format', 'jsonl'])
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; sha256: string })
      .filter((row) => row.file === MEMBER);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.sha256))).toEqual(new Set([member.sha256]));
  });

  it('is documented by chronolog schema', () => {
    const schema = JSON.parse(run(['schema']).stdout);
    const archive = schema.properties.inputs.items.properties.archive;
    expect(Object.keys(archive.properties)).toEqual(['path', 'sha256', 'bytes']);
    expect(schema.properties.inputs.items.required).not.toContain('archive');
  });

  it('is named once, with its SHA-256, in the text, Markdown and HTML reports', () => {
    const text = run(['report', '.', '--now', NOW]).stdout;
    expect(text).toContain(`  read from inside ${ZIP}, SHA-256 ${ZIP_SHA}\n`);
    const md = run(['report', '.', '--format', 'markdown', '--now', NOW]).stdout;
    expect(md.split(ZIP_SHA)).toHaveLength(2);
    expect(md).toContain(
      `- ${ZIP.replace('+', '\\+')}: SHA-256 \`${ZIP_SHA}\`, ${zipBytes.length.toLocaleString('en-GB')} bytes\n`,
    );
    const html = run(['report', '.', '--format', 'html', '--now', NOW]).stdout;
    expect(html.split(ZIP_SHA)).toHaveLength(2);
    expect(html).toContain(
      // The hash is a run of more than 20 characters, in a span that may break anywhere (escape.ts).
      `<li><bdi class="path">${ZIP}</bdi> (${zipBytes.length.toLocaleString('en-GB')} bytes)<code class="hash"><span class="brk">${ZIP_SHA}</span></code></li>`,
    );
  });

  it('is re-hashed by verify: a changed byte outside the file read is named as a changed archive', () => {
    // Member 1 is the photo, which the report passes over: the chat read from the archive is the same.
    const r = verifyFlipped('photo-changed', [1]);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('✖ the inputs differ from those recorded in report.json:');
    expect(r.lines.filter((l) => l.startsWith('  '))).toEqual([
      `  changed: ${ZIP} (the archive; the files read from inside it match; expected ${ZIP_SHA.slice(0, 16)}…, found ${createHash(
        'sha256',
      )
        .update(readFileSync(path.join(s.dir, 'photo-changed', ZIP)))
        .digest('hex')
        .slice(0, 16)}…)`,
    ]);
  });

  it('is named beside the file inside it when that changed too', () => {
    const r = verifyFlipped('chat-changed', [0]);
    expect(r.code).toBe(1);
    const named = r.lines.filter((l) => l.startsWith('  '));
    expect(named).toHaveLength(2);
    expect(named[0]).toMatch(
      new RegExp(`^ {2}changed: ${ZIP.replace(/[.+]/g, '\\$&')} \\(the archive; expected [0-9a-f]{16}…`),
    );
    expect(named[1]).toMatch(/^ {2}damaged: whatsapp\/.*\.zip!\/_chat\.txt /);
  });
});

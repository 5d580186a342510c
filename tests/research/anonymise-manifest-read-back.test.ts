/**
 * A report of an anonymised copy lists the manifest anonymise wrote beside its inputs as what it is, told by its
 * content: before, it was "not a supported export format", as if a file of the case had gone unread for want of
 * a reader. It stays listed (every file of the folder is accounted for, and `verify` finds it among them), --strict
 * is unchanged (a file not read never fails it), and a look-alike named manifest.json is not taken for it.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { MANIFEST_NOT_READ } from '../../src/sources/chronolog-jsonl.js';
import { cli, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';
import { KEY_A } from './env.js';

const s = scratch('chronolog-manifest-');
afterAll(() => s.cleanup());

const key = s.file('study.key', `${KEY_A}\n`);
// The demo case's WhatsApp chat with its case file.
const original = path.join(s.dir, 'case-a');
mkdirSync(original);
for (const f of ['WhatsApp Chat with Sam.txt', 'case.json'])
  cpSync(path.join(ROOT, DEMO, f), path.join(original, f));

const anonymised = path.join(s.dir, 'anon');
const made = cli(['anonymise', original, '--key-file', key, '--out', anonymised, '-q']);

function report(
  dir: string,
  extra: string[] = [],
): { report: Report; stderr: string; code: number; stdout: string } {
  const r = cli(['report', dir, '--format', 'json', '--now', NOW, ...extra], {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  return { ...r, report: ReportSchema.parse(JSON.parse(r.stdout)) as Report };
}

describe("a report of an anonymised copy and anonymise's manifest", () => {
  it('lists the manifest as the anonymisation manifest, not as a file of no supported format', () => {
    expect(made.code, made.stderr).toBe(0);
    const r = report('anon');
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.ignoredFiles).toEqual([{ path: 'anon/manifest.json', reason: MANIFEST_NOT_READ }]);
    expect(MANIFEST_NOT_READ).toBe(
      "chronolog's anonymisation manifest (it describes the copy), not an export",
    );
    expect(r.report.inputs.map((i) => i.path)).toEqual(['anon/input-001.jsonl']);
    expect(r.report.accounting.kept).toBeGreaterThan(50);
    expect(r.stderr).not.toContain('not a supported export format');
  });

  it('keeps --strict as it was, and verify finds the manifest among the files the report lists', () => {
    const strict = report('anon', ['--strict']);
    expect(strict.code, strict.stderr).toBe(0);
    writeFileSync(path.join(s.dir, 'report.json'), strict.stdout);
    const v = cli(['verify', 'report.json'], {}, s.dir);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).not.toContain('manifest.json');
  });

  it('tells the manifest by its content, renamed or not, and a look-alike from it', () => {
    const copy = path.join(s.dir, 'copy');
    cpSync(anonymised, copy, { recursive: true });
    renameSync(path.join(copy, 'manifest.json'), path.join(copy, 'what-was-done.json'));
    const manifest = JSON.parse(readFileSync(path.join(anonymised, 'manifest.json'), 'utf8')) as object;
    // Another tool's manifest of the same shape, and chronolog's manifest of another format.
    writeFileSync(
      path.join(copy, 'manifest.json'),
      JSON.stringify({ ...manifest, tool: { name: 'other', version: '1.0.0' } }, null, 2),
    );
    writeFileSync(
      path.join(copy, 'manifest-b.json'),
      JSON.stringify({ ...manifest, format: 'chronolog-other' }, null, 2),
    );
    const r = report('copy');
    expect(r.code, r.stderr).toBe(0);
    expect(r.report.ignoredFiles).toEqual([
      { path: 'copy/manifest-b.json', reason: 'not a supported export format' },
      { path: 'copy/manifest.json', reason: 'not a supported export format' },
      { path: 'copy/what-was-done.json', reason: MANIFEST_NOT_READ },
    ]);
  });
});

/**
 * `inputs[].duplicatesAt` at the CLI's edges: `chronolog schema` documents it as optional; `inspect --format json`
 * gives it as the report does; `verify` accepts a report that has it and `--recompute` makes it again the same (and
 * catches it edited); `anonymise` writes it nowhere, nor the original paths and locators it holds, and its copy,
 * read back, locates its own duplicates in the copy's files.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, ROOT, STACK } from '../helpers/cli.js';
import { thirdExportDuplicatesAt } from '../helpers/duplicates-located.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-duplicates-at-');
afterAll(() => s.cleanup());

const FIXTURE = path.join(ROOT, 'fixtures/duplicates-located');
const dir = path.join(s.dir, 'case');
cpSync(FIXTURE, dir, { recursive: true });
const report = path.join(dir, 'report.json');
const FEB = 'export-2024-02-24/WhatsApp Chat with Sam.txt';
const MAR = 'export-2024-03-02/WhatsApp Chat with Sam.txt';
const MID = 'export-2024-03-16/WhatsApp Chat with Sam.txt';

const run = (args: string[], cwd = dir) => {
  const r = cli(args, {}, cwd);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

describe('duplicatesAt at the edges of the CLI', () => {
  it('is documented by chronolog schema, optional, with what first, last and each entry hold', () => {
    const schema = JSON.parse(run(['schema']).stdout);
    const item = schema.properties.inputs.items;
    expect(item.required).not.toContain('duplicatesAt');
    expect(item.required).toContain('duplicates');
    const d = item.properties.duplicatesAt;
    expect(d.description).toMatch(/^Where the duplicates counted in duplicates are in the file/);
    expect(Object.keys(d.properties)).toEqual(['first', 'last']);
    expect(d.properties.first.description).toMatch(/at most 5, in the order the file holds them/);
    // `reason` (optional): why a copy is a duplicate where it is not plain likeness (a deletion placeholder).
    expect(Object.keys(d.properties.last.properties)).toEqual(['locator', 'kept', 'reason']);
    expect(d.properties.last.required).toEqual(['locator', 'kept']);
    expect(Object.keys(d.properties.last.properties.kept.properties)).toEqual(['file', 'locator']);
  });

  it('is in a report verify accepts, and --recompute makes again the same', () => {
    expect(run(['report', '.', '--format', 'json', '--now', NOW, '--out', report]).code).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.inputs.map((i: { path: string }) => i.path)).toEqual([FEB, MAR, MID]);
    expect(json.inputs[0]).not.toHaveProperty('duplicatesAt');
    expect(json.inputs[2].duplicatesAt).toEqual(thirdExportDuplicatesAt(FEB, MAR));
    const v = run(['verify', report, '--recompute']);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/the report is the same/);
  });

  it('edited by hand, is caught by verify --recompute', () => {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    json.inputs[2].duplicatesAt.first[3].kept.file = FEB;
    const edited = path.join(dir, 'edited.json');
    writeFileSync(edited, `${JSON.stringify(json, null, 2)}\n`);
    const v = run(['verify', edited, '--recompute']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('inputs[2].duplicatesAt');
  });

  it('is in inspect --format json, as in the report', () => {
    const r = run(['inspect', '.', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const inputs = JSON.parse(r.stdout).inputs;
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(inputs.map((i: { duplicatesAt?: unknown }) => i.duplicatesAt)).toEqual(
      json.inputs.map((i: { duplicatesAt?: unknown }) => i.duplicatesAt),
    );
  });

  it("is written nowhere by anonymise, whose copy reads back with the same duplicates, located in the copy's files", () => {
    const key = path.join(s.dir, 'study.key');
    writeFileSync(key, 'k4Jq9vX2mR7tY1pL8sD3fG6hZ0cV5bN2wE9uI4oA7yT=\n');
    const out = path.join(s.dir, 'anon');
    const a = cli(['anonymise', FIXTURE, '--key-file', key, '--out', out]);
    expect(a.code, a.stderr).toBe(0);
    for (const f of readdirSync(out)) {
      const text = readFileSync(path.join(out, f), 'utf8');
      expect(text, f).not.toContain('duplicatesAt');
      expect(text, f).not.toMatch(/export-2024|WhatsApp Chat with Sam|"line \d+"/);
    }
    const copy = JSON.parse(run(['report', out, '--format', 'json', '--now', NOW]).stdout);
    const original = JSON.parse(readFileSync(report, 'utf8'));
    const books = (r: { inputs: { kept: number; duplicates: number }[] }) =>
      r.inputs.map((i) => [i.kept, i.duplicates]);
    expect(books(copy)).toEqual(books(original));
    // Each file of the copy: its header on line 1, then its duplicates, then the rows it kept.
    const [one, two] = ['input-001.jsonl', 'input-002.jsonl'].map((f) => path.join(out, f));
    expect(copy.inputs[2].duplicatesAt).toEqual(thirdExportDuplicatesAt(one!, two!));
  });
});

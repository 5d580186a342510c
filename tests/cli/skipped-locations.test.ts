/**
 * `inputs[].skippedAt` at the CLI's edges: `chronolog schema` documents it as optional; `verify` accepts a report
 * that has it and `--recompute` makes it again the same (and catches it edited); `anonymise` writes it nowhere,
 * as it writes no other record locator of the original files.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-skipped-at-');
afterAll(() => s.cleanup());

const dir = path.join(s.dir, 'case');
cpSync(path.join(ROOT, 'fixtures/skipped-locations'), dir, { recursive: true });
const report = path.join(dir, 'report.json');

const run = (args: string[], cwd = dir) => {
  const r = cli(args, {}, cwd);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

describe('skippedAt at the edges of the CLI', () => {
  it('is documented by chronolog schema, optional, with what first and last hold', () => {
    const schema = JSON.parse(run(['schema']).stdout);
    const item = schema.properties.inputs.items;
    expect(item.required).not.toContain('skippedAt');
    expect(item.required).toContain('skippedReasons');
    const at = item.properties.skippedAt;
    expect(at.description).toMatch(/^For each reason in skippedReasons, where those records are in the file/);
    expect(Object.keys(at.additionalProperties.properties)).toEqual(['first', 'last']);
    expect(at.additionalProperties.properties.first.description).toMatch(/at most 5, in the order the file/);
  });

  it('is in a report verify accepts, and --recompute makes again the same', () => {
    expect(run(['report', '.', '--format', 'json', '--now', NOW, '--out', report]).code).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.schemaVersion).toBe(1);
    expect(json.inputs[0].skippedAt['system-notice']).toEqual({
      first: ['line 1', 'line 6', 'line 9', 'line 14', 'line 16'],
      last: 'line 23',
    });
    const v = run(['verify', report, '--recompute']);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/the report is the same/);
  });

  it('edited by hand, is caught by verify --recompute', () => {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    json.inputs[0].skippedAt['system-notice'].last = 'line 24';
    const edited = path.join(dir, 'edited.json');
    writeFileSync(edited, `${JSON.stringify(json, null, 2)}\n`);
    const v = run(['verify', edited, '--recompute']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('inputs[0].skippedAt');
  });

  it('is written nowhere by anonymise, whose copy reads back with the same skipped counts', () => {
    const key = path.join(s.dir, 'study.key');
    writeFileSync(key, 'k4Jq9vX2mR7tY1pL8sD3fG6hZ0cV5bN2wE9uI4oA7yT=\n');
    const out = path.join(s.dir, 'anon');
    const a = cli([
      'anonymise',
      path.join(ROOT, 'fixtures/skipped-locations'),
      '--key-file',
      key,
      '--out',
      out,
    ]);
    expect(a.code, a.stderr).toBe(0);
    for (const f of readdirSync(out)) {
      const text = readFileSync(path.join(out, f), 'utf8');
      expect(text, f).not.toContain('skippedAt');
      expect(text, f).not.toMatch(/line 23|sms\[5\]/);
    }
    const copy = JSON.parse(run(['report', out, '--format', 'json', '--now', NOW]).stdout);
    const original = JSON.parse(readFileSync(report, 'utf8'));
    expect(copy.inputs.map((i: { skippedReasons: unknown }) => i.skippedReasons)).toEqual(
      original.inputs.map((i: { skippedReasons: unknown }) => i.skippedReasons),
    );
    // The copy's own skipped records are its stubs, which follow its rows: located in the copy, not the original.
    const stubs = readFileSync(path.join(out, 'input-001.jsonl'), 'utf8')
      .split('\n')
      .flatMap((l, i) => (l.startsWith('{"skipped":"system-notice"') ? [i + 1] : []));
    expect(copy.inputs[0].skippedAt['system-notice']).toEqual({
      first: stubs.slice(0, 5).map((n) => `line ${n}`),
      last: `line ${stubs.at(-1)}`,
    });
  });
});

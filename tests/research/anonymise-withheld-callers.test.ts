/**
 * An anonymised copy keeps the export's fixed label for a caller the phone did not get ("Withheld number",
 * "Unknown number", "Payphone": flagged `withheld`, no number), which names nobody, instead of a pseudonym that every
 * case of one study key would share as if it were one caller. Every other sender is still a pseudonym, and the
 * copy's report counts those calls as the original's does (withheldCalls).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { cli, DEMO, NOW, ROOT } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';
import { KEY_A } from './env.js';

const s = scratch('chronolog-anonymise-withheld-');
afterAll(() => s.cleanup());
const key = s.file('study.key', `${KEY_A}\n`);

const report = (dir: string): Report => {
  const r = cli(['report', dir, '--format', 'json', '--quiet', '--now', NOW]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
};

describe('anonymise: callers with no number shown', () => {
  it('keeps their label, pseudonymises every other sender, and the copy counts them as the original', () => {
    const out = path.join(s.dir, 'copy');
    const r = cli(['anonymise', path.join(ROOT, DEMO), '--out', out, '--key-file', key, '--quiet']);
    expect(r.code).toBe(0);
    const rows = readdirSync(out)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(path.join(out, f), 'utf8').trim().split('\n'))
      .map((l) => JSON.parse(l) as { sender?: string | null; flags?: string[] })
      .filter((row) => row.sender !== undefined);
    const withheld = rows.filter((row) => row.flags?.includes('withheld'));
    expect(withheld.length).toBe(50);
    expect(new Set(withheld.map((row) => row.sender))).toEqual(new Set(['Withheld number']));
    const others = rows.filter((row) => row.sender && !row.flags?.includes('withheld'));
    expect(others.length).toBeGreaterThan(0);
    for (const row of others) expect(row.sender).not.toMatch(/number|Sam|Alex|\+44/);
    const original = report(path.join(ROOT, DEMO)).withheldCalls!;
    const copy = report(out).withheldCalls!;
    expect(copy.total).toBe(original.total);
    expect(copy.byCaller).toEqual(original.byCaller);
    expect(copy.byCallStatus).toEqual(original.byCallStatus);
  });
});

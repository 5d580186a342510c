/**
 * The copy's case file names the subject so that its report says what the original's says about them. A case
 * identifier stands for several typed keys ("Sam": an account or a name; "Sam Example": a Telegram account's
 * display name while the rows name the account), and the copy's rows name each sender by the pseudonym of the
 * one key it resolved to. Listing a pseudonym of every key made the copy's report warn that identifiers matched
 * no sender (the demo case) or that the subject was not found at all (a Telegram export named by display name),
 * where the original's report warned of nothing.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { Report } from '../../src/model/index.js';
import { anonymisedFolderTexts, env, KEY_A, keyFile, NOW, scratch } from './env.js';

async function jsonReport(input: string, out: string): Promise<Report> {
  await reportCommand([input], { format: 'json', out, now: NOW, quiet: true } as never, env);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

const subjectCodes = (r: Report) => r.problems.map((p) => p.code).filter((c) => c.startsWith('CASE_SUBJECT'));

describe('anonymise: the case file of the copy', () => {
  it('names a Telegram subject given by display name so the copy finds them', async () => {
    const dir = scratch();
    const input = path.join(dir, 'case');
    cpSync('fixtures/telegram-json/full-account-two-chats.json', path.join(input, 'export.json'));
    const kase = {
      title: 'Sam Example case',
      timezone: 'Europe/London',
      region: 'GB',
      subject: { name: 'Sam Example', identifiers: ['Sam Example'] },
    };
    const out = path.join(dir, 'anon');
    await anonymisedFolderTexts(input, kase, out, keyFile(dir, KEY_A));
    const original = await jsonReport(input, path.join(dir, 'o.json'));
    const copy = await jsonReport(out, path.join(dir, 'a.json'));
    expect(original.incidents.total).toBe(4);
    expect(copy.incidents.total).toBe(original.incidents.total);
    expect(subjectCodes(original)).toEqual([]);
    expect(subjectCodes(copy)).toEqual([]);
  });

  it('warns of no unused subject identifier in the demo copy, and still of one the original did not use', async () => {
    const dir = scratch();
    const input = path.join(dir, 'demo');
    cpSync('fixtures/demo-case', input, { recursive: true });
    const out = path.join(dir, 'anon');
    expect(
      await anonymiseCommand([input], { keyFile: keyFile(dir, KEY_A), out, quiet: true } as never, env),
    ).toBe(0);
    const original = await jsonReport(input, path.join(dir, 'o.json'));
    const copy = await jsonReport(out, path.join(dir, 'a.json'));
    expect(subjectCodes(original)).toEqual([]);
    expect(subjectCodes(copy)).toEqual([]);

    // An old number the subject never used here: one warning in each report.
    const kase = JSON.parse(readFileSync(path.join(input, 'case.json'), 'utf8'));
    kase.subject.identifiers.push('+447700900999');
    const out2 = path.join(dir, 'anon2');
    await anonymisedFolderTexts(input, kase, out2, keyFile(dir, KEY_A));
    const original2 = await jsonReport(input, path.join(dir, 'o2.json'));
    const copy2 = await jsonReport(out2, path.join(dir, 'a2.json'));
    expect(subjectCodes(original2)).toEqual(['CASE_SUBJECT_IDENTIFIER_UNUSED']);
    expect(subjectCodes(copy2)).toEqual(['CASE_SUBJECT_IDENTIFIER_UNUSED']);
    expect(copy2.incidents.total).toBe(original2.incidents.total);
  });
});

/**
 * `textLength` was the original message's length. With `--drop-text` it kept every message's exact size (which
 * can pick a message out of the victim's own copy), and beside a redacted text it gave away how long each
 * redacted name or number was. It is now the length of the text the copy holds, and null with the text dropped.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { env, KEY_A, keyFile, scratch } from './env.js';

const tmp = scratch();
const key = keyFile(tmp, KEY_A);

/** The event rows of the anonymised copy of the typed-numbers chat. */
async function rows(
  out: string,
  dropText: boolean,
): Promise<{ text: string | null; textLength: number | null }[]> {
  const dir = path.join(tmp, 'in');
  mkdirSync(dir, { recursive: true });
  cpSync('fixtures/anonymise-typed-numbers', dir, { recursive: true });
  const kase = {
    timezone: 'Europe/London',
    region: 'GB',
    victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
    subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
  };
  writeFileSync(path.join(dir, 'case.json'), JSON.stringify(kase));
  const dest = path.join(tmp, out);
  expect(
    await anonymiseCommand([dir], { keyFile: key, out: dest, quiet: true, dropText } as never, env),
  ).toBe(0);
  return readdirSync(dest)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(dest, f), 'utf8').split('\n').slice(1).filter(Boolean))
    .map((l) => JSON.parse(l));
}

describe('anonymise: the length of a message text', () => {
  it('is dropped with the text', async () => {
    const r = await rows('dropped', true);
    expect(r).toHaveLength(8);
    for (const row of r) expect(row).toMatchObject({ text: null, textLength: null });
    const manifest = JSON.parse(readFileSync(path.join(tmp, 'dropped', 'manifest.json'), 'utf8'));
    expect(manifest.removed).toContain('message text and its length (--drop-text)');
  });

  it('is the length of the redacted text, not of the original', async () => {
    const r = await rows('kept', false);
    expect(r).toHaveLength(8);
    for (const row of r) expect(row.textLength).toBe(row.text!.length);
    const original = 'Your old phone is still logged in, IMEI 35-209900-176148-1, I can see everything';
    const copy = 'Your old phone is still logged in, IMEI [IMEI], I can see everything';
    expect(original.length - copy.length).toBe(12);
    expect(r[3]).toEqual(expect.objectContaining({ text: copy, textLength: copy.length }));
  });

  it('is marked by version 3 in every header, so files where it was the original length (version 2) are told apart', async () => {
    for (const [out, dropText] of [
      ['version-dropped', true],
      ['version-kept', false],
    ] as const) {
      expect((await rows(out, dropText)).length).toBe(8);
      const dest = path.join(tmp, out);
      const files = readdirSync(dest).filter((f) => f.endsWith('.jsonl'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const header = JSON.parse(readFileSync(path.join(dest, f), 'utf8').split('\n')[0]!);
        expect(header).toMatchObject({ format: 'chronolog-anonymised-timeline', version: 3 });
      }
      const manifest = JSON.parse(readFileSync(path.join(dest, 'manifest.json'), 'utf8'));
      expect(manifest.version).toBe(3);
    }
  });
});

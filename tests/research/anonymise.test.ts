import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { readInputs } from '../../src/cli/read.js';
import { chronologOutput } from '../../src/model/output-marks.js';
import { EVERYDAY_WORDS } from '../../src/timeline/anonymise/index.js';
import { env, KEY_A, KEY_B, keyFile, londonTime, scratch } from './env.js';

const DEMO = 'fixtures/demo-case';

async function anonymise(out: string, key: string, extra: Record<string, unknown> = {}) {
  return anonymiseCommand([DEMO], { keyFile: key, out, quiet: true, ...extra } as never, env);
}

/** The event rows of every anonymised input, in file order. */
function rows(dir: string): Record<string, unknown>[] {
  return readdirSync(dir)
    .filter((f) => /^input-\d+\.jsonl$/.test(f))
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').slice(1).filter(Boolean))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => 'utc' in r);
}

/** Local wall-clock [day number, time of day] of an instant in the demo case's zone. */
function local(iso: string): [number, string] {
  const t = londonTime(Date.parse(iso));
  return [Date.parse(`${t.slice(0, 10)}T00:00:00Z`) / 86_400_000, t.slice(11)];
}

function outputText(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('chronolog anonymise', () => {
  const tmp = scratch();
  const keyA = keyFile(tmp, KEY_A);
  const keyB = keyFile(tmp, KEY_B, 'other.key');
  const outA = path.join(tmp, 'a');
  beforeAll(async () => {
    expect(await anonymise(outA, keyA)).toBe(0);
  });

  it('writes the timeline, the case file and a manifest that records what was done', () => {
    expect(readdirSync(outA).sort()).toEqual([
      'case.json',
      ...[1, 2, 3, 4, 5, 6].map((n) => `input-00${n}.jsonl`),
      'manifest.json',
    ]);
    const manifest = JSON.parse(readFileSync(path.join(outA, 'manifest.json'), 'utf8'));
    expect(manifest.pseudonyms).toMatch(/HMAC-SHA-256/);
    expect(manifest.datesShifted).toBe('no');
    expect(manifest.counts.events).toBeGreaterThan(20);
    expect(manifest.redactions.name).toBeGreaterThan(0);
    const kase = JSON.parse(readFileSync(path.join(outA, 'case.json'), 'utf8'));
    for (const id of kase.subject.identifiers) expect(id).toMatch(/^id:p[0-9a-f]{16}$/);
  });

  it('writes inputs, not outputs: no anonymised file is taken for a report or a timeline', () => {
    // A run over the folder reads the JSONL files; a file told apart as chronolog's own output would be passed over.
    for (const f of readdirSync(outA).filter((n) => n.endsWith('.jsonl')))
      expect(chronologOutput(readFileSync(path.join(outA, f), 'utf8'))).toBeUndefined();
  });

  it('leaves no identifier of the case in any output file', async () => {
    const { timeline } = await readInputs([DEMO], { quiet: true }, env);
    const needles = new Set<string>(['Sam Carter', 'Alex Morgan', 'Carter', 'Morgan']);
    for (const e of timeline.events) {
      // A caller the phone did not get is named by the export's fixed label ("Withheld number"), which names
      // nobody and is kept in the copy (anonymise-withheld-callers.test.ts).
      if (e.flags?.includes('withheld') && e.sender?.id === undefined) continue;
      if (e.sender?.id) needles.add(e.sender.id);
      // A contact saved as "Mum" or "Surgery" names a relationship or a place, not a person (EVERYDAY_WORDS).
      const name = e.sender?.name;
      if (name && name.length >= 3 && !EVERYDAY_WORDS.has(name.toLowerCase())) needles.add(name);
    }
    for (const n of [
      '+447700900123',
      '07700 900123',
      '07700900123',
      '7700900123',
      '+447700900456',
      '07700 900456',
      '07700900456',
      '+447700900001',
      '07700900001',
    ])
      needles.add(n);
    const text = outputText(outA).toLowerCase();
    const left = [...needles].filter((n) => {
      const re = new RegExp(
        `(?<![\\p{L}\\p{N}])${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
        'u',
      );
      return re.test(text);
    });
    expect(left).toEqual([]);
    expect(needles.size).toBeGreaterThan(8);
  });

  it('is stable under one key, different under another, and never writes the key', async () => {
    const again = path.join(tmp, 'again');
    const other = path.join(tmp, 'other');
    await anonymise(again, keyA);
    await anonymise(other, keyB);
    expect(outputText(again)).toBe(outputText(outA));
    const senders = (dir: string) => new Set(rows(dir).map((r) => r['sender']));
    const sa = senders(outA);
    const sb = senders(other);
    expect(sa.size).toBe(sb.size);
    // Pseudonyms differ under another key; the fixed label of a caller with no number shown is the same.
    for (const x of sa) if (x !== null && x !== 'Withheld number') expect(sb.has(x)).toBe(false);
    for (const dir of [outA, again, other]) {
      const all = outputText(dir);
      for (const k of [
        KEY_A,
        KEY_B,
        Buffer.from(KEY_A).toString('hex'),
        Buffer.from(KEY_A).toString('base64'),
      ]) {
        expect(all).not.toContain(k);
      }
    }
  });

  it('shifts dates by whole weeks of local time, keeping weekdays and times of day, without saying by how much', async () => {
    const out = path.join(tmp, 'shift');
    await anonymise(out, keyA, { shiftDates: true, dropText: true });
    const plain = rows(outA);
    const shifted = rows(out);
    expect(shifted.length).toBe(plain.length);
    const delta = local(shifted[0]!['utc'] as string)[0] - local(plain[0]!['utc'] as string)[0];
    expect(delta).not.toBe(0);
    expect(delta % 7).toBe(0);
    shifted.forEach((r, i) => {
      const [day, time] = local(r['utc'] as string);
      const [day0, time0] = local(plain[i]!['utc'] as string);
      expect(day - day0).toBe(delta);
      expect(time).toBe(time0);
      expect(r['text']).toBeNull();
    });
    const manifest = readFileSync(path.join(out, 'manifest.json'), 'utf8');
    expect(manifest).toContain('secret per-case');
    expect(manifest).not.toMatch(/\b\d+ weeks\b/);
  });

  // A file there that anonymise did not write makes the run stop instead (tests/research/anonymise-cli.test.ts).
  it('replaces the anonymised files of an earlier run in the same folder', async () => {
    const out = path.join(tmp, 'rerun');
    mkdirSync(out);
    const header = (v: number) => `{"format":"chronolog-anonymised-timeline","version":${v}}\n`;
    writeFileSync(path.join(out, 'timeline.jsonl'), header(1));
    writeFileSync(path.join(out, 'input-009.jsonl'), header(2));
    await anonymise(out, keyA);
    expect(readdirSync(out).filter((f) => f.endsWith('.jsonl'))).toEqual([
      ...[1, 2, 3, 4, 5, 6].map((n) => `input-00${n}.jsonl`),
    ]);
    expect(readFileSync(path.join(out, 'input-001.jsonl'), 'utf8')).toBe(
      readFileSync(path.join(outA, 'input-001.jsonl'), 'utf8'),
    );
  });

  it('refuses a missing or short key with a usage error', async () => {
    await expect(anonymise(path.join(tmp, 'x'), undefined as never)).rejects.toMatchObject({
      code: 'USAGE_NO_KEY',
    });
    const short = keyFile(tmp, 'too-short', 'short.key');
    await expect(anonymise(path.join(tmp, 'y'), short)).rejects.toMatchObject({
      code: 'USAGE_KEY_TOO_SHORT',
    });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { readInputs } from '../../src/cli/read.js';
import type { Report } from '../../src/model/index.js';
import { env, KEY_A, KEY_B, keyFile, NOW, scratch } from './env.js';

const DEMO = 'fixtures/demo-case';

async function anonymise(out: string, key: string, extra: Record<string, unknown> = {}) {
  return anonymiseCommand([DEMO], { keyFile: key, out, quiet: true, ...extra } as never, env);
}

async function jsonReport(input: string, out: string): Promise<Report> {
  await reportCommand([input], { format: 'json', out, now: NOW, quiet: true } as never, env);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

/** The counts and statistics of a report, without identifier strings, file names, hashes or texts. */
function figures(r: Report) {
  const { byIdentifier, ...incidents } = r.incidents;
  return {
    incidents,
    byIdentifier: Object.values(byIdentifier).sort(),
    kept: r.accounting.kept,
    incidentCount: r.accounting.incidents,
    identifiers: r.identifiers.map((i) => [i.role, i.incidents, i.first, i.last, i.channels]).sort(),
    // Escalation parts that do not depend on per-file coverage (see KNOWN GAP below).
    escalation: ESCALATION_KEYS.map((k) =>
      numbersOf((r.escalation as Record<string, unknown> | undefined)?.[k]),
    ),
  };
}

/**
 * KNOWN GAP: the escalation analysis derives per-channel coverage from each input file's span and treats
 * diaries (format id containing "diary") as hand-kept (weekly rows carry a coverage flag too); the anonymised timeline is one chronolog-jsonl file, so
 * coverage, and what depends on it (trend, change points, segments, gaps, dispersion, S-DASH), can differ.
 * Content cues can also differ where a case participant's name is a common word (a contact saved as "Work").
 */
const ESCALATION_KEYS = [
  'bursts',
  'ceaseRequest',
  'channelsOverTime',
  'identifiers',
  'monthly',
  'night',
  'persistence',
  'rate',
  'window',
];

/** Every number and boolean in a value, in order (strings may hold identifiers or texts). */
function numbersOf(v: unknown): unknown[] {
  if (typeof v === 'number' || typeof v === 'boolean') return [v];
  if (Array.isArray(v)) return v.flatMap(numbersOf);
  if (v && typeof v === 'object')
    return Object.keys(v)
      .sort()
      .flatMap((k) => numbersOf((v as never)[k]));
  return [];
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
    expect(readdirSync(outA).sort()).toEqual(['case.json', 'manifest.json', 'timeline.jsonl']);
    const manifest = JSON.parse(readFileSync(path.join(outA, 'manifest.json'), 'utf8'));
    expect(manifest.pseudonyms).toMatch(/HMAC-SHA-256/);
    expect(manifest.datesShifted).toBe('no');
    expect(manifest.counts.events).toBeGreaterThan(20);
    expect(manifest.redactions.name).toBeGreaterThan(0);
    const kase = JSON.parse(readFileSync(path.join(outA, 'case.json'), 'utf8'));
    for (const id of kase.subject.identifiers) expect(id).toMatch(/^id:p[0-9a-f]{16}$/);
  });

  it('gives a report with the same counts and statistics as the original', async () => {
    const original = await jsonReport(DEMO, path.join(tmp, 'orig.json'));
    const anon = await jsonReport(outA, path.join(tmp, 'anon.json'));
    expect(anon.inputs.map((i) => i.format)).toEqual(['chronolog-jsonl']);
    expect(anon.accounting.rejected).toBe(0);
    expect(figures(anon)).toEqual(figures(original));
    expect(original.accounting.incidents).toBeGreaterThan(10);
  });

  it('leaves no identifier of the case in any output file', async () => {
    const { timeline } = await readInputs([DEMO], { quiet: true }, env);
    const needles = new Set<string>(['Sam Carter', 'Alex Morgan', 'Carter', 'Morgan']);
    for (const e of timeline.events) {
      if (e.sender?.id) needles.add(e.sender.id);
      if (e.sender?.name && e.sender.name.length >= 3) needles.add(e.sender.name);
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
    const a = readFileSync(path.join(outA, 'timeline.jsonl'), 'utf8');
    expect(readFileSync(path.join(again, 'timeline.jsonl'), 'utf8')).toBe(a);
    const b = readFileSync(path.join(other, 'timeline.jsonl'), 'utf8');
    const senders = (s: string) =>
      new Set(
        s
          .split('\n')
          .slice(1)
          .filter(Boolean)
          .map((l) => JSON.parse(l).sender),
      );
    const sa = senders(a);
    const sb = senders(b);
    expect(sa.size).toBe(sb.size);
    for (const x of sa) if (x !== null) expect(sb.has(x)).toBe(false);
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

  it('shifts dates by whole weeks, keeping weekdays and intervals, and says so without saying by how much', async () => {
    const out = path.join(tmp, 'shift');
    await anonymise(out, keyA, { shiftDates: true, dropText: true });
    const rows = (d: string) =>
      readFileSync(path.join(d, 'timeline.jsonl'), 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    const plain = rows(outA);
    const shifted = rows(out);
    const delta = Date.parse(shifted[0].utc) - Date.parse(plain[0].utc);
    expect(delta).not.toBe(0);
    expect(delta % (7 * 86_400_000)).toBe(0);
    shifted.forEach((r, i) => {
      expect(Date.parse(r.utc) - Date.parse(plain[i].utc)).toBe(delta);
      expect(r.text).toBeNull();
    });
    const manifest = readFileSync(path.join(out, 'manifest.json'), 'utf8');
    expect(manifest).toContain('secret per-case');
    expect(manifest).not.toMatch(/\b\d+ weeks\b/);
    const anon = await jsonReport(out, path.join(tmp, 'shift.json'));
    const original = await jsonReport(DEMO, path.join(tmp, 'orig2.json'));
    expect(anon.incidents.total).toBe(original.incidents.total);
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

/**
 * A zip member whose CRC-32 fails is read to its end and marked damaged (`damaged` with `readToEnd`); its
 * anonymised copy says so in its header, and the copy read back is marked the same way, with every record.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { Report } from '../../src/model/index.js';
import { makeZip } from '../helpers/zip-writer.js';
import { env, KEY_A, keyFile, NOW, scratch } from './env.js';

async function jsonReport(input: string, out: string): Promise<Report> {
  await reportCommand([input], { format: 'json', out, now: NOW, quiet: true } as never, env);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

describe('an anonymised copy of a zip member whose checksum fails', () => {
  it('is marked damaged again when read back, with the same books', async () => {
    const tmp = scratch();
    const dir = path.join(tmp, 'case');
    const data = readFileSync('fixtures/demo-case/incident-diary.csv');
    const zip = makeZip([{ name: 'incident-diary.csv', data, declaredCrc: (crc32(data) ^ 1) >>> 0 }]);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'diary.zip'), zip);
    const kase = { timezone: 'Europe/London', subject: { name: 'Sam Carter', identifiers: ['Sam Carter'] } };
    writeFileSync(path.join(dir, 'case.json'), `${JSON.stringify(kase)}\n`);
    const original = await jsonReport(dir, path.join(tmp, 'original.json'));
    const books = (r: Report) =>
      r.inputs.map((i) => [i.records, i.events, i.skipped, i.rejected, i.incomplete, i.readToEnd, i.damaged]);
    expect(books(original)).toEqual([[25, 25, 0, 0, true, true, true]]);

    const out = path.join(tmp, 'anonymised');
    const code = await anonymiseCommand(
      [dir],
      { keyFile: keyFile(tmp, KEY_A), out, quiet: true } as never,
      env,
    );
    expect(code).toBe(0);
    const header = JSON.parse(readFileSync(path.join(out, 'input-001.jsonl'), 'utf8').split('\n')[0]!);
    expect(header).toMatchObject({ incomplete: true, readToEnd: true, damaged: true });
    const copy = await jsonReport(out, path.join(tmp, 'copy.json'));
    expect(books(copy)).toEqual(books(original));
    expect(copy.problems.map((p) => p.code)).toContain('CHRONOLOG_JSONL_ORIGINAL_DAMAGED');
  });
});

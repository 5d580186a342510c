/**
 * One chat exported from an Android phone and from an iPhone, both holding a message longer than any WhatsApp
 * message (its text cut to its first MiB): the two copies keep the same text whatever their headers' lengths, so
 * the message counts once, and its WHATSAPP_TEXT_TOO_LONG warning is told once, naming the other copy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-long-copies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a message longer than any WhatsApp message, in two exports of the chat', () => {
  it('counts once, with one warning that names both files', () => {
    const long = 'You will answer me. '.repeat(100_000); // 2 MB
    writeFileSync(
      path.join(dir, 'WhatsApp Chat with Sam Carter.txt'),
      `14/03/2024, 22:03 - Sam Carter: Answer me\n14/03/2024, 22:04 - Sam Carter: ${long}\n14/03/2024, 22:05 - Sam Carter: Last\n`,
    );
    writeFileSync(
      path.join(dir, '_chat.txt'),
      `[14/03/2024, 22:03:10] Sam Carter: Answer me\r\n[14/03/2024, 22:04:40] Sam Carter: ${long}\r\n[14/03/2024, 22:05:02] Sam Carter: Last\r\n`,
    );
    const r = cli(['report', dir, '--subject', 'Sam Carter', '--tz', 'Europe/London', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.incidents.total).toBe(3);
    expect(report.accounting).toMatchObject({ records: 6, events: 6, kept: 3, duplicates: 3 });
    const warned = report.problems.filter((p: { code: string }) => p.code === 'WHATSAPP_TEXT_TOO_LONG');
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toMatch(
      /^The message on line 2 has 2,000,000 bytes of text \(as UTF-8\), .* The same record is also in .*, line 2 \(an overlapping export\): warned once\.$/,
    );
  });
});

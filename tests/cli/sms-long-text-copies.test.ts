/**
 * Two overlapping SMS backups both holding a text message longer than any phone sends (its text cut to its first
 * MiB while it is read): the two copies keep the same text wherever the files' chunks end, so the message counts
 * once, and its SMS_TEXT_TOO_LONG warning is told once, naming the other copy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-sms-long-copies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sms = (date: number, body: string) =>
  `  <sms protocol="0" address="+447700900123" date="${date}" type="1" subject="null" body="${body}" read="1" status="-1" contact_name="Sam" />\n`;

const backup = (...records: string[]) =>
  `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${records.length}">\n${records.join('')}</smses>\n`;

describe('a text message longer than any phone sends, in two overlapping backups', () => {
  it('counts once, with one warning that names both files', () => {
    const long = 'You will answer me. '.repeat(150_000); // 3,000,000 bytes
    // The later backup has an older message before it, so its copy starts at another place in the file's chunks.
    writeFileSync(
      path.join(dir, 'sms-20240315.xml'),
      backup(sms(1710450000000, 'Answer me'), sms(1710450060000, long)),
    );
    writeFileSync(
      path.join(dir, 'sms-20240320.xml'),
      backup(
        sms(1710400000000, `Older ${'x'.repeat(70_000)}`),
        sms(1710450000000, 'Answer me'),
        sms(1710450060000, long),
      ),
    );
    const r = cli(['report', dir, '--subject', '+447700900123', '--tz', 'Europe/London', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.incidents.total).toBe(3);
    expect(report.accounting).toMatchObject({ records: 5, events: 5, kept: 3, duplicates: 2 });
    const warned = report.problems.filter((p: { code: string }) => p.code === 'SMS_TEXT_TOO_LONG');
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toMatch(
      /^The message sms\[1\] \(line 4\) has 3,000,000 bytes of text \(as UTF-8\), .* first 1,048,576 bytes of its text\. The same record is also in .*sms\[2\] \(line 5\) \(an overlapping export\): warned once\.$/,
    );
  });
});

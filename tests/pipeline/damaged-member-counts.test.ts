/**
 * A zip member whose bytes are all there but whose CRC-32 does not match the archive's (one bit of the recorded
 * checksum flipped, as a bad copy, download or disk leaves it; `zip` then a flipped bit in both headers) is read
 * to its end by every reader: every record is counted as it is from the file itself (event, skipped or rejected,
 * none lost), the books add up, and the member is still listed as incomplete with the damage as its error.
 *
 * Once the zip reader failed the member's stream after its last byte, and readers that hold a record until the
 * next one begins or the file ends lost it uncounted: a CSV diary every row (read whole before its rows are
 * counted), a WhatsApp chat, an mbox and a Signal chat their last message.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { fileInput } from '../../src/cli/inputs.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { makeZip } from '../helpers/zip-writer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'chronolog-damaged-member-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (rel: string) => readFileSync(path.join('fixtures', rel));

/** A diary of 3,000 rows (about 200 KB: many chunks, deflated), days above 12 so the order is certain. */
function bigDiary(): Buffer {
  const rows = ['Date,Time,Type of contact,What happened'];
  for (let i = 0; i < 3000; i++) {
    const day = 13 + (i % 16);
    const month = 1 + (Math.floor(i / 16) % 12);
    const minute = String(i % 60).padStart(2, '0');
    rows.push(
      `${day}/${String(month).padStart(2, '0')}/2023,${String(8 + (i % 12)).padStart(2, '0')}:${minute},Text,"Row ${i}: he texted again, asking where I was"`,
    );
  }
  return Buffer.from(`${rows.join('\r\n')}\r\n`);
}

/** An Android WhatsApp chat of 500 messages, ending on a message (held until the file ends). */
function bigChat(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 500; i++) {
    const day = 13 + (i % 15);
    const hh = String(9 + (i % 12)).padStart(2, '0');
    const mm = String(i % 60).padStart(2, '0');
    lines.push(`${day}/03/2024, ${hh}:${mm} - Sam: message ${i}, answer me`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const CASES: { title: string; name: string; data: Buffer; format: string }[] = [
  {
    title: 'a CSV diary',
    name: 'incident-diary.csv',
    data: fixture('demo-case/incident-diary.csv'),
    format: 'csv-diary',
  },
  {
    title: 'a CSV diary saved by Excel (BOM, CRLF)',
    name: 'diary.csv',
    data: fixture('csv-diary/uk-bom-crlf-dmy.csv'),
    format: 'csv-diary',
  },
  { title: 'a CSV diary of 3,000 rows', name: 'bigdiary.csv', data: bigDiary(), format: 'csv-diary' },
  {
    title: 'an iPhone WhatsApp chat',
    name: '_chat.txt',
    data: fixture('demo-case/whatsapp-iphone/_chat.txt'),
    format: 'whatsapp-txt',
  },
  {
    title: 'an Android WhatsApp chat',
    name: 'WhatsApp Chat with Sam.txt',
    data: fixture('demo-case/WhatsApp Chat with Sam.txt'),
    format: 'whatsapp-txt',
  },
  {
    title: 'an Android WhatsApp chat of 500 messages',
    name: 'WhatsApp Chat with Sam.txt',
    data: bigChat(),
    format: 'whatsapp-txt',
  },
  {
    title: 'a Gmail Takeout mailbox',
    name: 'Takeout/Mail/All mail Including Spam and Trash.mbox',
    data: fixture('mbox/gmail-takeout-crlf.mbox'),
    format: 'mbox',
  },
  {
    title: 'a Signal chat (signal-export)',
    name: 'Sam/chat.md',
    data: fixture('signal-chat/chat.md'),
    format: 'signal-chat',
  },
  {
    title: 'an SMS Backup & Restore file',
    name: 'sms-20240315120000.xml',
    data: fixture('demo-case/sms-20240315120000.xml'),
    format: 'sms-backup-xml',
  },
  {
    title: 'a Telegram export',
    name: 'result.json',
    data: fixture('telegram-json/single-chat-mixed.json'),
    format: 'telegram-json',
  },
  {
    title: 'a DiscordChatExporter JSON',
    name: 'Direct Messages - Sam.json',
    data: fixture('discord-json/dm-mixed.json'),
    format: 'discord-json',
  },
];

const read = async (file: string) =>
  readTimeline({
    inputs: [fileInput(path.join(dir, file), readFileSync(path.join(dir, file)).length, file)],
    case: await resolveCase({}, [], 'UTC'),
  });

describe.each(CASES)('$title inside a zip whose CRC-32 fails', ({ name, data, format }) => {
  const base = `${format}-${createHash('sha256').update(name).update(data).digest('hex').slice(0, 8)}`;
  const crc = crc32(data) >>> 0;
  const recorded = (crc ^ 0x01) >>> 0;
  writeFileSync(path.join(dir, `${base}.zip`), makeZip([{ name, data }]));
  writeFileSync(path.join(dir, `${base}-bad.zip`), makeZip([{ name, data, declaredCrc: recorded }]));

  it('counts every record as the intact archive does, lists the member as incomplete and names the damage', async () => {
    const intact = await read(`${base}.zip`);
    const damaged = await read(`${base}-bad.zip`);
    const ok = intact.inputs[0]!;
    const bad = damaged.inputs[0]!;
    expect(intact.inputs).toHaveLength(1);
    expect(ok).toMatchObject({ format, incomplete: false });
    expect(ok.records).toBeGreaterThan(1);
    expect(damaged.inputs).toHaveLength(1);
    const { path: _p, archive: _a, incomplete: _i, ...counts } = ok;
    expect(bad).toEqual({
      ...counts,
      path: `${base}-bad.zip!/${name}`,
      incomplete: true,
      // Read to its end, every record counted, but its bytes are not those the archive recorded.
      readToEnd: true,
      damaged: true,
      archive: expect.objectContaining({ path: `${base}-bad.zip` }),
    });
    // The books: nothing dropped, nothing counted twice.
    expect(bad.records).toBe(bad.events + bad.skipped + bad.rejected);
    expect(bad.events).toBe(bad.kept + bad.duplicates);
    // Hashed over every byte: the bytes the events came from are those of the file as archived.
    expect(bad.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(damaged.events.map((e) => [e.ms, e.locator, e.text])).toEqual(
      intact.events.map((e) => [e.ms, e.locator, e.text]),
    );
    // The same problems as the intact copy's, with the damage as one more error.
    const others = damaged.problems.list.filter((p) => p.code !== 'ZIP_MEMBER_DAMAGED');
    expect(JSON.parse(JSON.stringify(others).replaceAll(`${base}-bad.zip`, `${base}.zip`))).toEqual(
      intact.problems.list,
    );
    expect(damaged.problems.list.filter((p) => p.code === 'ZIP_MEMBER_DAMAGED')).toEqual([
      {
        code: 'ZIP_MEMBER_DAMAGED',
        severity: 'error',
        file: `${base}-bad.zip!/${name}`,
        message: `this file inside the archive is damaged: its content does not match the checksum recorded in the archive (CRC-32 ${crc.toString(16).padStart(8, '0')}, expected ${recorded.toString(16).padStart(8, '0')}); anything read from it may be garbled`,
        hint: 'Download or export the archive again (a copy that unzips without errors), then re-run with the new archive.',
      },
    ]);
  });
});

describe('a zip member whose CRC-32 fails and whose reader stops at a fault of its own', () => {
  it('reports both errors and is not marked read to the end', async () => {
    // The export breaks off half way (its JSON ends inside a message), and the archive's checksum is that of the
    // whole file: the reader stops at the cut, so the counts do not cover the file.
    const whole = fixture('telegram-json/single-chat-mixed.json');
    const data = whole.subarray(0, Math.floor(whole.length / 2));
    const recorded = crc32(whole) >>> 0;
    writeFileSync(
      path.join(dir, 'cut-bad.zip'),
      makeZip([{ name: 'result.json', data, declaredCrc: recorded }]),
    );
    const read1 = await read('cut-bad.zip');
    const input = read1.inputs[0]!;
    expect(input).toMatchObject({ format: 'telegram-json', incomplete: true });
    expect([input.readToEnd, input.damaged]).toEqual([undefined, undefined]);
    expect(input.records).toBe(input.events + input.skipped + input.rejected);
    // The reader's own failure (which the damage used to hide), told once with the record it broke off in (counted
    // as rejected under its code, pipeline/one-fault.ts), then the damage.
    expect(read1.problems.list.map((p) => [p.code, p.locator])).toEqual([
      ['TELEGRAM_TRUNCATED', 'messages[9]'],
      ['ZIP_MEMBER_DAMAGED', undefined],
    ]);
    expect(input.rejectedReasons['TELEGRAM_TRUNCATED']).toBe(1);
    expect(input.rejectedReasons['TELEGRAM_RECORD_CUT_SHORT']).toBeUndefined();
  });
});

describe('a zip member whose CRC-32 fails and whose reader rejects records for a reason of the whole file', () => {
  it('is read to the end and marked damaged, and lists both errors', async () => {
    // Every date could be day-first or month-first: each message is rejected, with the file's own error saying why.
    const data = Buffer.from('01/02/2024, 09:00 - Sam: Answer me\n03/04/2024, 10:00 - Sam: Pick up\n');
    writeFileSync(
      path.join(dir, 'undated-bad.zip'),
      makeZip([{ name: 'WhatsApp Chat with Sam.txt', data, declaredCrc: (crc32(data) ^ 1) >>> 0 }]),
    );
    const read1 = await read('undated-bad.zip');
    expect(read1.inputs[0]).toMatchObject({
      records: 2,
      rejected: 2,
      incomplete: true,
      readToEnd: true,
      damaged: true,
    });
    const errors = read1.problems.list.filter((p) => p.locator === undefined).map((p) => p.code);
    expect(errors).toEqual(['WHATSAPP_DATE_ORDER_AMBIGUOUS', 'ZIP_MEMBER_DAMAGED']);
  });
});

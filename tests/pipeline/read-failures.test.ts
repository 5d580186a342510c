/**
 * Files that fail while being read are errors in the report, never files silently passed over: one that cannot
 * be opened (permission denied), one whose disk fails midway, and an archive member whose bytes do not match
 * its CRC-32 — reported as damaged whatever the format's reader made of the failure.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { readTimeline } from '../../src/pipeline/index.js';
import type { SourceInput } from '../../src/sources/index.js';
import { makeZip } from '../helpers/zip-writer.js';

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

/** An input whose stream gives `before` and then fails with `err` (nothing before it when `before` is empty). */
function failing(name: string, before: Buffer, err: Error): SourceInput {
  return {
    path: `exports/${name}`,
    name,
    bytes: before.length + 100,
    open: () => {
      let sent = false;
      return new Readable({
        objectMode: true,
        read() {
          if (!sent && before.length > 0) {
            sent = true;
            this.push(before);
          } else this.destroy(err);
        },
      });
    },
  };
}

function memory(path: string, bytes: Buffer): SourceInput {
  return {
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    bytes: bytes.length,
    open: () => Readable.from([bytes]),
    readRange: (start, end) => Readable.from([bytes.subarray(start, end)]),
  };
}

/**
 * `memory`, with `chunks()` as a file on disk has it: every chunk is the same buffer, filled again, so a reader
 * that kept a chunk instead of copying it would find other bytes there. `failAfter` chunks, an EIO.
 */
function transient(
  path: string,
  bytes: Buffer,
  size: number,
  failAfter = Number.POSITIVE_INFINITY,
): SourceInput {
  return {
    ...memory(path, bytes),
    async *chunks() {
      const buf = Buffer.alloc(size);
      for (let at = 0, k = 0; at < bytes.length; at += size, k++) {
        if (k === failAfter) throw errno('EIO');
        const n = bytes.copy(buf, 0, at, at + size);
        yield buf.subarray(0, n);
        buf.fill(0x58);
      }
    },
  };
}

async function read(inputs: SourceInput[]) {
  const c = await resolveCase({}, [], 'UTC');
  return readTimeline({ inputs, case: { ...c, victim: { name: undefined, identifiers: ['alex_example'] } } });
}

const SMS = readFileSync('fixtures/demo-case/sms-20240315120000.xml');
const DISCORD_CSV = readFileSync('fixtures/discord-csv/Direct Messages - Sam [1200000000000000001].csv');
const WHATSAPP = readFileSync('fixtures/demo-case/WhatsApp Chat with Sam.txt');

describe('files that fail while being read', () => {
  it('reports a file that cannot be opened as an INPUT_UNREADABLE error, in words, with what to do', async () => {
    const t = await read([failing('diary.csv', Buffer.alloc(0), errno('EACCES'))]);
    expect(t.inputs).toEqual([]);
    expect(t.ignored).toEqual([
      { path: 'exports/diary.csv', reason: 'could not be read: permission denied' },
    ]);
    expect(t.problems.list).toContainEqual({
      code: 'INPUT_UNREADABLE',
      severity: 'error',
      file: 'exports/diary.csv',
      message: 'could not be read: permission denied',
      hint: expect.stringMatching(/^Your user account is not allowed to open this file\. .*chmod u\+r/),
    });
  });

  it('keeps what was read before a disk error and reports the error in words', async () => {
    const cut = SMS.subarray(0, SMS.indexOf('<sms ', 5000));
    const t = await read([failing('sms.xml', cut, errno('EIO'))]);
    expect(t.inputs[0]).toMatchObject({ path: 'exports/sms.xml', incomplete: true });
    expect(t.inputs[0]!.events).toBeGreaterThan(0);
    expect(t.problems.list).toContainEqual({
      code: 'INPUT_READ_FAILED',
      severity: 'error',
      file: 'exports/sms.xml',
      // How far the read got, of the size the file claims, and the last record counted: the 16th <sms>, whole.
      message:
        "reading stopped after 5,047 of the file's 5,147 bytes (the last record counted: sms[15] (line 20)): input/output error (the disk, card or network drive may be failing) (EIO)",
      hint: 'The events read before this point are kept. Copy the file somewhere else (or export it again) and re-run.',
    });
    expect(cut.length).toBe(5047);
    expect(cut.toString('latin1').match(/<sms /g)).toHaveLength(16);
  });

  const MARKER: Record<string, string> = {
    'sms-backup-xml': 'body="',
    'discord-csv': 'ignoring',
    'whatsapp-txt': 'Just tell me',
  };
  it.each([
    // Read in one pass: every event read before the end, where the checksum is compared, is kept.
    ['an SMS backup', 'sms-20240315120000.xml', SMS, 'sms-backup-xml', 525],
    // Read in two passes, both meeting the damage at the end, every row before it read (it once kept none: the
    // rows of the one piece read waited in a stream the failure discarded). The damage is what is reported.
    [
      'a Discord CSV',
      'Direct Messages - Sam [1200000000000000001].csv',
      DISCORD_CSV,
      'discord-csv',
      'as from an intact copy',
    ],
    // Read in two passes, both meeting the damage at the end: the second keeps every message read before it
    // (here all of them: the chat ends with a block notice, after which no message waits for more lines).
    ['a WhatsApp chat', 'WhatsApp Chat with Sam.txt', WHATSAPP, 'whatsapp-txt', 'as from an intact copy'],
  ])(
    'reports %s inside a zip whose CRC-32 does not match as damaged',
    async (_, name, data, format, events) => {
      const damaged = Buffer.from(data);
      // A flipped bit inside a message text keeps the file well-formed: only the checksum can tell.
      const at = damaged.indexOf(MARKER[format]!) + 6;
      damaged[at] = damaged[at]! ^ 0x01;
      const zip = makeZip([{ name, data: damaged, store: true }]);
      // Headers made for the intact bytes, data damaged afterwards: what a bad download or disk produces.
      const intact = makeZip([{ name, data, store: true }]);
      intact.set(damaged, 30 + Buffer.byteLength(name));
      expect(zip.length).toBe(intact.length);
      const t = await read([memory('export.zip', intact)]);
      const member = `export.zip!/${name}`;
      expect(t.inputs).toHaveLength(1);
      const expected =
        events === 'as from an intact copy'
          ? (await read([memory(`exports/${name}`, data)])).inputs[0]!.events
          : events;
      expect(t.inputs[0]).toMatchObject({ path: member, format, incomplete: true, events: expected });
      // The hash is that of the bytes read, so the report's SHA-256 names exactly what the events came from.
      expect(t.inputs[0]!.sha256).toBe(createHash('sha256').update(damaged).digest('hex'));
      const errors = t.problems.list.filter((p) => p.severity === 'error');
      expect(errors).toEqual([
        {
          code: 'ZIP_MEMBER_DAMAGED',
          severity: 'error',
          file: member,
          message: expect.stringMatching(
            /^this file inside the archive is damaged: its content does not match the checksum recorded in the archive \(CRC-32 [0-9a-f]{8}, expected [0-9a-f]{8}\); anything read from it may be garbled$/,
          ),
          hint: 'Download or export the archive again (a copy that unzips without errors), then re-run with the new archive.',
        },
      ]);
    },
  );

  it('keeps the rows of a Discord CSV read before a disk error, never the row the error cut short', async () => {
    const name = 'Direct Messages - Sam [1200000000000000001].csv';
    const intact = await read([memory(`exports/${name}`, DISCORD_CSV)]);
    // Cut in the middle of the fourth message row (line 5: the header is line 1).
    const starts = [...DISCORD_CSV.toString('latin1').matchAll(/\r\n/g)].map((m) => m.index! + 2);
    const cut = DISCORD_CSV.subarray(0, starts[3]! + 20);
    const t = await read([failing(name, cut, errno('EIO'))]);
    expect(t.inputs[0]).toMatchObject({ incomplete: true, events: 3 });
    expect(t.events.map((e) => e.text)).toEqual(intact.events.slice(0, 3).map((e) => e.text));
    expect(t.problems.list.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual([
      'INPUT_READ_FAILED',
    ]);
  });

  it('reads a file handed over in reused chunks as it reads it from a stream, and hashes the same bytes', async () => {
    const name = 'WhatsApp Chat with Sam.txt';
    const bytes = readFileSync(`fixtures/demo-case/${name}`);
    const streamed = await read([memory(`exports/${name}`, bytes)]);
    // 7-byte chunks: every line, character and line break of the chat is cut somewhere.
    const reused = await read([transient(`exports/${name}`, bytes, 7)]);
    expect(streamed.events.length).toBeGreaterThan(10);
    expect(reused.inputs).toEqual(streamed.inputs);
    expect(reused.inputs[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(reused.events.map((e) => [e.ms, e.text, e.locator])).toEqual(
      streamed.events.map((e) => [e.ms, e.text, e.locator]),
    );
    expect(reused.problems.list).toEqual(streamed.problems.list);
  });

  it('reports a disk error met while reading reused chunks as a read failure of the file', async () => {
    const name = 'WhatsApp Chat with Sam.txt';
    const bytes = readFileSync(`fixtures/demo-case/${name}`);
    const t = await read([transient(`exports/${name}`, bytes, 4096, 1)]);
    expect(t.inputs[0]).toMatchObject({ path: `exports/${name}`, incomplete: true });
    // Both passes stop after the first 4096 bytes: the messages complete before that point are kept, as they
    // are read from an intact copy of those bytes (the last one there may still have had lines to come).
    const whole = await read([memory(`exports/${name}`, bytes)]);
    const complete = whole.events.filter(
      (e) => Number(e.locator) < bytes.subarray(0, 4096).toString('utf8').split('\n').length - 1,
    );
    expect(t.events.map((e) => e.locator)).toEqual(complete.map((e) => e.locator).slice(0, t.events.length));
    expect(t.events.length).toBeGreaterThanOrEqual(complete.length - 1);
    // The failure says the read got 4,096 bytes in, and which record was counted last (the source's, in order).
    const last = [...t.events]
      .map((e) => Number(e.locator))
      .sort((a, b) => a - b)
      .at(-1)!;
    // (Its only skipped record, the encryption notice, is line 1.)
    expect(t.inputs[0]).toMatchObject({ skipped: 1, rejected: 0 });
    expect(t.problems.list).toContainEqual(
      expect.objectContaining({
        code: 'INPUT_READ_FAILED',
        severity: 'error',
        file: `exports/${name}`,
        message: `reading stopped after 4,096 of the file's ${String(bytes.length).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} bytes (the last record counted: line ${last}): input/output error (the disk, card or network drive may be failing) (EIO)`,
      }),
    );
  });
});

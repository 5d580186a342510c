import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memberHashes } from '../../src/cli/commands/verify-hashes.js';
import { fileInput } from '../../src/cli/inputs.js';
import { SourceFailure, type SourceInput } from '../../src/sources/index.js';
import { zip } from '../../src/sources/zip.js';
import { makeZip, type ZipMember } from '../helpers/zip-writer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'chronolog-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function archive(name: string, members: ZipMember[]): SourceInput {
  const file = path.join(dir, name);
  const bytes = makeZip(members);
  writeFileSync(file, bytes);
  return fileInput(file, bytes.length, name);
}

async function list(input: SourceInput) {
  const ignored: { path: string; reason: string }[] = [];
  const members: SourceInput[] = [];
  for await (const m of zip.members(input, {
    ignore: (p, reason) => ignored.push({ path: p, reason }),
    warn: () => {},
    notOpened: () => {},
  })) {
    members.push(m);
  }
  return { members, ignored };
}

async function text(input: SourceInput): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of input.open()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('zip container', () => {
  it('offers the chat text of a WhatsApp media export and passes over media and macOS forks', async () => {
    const chat = '12/01/2024, 18:04 - Sam: Answer me\n';
    const input = archive('WhatsApp Chat with Sam.zip', [
      { name: '_chat.txt', data: chat },
      { name: '00000012-PHOTO-2024-01-12-18-04-00.jpg', data: Buffer.alloc(2048, 7), store: true },
      { name: '__MACOSX/._chat.txt', data: 'resource fork' },
    ]);
    const { members, ignored } = await list(input);
    expect(members.map((m) => m.path)).toEqual(['WhatsApp Chat with Sam.zip!/_chat.txt']);
    expect(await text(members[0]!)).toBe(chat);
    expect(await text(members[0]!)).toBe(chat); // members can be opened again (two-pass parsers)
    expect(ignored.map((i) => i.path)).toEqual([
      '00000012-PHOTO-2024-01-12-18-04-00.jpg',
      '__MACOSX/._chat.txt',
    ]);
  });

  it('refuses members whose path escapes the archive and never opens them', async () => {
    const input = archive('escape.zip', [
      { name: '../../etc/evil.txt', data: 'x' },
      { name: '/abs/evil.txt', data: 'x' },
      { name: 'ok/notes.txt', data: 'fine' },
    ]);
    const { members, ignored } = await list(input);
    expect(members.map((m) => m.name)).toEqual(['notes.txt']);
    expect(ignored).toHaveLength(2);
    for (const i of ignored) expect(i.reason).toMatch(/escapes the archive/);
  });

  it('reads backslashes in member names as folders, as Windows tools write them, and still refuses escapes', async () => {
    // Before: every member with a backslash was refused as "the member's path escapes the archive".
    const chat = '12/01/2024, 18:04 - Sam: Answer me\n';
    const input = archive('Evidence (Compress-Archive).zip', [
      { name: 'Evidence\\WhatsApp\\WhatsApp Chat with Sam.txt', data: chat },
      { name: 'Evidence\\SMS\\sms-20240301.xml', data: '<smses count="0"></smses>' },
      { name: 'Evidence\\Photos\\IMG_0012.jpg', data: Buffer.alloc(512, 7), store: true },
      { name: '..\\..\\evil.txt', data: 'x' },
      { name: 'Evidence\\..\\..\\evil.txt', data: 'x' },
      { name: 'C:\\Users\\evil.txt', data: 'x' },
      { name: '\\\\server\\share\\evil.txt', data: 'x' },
    ]);
    const { members, ignored } = await list(input);
    expect(members.map((m) => [m.path, m.name])).toEqual([
      [
        'Evidence (Compress-Archive).zip!/Evidence/WhatsApp/WhatsApp Chat with Sam.txt',
        'WhatsApp Chat with Sam.txt',
      ],
      ['Evidence (Compress-Archive).zip!/Evidence/SMS/sms-20240301.xml', 'sms-20240301.xml'],
    ]);
    expect(await text(members[0]!)).toBe(chat);
    // A refused member is named as it is stored in the archive, not as its backslashes were read.
    expect(ignored).toEqual([
      { path: 'Evidence/Photos/IMG_0012.jpg', reason: 'media or document attachment, not a message export' },
      {
        path: '..\\..\\evil.txt',
        reason: "refused: the member's path escapes the archive (invalid relative path)",
      },
      {
        path: 'Evidence\\..\\..\\evil.txt',
        reason: "refused: the member's path escapes the archive (invalid relative path)",
      },
      {
        path: 'C:\\Users\\evil.txt',
        reason: "refused: the member's path escapes the archive (absolute path)",
      },
      {
        path: '\\\\server\\share\\evil.txt',
        reason: "refused: the member's path escapes the archive (absolute path)",
      },
    ]);
  });

  it('lists a member whose name ends in a backslash but holds bytes; an empty one is a folder', async () => {
    // Before: both were passed over as folders, unlisted (and before backslashes were read as folders, refused
    // and listed).
    const input = archive('Evidence.zip', [
      { name: 'Exports\\', data: '' },
      { name: 'Exports\\chat\\', data: '12/01/2024, 18:04 - Sam: Answer me\n' },
    ]);
    const { members, ignored } = await list(input);
    expect(members).toEqual([]);
    expect(ignored).toEqual([
      {
        path: 'Exports\\chat\\',
        reason:
          "a file whose name ends in a backslash, as a folder's does (35 bytes); extract it, name it as a file and give chronolog that file",
      },
    ]);
  });

  it('reads two members of one path (the same name, or the same once backslashes are folders) as two files', async () => {
    // Before: both were read as Evidence/WhatsApp Chat with Sam.txt, so a report named one path for two files
    // and `verify` of a report just made found the first "changed" (it hashed the second under that path).
    const first = '12/01/2024, 18:04 - Sam: Answer me\n';
    const second = '13/01/2024, 09:30 - Sam: I know you read it\n';
    const third = '14/01/2024, 22:10 - Sam: Last chance\n';
    const input = archive('Evidence.zip', [
      { name: 'Evidence\\WhatsApp Chat with Sam.txt', data: first },
      { name: 'Evidence/WhatsApp Chat with Sam.txt', data: second },
      { name: 'Evidence/WhatsApp Chat with Sam.txt', data: third },
    ]);
    const { members, ignored } = await list(input);
    expect(ignored).toEqual([]);
    expect(members.map((m) => [m.path, m.name])).toEqual([
      ['Evidence.zip!/Evidence/WhatsApp Chat with Sam.txt', 'WhatsApp Chat with Sam.txt'],
      [
        "Evidence.zip!/Evidence/WhatsApp Chat with Sam.txt (the archive's member 2)",
        'WhatsApp Chat with Sam.txt',
      ],
      [
        "Evidence.zip!/Evidence/WhatsApp Chat with Sam.txt (the archive's member 3)",
        'WhatsApp Chat with Sam.txt',
      ],
    ]);
    expect(await Promise.all(members.map(text))).toEqual([first, second, third]);
    // What `verify` reads again: each path has its own member's hash.
    const hashes = await memberHashes(input);
    expect([...hashes.keys()]).toEqual(members.map((m) => m.path.slice('Evidence.zip!/'.length)));
    expect(new Set([...hashes.values()].map((h) => ('sha256' in h ? h.sha256 : h.passedOver))).size).toBe(3);
  });

  it('refuses a zip bomb by its compression ratio', async () => {
    // 64 MiB of zeros deflates to about 64 KiB: a ratio near 1000:1.
    const input = archive('bomb.zip', [{ name: 'zeros.txt', data: Buffer.alloc(64 * 1024 * 1024) }]);
    const { members, ignored } = await list(input);
    expect(members).toHaveLength(0);
    expect(ignored[0]!.reason).toMatch(/compression ratio \d+:1 exceeds the limit of 200:1/);
  });

  it('refuses a member that inflates beyond its declared size', async () => {
    const input = archive('liar.zip', [
      { name: 'small.txt', data: Buffer.alloc(4 * 1024 * 1024, 65), declaredSize: 100 },
    ]);
    const { members } = await list(input);
    expect(members).toHaveLength(1);
    await expect(text(members[0]!)).rejects.toThrow(/too many bytes|size|exceeded/i);
  });

  it('fails a stored member whose bytes do not match its CRC-32, after delivering all of them', async () => {
    const chat = '12/01/2024, 18:04 - Sam: Answer me\n12/01/2024, 18:05 - Sam: Now\n';
    const bytes = makeZip([{ name: '_chat.txt', data: chat, store: true }]);
    // The member's data starts after the 30-byte local header and its name; flip a letter of "Answer".
    const at = 30 + '_chat.txt'.length + chat.indexOf('Answer');
    bytes[at] = bytes[at]! ^ 0x20;
    const file = path.join(dir, 'flipped.zip');
    writeFileSync(file, bytes);
    const { members } = await list(fileInput(file, bytes.length, 'flipped.zip'));
    const got: Buffer[] = [];
    const read = (async () => {
      for await (const c of members[0]!.open()) got.push(c as Buffer);
    })();
    await expect(read).rejects.toMatchObject({
      name: 'SourceFailure',
      code: 'ZIP_MEMBER_DAMAGED',
      message: expect.stringMatching(
        /^this file inside the archive is damaged: its content does not match the checksum recorded in the archive \(CRC-32 [0-9a-f]{8}, expected [0-9a-f]{8}\)/,
      ),
      hint: expect.stringMatching(/^Download or export the archive again/),
    });
    expect(Buffer.concat(got).toString('utf8')).toBe(chat.replace('Answer', 'answer'));
  });

  it('checks the CRC-32 of a large deflated member as it streams, and passes an intact one', async () => {
    const line = (i: number) => `12/01/2024, 18:04 - Sam: message number ${i} of many\n`;
    const chat = Array.from({ length: 40_000 }, (_, i) => line(i)).join('');
    const intact = archive('big.zip', [{ name: '_chat.txt', data: chat }]);
    const { members } = await list(intact);
    expect((await text(members[0]!)).length).toBe(chat.length);

    const damagedText = chat.replace('message number 30000 ', 'message number 30001 ');
    const bytes = makeZip([{ name: '_chat.txt', data: damagedText }]);
    // Put the CRC of the original text in both headers: the data inflates fine but is not what was archived.
    const good = makeZip([{ name: '_chat.txt', data: chat }]);
    bytes.writeUInt32LE(good.readUInt32LE(14), 14);
    const cd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(good.readUInt32LE(14), cd + 16);
    const file = path.join(dir, 'big-damaged.zip');
    writeFileSync(file, bytes);
    const [member] = (await list(fileInput(file, bytes.length, 'big-damaged.zip'))).members;
    // A reader that stops early (detection reads the first 64 KiB) is not failed: it has not read what the CRC covers.
    for await (const _ of member!.open()) break;
    let delivered = 0;
    await expect(
      (async () => {
        for await (const c of member!.open()) delivered += (c as Buffer).length;
      })(),
    ).rejects.toMatchObject({ code: 'ZIP_MEMBER_DAMAGED' });
    expect(delivered).toBe(Buffer.byteLength(damagedText));
  });

  it('fails a member whose deflate data is corrupt as damaged, naming the inflate error', async () => {
    const chat = Array.from({ length: 200 }, (_, i) => `12/01/2024, 18:04 - Sam: text ${i * 7919}\n`).join(
      '',
    );
    const bytes = makeZip([{ name: '_chat.txt', data: chat }]);
    const start = 30 + '_chat.txt'.length + 40;
    for (let k = start; k < start + 16; k++) bytes[k] = bytes[k]! ^ 0x5a;
    const file = path.join(dir, 'corrupt-deflate.zip');
    writeFileSync(file, bytes);
    const [member] = (await list(fileInput(file, bytes.length, 'corrupt-deflate.zip'))).members;
    await expect(text(member!)).rejects.toMatchObject({
      code: 'ZIP_MEMBER_DAMAGED',
      message: expect.stringMatching(
        /damaged: (its compressed data cannot be read \(.+\)|its content does not match)/,
      ),
    });
  });

  it('fails clearly on a file that only looks like a zip', async () => {
    const file = path.join(dir, 'broken.zip');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]));
    await expect(list(fileInput(file, 104, 'broken.zip'))).rejects.toBeInstanceOf(SourceFailure);
  });
});

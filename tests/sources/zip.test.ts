import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('fails clearly on a file that only looks like a zip', async () => {
    const file = path.join(dir, 'broken.zip');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]));
    await expect(list(fileInput(file, 104, 'broken.zip'))).rejects.toBeInstanceOf(SourceFailure);
  });
});

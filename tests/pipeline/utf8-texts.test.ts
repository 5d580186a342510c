/**
 * Message texts a source hands over as UTF-8 bytes (`SourceContext.emitUtf8`, the WhatsApp source) must reach
 * the timeline exactly as the decoded texts a context without that method receives: multi-line messages, marks,
 * emoji, bytes that are not UTF-8, and texts that straddle the chunks the file is read in.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { inPieces, runInput } from '../helpers/run-source.js';
import { timelineOf } from '../helpers/timeline.js';

const tmp = mkdtempSync(join(tmpdir(), 'utf8-texts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const two = (n: number) => String(n).padStart(2, '0');

/** A chat of about 3 MB: read with its start's date order, in 32 KiB chunks read into one buffer again. */
function chat(): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < 30_000; i++) {
    const date = `${two((i % 28) + 1)}/${two((Math.floor(i / 28) % 12) + 1)}/2024, ${two(i % 24)}:${two(i % 60)}`;
    const who = i % 5 === 0 ? 'You' : i % 3 === 0 ? '~\u202fNev 😀' : 'Sam';
    let text = `message ${i} é ${'😀'.repeat(i % 4)}`;
    if (i % 7 === 0) text += `\nsecond line\n\n\nafter blanks ${i}\n\ufeff`;
    if (i % 11 === 0) text = `\u200e${text.slice(0, 5)}\ufeff${text.slice(5)}`;
    if (i % 997 === 0) text += `\n${'long line '.repeat(5_000)}`;
    if (i % 13 === 0) text = 'image omitted';
    parts.push(Buffer.from(`${date} - ${who}: ${text}\n`, 'utf8'));
    if (i === 20_000) parts.push(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // Windows-1252 "café"
  }
  return Buffer.concat(parts);
}

describe('texts handed over as UTF-8', () => {
  it('are stored exactly as the decoded texts the source gives a context without emitUtf8', async () => {
    const bytes = chat();
    expect(bytes.length).toBeGreaterThan(2 << 20);
    const dir = join(tmp, 'case');
    const file = join(dir, 'WhatsApp Chat with Sam.txt');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, bytes);
    const reference = await runInput(whatsappTxt, inPieces(bytes, 65536, file));
    expect(reference.warnings.map((w) => w.code)).toEqual(['TEXT_INVALID_UTF8']);
    const { events } = await timelineOf([dir], (c) => ({
      ...c,
      timezone: 'Europe/London',
      subject: { name: undefined, identifiers: ['Sam'] },
    }));
    expect(events).toHaveLength(reference.events.length);
    const byLine = new Map(reference.events.map((e) => [Number(e.locator), e.text]));
    for (const e of events) expect(e.text, `line ${e.locator}`).toBe(byLine.get(Number(e.locator)));
    const texts = events.map((e) => e.text ?? '');
    expect(texts.some((t) => t.includes('\n\n\nafter blanks'))).toBe(true);
    expect(texts.some((t) => t.includes('\ufffd'))).toBe(true);
    expect(texts.some((t) => t.length > 50_000)).toBe(true);
    expect(texts.some((t) => t.includes('\ufeff'))).toBe(false);
  });
});

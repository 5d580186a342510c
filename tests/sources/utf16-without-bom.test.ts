/**
 * UTF-16 text without a byte-order mark: a WhatsApp chat or a CSV diary saved as "Unicode" by a Windows tool that
 * left the mark out. It is read like the same text in UTF-8, with one TEXT_UTF16_WITHOUT_BOM warning, whatever
 * the size of the chunks it arrives in; binary data stays binary; a file in a format whose reader does not decode
 * it is not read, with a reason that names the encoding and says to save it as UTF-8.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { detect, makeProbe } from '../../src/sources/detect.js';
import type { Source } from '../../src/sources/index.js';
import { utf16WithoutBom } from '../../src/sources/text.js';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { inPieces, runInput } from '../helpers/run-source.js';

const DIR = 'fixtures/utf16-without-bom';
const CHAT = join(DIR, 'WhatsApp Chat with Sam Sample.txt');
const DIARY = join(DIR, 'incident-diary.csv');
const JSON_FILE = 'fixtures/telegram-json-utf16-without-bom/result.json';

const detected = (name: string, bytes: Buffer) => detect(makeProbe(name, name, bytes.subarray(0, 64 * 1024)));

/** The same file's text as UTF-8. */
const asUtf8 = (bytes: Buffer, encoding: 'utf16le' | 'utf16-be') =>
  Buffer.from(iconv.decode(bytes, encoding, { stripBOM: false }), 'utf8');

const read = (source: Source, bytes: Buffer, name: string, size = 65536) =>
  runInput(source, inPieces(bytes, size, join(DIR, name), name), { timezone: 'Europe/London' });

describe.each([
  {
    what: 'a WhatsApp chat in UTF-16LE',
    file: CHAT,
    source: whatsappTxt as Source,
    encoding: 'utf16le' as const,
  },
  { what: 'a CSV diary in UTF-16BE', file: DIARY, source: csvDiary as Source, encoding: 'utf16-be' as const },
])('$what without a byte-order mark', ({ file, source, encoding }) => {
  const bytes = readFileSync(file);
  const name = file.split('/').pop()!;

  it('is recognised as its format, not as a binary file', () => {
    expect(bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]))).toBe(false);
    expect(bytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))).toBe(false);
    expect(utf16WithoutBom(bytes)).toBe(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
    expect(detected(name, bytes)).toMatchObject({ kind: 'source', source: { id: source.id } });
  });

  it('is read as the same text in UTF-8 is, with one warning that names the encoding', async () => {
    const utf16 = await read(source, bytes, name);
    const utf8 = await read(source, asUtf8(bytes, encoding), name);
    expect(utf16.events.length).toBeGreaterThan(2);
    expect(utf16.events).toEqual(utf8.events);
    expect(utf16.skipped).toEqual(utf8.skipped);
    expect(utf16.rejected).toEqual([]);
    expect(utf16.failure).toBeUndefined();
    const name16 = encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE';
    expect(utf16.warnings.filter((w) => w.code === 'TEXT_UTF16_WITHOUT_BOM')).toEqual([
      {
        code: 'TEXT_UTF16_WITHOUT_BOM',
        message: expect.stringContaining(`so it was read as ${name16}`),
        hint: 'If letters look wrong, open the file in a text editor and save it as UTF-8, then re-run.',
      },
    ]);
    expect(utf16.warnings.filter((w) => w.code !== 'TEXT_UTF16_WITHOUT_BOM')).toEqual(utf8.warnings);
  });

  it('is read the same whatever the chunk size', async () => {
    const whole = await read(source, bytes, name);
    for (const size of [1, 3, 7, 100]) expect(await read(source, bytes, name, size)).toEqual(whole);
  });
});

describe('UTF-16 without a mark with characters whose low byte is zero', () => {
  // 😀 U+1F600 is the pair D83D DE00, and 一 U+4E00, 가 U+AC00, U+3000 (the ideographic space) end in a zero byte
  // too: zeros on the "wrong" side of the unit, a few among the many of the ASCII digits and punctuation.
  const chat = (lines: readonly string[]) =>
    lines
      .map((text, i) => `14/03/2024, 21:${String(10 + i).padStart(2, '0')} - Sam Sample: ${text}\n`)
      .join('');
  const utf16 = (text: string, encoding: 'utf16le' | 'utf16-be') => {
    const bytes = Buffer.from(text, 'utf16le');
    return encoding === 'utf16le' ? bytes : bytes.swap16();
  };
  const NAME = 'WhatsApp Chat with Sam Sample.txt';
  const cases = [
    {
      what: 'a Latin chat with one 😀',
      lines: ['Where are you? 😀', 'Answer me', 'I am outside', 'Open the door'],
    },
    { what: 'a Chinese chat (一)', lines: ['我一直在等你回复', '你在哪里', '一定要回答我'] },
    { what: 'a Korean chat (가)', lines: ['어디 가요? 대답해', '지금 가고 있어', '문 열어'] },
    {
      what: 'a Japanese chat (U+3000)',
      lines: ['返事して\u3000ください', 'どこにいるの\u3000今すぐ', '待ってる'],
    },
  ];

  describe.each(cases)('$what', ({ lines }) => {
    it.each(['utf16le', 'utf16-be'] as const)(
      'is read in %s as the same text in UTF-8 is',
      async (encoding) => {
        const text = chat(lines);
        const bytes = utf16(text, encoding);
        expect(utf16WithoutBom(bytes)).toBe(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
        expect(detected(NAME, bytes)).toMatchObject({ kind: 'source', source: { id: 'whatsapp-txt' } });
        const r16 = await read(whatsappTxt, bytes, NAME);
        const r8 = await read(whatsappTxt, Buffer.from(text, 'utf8'), NAME);
        expect(r16.events.map((e) => e.text)).toEqual(lines);
        expect(r16.events).toEqual(r8.events);
        expect(r16.warnings.map((w) => w.code)).toEqual(['TEXT_UTF16_WITHOUT_BOM']);
      },
    );
  });

  it('still leaves text with as many zeros on both sides alone', () => {
    // Each line has one 😀 and one 一 for every ASCII character: zeros on both sides in like numbers.
    const bytes = Buffer.from('😀一a'.repeat(100), 'utf16le');
    expect(utf16WithoutBom(bytes)).toBeUndefined();
  });
});

describe('what is not UTF-16 without a mark', () => {
  it('keeps the letters and emoji of the chat', async () => {
    const r = await read(whatsappTxt, readFileSync(CHAT), 'WhatsApp Chat with Sam Sample.txt');
    expect(r.events.map((e) => e.text)).toContain("You can't ignore me forever 😡");
    expect(r.events.map((e) => e.sender?.name)).toContain('Zoë Example');
  });

  it('leaves binary data binary: zeros on both sides, or control characters when decoded', () => {
    // A PNG's first bytes (zeros at odd and even offsets), and 16-bit samples whose high bytes are zero but
    // whose low bytes are control characters.
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000320000002580806000000', 'hex');
    const samples = Buffer.from(Array.from({ length: 64 }, (_, i) => [i % 32, 0]).flat());
    for (const [name, bytes] of [
      ['image.png', png],
      ['samples.raw', samples],
    ] as const) {
      expect(utf16WithoutBom(bytes), name).toBeUndefined();
      expect(detected(name, bytes), name).toEqual({
        kind: 'none',
        reason: 'binary file, not a supported export',
      });
    }
  });

  it('reads UTF-8 text padded with zeros after a crash as UTF-8, as before', () => {
    const padded = Buffer.concat([
      Buffer.from('14/03/2024, 21:02 - Sam Sample: hi\n14/03/2024, 21:03 - Sam Sample: answer\n'),
      Buffer.alloc(200),
    ]);
    expect(utf16WithoutBom(padded)).toBeUndefined();
    expect(makeProbe('chat.txt', 'chat.txt', padded).text).toMatch(/^14\/03\/2024, 21:02 - Sam Sample: hi\n/);
  });

  it('leaves a short UTF-8 file with a few stray NULs on one side alone', () => {
    // One NUL in a cut or corrupt save: one-sided by chance, too few zeros to say UTF-16 (seven units of text
    // would decode to CJK letters).
    const corrupt = Buffer.from('Date,Time,What\n1/2/24\0x');
    expect(utf16WithoutBom(corrupt)).toBeUndefined();
    expect(detected('diary.csv', corrupt)).toMatchObject({ kind: 'source', source: { id: 'csv-diary' } });
    expect(makeProbe('diary.csv', 'diary.csv', corrupt).text).toMatch(/^Date,Time,What\n/);
    // Eight units of ASCII in UTF-16 are still enough.
    expect(utf16WithoutBom(Buffer.from('1/2/24,x', 'utf16le'))).toBe('utf-16le');
  });

  it('takes no other fixture for UTF-16 without a mark', () => {
    // Every text fixture of every format (UTF-8, Windows-1252, UTF-16 with its mark), bar the two folders above.
    const files = readdirSync('fixtures', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(?:txt|csv|tsv|json|jsonl|html|xml|mbox|eml|md|js)$/.test(f))
      .filter((f) => !f.startsWith('utf16-without-bom') && !f.startsWith('telegram-json-utf16-without-bom'));
    expect(files.length).toBeGreaterThan(200);
    for (const f of files) {
      const bytes = readFileSync(join('fixtures', f));
      if (bytes[0] === 0xff && bytes[1] === 0xfe) continue;
      if (bytes[0] === 0xfe && bytes[1] === 0xff) continue;
      expect(utf16WithoutBom(bytes), f).toBeUndefined();
    }
  });

  it('names the encoding and says to save as UTF-8 for a format whose reader does not decode it', () => {
    // A Telegram result.json saved again as UTF-16LE without a mark.
    const bytes = readFileSync(JSON_FILE);
    expect(utf16WithoutBom(bytes)).toBe('utf-16le');
    expect(detected('result.json', bytes)).toEqual({
      kind: 'none',
      reason:
        'UTF-16 text without a byte-order mark, in no format read in that encoding (only whatsapp-txt and csv-diary): open it in a text editor and save it as UTF-8, then re-run',
    });
  });
});

/**
 * A source may take back what it reported for an input and read it again (`SourceContext.restart`): the WhatsApp
 * source does so when a chat larger than a megabyte, read with the date order its start showed, turns out to mix
 * orders. The timeline must then hold only the second reading: its events, its problems and its accounting.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { chat, range, two } from '../helpers/chats.js';
import { inPieces, runInput } from '../helpers/run-source.js';
import { timelineOf } from '../helpers/timeline.js';
import { makeZip } from '../helpers/zip-writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'restart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an input read again from the start', () => {
  it('keeps only the second reading: events, problems and accounting', async () => {
    const text = `${chat(1, range(1, 20), 900, 'dmy')}${chat(3, range(13, 31), 400, 'mdy')}`;
    const dir = join(tmp, 'case');
    const file = join(dir, 'WhatsApp Chat with Sam.txt');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    const reference = await runInput(whatsappTxt, inPieces(Buffer.from(text), 65536, file));
    expect(reference.warnings.map((w) => w.code)).toEqual(['WHATSAPP_DATE_ORDER_CONFLICT']);

    const { t, events } = await timelineOf([dir], (c) => ({
      ...c,
      timezone: 'Europe/London',
      subject: { name: undefined, identifiers: ['Sam'] },
    }));
    const input = t.inputs[0]!;
    expect(input.events).toBe(reference.events.length);
    expect(input.rejected).toBe(reference.rejected.length);
    expect(input.skipped).toBe(reference.skipped.length);
    expect(input.records).toBe(input.events + input.skipped + input.rejected);
    expect(input.kept).toBe(input.events);
    expect(input.duplicates).toBe(0);
    expect(events).toHaveLength(reference.events.length);
    // The timeline is in time order, the source's events in file order: the same records either way.
    const lines = (list: { locator: number | string }[]) =>
      list.map((e) => Number(e.locator)).sort((a, b) => a - b);
    expect(lines(events)).toEqual(lines(reference.events));
    const codes = t.problems.list.map((p) => p.code);
    expect(codes.filter((c) => c === 'WHATSAPP_DATE_ORDER_CONFLICT')).toHaveLength(1);
    expect(t.problems.list.filter((p) => p.code === 'WHATSAPP_BAD_TIMESTAMP')).toHaveLength(
      Math.min(50, reference.rejected.length),
    );
    // The problems beyond the first 50 are located once each: the first reading's are forgotten with the rest.
    const bad = t.problems.omittedLocations().filter((o) => o.code === 'WHATSAPP_BAD_TIMESTAMP');
    const located = t.problems.list.filter((p) => p.code === 'WHATSAPP_BAD_TIMESTAMP').map((p) => p.locator);
    for (const o of bad)
      for (const [from, to] of o.lines) for (let n = from; n <= to; n++) located.push(`line ${n}`);
    expect(bad.reduce((n, o) => n + o.count, 0)).toBe(reference.rejected.length - 50);
    expect(located).toEqual(reference.rejected.map((r) => `line ${r.locator}`));
  });
});

describe('a WhatsApp chat over 1 MiB', () => {
  const subjectOnly = (c: Parameters<Parameters<typeof timelineOf>[1] & object>[0]) => ({
    ...c,
    timezone: 'Europe/London',
    subject: { name: undefined, identifiers: ['Carol'] },
  });

  it('inside a zip is read whole, not reported as read in part', async () => {
    const text = chat(1, range(1, 28), 800, 'dmy');
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    const dir = join(tmp, 'zipped');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'chat.zip'), makeZip([{ name: 'WhatsApp Chat with Sam.txt', data: text }]));
    const { t } = await timelineOf([dir], (c) => ({
      ...c,
      subject: { name: undefined, identifiers: ['Sam'] },
    }));
    expect(t.inputs[0]).toMatchObject({ incomplete: false, events: 28 * 800, rejected: 0 });
    expect(t.problems.list.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('read again from the start forgets the senders of the first reading', async () => {
    // iOS-framed lines from Carol first, then far more Android-framed ones from Sam: the whole file is Android,
    // so Carol's lines are text inside Sam's messages and Carol never writes. The start alone said iOS.
    const ios = Array.from(
      { length: 2000 },
      (_, k) => `[${two(13 + (k % 10))}/01/2024, 09:${two(k % 60)}:00] Carol: early line ${k}\n`,
    ).join('');
    const both = `${ios}${chat(2, range(1, 28), 800, 'dmy')}`;
    const small = `${ios}${chat(2, range(1, 3), 800, 'dmy')}`;
    expect(Buffer.byteLength(both)).toBeGreaterThan(1 << 20);
    expect(Buffer.byteLength(small)).toBeLessThan(1 << 20);
    const codes = async (text: string, name: string) => {
      const dir = join(tmp, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'WhatsApp Chat with Sam.txt'), text);
      const { t } = await timelineOf([dir], subjectOnly);
      return t.problems.list.map((p) => p.code);
    };
    // Read in two passes (small) and in one pass taken back (large), the subject is not found either way.
    expect(await codes(small, 'framing-small')).toContain('CASE_SUBJECT_NOT_FOUND');
    expect(await codes(both, 'framing-large')).toContain('CASE_SUBJECT_NOT_FOUND');
  });
});

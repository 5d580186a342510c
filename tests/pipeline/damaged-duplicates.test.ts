/**
 * The same chat in an intact input and in a damaged one (a zip member failing its CRC-32 check, a file whose
 * reading stopped): the intact input's copies are the ones kept and cited, whatever the paths and their order;
 * the damaged input's copies are its duplicates, and records only it holds are kept from it.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { timelineRows } from '../../src/pipeline/rows.js';
import type { SourceInput } from '../../src/sources/index.js';
import { memoryInput } from '../helpers/partway.js';
import { makeZip } from '../helpers/zip-writer.js';

const CHAT = 'WhatsApp Chat with Sam.txt';
const WHATSAPP = readFileSync(`fixtures/demo-case/${CHAT}`);
const SMS = readFileSync('fixtures/demo-case/sms-20240315120000.xml');

/** A file whose stream gives `before` and then fails with EIO: a disk error partway. */
function cutShort(path: string, before: Buffer): SourceInput {
  const err = Object.assign(new Error('EIO: failed'), { code: 'EIO' });
  return {
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    bytes: before.length + 100,
    open: () => {
      let sent = false;
      return new Readable({
        read() {
          if (!sent) {
            sent = true;
            this.push(before);
          } else this.destroy(err);
        },
      });
    },
  };
}

const intactZip = (data: Buffer) => makeZip([{ name: CHAT, data, store: true }]);
/** The member's bytes are delivered whole, but fail the CRC-32 its headers record. */
const damagedZip = (data: Buffer) =>
  makeZip([{ name: CHAT, data, store: true, declaredCrc: (crc32(data) ^ 1) >>> 0 }]);

async function read(inputs: SourceInput[], everyDuplicate = false) {
  const c = await resolveCase({}, [], 'Europe/London');
  return readTimeline({
    inputs,
    case: { ...c, victim: { name: undefined, identifiers: ['Alex'] } },
    everyDuplicate,
  });
}

/** The path of the input each kept event cites, with how many cite it. */
function cited(t: Awaited<ReturnType<typeof read>>): Record<string, number> {
  const n: Record<string, number> = {};
  for (const e of t.events) {
    const path = t.inputs[e.input]!.path;
    n[path] = (n[path] ?? 0) + 1;
  }
  return n;
}

describe('a record both an intact and a damaged input hold', () => {
  it('is kept and cited from the intact zip, though the damaged zip sorts first, in either given order', async () => {
    const alone = await read([memoryInput(`exports/${CHAT}`, WHATSAPP)]);
    const events = alone.inputs[0]!.events;
    expect(events).toBeGreaterThan(50);
    for (const given of [
      [memoryInput('damaged.zip', damagedZip(WHATSAPP)), memoryInput('export.zip', intactZip(WHATSAPP))],
      [memoryInput('export.zip', intactZip(WHATSAPP)), memoryInput('damaged.zip', damagedZip(WHATSAPP))],
    ]) {
      const t = await read(given);
      expect(t.inputs.map((i) => [i.path, i.incomplete, i.kept, i.duplicates])).toEqual([
        [`damaged.zip!/${CHAT}`, true, 0, events],
        [`export.zip!/${CHAT}`, false, events, 0],
      ]);
      expect(cited(t)).toEqual({ [`export.zip!/${CHAT}`]: events });
      expect(t.problems.list.filter((p) => p.severity === 'error').map((p) => [p.code, p.file])).toEqual([
        ['ZIP_MEMBER_DAMAGED', `damaged.zip!/${CHAT}`],
      ]);
    }
  });

  it('traces every duplicate of the damaged zip to its intact copy, the same line, right after it (--with-duplicates)', async () => {
    const t = await read(
      [memoryInput('damaged.zip', damagedZip(WHATSAPP)), memoryInput('export.zip', intactZip(WHATSAPP))],
      true,
    );
    const events = t.inputs[1]!.kept;
    expect(t.duplicates?.list.length).toBe(events);
    expect(t.duplicates?.untraced).toBe(0);
    const rows = [...timelineRows(t, false, undefined, true)];
    expect(rows).toHaveLength(2 * events);
    rows.forEach((r, i) => {
      if (i % 2 === 0) {
        expect(r).toMatchObject({ file: `export.zip!/${CHAT}`, duplicate: false, keptFile: null });
        return;
      }
      const kept = rows[i - 1]!;
      expect(r).toMatchObject({
        file: `damaged.zip!/${CHAT}`,
        locator: kept.locator,
        text: kept.text,
        duplicate: true,
        keptFile: `export.zip!/${CHAT}`,
        keptLocator: kept.locator,
        duplicateReason: null,
      });
    });
    // Without asking, nothing is traced beyond duplicatesAt, and the rows have no such keys.
    const plain = await read([
      memoryInput('damaged.zip', damagedZip(WHATSAPP)),
      memoryInput('export.zip', intactZip(WHATSAPP)),
    ]);
    expect(plain.duplicates).toBeUndefined();
    expect(Object.keys([...timelineRows(plain, false, undefined)][0]!)).not.toContain('duplicate');
  });

  it('keeps from the damaged zip only the records the intact input lacks (an earlier export)', async () => {
    // The intact export was made earlier: it ends with the message of 29/02 (line 54 of the chat).
    const lines = WHATSAPP.toString('utf8').split('\n');
    const earlier = Buffer.from(`${lines.slice(0, 54).join('\n')}\n`, 'utf8');
    const t = await read([memoryInput('a.zip', damagedZip(WHATSAPP)), memoryInput(`b/${CHAT}`, earlier)]);
    const [damaged, intact] = t.inputs;
    expect(damaged).toMatchObject({ path: `a.zip!/${CHAT}`, incomplete: true, duplicates: intact!.events });
    expect(intact).toMatchObject({
      path: `b/${CHAT}`,
      incomplete: false,
      kept: intact!.events,
      duplicates: 0,
    });
    expect(damaged!.kept).toBe(damaged!.events - intact!.events);
    expect(damaged!.kept).toBeGreaterThan(0);
    // What the damaged zip alone holds comes after everything the earlier export holds.
    const lastIntact = Math.max(...[...t.events].filter((e) => e.input === 1).map((e) => e.ms));
    for (const e of t.events) if (e.input === 0) expect(e.ms).toBeGreaterThan(lastIntact);
  });

  it('is kept from the whole file when a copy sorting first was cut short by a disk error', async () => {
    const cut = SMS.subarray(0, SMS.indexOf('<sms ', 5000));
    const t = await read([cutShort('exports/a/sms.xml', cut), memoryInput('exports/b/sms.xml', SMS)]);
    const [partial, whole] = t.inputs;
    expect(partial).toMatchObject({ incomplete: true, kept: 0 });
    expect(partial!.duplicates).toBe(partial!.events);
    expect(partial!.events).toBeGreaterThan(0);
    expect(whole).toMatchObject({ incomplete: false, duplicates: 0, kept: whole!.events });
    expect(cited(t)).toEqual({ 'exports/b/sms.xml': whole!.events });
  });

  it('keeps a message the damage garbled beside its intact copy: its text is another text', async () => {
    // "Tuesday" → "Tyesday": one byte changed, the file still well-formed; only the checksum tells.
    const garbled = Buffer.from(WHATSAPP);
    const at = garbled.indexOf('on Tuesday') + 4;
    garbled[at] = 'y'.charCodeAt(0);
    const t = await read([
      memoryInput('a-damaged.zip', damagedZip(garbled)),
      memoryInput(`exports/${CHAT}`, WHATSAPP),
    ]);
    const [damaged, intact] = t.inputs;
    expect(intact).toMatchObject({ kept: intact!.events, duplicates: 0 });
    expect(damaged).toMatchObject({ incomplete: true, kept: 1, duplicates: damaged!.events - 1 });
    const fromDamaged = [...t.events].filter((e) => e.input === 0).map((e) => e.text);
    expect(fromDamaged).toEqual(['I saw you at the gym on Tyesday']);
  });
});

/**
 * One WhatsApp chat exported twice: from the victim's old Android phone without media (24-hour clock, to the
 * minute, day first) and from her new iPhone after the history moved across (US locale, 12-hour clock, to the
 * second, a day more). Each app writes a photo, a missed call and a deleted message in its own words
 * ("<Media omitted>" / "image omitted", "Missed voice call" / "Missed voice call, Tap to call back", "This message
 * was deleted" / "…deleted."), yet they are the same records: each counts once, from the more precise export, and
 * the Android file's copies are its duplicates. Read in-process under the test script's fixed TZ, case zone
 * Europe/London.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../helpers/timeline.js';

const FOLDER = path.resolve(import.meta.dirname, '../../fixtures/whatsapp-two-phones');

describe('the same WhatsApp chat exported from an Android phone and an iPhone', () => {
  it('counts each photo, call and deleted message once, however each app words it', async () => {
    const { t, events } = await timelineOf([FOLDER], (c) => ({
      ...c,
      timezone: 'Europe/London',
      subject: { name: undefined, identifiers: ['Sam Carter'] },
    }));
    const byName = Object.fromEntries(t.inputs.map((i) => [path.basename(i.path), i]));
    const android = byName['WhatsApp Chat with Sam Carter.txt']!;
    const iphone = byName['_chat.txt']!;
    // Android: the encryption notice is skipped; its six events are all in the iPhone's export.
    expect([android.records, android.events, android.kept, android.duplicates, android.skipped]).toEqual([
      7, 6, 0, 6, 1,
    ]);
    expect([iphone.records, iphone.events, iphone.kept, iphone.duplicates, iphone.skipped]).toEqual([
      9, 8, 8, 0, 1,
    ]);
    // Every event kept is the iPhone's, to the second, with the next morning's two photos still two.
    expect(events.map((e) => [e.kind, e.call?.status ?? '', e.locator])).toEqual([
      ['message', '', 2],
      ['media', '', 3],
      ['call', 'missed', 4],
      ['call', 'missed', 5],
      ['deleted', '', 6],
      ['message', '', 7],
      ['media', '', 8],
      ['media', '', 9],
    ]);
    expect(new Set(events.map((e) => e.precision))).toEqual(new Set(['s']));
    expect(events.filter((e) => e.incident)).toHaveLength(7);
  });
});

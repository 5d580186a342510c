/**
 * Messages deleted for everyone between two exports of one chat: fixtures/whatsapp-deleted-between-exports holds an
 * export of 15 April 2024 and one of 20 May. Sam deleted three messages after the first export: the second of two
 * "You can't ignore me forever" at 20:01 on 25 March, "I'll be outside your work at 8" at 23:40 on 28 March and a
 * photo at 10:00 on 15 April, which the second export writes "This message was deleted" (dedupe.ts
 * `pairPlaceholders`). Each placeholder is a copy of the message the first export holds, which is kept: 10
 * incidents, not 13. A message deleted before both exports (23:41 on 28 March) is in both as a placeholder and
 * counts once; one sent and deleted after the first export (10:05 on 15 April) counts, beside the "Answer me" of
 * that minute.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/whatsapp-deleted-between-exports';
const APRIL = `${DIR}/export-2024-04-15/WhatsApp Chat with Sam.txt`;
const MAY = `${DIR}/export-2024-05-20/WhatsApp Chat with Sam.txt`;

let report: Report;
beforeAll(async () => {
  report = await reportOf([DIR]);
});

describe('a message exported once and deleted before the next export', () => {
  it('counts once, as the text: 10 incidents, not 13', () => {
    expect(report.incidents.total).toBe(10);
    expect(report.incidents.byKind).toEqual({ message: 7, deleted: 2, media: 1 });
    expect(report.inputs.map((i) => [i.path, i.records, i.kept, i.duplicates, i.skipped])).toEqual([
      [APRIL, 9, 8, 0, 1],
      [MAY, 13, 4, 8, 1],
    ]);
    // The incidents (the victim's two messages are events, not incidents).
    expect(report.chronology!.map((e) => [e.local, e.kind, e.file, e.locator])).toEqual([
      ['2024-03-25 20:01', 'message', APRIL, 'line 2'],
      ['2024-03-25 20:01', 'message', APRIL, 'line 3'],
      ['2024-03-25 20:02', 'message', APRIL, 'line 4'],
      ['2024-03-28 23:40', 'message', APRIL, 'line 6'],
      ['2024-03-28 23:41', 'deleted', APRIL, 'line 7'],
      ['2024-04-14 22:15', 'message', APRIL, 'line 8'],
      ['2024-04-15 10:00', 'media', APRIL, 'line 9'],
      ['2024-04-15 10:05', 'message', MAY, 'line 10'],
      ['2024-04-15 10:05', 'deleted', MAY, 'line 11'],
      ['2024-04-20 23:59', 'message', MAY, 'line 12'],
    ]);
  });

  it('lists each placeholder as a duplicate of the message kept, with the reason', () => {
    const at = report.inputs.find((i) => i.path === MAY)!.duplicatesAt!;
    const entries = [...at.first, at.last].map((d) => [d.locator, d.kept.locator, d.reason ?? null]);
    expect(entries).toEqual([
      ['line 2', 'line 2', null],
      ['line 3', 'line 3', 'deleted-placeholder'],
      ['line 4', 'line 4', null],
      ['line 5', 'line 5', null],
      ['line 6', 'line 6', 'deleted-placeholder'],
      ['line 9', 'line 9', 'deleted-placeholder'],
    ]);
    expect(at.first.every((d) => d.kept.file === APRIL)).toBe(true);
    expect(renderAs('markdown', report)).toContain('line 3 → line 3 (deleted here)');
  });
});

/**
 * One chat exported twice, the contact renamed in between: fixtures/whatsapp-renamed-contact holds an export of
 * 15 April 2024, when the subject was saved as "Sam", and one of 20 May, after the victim renamed the contact "Sam
 * Carter"; the case lists both names as the subject's. The second export writes every message "Sam Carter", the
 * seven it shares with the first included. Both senders resolve to the subject, so those seven are copies
 * (dedupe.ts `senderCompared`): 11 incidents, as if both exports said "Sam", not 18. The same words sent twice in
 * one minute and again a minute later stay three messages, and the record at 01:30 on 31 March (a time the clocks
 * skipped) is warned about once, naming the other export.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { reportOf } from '../helpers/report.js';

const DIR = 'fixtures/whatsapp-renamed-contact';
const APRIL = `${DIR}/export-2024-04-15/WhatsApp Chat with Sam.txt`;
const MAY = `${DIR}/export-2024-05-20/WhatsApp Chat with Sam Carter.txt`;

let report: Report;
beforeAll(async () => {
  report = await reportOf([DIR]);
});

describe('a contact renamed between two exports of one chat, both names the subject’s', () => {
  it('counts the messages both exports hold once: 11 incidents, not 18', () => {
    expect(report.incidents.total).toBe(11);
    expect(report.incidents.byChannel).toEqual({ whatsapp: 11 });
    expect(report.inputs.map((i) => [i.path, i.records, i.kept, i.duplicates, i.skipped])).toEqual([
      [APRIL, 9, 8, 0, 1],
      [MAY, 14, 5, 8, 1],
    ]);
    // Each name is counted with the messages kept under it: the first export's seven, the second's four after it.
    expect(report.identifiers.map((x) => [x.identifier, x.incidents])).toEqual([
      ['Sam', 7],
      ['Sam Carter', 4],
    ]);
  });

  it('locates each duplicate at the message of the other name', () => {
    const at = report.inputs.find((i) => i.path === MAY)!.duplicatesAt!;
    expect(at.first.map((d) => [d.locator, d.kept.file, d.kept.locator])).toEqual(
      [2, 3, 4, 5, 6].map((n) => [`line ${n}`, APRIL, `line ${n}`]),
    );
    expect(at.last).toEqual({ locator: 'line 9', kept: { file: APRIL, locator: 'line 9' } });
  });

  it('keeps the same words sent twice in a minute and again a minute later as three messages', () => {
    const ignored = report.chronology!.filter((e) => e.text === "You can't ignore me forever");
    expect(ignored.map((e) => [e.local, e.file, e.locator])).toEqual([
      ['2024-03-25 20:01', APRIL, 'line 2'],
      ['2024-03-25 20:01', APRIL, 'line 3'],
      ['2024-03-25 20:02', APRIL, 'line 4'],
    ]);
  });

  it('warns once about the record at a time the clocks skipped, naming the other export', () => {
    const gaps = report.problems.filter((p) => p.code === 'TIMELINE_DST_GAP');
    expect(gaps.map((p) => [p.file, p.locator])).toEqual([[APRIL, 'line 6']]);
    expect(gaps[0]!.message).toContain(
      `The same record is also in ${MAY}, line 6 (an overlapping export): warned once.`,
    );
  });
});

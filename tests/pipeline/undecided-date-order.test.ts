/**
 * A file whose day/month order cannot be told (every WhatsApp message dated 12/9/20) is read to the end: its
 * messages are rejected with their lines, not lost with the file, so the books still balance (records = events +
 * skipped + rejected) and the file is listed as read in part, read to the end. The subject's only messages are in
 * it: the warning that no sender matched says that it compared only the events read, and which file was not.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accounting } from '../../src/analysis/accounting.js';
import { fileInput } from '../../src/cli/inputs.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { timelineOf } from '../helpers/timeline.js';

const tmp = mkdtempSync(join(tmpdir(), 'undecided-order-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const UNDECIDED = 'fixtures/whatsapp-txt/ambiguous-order-group.txt';
const DECIDED = 'fixtures/whatsapp-txt/android-12h-mdy-nnbsp.txt';

async function readBoth(subject: string) {
  const dir = mkdtempSync(join(tmp, 'case-'));
  copyFileSync(UNDECIDED, join(dir, 'flat-4.txt'));
  copyFileSync(DECIDED, join(dir, 'jordan.txt'));
  return timelineOf([dir], (c) => ({
    ...c,
    timezone: 'Europe/London',
    subject: { name: undefined, identifiers: [subject] },
  }));
}

describe('a chat whose day/month order cannot be told', () => {
  it('is accounted for record by record, and listed as read in part though read to the end', async () => {
    const { t } = await readBoth('Sam Carter');
    const [flat, jordan] = t.inputs;
    expect(flat).toMatchObject({
      records: 8,
      events: 0,
      kept: 0,
      skipped: 3,
      rejected: 5,
      skippedReasons: { 'system-notice': 3 },
      rejectedReasons: { WHATSAPP_DATE_ORDER_UNKNOWN: 5 },
      incomplete: true,
      readToEnd: true,
    });
    expect(jordan!.incomplete).toBe(false);
    expect(jordan).not.toHaveProperty('readToEnd');
    for (const i of t.inputs) {
      expect(i.records).toBe(i.events + i.skipped + i.rejected);
      expect(i.events).toBe(i.kept + i.duplicates);
    }
    const books = accounting(t.inputs, 0);
    expect(books.records).toBe(books.kept + books.duplicates + books.skipped + books.rejected);
    // Each rejected message is an error at its line; the file's error says why and who sent them.
    const rejects = t.problems.list.filter((p) => p.code === 'WHATSAPP_DATE_ORDER_UNKNOWN');
    expect(rejects.map((p) => [p.file, p.locator, p.severity])).toEqual(
      [4, 5, 7, 8, 9].map((l) => [flat!.path, `line ${l}`, 'error']),
    );
    const why = t.problems.list.filter((p) => p.code === 'WHATSAPP_DATE_ORDER_AMBIGUOUS');
    expect(why).toHaveLength(1);
    expect(why[0]!.message).toContain('Their senders: Sam Carter (4), You (1).');
    expect(why[0]!.hint).toBe(
      'Re-run with --date-order dmy (day/month/year) or --date-order mdy (month/day/year)',
    );
  });

  it('reads every message as an event once --date-order is given', async () => {
    const { case: c } = await readBoth('Sam Carter');
    const t = await readTimeline({
      inputs: [fileInput(resolve(UNDECIDED), statSync(UNDECIDED).size, 'flat-4.txt')],
      case: c,
      dateOrder: 'dmy',
    });
    expect(t.inputs[0]).toMatchObject({ records: 8, events: 5, skipped: 3, rejected: 0, incomplete: false });
  });

  it('does not claim that no sender matched the subject when the subject wrote only in that chat', async () => {
    const { t } = await readBoth('Sam Carter');
    const notFound = t.problems.list.filter((p) => p.code === 'CASE_SUBJECT_NOT_FOUND');
    expect(notFound).toHaveLength(1);
    expect(notFound[0]!.message).toBe(
      `No sender among the events read matched the subject's identifiers ("Sam Carter"), so no message or call from them is counted as an incident. ${t.inputs[0]!.path} (5 of 8 records rejected) was read in part: the senders of records not read as events were not compared; its errors say why.`,
    );
    expect(notFound[0]!.hint).toBe(
      'Senders of the events read, with their records: jordan lee (Jordan Lee): 5. Name the subject by one of these with --subject; chronolog inspect lists them all. If the subject wrote in a file read in part, do what its errors say first (such as giving --date-order).',
    );
  });
});

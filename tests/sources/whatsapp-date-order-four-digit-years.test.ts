/**
 * `--date-order` orders the day and the month; a year written with four digits keeps its own place
 * (fixtures/date-order-four-digit-years): a year-first chat reads as written under every option, and
 * `--date-order ymd` on a chat whose four-digit year comes last is not applied, with a warning naming the line.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import type { DateOrder } from '../../src/sources/index.js';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/date-order-four-digit-years';
const LOCAL = ['2024-03-02T21:05', '2024-03-02T21:06', '2024-03-11T07:40', '2024-03-14T23:10'];

const locals = (run: Awaited<ReturnType<typeof runSource>>) =>
  run.events.map((e) => (e.time.type === 'local' ? e.time.local : String(e.time.ms)));

describe('--date-order and a year written with four digits', () => {
  it.each(['dmy', 'mdy', 'ymd'] as DateOrder[])(
    'reads a year-first chat as written under --date-order %s',
    async (o) => {
      const run = await runSource(whatsappTxt, `${DIR}/WhatsApp-Chat-year-first.txt`, { dateOrder: o });
      expect(run.accounting).toEqual({ records: 4, events: 4, skipped: 0, rejected: 0 });
      expect(locals(run)).toEqual(LOCAL);
      expect(run.warnings).toEqual([]);
    },
  );

  it('does not apply --date-order ymd to a chat that writes its four-digit year last, and says so', async () => {
    const run = await runSource(whatsappTxt, `${DIR}/WhatsApp-Chat-day-first.txt`, { dateOrder: 'ymd' });
    expect(run.accounting).toEqual({ records: 4, events: 4, skipped: 0, rejected: 0 });
    expect(locals(run)).toEqual(LOCAL);
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['WHATSAPP_DATE_ORDER_YEAR_LAST', 1]]);
  });

  it('applies --date-order mdy to that chat, rejecting the header it leaves no date', async () => {
    const run = await runSource(whatsappTxt, `${DIR}/WhatsApp-Chat-day-first.txt`, { dateOrder: 'mdy' });
    // 02/03 and 11/03 read month-first are 3 February and 3 November; 14/03/2024 is no date so.
    expect(locals(run)).toEqual(['2024-02-03T21:05', '2024-02-03T21:06', '2024-11-03T07:40']);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['WHATSAPP_BAD_TIMESTAMP', 4]]);
  });

  it('does not apply --date-order ymd to a diary that writes its four-digit year last either', async () => {
    const run = await runSource(csvDiary, `${DIR}/diary-day-first.csv`, { dateOrder: 'ymd' });
    expect(run.accounting).toEqual({ records: 3, events: 3, skipped: 0, rejected: 0 });
    expect(locals(run)).toEqual(['2024-03-02T21:05', '2024-03-11T07:40', '2024-03-14T23:10']);
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['DIARY_DATE_ORDER_YEAR_LAST', 2]]);
  });
});

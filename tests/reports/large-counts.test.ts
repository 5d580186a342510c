/**
 * Counts of a thousand or more are grouped the same way everywhere ("1,254"): the escalation sections of the text
 * and Markdown reports printed them as bare numbers ("1254 in 30 d"), beside "1,254 contacts" on the same line and
 * the HTML's "1,254". A case of months of contact from one person reaches these sizes.
 *
 * The chat is made here: 40 messages a day from Sam for 60 days (2,400), from 1 March 2024, after Alex asked him on
 * the first evening to stop messaging; a harassment warning on 31 March splits it into 1,200 and 1,200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';
import { scratch } from '../helpers/robustness.js';

const box = scratch('chronolog-large-counts-');
let r: Report;
let out: Record<string, string>;

/** `DD/MM/YYYY, HH:MM` of day `d` (0 = 1 March 2024) and minute `m` after 08:00. */
function stamp(d: number, m: number): string {
  const date = new Date(Date.UTC(2024, 2, 1 + d));
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const h = String(8 + Math.floor(m / 60)).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}, ${h}:${String(m % 60).padStart(2, '0')}`;
}

beforeAll(async () => {
  const lines = [
    `${stamp(0, 0)} - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.`,
  ];
  for (let d = 0; d < 60; d++) {
    for (let k = 0; k < 40; k++) {
      lines.push(`${stamp(d, k * 15 + 1)} - Sam: Answer me. Message ${k + 1} today`);
      if (d === 0 && k === 0) lines.push(`${stamp(0, 5)} - Alex: Please stop messaging me.`);
    }
  }
  box.file('WhatsApp Chat with Sam.txt', `${lines.join('\n')}\n`);
  r = await reportOf([box.dir], {
    tz: 'Europe/London',
    subject: ['Sam'],
    victim: ['Alex'],
    milestone: ['2024-03-31=Harassment warning'],
  });
  out = renderAll(r);
});
afterAll(() => box.cleanup());

describe('counts over a thousand', () => {
  it('the case is what the chat holds', () => {
    expect(r.incidents.total).toBe(2400);
    const m = r.escalation!.milestones[0]!;
    expect([m.before.count, m.after.count, m.incidentsAfter.count]).toEqual([1200, 1200, 1200]);
    expect(r.escalation!.ceaseRequest.afterFirst!.count).toBe(2399);
  });

  it('the text report groups them in the escalation lines as in the rest', () => {
    const text = out['text']!;
    expect(text).toContain('Incidents   2,400; contact on 60 of the 60 days (100%)');
    expect(text).toContain('2024-03-31 Harassment warning: 40 → 40 a day (1,200 in 30 d, 1,200 in 30 d);');
    expect(text).toContain('; 1,200 contacts from then on');
    expect(text).toContain('2,399 contacts after the first');
    expect(text).not.toMatch(/\b\d{4,} (in|contacts|a day)\b|\(last \d{4,}|first \d{4,}\)/);
  });

  it('the Markdown escalation section groups them too', () => {
    const md = out['markdown']!;
    expect(md).toContain(
      '| 2024-03-31 | Harassment warning | 1,200 in 30 days (40/day) 2024-03-01 – 2024-03-30 |',
    );
    expect(md).toContain('After Harassment warning (from 2024-03-31): 1,200 contacts — whatsapp 1,200;');
    expect(md).toContain('After the first request: 2,399 contacts (whatsapp 2,399);');
    expect(md).toContain('| Whole window | 2024-03-01 – 2024-04-29 | 60 | 2,400 | 60 |');
    expect(md).toMatch(/\| Sam \| 2,400 \| whatsapp \|/);
    // Every figure column of every table: no bare number of four digits or more.
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && !l.includes('---'))) {
      for (const cell of row.split(' | ')) expect(cell, row).not.toMatch(/^\d{4,}$/);
    }
  });

  it('as the HTML gives them', () => {
    expect(out['html']).toContain('<td class="num">1,200</td>');
    // The annex numbers its rows (1 … 2,400 is an ordinal, not a count): the figures are before it.
    const figures = out['html']!.slice(0, out['html']!.indexOf('id="chronology"'));
    expect(figures.length).toBeGreaterThan(10_000);
    expect(figures).not.toMatch(/<td class="num">\d{4,}<\/td>/);
  });
});

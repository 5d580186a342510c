/**
 * The Milestones lines of the one-screen text report when not every export covers a milestone's days. In
 * fixtures/mixed-case nine channels' exports start, stop and pause at different dates, and the full list of them
 * took 14 lines of the screen for each milestone; the text report now names the exports by channel there and
 * points to the reports that give their dates, and keeps the full words when they are short (demo case with a
 * milestone in June, when the call and sms exports have ended). Also the count of two one-line figures, which
 * said "(25)" or "7 in all" without saying what was counted, and the identifiers list, which never ends "and 1 more".
 */
import { describe, expect, it } from 'vitest';
import { renderAs, reportOf } from '../helpers/report.js';

/** The lines from "Milestones" to the line before "Stop asked". */
function milestoneBlock(text: string): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('Milestones'));
  const to = lines.findIndex((l) => l.startsWith('Stop asked'));
  return lines.slice(from, to);
}

describe('text report: milestones whose days not every export covers', () => {
  it('names the exports that miss days by channel when the full list would fill the screen', async () => {
    // On a 100-column terminal (a file or pipe leaves each line whole).
    const block = milestoneBlock(renderAs('text', await reportOf(['fixtures/mixed-case']), 100));
    const joined = block.map((l) => l.trim()).join(' ');
    expect(joined).toBe(
      'Milestones  2024-02-01 Asked him in writing to stop: 20 contacts in 24 days before, 79 in 80 days after; counts only: the date is outside the days every export covers (exports that miss days before it: call, discord, email, instagram, messenger, signal, sms, telegram; after it: call, discord, email, instagram, messenger, signal, sms, telegram, whatsapp; dates in the Markdown or HTML report); 79 contacts from then on ' +
        '2024-04-08 Reported to police: 91 contacts in 91 days before, 8 in 13 days after; counts only: the date is outside the days every export covers (exports that miss days before it: call, discord, email, instagram, messenger, signal, sms, telegram, whatsapp; after it: call, discord, email, instagram, messenger, signal, sms, telegram, whatsapp; dates in the Markdown or HTML report); 8 contacts from then on',
    );
    expect(block.length).toBeLessThanOrEqual(10);
    for (const l of block) expect(l.length).toBeLessThanOrEqual(100);
    // The Markdown keeps every export's dates.
    expect(renderAs('markdown', await reportOf(['fixtures/mixed-case']))).toContain(
      'whatsapp exports have no records from 15 February 2024 to 5 April 2024 and end on 14 April 2024',
    );
  });

  it('keeps the exports and their dates when they fit in a couple of lines', async () => {
    const r = await reportOf(['fixtures/demo-case'], { milestone: ['2024-06-10=Order varied'] });
    const joined = milestoneBlock(renderAs('text', r))
      .map((l) => l.trim())
      .join(' ');
    expect(joined).toContain(
      '2024-06-10 Order varied: 656 contacts in 154 days before, 34 in 21 days after; counts only: the date is outside the days every export covers (before: call export ends on 31 May 2024, sms exports end on 1 June 2024; after: call export ends on 31 May 2024, sms exports end on 1 June 2024, whatsapp exports end on 29 June 2024); 34 contacts from then on',
    );
  });

  it('says what the count of cease requests counts', async () => {
    const text = renderAs('text', await reportOf(['fixtures/demo-case']));
    expect(text).toContain(
      'Stop asked  first 2024-01-10 23:19 (whatsapp, phrase “stop messaging me”); 7 requests in all; 682 contacts after the first',
    );
  });
});

describe('busiest day', () => {
  it('says what its count counts, in the text and Markdown reports', async () => {
    const r = await reportOf(['fixtures/demo-case']);
    expect(renderAs('text', r)).toContain('Busiest day 2024-04-22 (25 incidents)');
    expect(renderAs('markdown', r)).toContain('| Busiest day | 2024-04-22 (25 incidents) |');
    const one = await reportOf(['fixtures/single-incident']);
    expect(renderAs('text', one)).toMatch(/^Busiest day \d{4}-\d{2}-\d{2} \(1 incident\)$/m);
  });
});

describe('text report: a case of many channels', () => {
  it('fits the Channels list to the width, items whole, continued under the first', async () => {
    // mixed-case has 14 channels: on one line the list ran to ~170 columns.
    const r = await reportOf(['fixtures/mixed-case']);
    const lines = renderAs('text', r, 100).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Channels'));
    expect(lines.slice(at, at + 3)).toEqual([
      'Channels    whatsapp 21 · messenger 16 · sms 15 · discord 7 · call 6 · signal 6 · email 5',
      '            instagram 5 · telegram 5 · imessage 4 · in-person 3 · twitter 3 · post 2 · social 1',
      'Kinds       message 58 · media 16 · call 13 · deleted 7 · visit 3 · delivery 2',
    ]);
    // Every channel and its count is still there, as the JSON gives them.
    const listed = lines
      .slice(at, at + 2)
      .join(' · ')
      .replace(/^Channels\s+/, '')
      .split(/\s+·\s+/);
    expect(listed.length).toBe(Object.keys(r.incidents.byChannel).length);
  });
});

describe('text report: the identifiers list', () => {
  it('lists nine identifiers whole rather than eight and "and 1 more", and eight of eleven with "and 3 more"', async () => {
    const r = await reportOf(['fixtures/mixed-case']);
    expect(r.identifiers.length).toBe(11);
    const rows = (t: string) => t.split('\n').filter((l) => /^ {2}\S.* {2,}\d+ {2}\d{4}-/.test(l)).length;
    const nine = renderAs('text', { ...r, identifiers: r.identifiers.slice(0, 9) });
    expect(rows(nine)).toBe(9);
    expect(nine).not.toContain('… and 1 more');
    const all = renderAs('text', r);
    expect(rows(all)).toBe(8);
    expect(all).toContain('  … and 3 more');
  });
});

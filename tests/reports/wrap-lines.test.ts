/**
 * The line wrapper of the text report on a terminal and of chronolog's lines on stderr: breaks only at spaces,
 * goes on under the text (12 columns after a label), never cuts a word, measures without colours and by what
 * the reader sees, and never changes a word.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/reports/format.js';
import { wrapLine } from '../../src/reports/wrap-lines.js';

const words = (lines: readonly string[]) =>
  lines
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== '');

describe('wrapLine', () => {
  it('leaves a line that fits alone', () => {
    expect(wrapLine('Night       120 of 689 timed incidents', 80)).toEqual([
      'Night       120 of 689 timed incidents',
    ]);
  });

  it('goes on 12 columns in after a label, breaking at spaces only', () => {
    const line =
      'Period      2024-01-08 18:42 → 2024-06-29 21:15 (Europe/London): 174 days, first to last incident';
    const out = wrapLine(line, 60);
    expect(out).toEqual([
      'Period      2024-01-08 18:42 → 2024-06-29 21:15',
      '            (Europe/London): 174 days, first to last',
      '            incident',
    ]);
    expect(out.join(' ').replace(/ +/g, ' ')).toBe(line.replace(/ +/g, ' '));
  });

  it('goes on two columns past the indent of an unlabelled line', () => {
    expect(wrapLine('  ! a.txt:line 92: a block or unblock, kept out of the contact counts.', 40)).toEqual([
      '  ! a.txt:line 92: a block or unblock,',
      '    kept out of the contact counts.',
    ]);
  });

  it('keeps a word wider than the line whole, on a line of its own', () => {
    const path = `/home/${'a'.repeat(90)}/export.txt`;
    const out = wrapLine(`Window      read from ${path} today`, 80);
    expect(out).toEqual(['Window      read from', `            ${path}`, '            today']);
  });

  it('may break a path with spaces at its spaces, never inside a word', () => {
    const out = wrapLine(
      '  ! fixtures/demo-case/WhatsApp Chat with Sam.txt:line 92: "You blocked this contact."',
      50,
    );
    expect(out[0]).toBe('  ! fixtures/demo-case/WhatsApp Chat with');
    expect(words(out)).toEqual(
      words(['  ! fixtures/demo-case/WhatsApp Chat with Sam.txt:line 92: "You blocked this contact."']),
    );
  });

  it('keeps a date range, a sign and its figures, and a number of days with its unit together', () => {
    const out = wrapLine(
      'Milestones  2024-04-02 Police warning (PIN) issued: 4.9 → 8.4 a day (118 in 24 d, 401 in 48 d); RR 1.7 (95% CI 1.4–2.1, p < 0.001)',
      44,
    );
    const text = out.join('\n');
    expect(text).toContain('4.9 → 8.4');
    expect(text).toContain('24 d,');
    expect(text).toContain('p < 0.001');
    for (const l of out) expect(l.length).toBeLessThanOrEqual(44);
    expect(wrapLine('Window      fully covered 2024-01-08 → 2024-05-31', 40)).toEqual([
      'Window      fully covered',
      '            2024-01-08 → 2024-05-31',
    ]);
  });

  it('breaks a " · " list between its items, and its lead-in sentence at any space', () => {
    const out = wrapLine(
      'Withheld    50 incoming calls with no number shown, not counted as incidents: missed 26 · rejected 20 · answered 4',
      80,
    );
    expect(out).toEqual([
      'Withheld    50 incoming calls with no number shown, not counted as incidents:',
      '            missed 26 · rejected 20 · answered 4',
    ]);
    expect(
      wrapLine('Calls       13: missed 7 · answered 1 · outcome not recorded 2  (6 by phone, 7 in apps)', 56),
    ).toEqual([
      'Calls       13: missed 7 · answered 1',
      '            outcome not recorded 2',
      '            (6 by phone, 7 in apps)',
    ]);
  });

  it('keeps a figure with its abbreviation and an option with its value', () => {
    expect(wrapLine('First/last  1.4 → 6.7 a day: RR 4.7 (95% CI 3.3–6.8, p < 0.001)', 35)).toEqual([
      'First/last  1.4 → 6.7 a day: RR 4.7',
      '            (95% CI 3.3–6.8,',
      '            p < 0.001)',
    ]);
    const long = `Findings    examples: chronolog report ${'x'.repeat(50)} --format markdown --out report.md`;
    expect(wrapLine(long, 80)).toEqual([
      'Findings    examples: chronolog report',
      `            ${'x'.repeat(50)} --format markdown`,
      '            --out report.md',
    ]);
  });

  it('keeps a command line whole on a line of its own when it fits one', () => {
    expect(
      wrapLine(
        'For the full report to share: chronolog report fixtures/demo-case --format html --out report.html',
        80,
      ),
    ).toEqual([
      'For the full report to share:',
      '  chronolog report fixtures/demo-case --format html --out report.html',
    ]);
  });

  it("breaks a table's row only inside its last cell, under that cell, or leaves it whole", () => {
    const row = '  (subject, as recorded)      25  2024-01-13 → 2024-06-29  in-person, other, post';
    expect(wrapLine(row, 80)).toEqual([
      '  (subject, as recorded)      25  2024-01-13 → 2024-06-29  in-person, other,',
      `${' '.repeat(59)}post`,
    ]);
    // A number for last cell cannot be broken: the row stays one line, its columns true.
    const accounting =
      '  a-very-long-file-name-indeed.xml  sms-backup-xml      752    514        238        0         0';
    expect(wrapLine(accounting, 80)).toEqual([accounting]);
  });

  it('measures without colours and keeps them', () => {
    const c = new Chalk({ level: 1 });
    const line = `${c.bold('Gap')}         longest run without contact on days every export covers: 2 days`;
    const out = wrapLine(line, 70);
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('\u001b[1mGap\u001b[22m');
    const plain = out.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(plain).toEqual([
      'Gap         longest run without contact on days every export covers: 2',
      '            days',
    ]);
    for (const l of plain) expect(l.length).toBeLessThanOrEqual(70);
  });

  it('counts an emoji or a Chinese character as two columns and never cuts one', () => {
    const line = `Stop asked  first 2024-01-10 23:19 (whatsapp, phrase “別再傳訊息給我 😡😡 停止”); 7 requests in all`;
    const out = wrapLine(line, 50);
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(50);
    expect(out.join('\n')).toContain('😡😡');
    expect(out.join('\n')).toContain('別再傳訊息給我');
    expect(out.join('\n')).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(words(out)).toEqual(words([line]));
  });

  it("goes on at a given indent, as chronolog's lines on stderr do", () => {
    expect(
      wrapLine(
        'chronolog: 1,978 records from 6 files: 1,975 events (1,737 kept, 238 duplicates), 3 skipped',
        60,
        11,
      ),
    ).toEqual([
      'chronolog: 1,978 records from 6 files: 1,975 events (1,737',
      '           kept, 238 duplicates), 3 skipped',
    ]);
  });
});

/**
 * The text report on a terminal: each line wider than the terminal goes on under its text, at 12 columns after a
 * label, broken between the items of a " · " list ("outcome not recorded 1" stays whole) and elsewhere at spaces,
 * never inside a word, and with nothing lost or changed. Written to a file or pipe, every line stays whole so
 * that grep finds a sentence. fixtures/mixed-case gives the widest lines (13 call outcomes and places, a
 * counts-only reason of 200 columns, problem lines naming long paths); fixtures/hostile-text gives words wider
 * than any terminal.
 */

import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/reports/format.js';
import { reportFormats } from '../../src/reports/index.js';
import { plainChalk } from '../helpers/environment.js';
import { renderAs, reportOf } from '../helpers/report.js';

/** The text report as an 80-column terminal shows it: its tables sized to 80 columns, its lines wrapped at 80. */
async function at80(path: string): Promise<{ whole: string; lines: string[] }> {
  const r = await reportOf([path]);
  const text = reportFormats.find((f) => f.id === 'text')!;
  const lines = text.render(r, { chalk: plainChalk, width: 80, wrapAt: 80 }).split('\n');
  return { whole: text.render(r, { chalk: plainChalk, width: 80 }), lines };
}

describe('text report wrapped to a terminal', () => {
  it('fits every line of mixed-case in 100 columns, breaking between list items, at 12 columns after a label', async () => {
    const r = await reportOf(['fixtures/mixed-case']);
    const whole = renderAs('text', r);
    const wrapped = renderAs('text', r, 100);
    const lines = wrapped.split('\n');
    // A line is wider only when it is one word that cannot be broken (a path).
    for (const l of lines)
      if (displayWidth(l) > 100) expect(l.trim().split(' ').length, l).toBeLessThanOrEqual(3);
    const calls = lines.findIndex((l) => l.startsWith('Calls'));
    expect(lines.slice(calls, calls + 2)).toEqual([
      'Calls       13: missed 7 · answered 1 · blocked 1 · rejected 1 · voicemail 1',
      '            outcome not recorded 2  (6 by phone, 7 in apps)',
    ]);
    const last = lines.findIndex((l) => l.startsWith('First/last'));
    expect(lines[last]!.length).toBeLessThanOrEqual(100);
    expect(lines[last + 1]).toMatch(/^ {12}\S/);
    // Nothing lost or changed: the words, in order, are those of the unwrapped report.
    const words = (t: string) => t.split(/\s+/).filter((w) => w !== '' && w !== '·');
    expect(words(wrapped)).toEqual(words(whole));
    expect(wrapped.split('\n').length).toBeGreaterThan(whole.split('\n').length);
  });

  it("goes on at two columns past a problem line's own indent", async () => {
    const lines = renderAs('text', await reportOf(['fixtures/mixed-case']), 100).split('\n');
    const at = lines.findIndex((l) => l.startsWith('  ✖ fixtures/mixed-case/incident-diary.csv:line 5'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {4}\S/);
  });

  it('leaves a table row whole, and reads a sentence as no label (60 columns)', async () => {
    const r = await reportOf(['fixtures/demo-case']);
    const whole = renderAs('text', r).split('\n');
    const narrow = renderAs('text', r, 60).split('\n');
    // The accounting and identifier tables' rows, each still one line.
    for (const row of whole.filter((l) => /^ {2}\S.* {2,}\d/.test(l))) expect(narrow).toContain(row);
    expect(narrow).toContain(
      '  sms-20240601090000.xml      sms-backup-xml      752    514        238        0         0',
    );
    // The closing sentence goes on 2 columns in, not under a 12-column "label".
    const at = narrow.findIndex((l) => l.startsWith('For the full report to share:'));
    expect(narrow[at + 1]).toMatch(/^ {2}\S/);
  });

  it('never splits a word wider than the terminal', async () => {
    const r = await reportOf(['fixtures/hostile-text']);
    const whole = renderAs('text', r);
    const wrapped = renderAs('text', r, 60);
    const long = whole.split(/\s+/).filter((w) => w.length > 60);
    expect(long.length).toBeGreaterThan(0);
    for (const w of long) expect(wrapped).toContain(w);
  });

  it('measures lines without their colours, and keeps the colours', async () => {
    const r = await reportOf(['fixtures/mixed-case']);
    const text = reportFormats.find((f) => f.id === 'text')!;
    const coloured = text.render(r, { chalk: new Chalk({ level: 1 }), width: 100, wrapAt: 100 });
    expect(coloured).toContain('\u001b[1mCalls\u001b[22m');
    const plain = coloured.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toBe(renderAs('text', r, 100));
  });

  it('fits every line of the demo case in an 80-column terminal, with nothing lost or changed', async () => {
    const { whole, lines } = await at80('fixtures/demo-case');
    expect(whole.split('\n').filter((l) => displayWidth(l) > 80).length).toBeGreaterThan(10);
    expect(lines.filter((l) => displayWidth(l) > 80)).toEqual([]);
    const words = (t: string) => t.split(/\s+/).filter((w) => w !== '' && w !== '·');
    expect(words(lines.join('\n'))).toEqual(words(whole));
    // The identifiers table's last cell goes on under itself; a date range and a command line stay whole.
    const row = lines.findIndex((l) => l.startsWith('  (subject, as recorded)'));
    expect(lines.slice(row, row + 2)).toEqual([
      '  (subject, as recorded)      25  2024-01-13 → 2024-06-29  in-person, other,',
      `${' '.repeat(59)}post`,
    ]);
    expect(lines).toContain('            2024-01-08 → 2024-05-31');
    expect(lines.at(-2)).toBe('  chronolog report fixtures/demo-case --format html --out report.html');
    const withheld = lines.findIndex((l) => l.startsWith('Withheld'));
    expect(lines[withheld + 1]).toBe('            missed 26 · rejected 20 · answered 4');
  });

  it('is wider than 80 columns only where one word is (mixed-case, hostile-text)', async () => {
    for (const path of ['fixtures/mixed-case', 'fixtures/hostile-text']) {
      const wide = (await at80(path)).lines.filter((l) => displayWidth(l) > 80);
      // Long paths (mixed-case's Facebook and Instagram files) and hostile-text's 150-letter words.
      expect(wide.length, path).toBeGreaterThan(0);
      for (const l of wide) expect(l.trim().split(' ').length, l).toBeLessThanOrEqual(2);
    }
  });

  it('leaves every line whole for a file or pipe', async () => {
    const text = renderAs('text', await reportOf(['fixtures/mixed-case']));
    expect(text).toMatch(/^Calls {7}13: missed 7 · .* outcome not recorded 2 {2}\(6 by phone, 7 in apps\)$/m);
    const last = text.split('\n').find((l) => l.startsWith('First/last'))!;
    expect(last).toMatch(/not what happened$/);
    expect(last.length).toBeGreaterThan(200);
  });
});

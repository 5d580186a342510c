/**
 * The terminal report pads its tables by the columns a terminal draws (src/reports/format.ts `displayWidth`), not
 * by UTF-16 code units: a contact saved as "Mum 👨‍👩‍👧" (eight code units, one emoji two columns wide) or a name in
 * Chinese characters (two columns each) otherwise pushed the figures after it out of line
 * (fixtures/wide-names: a chat with three such senders, all named as the subject).
 */
import { describe, expect, it } from 'vitest';
import { displayWidth, pad } from '../../src/reports/format.js';
import { renderAs, reportOf } from '../helpers/report.js';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';

describe('display width', () => {
  it('counts what a terminal draws: emoji and wide East Asian characters two columns, marks none', () => {
    expect(displayWidth('Sam')).toBe(3);
    expect(displayWidth(`Mum ${FAMILY}`)).toBe(6);
    expect(displayWidth('山田太郎')).toBe(8);
    expect(displayWidth('김민준')).toBe(6);
    expect(displayWidth('ＳＡＭ')).toBe(6);
    expect(displayWidth('\u2764\uFE0F')).toBe(2);
    expect(displayWidth('\u2764')).toBe(1);
    expect(displayWidth('Zoe\u0308')).toBe(3);
    expect(displayWidth('سارا')).toBe(4);
    expect(displayWidth('<U+200B>')).toBe(8);
  });

  it('pads to it, left or right', () => {
    expect(pad('山田', 6)).toBe('山田  ');
    expect(pad(`Mum ${FAMILY}`, 8, true)).toBe(`  Mum ${FAMILY}`);
    expect(pad('longer than', 4)).toBe('longer than');
  });
});

describe('the terminal report', () => {
  it('lines up the identifier table whatever the names are written in', async () => {
    const text = renderAs('text', await reportOf(['fixtures/wide-names']));
    const rows = text.split('\n').filter((l) => /^ {2}\S.* {2,}\d+ {2}2024-03-0\d → /.test(l));
    expect(rows.map((l) => l.trim().split(/ {2,}/)[0])).toEqual([`Mum ${FAMILY}`, '山田太郎', 'Sam']);
    // The count column ends at the same terminal column on every row.
    const ends = rows.map((l) => displayWidth(l.slice(0, l.indexOf('  2024-'))));
    expect(new Set(ends).size).toBe(1);
  });
});

/**
 * The Markdown and HTML reports' table of the files read names each file as the text report's accounting table
 * does (reports/file-names.ts): two files whose names differ only by a direction mark (U+200F) show it
 * as a <U+200F> marker, so that two rows do not give two files one name; a right-to-left override (U+202E) is a
 * marker wherever it is, so that it neither reorders the row nor vanishes; any other name loses its plain marks,
 * as all text does.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAs, reportOf } from '../helpers/report.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-accounting-marks-');
afterAll(() => s.cleanup());

const chat = (lines: number, who = 'Sam') =>
  Array.from({ length: lines }, (_, k) => `14/05/2024, 2${k}:00 - ${who}: are you there (${k + 1})`).join(
    '\n',
  );
s.file('exports/WhatsApp Chat with Sam.txt', `${chat(2)}\n`);
s.file('exports/WhatsApp Chat with Sam\u200f.txt', `${chat(3)}\n`);
s.file('exports/chat\u202etxt.exe', `${chat(4, 'Jo')}\n`);
s.file('other/WhatsApp Chat with \u200fKarim.txt', '15/05/2024, 10:00 - Karim: hello\n');

/** A shown path from its folder down: `exports/…`, `other/…` (the scratch folder above them varies). */
const inFolder = (n: string) => n.replace(/^.*?\/(?=(?:exports|other)\/)/, '');

/** Characters that reorder text or hide a difference when written raw. */
const RAW_BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The file names of the Markdown table of files read, in its rows' order. */
function markdownNames(md: string): string[] {
  const from = md.indexOf('| File | SHA-256 |');
  const rows = md.slice(from).split('\n').slice(2);
  return rows
    .slice(0, rows.indexOf(''))
    .filter((l) => !l.startsWith('| **Total**'))
    .map((l) => l.split(' | ')[0]!.slice(2));
}

/** The file names of the HTML table of files read (the path of each row's file cell), in its rows' order. */
function htmlNames(html: string): string[] {
  const from = html.indexOf('<table class="data inputs"');
  const table = html.slice(from, html.indexOf('</table>', from));
  return [...table.matchAll(/<td class="file"><bdi class="path">(.*?)<\/bdi>/g)].map((m) => m[1]!);
}

describe('file names differing by a direction mark, and one holding a right-to-left override', () => {
  it('are named apart, each row its own file, in the Markdown report', async () => {
    const r = await reportOf([path.join(s.dir, 'exports'), path.join(s.dir, 'other')]);
    expect(r.inputs.map((i) => i.records)).toEqual([2, 3, 4, 1]);
    const md = renderAs('markdown', r);
    expect(md).not.toMatch(RAW_BIDI);
    const names = markdownNames(md);
    expect(names.map((n) => inFolder(n))).toEqual([
      'exports/WhatsApp Chat with Sam.txt',
      'exports/WhatsApp Chat with Sam\\<U\\+200F\\>.txt',
      'exports/chat\\<U\\+202E\\>txt.exe',
      // No other name is shown so: the mark is dropped, as in all text.
      'other/WhatsApp Chat with Karim.txt',
    ]);
    expect(new Set(names).size).toBe(4);
  });

  it('are named apart, each row its own file, in the HTML report', async () => {
    const r = await reportOf([path.join(s.dir, 'exports'), path.join(s.dir, 'other')]);
    const html = renderAs('html', r);
    expect(html).not.toMatch(RAW_BIDI);
    const names = htmlNames(html);
    const marker = (code: string) => `<span class="cc">&#60;${code}&#62;</span>`;
    // Long runs without a space (the scratch folder's path) are wrapped in a span that lets them break.
    const shown = names.map((n) => n.replace(/<span class="brk">|(?<!&#62;)<\/span>/g, ''));
    expect(shown.map((n) => inFolder(n))).toEqual([
      'exports/WhatsApp Chat with Sam.txt',
      `exports/WhatsApp Chat with Sam${marker('U+200F')}.txt`,
      `exports/chat${marker('U+202E')}txt.exe`,
      'other/WhatsApp Chat with Karim.txt',
    ]);
    expect(new Set(names).size).toBe(4);
  });

  it('are named alike in the text, Markdown and HTML reports', async () => {
    const r = await reportOf([path.join(s.dir, 'exports'), path.join(s.dir, 'other')]);
    const unescaped = {
      markdown: markdownNames(renderAs('markdown', r)).map((n) => n.replace(/\\(.)/g, '$1')),
      html: htmlNames(renderAs('html', r)).map((n) =>
        n.replace(/<[^>]*>/g, '').replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
      ),
    };
    const text = renderAs('text', r);
    for (const names of Object.values(unescaped)) {
      expect(names).toHaveLength(4);
      // The text report names them below their common folder, the long ones shortened at the start.
      const files = names.map((n) => n.slice(n.lastIndexOf('/') + 1));
      expect(new Set(files).size).toBe(4);
      for (const f of files) expect(text).toContain(f);
    }
    expect(unescaped.markdown).toEqual(unescaped.html);
  });
});

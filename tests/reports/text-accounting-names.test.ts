/**
 * The terminal report's accounting table names each file in the width left by its counts (100 columns when not
 * on a terminal). A name too long for it is shortened in the middle, keeping the start of the path and the end of
 * the file name, and no two files may read alike: a reader would take one file's counts for the other's. The mark
 * of a file not read whole goes on a line of its own below the file's row when it does not fit beside the name,
 * instead of taking the place of the name.
 */
import { describe, expect, it } from 'vitest';
import { reportFormats } from '../../src/reports/index.js';
import { shortPaths } from '../../src/reports/short-paths.js';
import { plainChalk } from '../helpers/environment.js';
import { renderAs, reportOf } from '../helpers/report.js';

/** The accounting table's lines, from its heading to its total. */
function table(text: string): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('Accounting'));
  const to = lines.findIndex((l, i) => i > from && l.startsWith('  total'));
  return lines.slice(from + 1, to + 1);
}

/** The file cell of each row (the text before the format column's run of two spaces). */
const fileCells = (rows: readonly string[]) =>
  rows.filter((l) => /^ {2}\S/.test(l)).map((l) => l.slice(2).split(/ {2,}/)[0]!);

describe('a call log and an SMS backup cut short, from the same minute', () => {
  it('are named in full, each with its mark on the line below', async () => {
    // calls-20240320071500.xml and sms-20240320071500.xml: the mark took 22 of the 37 columns the names had,
    // and both rows read "…0320071500.xml (not read to the end)".
    const r = await reportOf(['fixtures/sms-backup-xml-cut-in-attachment']);
    const rows = table(renderAs('text', r));
    expect(rows).toEqual([
      '  file                      format          records  kept  duplicate  skipped  rejected',
      '  calls-20240320071500.xml  sms-backup-xml        3     2          0        0         1',
      '    (not read to the end)',
      '  sms-20240320071500.xml    sms-backup-xml        4     2          0        1         1',
      '    (not read to the end)',
      '  total                                           7     4          0        1         2',
    ]);
    for (const l of rows) expect(l.length).toBeLessThanOrEqual(100);
  });
});

describe('the mixed case, whose exports repeat file names', () => {
  it('names every file differently at any width, keeping the export folder and the file name', async () => {
    const r = await reportOf(['fixtures/mixed-case']);
    for (const width of [60, 80, 100, 140]) {
      const text = reportFormats.find((f) => f.id === 'text')!.render(r, { chalk: plainChalk, width });
      const rows = table(text);
      // Below 80 columns the counts alone leave the names their least, 12 columns, and the rows run over.
      if (width >= 80) for (const l of rows) expect(l.length, l).toBeLessThanOrEqual(width);
      const cells = fileCells(rows).slice(1, -1);
      expect(cells, `${width}`).toHaveLength(r.inputs.length);
      expect(new Set(cells).size, `${width}`).toBe(cells.length);
    }
    const cells = fileCells(table(renderAs('text', r)));
    // The Facebook and the Instagram thread, both message_1.json, by the export each comes from.
    expect(cells).toContain('facebook-priyash…/message_1.json');
    expect(cells).toContain('instagram-priyas…/message_1.json');
    // The same WhatsApp chat zipped and unpacked.
    expect(cells).toContain('whatsapp/… 900462.zip!/_chat.txt');
    expect(cells).toContain('whatsapp/… 7700 900462/_chat.txt');
    // A file name longer than the column keeps its start and its end.
    expect(cells).toContain('…/Direct Messages…00000001].json');
  });
});

describe('shortened paths', () => {
  const paths = [
    'facebook-priyashah-20240406/your_facebook_activity/messages/inbox/jordanreeve_10158000000000001/message_1.json',
    'facebook-priyashah-20240406/your_facebook_activity/messages/inbox/jreeve_10158000000000009/message_1.json',
    'facebook-priyashah-20240406/your_facebook_activity/messages/inbox/jordanreeve_10158000000000002/message_1.json',
    'instagram-priyashah-20240406/your_instagram_activity/messages/inbox/jordanreeve77_17841400000000001/message_1.json',
    'calls-20240320071500.xml',
    'sms-20240320071500.xml',
    'whatsapp/WhatsApp Chat - +44 7700 900462.zip!/_chat.txt',
    'whatsapp/WhatsApp Chat - +44 7700 900462/_chat.txt',
  ];

  it('fit the width and read differently, whatever the width', () => {
    for (let width = 12; width <= 120; width++) {
      const shown = shortPaths(paths, width);
      expect(new Set(shown).size, `${width}: ${shown.join(' | ')}`).toBe(paths.length);
      shown.forEach((s, i) => {
        if (paths[i]!.length <= width) expect(s).toBe(paths[i]);
        else if (s !== paths[i]) expect(s.length, s).toBeLessThanOrEqual(width);
      });
    }
  });

  it('tell apart threads of one export that differ only deep inside the path', () => {
    const shown = shortPaths(paths.slice(0, 3), 32);
    expect(new Set(shown).size).toBe(3);
    for (const s of shown) expect(s).toMatch(/^facebook-priyas.*….*\/message_1\.json$/);
  });

  it('never cut a marker that stands for a control character', () => {
    const p = `folder/${'x'.repeat(20)}<U+001B>${'y'.repeat(20)}.txt`;
    for (let width = 12; width < p.length; width++) {
      const [s] = shortPaths([p], width);
      expect(s!.replace(/<U\+001B>/g, '')).not.toMatch(/<U|U\+|001B>/);
    }
  });
});

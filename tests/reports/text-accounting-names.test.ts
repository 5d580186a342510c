/**
 * The terminal report's accounting table names each file in the width left by its counts (100 columns when not
 * on a terminal). A name too long for it is shortened in the middle, keeping the end of the file name and the
 * folders that tell it apart, and read as "start…end" it fits that file alone: a reader would otherwise take one
 * file's counts for another's. The mark of a file not read whole goes on a line of its own below the file's row
 * when it does not fit beside the name, instead of taking the place of the name. Files of two downloads that hold
 * the same paths (told apart only by the download's name and the thread's together, more than the column holds)
 * are named under a line of their own naming their download.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileColumn, INDENT } from '../../src/reports/file-column.js';
import { reportFormats } from '../../src/reports/index.js';
import { shortPaths } from '../../src/reports/short-paths.js';
import { plainChalk } from '../helpers/environment.js';
import { renderAs, reportOf } from '../helpers/report.js';
import { scratch } from '../helpers/robustness.js';

/**
 * Whether `shown` can be read as `path`: the same name, or, read with each "…" standing for anything, the path
 * starts with what is before the first "…", ends with what is after the last and holds what is between (read
 * loosely, pieces may overlap, so that no reading of a name is missed).
 */
function fits(shown: string, path: string): boolean {
  const pieces = shown.split('…');
  if (pieces.length === 1) return shown === path;
  return (
    path.startsWith(pieces[0]!) &&
    path.endsWith(pieces.at(-1)!) &&
    pieces.slice(1, -1).every((x) => path.includes(x))
  );
}

/** Each shown name fits its own path and no other, in `width` characters unless given whole. */
function expectTellingApart(paths: readonly string[], shown: readonly string[], width: number): void {
  expect(shown).toHaveLength(paths.length);
  shown.forEach((s, i) => {
    const fitting = paths.filter((p) => fits(s, p));
    expect(fitting, `${width}: ${s}`).toEqual([paths[i]]);
    if (s !== paths[i]) expect(s.length, s).toBeLessThanOrEqual(width);
  });
}

/** The paths below the folder the accounting heading names (the longest folder every path is in). */
function belowCommonFolder(paths: readonly string[]): string[] {
  let prefix = paths[0]!.slice(0, paths[0]!.lastIndexOf('/') + 1);
  for (const p of paths)
    while (prefix && !p.startsWith(prefix))
      prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return paths.map((p) => p.slice(prefix.length));
}

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
  it('names every file so that it reads as that file alone, at any width', async () => {
    const r = await reportOf(['fixtures/mixed-case']);
    const names = belowCommonFolder(r.inputs.map((inp) => inp.path));
    for (const width of [60, 80, 100, 140]) {
      const text = reportFormats.find((f) => f.id === 'text')!.render(r, { chalk: plainChalk, width });
      const cells = fileCells(table(text)).slice(1, -1);
      // Below 100 columns the counts leave the names their least, 12 columns: too few to tell the SMS backups
      // phone/sms-20240310120000.xml and phone/sms-20240405090000.xml apart, so one is given whole (before, they
      // read "phone/…0.xml" and "phone…00.xml", each of which fits all three files in phone/).
      expectTellingApart(names, cells, width === 100 ? 32 : width === 140 ? 72 : 12);
      if (width >= 100) for (const l of table(text)) expect(l.length, l).toBeLessThanOrEqual(width);
    }
    const cells = fileCells(table(renderAs('text', r)));
    // The Facebook and the Instagram thread, both message_1.json, by the export each comes from.
    expect(cells).toContain('facebook-priyash…/message_1.json');
    expect(cells).toContain('instagram-priyas…/message_1.json');
    // The same WhatsApp chat zipped and unpacked: the end of the path tells them apart.
    expect(cells).toContain('… +44 7700 900462.zip!/_chat.txt');
    expect(cells).toContain('…hat - +44 7700 900462/_chat.txt');
    // A folder's start cut to a piece of a word ("em…") is left out instead.
    expect(cells).toContain('…/saved/You cant ignore me.eml');
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

  it('fit the width and each fit its own path alone, whatever the width', () => {
    for (let width = 12; width <= 120; width++) {
      const shown = shortPaths(paths, width);
      expectTellingApart(paths, shown, width);
      shown.forEach((s, i) => {
        if (paths[i]!.length <= width) expect(s).toBe(paths[i]);
      });
    }
  });

  it('tell apart threads of one export by the end of their folder, not by the export they share', () => {
    expect(shortPaths(paths.slice(0, 3), 32)).toEqual([
      '…0158000000000001/message_1.json',
      '…0158000000000009/message_1.json',
      '…0158000000000002/message_1.json',
    ]);
  });

  it('never cut a marker that stands for a control character', () => {
    const p = `folder/${'x'.repeat(20)}<U+001B>${'y'.repeat(20)}.txt`;
    for (let width = 12; width < p.length; width++) {
      const [s] = shortPaths([p], width);
      expect(s!.replace(/<U\+001B>/g, '')).not.toMatch(/<U|U\+|001B>/);
    }
  });
});

/** A Messenger thread as Meta's "Download your information" writes it (JSON, text as Latin-1 read UTF-8). */
function thread(person: string, folder: string, at: number, text: string): string {
  return JSON.stringify(
    {
      participants: [{ name: person }, { name: 'Zoe Example' }],
      messages: [
        { sender_name: person, timestamp_ms: at, content: text, is_geoblocked_for_viewer: false },
        {
          sender_name: person,
          timestamp_ms: at - 60_000,
          content: 'Answer me',
          is_geoblocked_for_viewer: false,
        },
      ],
      title: person,
      is_still_participant: true,
      thread_path: `inbox/${folder}`,
      magic_words: [],
      joinable_mode: { mode: 1, link: '' },
    },
    null,
    2,
  );
}

describe('two Facebook downloads, each with the same two threads', () => {
  // The reviewer's layout: Zoe downloaded her Facebook data in April and again in June; both downloads hold the
  // threads with Jordan Reeve and with Sam Sample. Before, the table read facebook-zoeexample-…0/message_1.json and
  // facebook-zoeexample-20…message_1.json (each fitting all four files) and …10/message_1.json, …90/message_1.json
  // (each fitting two): the person and the download were both lost.
  const downloads = ['facebook-zoeexample-2024-04-01-AbCdEfGh', 'facebook-zoeexample-2024-06-01-XyZwVuTs'];
  const threads = [
    ['Jordan Reeve', 'jordanreeve_9876543210'],
    ['Sam Sample', 'samsample_1234567890'],
  ] as const;
  const paths = downloads.flatMap((d) =>
    threads.map(([, t]) => `${d}/your_facebook_activity/messages/inbox/${t}/message_1.json`),
  );
  const s = scratch('chronolog-two-downloads-');
  afterAll(() => s.cleanup());
  for (const [k, d] of downloads.entries())
    for (const [j, [person, t]] of threads.entries())
      s.file(
        `${d}/your_facebook_activity/messages/inbox/${t}/message_1.json`,
        thread(person, t, Date.UTC(2024, 2 + k, 14 + j, 21, 30), `Pick up the phone (${k + 1}.${j + 1})`),
      );

  it('names each file by its download and its thread where the width holds both, else under a line naming its download', async () => {
    const r = await reportOf([s.dir]);
    expect(belowCommonFolder(r.inputs.map((inp) => inp.path))).toEqual(paths);
    const at = (width: number) =>
      fileCells(
        table(reportFormats.find((f) => f.id === 'text')!.render(r, { chalk: plainChalk, width })),
      ).slice(1, -1);
    // 100 columns leave 37 for the name: telling the download apart takes 27 ("facebook-zoeexample-2024-04") and
    // the thread 17 more ("…10/message_1.json"). Before, no shortening fitted one file alone and each was given
    // whole, 115 characters on a line of 100. Now each download has a line of its own, and its files are named
    // below it by the rest of their paths, told apart from the other files of that download.
    const text = reportFormats.find((f) => f.id === 'text')!.render(r, { chalk: plainChalk, width: 100 });
    expect(table(text)).toEqual([
      '  file                                   format          records  kept  duplicate  skipped  rejected',
      '  facebook-zoeexample-2024-04-01-AbCdEfGh/your_facebook_activity/messages/inbox/',
      '    jordanreeve_9876543…/message_1.json  messenger-json        2     2          0        0         0',
      '    samsample_1234567890/message_1.json  messenger-json        2     2          0        0         0',
      '  facebook-zoeexample-2024-06-01-XyZwVuTs/your_facebook_activity/messages/inbox/',
      '    jordanreeve_9876543…/message_1.json  messenger-json        2     2          0        0         0',
      '    samsample_1234567890/message_1.json  messenger-json        2     2          0        0         0',
      '  total                                                        8     8          0        0         0',
    ]);
    // 120 columns: the download's date and the end of the thread's folder.
    expect(at(120)).toEqual([
      'facebook-zoeexample-2024-04…eve_9876543210/message_1.json',
      'facebook-zoeexample-2024-04…ple_1234567890/message_1.json',
      'facebook-zoeexample-2024-06…eve_9876543210/message_1.json',
      'facebook-zoeexample-2024-06…ple_1234567890/message_1.json',
    ]);
    // 143 columns: the download's folder whole and the thread's, the folders every download has left out.
    expect(at(143)).toEqual([
      'facebook-zoeexample-2024-04-01-AbCdEfGh/…/jordanreeve_9876543210/message_1.json',
      'facebook-zoeexample-2024-04-01-AbCdEfGh/…/samsample_1234567890/message_1.json',
      'facebook-zoeexample-2024-06-01-XyZwVuTs/…/jordanreeve_9876543210/message_1.json',
      'facebook-zoeexample-2024-06-01-XyZwVuTs/…/samsample_1234567890/message_1.json',
    ]);
    for (let width = 12; width <= 120; width++) expectTellingApart(paths, shortPaths(paths, width), width);
  });

  it('takes time in proportion to the number of files, not to its square, when many names share their ends', () => {
    // Thousands of threads in each download, each thread in both: each name is told apart only by its download and
    // its thread together (the old loop took about 0.8 s for 4,000 names, and about 3 s for 8,000).
    const many = (n: number) =>
      downloads.flatMap((d) =>
        Array.from(
          { length: n / 2 },
          (_, i) =>
            `${d}/your_facebook_activity/messages/inbox/alexsample_${1234567890 + i * 7919}/message_1.json`,
        ),
      );
    const time = (ps: string[]) => {
      const t0 = performance.now();
      const shown = shortPaths(ps, 57);
      return { ms: performance.now() - t0, shown };
    };
    time(many(400));
    // Eight times the files: about eight times the time (sixty-four times for a loop over pairs); the margin is
    // for a busy machine.
    const small = time(many(1000));
    const large = time(many(8000));
    expect(large.ms, `${small.ms.toFixed(0)} ms, then ${large.ms.toFixed(0)} ms`).toBeLessThan(
      24 * small.ms + 300,
    );
    expect(new Set(large.shown).size).toBe(8000);
    expect(large.shown[0]).toBe('facebook-zoeexample-2024-04…ple_1234567890/message_1.json');
  });
});

describe('any set of paths', () => {
  // Pieces that make paths alike at their start, in their middle and at their end, a marker for a control
  // character, and a character outside the BMP (two UTF-16 units, never to be split).
  const piece = fc.constantFrom(
    'facebook-zoeexample-2024-04-01',
    'facebook-zoeexample-2024-06-01',
    'inbox',
    'messages',
    'jordanreeve_98',
    'jordanreeve_9876543210',
    'message_1.json',
    'a',
    'ab',
    '<U+001B>',
    '<U+0007>x',
    '\u{1F621}',
    ' - ',
    '.',
  );
  const part = fc.array(piece, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
  const path = fc.array(part, { minLength: 1, maxLength: 5 }).map((xs) => xs.join('/'));
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it('are shown so that every shown name fits its own path alone, no marker or character cut', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(path, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 8, max: 70 }),
        (ps, w) => {
          const shown = shortPaths(ps, w);
          expectTellingApart(ps, shown, w);
          for (const s of shown) {
            expect(s.replace(/<U\+00(1B|07)>/g, '')).not.toMatch(/<U|U\+|00(1B|07)>/);
            expect(s).not.toMatch(lone);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('shows whole a heading that no start and end in the line tell apart from another folder', () => {
    // Found by the property below (seed 1524375565): two downloads whose folders differ only by "<U+0007>x" (here
    // the text itself, as the property's paths hold it), each with folders that differ only at their ends. The
    // second's start that tells it apart (48 characters) and the end that tells its folders apart do not fit in 59
    // together, so that heading is whole, as shortPaths shows a path it cannot tell apart in the width.
    const a = 'facebook-zoeexample-2024-06-01<U+0007>x';
    const b = 'facebook-zoeexample-2024-06-01<U+0007>x<U+0007>x';
    const rest = 'facebook-zoeexample-2024-04-01message_1.json/message_1.json/facebook-zoeexample-2024-04-01';
    const col = fileColumn([`${a}/${rest}`, `${b}/${rest}`], 12, 62);
    expect(col.headings).toEqual([
      `${a}/…/message_1.json/`,
      `${b}/${rest.slice(0, rest.lastIndexOf('/') + 1)}`,
    ]);
  });

  it('are shown, under the line naming their download where there is one, so that each fits its own path alone', () => {
    fc.assert(
      fc.property(
        // Downloads holding the same paths inside (each path in some of them), and files in no folder.
        fc
          .tuple(
            fc.uniqueArray(part, { minLength: 1, maxLength: 3 }),
            fc.uniqueArray(path, { minLength: 1, maxLength: 4 }),
            fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
            fc.uniqueArray(part, { maxLength: 2 }),
          )
          .map(([downloads, inner, keep, loose]) => [
            ...new Set([
              ...downloads.flatMap((d, j) =>
                inner.flatMap((p, k) => (keep[(j * 4 + k) % 12] || k === 0 ? [`${d}/${p}`] : [])),
              ),
              ...loose,
            ]),
          ]),
        fc.integer({ min: 12, max: 70 }),
        (ps, w) => {
          const col = fileColumn(ps, w, w + 50);
          let heading = '';
          col.cells.forEach((cell, i) => {
            heading = col.headings[i] ?? (col.indented[i] ? heading : '');
            // Read as a reader would: a row under a heading is a path that is some folder the heading fits, then
            // a rest the row's name fits.
            const reads = (p: string) =>
              !col.indented[i]
                ? fits(cell, p)
                : [...p.matchAll(/\//g)].some(
                    (m) =>
                      fits(heading.slice(0, -1), p.slice(0, m.index)) &&
                      fits(cell.slice(INDENT.length), p.slice(m.index + 1)),
                  );
            expect(ps.filter(reads), `${heading} ${cell}`).toEqual([ps[i]]);
            if (cell !== col.whole[i]) expect(cell.length, cell).toBeLessThanOrEqual(w);
          });
          // A heading shortened fits the line; one that no shortening tells apart in it is whole, as a cell is
          // (shortPaths: "a path that cannot be told apart in the width is shown whole").
          for (const h of col.headings)
            if (h?.includes('…')) expect(h.length + 2).toBeLessThanOrEqual(w + 50);
          // A row under a heading is named alike under every heading, fitting no other rest of any download.
          const rests = new Set(
            col.whole.flatMap((n, i) => (col.indented[i] ? [n.slice(INDENT.length)] : [])),
          );
          col.cells.forEach((cell, i) => {
            if (!col.indented[i]) return;
            const rest = col.whole[i]!.slice(INDENT.length);
            expect(
              [...rests].filter((x) => fits(cell.slice(INDENT.length), x)),
              cell,
            ).toEqual([rest]);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('two Facebook zips downloaded two months apart, holding the same threads', () => {
  // fixtures/two-facebook-downloads: the June download repeats the April one's two threads and adds a third; the
  // files inside differ only in the zip's name at the start of their paths.
  it('names each file under a line naming its download, every line within 100 columns', async () => {
    const r = await reportOf(['fixtures/two-facebook-downloads']);
    const names = belowCommonFolder(r.inputs.map((inp) => inp.path));
    const rows = table(renderAs('text', r)).slice(1, -1);
    expect(rows).toEqual([
      '  facebook-zoeexample-2024-04-01-AbCdEfGh.zip!/your_facebook_activity/messages/inbox/',
      '    jordanreeve_9876543…/message_1.json  messenger-json        8     8          0        0         0',
      '    samsample_1234567890/message_1.json  messenger-json        2     2          0        0         0',
      '  facebook-zoeexample-2024-06-01-XyZwVuTs.zip!/your_facebook_activity/messages/inbox/',
      '    jordanreeve_9876543…/message_1.json  messenger-json       13     5          8        0         0',
      '    jreeve_1122334455/message_1.json     messenger-json        2     2          0        0         0',
      '    samsample_1234567890/message_1.json  messenger-json        3     1          2        0         0',
    ]);
    for (const width of [60, 80, 100, 120]) {
      const lines = table(
        reportFormats.find((f) => f.id === 'text')!.render(r, { chalk: plainChalk, width }),
      );
      if (width >= 100) for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(width);
      // Each row read with the download line above it (if any) fits its own file alone; the rows keep the
      // inputs' order, so a row's counts are its file's.
      let heading = '';
      let k = 0;
      for (const l of lines.slice(1, -1)) {
        const cell = l.trimStart().split(/ {2,}/)[0]!;
        if (!/\d\s*$/.test(l)) {
          heading = cell;
          continue;
        }
        if (!l.startsWith('    ')) heading = '';
        const shown = heading + cell;
        expect(
          names.filter((n) => fits(shown, n)),
          `${width}: ${shown}`,
        ).toEqual([names[k]]);
        expect(l).toMatch(
          new RegExp(` ${r.inputs[k]!.records} +${r.inputs[k]!.kept} +${r.inputs[k]!.duplicates} `),
        );
        k++;
      }
      expect(k).toBe(r.inputs.length);
    }
  });

  it('names one thread alike under each download, by a name that fits no other thread of either', async () => {
    // Before, each download's rows were shortened among that download's files alone: at 80 columns Jordan Reeve's
    // thread read "j…essage_1.json" under April and "jo…ssage_1.json" under June, and April's name also fitted
    // June's jreeve thread (at 60, "j…e_1.json" and "jo…_1.json").
    const r = await reportOf(['fixtures/two-facebook-downloads']);
    const rests = belowCommonFolder(r.inputs.map((inp) => inp.path)).map((n) =>
      n.slice(n.indexOf('/messages/inbox/') + '/messages/inbox/'.length),
    );
    for (const width of [60, 80, 100]) {
      const text = reportFormats.find((f) => f.id === 'text')!.render(r, { chalk: plainChalk, width });
      const cells = table(text)
        .slice(1, -1)
        .filter((l) => l.startsWith('    '))
        .map((l) => l.trimStart().split(/ {2,}/)[0]!);
      expect(cells).toHaveLength(rests.length);
      const named = new Map<string, Set<string>>();
      cells.forEach((cell, k) => {
        named.set(rests[k]!, (named.get(rests[k]!) ?? new Set()).add(cell));
        expect(
          [...new Set(rests)].filter((rest) => fits(cell, rest)),
          `${width}: ${cell}`,
        ).toEqual([rests[k]]);
      });
      for (const [rest, shown] of named) expect([...shown], `${width}: ${rest}`).toHaveLength(1);
    }
    expect(
      table(reportFormats.find((f) => f.id === 'text')!.render(r, { chalk: plainChalk, width: 80 })),
    ).toEqual([
      '  file               format          records  kept  duplicate  skipped  rejected',
      '  facebook-zoeexample-2024-04-01-AbCdEfG…/your_facebook_activity/messages/inbox/',
      '    jo…ssage_1.json  messenger-json        8     8          0        0         0',
      '    s…essage_1.json  messenger-json        2     2          0        0         0',
      '  facebook-zoeexample-2024-06-01-XyZwVuT…/your_facebook_activity/messages/inbox/',
      '    jo…ssage_1.json  messenger-json       13     5          8        0         0',
      '    jr…ssage_1.json  messenger-json        2     2          0        0         0',
      '    s…essage_1.json  messenger-json        3     1          2        0         0',
      '  total                                   28    18         10        0         0',
    ]);
  });
});

describe('two files whose names differ only by a direction mark', () => {
  // A chat exported twice, once with a right-to-left mark the contact's name carried into the file name. The text
  // outputs drop such marks, so before, the table had two rows "WhatsApp Chat with Sam.txt" with different counts.
  const s = scratch('chronolog-direction-mark-names-');
  afterAll(() => s.cleanup());
  const chat = (lines: number) =>
    Array.from({ length: lines }, (_, k) => `14/05/2024, 2${k}:00 - Sam: are you there (${k + 1})`).join(
      '\n',
    );
  s.file('exports/WhatsApp Chat with Sam.txt', `${chat(2)}\n`);
  s.file('exports/WhatsApp Chat with Sam\u200f.txt', `${chat(3)}\n`);
  s.file('other/WhatsApp Chat with \u200fKarim.txt', '15/05/2024, 10:00 - Karim: hello\n');

  it('shows the mark as <U+200F> in those names alone, each row its own file', async () => {
    const r = await reportOf([path.join(s.dir, 'exports'), path.join(s.dir, 'other')]);
    const cells = fileCells(table(renderAs('text', r)).slice(1, -1));
    expect(cells).toEqual([
      'exports/WhatsApp Chat with Sam.txt',
      // Shortened to the width, as its name with the marker is longer.
      '…/WhatsApp Chat with Sam<U+200F>.txt',
      // No other name is shown so: the mark is dropped, as in all text.
      'other/WhatsApp Chat with Karim.txt',
    ]);
    expect(r.inputs.map((i) => i.records)).toEqual([2, 3, 1]);
  });
});

/**
 * Two files whose names read alike though they differ ("WhatsApp Chat with Sam.txt" and the same with a U+200F
 * before ".txt", a composed "é" and "e" + U+0301, a no-break space and a space) are named apart in every place a
 * report names a file, by the one rule of reports/file-names.ts: the characters that hide the difference are
 * shown as <U+200F> markers in those names, in the Markdown, HTML and text reports alike; every other name is
 * shown as all text is. The JSON keeps each name exactly.
 *
 * Each place is listed: before, only the table of files read showed the mark, so the duplicates note read
 * "Chat with Sam.txt: duplicates 2 (copies kept in … Chat with Sam.txt …)" as if the file duplicated itself, and a
 * citation "[WhatsApp Chat with Sam.txt, line 3]" led to either file.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { FileNames, readAs } from '../../src/reports/file-names.js';
import { cli, STACK } from '../helpers/cli.js';
import { renderAs, reportOf } from '../helpers/report.js';
import { scratch } from '../helpers/robustness.js';
import { makeZip } from '../helpers/zip-writer.js';

const s = scratch('chronolog-names-read-alike-');
afterAll(() => s.cleanup());

const RLM = '\u200f';
// Two exports of one chat, saved twice: the second (its name with a right-to-left mark, as a phone writes it after
// an Arabic or Hebrew contact name) holds two of the first one's messages again, a later one, and a line whose
// date does not exist, rejected with a problem naming its file.
s.file(
  'exports/WhatsApp Chat with Sam.txt',
  [
    '14/05/2024, 20:00 - Sam: are you there',
    '14/05/2024, 21:00 - Sam: answer me',
    '14/05/2024, 22:00 - Sam: I know where you live',
    '',
  ].join('\n'),
);
s.file(
  `exports/WhatsApp Chat with Sam${RLM}.txt`,
  [
    '14/05/2024, 21:00 - Sam: answer me',
    '14/05/2024, 22:00 - Sam: I know where you live',
    '15/05/2024, 08:00 - Sam: last warning',
    '31/02/2024, 10:00 - Sam: this date does not exist',
    '',
  ].join('\n'),
);
s.file('exports/notes.bin', Buffer.from([0, 1, 2, 0xff, 0x62, 0x69, 0x6e]));
s.file(`exports/notes${RLM}.bin`, Buffer.from([0, 3, 4, 0xff, 0x62, 0x69, 0x6e]));
// Two downloads whose names differ by the mark, each holding a chat of its own (between the first and the last
// contact, which the findings cite).
s.file(
  'exports/backup.zip',
  makeZip([
    { name: 'WhatsApp Chat with Jo.txt', data: '14/05/2024, 20:30 - Sam: from the first download\n' },
  ]),
);
s.file(
  `exports/backup${RLM}.zip`,
  makeZip([
    { name: 'WhatsApp Chat with Kim.txt', data: '14/05/2024, 20:40 - Sam: from the second download\n' },
  ]),
);

const exportsReport = () => reportOf([path.join(s.dir, 'exports')], { tz: 'UTC', subject: ['Sam'] });

/** Characters that would reach a reader raw and hide the difference. */
const RAW_MARKS = /[\u061C\u200E\u200F]/;

/** The lines of `doc` from the first line starting with `from` up to the next blank line (one after it skipped). */
function block(doc: string, from: string): string {
  const lines = doc.split('\n');
  const i = lines.findIndex((l) => l.startsWith(from));
  expect(i, `no line starts with ${from}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, k) => k > i + 1 && l === '');
  return lines.slice(i, end < 0 ? undefined : end).join('\n');
}

/** The one line of `doc` holding `needle`. */
function lineWith(doc: string, needle: string): string {
  const found = doc.split('\n').filter((l) => l.includes(needle));
  expect(found, `lines holding ${needle}`).toHaveLength(1);
  return found[0]!;
}

describe('two files whose names differ by a direction mark', () => {
  it('keep their exact names in the JSON', async () => {
    const r = await exportsReport();
    const names = r.inputs.map((x) => path.basename(x.path));
    expect(names).toContain(`WhatsApp Chat with Sam${RLM}.txt`);
    expect(r.ignoredFiles.map((f) => path.basename(f.path))).toEqual(['notes.bin', `notes${RLM}.bin`]);
  });

  it('are named apart in every place of the Markdown report that names a file', async () => {
    const r = await exportsReport();
    const md = renderAs('markdown', r);
    expect(md).not.toMatch(RAW_MARKS);
    const marked = 'WhatsApp Chat with Sam\\<U\\+200F\\>.txt';
    const plain = 'WhatsApp Chat with Sam.txt';
    // Each place, and the text in it that names the second file.
    const places: Record<string, string> = {
      'table of files read': lineWith(md, `${marked} | \``),
      'coverage row': lineWith(md, '| whatsapp | 2024-05-14 – 2024-05-15 |'),
      persistence: block(md, '**Persistence:**'),
      'finding citing the last contact': block(md, '- The first and last contacts are'),
      'S-DASH facts citing incidents': lineWith(md, '- The earliest incident in these files is on'),
      'duplicates note': lineWith(md, ': duplicates 2 ('),
      'problems, where': lineWith(md, '`WHATSAPP_BAD_TIMESTAMP`'),
      'chronology source': lineWith(md, 'last warning |'),
    };
    for (const [place, t] of Object.entries(places)) expect(t, place).toContain(marked);
    // The duplicates are in the second file and kept in the first: the note names each.
    expect(places['duplicates note']).toMatch(
      new RegExp(
        `${esc(marked)}: duplicates 2 \\(copies kept in ${esc(plain)}: line 1 → line 2; line 2 → line 3\\)`,
      ),
    );
    expect(places['coverage row']).toContain(`${plain}, `);
    expect(places.persistence).toContain(`${plain} line 1; last`);
    expect(places['finding citing the last contact']).toContain(`\\[${plain}, line 1\\] to`);
    expect(places['finding citing the last contact']).toContain(`\\[${marked}, line 3\\]`);
    // The files not read and the archives, each of a pair named apart.
    const notRead = block(md, 'Files not read:');
    expect(notRead).toMatch(/notes\.bin — /);
    expect(notRead).toMatch(/notes\\<U\\\+200F\\>\.bin — /);
    const archives = md.split('\n').filter((l) => l.startsWith('- ') && l.includes('.zip: SHA-256'));
    expect(archives.some((l) => /backup\.zip: SHA-256/.test(l))).toBe(true);
    expect(archives.some((l) => /backup\\<U\\\+200F\\>\.zip: SHA-256/.test(l))).toBe(true);
    // The inputs read from inside the two downloads too.
    expect(md).toMatch(/backup\\<U\\\+200F\\>\.zip\\!\/WhatsApp Chat with Kim\.txt \|/);
    // A file whose name reads as no other's is shown without markers: the chats inside the downloads.
    expect(md).not.toMatch(/Jo\.txt\\</);
  });

  it('are named apart in every place of the HTML report that names a file', async () => {
    const r = await exportsReport();
    const html = renderAs('html', r);
    expect(html).not.toMatch(RAW_MARKS);
    // The path's first word is in a span that lets a long run break: the name from its second word.
    const styled = `Chat with Sam<span class="cc">&#60;U+200F&#62;</span>.txt`;
    const title = 'WhatsApp Chat with Sam&#60;U+200F&#62;.txt';
    const key = r.inputs.findIndex((x) => x.path.endsWith(`Sam${RLM}.txt`)) + 1;
    const slice = (from: string, to: string) => {
      const i = html.indexOf(from);
      expect(i, from).toBeGreaterThanOrEqual(0);
      return html.slice(i, html.indexOf(to, i + from.length));
    };
    const places: Record<string, [string, string]> = {
      'table of files read': [slice('<table class="data inputs"', '</table>'), styled],
      'chronology source key, by its title': [
        slice('<table class="annex"', '</table>'),
        `${title}">F${key}</a>`,
      ],
      'a cited incident, by its key’s title': [
        slice('<dt>First and last incident</dt>', '</dd>'),
        `${title}">F${key}</span>`,
      ],
      'findings on the summary page': [slice('<ul class="findings">', '</ul>'), `${styled}, line 3]`],
      'files not read': [
        slice('<h3>Files not read</h3>', '</ul>'),
        `notes<span class="cc">&#60;U+200F&#62;</span>.bin</span></bdi>`,
      ],
      archives: [
        slice('<ul class="plain"><li><bdi class="path">', '</ul>'),
        `backup<span class="cc">&#60;U+200F&#62;</span>.zip</span></bdi>`,
      ],
      'problems, where': [
        slice('<table class="data problems"', '</table>'),
        `${styled}</bdi> <span class="loc">line 4</span>`,
      ],
    };
    for (const [place, [t, want]] of Object.entries(places)) expect(t, place).toContain(want);
  });

  it('are named apart in every place of the text report that names a file', async () => {
    const r = await exportsReport();
    const text = renderAs('text', r);
    expect(text).not.toMatch(RAW_MARKS);
    const places: Record<string, [string, string]> = {
      'accounting table': [lineWith(text, 'Sam<U+200F>.txt  '), 'WhatsApp Chat with Sam<U+200F>.txt'],
      'not read': [lineWith(text, 'not read:'), '/exports/notes.bin, '],
      'not read, the other': [lineWith(text, 'not read:'), '/exports/notes<U+200F>.bin — '],
      archives: [lineWith(text, 'read from inside backup<U+200F>.zip'), 'backup<U+200F>.zip, SHA-256'],
      problems: [lineWith(text, 'Impossible date'), 'WhatsApp Chat with Sam<U+200F>.txt:line 4: '],
    };
    for (const [place, [t, want]] of Object.entries(places)) expect(t, place).toContain(want);
  });
  it('are named apart on the terminal by `inspect` and after `timeline`, as the text report names them', () => {
    // The built CLI: what a person checking the folder first, or writing the timeline, reads on the terminal.
    const inspect = cli(['inspect', 'exports', '--tz', 'UTC'], {}, s.dir);
    expect(inspect.stderr).not.toMatch(STACK);
    expect(inspect.stdout).not.toMatch(RAW_MARKS);
    expect(inspect.stdout).toContain('  exports/WhatsApp Chat with Sam<U+200F>.txt  whatsapp-txt');
    expect(inspect.stdout).toContain('  exports/WhatsApp Chat with Sam.txt  whatsapp-txt');
    expect(inspect.stdout).toContain('  read from inside exports/backup<U+200F>.zip, SHA-256');
    expect(inspect.stdout).toContain('  not read: exports/notes<U+200F>.bin — ');
    expect(inspect.stdout).toContain(
      '  ✖ exports/WhatsApp Chat with Sam<U+200F>.txt:line 4: Impossible date',
    );
    const timeline = cli(['timeline', 'exports', '--tz', 'UTC', '--format', 'csv'], {}, s.dir);
    expect(timeline.code).not.toBe(2);
    expect(timeline.stderr).not.toMatch(RAW_MARKS);
    expect(timeline.stderr).toContain(
      '  ✖ exports/WhatsApp Chat with Sam<U+200F>.txt:line 4: Impossible date',
    );
    expect(timeline.stderr).toContain('  not read: exports/notes.bin — ');
    expect(timeline.stderr).toContain('  not read: exports/notes<U+200F>.bin — ');
    // The timeline itself keeps each name as it is, as the JSON does: its data, told apart by the SHA-256 too.
    expect(timeline.stdout).toContain(`exports/WhatsApp Chat with Sam${RLM}.txt,`);
  });
});

/** `s` as a regular expression matching it literally. */
function esc(t: string): string {
  return t.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

describe('names that differ by how a letter is written or by a no-break space', () => {
  const zoeNfc = 'WhatsApp Chat with Zo\u00e9.txt';
  const zoeNfd = 'WhatsApp Chat with Zoe\u0301.txt';
  s.file(`written/${zoeNfc}`, '14/05/2024, 20:00 - Zoe: first export\n');
  s.file(`written/${zoeNfd}`, '14/05/2024, 21:00 - Zoe: second export\n');
  s.file('written/WhatsApp Chat with Sam Lee.txt', '15/05/2024, 20:00 - Sam Lee: hello\n');
  s.file('written/WhatsApp Chat with Sam\u00a0Lee.txt', '15/05/2024, 21:00 - Sam Lee: hello again\n');
  // Decomposed as a Mac writes a name, with no other file to read like: shown as it is.
  s.file('written/WhatsApp Chat with Rene\u0301e.txt', '16/05/2024, 20:00 - Renée: hi\n');
  const written = (): Promise<Report> => reportOf([path.join(s.dir, 'written')], { tz: 'UTC' });

  it('show the decomposed accent and the no-break space as markers in each report, the lone name as it is', async () => {
    const r = await written();
    expect(r.inputs).toHaveLength(5);
    const md = renderAs('markdown', r);
    expect(lineWith(md, 'Zoe\\<U\\+0301\\>.txt | `')).toBeTruthy();
    expect(lineWith(md, `${zoeNfc} | \``)).toBeTruthy();
    expect(lineWith(md, 'Sam\\<U\\+00A0\\>Lee.txt | `')).toBeTruthy();
    expect(lineWith(md, 'Sam Lee.txt | `')).toBeTruthy();
    expect(lineWith(md, 'Rene\u0301e.txt | `')).toBeTruthy();
    const html = renderAs('html', r);
    expect(html).toContain('Zoe<span class="cc">&#60;U+0301&#62;</span>.txt</bdi>');
    expect(html).toContain('Sam<span class="cc">&#60;U+00A0&#62;</span>Lee.txt</bdi>');
    expect(html).toContain('Rene\u0301e.txt</bdi>');
    const text = renderAs('text', r);
    expect(text).toContain('WhatsApp Chat with Zoe<U+0301>.txt ');
    expect(text).toContain('WhatsApp Chat with Sam<U+00A0>Lee.txt ');
    expect(text).toContain(`WhatsApp Chat with Rene\u0301e.txt `);
  });
});

describe('the rule of file-names.ts', () => {
  const shown = (paths: string[]) => {
    const names = new FileNames(paths);
    return paths.map((p) => names.show(p));
  };

  it('reads a name as a reader sees it', () => {
    expect(readAs(`a${RLM}b`)).toBe('ab');
    expect(readAs('e\u0301')).toBe('\u00e9');
    expect(readAs('a\u00a0b\tc  d ')).toBe('a b c d');
    // An invisible character is a marker already, so it tells the names apart by itself.
    expect(readAs('Sa\u200bm')).toBe('Sa<U+200B>m');
  });

  it('marks what hides the difference, and only in names that read alike', () => {
    expect(shown(['x/Sam.txt', `x/Sam${RLM}.txt`, 'x/Kim.txt', `x/J${RLM}im.txt`])).toEqual([
      'x/Sam.txt',
      'x/Sam<U+200F>.txt',
      'x/Kim.txt',
      `x/J${RLM}im.txt`,
    ]);
    expect(shown(['Sam Lee.txt', 'Sam\tLee.txt', 'Sam  Lee.txt', 'Sam Lee.txt '])).toEqual([
      'Sam Lee.txt',
      'Sam<U+0009>Lee.txt',
      'Sam <U+0020>Lee.txt',
      'Sam Lee.txt<U+0020>',
    ]);
    // The angstrom sign has a composed form of its own (Å): shown whole.
    expect(shown(['\u00c5.txt', '\u212b.txt', 'A\u030a.txt'])).toEqual([
      '\u00c5.txt',
      '<U+212B>.txt',
      'A<U+030A>.txt',
    ]);
    // Letters of two scripts that look alike are different letters: not compared.
    expect(shown(['Sam.txt', 'S\u0430m.txt'])).toEqual(['Sam.txt', 'S\u0430m.txt']);
  });

  it('compares the ends of paths a citation gives, and no more than needed', () => {
    // Different folders, names alike: a citation by the file name alone would read alike.
    expect(shown(['p/Sam.txt', `q/Sam${RLM}.txt`])).toEqual(['p/Sam.txt', 'q/Sam<U+200F>.txt']);
    // The same file name under folders that read alike.
    expect(shown([`x/a${RLM}/_chat.txt`, 'y/a/_chat.txt'])).toEqual([
      'x/a<U+200F>/_chat.txt',
      'y/a/_chat.txt',
    ]);
    // A Mac's decomposed folder name above files that are told apart by their own folders: nothing to show.
    const mac = 'Te\u0301le\u0301chargements';
    expect(shown([`${mac}/a/message_1.json`, `${mac}/b/message_1.json`])).toEqual([
      `${mac}/a/message_1.json`,
      `${mac}/b/message_1.json`,
    ]);
  });

  it('shows the names wherever a text holds them, and leaves other text as it is', () => {
    const names = new FileNames(['x/Sam.txt', `x/Sam${RLM}.txt`]);
    expect(names.show(`first [Sam.txt, line 1], last [Sam${RLM}.txt, line 3]; a message${RLM} as sent`)).toBe(
      `first [Sam.txt, line 1], last [Sam<U+200F>.txt, line 3]; a message${RLM} as sent`,
    );
    expect(new FileNames(['Sam.txt', 'Kim.txt']).none).toBe(true);
    // A space at a name's end is shown where the name stands alone; in a sentence the space after a name is the
    // sentence's, so there it is not taken for the name's (which would name the other file).
    const spaced = new FileNames(['x/Sam Lee.txt', 'x/Sam Lee.txt ']);
    expect(spaced.show('x/Sam Lee.txt ')).toBe('x/Sam Lee.txt<U+0020>');
    expect(spaced.show('x/Sam Lee.txt')).toBe('x/Sam Lee.txt');
    expect(spaced.show('first [Sam Lee.txt line 1]')).toBe('first [Sam Lee.txt line 1]');
  });
});

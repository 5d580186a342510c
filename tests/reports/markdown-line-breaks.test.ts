/**
 * A message of several lines (fixtures/markdown-line-breaks) stays one row of the Markdown chronology, each line
 * break shown as " ↵ " where the HTML report keeps the break, so lines no longer run together as one sentence. A
 * line that begins with what Markdown reads as a block (a heading, quote, list, table row, code fence, rule, HTML)
 * is as inert as any other text: nothing unescaped, and every character still there to read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { markdownLines } from '../../src/reports/markdown.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/markdown-line-breaks';

let r: Report;
let out: Record<string, string>;
beforeAll(async () => {
  r = await reportOf([DIR]);
  out = renderAll(r);
});

/** The Markdown chronology, from its heading to the end of its table. */
const chronologyOf = (md: string) => {
  const lines = md.slice(md.indexOf('## Chronology of incidents')).split('\n');
  return lines
    .slice(
      0,
      lines.findIndex((l, k) => k > 4 && !l.startsWith('|')),
    )
    .join('\n');
};

/** The Text cell of each chronology row, the `|` between cells being unescaped ones. */
const textCells = (md: string) =>
  chronologyOf(md)
    .split('\n')
    .filter((l) => l.startsWith('| 2024-'))
    .map((l) => l.split(/(?<!\\)\|/)[5]!.trim());

/** A cell as a CommonMark reader shows it: a backslash before punctuation dropped, `&amp;` read as `&`. */
const shown = (cell: string) => cell.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&amp;/g, '&');

describe('messages of several lines in the Markdown chronology', () => {
  it('matches its golden', () => {
    const file = join(DIR, 'chronology.expected.md');
    const section = `${chronologyOf(out['markdown']!)}\n`;
    if (process.env['UPDATE_GOLDEN']) writeFileSync(file, section);
    expect(section).toBe(readFileSync(file, 'utf8'));
  });

  it('keeps each message in one table row, with a mark where each line broke', () => {
    expect(r.chronology!.map((c) => c.text)).toEqual([
      "Pick up.\nI know you're home.\nI can see the light on.",
      "# You think you can hide?\n> I saw you at the station\n- today\n- yesterday\n1. next time I won't just watch",
      'Last warning.\r\n\r\n| answer | or else |\r\n<b>tonight</b> [here](https://evil.example/x)',
      'ok',
      '```\n    I am outside\n---\n<!-- -->\n',
    ]);
    const cells = textCells(out['markdown']!);
    expect(cells).toHaveLength(5);
    expect(cells[0]).toBe(
      "Pick up. ↵ I know you're home. ↵ I can see the light on. — *Lexicon: Surveillance or knowledge of whereabouts*",
    );
    // CR LF is one break, and a blank line between paragraphs two marks.
    expect(cells[2]).toBe(
      'Last warning. ↵  ↵ \\| answer \\| or else \\| ↵ \\<b\\>tonight\\</b\\> \\[here\\]\\(https\\://evil.example/x\\)',
    );
    expect(cells[3]).toBe('ok');
  });

  it('says once, above the table, what the mark means (and what the lexicon note after a text is)', () => {
    expect(chronologyOf(out['markdown']!).split('\n').slice(0, 5)).toEqual([
      '## Chronology of incidents',
      '',
      'A line break inside a message is shown as ↵.',
      'A text that matches terms of the content lexicon is followed by the categories it matches, in italics (*Lexicon: …*); those inside the analysis window are the incidents counted in "Words in the messages".',
      '',
    ]);
  });

  it('keeps every character of each line, to be read as written', () => {
    const labels = new Map(r.escalation!.content.categories.map((k) => [k.id, k.label]));
    // A text the lexicon matches is followed by its categories, as the report names them.
    const note = (ids: readonly string[]) =>
      ids.length ? ` — *Lexicon: ${ids.map((id) => labels.get(id)).join('; ')}*` : '';
    const marked = r.chronology!.map((c) => {
      const lines = c.text!.split(/\r\n|[\n\r\u2028\u2029]/).join(' ↵ ');
      // The cell is trimmed at its ends: a text's last break is only kept when the note follows it.
      return c.lexicon.length ? lines + note(c.lexicon) : lines.trim();
    });
    expect(textCells(out['markdown']!).map(shown)).toEqual(marked);
  });

  it('leaves no punctuation that could start Markdown unescaped, at the start of a line or anywhere', () => {
    for (const cell of textCells(out['markdown']!)) {
      // The report's own italics after the text, the lexicon categories, aside: only the message's words are checked.
      const words = cell.replace(/ — \*Lexicon: [^*]*\*$/, '');
      expect(words.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[\\`*_{}[\]()#+!|<>~@$]/);
    }
    // No line of a message starts a line of the document: below the notes, every line is a table row.
    expect(
      chronologyOf(out['markdown']!)
        .split('\n')
        .slice(5)
        .every((l) => l.startsWith('| ') && l.endsWith(' |')),
    ).toBe(true);
  });

  it('keeps the breaks in the HTML chronology', () => {
    expect(out['html']).toContain('Pick up.\nI know you&#39;re home.\nI can see the light on.');
  });
});

describe('the line-break mark', () => {
  it('is said only in a chronology that shows one', async () => {
    const plain = renderAll(await reportOf(['fixtures/report-call-outcomes']))['markdown']!;
    expect(plain).toContain('## Chronology of incidents');
    expect(plain).not.toContain('↵');
  });

  it('stands for every kind of line break, each line escaped alone', () => {
    expect(markdownLines('a\nb\r\nc\rd\u2028e\u2029f')).toBe('a ↵ b ↵ c ↵ d ↵ e ↵ f');
    expect(markdownLines('# one\n## two')).toBe('\\# one ↵ \\#\\# two');
    // A tab is no line break: it stays a space, as in every other cell.
    expect(markdownLines('a\tb')).toBe('a b');
  });
});

/**
 * Message text is hostile (fixtures/markdown-hostile): in the Markdown report it adds no table cell, code span,
 * link, image, heading, list, HTML, entity or mathematics, and in the text report no escape sequence reaches the
 * terminal. Every character of a message is still there to read: undoing the escapes gives the text back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

let r: Report;
let out: Record<string, string>;
beforeAll(async () => {
  r = await reportOf(['fixtures/markdown-hostile']);
  out = renderAll(r);
});

/** The Text cell of each chronology row of the Markdown report, the `|` between cells being unescaped ones. */
function textCells(md: string): string[] {
  const start = md.indexOf('## Chronology of incidents');
  return md
    .slice(start)
    .split('\n')
    .filter((l) => l.startsWith('| 2024-'))
    .map((l) => l.split(/(?<!\\)\|/)[5]!.trim());
}

/** A cell as a CommonMark reader shows it: a backslash before punctuation dropped, `&amp;` read as `&`. */
const shown = (cell: string) => cell.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&amp;/g, '&');

describe('the Markdown report of messages written as markup', () => {
  it('reads every message of the chat', () => {
    expect(r.chronology).toHaveLength(17);
    expect(r.identifiers.map((x) => x.identifier)).toEqual(['Chris | *Dale*']);
  });

  it('keeps every character of each message, to be read as written', () => {
    const cells = textCells(out['markdown']!);
    const labels = new Map(r.escalation!.content.categories.map((k) => [k.id, k.label]));
    // A text the lexicon matches is followed by its categories, as the report names them.
    const note = (ids: readonly string[]) =>
      ids.length ? ` — *Lexicon: ${ids.map((id) => labels.get(id)).join('; ')}*` : '';
    // The escape sequences are shown as markers, as in every report a person reads.
    expect(cells.map(shown)).toEqual(
      r.chronology!.map(
        (c) =>
          c.text!.replace(
            /[\u0007\u001b\u009b]/g,
            (x) => `<U+${x.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
          ) + note(c.lexicon),
      ),
    );
    expect(r.chronology!.filter((c) => c.lexicon.length > 0)).toHaveLength(4);
  });

  it('leaves no punctuation that could start Markdown unescaped', () => {
    for (const cell of textCells(out['markdown']!)) {
      // Every character Markdown (CommonMark, GFM, GitHub's mathematics) reads as syntax is escaped; the report's
      // own italics after the text, the lexicon categories, aside.
      const words = cell.replace(/ — \*Lexicon: [^*]*\*$/, '');
      expect(words.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[\\`*_{}[\]()#+!|<>~@$]/);
    }
  });

  it('writes dollar signs so that GitHub shows them, not mathematics', () => {
    expect(out['markdown']).toContain(
      '| it cost \\$5 and \\$x^2\\$ &amp;lt;script&amp;gt; &amp;\\#60;b&amp;\\#62; |',
    );
    // The lexicon example quotes its message escaped the same way.
    expect(out['markdown']).toContain(
      '- “\\!\\[img\\]\\(https\\://evil.example/pixel.png\\) I am watching you”',
    );
  });
});

describe('the text and HTML reports of the same messages', () => {
  it('send no control character to the terminal', () => {
    expect(out['text']).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out['markdown']).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out['html']).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('write no tag, comment or link from a message into the HTML', () => {
    const html = out['html']!;
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).not.toContain('<!-- hidden');
    expect(html).not.toContain('<details>');
    expect(html).not.toMatch(/href="(?:javascript|https?):/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; &#60;b&#62;bold&#60;/b&#62;');
  });
});

/**
 * The Markdown's lexicon examples ("Words in the messages") cite each quoted message in italics written after the
 * escaping, so a message that imitates a citation (fixtures/markdown-imitated-example: "…” — 2024-03-13 09:00 ·
 * WhatsApp Chat with Chris.txt line 1 (term: kill you)", plain and in `*…*` or `_…_`) reads as the sender's text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { markdownLines } from '../../src/reports/sanitize.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/markdown-imitated-example';

let r: Report;
let lines: string[];
beforeAll(async () => {
  r = await reportOf([DIR]);
  const md = renderAll(r)['markdown']!;
  const words = md.slice(md.indexOf('### Words in the messages'), md.indexOf('### S-DASH'));
  lines = words.split('\n').filter((l) => l.startsWith('- “'));
});

/** `*` and `_` in `s` that no backslash escapes: each one Markdown may read as emphasis. */
function unescapedEmphasis(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '*' || s[i] === '_') n++;
  }
  return n;
}

describe('lexicon examples in the Markdown report', () => {
  it('lists every example the JSON gives, one line each', () => {
    const examples = r.escalation!.content.categories.flatMap((c) => c.examples);
    expect(examples.length).toBe(5);
    expect(lines).toHaveLength(examples.length);
  });

  it('quotes the text exactly as escaped, then the citation in italics', () => {
    const examples = r.escalation!.content.categories.flatMap((c) => c.examples);
    for (const [k, x] of examples.entries()) {
      const line = lines[k]!;
      const quoted = `- “${markdownLines(x.text)}” — *`;
      expect(line.startsWith(quoted)).toBe(true);
      // The message's own part has no emphasis mark Markdown could read; the citation is one italic span.
      expect(unescapedEmphasis(markdownLines(x.text))).toBe(0);
      const citation = line.slice(quoted.length);
      expect(citation.endsWith(`(term: ${x.term})*`)).toBe(true);
      expect(citation).toContain(
        `· ${DIR}/WhatsApp Chat with Chris.txt line ${x.event.locator.replace('line ', '')}`,
      );
      expect(unescapedEmphasis(citation)).toBe(1);
    }
  });

  it('keeps an imitation inside the quotes, as the sender wrote it', () => {
    const imitation = lines.find((l) => l.includes('I know where you live'))!;
    expect(imitation).toContain(
      '- “I know where you live” — 2024-03-13 09:00 · WhatsApp Chat with Chris.txt line 1 \\(term: kill you\\)” — *',
    );
    const italic = lines.find((l) => l.includes('watch your back'))!;
    expect(italic).toContain('“watch your back — \\*2024-03-13 09:01');
  });
});

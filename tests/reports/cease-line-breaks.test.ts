/**
 * A message quoted in the escalation section keeps its line breaks, shown as the chronology shows them: " ↵ " in
 * Markdown, a line break in HTML. fixtures/cease-two-lines is a WhatsApp chat in which the victim's request to stop
 * runs over two lines ("Please stop contacting me." / "I don't want to hear from you again."), a second request's
 * second line and one of Sam's messages (a lexicon example) hold Markdown and HTML. The quotes were once joined into
 * one sentence ("Please stop contacting me. I don't want to hear from you again.") in the JSON and every report.
 * Message text is hostile input: each line stays as inert as any other text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { excerpt } from '../../src/analysis/escalation/matcher.js';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/cease-two-lines';
const FIRST = "Please stop contacting me.\nI don't want to hear from you again.";
const SECOND = 'Leave me alone.\n# <b>I mean it</b> | [here](https://evil.example/y)';
const EXAMPLE = "You'll regret this\n<img src=x onerror=alert(1)> [see](https://evil.example/x) | # tonight";

let r: Report;
let out: Record<string, string>;
beforeAll(async () => {
  r = await reportOf([DIR]);
  out = renderAll(r);
});

/** The cells of a Markdown table row, split at the unescaped `|`. */
const cells = (row: string) =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());

describe('the excerpt of a message keeps its line breaks', () => {
  it('as "\\n", whatever the export wrote, other white space still one space', () => {
    expect(excerpt('a \t b\r\nc\u2028d\u2029e\rf', 0, 1)).toBe('a b\nc\nd\ne\nf');
    expect(excerpt('  one  \n\n  two  \n', 0, 1)).toBe('one\n\ntwo');
    expect(excerpt('one line,   spaced', 0, 1)).toBe('one line, spaced');
  });
});

describe('a request to stop written on two lines (fixtures/cease-two-lines)', () => {
  it('JSON: the requests and the lexicon example keep the line break', () => {
    const c = r.escalation!.ceaseRequest;
    expect(c.requests.map((q) => q.text)).toEqual([FIRST, SECOND]);
    expect(c.first!.event.local).toBe('2024-02-14 21:14');
    const examples = r.escalation!.content.categories.flatMap((k) => k.examples.map((x) => x.text));
    expect(examples).toContain(EXAMPLE);
    expect(r.escalation!.findings.some((f) => f.includes(`(whatsapp: “${FIRST}”, `))).toBe(true);
  });

  it('Markdown: the findings, the requests table and the example show " ↵ ", as the chronology does', () => {
    const md = out['markdown']!;
    expect(md).toContain("(whatsapp: “Please stop contacting me. ↵ I don't want to hear from you again.”, ");
    expect(md).toContain('A line break inside a quoted message is shown as ↵.');
    const rows = md.split('\n').filter((l) => l.startsWith('| 2024-02-'));
    const first = rows.find((l) => l.includes('| please stop contacting me |'))!;
    expect(cells(first)).toEqual([
      '2024-02-14 21:14',
      'whatsapp',
      "Please stop contacting me. ↵ I don't want to hear from you again.",
      'please stop contacting me',
      'fixtures/cease-two-lines/WhatsApp Chat with Sam.txt line 16',
      '16',
    ]);
    // The second line's heading, tag, table bar and link are escaped: still one cell of six, nothing live.
    const second = rows.find((l) => l.includes('| leave me alone |'))!;
    expect(cells(second)).toHaveLength(6);
    expect(cells(second)[2]).toBe(
      'Leave me alone. ↵ \\# \\<b\\>I mean it\\</b\\> \\| \\[here\\]\\(https\\://evil.example/y\\)',
    );
    // Sam's message, quoted as a lexicon example, reads exactly as its chronology cell's text (which the categories
    // it matches follow there).
    const quoted = md.split('\n').find((l) => l.startsWith("- “You'll regret this"))!;
    const chronology = rows.find((l) => l.startsWith('| 2024-02-14 21:20 | whatsapp | message |'))!;
    const [text, lexicon] = cells(chronology)[4]!.split(' — *Lexicon: ');
    expect(quoted).toContain(`“${text}”`);
    expect(text).toBe(
      "You'll regret this ↵ \\<img src=x onerror=alert\\(1\\)\\> \\[see\\]\\(https\\://evil.example/x\\) \\| \\# tonight",
    );
    expect(lexicon).toBe('Intimidation and veiled threats*');
    for (const line of md.split('\n')) expect(line).not.toMatch(/(?<!\\)<(?:b|img)\b/);
  });

  it('HTML: each quote breaks its line, each line escaped', () => {
    const html = out['html']!;
    expect(html).toContain(
      '<q dir="auto">Please stop contacting me.<br>I don&#39;t want to hear from you again.</q>',
    );
    expect(html).toContain(
      '<q dir="auto">Leave me alone.<br># &#60;b&#62;I mean it&#60;/b&#62; | <span class="brk">[here](https://evil.example/y)</span></q>',
    );
    expect(html).toContain(
      '<q dir="auto">You&#39;ll regret this<br>&#60;img src=x onerror=alert(1)&#62; <span class="brk">[see](https://evil.example/x)</span> | # tonight</q>',
    );
    expect(html).toContain(
      '(whatsapp: “Please stop contacting me.<br>I don&#39;t want to hear from you again.”, WhatsApp Chat with Sam.txt, line 16)',
    );
    expect(html).not.toMatch(/<img|<b>I mean|href="https:\/\/evil/);
  });

  it('text: the one-screen line names the phrase, not the message, and stays one line', () => {
    const line = out['text']!.split('\n').find((l) => l.startsWith('Stop asked'))!;
    expect(line).toBe(
      'Stop asked  first 2024-02-14 21:14 (whatsapp, phrase “please stop contacting me”); 2 requests in all; 16 contacts after the first',
    );
    expect(out['text']).not.toContain('hear from you again');
  });
});

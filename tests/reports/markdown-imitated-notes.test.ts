/**
 * What the Markdown chronology writes after a message's text — a record's details, its notes, the lexicon
 * categories — is in italics written after the escaping, so a message that imitates it (fixtures/markdown-imitated-
 * notes: "see you — Location: 12 High St (edited)", "*Location:* …", "*(edited)*", "*Lexicon: …*") reads as the
 * sender's text: its own `*` and `_` are escaped, and the text of each message is escaped exactly as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { isTimeFlag } from '../../src/model/time-flags.js';
import { markdownLines } from '../../src/reports/markdown.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/markdown-imitated-notes';

let r: Report;
let out: Record<string, string>;
beforeAll(async () => {
  r = await reportOf([DIR]);
  out = renderAll(r);
});

/**
 * `s` split at each `sep` that is not escaped: a backslash escapes the character after it (the escaper writes a
 * message's own backslash as `\\`), so a run of backslashes is read two at a time.
 */
function splitUnescaped(s: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, s.slice(start)];
}

/** How many `ch` in `s` are not escaped: each one Markdown may read as emphasis. */
const unescaped = (s: string, ch: string) => splitUnescaped(s, ch).length - 1;

/** The Text cell of each chronology row of the Markdown report, in the order of the chronology. */
function textCells(md: string): string[] {
  return md
    .slice(md.indexOf('## Chronology of incidents'))
    .split('\n')
    .filter((l) => l.startsWith('| 2024-'))
    .map((l) => splitUnescaped(l, '|')[5]!.trim());
}

/** The chronology row of the message whose text starts with `start`, and its Text cell. */
function rowOf(start: string) {
  const k = r.chronology!.findIndex((c) => c.text?.startsWith(start));
  expect(k).toBeGreaterThanOrEqual(0);
  return { c: r.chronology![k]!, cell: textCells(out['markdown']!)[k]! };
}

// The messages whose text imitates an annotation, and the diary description that does.
const IMITATIONS = [
  'see you — Location: 12 High St (edited)',
  'I was never there; Witnesses: nobody',
  'nothing happened — *Location:*',
  'ask anyone (not delivered',
  'a | b | `code`',
  'Note said: ok — Location: nowhere (edited)',
  'I did not change this one (edited) — Edited at:',
];

describe('annotations after a message in the Markdown chronology', () => {
  it('reads every record of the fixture', () => {
    expect(r.chronology).toHaveLength(11);
    expect(textCells(out['markdown']!)).toHaveLength(11);
  });

  it('writes the text of each message exactly as escaped before, first in its cell', () => {
    for (const [k, cell] of textCells(out['markdown']!).entries()) {
      const text = markdownLines(r.chronology![k]!.text ?? '');
      expect(cell.startsWith(text)).toBe(true);
      // What follows the text is the tool's: nothing, or the annotations after " — ".
      const rest = cell.slice(text.length);
      expect(rest === '' || rest.startsWith(' — *')).toBe(true);
      // The text itself holds no `*` or `_` Markdown could read as emphasis.
      expect(unescaped(text, '*') + unescaped(text, '_')).toBe(0);
    }
  });

  it('writes a diary row’s details each named in italics', () => {
    const { cell } = rowOf('Chris stood at the gate');
    expect(cell).toBe(
      'Chris stood at the gate for ten minutes — *Type of contact:* Seen outside my house; *Location:* Home; *Witnesses:* Sam \\(neighbour\\); *Reported to police:* yes; *Police reference:* 41/15031/24',
    );
  });

  it('writes the notes on a record in italics and brackets, after its details', () => {
    expect(rowOf('I changed this one').cell).toBe(
      'I changed this one — *Edited at:* 2024-03-17T20:05:00.000Z; *(edited)*',
    );
    expect(rowOf('Waiting for this message').cell).toBe(
      'Waiting for this message — *(not delivered: WhatsApp was waiting for this message)*',
    );
  });

  it('writes the lexicon categories in italics, as before', () => {
    expect(rowOf('I know where you live').cell).toBe(
      'I know where you live — *Lexicon: Surveillance or knowledge of whereabouts*',
    );
  });

  it('leaves each imitation escaped text, with no italics of its own', () => {
    for (const start of IMITATIONS) {
      const { c, cell } = rowOf(start);
      const text = markdownLines(c.text!);
      // A message with no real annotation is its escaped text alone; the diary row's real details follow its text.
      if (c.channel === 'post') {
        expect(cell).toBe(
          `${text} — *Type of contact:* Letter through the door; *Location:* Home; *Witnesses:* None; *Reported to police:* no`,
        );
      } else expect(cell).toBe(text);
    }
    expect(rowOf('see you').cell).toBe('see you — Location: 12 High St \\(edited\\)');
    expect(rowOf('nothing happened').cell).toBe(
      'nothing happened — \\*Location:\\* 12 High St; \\_Witnesses:\\_ none \\*\\(edited\\)\\*',
    );
    expect(rowOf('a | b').cell).toBe(
      'a \\| b \\| \\`code\\` and \\*stars\\* and \\_under\\_ ↵ second line — Location: the park ↵ \\(forwarded\\) — \\*Lexicon: Threats to kill or harm\\*',
    );
  });

  it('has two unescaped asterisks per real annotation in a cell, and no other', () => {
    for (const [k, cell] of textCells(out['markdown']!).entries()) {
      const c = r.chronology![k]!;
      const details = Object.values(c.details ?? {}).filter((v) => v !== '').length;
      const notes = c.flags.some((f) => !isTimeFlag(f)) ? 1 : 0;
      const lexicon = c.lexicon.length > 0 ? 1 : 0;
      expect(unescaped(cell, '*')).toBe(2 * (details + notes + lexicon));
      expect(unescaped(cell, '_')).toBe(0);
    }
  });

  it('says above the table what the italics are', () => {
    expect(out['markdown']).toContain(
      "A message's text is followed by the record's details, each named in italics (*Type of contact:* …), and by notes on the record, in italics and brackets (*(not delivered: WhatsApp was waiting for this message)*). The text of a message is never in italics.",
    );
  });
});

describe('annotations after a message in the HTML chronology', () => {
  it('are in elements of their own, apart from the escaped text', () => {
    const html = out['html']!;
    expect(html).toContain('<td class="msg" dir="auto">see you — Location: 12 High St (edited)</td>');
    expect(html).toContain(
      'I changed this one <span class="sub"><span class="detail-name">Edited at:</span> <bdi><span class="brk">2024-03-17T20:05:00.000Z</span></bdi></span> <span class="flags"><span class="flag" title="edited">edited</span></span></td>',
    );
    // The diary's details each named in an element of their own, the values escaped beside them.
    expect(html).toContain(
      'Note said: ok — Location: nowhere (edited) <span class="sub"><span class="detail-name">Type of contact:</span> <bdi>Letter through the door</bdi>; <span class="detail-name">Location:</span> <bdi>Home</bdi>;',
    );
    expect(html.match(/<span class="detail-name">/g)).toHaveLength(
      r.chronology!.reduce((n, c) => n + Object.values(c.details ?? {}).filter((v) => v !== '').length, 0),
    );
  });
});

/**
 * The same record reads the same in the Markdown and HTML reports (fixtures/report-call-outcomes: a missed, a
 * rejected and an answered call, two SMS): each chronology row says how a call ended and how long it lasted in one
 * form, "call (answered, 48 s)", as both chronologies take it from one helper.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

let r: Report;
let out: Record<string, string>;
beforeAll(async () => {
  r = await reportOf(['fixtures/report-call-outcomes']);
  out = renderAll(r);
});

/** The cells of the Markdown table under `heading`, row by row, split at unescaped bars. */
function markdownRows(md: string, heading: string): string[][] {
  const after = md.slice(md.indexOf(heading)).split('\n');
  const lines = after.slice(after.findIndex((l) => l.startsWith('|')));
  const rows = lines.slice(
    0,
    lines.findIndex((l) => !l.startsWith('|')),
  );
  return rows.slice(2).map((l) =>
    l
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim()),
  );
}

describe('how a call ended, in the Markdown and HTML chronologies', () => {
  it('reads the three calls with their outcomes', () => {
    expect(r.chronology!.map((c) => [c.kind, c.callStatus, c.callDurationSec])).toEqual([
      ['call', 'missed', 0],
      ['message', null, null],
      ['call', 'rejected', 0],
      ['call', 'answered', 48],
      ['message', null, null],
    ]);
  });

  it('writes each row’s kind and outcome in the same words in both reports', () => {
    // A missed or rejected call lasts 0 s as a rule: its length is said only when it is not 0.
    const kinds = ['call (missed)', 'message', 'call (rejected)', 'call (answered, 48 s)', 'message'];
    expect(markdownRows(out['markdown']!, '## Chronology of incidents').map((row) => row[2])).toEqual(kinds);
    const annex = out['html']!.slice(out['html']!.indexOf('id="annex-table"'));
    const html = [...annex.matchAll(/<td class="when">[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map(
      (m) => m[1],
    );
    expect(html).toEqual(kinds);
  });
});

describe('the names the exports show, in the Markdown identifiers table', () => {
  it('lists the names the HTML table lists, escaped so they add no cell, link, emphasis or tag', () => {
    expect(r.identifiers.map((x) => [x.identifier, x.names])).toEqual([
      ['+447700900123', ['Sam | *Carter* <b>', '[Sam](https://example.invalid/t)']],
    ]);
    const rows = markdownRows(out['markdown']!, '## Identifiers used');
    expect(rows).toEqual([
      [
        '\\+447700900123',
        '5',
        // An SMS backup records seconds: shown, as the JSON and the escalation table give them.
        '2024-03-04 09:40:00',
        '2024-03-07 23:30:00',
        'call, sms',
        'Sam \\| \\*Carter\\* \\<b\\>, \\[Sam\\]\\(https\\://example.invalid/t\\)',
      ],
    ]);
    expect(out['markdown']).toContain('| Channels | Names shown in the exports |');
    // The HTML table, the same names from the same field.
    expect(out['html']).toContain(
      '<td><bdi>Sam | *Carter* &#60;b&#62;</bdi>, <bdi><span class="brk">[Sam](https://example.invalid/t)</span></bdi></td>',
    );
  });
});

describe('the sender of each chronology row, in the Markdown report', () => {
  it('gives the name the export shows beside the identifier, as the HTML chronology does, escaped', () => {
    const call = '\\+447700900123 (\\[Sam\\]\\(https\\://example.invalid/t\\))';
    const sms = '\\+447700900123 (Sam \\| \\*Carter\\* \\<b\\>)';
    expect(markdownRows(out['markdown']!, '## Chronology of incidents').map((row) => row[3])).toEqual([
      call,
      sms,
      call,
      call,
      sms,
    ]);
    expect(out['html']).toContain(
      '<td class="ident"><bdi>+447700900123</bdi><span class="sub"><bdi><span class="brk">[Sam](https://example.invalid/t)</span></bdi></span></td>',
    );
  });
});

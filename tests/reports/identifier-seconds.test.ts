/**
 * Each identifier's first and last use is written to the precision its record has, alike in the JSON, the
 * Markdown and the HTML: to the second for an SMS backup (a police reader sets it beside a phone's log, which shows
 * seconds), to the minute for an Android WhatsApp export, whose times have no seconds to show (none is made up).
 * The "Identifiers used" tables once cut every time to the minute while the escalation's identifier table and the
 * JSON citations kept the seconds. The first and last incident of the period follow the same rule.
 *
 * fixtures/coverage-late-export: Sam texts from +447700900123 (SMS Backup & Restore, times in milliseconds) from
 * 16 February 2024 08:44:56 to 20 April 13:35:17, and writes on WhatsApp as "Sam" from 15 March 19:05 to 20 April
 * 19:36.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

let r: Report;
let out: Record<string, string>;
beforeAll(async () => {
  r = await reportOf(['fixtures/coverage-late-export'], {});
  out = renderAll(r);
});

const SMS = { identifier: '+447700900123', first: '2024-02-16 08:44:56', last: '2024-04-20 13:35:17' };
const WA = { identifier: 'Sam', first: '2024-03-15 19:05', last: '2024-04-20 19:36' };

/** The rows of the Markdown table under `heading`, split at the unescaped `|`. */
function markdownRows(md: string, heading: string): string[][] {
  const lines = md.slice(md.indexOf(heading)).split('\n');
  const start = lines.findIndex((l) => l.startsWith('| ---'));
  const end = lines.findIndex((l, k) => k > start && !l.startsWith('|'));
  return lines.slice(start + 1, end).map((l) =>
    l
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim()),
  );
}

describe('first and last use, to the precision of the record', () => {
  it('JSON: seconds for the SMS identifier, minutes for the WhatsApp one, as the citations give them', () => {
    expect(r.identifiers.map((x) => [x.identifier, x.firstLocal, x.lastLocal])).toEqual([
      [SMS.identifier, SMS.first, SMS.last],
      [WA.identifier, WA.first, WA.last],
    ]);
    for (const x of r.identifiers) {
      expect(x.firstLocal).toBe(x.firstRef!.local);
      expect(x.lastLocal).toBe(x.lastRef!.local);
      const e = r.escalation!.identifiers.find((y) => y.identifier === x.identifier)!;
      expect([e.first.local, e.last.local]).toEqual([x.firstLocal, x.lastLocal]);
    }
    // The chronology keeps the milliseconds the backup holds; a summary names the second.
    expect(r.chronology!.find((c) => c.local.startsWith(SMS.first))!.local).toMatch(
      /^2024-02-16 08:44:56\.\d{3}$/,
    );
  });

  it('Markdown: both identifier tables give the same times', () => {
    const md = out['markdown']!;
    expect(markdownRows(md, '## Identifiers used').map((row) => row.slice(0, 4))).toEqual([
      [`\\${SMS.identifier}`, '67', SMS.first, SMS.last],
      [WA.identifier, '46', WA.first, WA.last],
    ]);
    const escalation = markdownRows(md, '| Identifier | Contacts |');
    expect(escalation.map((row) => [row[3]!.split(' · ')[0], row[4]])).toEqual([
      [SMS.first, SMS.last],
      [WA.first, WA.last],
    ]);
  });

  it('HTML: the identifiers table and the escalation table give the same times', () => {
    const html = out['html']!;
    for (const x of [SMS, WA]) {
      expect(html).toContain(
        `<th scope="row" class="ident"><bdi>${x.identifier}</bdi></th><td class="num">${x === SMS ? 67 : 46}</td><td>${x.first}</td><td>${x.last}</td>`,
      );
    }
    expect(html).toContain('16 February 2024, 08:44:56');
    expect(html).toContain('20 April 2024, 13:35:17');
    expect(html).not.toMatch(/15 March 2024, 19:05:\d\d|20 April 2024, 19:36:\d\d/);
  });

  it('text: the period gives the first incident to the second and the last to the minute; the list gives dates', () => {
    const t = out['text']!;
    expect(t).toContain('Period      2024-02-16 08:44:56 → 2024-04-20 19:36 (Europe/London)');
    expect(t).toContain('  +447700900123      67  2024-02-16 → 2024-04-20  sms\n');
    expect(t).toContain('  Sam                46  2024-03-15 → 2024-04-20  whatsapp\n');
  });
});

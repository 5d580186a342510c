/**
 * Wording the reports people read must get right: a quoted first or last time says how to read it when its
 * record does (headline, period, identifiers, as the chronology does), a withheld figure is said in words and never
 * by its status code, and a comparison without a rate ratio says so once.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadFlags } from '../../src/cli/read.js';
import type { Report } from '../../src/model/index.js';
import { whyNot, withheldWords } from '../../src/reports/withheld.js';
import { renderAll, reportOf } from '../helpers/report.js';
import { scratch } from '../helpers/robustness.js';
import { makeZip } from '../helpers/zip-writer.js';

// A UK diary whose last entry gives only "late evening": the date is known, the time only as a part of the day.
const DIARY = 'fixtures/csv-diary/uk-bom-crlf-dmy.csv';
const FLAGS: ReadFlags = { tz: 'Europe/London', region: 'GB', victim: ['me'] };
const PART = '(only the part of the day is known)';

let diary: Report;
let shown: Record<string, string>;
beforeAll(async () => {
  diary = await reportOf([DIARY], FLAGS);
  shown = renderAll(diary);
});

describe('the zone the times are in', () => {
  it("is said to be this computer's when neither the case file nor --tz gave it", async () => {
    const { tz: _given, ...noZone } = FLAGS;
    const r = await reportOf([DIARY], noZone);
    expect(r.case.timezoneSource).toBe('system');
    const text = renderAll(r)['text']!;
    expect(text).toContain(
      `2024-02-24 (${r.case.timezone}, this computer's zone): 22 days, first to last incident`,
    );
    // Given with --tz, it is only named.
    expect(shown['text']).toContain('2024-02-24 (Europe/London): 22 days');
  });

  it("is said to be this computer's when there is no incident either", async () => {
    const { tz: _given, ...noZone } = FLAGS;
    const r = await reportOf(['fixtures/demo-case/sms-20240315120000.xml'], {
      ...noZone,
      victim: [],
      subject: ['+447700900999'],
    });
    expect(r.incidents.total).toBe(0);
    expect(renderAll(r)['text']).toContain(`. Zone ${r.case.timezone}, this computer's zone.`);
  });
});

describe('the first and last times quoted outside the chronology', () => {
  it('carry their record’s time flags in the JSON, only when it has some', () => {
    expect(diary.incidents.firstLocal).toBe('2024-02-03 21:40');
    expect(diary.incidents.firstTimeFlags).toBeUndefined();
    expect(diary.incidents.lastLocal).toBe('2024-02-24');
    expect(diary.incidents.lastTimeFlags).toEqual(['time-part-of-day']);
    const row = diary.identifiers[0]!;
    expect(row.identifier).toBe('(subject, as recorded)');
    expect(row.firstTimeFlags).toBeUndefined();
    expect(row.lastTimeFlags).toEqual(['time-part-of-day']);
    // The chronology says the same of the same record.
    expect(diary.chronology!.at(-1)!.flags).toContain('time-part-of-day');
  });

  it('are marked in the text period line', () => {
    expect(shown['text']).toContain(
      'Period      2024-02-03 21:40 → 2024-02-24 (Europe/London): 22 days, first to last incident\n' +
        `            2024-02-24 ${PART}\n`,
    );
  });

  it('are marked in the Markdown headline and identifiers table', () => {
    const md = shown['markdown']!;
    expect(md).toContain(`between 2024-02-03 21:40 and 2024-02-24 ${PART} (Europe/London)`);
    expect(md).toMatch(/\| 10 \| 2024-02-03 21:40 \| 2024-02-24 \(only the part of the day is known\) \|/);
  });

  it('are marked in the HTML period, headline and identifiers table', () => {
    const html = shown['html']!;
    const note = `<span title="time-part-of-day">${PART}</span>`;
    expect(html).toContain(`<dt>Period</dt><dd>3 February 2024, 21:40 – 24 February 2024 ${note} <span`);
    expect(html).toContain(`from 3 February 2024, 21:40 to 24 February 2024 ${note} (Europe/London).`);
    expect(html).toContain(`<td>2024-02-03 21:40</td><td>2024-02-24 ${note}</td>`);
  });
});

describe('figures not given', () => {
  it('are said in words in every format a person reads, never by their status code', () => {
    for (const f of ['text', 'markdown', 'html']) {
      expect(shown[f], f).not.toMatch(/below-minimum|not-computable/);
    }
    expect(shown['markdown']).toContain(
      'burstiness withheld: 7 contact episodes \\(at least 10 are needed\\)',
    );
    expect(diary.escalation!.bursts.burstiness.status).toBe('below-minimum');
  });

  it('say why in words when the analysis gives no reason', () => {
    expect(withheldWords({ status: 'below-minimum', reason: null })).toBe('withheld: too few data');
    expect(withheldWords({ status: 'not-computable', reason: null })).toBe(
      'not computable: it cannot be computed from these data',
    );
    expect(withheldWords({ status: 'ok', reason: null })).toBe('');
    expect(whyNot({ status: 'below-minimum', reason: 'only 3 days' })).toBe('only 3 days');
  });
});

describe('a comparison without a rate ratio', () => {
  it('says "no rate ratio" once, in the cease-request paragraph of every format', async () => {
    const demo = renderAll(await reportOf(['fixtures/demo-case']));
    for (const f of ['text', 'markdown', 'html'])
      expect(demo[f], f).not.toMatch(/rate ratio:? no rate ratio/i);
    expect(demo['markdown']).toContain(
      '(1.4/day) 2024-01-10 – 2024-03-08; no rate ratio: only 2.97 days before \\(at least 14 days each side are needed\\).',
    );
    expect(demo['html']).toContain(
      'No rate ratio is given: only 2.97 days before (at least 14 days each side are needed).',
    );
  });
});

describe('a file read only in part', () => {
  // A WhatsApp chat in a zip whose stored bytes no longer match their CRC-32 (one byte flipped in transit), beside
  // an SMS backup read whole: the chat's member is read to its end, but marked, as any record may be garbled.
  const tmp = scratch('chronolog-incomplete-');
  afterAll(() => tmp.cleanup());
  const chat = '13/01/2024, 18:04 - Sam: Answer me\n13/01/2024, 18:05 - Sam: Now\n';
  const zip = makeZip([
    { name: '_chat.txt', data: chat, store: true },
    { name: 'sms.xml', data: readFileSync('fixtures/demo-case/sms-20240315120000.xml') },
  ]);
  const at = 30 + '_chat.txt'.length + chat.indexOf('Answer');
  zip[at] = zip[at]! ^ 0x20;
  const archive = tmp.file('damaged.zip', zip);

  it('marks a member whose checksum fails as read to the end but damaged, in every format, the same way', async () => {
    const r = await reportOf([archive], {
      tz: 'Europe/London',
      region: 'GB',
      subject: ['Sam', '+447700900123'],
    });
    const member = r.inputs.find((i) => i.path === `${archive}!/_chat.txt`)!;
    expect(member).toMatchObject({ incomplete: true, readToEnd: true, damaged: true, records: 2, events: 2 });
    expect(r.inputs.find((i) => i.path === `${archive}!/sms.xml`)!.incomplete).toBe(false);
    const out = renderAll(r);
    // Text: the mark does not fit beside the name, so it has the line below the row; what it means is said below.
    expect(out['text']).toMatch(
      /\n {2}_chat\.txt +whatsapp-txt +2 +2 +0 +0 +0\n {4}\(read to the end, checksum failed\)\n/,
    );
    expect(out['text']).toContain(
      '\n  read to the end, checksum failed: the counts cover the whole file; any record may be garbled\n',
    );
    expect(out['text']).not.toContain('not read to the end');
    // Markdown: the same words in the row, and below the table.
    const mdRows = out['markdown']!.split('\n').filter((l) => l.includes('checksum failed'));
    expect(mdRows[0]).toMatch(
      /^\| \S*damaged\.zip\\!\/\\_chat\.txt \*\*\(read to the end, checksum failed\)\*\* \|/,
    );
    expect(mdRows[1]).toBe(
      'A file marked “read to the end, checksum failed” was read whole, but its bytes fail the archive’s checksum: the counts cover the whole file; any record may be garbled (see Problems).',
    );
    expect(mdRows).toHaveLength(2);
    // HTML: under the file's name in its row.
    expect(out['html']).toContain(
      '<span class="sub warn">Read to the end, checksum failed: the counts cover the whole file; any record may be garbled.</span>',
    );
  });

  it('marks a file that breaks off as not read to the end, in every format, the same way', async () => {
    const r = await reportOf(['fixtures/sms-backup-xml-cut-in-attachment'], {
      tz: 'Europe/London',
      region: 'GB',
    });
    const cut = r.inputs.filter((i) => i.incomplete);
    expect(cut.length).toBeGreaterThan(0);
    for (const i of cut) expect([i.readToEnd, i.damaged]).toEqual([undefined, undefined]);
    const out = renderAll(r);
    expect(out['text']).toContain('\n  not read to the end: the counts cover what could be read\n');
    expect(out['markdown']).toContain(
      'could be read only in part: the counts cover what could be read (see Problems).',
    );
    expect(out['html']!.match(/Not read to the end: the counts cover what could be read\./g)).toHaveLength(
      cut.length,
    );
  });

  it('marks a file read to its end whose records could not all be used apart from one read in part', async () => {
    // A chat whose day/month order cannot be told (every message rejected, the file read whole) beside one read
    // in the usual way.
    const r = await reportOf(
      ['fixtures/whatsapp-txt/ambiguous-order-group.txt', 'fixtures/whatsapp-txt/uk-dst-crossing.txt'],
      { tz: 'Europe/London', subject: ['Sam Carter'] },
    );
    const undecided = r.inputs.find((i) => i.path.endsWith('ambiguous-order-group.txt'))!;
    expect([undecided.incomplete, undecided.readToEnd]).toEqual([true, true]);
    const out = renderAll(r);
    // The mark does not fit beside the name in the file column: it has the line below the file's row, the name
    // whole (it took the name's place: "…ead to the end, some records unusable)").
    expect(out['text']).toMatch(
      /\n {2}ambiguous-order-group\.txt +whatsapp-txt +8 +0 +0 +3 +5\n {4}\(read to the end, some records unusable\)\n/,
    );
    expect(out['text']).toContain(
      '\n  read to the end, some records unusable: the counts cover the whole file; its rejected records say why\n',
    );
    expect(out['text']).not.toContain('not read to the end');
    expect(out['markdown']).toContain('**(read to the end, some records unusable)**');
    expect(out['markdown']).toContain(
      'A file marked “read to the end, some records unusable” was read whole, but not every record in it could be used: the counts cover the whole file; its rejected records say why (see Problems).',
    );
    expect(out['html']).toContain(
      '<span class="sub warn">Read to the end, some records unusable: the counts cover the whole file; its rejected records say why.</span>',
    );
    expect(out['html']).not.toContain('Not read to the end');
  });
});

describe('what to do about a problem', () => {
  it('is given beside it in every report a person reads, as the terminal gives it', async () => {
    const r = await reportOf(['fixtures/mixed-case']);
    const shownMixed = renderAll(r);
    const hinted = r.problems.find((p) => p.code === 'IMESSAGE_LOCAL_TIME')!;
    expect(hinted.hint).toBe('If the Mac used another zone, re-run with --tz ZONE.');
    expect(shownMixed['text']).toContain(hinted.hint);
    expect(shownMixed['html']).toContain('If the Mac used another zone, re-run with --tz ZONE.');
    const row = shownMixed['markdown']!.split('\n').find((l) => l.includes('are the Mac'))!;
    expect(row.endsWith('| If the Mac used another zone, re-run with --tz ZONE. |')).toBe(true);
    // The code, as the HTML and JSON give it, so a reader of any format can look the same problem up.
    expect(row.startsWith('| warning | `IMESSAGE_LOCAL_TIME` | ')).toBe(true);
    expect(shownMixed['html']).toContain('<code>IMESSAGE_LOCAL_TIME</code>');
    expect(shownMixed['markdown']).toContain('| Severity | Code | Where | Problem | What to do |');
  });
});

/**
 * An incident the escalation analysis cites (EventRef) says how to read its time when its record does: a diary
 * row written "approx 8am" is cited as "08:00 (time approximate)" in the findings, the S-DASH lists, the first
 * and last incidents and the breach lists of every report, in the chronology's words; an exact time is cited as
 * before, with no `timeFlags` key in the JSON.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { type EventRef, type Report, ReportSchema } from '../../../src/model/index.js';
import { renderHtml } from '../../../src/reports/html/index.js';
import { markdown } from '../../../src/reports/markdown.js';
import { escalationSection } from '../../../src/reports/markdown-escalation.js';
import { escalationText } from '../../../src/reports/text-escalation.js';
import { cli, NOW } from '../../helpers/cli.js';
import { daily, ev, input, kase, report } from './helpers.js';

/** Every EventRef in the escalation analysis, with where it is. */
function refs(value: unknown, path = 'escalation'): [string, EventRef][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o['utc'] === 'string' && typeof o['locator'] === 'string') return [[path, o as EventRef]];
  return Object.entries(o).flatMap(([k, v]) => refs(v, `${path}.${k}`));
}

describe('a diary with approximate times, through the CLI (fixtures/csv-diary/uk-bom-crlf-dmy.csv)', () => {
  // Line 2 "21:40" (exact), 3 "approx 8am", 5 "evening", 6 "between 14:00-15:00", 7 "14h30" (exact),
  // 8 "ca 11pm", 9 blank (date only, no note), 11 "late evening".
  const args = [
    'report',
    'fixtures/csv-diary/uk-bom-crlf-dmy.csv',
    '--tz',
    'Europe/London',
    '--subject',
    '07700 900123',
    '--now',
    NOW,
  ];
  const run = (format: string) => {
    const r = cli([...args, '--format', format]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const json = ReportSchema.parse(JSON.parse(run('json')));
  const e = json.escalation!;
  const byLine = new Map(refs(e).map(([, r]) => [r.locator, r]));

  it('carries the time flags of each cited row, and none on an exact or date-only one', () => {
    expect(e.sdash[0]!.facts[0]!.events.map((r) => [r.locator, r.local, r.timeFlags])).toEqual([
      ['line 2', '2024-02-03 21:40', undefined],
      ['line 3', '2024-02-04 08:00', ['time-approximate']],
      ['line 5', '2024-02-09', ['time-part-of-day']],
      ['line 6', '2024-02-14 14:00', ['time-approximate', 'time-range']],
      ['line 7', '2024-02-15 14:30', undefined],
      ['line 9', '2024-02-20', undefined],
      ['line 11', '2024-02-24', ['time-part-of-day']],
    ]);
    expect(e.persistence.last).toMatchObject({ local: '2024-02-24', timeFlags: ['time-part-of-day'] });
    // Absent, not empty: the JSON of an exact time is what it was before the field existed.
    for (const line of ['line 2', 'line 7', 'line 9'])
      expect(Object.keys(byLine.get(line)!)).not.toContain('timeFlags');
    expect(Object.keys(byLine.get('line 2')!)).toEqual([
      'id',
      'utc',
      'local',
      'channel',
      'file',
      'fileTail',
      'locator',
    ]);
  });

  it('says so in the findings and the S-DASH facts', () => {
    expect(e.findings).toContain(
      'The first and last contacts are at least 20 days and 2 hours apart (3 February 2024 at 21:40 [uk-bom-crlf-dmy.csv, line 2] to 24 February 2024 [only the part of the day is known; uk-bom-crlf-dmy.csv, line 11]; the last has no clock time), with contact on 10 separate days; the contact persisted beyond two weeks.',
    );
    expect(e.sdash[1]!.facts[0]!.text).toBe(
      'The earliest incident in these files is on 2024-02-03 21:40; the latest on 2024-02-24 (only the part of the day is known); the window analysed runs from 2024-02-03 to 2024-02-24.',
    );
  });

  it('writes the notes beside the time in Markdown, as the chronology does', () => {
    const md = run('markdown');
    expect(md).toContain(
      '- 3 in-person incidents in 3 ISO weeks; at most 1 in one week. Incidents: 2024-02-04 08:00 (time approximate) \\(uk-bom-crlf-dmy.csv line 3\\); 2024-02-15 14:30 \\(uk-bom-crlf-dmy.csv line 7\\); 2024-02-24 (only the part of the day is known) \\(uk-bom-crlf-dmy.csv line 11\\).',
    );
    expect(md).toContain(
      '2024-02-14 14:00 (time approximate, time given as a range) \\(uk-bom-crlf-dmy.csv line 6\\)',
    );
    expect(md).toContain(
      'last 2024-02-24 (only the part of the day is known) · fixtures/csv-diary/uk-bom-crlf-dmy.csv line 11;',
    );
    // The same words as the chronology row of that incident.
    expect(md).toContain('| 2024-02-04 08:00 (time approximate) | in-person | visit |');
  });

  it('writes them after the linked time in HTML, with the codes in the title', () => {
    const page = run('html');
    const cited = (line: string) => byLine.get(line)!.id;
    expect(page).toContain(
      `<a href="#e-${cited('line 3')}">4 February 2024, 08:00</a> <span title="time-approximate">(time approximate)</span> <span class="muted">(in-person; `,
    );
    expect(page).toContain(
      `<a href="#e-${cited('line 6')}">14 February 2024, 14:00</a> <span title="time-approximate, time-range">(time approximate, time given as a range)</span> <span class="muted">`,
    );
    // An exact time: link, then source, nothing between.
    expect(page).toContain(
      `<a href="#e-${cited('line 7')}">15 February 2024, 14:30</a> <span class="muted">(in-person; `,
    );
  });
});

describe('cited times in every report format (hand-built timeline)', () => {
  // Europe/London, an order on 20 February: the first contact after it is a diary visit written "about 7am",
  // the last a diary entry with only "evening". A victim e-mail whose time comes from its Received header
  // asks for contact to stop, in the thread the texts are in.
  const c = kase({
    timezone: 'Europe/London',
    milestones: [{ date: '2024-02-20', label: 'Restraining order', type: 'order' }],
  });
  const inputs = [
    input('case/sms.xml'),
    input('case/diary.csv', 'csv-diary'),
    input('case/mail.mbox', 'mbox'),
  ];
  const events = [
    ...daily('2024-01-01', new Array(59).fill(1), { conversation: 'Sam Carter' }),
    ev({
      at: '2024-02-20T07:00:00Z',
      channel: 'in-person',
      sender: null,
      input: 1,
      locator: 4,
      precision: 'min',
      flags: ['time-approximate', 'contact-type-unmapped'],
    }),
    ev({
      at: '2024-02-29T00:00:00Z',
      channel: 'post',
      sender: null,
      input: 1,
      locator: 9,
      precision: 'day',
      flags: ['time-part-of-day'],
    }),
    ev({
      at: '2024-01-10T09:00:00Z',
      channel: 'email',
      text: 'Please stop contacting me.',
      incident: false,
      role: 'victim',
      direction: 'outgoing',
      sender: 'alex@example.com',
      input: 2,
      locator: 'message[3] (line 41)',
      conversation: 'Sam Carter',
      flags: ['time-from-received'],
    }),
  ];
  const r: Report = ReportSchema.parse(report(events, c, inputs));
  const e = r.escalation!;
  const after = e.milestones[0]!.incidentsAfter;

  it('keeps only the flags about the time, and leaves exact times without the key', () => {
    expect(after.first).toMatchObject({ local: '2024-02-20 07:00', timeFlags: ['time-approximate'] });
    expect(after.last).toMatchObject({ local: '2024-02-29', timeFlags: ['time-part-of-day'] });
    expect(e.ceaseRequest.first!.event.timeFlags).toEqual(['time-from-received']);
    const exact = refs(e).filter(([, x]) => x.file === 'case/sms.xml');
    expect(exact.length).toBeGreaterThan(0);
    for (const [, x] of exact) expect('timeFlags' in x).toBe(false);
  });

  it('findings put the note and the source in one pair of brackets', () => {
    expect(e.findings.find((f) => f.startsWith('From the milestone “Restraining order”'))).toContain(
      'there are 11 contacts (sms 9, in-person 1, post 1), the first on 20 February 2024 at 07:00 (time approximate; diary.csv, line 4) and the last on 29 February 2024 (only the part of the day is known; diary.csv, line 9); each is a possible breach for an officer to assess.',
    );
    expect(
      e.findings.some((f) =>
        f.startsWith(
          'Alex first asked for contact to stop on 10 January 2024 at 09:00 (time taken from when the e-mail was received; email: “Please stop contacting me.”, mail.mbox, message[3] (line 41))',
        ),
      ),
    ).toBe(true);
  });

  it('Markdown, HTML and text write the words beside the time', () => {
    const md = escalationSection(r).join('\n');
    expect(md).toContain(
      'first 2024-02-20 07:00 (time approximate) · case/diary.csv line 4; last 2024-02-29 (only the part of the day is known) · case/diary.csv line 9.',
    );
    expect(md).toContain('| 2024-01-10 09:00:00 (time taken from when the e-mail was received) | email |');
    const page = renderHtml(r);
    expect(page).toContain(
      `20 February 2024, 07:00</a> <span title="time-approximate">(time approximate)</span> <span class="muted">(in-person; `,
    );
    const tx = escalationText(r, { chalk: new Chalk({ level: 0 }), width: 200 }).join('\n');
    expect(tx).toContain(
      'first 2024-01-10 09:00:00 (time taken from when the e-mail was received; email, phrase “please stop contacting me”)',
    );
  });

  it('the Markdown chronology and the citations use the same words, a clock change included', () => {
    const dst = ReportSchema.parse(
      report(
        [
          ...daily('2024-03-01', new Array(20).fill(1)),
          // 01:30 on 31 March does not exist in London: read as 01:30 GMT, shown 02:30 BST.
          ev({
            at: '2024-03-31T01:30:00Z',
            channel: 'in-person',
            sender: null,
            input: 1,
            locator: 7,
            precision: 'min',
            flags: ['dst-gap'],
          }),
        ],
        kase({ timezone: 'Europe/London' }),
        inputs,
      ),
    );
    const note = 'the written time did not exist, as the clocks went forward; shown after the change';
    expect(dst.escalation!.persistence.last).toMatchObject({
      local: '2024-03-31 02:30',
      timeFlags: ['dst-gap'],
    });
    const page = markdown.render(dst, { chalk: new Chalk({ level: 0 }), width: 100 });
    expect(page).toContain(`| 2024-03-31 02:30 (${note}) | in-person |`);
    expect(page).toContain(`last 2024-03-31 02:30 (${note}) · case/diary.csv line 7;`);
  });
});

/**
 * The person the exports belong to has one name in every report: "victim", as the case file (`victim`), the
 * `--victim` option and the text and Markdown reports call them. The HTML report called them "Recipient" in its
 * header, its evidence table, its methods and the cease-request intro, and "victim" in its findings and S-DASH
 * sheet, so one page named one person two ways. The JSON keeps its field names (`case.victim`, a cease request's
 * `recipient`), which scripts read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

let named: Report;
let victimOnly: Report;
let named_: Record<string, string>;
let victimOnly_: Record<string, string>;
beforeAll(async () => {
  // The demo case names both; fixtures/calls-diary-dst with only the victim named counts every other sender.
  named = await reportOf(['fixtures/demo-case']);
  victimOnly = await reportOf(['fixtures/calls-diary-dst'], {
    tz: 'Europe/London',
    region: 'GB',
    victim: ['Jo Bennett'],
  });
  named_ = renderAll(named);
  victimOnly_ = renderAll(victimOnly);
});

describe('the victim is called the victim in every report', () => {
  it('in the HTML header, evidence table, methods and cease-request section', () => {
    const html = named_['html']!;
    expect(html).toContain(
      '<dt>Victim</dt><dd><bdi>Alex Morgan</bdi> <span class="muted">(<bdi>+447700900001</bdi>, <bdi>Alex</bdi>)</span></dd>',
    );
    expect(html).toContain('<dt>Victim identifiers</dt><dd><bdi>+447700900001</bdi>, <bdi>Alex</bdi></dd>');
    expect(html).toContain('The victim’s own messages are not incidents.');
    expect(html).toContain(
      '<p>Messages from the victim were searched for phrases asking for contact to stop',
    );
    // The findings and the S-DASH sheet already said "victim" on the same page.
    expect(html).toContain('Is the victim very frightened?');
  });

  it('with only the victim named, the HTML says whose senders are counted as the text and Markdown do', () => {
    const html = victimOnly_['html']!;
    expect(html).toContain(
      '<dt>Subject</dt><dd>not named: every sender other than the victim is counted</dd>',
    );
    expect(html).toContain('every record not sent by the victim (the person the exports belong to)');
    expect(html).toContain('of senders other than the victim (no subject named)');
    expect(victimOnly_['text']).toContain('counted from every sender other than the victim');
    expect(victimOnly_['markdown']).toContain('counted from every sender other than the victim');
  });

  it('no human-readable report calls them the recipient', () => {
    for (const [format, out] of [...Object.entries(named_), ...Object.entries(victimOnly_)]) {
      if (format === 'json') continue;
      expect(out, format).not.toMatch(/recipient/i);
    }
  });

  it('the JSON keeps its field names', () => {
    const json = JSON.parse(named_['json']!);
    expect(json.case.victim).toEqual({ name: 'Alex Morgan', identifiers: ['+447700900001', 'Alex'] });
    expect(json.escalation.ceaseRequest.requests[0]).toHaveProperty('recipient', 'subject-conversation');
    expect(JSON.parse(victimOnly_['json']!).case.victim.identifiers).toEqual(['Jo Bennett']);
  });
});

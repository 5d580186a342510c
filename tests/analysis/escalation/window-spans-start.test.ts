/**
 * A window that leaves incidents out, at its start or its end: what the identifiers, the before/after tables and the
 * counts from a milestone on say of their span.
 *
 * - fixtures/demo-case --from 2024-01-20: "Sam" is used from 8 January, but its first use inside the window (27
 *   January, 12 hours after +447700900123's last use) was said to be its first use ever ("Sam (whatsapp) was first
 *   used on 27 January 2024 … after the last contact from +447700900123"), beside the table of identifiers used that
 *   gives 8 January. fixtures/mixed-case --from 2024-03-15: so was "Jordan Reeve", used from 8 January.
 * - fixtures/mixed-case --from 2024-03-19: 930000000000000101 was used 4 times in the 7 days before jordan.reeve.77's
 *   first use (19 March 08:00), 3 of them before the window: counted on the window's days alone it was used once,
 *   and the switch the whole case shows was missed.
 * - fixtures/mixed-case --from 2024-03-15: user5500000001, last used on 14 March before the window and not inside it
 *   until 2 April, was not looked at as the identifier 930000000000000101 began after (16 March).
 * - fixtures/mixed-case --to 2024-03-26: "+447700900462 was not used again", when it was used 19 times after the
 *   window's end (to 17 April): the uses after are the window's, and now say so.
 * - fixtures/demo-case --from 2024-02-01 --to 2024-04-30 (HTML): "682 contacts after the first request in the whole
 *   case … 8 before it" above a table whose row read "Before | – | 0 | 0".
 * - fixtures/demo-case --from 2024-04-01 (text) and --to 2024-03-13 (findings): the window's sides and the whole
 *   case's counts from a milestone on, each labelled.
 */
import { describe, expect, it } from 'vitest';
import { EscalationSchema } from '../../../src/model/escalation.js';
import { renderAs, reportOf } from '../../helpers/report.js';

const quietOf = (r: Awaited<ReturnType<typeof reportOf>>, id: string) =>
  r.escalation!.identifiers.find((x) => x.identifier === id)!.appearedAfterQuiet;

describe('an identifier used before the window starts', () => {
  it('is never said to have begun inside it (demo case from 20 January)', async () => {
    const r = await reportOf(['fixtures/demo-case'], { from: '2024-01-20' });
    // The whole case's table gives Sam's first use on 8 January; the window's first use is 27 January.
    expect(r.identifiers.find((x) => x.identifier === 'Sam')!.firstLocal).toBe('2024-01-08 18:42');
    expect(r.escalation!.identifiers.find((x) => x.identifier === 'Sam')!.first.local).toBe(
      '2024-01-27 10:21',
    );
    expect(quietOf(r, 'Sam')).toBeNull();
    const findings = r.escalation!.findings.join('\n');
    expect(findings).not.toContain('Sam (whatsapp) was first used');
    // The switch of 11 March, inside the window, is still found.
    expect(quietOf(r, '+447700900456')).toMatchObject({ identifier: '+447700900123', usesAfter: 1 });
    expect(renderAs('markdown', r)).not.toMatch(/\| Sam \| 310 \|[^\n]*last used before then/);
    // The method says so, only where the window leaves incidents out.
    const caveat = 'An identifier used before the window is not said to have begun inside it';
    const caveats = (x: typeof r) =>
      x.escalation!.methods.find((m) => m.name === 'Identifiers')!.caveats.join(' ');
    expect(caveats(r)).toContain(caveat);
    expect(caveats(await reportOf(['fixtures/demo-case']))).not.toContain(caveat);
  });

  it('is never said to have begun inside it (mixed case from 15 March)', async () => {
    const r = await reportOf(['fixtures/mixed-case'], { from: '2024-03-15' });
    expect(quietOf(r, 'Jordan Reeve')).toBeNull();
    expect(r.escalation!.findings.join('\n')).not.toContain('Jordan Reeve (signal) was first used');
    // jordan.reeve.77, first used on 19 March, inside the window: as the whole case says.
    expect(quietOf(r, 'jordan.reeve.77')).toMatchObject({
      identifier: '930000000000000101',
      usesAfter: 1,
    });
  });

  it('judges an older identifier on its uses of the 7 days before, days before the window too (mixed case from 19 March)', async () => {
    const whole = quietOf(await reportOf(['fixtures/mixed-case']), 'jordan.reeve.77');
    const r = await reportOf(['fixtures/mixed-case'], { from: '2024-03-19' });
    // 930000000000000101 has 2 uses in the window, one before jordan.reeve.77's first use.
    expect(r.escalation!.identifiers.find((x) => x.identifier === '930000000000000101')!.incidents).toBe(2);
    expect(quietOf(r, 'jordan.reeve.77')).toEqual(whole);
    expect(whole).toMatchObject({ identifier: '930000000000000101', hoursBetween: 0.75 });
  });

  it('looks at an older identifier used in the 7 days before but not inside the window before then (mixed case from 15 March)', async () => {
    // user5500000001: used 4 times on 14 March, the day before the window, then not until 2 April; 930000000000000101
    // begins on 16 March, 48.7 hours after its last use. Only those uses inside the window were looked at, and the
    // switch the whole case shows was missed.
    const whole = quietOf(await reportOf(['fixtures/mixed-case']), '930000000000000101');
    expect(whole).toMatchObject({ identifier: 'user5500000001', usesAfter: 1 });
    expect(whole!.hoursBetween).toBeCloseTo(48.7, 1);
    const r = await reportOf(['fixtures/mixed-case'], { from: '2024-03-15' });
    expect(r.escalation!.identifiers.find((x) => x.identifier === 'user5500000001')!.first.local).toBe(
      '2024-04-02 22:05:00',
    );
    expect(quietOf(r, '930000000000000101')).toEqual(whole);
  });
});

describe('uses after, with a window that ends before the last incident (mixed case to 26 March)', () => {
  it('says they are the window’s in the findings, Markdown and HTML', async () => {
    const r = await reportOf(['fixtures/mixed-case'], { to: '2024-03-26' });
    // +447700900462 was used 19 times after 14 March, all after the window's end.
    expect(quietOf(r, 'user5500000001')).toMatchObject({ identifier: '+447700900462', usesAfter: 0 });
    const findings = r.escalation!.findings.join('\n');
    expect(findings).toContain('; +447700900462 was not used again in the window.');
    expect(findings).toContain(
      '; Jordan Reeve was used 16 times after that in the window, the last time on 22 March 2024 at 21:10 (chat.md, line 12).',
    );
    expect(findings).not.toMatch(/was not used again\./);
    const md = renderAs('markdown', r);
    expect(md).toContain('(59 hours before\\); 0 uses after in the window |');
    expect(md).toContain(
      'Counted over the window \\(2024-01-08 – 2024-03-26\\): incidents outside it are not counted here, unlike the table of identifiers used, which counts the whole case.',
    );
    expect(md).toContain(
      '| Identifier | Contacts in the window | Channels | First used in the window | Last used in the window | Began as another fell quiet |',
    );
    const html = renderAs('html', r);
    expect(html).toContain('That identifier was not used again in the window.');
    expect(html).toContain('That identifier was used 16 more times afterwards in the window, the last');
    expect(html).toContain(
      'Identifiers over time in the window (8 January 2024 – 26 March 2024; incidents outside it are not counted here)',
    );
    expect(html).toContain('<th scope="col" class="num">Contacts in the window</th>');
  });
});

describe('before/after tables and milestone counts, with a window that leaves incidents out (demo case)', () => {
  it('writes a side with no window day as such in the HTML, and labels the table’s counts as the window’s', async () => {
    const html = renderAs(
      'html',
      await reportOf(['fixtures/demo-case'], { from: '2024-02-01', to: '2024-04-30' }),
    );
    expect(html).toContain(
      'The first request to stop: before compared with after within the window, dates, days and contacts',
    );
    expect(html).toContain(
      '<th scope="row">Before</th><td>no window day</td><td class="num">–</td><td class="num">–</td>',
    );
    expect(html).toContain('<th scope="col" class="num">Window days</th>');
    expect(html).not.toMatch(/<th scope="row">(Before|After)<\/th><td>–<\/td><td class="num">0<\/td>/);
  });

  it('labels the window’s sides of every milestone line in the text summary (from 1 April)', async () => {
    const text = renderAs('text', await reportOf(['fixtures/demo-case'], { from: '2024-04-01' }));
    expect(text).toContain(
      '2024-04-02 Police warning (PIN) issued: window: 6.0 a day before, 8.4 a day after (6 in 1 d, 401 in 48 d); no rate ratio: only 1 day before (at least 14 days each side are needed); whole case: 207 before it, 483 contacts from then on',
    );
    expect(text).toContain(
      '2024-05-20 Non-molestation order served: window: 8.4 a day before, 3.0 a day after',
    );
  });

  it('gives the whole case’s count before a milestone beside its count from then on, in the findings (to 13 March)', async () => {
    const e = (await reportOf(['fixtures/demo-case'], { to: '2024-03-13' })).escalation!;
    expect(e.findings).toContain(
      'In all, 483 contacts followed the milestone “Police warning (PIN) issued” on 2 April 2024 in the whole case, the last on 29 June 2024 at 21:15 (incident-diary.csv, line 27). 207 came before it.',
    );
    expect(e.findings).toContainEqual(
      expect.stringMatching(
        /^From the milestone “Non-molestation order served” on 20 May 2024 onwards there are 82 contacts in the whole case .* All of them fall outside the window \(8 January to 13 March 2024\) and are in none of its rates\. 608 came before it\.$/,
      ),
    );
  });
});

describe('with a window that holds every incident', () => {
  it('says nothing of the window in these places', async () => {
    const r = await reportOf(['fixtures/demo-case']);
    expect(r.escalation!.window.incidentsOutside).toBe(0);
    expect(r.escalation!.findings.join('\n')).not.toMatch(
      /(used again|after that) in the window|in the whole case|came before it\./,
    );
    const md = renderAs('markdown', r);
    expect(md).toContain(
      '| Identifier | Contacts | Channels | First used | Last used | Began as another fell quiet |',
    );
    expect(md).toContain('(1.3 hours before\\); 1 use after |');
    const html = renderAs('html', r);
    expect(html).not.toContain('Window days');
    expect(html).not.toContain('Contacts in the window');
    expect(html).toContain('Identifiers over time: contacts, channels, first and last use');
    expect(renderAs('text', r)).not.toContain('window: ');
  });
});

describe('the JSON schema', () => {
  it('describes escalation.identifiers as counted over the window', () => {
    expect(EscalationSchema.shape.identifiers.description).toMatch(
      /^The identifiers used inside the analysis window, .*\(report\.identifiers counts the whole case\)/,
    );
  });
});

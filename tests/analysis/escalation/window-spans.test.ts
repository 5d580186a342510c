/**
 * Counts before and after a date say which span they are over, and the identifiers are those of the window.
 *
 * - fixtures/demo-case with --from 2024-02-01 --to 2024-04-30 (690 incidents, 292 outside the window): the counts
 *   from a milestone or the first request to stop on are of every incident of the case, the comparisons of the
 *   window. Where the window leaves incidents out, each count says "whole case" and the count before the date is
 *   given over the same span (8 before the request of 10 January and 682 after it; 608 before the order of 20 May
 *   and 82 from then on), and the window's sides say they are the window's: "Before it there were 0 contacts in 0
 *   days" beside "682 contacts" read as no contact before the request, when 8 came on 8–10 January.
 * - fixtures/lexicon-trace (window 14–28 March 2024 from its case file, 3 of its 18 incidents outside it): the
 *   identifiers table counted all 18 and gave a first use on 13 March, beside "3 contacts fall outside the window and
 *   are not counted here". It now counts the 15 of the window.
 * - fixtures/calls-diary-dst named with --victim alone: every other sender counts as the subject, but nothing ties
 *   them to one person, so no sender (AMAZON's text after a number fell silent) is said to have begun as another
 *   fell quiet.
 */
import { describe, expect, it } from 'vitest';
import { renderAs, reportOf } from '../../helpers/report.js';

const WINDOW = { from: '2024-02-01', to: '2024-04-30' };

describe('counts before and after a date, with a window that leaves incidents out (demo case, Feb–Apr 2024)', () => {
  it('gives the whole case’s count before each date beside its count from then on, in the JSON', async () => {
    const r = await reportOf(['fixtures/demo-case'], WINDOW);
    const e = r.escalation!;
    const total = r.incidents.total;
    expect(e.window.incidentsOutside).toBe(292);
    const a = e.ceaseRequest.afterFirst!;
    expect([a.countBefore, a.count]).toEqual([8, 682]);
    expect(a.countBefore! + a.count).toBe(total);
    // The window's own sides: it starts after the request.
    expect([a.comparison.before.days, a.comparison.after.count, a.comparison.after.days]).toEqual([
      0, 398, 90,
    ]);
    const [warning, order] = e.milestones;
    expect([warning!.incidentsAfter.countBefore, warning!.incidentsAfter.count]).toEqual([207, 483]);
    expect([order!.incidentsAfter.countBefore, order!.incidentsAfter.count]).toEqual([608, 82]);
  });

  it('says which counts are of the whole case and which of the window, in the findings', async () => {
    const e = (await reportOf(['fixtures/demo-case'], WINDOW)).escalation!;
    const f = e.findings.find((x) => x.startsWith('After the first request'));
    expect(f).toBe(
      'After the first request there were 682 contacts in the whole case (whatsapp 318, sms 190, call 149, in-person 17, post 5, other 3), the last on 29 June 2024 at 21:15 (incident-diary.csv, line 27); 8 came before it. Within the window (1 February to 30 April 2024), no day is before it, and 398 contacts fall in the 90 days after it; no rate ratio is given: the date is outside the window.',
    );
    expect(e.findings.join('\n')).not.toContain('0 contacts in 0 days');
  });

  it('says so in the one-screen text report', async () => {
    const text = renderAs('text', await reportOf(['fixtures/demo-case'], WINDOW));
    expect(text).toContain(
      '2024-05-20 Non-molestation order served: window: 398 contacts in 90 days before, no window day after; counts only: the date is outside the window; whole case: 608 before it, 82 contacts from then on (possible breaches, for an officer to assess)',
    );
    expect(text).toContain(
      '[exact conditional Poisson test]; whole case: 207 before it, 483 contacts from then on',
    );
    expect(text).toContain('7 requests in all; 682 contacts after the first, 8 before it (whole case)');
    expect(text).not.toContain('0 in 0 days');
  });

  it('says so in the Markdown and HTML reports', async () => {
    const r = await reportOf(['fixtures/demo-case'], WINDOW);
    const md = renderAs('markdown', r);
    expect(md).toContain('After the first request, in the whole case: 682 contacts (whatsapp 318,');
    expect(md).toContain(
      'line 27; 8 before it. Within the window: before no window day; after 398 in 90 days 2024-02-01 – 2024-04-30; counts only: the date is outside the window.',
    );
    expect(md).toContain('(from 2024-05-20), in the whole case: 82 contacts — whatsapp 61,');
    expect(md).toContain('line 27; 608 before it.');
    expect(md).not.toContain('0 in 0 days');
    const html = renderAs('html', r);
    expect(html).toContain('<strong>682 contacts</strong> after the first request in the whole case (');
    expect(html).toContain('<strong>82 contacts</strong> from then on in the whole case (');
    expect(html).toMatch(/line 27\)<\/span>\. 608 before it\.<\/p>/);
    expect(html).toContain('Incidents from then on (whole case)');
  });

  it('words them as before when the window holds every incident', async () => {
    const r = await reportOf(['fixtures/demo-case']);
    expect(r.escalation!.window.incidentsOutside).toBe(0);
    // The JSON has the count before all the same.
    expect(r.escalation!.ceaseRequest.afterFirst!.countBefore).toBe(8);
    const text = renderAs('text', r);
    expect(text).toContain('7 requests in all; 682 contacts after the first\n');
    expect(text).not.toContain('whole case');
    expect(renderAs('markdown', r)).toContain('After the first request: 682 contacts (whatsapp 318,');
  });
});

describe('identifiers over time, with a window', () => {
  it('counts only the incidents inside the window, as the sentence beside it says (lexicon trace)', async () => {
    const r = await reportOf(['fixtures/lexicon-trace']);
    const e = r.escalation!;
    expect(e.window).toMatchObject({ from: '2024-03-14', to: '2024-03-28', incidentsOutside: 3 });
    const sum = e.identifiers.reduce((s, x) => s + x.incidents, 0);
    expect(sum).toBe(e.rate.count);
    expect(sum).toBe(15);
    for (const x of e.identifiers) {
      expect(x.first.local.slice(0, 10) >= '2024-03-14').toBe(true);
      expect(x.last.local.slice(0, 10) <= '2024-03-28').toBe(true);
    }
    expect(e.identifiers.map((x) => [x.identifier, x.incidents, x.channels])).toEqual([
      ['Jordan', 13, ['whatsapp']],
      ['(subject, as recorded)', 2, ['in-person']],
    ]);
    expect(renderAs('markdown', r)).toContain(
      '| Jordan | 13 | whatsapp | 2024-03-14 08:01 · fixtures/lexicon-trace/WhatsApp Chat with Jordan.txt line 3 | 2024-03-25 18:20 | – |',
    );
  });

  it('judges an older number to have fallen quiet only on the 7 days after that the window holds (demo case)', async () => {
    // +447700900456 was first used on 11 March 2024 at 07:58, as +447700900123 fell quiet.
    const quiet = async (to: string) =>
      (await reportOf(['fixtures/demo-case'], { to })).escalation!.identifiers.find(
        (x) => x.identifier === '+447700900456',
      )!;
    const cut = await quiet('2024-03-13');
    // Its uses up to 13 March, not its 296 over the case; the 7 days after its first use run past the window.
    expect(cut.incidents).toBe(11);
    expect(cut.appearedAfterQuiet).toBeNull();
    const held = await quiet('2024-03-18');
    expect(held.appearedAfterQuiet).toMatchObject({ identifier: '+447700900123', usesAfter: 1 });
  });
});

describe('identifiers with no subject named (--victim alone)', () => {
  const flags = { victim: ['jo bennett'], tz: 'Europe/London' };

  it('says no sender began as another fell quiet, and why', async () => {
    const r = await reportOf(['fixtures/calls-diary-dst'], flags);
    const e = r.escalation!;
    expect(e.identifierSwitchesSought).toBe(false);
    expect(e.identifiers.map((x) => x.identifier)).toContain('AMAZON');
    for (const x of e.identifiers) expect(x.appearedAfterQuiet).toBeNull();
    expect(e.findings.join('\n')).not.toMatch(/was first used on .* after the last contact from/);
    const words =
      'which the case does not tie to one person: no identifier is said to have begun as another fell quiet';
    expect(renderAs('markdown', r)).toContain(words);
    expect(renderAs('html', r)).toContain(words);
    expect(e.methods.find((m) => m.name === 'Identifiers')!.caveats.join(' ')).toContain(words);
  });

  it('still looks for it when the subject is named', async () => {
    const e = (await reportOf(['fixtures/demo-case'])).escalation!;
    expect(e.identifierSwitchesSought).toBe(true);
    expect(e.identifiers.some((x) => x.appearedAfterQuiet !== null)).toBe(true);
  });
});

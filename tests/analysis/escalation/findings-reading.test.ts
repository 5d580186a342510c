/**
 * The findings as a prosecutor reads them, sentence by sentence, on the cases that catch them out: two timed
 * milestones two hours apart (an order served at 18:00, an arrest at 20:00), a milestone on the first day of the
 * window, contacts after an order that fall after the window, rates that print alike, the busiest hour running
 * past midnight or through a clock change, exports that never all cover one day, and incidents either side of a
 * given window. Each sentence must be true of the data, say how short a period is in words that show it, and name
 * the time zone its times are in.
 */
import { describe, expect, it } from 'vitest';
import { analyse, daily, ev, input, kase } from './helpers.js';

const twice = (n: number) => new Array<number>(n).fill(2);

describe('an order at 18:00 and an arrest at 20:00 the same day', () => {
  const c = kase({
    milestones: [
      { date: '2024-02-01', label: 'Police warning', type: 'warning' },
      { date: '2024-03-15T18:00', label: 'Non-molestation order served', type: 'order' },
      { date: '2024-03-15T20:00', label: 'Arrest', type: 'arrest' },
    ],
    window: { from: '2024-02-01', to: '2024-03-31' },
  });
  // Two texts a day at 10:00 and 10:37 (UTC), one a minute before the order, one at its minute, one a minute
  // before the arrest, one at its minute; one late on the window's last day and three after the window.
  const e = analyse(
    [
      ...daily('2024-02-01', twice(60)),
      ev({ at: '2024-03-15T17:59:00Z' }),
      ev({ at: '2024-03-15T18:00:00Z' }),
      ev({ at: '2024-03-15T19:59:00Z' }),
      ev({ at: '2024-03-15T20:00:00Z' }),
      ev({ at: '2024-03-31T23:59:00Z' }),
      ev({ at: '2024-04-01T00:00:30Z' }),
      ev({ at: '2024-04-03T09:00:00Z' }),
    ],
    c,
  );

  it('names the time zone of every date and time once, in the first sentence', () => {
    expect(e.findings[0]).toBe(
      'From 1 February to 31 March 2024 (60 days; dates and times in UTC) there were 125 contacts attributed to Sam, 2.1 contacts a day on average (95% CI 1.7–2.5), with contact on 60 of the 60 days.',
    );
  });

  it('gives a two-hour side in hours, up to the milestone that ends it, with no rate a day', () => {
    // Was: "2 contacts in the 0.1 days to 15 March 2024 (24 contacts a day)", and "only 0.1 days after".
    expect(e.findings).toContain(
      'After the milestone “Non-molestation order served” on 15 March 2024 at 18:00 there were 2 contacts in the 2 hours up to the milestone “Arrest” on 15 March 2024 at 20:00, against 89 contacts in the 43.8 days before it (1 February to 15 March 2024, 2.0 a day); no rate ratio is given: only 2 hours after (at least 14 days each side are needed).',
    );
    expect(e.findings).toContain(
      'After the milestone “Arrest” on 15 March 2024 at 20:00 there were 34 contacts in the 16.2 days to 31 March 2024 (2.1 contacts a day), against 2 contacts in the 2 hours before it (from the milestone “Non-molestation order served” on 15 March 2024 at 18:00); no rate ratio is given: only 2 hours before (at least 14 days each side are needed).',
    );
    expect(e.findings.join('\n')).not.toMatch(/0\.1 days|24 contacts a day|24 a day/);
  });

  it('counts the breach window from the order’s instant, and says which contacts fall after the window', () => {
    // 18:00, 19:59 and 20:00 on 15 March, two a day 16–31 March, 23:59 on 31 March, and three after the window.
    expect(e.milestones[1]!.incidentsAfter.count).toBe(3 + 32 + 1 + 2);
    expect(e.findings).toContainEqual(
      expect.stringMatching(
        /^From the milestone “Non-molestation order served” on 15 March 2024 at 18:00 onwards there are 38 contacts in the whole case \(sms 38\), the first on 15 March 2024 at 18:00 \(sms\.xml, line \d+\) and the last on 3 April 2024 at 09:00 \(sms\.xml, line \d+\); each is a possible breach for an officer to assess\. 2 of them fall outside the window \(1 February to 31 March 2024\) and are in none of its rates\. 89 came before it\.$/,
      ),
    );
  });

  it('says a milestone on the first day of the window has no day before it, not "0 contacts in the 0 days"', () => {
    expect(e.findings).toContain(
      'After the milestone “Police warning” on 1 February 2024 there were 89 contacts in the 43.8 days up to the milestone “Non-molestation order served” on 15 March 2024 at 18:00 (2.0 contacts a day); no rate ratio is given: no day of the window is before it, so there is nothing to compare with.',
    );
    expect(e.findings.join('\n')).not.toMatch(/in the 0 days|only 0 days/);
    // The comparison's own reason, which every report prints, says the same.
    expect(e.milestones[0]!.reason).toBe(
      'no day of the window is before it, so there is nothing to compare with',
    );
  });

  it('S-DASH question 2 gives the earliest and latest incident in the files, the one after the window included', () => {
    const f = e.sdash[1]!.facts[0]!;
    expect(f.text).toBe(
      'The earliest incident in these files is on 2024-02-01 10:00:00; the latest on 2024-04-03 09:00:00; the window analysed runs from 2024-02-01 to 2024-03-31, and 2 incidents fall outside it.',
    );
    expect(f.events.map((x) => x.local)).toEqual(['2024-02-01 10:00:00', '2024-04-03 09:00:00']);
  });
});

describe('a contact outside a given window', () => {
  it('is one contact that "falls", not "fall"', () => {
    const c = kase({ window: { from: '2024-03-01', to: '2024-03-31' } });
    const e = analyse([...daily('2024-03-01', twice(31)), ev({ at: '2024-04-05T03:00:00Z' })], c);
    expect(e.findings).toContain('1 contact falls outside the window and is not counted here.');
    // The S-DASH sheet's latest incident is the one after the window, not the last one inside it.
    expect(e.sdash[1]!.facts[0]!.text).toContain('the latest on 2024-04-05 03:00:00;');
  });
});

describe('rates that print alike', () => {
  it('are given side by side, not "fell: 2.6 … against 2.6"', () => {
    // 78 contacts in the 30 days before the warning, 77 in the 30 after.
    const before = [...new Array<number>(18).fill(3), ...new Array<number>(12).fill(2)];
    const after = [...new Array<number>(17).fill(3), ...new Array<number>(13).fill(2)];
    const c = kase({ milestones: [{ date: '2024-01-31', label: 'Police warning', type: 'warning' }] });
    const e = analyse(daily('2024-01-01', [...before, ...after]), c);
    const s = e.findings.find((f) => f.startsWith('After the milestone “Police warning”'))!;
    expect(s).toMatch(
      /^After the milestone “Police warning” on 31 January 2024 the rate was 2\.6 contacts a day from 31 January to 29 February 2024, against 2\.6 a day from 1 to 30 January 2024 \(rate ratio 0\.99,/,
    );
    expect(s).not.toContain('fell');
    expect(s).toContain('so the data cannot tell this difference from no change');
  });
});

describe('the busiest hour', () => {
  it('gives the end with its date when the hour runs past midnight, and cites its first contact', () => {
    const e = analyse([
      ...daily('2024-01-01', twice(30)),
      ev({ at: '2024-01-10T23:40:00Z' }),
      ev({ at: '2024-01-10T23:55:00Z' }),
      ev({ at: '2024-01-11T00:05:00Z' }),
    ]);
    // Was "(10 January 2024 at 23:40 to 00:05)", which reads as the same day.
    expect(e.findings).toContainEqual(
      expect.stringMatching(
        /^The most contacts within one hour: 3, from 10 January 2024 at 23:40 \(sms\.xml, line \d+\) to 11 January 2024 at 00:05; the most on one day: 4 \(10 January 2024\)\.$/,
      ),
    );
  });

  it('says no two timed contacts fall within an hour, rather than "1 (… at 10:00 to 10:00)"', () => {
    const e = analyse(daily('2024-01-01', new Array<number>(20).fill(1)));
    expect(e.findings).toContain(
      'No two timed contacts fall within one hour of each other; the most on one day: 1 (1 January 2024 and 19 other days).',
    );
  });

  it('notes a first contact whose written time fell in the clock change’s gap', () => {
    // Europe/London, 31 March 2024: 01:00–01:59 does not exist; a WhatsApp "01:30" is shown at 02:30.
    const c = kase({ timezone: 'Europe/London' });
    const e = analyse(
      [
        ...daily('2024-03-01', twice(40)),
        ev({ at: '2024-03-31T01:30:00Z', flags: ['dst-gap'] }),
        ev({ at: '2024-03-31T01:40:00Z' }),
        ev({ at: '2024-03-31T01:50:00Z' }),
      ],
      c,
    );
    expect(e.findings).toContainEqual(
      expect.stringMatching(
        /^The most contacts within one hour: 3, from 31 March 2024 at 02:30 \(the written time did not exist, as the clocks went forward; shown after the change; sms\.xml, line \d+\) to 02:50;/,
      ),
    );
  });
});

describe('exports that never all cover one day', () => {
  // Texts every day of January from one backup, WhatsApp messages every day of February from one chat export:
  // no day is covered by both.
  const SMS = input('case/sms.xml');
  const WA = input('case/WhatsApp Chat with Sam.txt', 'whatsapp-txt');
  const e = analyse(
    [
      ...daily('2024-01-01', twice(31)),
      ...daily('2024-02-01', new Array<number>(29).fill(4), { channel: 'whatsapp', sender: 'Sam', input: 1 }),
    ],
    kase(),
    [SMS, WA],
  );

  it('says so, with what each export covers', () => {
    expect(e.coverage.fullyCovered).toBeNull();
    expect(e.findings).toContain(
      'No day of the window is covered by every export (sms records cover 1–31 January 2024; whatsapp records cover 1–29 February 2024), so no trend, change point or rate comparison is made: the counts above are what the exports hold, and a rate across days an export misses would compare what was exported, not what happened.',
    );
  });

  it('gives the first and last days as counts, not a rate ratio of one export against the other', () => {
    // The JSON's headline compared the sms days with the whatsapp days (2.0 against 4.0 a day, status 'ok'): it
    // now says counts only, with no ratio, interval or p, and which export misses each side's days.
    const h = e.headline.rateNowVsStart;
    expect([h.status, h.rateRatio, h.ci95, h.p, h.overdispersed]).toEqual([
      'not-computable',
      null,
      [null, null],
      null,
      null,
    ]);
    expect([h.before.count, h.after.count]).toEqual([56, 112]);
    expect(h.notCovered!.map((x) => `${x.side}: ${x.text}`)).toEqual([
      'before: whatsapp export starts on 1 February 2024',
      'after: sms export ends on 31 January 2024',
    ]);
    expect(e.findings).toContain(
      'The first and the last 28 days of the window had 56 and 112 contacts (1–28 January 2024; 2–29 February 2024); no rate ratio is given, as no day is covered by every export.',
    );
    expect(e.findings.join('\n')).not.toContain('Latest rate against the first');
  });
});

describe('more cease requests than the report lists', () => {
  it('gives the count as a lower bound and the dates as a range, not "99 later messages" and 99 dates', () => {
    const sam = { conversation: 'Sam', channel: 'whatsapp' as const, sender: 'Sam' };
    // 130 days, a text from the subject each day and, each evening, the victim asking him to stop.
    const asks = Array.from({ length: 130 }, (_, d) =>
      ev({
        ...sam,
        at: new Date(Date.parse('2024-01-01T21:00:00Z') + d * 86_400_000).toISOString(),
        text: 'Please leave me alone.',
        incident: false,
        role: 'victim',
        direction: 'outgoing',
        sender: 'Alex',
      }),
    );
    const e = analyse([...daily('2024-01-01', new Array<number>(130).fill(1), sam), ...asks], kase(), [
      input('case/WhatsApp Chat with Sam.txt', 'whatsapp-txt'),
    ]);
    expect(e.ceaseRequest.requests).toHaveLength(100);
    expect(e.findings).toContainEqual(
      expect.stringMatching(
        /^Alex first asked for contact to stop on 1 January 2024 at 21:00 \(whatsapp: “Please leave me alone\.”, WhatsApp Chat with Sam\.txt, line \d+\); at least 99 later messages also contain a request to stop, those 99 from 2 January to 9 April 2024 \(the report lists the first 100 requests only\)\.$/,
      ),
    );
  });
});

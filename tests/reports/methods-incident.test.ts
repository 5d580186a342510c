/**
 * The HTML "Evidence and method" section says what an incident is for this report: with the subject named, only
 * their records; with only the victim named, every other sender's records, which the section must not deny.
 */
import { describe, expect, it } from 'vitest';
import { cli, NOW } from '../helpers/cli.js';

const DIR = 'fixtures/national-numbers';

/** The text of the "Incident" entry of the methods list. */
function incidentMethod(args: string[]): string {
  const r = cli(['report', DIR, '--region', 'GB', '--format', 'html', '--now', NOW, ...args]);
  expect(r.code).toBe(0);
  const page = r.stdout;
  const at = page.indexOf('<dt>Incident</dt><dd>', page.indexOf('<dl class="methods">'));
  expect(at).toBeGreaterThan(0);
  return page.slice(at, page.indexOf('</dd>', at));
}

describe('the methods entry for incidents', () => {
  it('with the subject named: only records attributed to them; other people are not incidents', () => {
    const m = incidentMethod(['--subject', '+447700900123']);
    expect(m).toContain('A record attributed to the subject');
    expect(m).toContain('Records from other people and withheld numbers are not incidents.');
  });

  it('with only the victim named: every other sender counts, and it says how to narrow it', () => {
    const m = incidentMethod(['--victim', 'Jo']);
    expect(m).toContain('No subject was named, so every record not sent by the victim');
    expect(m).toContain('family, friends and businesses included');
    expect(m).not.toContain('Records from other people');
  });
});

describe('with no subject named, nothing says the senders were attributed to the subject', () => {
  const run = (format: string) =>
    cli(['report', DIR, '--region', 'GB', '--victim', 'Jo', '--format', format, '--now', NOW]).stdout;

  it('the rate finding and S-DASH question 9 say every sender but the victim is counted', () => {
    const r = JSON.parse(run('json'));
    expect(r.escalation.findings[0]).toContain(
      'there were 8 contacts from senders other than the victim (no subject was named, so all of them are counted)',
    );
    const q9 = r.escalation.sdash.find((q: { number: number }) => q.number === 9);
    expect(q9.facts[0].text).toBe(
      'The incidents come from 4 senders other than the victim, all counted because no subject was named: +447700900123 (5), +447700900321 (1), 88022 (1), +447700900456 (1).',
    );
    expect(JSON.stringify(r.escalation)).not.toContain('attributed to the subject');
  });

  it('the Markdown identifiers line and the HTML identifiers card say the same', () => {
    expect(run('markdown')).toContain(
      '4 identifiers of senders other than the victim \\(no subject was named\\):',
    );
    expect(run('html')).toContain('of senders other than the victim (no subject named)');
  });
});

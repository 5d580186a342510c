/**
 * The HTML "Evidence and method" section says what an incident is for this report: with the subject named, only
 * their records; with only the recipient named, every other sender's records, which the section must not deny.
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

  it('with only the recipient named: every other sender counts, and it says how to narrow it', () => {
    const m = incidentMethod(['--victim', 'Jo']);
    expect(m).toContain('No subject was named, so every record not sent by the recipient');
    expect(m).toContain('family, friends and businesses included');
    expect(m).not.toContain('Records from other people');
  });
});

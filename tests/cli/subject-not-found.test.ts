/**
 * A report whose subject identifiers match no sender while others wrote (a mistyped `--subject Samm`) is not a
 * clean "no incidents" result: the headline of every human-readable report says it is not a finding of no contact
 * and why, with the warning's hint (the near match, the senders found), and stderr says so under the summary line,
 * where a run that writes its report to a file is otherwise seen. The run still ends with exit 0: a case may name
 * a number these exports do not hold, and --strict is about records read, not identifiers.
 */
import { describe, expect, it } from 'vitest';
import { cli, NOW } from '../helpers/cli.js';

const SAM = 'fixtures/demo-case/WhatsApp Chat with Sam.txt';
const ARGS = ['--now', NOW, '--tz', 'Europe/London'];

const WHY =
  'no sender in these inputs matched the subject\'s identifiers ("Samm"), so no message or call from them is counted as an incident.';
const HINT =
  'Did you mean --subject sam? "Samm" is close to the sender sam (Sam), with 74 records; check that it is the subject before naming them so. Senders found, with their records: sam (Sam): 74; alex (Alex): 10. Name the subject by one of these with --subject; chronolog inspect lists them all.';

describe('a report whose subject identifiers match no sender', () => {
  it('says in the text headline and on stderr that no incidents is not a finding of no contact', () => {
    const r = cli(['report', SAM, '--subject', 'Samm', ...ARGS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(1, 3)).toEqual([
      `No incidents found, but this is not a finding of no contact: ${WHY} Zone Europe/London.`,
      HINT,
    ]);
    expect(r.stderr).toBe(
      [
        'chronolog: 86 records from 1 file: 84 events (84 kept, 0 duplicates), 2 skipped, 0 rejected; 0 incidents; 0 errors, 2 warnings (listed in the report)',
        `chronolog: 0 incidents is not a finding of no contact: ${WHY}`,
        `  hint: ${HINT}`,
        '',
      ].join('\n'),
    );
  });

  it('says it in the Markdown and HTML headlines', () => {
    const md = cli(['report', SAM, '--subject', 'Samm', '--format', 'markdown', ...ARGS]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain(
      '**No incidents found, but this is not a finding of no contact:** no sender in these inputs matched the subject\'s identifiers \\("Samm"\\)',
    );
    expect(md.stdout).toContain('Did you mean --subject sam?');
    const html = cli(['report', SAM, '--subject', 'Samm', '--format', 'html', ...ARGS]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain(
      '<p class="lede">No incidents were found, but this is not a finding of no contact: no sender in these inputs matched the subject&#39;s identifiers (&#34;Samm&#34;)',
    );
    expect(html.stdout).not.toContain('No incidents attributed to the subject');
    expect(html.stdout).toContain(
      '<p>Did you mean --subject sam? &#34;Samm&#34; is close to the sender sam (Sam)',
    );
  });

  it('keeps exit 0 with --strict, which asks that every record was read', () => {
    const r = cli(['report', SAM, '--subject', 'Samm', '--strict', '--format', 'json', ...ARGS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('chronolog: 0 incidents is not a finding of no contact: ');
  });

  it('says nothing of it once the subject is found', () => {
    const r = cli(['report', SAM, '--subject', 'sam', ...ARGS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('not a finding');
    expect(r.stdout).not.toContain('not a finding');
  });
});

/**
 * What the help and the JSON Schema say matches what the commands do: each command's "Exit codes" names only
 * options it takes, and the timeline schema describes `local` as the rows write it at each precision.
 */
import { describe, expect, it } from 'vitest';
import { cli, DEMO } from '../helpers/cli.js';

describe('exit codes in each command help', () => {
  it('name --strict only for the commands that take it', () => {
    for (const command of ['report', 'timeline']) {
      expect(cli([command, '--help']).stdout).toMatch(/^ {2}1 {2}.*or --strict and a record was$/m);
    }
    for (const command of ['inspect', 'anonymise']) {
      const help = cli([command, '--help']).stdout;
      expect(help).toMatch(/^Exit codes:$/m);
      expect(help).not.toMatch(/--strict/);
      // The option the help would have named is refused.
      const r = cli([command, DEMO, '--strict']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/unknown option '--strict'/);
    }
  });

  it('name "no subject named" only for the commands that need a subject', () => {
    expect(cli(['inspect', '--help']).stdout).not.toMatch(/no subject named/);
    // inspect lists the participants of a chat that names no subject, and exits 0.
    const r = cli(['inspect', 'fixtures/whatsapp-txt/android-24h-dmy.txt', '--tz', 'Europe/London']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/subject: not set/);
    expect(cli(['anonymise', '--help']).stdout).toMatch(/no subject named/);
  });

  it('verify says that another file given in place of the JSON report is a usage error, exit 2', () => {
    expect(cli(['verify', '--help']).stdout).toMatch(/Exit 2 for a usage error/);
    const r = cli(['verify', `${DEMO}/incident-diary.csv`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a chronolog JSON report/);
  });
});

describe('the timeline schema', () => {
  it('describes local as the rows write it, at every precision', () => {
    const schema = JSON.parse(cli(['schema', '--of', 'timeline']).stdout);
    const description: string = schema.properties.local.description;
    const shapes: Record<string, RegExp> = {
      day: /^\d{4}-\d\d-\d\d$/,
      min: /^\d{4}-\d\d-\d\d \d\d:\d\d$/,
      s: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
      ms: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/,
    };
    const written: Record<string, string> = {
      day: 'YYYY-MM-DD (day)',
      min: 'YYYY-MM-DD HH:mm (min)',
      s: 'YYYY-MM-DD HH:mm:ss (s)',
      ms: 'YYYY-MM-DD HH:mm:ss.SSS (ms)',
    };
    const r = cli(['timeline', DEMO, '--format', 'jsonl', '--quiet'], { TZ: 'Europe/London' });
    expect(r.code, r.stderr).toBe(0);
    const seen = new Set<string>();
    for (const line of r.stdout.trimEnd().split('\n')) {
      const row = JSON.parse(line) as { local: string; precision: string };
      expect(row.local, row.precision).toMatch(shapes[row.precision]!);
      seen.add(row.precision);
    }
    // The demo case has records at every precision (SMS backups, an iPhone chat, an Android chat, a diary).
    expect([...seen].sort()).toEqual(['day', 'min', 'ms', 's']);
    for (const p of seen) expect(description).toContain(written[p]);
  });
});

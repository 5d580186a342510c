/**
 * A record that gives only a date (a diary's letter, found in the morning) has no time of day: summaries show
 * its date alone, never 00:00, which would make up a time (the first and last incident, each identifier's
 * first and last use, and inspect's first and last event per file).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-date-only-');
afterAll(() => s.cleanup());
s.file(
  'diary.csv',
  [
    'Date,Time,Type,Description',
    '2024-03-10,,Letter,Letter through the door with no stamp',
    '2024-03-11,21:40,Text,Where are you',
    '2024-03-12,,Letter,Second letter left on the car',
    '',
  ].join('\n'),
);

describe('records that give only a date', () => {
  it('the report gives the first and last incident and use by date alone, a timed one to the minute', () => {
    const r = cli(['report', s.dir, '--victim', 'Jo', '--format', 'json', '--now', NOW]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.incidents).toMatchObject({ firstLocal: '2024-03-10', lastLocal: '2024-03-12' });
    expect(report.identifiers).toEqual([
      expect.objectContaining({ firstLocal: '2024-03-10', lastLocal: '2024-03-12', incidents: 3 }),
    ]);
    const text = cli(['report', s.dir, '--victim', 'Jo', '--now', NOW]).stdout;
    expect(text).toMatch(/^Period {6}2024-03-10 → 2024-03-12 /m);
    expect(text).not.toMatch(/2024-03-1[02] 00:00/);
    const html = cli(['report', s.dir, '--victim', 'Jo', '--format', 'html', '--now', NOW]).stdout;
    expect(html).toContain('12 March 2024');
    expect(html).not.toMatch(/12 March 2024, 00:00/);
  });

  it('a timed record at either end is still shown to the minute', () => {
    const t = scratch('chronolog-date-only-timed-');
    try {
      t.file(
        'diary.csv',
        'Date,Time,Type,Description\n2024-03-10,,Letter,A letter\n2024-03-11,21:40,Text,Where are you\n',
      );
      const report = JSON.parse(
        cli(['report', t.dir, '--victim', 'Jo', '--format', 'json', '--now', NOW]).stdout,
      );
      expect(report.incidents).toMatchObject({ firstLocal: '2024-03-10', lastLocal: '2024-03-11 21:40' });
    } finally {
      t.cleanup();
    }
  });

  it('inspect gives each file’s first and last event the same way', () => {
    const r = cli(['inspect', s.dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).inputs[0]).toMatchObject({
      firstLocal: '2024-03-10',
      lastLocal: '2024-03-12',
    });
    expect(cli(['inspect', s.dir]).stdout).toContain('2024-03-10 → 2024-03-12');
  });
});

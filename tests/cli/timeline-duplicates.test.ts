/**
 * `timeline --with-duplicates`: every duplicate de-duplication dropped is a row of its own, marked as one, right
 * after the copy kept in its place, whose file and locator it names (and the reason, where dedupe gives one): so
 * every duplicate the accounting counts can be traced to its copy kept, not only the first five and the last of
 * each file the report's `duplicatesAt` samples. Without the option the timeline is as before. The Markdown and
 * HTML reports, under the duplicates they list, give the command line that writes them all, and the rule for
 * which copy is kept.
 *
 * Fixtures: the demo case (238 duplicates across SMS backups and two WhatsApp exports, more than `duplicatesAt`
 * shows), fixtures/whatsapp-deleted-between-exports (placeholders counted as duplicates of the message another
 * export still holds: reason "deleted-placeholder") and fixtures/coverage-overlapping-backups (two SMS backups
 * sharing three texts).
 */
import { cpSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema, TimelineRowSchema } from '../../src/model/index.js';
import { chronologOutput } from '../../src/model/output-marks.js';
import { DUPLICATE_COLUMNS, TIMELINE_COLUMNS } from '../../src/model/timeline-columns.js';
import { duplicatesCommand, KEPT_RULE } from '../../src/reports/duplicates-command.js';
import { cli, cliAsync, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-timeline-duplicates-');
afterAll(() => s.cleanup());

const DELETED = 'fixtures/whatsapp-deleted-between-exports';
const BACKUPS = 'fixtures/coverage-overlapping-backups';
const HEADER = [...TIMELINE_COLUMNS, ...DUPLICATE_COLUMNS];

interface Case {
  report: Report;
  /** The CSV with --with-duplicates, as records (arrays of cells), header first. */
  rows: string[][];
  /** The CSV without it. */
  plain: string[][];
  plainCsv: string;
  /** JSON Lines with --with-duplicates, parsed by the schema. */
  jsonl: ReturnType<typeof TimelineRowSchema.parse>[];
  plainJsonl: string;
}

async function read(dir: string): Promise<Case> {
  const runs = await Promise.all([
    cliAsync(['report', dir, '--format', 'json', '--now', NOW, '--quiet']),
    cliAsync(['timeline', dir, '--with-duplicates', '--quiet']),
    cliAsync(['timeline', dir, '--quiet']),
    cliAsync(['timeline', dir, '--with-duplicates', '--format', 'jsonl', '--quiet']),
    cliAsync(['timeline', dir, '--format', 'jsonl', '--quiet']),
  ]);
  for (const r of runs) {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
  const [report, csv, plain, jsonl, plainJsonl] = runs.map((r) => r.stdout) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    report: ReportSchema.parse(JSON.parse(report)),
    rows: parse(csv, { relax_column_count: true }),
    plain: parse(plain, { relax_column_count: true }),
    plainCsv: plain,
    jsonl: jsonl
      .trimEnd()
      .split('\n')
      .map((l) => TimelineRowSchema.parse(JSON.parse(l))),
    plainJsonl,
  };
}

const col = (name: (typeof HEADER)[number]) => HEADER.indexOf(name);

/** Each duplicate row of `rows` (records after the header) with the nearest event kept above it. */
function duplicatesWithKept(rows: string[][]): { dup: string[]; kept: string[] }[] {
  const out: { dup: string[]; kept: string[] }[] = [];
  let kept: string[] | undefined;
  for (const r of rows.slice(1)) {
    if (r[col('duplicate')] === 'no') kept = r;
    else {
      expect(r[col('duplicate')]).toBe('yes');
      expect(kept, 'a duplicate before any event kept').toBeDefined();
      out.push({ dup: r, kept: kept! });
    }
  }
  return out;
}

describe.each([
  [DEMO, 238],
  [DELETED, 8],
  [BACKUPS, 3],
])('timeline %s --with-duplicates', (dir, duplicates) => {
  let c: Case;
  beforeAll(async () => {
    c = await read(dir);
  }, 60_000);

  it('writes every duplicate the accounting counts, each file its own count, each once', () => {
    expect(c.report.accounting.duplicates).toBe(duplicates);
    expect(c.rows[0]).toEqual(HEADER);
    const dups = duplicatesWithKept(c.rows);
    expect(dups).toHaveLength(duplicates);
    expect(c.rows.length - 1 - dups.length).toBe(c.report.accounting.kept);
    for (const input of c.report.inputs) {
      const own = dups.filter(({ dup }) => dup[col('file')] === input.path.replace(/^=/, "'="));
      expect(own, input.path).toHaveLength(input.duplicates);
    }
    const places = new Set(c.rows.slice(1).map((r) => `${r[col('file')]}\u0000${r[col('locator')]}`));
    expect(places.size).toBe(c.rows.length - 1);
  });

  it('puts each right after the copy kept in its place, which it names, from another file', () => {
    for (const { dup, kept } of duplicatesWithKept(c.rows)) {
      expect([dup[col('keptFile')], dup[col('keptLocator')]]).toEqual([
        kept[col('file')],
        kept[col('locator')],
      ]);
      expect(dup[col('file')]).not.toBe(kept[col('file')]);
      expect(dup[col('channel')]).toBe(kept[col('channel')]);
      expect(dup[col('direction')]).toBe(kept[col('direction')]);
      // The same minute: the copies compared are the same record (a deletion placeholder keeps its message's time).
      expect(dup[col('utc')]!.slice(0, 16)).toBe(kept[col('utc')]!.slice(0, 16));
      const placeholder = dup[col('duplicateReason')] === 'deleted-placeholder';
      if (placeholder) {
        expect(dup[col('kind')]).toBe('deleted');
        expect(['message', 'media']).toContain(kept[col('kind')]);
      } else {
        expect(dup[col('duplicateReason')]).toBe('');
        expect(dup[col('kind')]).toBe(kept[col('kind')]);
      }
    }
  });

  it("agrees with every duplicate the report's duplicatesAt locates, reason included", () => {
    const traced = new Map(
      duplicatesWithKept(c.rows).map(({ dup }) => [
        `${dup[col('file')]}\u0000${dup[col('locator')]}`,
        {
          kept: { file: dup[col('keptFile')], locator: dup[col('keptLocator')] },
          reason: dup[col('duplicateReason')],
        },
      ]),
    );
    const sampled = c.report.inputs.flatMap((x) =>
      x.duplicatesAt ? [...x.duplicatesAt.first, x.duplicatesAt.last].map((d) => [x.path, d] as const) : [],
    );
    expect(sampled.length).toBeGreaterThan(0);
    for (const [file, d] of sampled) {
      expect(traced.get(`${file}\u0000${d.locator}`), `${file} ${d.locator}`).toEqual({
        kept: d.kept,
        reason: d.reason ?? '',
      });
    }
  });

  it('leaves the rows of the events kept as they are without the option, which writes what it wrote', () => {
    const kept = c.rows.filter((r) => r[col('duplicate')] !== 'yes');
    for (const r of kept.slice(1)) expect(r.slice(TIMELINE_COLUMNS.length)).toEqual(['no', '', '', '']);
    expect(kept.map((r) => r.slice(0, TIMELINE_COLUMNS.length))).toEqual(c.plain);
    expect(c.plainCsv.slice(0, c.plainCsv.indexOf('\n'))).toBe(TIMELINE_COLUMNS.join(','));
    expect(c.plain.every((r) => r.length === TIMELINE_COLUMNS.length)).toBe(true);
    expect(c.plainJsonl).not.toMatch(/"(duplicate|keptFile|keptLocator|duplicateReason)":/);
  });

  it('JSON Lines: the same rows, with the keys the schema describes, null for the events kept', () => {
    expect(c.jsonl).toHaveLength(c.rows.length - 1);
    const plain = c.plainJsonl
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const kept = c.jsonl.filter((r) => !r.duplicate);
    expect(kept.map(({ duplicate, keptFile, keptLocator, duplicateReason, ...rest }) => rest)).toEqual(plain);
    for (const r of kept) expect([r.keptFile, r.keptLocator, r.duplicateReason]).toEqual([null, null, null]);
    c.jsonl.forEach((r, i) => {
      expect(Object.keys(r)).toEqual(HEADER);
      const csv = c.rows[i + 1]!;
      expect(r.duplicate ? 'yes' : 'no').toBe(csv[col('duplicate')]);
      if (!r.duplicate) return;
      expect(r.id).toBe(csv[col('id')]);
      expect([r.keptLocator, r.duplicateReason ?? '']).toEqual([
        csv[col('keptLocator')],
        csv[col('duplicateReason')],
      ]);
    });
  });
});

describe('timeline --with-duplicates, besides', () => {
  it('gives deletion placeholders their reason, as duplicatesAt does', () => {
    const r = cli(['timeline', DELETED, '--with-duplicates', '--format', 'jsonl', '--quiet']);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => TimelineRowSchema.parse(JSON.parse(l)));
    const placeholders = rows.filter((x) => x.duplicateReason === 'deleted-placeholder');
    expect(placeholders.map((x) => x.locator)).toEqual(['line 3', 'line 6', 'line 9']);
    for (const p of placeholders) {
      expect(p).toMatchObject({ kind: 'deleted', text: 'This message was deleted', duplicate: true });
      expect(p.file).toMatch(/export-2024-05-20\//);
      expect(p.keptFile).toMatch(/export-2024-04-15\//);
    }
  });

  it('neutralises the new cells like every CSV cell: a kept file named "=…" reaches a spreadsheet as text', () => {
    const dir = path.join(s.dir, 'formula');
    cpSync(path.join(ROOT, BACKUPS), dir, { recursive: true });
    renameSync(path.join(dir, 'sms-20240406090000.xml'), path.join(dir, '=sms-20240406090000.xml'));
    const r = cli(['timeline', '.', '--with-duplicates', '--quiet'], {}, dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    const rows: string[][] = parse(r.stdout, { relax_column_count: true });
    const dups = duplicatesWithKept(rows);
    expect(dups.map(({ dup }) => [dup[col('keptFile')], dup[col('keptLocator')]])).toEqual([
      ["'=sms-20240406090000.xml", 'sms[5] (line 10)'],
      ["'=sms-20240406090000.xml", 'sms[6] (line 11)'],
      ["'=sms-20240406090000.xml", 'sms[7] (line 12)'],
    ]);
    expect(r.stdout).not.toMatch(/(^|,)=sms/m);
  });

  it('with --incidents-only, writes the duplicates of the incidents, each after its incident', () => {
    const r = cli(['timeline', DEMO, '--with-duplicates', '--incidents-only', '--quiet']);
    expect(r.code).toBe(0);
    const rows: string[][] = parse(r.stdout, { relax_column_count: true });
    const dups = duplicatesWithKept(rows);
    expect(dups.length).toBeGreaterThan(0);
    expect(rows.slice(1).every((x) => x[col('incident')] === 'yes')).toBe(true);
    for (const { dup, kept } of dups)
      expect([dup[col('keptFile')], dup[col('keptLocator')]]).toEqual([
        kept[col('file')],
        kept[col('locator')],
      ]);
  });

  it('is described by schema --of timeline: four optional keys, only with the option', () => {
    const schema = JSON.parse(cli(['schema', '--of', 'timeline']).stdout);
    expect(Object.keys(schema.properties).slice(-4)).toEqual([...DUPLICATE_COLUMNS]);
    for (const k of DUPLICATE_COLUMNS) {
      expect(schema.required).not.toContain(k);
      expect(schema.properties[k].description).toMatch(/^Only with --with-duplicates/);
    }
    expect(schema.properties.keptFile.description).toMatch(/duplicatesAt\[\]\.kept\.file/);
  });

  it('is in timeline --help', () => {
    const help = cli(['timeline', '--help']).stdout;
    expect(help.replace(/\s+/g, ' ')).toContain(
      '--with-duplicates each duplicate too, a row after the copy kept in its place, naming it',
    );
  });

  it('writes a timeline still recognised as chronolog’s own, which a run over the folder does not read', () => {
    const dir = path.join(s.dir, 'saved');
    cpSync(path.join(ROOT, BACKUPS), dir, { recursive: true });
    const w = cli(['timeline', '.', '--with-duplicates', '--quiet', '--out', 'timeline.csv'], {}, dir);
    expect(w.code).toBe(0);
    expect(chronologOutput(readFileSync(path.join(dir, 'timeline.csv'), 'utf8'))).toBe('timeline');
    const again = cli(['timeline', '.', '--with-duplicates'], {}, dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/timeline\.csv/);
    expect(again.stdout).not.toContain('timeline.csv,');
  });
});

describe('the Markdown and HTML reports, where they list duplicates', () => {
  it('give the command line that writes them all, with the paths and options given, and the rule of the copy kept', () => {
    const args = [DELETED, '--subject', 'Sam', '--tz', 'Europe/London', '--now', NOW, '--quiet'];
    const md = cli(['report', ...args, '--format', 'markdown']);
    const html = cli(['report', ...args, '--format', 'html']);
    expect(md.code).toBe(0);
    expect(html.code).toBe(0);
    const command = `chronolog timeline ${DELETED} --tz Europe/London --subject Sam --with-duplicates --out duplicates.csv`;
    const note = md.stdout.slice(md.stdout.indexOf('Duplicates, with the copy kept of each:'));
    expect(note).toContain(
      `Listed for each file: its first 5 duplicates and its last. Every duplicate, each right after the copy kept in its place and naming it, is written by \`${command}\`. ${KEPT_RULE}`,
    );
    expect(KEPT_RULE).toBe(
      'Of the copies of one record, the one kept is from a file read whole rather than one damaged or read only in part, then from the file whose records are the most precise (to the millisecond, then the second, the minute, the day), then from the file first in sorted path order.',
    );
    // Long words may be given a place to break (a span), which copying leaves out.
    expect(html.stdout.replace(/<\/?span[^>]*>/g, '')).toContain(
      `is written by <code>${command}</code>. ${KEPT_RULE}</p>`,
    );
    // The command as given writes every duplicate the report counts.
    const out = path.join(s.dir, 'all.csv');
    const [, ...words] = command.split(' ');
    const run = cli([...words.slice(0, -1), out]);
    expect(run.code, run.stderr).toBe(0);
    const rows: string[][] = parse(readFileSync(out, 'utf8'), { relax_column_count: true });
    expect(duplicatesWithKept(rows)).toHaveLength(8);
  });

  it('say nothing of it where no duplicate is listed', () => {
    const one = `${DEMO}/sms-20240315120000.xml`;
    const md = cli([
      'report',
      one,
      '--subject',
      '+447700900123',
      '--now',
      NOW,
      '--quiet',
      '--format',
      'markdown',
    ]);
    expect(md.code).toBe(0);
    expect(md.stdout).not.toContain('--with-duplicates');
    const html = cli([
      'report',
      one,
      '--subject',
      '+447700900123',
      '--now',
      NOW,
      '--quiet',
      '--format',
      'html',
    ]);
    expect(html.stdout).not.toContain('--with-duplicates');
  });

  it('quote each word as a shell takes it, and give the computer’s zone with --tz', () => {
    const command = duplicatesCommand({
      run: {
        paths: ['May exports/chat.txt', 'Sam&Jo.txt', 'ok.xml'],
        options: { victim: ['Jo Evans'], formatOf: ['*.txt=whatsapp'], strict: true, from: '2024-01-01' },
      },
      case: { timezone: 'Europe/Paris', timezoneSource: 'system' } as Report['case'],
    });
    expect(command).toBe(
      'chronolog timeline "May exports/chat.txt" "Sam&Jo.txt" ok.xml --victim "Jo Evans" --format-of "*.txt=whatsapp" --tz Europe/Paris --with-duplicates --out duplicates.csv',
    );
  });
});

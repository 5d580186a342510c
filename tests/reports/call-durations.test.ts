/**
 * How long a call lasted reaches every output (fixtures/sms-backup-xml-call-durations): the timeline CSV's 19th
 * column and a JSON Lines field `callDurationSec` (empty or null when unknown), the JSON chronology, and the HTML
 * and Markdown chronologies beside how the call ended ("call (answered, 4 min 12 s)"), so a 0-second call no longer
 * reads like an hour-long one. The CSV and JSON Lines are held to goldens.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/cli/read.js';
import { type Report, type TimelineRow, TimelineRowSchema } from '../../src/model/index.js';
import { TIMELINE_COLUMNS } from '../../src/model/timeline-columns.js';
import { timelineRows } from '../../src/pipeline/rows.js';
import { callLength, kindWithOutcome } from '../../src/reports/labels.js';
import { timelineCsv } from '../../src/reports/timeline-csv.js';
import { timelineJsonl } from '../../src/reports/timeline-jsonl.js';
import { plainEnvironment } from '../helpers/environment.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/sms-backup-xml-call-durations';

/** The timeline rows `chronolog timeline PATHS` writes, made in-process. */
async function rowsOf(paths: string[]): Promise<TimelineRow[]> {
  const { timeline, kase } = await readInputs(paths, { quiet: true }, plainEnvironment);
  return [...timelineRows(timeline, false, kase.lexicon)];
}

const write = (format: typeof timelineCsv, rows: readonly TimelineRow[]) =>
  format.header() + rows.map((r) => format.row(r)).join('');

/** Compares `text` with the golden file `name` in the fixture folder (rewritten with UPDATE_GOLDEN=1). */
function golden(name: string, text: string): void {
  const file = join(DIR, name);
  if (process.env['UPDATE_GOLDEN']) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** The lengths of the nine calls, in file order: three no call can have and one "null" are unknown. */
const LENGTHS = [252, 0, 0, 31, 3725, null, null, null, null];

let rows: TimelineRow[];
let report: Report;
let out: Record<string, string>;
beforeAll(async () => {
  rows = await rowsOf([DIR]);
  report = await reportOf([DIR]);
  out = renderAll(report);
});

describe('the timeline CSV', () => {
  it('matches its golden', () => {
    golden('timeline.expected.csv', write(timelineCsv, rows));
  });

  it('appends callDurationSec after the columns of earlier versions, which keep their places', () => {
    const header = timelineCsv.header();
    expect(header).toBe(
      'id,utc,local,precision,channel,kind,callStatus,direction,sender,senderResolved,role,incident,text,file,sha256,locator,flags,details,callDurationSec,lexicon\n',
    );
    // 19th, after details; lexicon was appended after it.
    expect(TIMELINE_COLUMNS.indexOf('callDurationSec')).toBe(18);
  });

  it('gives each call its length in seconds in the 19th cell, empty when unknown', () => {
    const cells: string[][] = parseCsv(write(timelineCsv, rows));
    expect(cells.slice(1).map((r) => r.length)).toEqual(LENGTHS.map(() => TIMELINE_COLUMNS.length));
    expect(cells.slice(1).map((r) => r[18])).toEqual(LENGTHS.map((s) => (s === null ? '' : String(s))));
    // The cells before it are where they were: the locator still 16th, the details 18th.
    expect(cells.slice(1, 3).map((r) => [r[15], r[17]])).toEqual([
      ['call[0] (line 5)', ''],
      ['call[1] (line 6)', ''],
    ]);
  });

  it('leaves the cell empty for an event that is no call', async () => {
    const sms = (await rowsOf(['fixtures/report-call-outcomes'])).filter((r) => r.channel === 'sms');
    expect(sms.length).toBeGreaterThan(0);
    expect(sms.map((r) => r.callDurationSec)).toEqual(sms.map(() => null));
    const cells: string[][] = parseCsv(write(timelineCsv, sms));
    expect(cells.slice(1).map((r) => r[18])).toEqual(sms.map(() => ''));
  });
});

describe('the timeline JSON Lines', () => {
  it('matches its golden', () => {
    golden('timeline.expected.jsonl', write(timelineJsonl, rows));
  });

  it('gives callDurationSec in every row, a number of seconds or null, after the fields of earlier versions', () => {
    const objects = write(timelineJsonl, rows)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of objects) expect(Object.keys(o)).toEqual([...TIMELINE_COLUMNS]);
    expect(objects.map((o) => o['callDurationSec'])).toEqual(LENGTHS);
    for (const o of objects) TimelineRowSchema.parse(o);
  });

  it('is described in the schema `chronolog schema timeline` prints', () => {
    expect(TimelineRowSchema.shape.callDurationSec.description).toMatch(
      /^How long the call lasted, in seconds/,
    );
  });
});

describe('the chronologies', () => {
  /** Sam's eight calls: the victim's own call to Alex is no incident. */
  const KINDS = [
    'call (answered, 4 min 12 s)',
    'call (missed)',
    'call (voicemail, 31 s)',
    'call (answered, 1 h 2 min 5 s)',
    'call (answered)',
    'call (answered)',
    'call (missed)',
    'call (rejected)',
  ];

  it('carry the length in the JSON chronology', () => {
    expect(report.chronology!.map((c) => [c.callStatus, c.callDurationSec])).toEqual([
      ['answered', 252],
      ['missed', 0],
      ['voicemail', 31],
      ['answered', 3725],
      ['answered', null],
      ['answered', null],
      ['missed', null],
      ['rejected', null],
    ]);
  });

  it('say it beside how the call ended, in the same words in Markdown and HTML', () => {
    const md = out['markdown']!;
    const mdKinds = md
      .slice(md.indexOf('## Chronology of incidents'))
      .split('\n')
      .filter((l) => l.startsWith('| 2024-'))
      .map((l) => l.split(/(?<!\\)\|/)[3]!.trim());
    expect(mdKinds).toEqual(KINDS);
    const annex = out['html']!.slice(out['html']!.indexOf('id="annex-table"'));
    const html = [...annex.matchAll(/<td class="when">[^<]*<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g)].map(
      (m) => m[1],
    );
    expect(html).toEqual(KINDS);
  });

  it('list the warning about the three lengths no call can have', () => {
    expect(report.problems.filter((p) => p.code === 'SMS_BAD_CALL_DURATION')).toEqual([
      expect.objectContaining({ severity: 'warning', locator: 'call[5] (line 10)' }),
    ]);
  });
});

describe('a call length in words', () => {
  it('writes hours, minutes and seconds, leaving out the units that are zero', () => {
    expect([0, 0.4, 1, 59.6, 60, 252, 3600, 3605, 3725, 86_400].map(callLength)).toEqual([
      '0 s',
      '0 s',
      '1 s',
      '1 min',
      '1 min',
      '4 min 12 s',
      '1 h',
      '1 h 5 s',
      '1 h 2 min 5 s',
      '24 h',
    ]);
  });

  it('says "0 s" where no answer is news, and leaves it out where the outcome already says no one spoke', () => {
    const kind = (callStatus: string | null, callDurationSec?: number | null) =>
      kindWithOutcome({ kind: 'call', callStatus, callDurationSec });
    expect([
      kind('outgoing', 0),
      kind('answered', 0),
      kind('missed', 0),
      kind('rejected', 0),
      kind('blocked', 0),
      kind('missed', 12),
      kind('unknown', 120),
      kind('answered', null),
      kind('answered'),
      kind(null, 30),
      kind('answered', -5),
      kindWithOutcome({ kind: 'message', callStatus: null, callDurationSec: null }),
    ]).toEqual([
      'call (outgoing, 0 s)',
      'call (answered, 0 s)',
      'call (missed)',
      'call (rejected)',
      'call (blocked)',
      'call (missed, 12 s)',
      'call (unknown, 2 min)',
      'call (answered)',
      'call (answered)',
      'call (30 s)',
      'call (answered)',
      'message',
    ]);
  });
});

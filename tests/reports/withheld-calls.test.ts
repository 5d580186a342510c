/**
 * Incoming calls with no number shown (withheld, unknown, payphone: flagged `withheld`) are attributed to no one,
 * so never incidents; the report counts them apart (`withheldCalls`) and every human-readable format says so. The
 * JSON's figures are checked against the timeline's own rows of the demo case (50 such calls in its call log), so
 * each count traces to records; a case without such calls has no `withheldCalls` key at all.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report, TimelineRow } from '../../src/model/index.js';
import { cli, DEMO, NOW, ROOT } from '../helpers/cli.js';

const demo = path.join(ROOT, DEMO);

function report(dir: string, args: string[] = []): Report {
  const r = cli(['report', dir, '--format', 'json', '--quiet', '--now', NOW, ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

function rows(dir: string): TimelineRow[] {
  const r = cli(['timeline', dir, '--format', 'jsonl', '--quiet']);
  expect(r.code).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as TimelineRow);
}

describe('calls with no number shown', () => {
  it('are counted apart from the incidents, each figure as the timeline rows give it', () => {
    const w = report(demo).withheldCalls!;
    const calls = rows(demo).filter(
      (r) =>
        r.kind === 'call' &&
        r.direction === 'incoming' &&
        !r.incident &&
        r.flags.split(' ').includes('withheld'),
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(w.total).toBe(calls.length);
    const tally = (key: (r: TimelineRow) => string) => {
      const m: Record<string, number> = {};
      for (const r of calls) m[key(r)] = (m[key(r)] ?? 0) + 1;
      return m;
    };
    expect(w.byCallStatus).toEqual(tally((r) => r.callStatus ?? 'unknown'));
    expect(w.byCaller).toEqual(tally((r) => r.sender ?? ''));
    expect(w.first.id).toBe(calls[0]!.id);
    expect(w.last.id).toBe(calls[calls.length - 1]!.id);
    expect(w.first.locator).toBe(calls[0]!.locator);
    const days = new Set(calls.map((r) => r.local.slice(0, 10)));
    expect(w.days).toBe(days.size);
    const contact = new Set(
      rows(demo)
        .filter((r) => r.incident)
        .map((r) => r.local.slice(0, 10)),
    );
    expect(w.daysWithIncidents).toBe([...days].filter((d) => contact.has(d)).length);
  });

  it('are said in the text, Markdown and HTML reports, as not counted as incidents', () => {
    const w = report(demo).withheldCalls!;
    const text = cli(['report', demo, '--quiet', '--now', NOW]).stdout;
    expect(text).toContain(
      `Withheld    ${w.total} incoming calls with no number shown, not counted as incidents:`,
    );
    const md = cli(['report', demo, '--format', 'markdown', '--quiet', '--now', NOW]).stdout;
    expect(md).toContain(
      `**Calls with no number shown.** ${w.total} incoming calls came from a number the phone did not get \\(withheld, unknown or payphone\\): attributed to no one, so not counted as incidents.`,
    );
    const html = cli(['report', demo, '--format', 'html', '--quiet', '--now', NOW]).stdout;
    expect(html).toContain(
      `${w.total} incoming calls came from a number the phone did not get (withheld, unknown or payphone): attributed to no one, so not counted as incidents.`,
    );
    // The file name and its bracket are one run of more than 20 characters, which may break anywhere (escape.ts).
    expect(html).toContain(`<span class="brk">(calls-20240601090000.xml</span> ${w.first.locator})`);
  });

  it('leave the report as it was when there are none', () => {
    const r = report(path.join(ROOT, 'fixtures/csv-diary-template-rows'), [
      '--subject',
      'Sam',
      '--tz',
      'Europe/London',
    ]);
    expect('withheldCalls' in r).toBe(false);
  });
});

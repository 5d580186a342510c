/**
 * Where duplicates are (`inputs[].duplicatesAt`): for each input, the first SKIPPED_AT_FIRST records dropped as
 * copies of records another input holds, and the last, each with the file and locator of the copy kept in its
 * place, so a reader checking "238 duplicates" can open both files at both places and see one record.
 *
 * fixtures/duplicates-located holds three exports of one WhatsApp chat, taken on 24 February, 2 March and 16 March
 * 2024. Sam sent "Answer me" five times in the minute 21:14 of 24 February; the first export was taken during that
 * minute and holds three of them. All three files are to the minute and intact, so they are compared in path order:
 * the second export's first three are copies of the first export's three, and its fourth and fifth are kept from
 * it; the third export's first three map to the first export, its fourth and fifth to the second (the n-th copy
 * of a record in one input duplicates the n-th copy kept). fixtures/demo-case has two overlapping SMS backups.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Report, SKIPPED_AT_FIRST } from '../../src/model/index.js';
import { duplicatesCited } from '../../src/reports/format.js';
import { at, thirdExportDuplicatesAt } from '../helpers/duplicates-located.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/duplicates-located';
const FEB = `${DIR}/export-2024-02-24/WhatsApp Chat with Sam.txt`;
const MAR = `${DIR}/export-2024-03-02/WhatsApp Chat with Sam.txt`;
const MID = `${DIR}/export-2024-03-16/WhatsApp Chat with Sam.txt`;

/** Line `n` (1-based) of `file`. */
const lineOf = (file: string, n: number) => readFileSync(file, 'utf8').split('\n')[n - 1]!;
/** The line number a locator such as "line 4" or "sms[3] (line 8)" names. */
const lineNumber = (locator: string) => Number(/line (\d+)\)?$/.exec(locator)![1]);

let report: Report;
let rendered: Record<string, string>;
beforeAll(async () => {
  report = await reportOf([DIR]);
  rendered = renderAll(report);
});
const inputOf = (r: Report, p: string) => r.inputs.find((i) => i.path === p)!;

describe('where duplicates are, in the JSON report (three exports of one chat)', () => {
  it('keeps five "Answer me", not three, ten or fifteen, and the books add up', () => {
    expect(report.inputs.map((i) => [i.path, i.records, i.kept, i.duplicates, i.skipped])).toEqual([
      [FEB, 4, 3, 0, 1],
      [MAR, 12, 8, 3, 1],
      [MID, 15, 3, 11, 1],
    ]);
    const burst = report.chronology!.filter(
      (e) => e.text === 'Answer me' && e.local.startsWith('2024-02-24'),
    );
    expect(burst.map((e) => [e.file, e.locator])).toEqual([
      [FEB, 'line 2'],
      [FEB, 'line 3'],
      [FEB, 'line 4'],
      [MAR, 'line 5'],
      [MAR, 'line 6'],
    ]);
  });

  it('leaves duplicatesAt out of the input with none', () => {
    expect(inputOf(report, FEB)).not.toHaveProperty('duplicatesAt');
  });

  it('maps the n-th copy of a record in an export to the n-th copy kept: the second export', () => {
    expect(inputOf(report, MAR).duplicatesAt).toEqual({
      first: [at('line 2', FEB, 'line 2'), at('line 3', FEB, 'line 3'), at('line 4', FEB, 'line 4')],
      last: at('line 4', FEB, 'line 4'),
    });
  });

  it('maps the third export\'s fourth and fifth "Answer me" to the second export, and names its last duplicate', () => {
    expect(inputOf(report, MID).duplicatesAt).toEqual(thirdExportDuplicatesAt(FEB, MAR));
    expect(inputOf(report, MID).duplicatesAt!.first).toHaveLength(SKIPPED_AT_FIRST);
  });

  it('names, for every place given, two lines of the exports that hold one record', () => {
    for (const i of report.inputs) {
      for (const d of [...(i.duplicatesAt?.first ?? []), ...(i.duplicatesAt ? [i.duplicatesAt.last] : [])]) {
        expect(lineOf(i.path, lineNumber(d.locator))).toBe(lineOf(d.kept.file, lineNumber(d.kept.locator)));
        // The copy kept is in the timeline, at that file and locator.
        expect(report.chronology!.some((e) => e.file === d.kept.file && e.locator === d.kept.locator)).toBe(
          true,
        );
      }
    }
  });
});

describe('where duplicates are, in the two overlapping SMS backups of fixtures/demo-case', () => {
  const OLD = 'fixtures/demo-case/sms-20240315120000.xml';
  const NEW = 'fixtures/demo-case/sms-20240601090000.xml';
  let demo: Report;
  beforeAll(async () => {
    demo = await reportOf(['fixtures/demo-case']);
  });

  it("locates the later backup's first five copies and its last by element and line, with the earlier backup's", () => {
    const later = inputOf(demo, NEW);
    expect(later.duplicates).toBe(238);
    expect(later.duplicatesAt).toEqual({
      first: [
        at('sms[0] (line 5)', OLD, 'sms[287] (line 292)'),
        at('sms[1] (line 6)', OLD, 'sms[288] (line 293)'),
        at('sms[2] (line 7)', OLD, 'sms[289] (line 294)'),
        at('sms[3] (line 8)', OLD, 'sms[290] (line 295)'),
        at('sms[4] (line 9)', OLD, 'sms[291] (line 296)'),
      ],
      last: at('mms[0] (line 756)', OLD, 'mms[0] (line 529)'),
    });
    // The same element, attribute for attribute, in both backups.
    for (const d of [...later.duplicatesAt!.first, later.duplicatesAt!.last])
      expect(lineOf(NEW, lineNumber(d.locator))).toBe(lineOf(OLD, lineNumber(d.kept.locator)));
    expect(demo.inputs.filter((i) => i.duplicatesAt).map((i) => i.path)).toEqual([NEW]);
  });
});

describe('where duplicates are, in the reports people read', () => {
  it('says it in the Markdown, after the skipped and rejected records, naming each file kept in once', () => {
    const md = rendered['markdown']!;
    // The files kept in as the report's sentences cite a file: the end of the path no other input's path ends
    // with (all three are "WhatsApp Chat with Sam.txt"), each named once for the run of copies kept in it.
    const [feb, mar] = [FEB, MAR].map((p) => p.slice(`${DIR}/`.length));
    const list = [
      'Duplicates, with the copy kept of each:',
      '',
      `- ${MAR}: duplicates 3 (copies kept in ${feb}: line 2 → line 2; line 3 → line 3; line 4 → line 4)`,
      `- ${MID}: duplicates 11 (copies kept in ${feb}: line 2 → line 2; line 3 → line 3; line 4 → line 4; in ${mar}: line 5 → line 5; line 6 → line 6 … line 12 → line 12)`,
      '',
    ].join('\n');
    expect(md).toContain(list);
    expect(md.indexOf('Skipped and rejected records by reason:')).toBeLessThan(md.indexOf(list));
  });

  it('says it under each file of the HTML table of files read, citing the files kept in by their keys', () => {
    const html = rendered['html']!;
    const f1 = `<a href="#f1" title="${FEB}">F1</a>`;
    const f2 = `<a href="#f2" title="${MAR}">F2</a>`;
    expect(html).toContain(
      `<span class="sub">duplicates: 3 (copies kept in ${f1}: line 2 → line 2; line 3 → line 3; line 4 → line 4)</span>`,
    );
    expect(html).toContain(
      `<span class="sub">duplicates: 11 (copies kept in ${f1}: line 2 → line 2; line 3 → line 3; line 4 → line 4; in ${f2}: line 5 → line 5; line 6 → line 6 … line 12 → line 12)</span>`,
    );
    // The keys are the table's: F1 is the row of the first export, F2 of the second. (A path's long first word is
    // wrapped in a span where the line may break: html/escape.ts.)
    const rows = html.replace(/<span class="brk">([^<]*)<\/span>/g, '$1');
    expect(rows).toContain(`<span id="f1">F1</span></th><td class="file"><bdi class="path">${FEB}</bdi>`);
    expect(rows).toContain(`<span id="f2">F2</span></th><td class="file"><bdi class="path">${MAR}</bdi>`);
  });

  it('names the last after "; " when it is the next one, after "…" when some are not named, and each file once a run', () => {
    const cite = (at: Parameters<typeof duplicatesCited>[0], count: number) =>
      duplicatesCited(
        at,
        count,
        (p) => `<${p}>`,
        (s) => s,
      );
    const d = (n: number, file = FEB) => at(`line ${n}`, file, `line ${n}`);
    const six = { first: [2, 3, 4, 5, 6].map((n) => d(n)), last: d(7) };
    expect(cite(six, 6)).toBe(
      `copies kept in <${FEB}>: ${[2, 3, 4, 5, 6, 7].map((n) => `line ${n} → line ${n}`).join('; ')}`,
    );
    expect(cite(six, 7)).toMatch(/; line 6 → line 6 … line 7 → line 7$/);
    expect(cite({ first: [d(2)], last: d(2) }, 1)).toBe(`copies kept in <${FEB}>: line 2 → line 2`);
    // A file kept in is named again when the run returns to it, and after the gap when the last is elsewhere.
    const mixed = { first: [d(2), d(3, MAR), d(4)], last: d(9, MID) };
    expect(cite(mixed, 8)).toBe(
      `copies kept in <${FEB}>: line 2 → line 2; in <${MAR}>: line 3 → line 3; in <${FEB}>: line 4 → line 4 … in <${MID}>: line 9 → line 9`,
    );
  });

  it('renders a report made before duplicatesAt as before: the counts, no places', () => {
    const before = structuredClone(report);
    for (const i of before.inputs) delete i.duplicatesAt;
    const again = renderAll(before);
    expect(again['markdown']).not.toContain('Duplicates, with the copy kept');
    expect(again['html']).not.toContain('duplicates: ');
    expect(again['markdown']).toContain('| 11 |');
  });

  it('keeps the one-screen text report as it was', () => {
    expect(rendered['text']).not.toContain('→ fixtures/');
  });
});

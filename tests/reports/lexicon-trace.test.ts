/**
 * Every lexicon count of the report can be traced to its incidents (fixtures/lexicon-trace, Europe/London, window
 * 14–28 March 2024 from the case file, which adds a term to "threats" and a category "vehicle" of its own):
 * - the timeline's last column, `lexicon`, names the categories each incident's text matches (';'-joined in CSV, an
 *   array in JSON Lines), and the JSON chronology's `lexicon` field the same, so that among the incidents inside the
 *   window, those naming category c are as many as `escalation.content.categories[c].incidents`;
 * - an event that is not an incident (Riley's reply, whose "your friends" the lexicon would match) names none, as the
 *   report searches no such text; the 3 incidents outside the window (13, 29 and 30 March) name theirs, uncounted;
 * - the HTML and Markdown chronologies write the categories' labels after the text, escaped; the methods say where
 *   the counted incidents are listed;
 * - a timeline saved before the column existed is still recognised as chronolog's own output.
 * - a case file's category name is a plain name (a letter or digit first; letters, marks, digits, spaces, - _ .;
 *   no space last), so it reads the same in every row and format: anything else, `__proto__` too, is a field error.
 * The report is made both by the built CLI (its text marks read while the timeline is read) and in-process (the
 * stored texts searched afterwards): the two agree.
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema, type TimelineRow, TimelineRowSchema } from '../../src/model/index.js';
import { TIMELINE_COLUMNS } from '../../src/model/timeline-columns.js';
import { cli, NOW } from '../helpers/cli.js';
import { renderAll, reportOf } from '../helpers/report.js';
import { scratch } from '../helpers/robustness.js';

const DIR = 'fixtures/lexicon-trace';
const CHAT = `${DIR}/WhatsApp Chat with Jordan.txt`;

/** Counted by hand from the fixture: the incidents inside the window whose text matches each category. */
const COUNTS = {
  threats: 2,
  intimidation: 2,
  'self-harm': 0,
  surveillance: 5,
  'third-parties': 2,
  sexual: 0,
  abuse: 1,
  'property-damage': 2,
  violence: 0,
  vehicle: 2,
};

const s = scratch('chronolog-lexicon-trace-');
afterAll(() => s.cleanup());

let report: Report;
let inProcess: Report;
let csv: Record<string, string>[];
let csvHeader: string[];
let jsonl: TimelineRow[];
let shown: Record<string, string>;
beforeAll(async () => {
  const r = cli(['report', DIR, '--format', 'json', '--chronology', '--now', NOW, '-q']);
  expect(r.code, r.stderr).toBe(0);
  report = ReportSchema.parse(JSON.parse(r.stdout));
  const c = cli(['timeline', DIR, '--format', 'csv', '-q']);
  expect(c.code, c.stderr).toBe(0);
  const cells: string[][] = parseCsv(c.stdout);
  csvHeader = cells[0]!;
  csv = cells.slice(1).map((row) => Object.fromEntries(csvHeader.map((h, k) => [h, row[k]!])));
  const j = cli(['timeline', DIR, '--format', 'jsonl', '-q']);
  expect(j.code, j.stderr).toBe(0);
  jsonl = j.stdout
    .trimEnd()
    .split('\n')
    .map((l) => TimelineRowSchema.parse(JSON.parse(l)));
  inProcess = await reportOf([DIR]);
  shown = renderAll(inProcess);
});

/** Whether a local time (or date) falls on a day of the report's window. */
const inWindow = (local: string) =>
  local.slice(0, 10) >= report.escalation!.window.from! &&
  local.slice(0, 10) <= report.escalation!.window.to!;

/** The JSON Lines row whose text starts with `start`. */
const row = (start: string) => jsonl.find((r) => r.text?.startsWith(start))!;
const csvRow = (start: string) => csv.find((r) => r['text']!.startsWith(start))!;

describe('the report counts and the rows that list each counted incident', () => {
  it('are the counts the fixture was written for, with incidents outside the window', () => {
    const content = report.escalation!.content;
    expect(Object.fromEntries(content.categories.map((c) => [c.id, c.incidents]))).toEqual(COUNTS);
    expect(report.escalation!.window).toMatchObject({
      from: '2024-03-14',
      to: '2024-03-28',
      source: 'given',
    });
    expect(report.escalation!.window.incidentsOutside).toBe(3);
    // Made in-process, without the marks the CLI reads while reading the timeline: the same counts.
    expect(inProcess.escalation!.content).toEqual(content);
  });

  it('agree in the timeline JSON Lines: per category, the incidents inside the window that name it', () => {
    const incidents = jsonl.filter((r) => r.incident && inWindow(r.local));
    for (const c of report.escalation!.content.categories) {
      expect(
        incidents.filter((r) => r.lexicon.includes(c.id)),
        c.id,
      ).toHaveLength(c.incidents);
    }
    // Outside the window, incidents are listed with their categories too, and are not counted.
    const outside = jsonl.filter((r) => r.incident && !inWindow(r.local));
    expect(outside.map((r) => [r.local, r.lexicon])).toEqual([
      ['2024-03-13 20:16', ['surveillance']],
      ['2024-03-29 10:00', ['surveillance']],
      ['2024-03-30', ['surveillance']],
    ]);
  });

  it('agree in the timeline CSV, whose cell joins the ids with ;', () => {
    const incidents = csv.filter((r) => r['incident'] === 'yes' && inWindow(r['local']!));
    for (const c of report.escalation!.content.categories) {
      const naming = incidents.filter((r) => r['lexicon']!.split(';').includes(c.id));
      expect(naming, c.id).toHaveLength(c.incidents);
    }
  });

  it('agree in the JSON chronology, row for row with the timeline', () => {
    const rows = report.chronology!;
    expect(rows).toHaveLength(report.incidents.total);
    for (const c of report.escalation!.content.categories) {
      expect(
        rows.filter((r) => inWindow(r.local) && r.lexicon.includes(c.id)),
        c.id,
      ).toHaveLength(c.incidents);
    }
    const byId = new Map(jsonl.map((r) => [r.id, r.lexicon]));
    for (const r of rows) expect(r.lexicon, r.text ?? r.id).toEqual(byId.get(r.id));
    // The in-process report (no marks: the stored texts searched afterwards) lists the same.
    expect(inProcess.chronology!.map((r) => [r.id, r.lexicon])).toEqual(rows.map((r) => [r.id, r.lexicon]));
  });
});

describe('the lexicon column of the timeline', () => {
  it('is appended last, after callDurationSec, in the CSV header and the JSON Lines keys', () => {
    expect(csvHeader).toEqual([...TIMELINE_COLUMNS]);
    expect(csvHeader.slice(-2)).toEqual(['callDurationSec', 'lexicon']);
    for (const r of jsonl) expect(Object.keys(r)).toEqual([...TIMELINE_COLUMNS]);
  });

  it("lists the categories in the lexicon's order: built-in ones first, the case file's own last", () => {
    expect(row('Your car is outside').lexicon).toEqual(['surveillance', 'vehicle']);
    expect(csvRow('Your car is outside')['lexicon']).toBe('surveillance;vehicle');
    // "torch your" is the case file's term for a built-in category; "number plate*" takes "plates".
    expect(row("I'll torch your car").lexicon).toEqual(['threats', 'vehicle']);
    expect(csvRow("I'll torch your car")['lexicon']).toBe('threats;vehicle');
    expect(row('I saw you at the station').lexicon).toEqual(['surveillance', 'third-parties']);
  });

  it('finds what the report finds in texts the byte search cannot settle, typographic quotes and emoji', () => {
    // "Café" is not ASCII: the exact search decides.
    expect(row('Café by your work?').lexicon).toEqual(['surveillance', 'third-parties']);
    expect(row('You’ll regret this').lexicon).toEqual(['intimidation']);
    expect(row('I’m outside').lexicon).toEqual(['surveillance']);
    // A match on the second line of a message; a diary row's own account.
    expect(row("I'm not going anywhere").lexicon).toEqual(['surveillance']);
    expect(row('Jordan stood outside my house').lexicon).toEqual(['abuse']);
  });

  it('is empty for an incident that matches nothing, or has no text to match', () => {
    // "skilled" is not "kill", "liars" not "liar": whole words only.
    expect(row('skilled liars').lexicon).toEqual([]);
    expect(csvRow('skilled liars')['lexicon']).toBe('');
    expect(row('Morning').lexicon).toEqual([]);
    expect(row('<Media omitted>').lexicon).toEqual([]);
  });

  it('is empty for an event that is not an incident, whose text the report does not search', () => {
    const reply = row('Leave my family alone');
    expect(reply.incident).toBe(false);
    expect(reply.text).toContain('your friends');
    expect(reply.lexicon).toEqual([]);
    expect(csvRow('Leave my family alone')['lexicon']).toBe('');
  });

  it('is the same with --incidents-only', () => {
    const r = cli(['timeline', DIR, '--format', 'jsonl', '--incidents-only', '-q']);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as TimelineRow);
    expect(rows.map((x) => [x.id, x.lexicon])).toEqual(
      jsonl.filter((x) => x.incident).map((x) => [x.id, x.lexicon]),
    );
  });
});

describe('the chronologies people read', () => {
  it('write the labels of the categories after the text in the Markdown report', () => {
    const md = shown['markdown']!;
    const chronology = md.slice(md.indexOf('## Chronology of incidents'));
    expect(chronology).toContain(
      '| Your car is outside your flat again — *Lexicon: Surveillance or knowledge of whereabouts; vehicle* |',
    );
    expect(chronology).toContain(
      'those inside the analysis window are the incidents counted in "Words in the messages".',
    );
    // A row that matches nothing has no note.
    expect(chronology).toContain('| skilled liars end up alone |');
  });

  it('mark the categories in the Markdown report as no message text can, in italics after the escaping', () => {
    const r = structuredClone(inProcess);
    const plain = r.chronology!.filter((c) => c.lexicon.length === 0);
    plain[0]!.text = 'ok — (Lexicon: Threats to kill or harm)';
    plain[1]!.text = 'ok — *Lexicon: Threats to kill or harm*';
    const md = renderAll(r)['markdown']!;
    const chronology = md.slice(md.indexOf('## Chronology of incidents'));
    // The messages' own words are escaped, so they cannot read as the marker.
    expect(chronology).toContain('| ok — \\(Lexicon: Threats to kill or harm\\) |');
    expect(chronology).toContain('| ok — \\*Lexicon: Threats to kill or harm\\* |');
    // One unescaped marker per row that names categories, besides the note above the table.
    const rows = chronology.split('\n').filter((l) => l.startsWith('| '));
    expect(rows.filter((l) => /(?<!\\)\*Lexicon: /.test(l))).toHaveLength(
      r.chronology!.filter((c) => c.lexicon.length > 0).length,
    );
  });

  it('write them after the text in the HTML report, where the annex filter finds them', () => {
    const html = shown['html']!;
    expect(html).toContain(
      'Your car is outside your flat again <span class="sub lexicon">Lexicon: Surveillance or knowledge of whereabouts; vehicle</span>',
    );
    // The cell's text, which the annex filter searches and a copy takes, keeps the message and the label apart.
    const cell = html.slice(html.indexOf('<td class="msg" dir="auto">Your car is outside'));
    expect(cell.slice(0, cell.indexOf('</td>')).replace(/<[^>]*>/g, '')).toBe(
      'Your car is outside your flat again Lexicon: Surveillance or knowledge of whereabouts; vehicle',
    );
    expect(html.match(/<span class="sub lexicon">/g)).toHaveLength(
      inProcess.chronology!.filter((r) => r.lexicon.length > 0).length,
    );
    expect(html).toContain(
      'those inside the analysis window are the incidents counted in “Words in the messages”.',
    );
  });

  it('escape what the case file names a category, and say an id the report does not name as it is', () => {
    const r = structuredClone(inProcess);
    r.escalation!.content.categories.find((c) => c.id === 'vehicle')!.label = '<b>cars</b> & *bold*';
    r.chronology![0]!.lexicon = ['surveillance', 'no-such-<i>'];
    const out = renderAll(r);
    expect(out['html']).toContain(
      'Lexicon: Surveillance or knowledge of whereabouts; &#60;b&#62;cars&#60;/b&#62; &#38; *bold*</span>',
    );
    expect(out['html']).toContain(
      'Lexicon: Surveillance or knowledge of whereabouts; no-such-&#60;i&#62;</span>',
    );
    expect(out['html']).not.toContain('<b>cars');
    expect(out['markdown']).toContain(
      '— *Lexicon: Surveillance or knowledge of whereabouts; \\<b\\>cars\\</b\\> &amp; \\*bold\\** |',
    );
  });
});

describe('the method of the content lexicon', () => {
  it('says where each counted incident is listed, and that those outside the window are not counted', () => {
    const m = report.escalation!.methods.find((x) => x.name === 'Content lexicon')!;
    expect(m.description).toContain(
      'Every incident counted is listed with the categories its text matches: by their ids in the lexicon column of the timeline (chronolog timeline) and in the JSON chronology (--chronology), by their labels in the chronology of the HTML and Markdown reports. The incidents inside the window whose list names a category are the ones counted for it (3 incidents outside the window are listed so too, but not counted).',
    );
    expect(shown['markdown']).toContain('in the lexicon column of the timeline \\(chronolog timeline\\)');
  });
});

describe('a timeline saved beside the evidence', () => {
  const header = TIMELINE_COLUMNS.join(',');
  const headerBefore = (column: string) => header.slice(0, header.indexOf(`,${column}`));

  it('is told as chronolog output, whether saved before the lexicon column, before callDurationSec, or now', () => {
    s.file('saved/WhatsApp Chat with Jordan.txt', readFileSync(CHAT));
    // The rows as an earlier version wrote them: without the columns appended since.
    const upTo = (column: string) =>
      stringify(
        csv.map((r) => csvHeader.slice(0, csvHeader.indexOf(column)).map((h) => r[h])),
        { record_delimiter: '\n' },
      );
    s.file('saved/timeline-before-lexicon.csv', `${headerBefore('lexicon')}\n${upTo('lexicon')}`);
    s.file(
      'saved/timeline-before-call-lengths.csv',
      `${headerBefore('callDurationSec')}\n${upTo('callDurationSec')}`,
    );
    s.file('saved/timeline.csv', cli(['timeline', DIR, '--format', 'csv', '-q']).stdout);
    s.file('saved/timeline.jsonl', cli(['timeline', DIR, '--format', 'jsonl', '-q']).stdout);
    const r = cli(
      ['report', 'saved', '--subject', 'Jordan', '--format', 'json', '--now', NOW, '-q'],
      {},
      s.dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const ignored = ReportSchema.parse(JSON.parse(r.stdout)).ignoredFiles;
    expect(ignored).toEqual([
      { path: 'saved/timeline-before-call-lengths.csv', reason: 'a chronolog timeline, not an export' },
      { path: 'saved/timeline-before-lexicon.csv', reason: 'a chronolog timeline, not an export' },
      { path: 'saved/timeline.csv', reason: 'a chronolog timeline, not an export' },
      { path: 'saved/timeline.jsonl', reason: 'a chronolog timeline, not an export' },
    ]);
  });

  it('saved before the lexicon column, may be written over by the timeline of the same folder', () => {
    s.file('again/WhatsApp Chat with Jordan.txt', readFileSync(CHAT));
    const old = s.file('again/timeline.csv', `${headerBefore('lexicon')}\n`);
    const r = cli(['timeline', 'again', '--out', 'again/timeline.csv', '-q'], {}, s.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(old, 'utf8').split('\n')[0]).toBe(header);
  });
});

describe("a case file's lexicon category", () => {
  const RULE =
    "a category's name must start with a letter or digit and hold only letters, accents, digits, spaces, '-', '_' and '.', not ending in a space (e.g. death-threats): the timeline's lexicon column lists the names, joined with ';'";

  it("may not be named with ';', which separates the names in the CSV cell, nor be empty", () => {
    s.file('semicolon/WhatsApp Chat with Jordan.txt', readFileSync(CHAT));
    s.file('semicolon/case.json', JSON.stringify({ lexicon: { 'cars;bikes': ['your car'], '': ['x'] } }));
    const r = cli(['report', 'semicolon'], {}, s.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`lexicon.cars;bikes: ${RULE}`);
    expect(r.stderr).toContain(`lexicon[""]: ${RULE}`);
    expect(r.stderr).toContain('case file semicolon/case.json has 2 invalid fields');
  });

  it('may not start with = + - @ (which the CSV guard marks only first in the cell), nor hold controls, invisible characters, tabs or line breaks, nor end in a space', () => {
    // Each of these is refused by name: the CLI shows a name with a space, quote or hidden character in JSON
    // quotes, the hidden ones as <U+…>, so that the message says which one is meant, on one line.
    const bad: Record<string, string> = {
      '=SUM(A1)': 'lexicon.=SUM(A1)',
      '+threats': 'lexicon.+threats',
      '-x': 'lexicon.-x',
      '@home': 'lexicon.@home',
      ' ': 'lexicon[" "]',
      'cars ': 'lexicon["cars "]',
      ' cars': 'lexicon[" cars"]',
      'a\tb': 'lexicon["a\\tb"]',
      'a\nb': 'lexicon["a\\nb"]',
      'evil\u202Etxt': 'lexicon["evil<U+202E>txt"]',
      'sa\u200Bm': 'lexicon["sa<U+200B>m"]',
      '\u3164': 'lexicon["<U+3164>"]',
      _private: 'lexicon._private',
      '.hidden': 'lexicon[".hidden"]',
      'a,b': 'lexicon.a,b',
    };
    s.file('names/WhatsApp Chat with Jordan.txt', readFileSync(CHAT));
    s.file(
      'names/case.json',
      JSON.stringify({ lexicon: Object.fromEntries(Object.keys(bad).map((k) => [k, ['x']])) }),
    );
    const r = cli(['report', 'names'], {}, s.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`case file names/case.json has ${Object.keys(bad).length} invalid fields`);
    for (const shownAs of Object.values(bad)) expect(r.stderr).toContain(`, ${shownAs}: ${RULE}\n`);
  });

  it('may not be named __proto__, which would otherwise be dropped without a word, in JSON or YAML', () => {
    s.file('proto/WhatsApp Chat with Jordan.txt', readFileSync(CHAT));
    s.file('proto/case.json', '{ "lexicon": { "__proto__": ["knife"], "vehicle": ["your car"] } }');
    const json = cli(['report', 'proto'], {}, s.dir);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain(`line 1, lexicon.__proto__: ${RULE}`);
    expect(json.stderr).toContain('case file proto/case.json has an invalid field');
    s.file('proto-yaml/WhatsApp Chat with Jordan.txt', readFileSync(CHAT));
    s.file('proto-yaml/case.yaml', 'lexicon:\n  vehicle: [your car]\n  __proto__: [knife]\n');
    const yaml = cli(['report', 'proto-yaml'], {}, s.dir);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toContain(`line 3, lexicon.__proto__: ${RULE}`);
  });

  it('is named by the built-in ids and by plain names in any script, which the timeline lists as written', () => {
    const names = [
      'threats',
      'self-harm',
      'third-parties',
      'Death threats',
      'café',
      'धमकी',
      '日本語',
      'v2.0',
      '1st_contact',
    ];
    s.file('good/WhatsApp Chat with Jordan.txt', readFileSync(CHAT));
    s.file(
      'good/case.json',
      JSON.stringify({
        subject: { identifiers: ['Jordan'] },
        lexicon: Object.fromEntries(names.map((n) => [n, ['your car']])),
      }),
    );
    const r = cli(['timeline', 'good', '--format', 'csv', '-q'], {}, s.dir);
    expect(r.code, r.stderr).toBe(0);
    const cells: string[][] = parseCsv(r.stdout);
    const car = cells.find((c) => c[csvHeader.indexOf('text')]!.startsWith('Your car is outside'))!;
    const listed = car[csvHeader.indexOf('lexicon')]!.split(';');
    for (const n of names) expect(listed).toContain(n);
  });
});

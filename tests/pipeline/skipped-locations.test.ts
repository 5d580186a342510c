/**
 * Where skipped records are (`inputs[].skippedAt`): for each skip reason, the first SKIPPED_AT_FIRST locators in
 * reading order and the last, so a reader checking "8 records skipped as system notices" can find them in the
 * original file, while memory stays bounded whatever the count. fixtures/skipped-locations holds a WhatsApp chat
 * (encryption, security-code, number-change and disappearing-message notices, a block and an unblock) and an
 * SMS backup with two drafts; its locators are checked here against the lines of those files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { fileInput, walk } from '../../src/cli/inputs.js';
import { type Report, SKIPPED_AT_FIRST } from '../../src/model/index.js';
import { parseHashed } from '../../src/pipeline/hashing.js';
import { readTimeline } from '../../src/pipeline/index.js';
import { reasonCounts, skippedPlaces } from '../../src/reports/format.js';
import { renderAll, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/skipped-locations';
const CHAT = `${DIR}/WhatsApp Chat with Jordan.txt`;
const SMS = `${DIR}/sms-20240530200000.xml`;

/** The 1-based numbers of the lines of `file` that `test` picks. */
function linesWhere(file: string, test: (line: string) => boolean): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((l, i) => (test(l) ? [i + 1] : []));
}

let report: Report;
let rendered: Record<string, string>;
beforeAll(async () => {
  report = await reportOf([DIR]);
  rendered = renderAll(report);
});

const inputOf = (p: string) => report.inputs.find((i) => i.path === p)!;

describe('where skipped records are, in the JSON report', () => {
  it("names the chat's notices by the lines that hold them: the first five and the last", () => {
    const chat = inputOf(CHAT);
    // A header line (date, time, " - ") whose rest has no "Name: " before the text is a notice in this chat.
    const headers = linesWhere(CHAT, (l) => /^\d\d\/\d\d\/\d{4}, \d\d:\d\d - /.test(l));
    const text = readFileSync(CHAT, 'utf8').split('\n');
    const authored = (n: number) => /^(Jordan|Robin): /.test(text[n - 1]!.slice(20));
    const blocks = headers.filter((n) => /You (un)?blocked this contact/.test(text[n - 1]!));
    const notices = headers.filter((n) => !authored(n) && !blocks.includes(n));
    expect(notices).toEqual([1, 6, 9, 14, 16, 20, 21, 23]);
    expect(blocks).toEqual([11, 12]);
    expect(chat.skippedReasons).toEqual({ 'system-notice': notices.length, 'block-notice': 2 });
    expect(chat.skippedAt).toEqual({
      'system-notice': {
        first: notices.slice(0, SKIPPED_AT_FIRST).map((n) => `line ${n}`),
        last: `line ${notices.at(-1)}`,
      },
      'block-notice': { first: ['line 11', 'line 12'], last: 'line 12' },
    });
    // Same keys, same order as the counts; at most SKIPPED_AT_FIRST located from the start of each.
    expect(Object.keys(chat.skippedAt!)).toEqual(Object.keys(chat.skippedReasons));
    expect(chat.skippedAt!['system-notice']!.first).toHaveLength(SKIPPED_AT_FIRST);
    // The block notices are also warnings of their own (the notice as written, for a milestone), at the same lines.
    expect(
      report.problems.filter((p) => p.code === 'WHATSAPP_BLOCK_NOTICE').map((p) => [p.file, p.locator]),
    ).toEqual([
      [CHAT, 'line 11'],
      [CHAT, 'line 12'],
    ]);
  });

  it("names the backup's drafts by element and line, as the problems list names a record", () => {
    const sms = inputOf(SMS);
    const drafts = linesWhere(SMS, (l) => l.includes('<sms ') && l.includes('type="3"'));
    expect(drafts).toEqual([6, 10]);
    // sms[k] counts the <sms> elements from 0: the first is on line 5.
    expect(sms.skippedAt).toEqual({
      draft: {
        first: drafts.map((n) => `sms[${n - 5}] (line ${n})`),
        last: `sms[${drafts[1]! - 5}] (line 10)`,
      },
    });
  });

  it('keeps the books: every record is one of event, skipped or rejected, and the skipped add up by reason', () => {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const i of report.inputs) {
      expect(i.records).toBe(i.events + i.skipped + i.rejected);
      expect(i.events).toBe(i.kept + i.duplicates);
      expect(sum(Object.values(i.skippedReasons))).toBe(i.skipped);
      for (const [reason, n] of Object.entries(i.skippedReasons))
        expect(i.skippedAt![reason]!.first).toHaveLength(Math.min(n, SKIPPED_AT_FIRST));
    }
    const a = report.accounting;
    expect([a.records, a.events, a.kept, a.skipped, a.rejected]).toEqual([29, 17, 17, 12, 0]);
    expect(sum(report.inputs.map((i) => i.skipped))).toBe(a.skipped);
  });

  it('leaves skippedAt out of an input with nothing skipped', async () => {
    const r = await reportOf(['fixtures/sms-backup-xml/calls-all-types.xml']);
    expect(r.inputs[0]!.skipped).toBe(0);
    expect(r.inputs[0]).not.toHaveProperty('skippedAt');
  });
});

describe('where skipped records are, bounded', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'skipped-at-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps five and the last of 20,000 notices, in the order of the file', async () => {
    // Each day: a security-code notice, then two messages; every 1,000th notice a number change instead.
    let text = '';
    const notices: number[] = [];
    const changes: number[] = [];
    let line = 0;
    for (let k = 0; k < 20_000; k++) {
      const day = new Date(Date.UTC(2020, 0, 13) + k * 3_600_000);
      const stamp = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}, ${String(day.getUTCHours()).padStart(2, '0')}:00`;
      line++;
      if (k % 1000 === 999) {
        text += `${stamp} - Jordan changed their phone number to a new number. Tap to message or add the new number.\n`;
        changes.push(line);
      } else {
        text += `${stamp} - Your security code with Jordan changed. Tap to learn more.\n`;
        notices.push(line);
      }
      text += `${stamp} - Jordan: message ${k}\n${stamp} - Robin: reply ${k}\n`;
      line += 2;
    }
    const file = path.join(tmp, 'WhatsApp Chat with Jordan.txt');
    writeFileSync(file, text);
    const r = await reportOf([file]);
    const input = r.inputs[0]!;
    expect(input.skipped).toBe(20_000);
    expect(input.skippedReasons).toEqual({ 'system-notice': 20_000 });
    const all = [...notices, ...changes].sort((a, b) => a - b);
    expect(input.skippedAt).toEqual({
      'system-notice': {
        first: ['line 1', 'line 4', 'line 7', 'line 10', 'line 13'],
        last: `line ${all.at(-1)}`,
      },
    });
    expect(all.slice(0, 5)).toEqual([1, 4, 7, 10, 13]);
    expect(all.at(-1)).toBe(59_998);
    const md = renderAll(r)['markdown']!;
    expect(md).toContain(': skipped system-notice 20,000 (lines 1, 4, 7, 10, 13 … 59998)\n');
  });

  it('forgets what a reading taken back (restart) located', async () => {
    const walked = await walk([DIR]);
    const c = await resolveCase({}, walked.caseFiles, 'UTC');
    const read = (elsewhere?: Parameters<typeof readTimeline>[0]['elsewhere']) =>
      readTimeline({
        inputs: walked.files.map((f) => fileInput(f.abs, f.bytes, f.display)),
        case: c,
        ...(elsewhere ? { elsewhere } : {}),
      });
    const plain = await read();
    // A source that skipped records at other places, then read its input again from the start.
    const again = await read((input, source, ctx) => {
      ctx.skip('system-notice', 99);
      ctx.skip('not-a-reason-of-the-file', 'messages[3]');
      ctx.restart?.();
      return parseHashed(input, source, ctx);
    });
    expect(again.inputs.map((i) => i.skippedAt)).toEqual(plain.inputs.map((i) => i.skippedAt));
    expect(again.inputs.map((i) => i.skippedReasons)).toEqual(plain.inputs.map((i) => i.skippedReasons));
  });
});

describe('where skipped records are, in the reports people read', () => {
  it('says it in the Markdown list of reasons, per file', () => {
    expect(rendered['markdown']).toContain(
      [
        'Skipped and rejected records by reason:',
        '',
        `- fixtures/skipped-locations/WhatsApp Chat with Jordan.txt: skipped block-notice 2 (lines 11, 12), system-notice 8 (lines 1, 6, 9, 14, 16 … 23)`,
        // Markdown escapes the brackets of an element path, not the parentheses chronolog writes around the places.
        '- fixtures/skipped-locations/sms-20240530200000.xml: skipped draft 2 (sms\\[1\\] \\(line 6\\), sms\\[5\\] \\(line 10\\))',
        '',
      ].join('\n'),
    );
  });

  it('says it under each file of the HTML table of files read', () => {
    expect(rendered['html']).toContain(
      '<span class="sub">skipped: block-notice 2 (lines 11, 12), system-notice 8 (lines 1, 6, 9, 14, 16 … 23)</span>',
    );
    expect(rendered['html']).toContain(
      '<span class="sub">skipped: draft 2 (sms[1] (line 6), sms[5] (line 10))</span>',
    );
  });

  it('keeps the one-screen text report as it was: the reasons summed over the files, no places', () => {
    expect(rendered['text']).toMatch(
      /\n {2}total {2}[^\n]*\n {2}skipped: block-notice 2, draft 2, system-notice 8\n/,
    );
    expect(rendered['text']).not.toMatch(/line 23|lines 1, 6/);
  });

  it('renders a report made before skippedAt as before', () => {
    const old: Report = {
      ...report,
      inputs: report.inputs.map(({ skippedAt: _a, ...rest }) => rest),
    };
    const md = renderAll(old)['markdown']!;
    expect(md).toContain(
      '- fixtures/skipped-locations/WhatsApp Chat with Jordan.txt: skipped block-notice 2, system-notice 8\n',
    );
    expect(renderAll(old)['html']).toContain(
      '<span class="sub">skipped: block-notice 2, system-notice 8</span>',
    );
  });
});

describe('skippedPlaces', () => {
  const at = (n: number, from = 1) => ({
    first: Array.from({ length: Math.min(n, SKIPPED_AT_FIRST) }, (_, k) => `line ${from + k * 2}`),
    last: `line ${from + (n - 1) * 2}`,
  });
  it('names one line, or the lines when all the places are lines', () => {
    expect(skippedPlaces(at(1, 4), 1)).toBe('line 4');
    expect(skippedPlaces(at(5), 5)).toBe('lines 1, 3, 5, 7, 9');
  });
  it('adds the last after a comma when it is the next one, after "…" when records between are not named', () => {
    expect(skippedPlaces(at(6), 6)).toBe('lines 1, 3, 5, 7, 9, 11');
    expect(skippedPlaces(at(7), 7)).toBe('lines 1, 3, 5, 7, 9 … 13');
  });
  it('gives element and JSON paths as they are written', () => {
    const first = ['messages[0]', 'messages[4]'];
    expect(skippedPlaces({ first, last: 'messages[4]' }, 2)).toBe('messages[0], messages[4]');
    expect(skippedPlaces({ first: ['[0].dmConversation.messages[2]'], last: 'line 9' }, 3)).toBe(
      '[0].dmConversation.messages[2] … line 9',
    );
  });
  it('says the places beside the counts, only for the reasons located', () => {
    expect(reasonCounts({ b: 2, a: 1 }, { b: { first: ['line 3', 'line 8'], last: 'line 8' } })).toBe(
      'a 1, b 2 (lines 3, 8)',
    );
  });
});

describe('what a skip locator can show', () => {
  /** Every golden's skipped records (source by source: tests/sources/), as [file, locator]. */
  function goldenSkips(): [string, number | string][] {
    const out: [string, number | string][] = [];
    const visit = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) visit(p);
        else if (name.endsWith('.expected.json')) {
          const golden = JSON.parse(readFileSync(p, 'utf8')) as { skipped?: { locator: number | string }[] };
          for (const s of golden.skipped ?? []) out.push([p, s.locator]);
        }
      }
    };
    visit('fixtures');
    return out;
  }

  it('is a line number, a line and column, or a path of element names and indexes, never words of a record', () => {
    const skips = goldenSkips();
    expect(skips.length).toBeGreaterThan(50);
    expect(new Set(skips.map(([, l]) => typeof l))).toEqual(new Set(['number', 'string']));
    const odd = skips.filter(
      ([, l]) =>
        typeof l !== 'number' &&
        !/^(?:[A-Za-z_]\w*|\[\d+\])(?:\.\w+|\[\d+\])*(?: \(line \d+\))?$/.test(l) &&
        // A Messenger HTML message block: where its start tag begins.
        !/^line \d+, column \d+$/.test(l),
    );
    expect(odd).toEqual([]);
  });
});

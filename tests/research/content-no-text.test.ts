/**
 * A case whose incidents carry no text — a copy anonymised with --drop-text, or a call log — cannot match the
 * lexicon, and a 0 there is not "no threats": the escalation JSON records how many incident texts were searched,
 * the reports say there was no text to search, and batch leaves the threats cell of cases.csv empty (a false 0
 * would enter pooled research data).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { batchCommand } from '../../src/cli/commands/batch.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { Report } from '../../src/model/index.js';
import { ReportSchema } from '../../src/model/report.js';
import { NO_TEXT_TO_SEARCH } from '../../src/reports/markdown-escalation.js';
import { env, KEY_A, keyFile, NOW, scratch } from './env.js';

const DEMO = 'fixtures/demo-case';
const THREATS = 'threats';

describe('content analysis of incidents without text', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  const out = path.join(tmp, 'out');
  const reports = new Map<string, Report>();

  const report = async (name: string, format: string) => {
    const file = path.join(tmp, `${name}.${format}`);
    await reportCommand([path.join(cases, name)], { format, out: file, now: NOW, quiet: true } as never, env);
    return readFileSync(file, 'utf8');
  };

  beforeAll(async () => {
    const make = (name: string, files: string[]) => {
      mkdirSync(path.join(cases, name), { recursive: true });
      for (const f of ['case.json', ...files]) cpSync(path.join(DEMO, f), path.join(cases, name, f));
    };
    make('raw', ['WhatsApp Chat with Sam.txt', 'sms-20240315120000.xml']);
    // The demo case has no threats to kill or harm: two, so the raw case has a count the copy must not turn to 0.
    writeFileSync(
      path.join(cases, 'raw', 'WhatsApp Chat with Sam (April).txt'),
      [
        '22/04/2024, 21:10 - Sam: I will hurt you if you go to the police again',
        "22/04/2024, 21:15 - Sam: You'll see. I'll kill you",
        '22/04/2024, 21:20 - Alex: Stop messaging me',
        '',
      ].join('\n'),
    );
    make('calls-only', ['calls-20240601090000.xml']);
    const key = keyFile(tmp, KEY_A);
    expect(
      await anonymiseCommand(
        [path.join(cases, 'raw')],
        { keyFile: key, out: path.join(cases, 'dropped'), dropText: true, quiet: true } as never,
        env,
      ),
    ).toBe(0);
    for (const name of ['raw', 'dropped', 'calls-only'])
      reports.set(name, JSON.parse(await report(name, 'json')) as Report);
    expect(await batchCommand(cases, { out, jobs: '1', quiet: true }, env)).toBe(0);
  });

  const threatsIn = (r: Report) => r.escalation!.content.categories.find((c) => c.id === THREATS)!.incidents;

  it('records how many incident texts were searched', () => {
    const raw = reports.get('raw')!;
    expect(raw.escalation!.content.textsSearched).toBeGreaterThan(0);
    expect(raw.escalation!.content.textsSearched).toBeLessThanOrEqual(raw.incidents.total);
    expect(threatsIn(raw)).toBe(2);
    for (const name of ['dropped', 'calls-only']) {
      const r = reports.get(name)!;
      expect(r.incidents.total).toBeGreaterThan(0);
      expect(r.escalation!.content.textsSearched).toBe(0);
    }
    // The field is part of the report contract.
    for (const r of reports.values())
      expect(ReportSchema.parse(r).escalation?.content.textsSearched).toBe(
        r.escalation!.content.textsSearched,
      );
    // The anonymised copy has the same incidents as the raw case, only no text.
    expect(reports.get('dropped')!.incidents.total).toBe(raw.incidents.total);
  });

  it('says in the S-DASH sheet that there was no text to search, not that no text matches', () => {
    const facts = (r: Report) =>
      r.escalation!.sdash.flatMap((q) => q.facts.map((f) => f.text)).filter((t) => t.includes('lexicon'));
    expect(facts(reports.get('raw')!).some((t) => t.startsWith('2 incidents have text matching'))).toBe(true);
    for (const name of ['dropped', 'calls-only']) {
      const texts = facts(reports.get(name)!);
      expect(texts.length).toBeGreaterThan(0);
      for (const t of texts)
        expect(t).toMatch(/^No incident has text to search for the .* terms of the lexicon/);
    }
  });

  it('leaves the threats cell of cases.csv empty when no text was searched', () => {
    const rows = parse(readFileSync(path.join(out, 'cases.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const by = new Map(rows.map((r) => [r['case']!, r]));
    expect(by.get('raw')!['threats']).toBe(String(threatsIn(reports.get('raw')!)));
    expect(by.get('dropped')!['threats']).toBe('');
    expect(by.get('calls-only')!['threats']).toBe('');
    // The other figures are still there.
    expect(by.get('dropped')!['incidents']).toBe(by.get('raw')!['incidents']);
  });

  it('says "no incident text to search" in the text, Markdown and HTML reports, never "no lexicon matches"', async () => {
    for (const name of ['dropped', 'calls-only']) {
      const text = await report(name, 'text');
      expect(text).toMatch(/Words\s+no incident text to search {2}\[the word lists were not applied\]/);
      expect(text).not.toMatch(/no lexicon matches|no incident text uses a term/);
      const md = await report(name, 'markdown');
      expect(md).toContain(`### Words in the messages\n\n${NO_TEXT_TO_SEARCH}\n`);
      const html = await report(name, 'html');
      expect(html).toContain(`<p>${NO_TEXT_TO_SEARCH}</p>`);
      expect(html).not.toContain('No incident text matches the lexicon.');
    }
    // A case with text keeps its counts.
    expect(await report('raw', 'text')).toMatch(
      /Words\s+incidents using terms from the word lists: Threats to kill or harm 2 · /,
    );
  });
});

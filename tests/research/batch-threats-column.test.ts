/**
 * The `threats` column of batch's cases.csv is the built-in "threats" category's count of incidents (threats to
 * kill or harm), as the README says: a case file's own category whose name also says "threat" (`death-threats`,
 * `Threat level`) is not added in, and an incident that matches both is counted once. The case is
 * fixtures/lexicon-trace with two such categories added, whose terms match one of the two threats counted.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchCommand } from '../../src/cli/commands/batch.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { env, NOW, scratch } from './env.js';

const DIR = 'fixtures/lexicon-trace';

describe("batch's threats column", () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  const kase = path.join(cases, 'own-threat-categories');
  const out = path.join(tmp, 'out');
  let report: Report;

  beforeAll(async () => {
    mkdirSync(kase, { recursive: true });
    for (const f of ['WhatsApp Chat with Jordan.txt', 'incident-diary.csv'])
      copyFileSync(path.join(DIR, f), path.join(kase, f));
    const c = JSON.parse(readFileSync(path.join(DIR, 'case.json'), 'utf8'));
    c.lexicon['death-threats'] = ['kill you'];
    c.lexicon['Threat level'] = ['kill you', 'outside your flat'];
    writeFileSync(path.join(kase, 'case.json'), JSON.stringify(c));
    const file = path.join(tmp, 'report.json');
    await reportCommand([kase], { format: 'json', out: file, now: NOW, quiet: true } as never, env);
    report = ReportSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(await batchCommand(cases, { out, jobs: '1', quiet: true }, env)).toBe(0);
  });

  it('is the count of the built-in threats category alone, not of every category named like it', () => {
    const count = (id: string) => report.escalation!.content.categories.find((c) => c.id === id)!.incidents;
    // The fixture's two threats, one of which the case file's own categories match as well.
    expect(count('threats')).toBe(2);
    expect(count('death-threats')).toBe(1);
    expect(count('Threat level')).toBe(2);
    const rows = parse(readFileSync(path.join(out, 'cases.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r['case'], r['threats']])).toEqual([['own-threat-categories', '2']]);
  });
});

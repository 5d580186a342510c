#!/usr/bin/env node
/**
 * `npm run conformance`: reads every file of the public sample corpus in ../shared/corpus (when that folder
 * exists; otherwise it says so and exits 0) and prints, per file: the detected format, records, events,
 * skipped, rejected and problems. It exits 1 on any crash, and on any file whose counts differ from
 * expected.json beside this script (counts established by reading each sample by hand; see the sources'
 * reports in the project history). The corpus is never copied into the repository.
 *
 *   npm run conformance                 # check
 *   npm run conformance -- --update     # rewrite expected.json from this run (review the diff!)
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const corpus = path.resolve(root, '../shared/corpus');
const expectedFile = path.join(here, 'expected.json');
const update = process.argv.includes('--update');

if (!existsSync(corpus)) {
  console.log(`conformance: skipped, no corpus at ${corpus}`);
  process.exit(0);
}

const { readTimeline } = await import(path.join(root, 'dist/pipeline/index.js'));
const { fileInput, walk } = await import(path.join(root, 'dist/cli/inputs.js'));

const kase = {
  title: undefined,
  timezone: 'Europe/London',
  timezoneSource: 'option',
  region: 'GB',
  subject: { name: undefined, identifiers: [] },
  victim: { name: undefined, identifiers: [] },
  milestones: [],
  window: { from: undefined, to: undefined },
  ceasePhrases: undefined,
  lexicon: undefined,
  caseFile: undefined,
};

const { files } = await walk([corpus]);
const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {};
const actual = {};
let failures = 0;
for (const f of files) {
  const rel = path.relative(corpus, f.abs);
  if (path.basename(rel) === 'PROVENANCE.md' || rel === 'README.md') continue;
  let row;
  try {
    const t = await readTimeline({ inputs: [fileInput(f.abs, statSync(f.abs).size, rel)], case: kase });
    const sum = (k) => t.inputs.reduce((n, i) => n + i[k], 0);
    row = {
      format: t.inputs.length
        ? [...new Set(t.inputs.map((i) => i.format))].join('+')
        : `not read: ${t.ignored[0]?.reason ?? '?'}`,
      records: sum('records'),
      events: sum('events'),
      skipped: sum('skipped'),
      rejected: sum('rejected'),
      problems: t.problems.list.length,
    };
  } catch (err) {
    failures++;
    console.log(`CRASH ${rel}: ${err?.stack ?? err}`);
    continue;
  }
  actual[rel] = row;
  const want = expected[rel];
  const same =
    want && ['format', 'records', 'events', 'skipped', 'rejected'].every((k) => want[k] === row[k]);
  if (!update && !same) failures++;
  console.log(
    `${update ? '    ' : same ? 'ok  ' : 'DIFF'} ${rel}\n       ${row.format}: ${row.records} records, ${row.events} events, ${row.skipped} skipped, ${row.rejected} rejected, ${row.problems} problems${!update && !same ? `\n       expected: ${JSON.stringify(want ?? 'no entry')}` : ''}`,
  );
}
if (update) {
  writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
  console.log(
    `conformance: wrote ${Object.keys(actual).length} entries to ${path.relative(root, expectedFile)}`,
  );
} else {
  console.log(`conformance: ${Object.keys(actual).length} files, ${failures} failure(s)`);
  process.exitCode = failures ? 1 : 0;
}

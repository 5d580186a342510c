/**
 * What a person reading the report is given for a set of inputs, as one golden: each input's accounting, the
 * problem list (messages and hints word for word) and the timeline kept (file, line, time, channel, text…).
 * Read in-process (readTimeline), in the zone Europe/London, the victim named "Alex" (no subject), so the case is
 * complete; where no sender is Alex and none is marked the victim's, the problems hold CASE_VICTIM_NOT_FOUND.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { fileInput } from '../../src/cli/inputs.js';
import { readTimeline } from '../../src/pipeline/index.js';
import type { DateOrder } from '../../src/sources/index.js';

export async function caseGolden(paths: readonly string[], dateOrder?: DateOrder) {
  const c = await resolveCase({}, [], 'Europe/London');
  const t = await readTimeline({
    inputs: paths.map((p) => fileInput(p, statSync(p).size, p)),
    case: { ...c, victim: { name: undefined, identifiers: ['Alex'] } },
    ...(dateOrder ? { dateOrder } : {}),
  });
  return {
    // The digest is left out: the file is named, and the golden is easier to read without it.
    inputs: t.inputs.map(({ sha256: _sha256, ...books }) => books),
    problems: t.problems.list,
    timeline: [...t.events].map((e) => ({
      file: t.inputs[e.input]!.path,
      locator: e.locator,
      utc: new Date(e.ms).toISOString(),
      precision: e.precision,
      channel: e.channel,
      kind: e.kind,
      ...(e.call ? { call: e.call.status } : {}),
      text: e.text,
      ...(e.flags ? { flags: e.flags } : {}),
      ...(e.details ? { details: e.details } : {}),
    })),
  };
}

/** Compares `got` with the golden file (rewritten instead with UPDATE_GOLDEN=1). */
export function expectGolden(got: unknown, golden: string): void {
  if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(got, null, 2)}\n`);
  expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
}

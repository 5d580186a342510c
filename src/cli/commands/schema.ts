/**
 * `chronolog schema`: the JSON Schema of the report contract (or of a timeline row, or of `inspect --format json`),
 * generated from the zod model.
 */
import { z } from 'zod';
import { InspectSchema, ReportSchema, TimelineRowSchema } from '../../model/index.js';

/** Fields are only ever added to schemaVersion 1, so consumers must tolerate unknown ones: open every object. */
function open(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(open);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    if (!(k === 'additionalProperties' && v === false)) out[k] = open(v);
  return out;
}

/** The contracts `schema --of` prints. */
export const CONTRACTS = {
  report: ReportSchema,
  timeline: TimelineRowSchema,
  inspect: InspectSchema,
} as const;

export function schemaCommand(which: keyof typeof CONTRACTS): number {
  const schema = z.toJSONSchema(CONTRACTS[which], {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  process.stdout.write(`${JSON.stringify(open(schema), null, 2)}\n`);
  return 0;
}

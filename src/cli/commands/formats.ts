/** `chronolog formats`: every input format (how it is recognised, how to export it) and every output format. */
import { reportFormats, timelineFormats } from '../../reports/index.js';
import { containers, sources } from '../../sources/index.js';
import { UNSUPPORTED } from '../../sources/unsupported.js';
import type { Environment } from '../environment.js';

export function formatsCommand(json: boolean, env: Environment): number {
  if (json) {
    const data = {
      inputs: sources.map((s) => ({
        id: s.id,
        label: s.label,
        reads: s.reads,
        recognisedBy: s.recognisedBy,
        howToExport: s.howToExport,
        extensions: s.extensions,
        tables: s.tables ?? [],
      })),
      containers: containers.map((c) => ({ id: c.id, label: c.label, recognisedBy: c.recognisedBy })),
      notRead: UNSUPPORTED.map((u) => ({ label: u.label, recognisedBy: u.recognisedBy, reason: u.reason })),
      reports: reportFormats.map((f) => ({ id: f.id, label: f.label })),
      timeline: timelineFormats.map((f) => ({ id: f.id, label: f.label })),
    };
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return 0;
  }
  const c = env.stdoutChalk;
  const out = [c.bold('Input formats (detected from content; force one with --format-of "GLOB=ID")'), ''];
  for (const s of sources) {
    out.push(`${c.cyan(s.id)}  ${s.label}`);
    out.push(`    reads:      ${s.reads}`);
    out.push(`    recognised: ${s.recognisedBy}`);
    out.push(`    export it:  ${s.howToExport}`);
    for (const t of s.tables ?? []) {
      out.push(`    ${t.title}:`);
      for (const row of t.rows) out.push(`      ${row[0]!.padEnd(22)} ${row.slice(1).join('  ')}`);
    }
  }
  for (const k of containers) out.push(`${c.cyan(k.id)}  ${k.label}`, `    recognised: ${k.recognisedBy}`);
  // Named so that a person with such an export learns here, not only from a failed run, that it is not read.
  out.push('', c.bold('Recognised but not read (listed as not read, with what to do)'));
  for (const u of UNSUPPORTED)
    out.push(`  ${u.label}`, `    recognised: ${u.recognisedBy}`, `    not read:   ${u.reason}`);
  out.push('', c.bold('Report formats (report --format)'));
  for (const f of reportFormats) out.push(`  ${c.cyan(f.id.padEnd(9))} ${f.label}`);
  out.push('', c.bold('Timeline formats (timeline --format)'));
  for (const f of timelineFormats) out.push(`  ${c.cyan(f.id.padEnd(9))} ${f.label}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

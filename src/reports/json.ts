/** `--format json`: the versioned contract in src/model/report.ts, pretty-printed with a final newline. */
import type { ReportFormat } from './report.js';
import { jsonInert } from './sanitize.js';

export const json: ReportFormat = {
  id: 'json',
  label: 'JSON (documented contract, schemaVersion 1)',
  render: (report) => `${jsonInert(JSON.stringify(report, null, 2))}\n`,
};

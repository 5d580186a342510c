/**
 * `timeline --format jsonl`: one JSON object per event and line (fields as in `TimelineRowSchema`); with
 * `--with-duplicates`, per event and duplicate, with the keys of DUPLICATE_COLUMNS last.
 */
import type { TimelineFormat } from './report.js';
import { jsonInert } from './sanitize.js';

export const timelineJsonl: TimelineFormat = {
  id: 'jsonl',
  label: 'JSON Lines, one object per event',
  header: () => '',
  // JSON.stringify escapes C0 controls but not DEL/C1, bidi overrides or U+2028/U+2029 (which some line
  // splitters treat as line breaks): escape those too, so each row is one inert line everywhere.
  row: (r) => `${jsonInert(JSON.stringify(r))}\n`,
};

/** `timeline --format jsonl`: one JSON object per event and line (fields as in `TimelineRowSchema`). */
import type { TimelineFormat } from './report.js';

export const timelineJsonl: TimelineFormat = {
  id: 'jsonl',
  label: 'JSON Lines, one object per event',
  header: () => '',
  // JSON.stringify escapes \n and other controls but not U+2028/U+2029, which some line splitters (Python's
  // splitlines, many editors) treat as line breaks: escape them so each row is one line everywhere.
  row: (r) =>
    `${JSON.stringify(r)
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')}\n`,
};

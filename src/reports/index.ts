/**
 * THE registry of output formats, and the only list of them: commander choices, `chronolog formats` and the
 * help text derive from it. Adding a format = one file in this folder + one line here.
 */
import { html } from './html/index.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { ReportFormat, TimelineFormat } from './report.js';
import { text } from './text.js';
import { timelineCsv } from './timeline-csv.js';
import { timelineJsonl } from './timeline-jsonl.js';

export const reportFormats: readonly ReportFormat[] = [
  text,
  json,
  markdown,
  html,
  // registry: report formats
];

export const timelineFormats: readonly TimelineFormat[] = [timelineCsv, timelineJsonl];

export type { ReportContext, ReportFormat, TimelineFormat } from './report.js';

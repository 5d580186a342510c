/**
 * `--format html`: one self-contained page to open, print to PDF, or hand over — summary, charts, escalation and
 * S-DASH facts when the analysis provides them, the chronology annex, and the evidence and method. Everything
 * is inline (styles, the SVG charts, the small filter script) and a Content-Security-Policy forbids network
 * access, so the file works offline from disk and cannot leak that it was opened. It is a pure function of the
 * Report, like every format: the same Report gives byte-identical HTML.
 */
import type { Report } from '../../model/index.js';
import type { ReportFormat } from '../report.js';
import { page } from './page.js';
import { chartsSection } from './sections/charts.js';
import { chronologySection } from './sections/chronology.js';
import { escalationSection } from './sections/escalation/index.js';
import { evidenceSection } from './sections/evidence.js';
import { sdashSection } from './sections/sdash.js';
import { htmlContext, type Section } from './sections/section.js';
import { summarySection } from './sections/summary.js';

/** Renders the whole page. */
export function renderHtml(r: Report): string {
  const ctx = htmlContext(r);
  const sections = [
    summarySection(r),
    chartsSection(r, ctx),
    escalationSection(r, ctx),
    sdashSection(r, ctx),
    chronologySection(r, ctx),
    evidenceSection(r, ctx),
  ].filter((s): s is Section => s !== null);
  return page(r, sections);
}

export const html: ReportFormat = {
  id: 'html',
  label: 'Self-contained page to open in a browser or print to PDF',
  notForTerminal: true,
  needsChronology: true,
  render: (r) => renderHtml(r),
};

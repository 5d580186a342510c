/** Reports made in-process, as `chronolog report` makes them, and rendered in every format without colour. */
import { type ReadFlags, readInputs } from '../../src/cli/read.js';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { analyseTimeline } from '../../src/pipeline/index.js';
import { reportFormats } from '../../src/reports/index.js';
import { plainChalk, plainEnvironment } from './environment.js';

/** The report `chronolog report PATHS` would make with these flags (chronology included), checked by its schema. */
export async function reportOf(paths: string[], flags: ReadFlags = {}): Promise<Report> {
  const { timeline, kase } = await readInputs(paths, { quiet: true, ...flags }, plainEnvironment);
  return ReportSchema.parse(
    analyseTimeline(timeline, kase, {
      version: 'test',
      generatedAt: '2024-07-01T09:00:00.000Z',
      tzdata: null,
      run: { paths, options: {} },
      withChronology: true,
    }),
  );
}

/** A report in one format, 100 columns wide, without colour; the text report's lines wrapped at `wrapAt` if given. */
export function renderAs(format: string, r: Report, wrapAt?: number): string {
  return reportFormats
    .find((f) => f.id === format)!
    .render(r, { chalk: plainChalk, width: 100, ...(wrapAt === undefined ? {} : { wrapAt }) });
}

/** A report in every format, by format id. */
export function renderAll(r: Report): Record<string, string> {
  return Object.fromEntries(reportFormats.map((f) => [f.id, renderAs(f.id, r)]));
}

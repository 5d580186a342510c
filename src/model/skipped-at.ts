/**
 * How many of the records skipped for one reason each input locates first (`skippedAt` in the report; the last is
 * located too). A plain module, apart from the report's schema, because the pipeline counts with it on every run:
 * importing it from report.ts loaded zod into a report that has no case file to validate.
 */
export const SKIPPED_AT_FIRST = 5;

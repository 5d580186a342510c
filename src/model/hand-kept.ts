/**
 * Which inputs were kept by hand (a diary a victim typed) rather than exported by an app. Their records carry no
 * export period, so they say nothing about which days an export covers (analysis/escalation/window.ts), and their
 * wording is the person's own, so de-duplication compares it (timeline/dedupe.ts through pipeline/ingest.ts).
 * Known by the format id: every diary reader's id names it (`csv-diary`, `chronolog-jsonl-diary`), and a diary
 * inside a zip keeps that id. A plain module, in the model because the pipeline, the analysis and the CLI all ask.
 */
import type { InputSummary } from './report.js';

export function isHandKept(input: Pick<InputSummary, 'format'> | undefined): boolean {
  return input !== undefined && /diary/i.test(input.format);
}

/**
 * Rules about the change points an escalation reports. A plain module (no zod): analysis and every report format
 * run them, and importing them from escalation.ts would load every schema (see index.ts).
 */
import type { Escalation } from './escalation.js';

/**
 * Dates only the unscaled penalty places: `unscaledDates` lists every change the unscaled pass found, most of
 * which the scaled pass usually finds too. Empty when the penalty was not scaled. Findings and every report
 * format name these, so none says a reported change "would also" appear.
 */
export function unscaledOnlyDates(e: Pick<Escalation, 'changePoints' | 'changePointMethod'>): string[] {
  if (!e.changePointMethod.scaled) return [];
  return e.changePointMethod.unscaledDates.filter((d) => !e.changePoints.some((c) => c.date === d));
}

/** Renders fatal errors for people: what happened, where, and what to do next (the hint last, where eyes land). */
import type { ChalkInstance } from 'chalk';
import { UsageError } from '../model/errors.js';
import type { ToolError } from '../model/index.js';
import { terminalSafe, terminalSafeLines } from '../reports/sanitize.js';

/**
 * Safe lines, every line after the first indented: only this renderer starts a line with "error:" or "hint:", so
 * a file name holding a line break cannot pass for one.
 */
function block(s: string): string {
  return terminalSafeLines(s).replace(/\n(?!\s)/g, '\n  ');
}

/**
 * A known error as its lines. The message and hint are our own text with names and values from files in them, so
 * each line is made safe on its own: controls and escapes go, the line breaks the message was written with stay.
 */
export function renderError(err: ToolError | UsageError, c: ChalkInstance): string {
  const lines = [`${c.red('error:')} ${block(err.message)}`];
  const details = err instanceof UsageError ? err.details : [];
  for (const d of details) lines.push(`  - ${block(d)}`);
  if (err.hint) lines.push(`${c.dim('hint:')} ${block(err.hint)}`);
  return `${lines.join('\n')}\n`;
}

export function renderBug(err: unknown, c: ChalkInstance, debug: boolean): string {
  const message = err instanceof Error ? err.message : String(err);
  const lines = [
    `${c.red('error:')} unexpected failure: ${terminalSafe(message)}`,
    'This is a bug in chronolog. Rerun with --debug for details and report it with the command you ran (not your files).',
  ];
  if (debug && err instanceof Error && err.stack) lines.push(err.stack);
  return `${lines.join('\n')}\n`;
}

/** Renders fatal errors for people: what happened, where, and what to do next (the hint last, where eyes land). */
import type { ChalkInstance } from 'chalk';
import { UsageError } from '../model/errors.js';
import type { ToolError } from '../model/index.js';
import { terminalSafe } from '../reports/sanitize.js';

export function renderError(err: ToolError | UsageError, c: ChalkInstance): string {
  const lines = [`${c.red('error:')} ${terminalSafe(err.message)}`];
  const details = err instanceof UsageError ? err.details : [];
  for (const d of details) lines.push(`  - ${terminalSafe(d)}`);
  if (err.hint) lines.push(`${c.dim('hint:')} ${terminalSafe(err.hint)}`);
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

/**
 * Reactions to a Meta message, as both JSON exports write them — `[{"reaction": "😢", "actor": "Zoë Example"}]`
 * (classic `message_N.json` and the end-to-end encrypted download alike) — in the Twitter source's words.
 */
import { isRecord } from './thread-file.js';

/**
 * The reactions to a message as Twitter's are written, `😢 by Zoë Example, ❤ by Sam Sample`, repaired like every
 * other string of the file (`fix`); a missing or empty field is `?`; undefined when there are none. A reaction is
 * part of its message, never a record.
 */
export function reactionList(list: unknown, fix: (s: string) => string): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? fix(v) : '?');
  const out = list.filter(isRecord).map((r) => `${text(r['reaction'])} by ${text(r['actor'])}`);
  return out.length > 0 ? out.join(', ') : undefined;
}

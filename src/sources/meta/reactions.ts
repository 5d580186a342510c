/**
 * Reactions to a Meta message, as both JSON exports write them — `[{"reaction": "😢", "actor": "Zoë Example"}]`
 * (classic `message_N.json` and the end-to-end encrypted download alike) — and as the HTML page lists them
 * (`<ul><li>😢Zoë Example</li></ul>`, the emoji glued to the name), in the Twitter source's words.
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

/** One emoji: a pictograph with its variation selector, skin tone and zero-width-joined parts, or a flag. */
const EMOJI =
  /^(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}[\u{fe0f}\p{Emoji_Modifier}]*(?:\u{200d}\p{Extended_Pictographic}[\u{fe0f}\p{Emoji_Modifier}]*)*)/u;

/**
 * The reaction items of an HTML page (`😢Zoë Example`) in the JSON's words (`😢 by Zoë Example, …`); an item that
 * does not start with one emoji followed by a name is kept as the page shows it. Undefined when there are none.
 */
export function htmlReactionList(items: readonly string[]): string | undefined {
  const out = items.map((item) => {
    const emoji = EMOJI.exec(item)?.[0];
    const actor = emoji === undefined ? '' : item.slice(emoji.length).trim();
    return emoji === undefined || actor === '' ? item : `${emoji} by ${actor}`;
  });
  return out.length > 0 ? out.join(', ') : undefined;
}

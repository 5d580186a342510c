/**
 * How much of its header fields one e-mail keeps, and how it says what it left out (EMAIL_HEADER_CUT,
 * EMAIL_HEADER_TOO_LONG). Two bounds, both far above real mail:
 *
 *   - each field is read up to MAX_FIELD_BYTES (1 MiB) as written (./headers.ts, capFields);
 *   - the header values an event keeps (its subject, in the text and as the conversation; recipients, sender
 *     evidence, the Date as written and the rest in details; the names of its attachments; the Subject, From
 *     and Date of attached messages) come to at most MAX_KEPT_BYTES (2 MiB) of UTF-8 together (KeptHeaders).
 *
 * The timeline holds every event to the end of the run, so without the second bound a damaged message with eight
 * fields of a megabyte, or forty attachments with names of a megabyte, kept each of them: 9.4 and 42 million
 * characters for one message. Values are taken in a fixed order, the order of ./message.ts (subject first,
 * attachment names and attached messages near the end); the one that runs past the bound is cut before a whole
 * character, the ones after it are left out, and each is named, with the bytes kept, in the message's one
 * EMAIL_HEADER_TOO_LONG warning. 2,000 recipients, the most Google Workspace takes on one message, fill 106 KB,
 * and a message with them and 200 attachments of long names is kept whole. The sender (the first From mailbox,
 * one shared party per sender) is outside the bound: it is read from one field, at most 1 MiB.
 */
import { andList, listed, thousands } from '../../model/format.js';
import { CappedText } from '../long-text.js';
import type { SourceContext } from '../source.js';
import { type CutField, MAX_FIELD_BYTES } from './headers.js';

/** The most bytes (UTF-8) of header values one event keeps, all together: a field at the cap and all the rest. */
export const MAX_KEPT_BYTES = 2 * MAX_FIELD_BYTES;

/** The flag of a message with header text left out: a field cut to MAX_FIELD_BYTES, or values past MAX_KEPT_BYTES. */
export const HEADER_CUT = 'EMAIL_HEADER_CUT';

/** A value cut or left out to stay within MAX_KEPT_BYTES. */
export interface CutValue {
  /** What it is, after "its" in a sentence: `To field`, `attachment names`. */
  readonly what: string;
  /** It is a header field (named by `what` less " field"), to be listed with the others. */
  readonly field: boolean;
  /** The bytes kept (0: left out). */
  readonly kept: number;
}

/** The header values one message keeps, taken in order until MAX_KEPT_BYTES are used, the rest counted. */
export class KeptHeaders {
  /** Bytes of every value offered, kept or not. */
  total = 0;
  readonly cut: CutValue[] = [];
  private room: number;

  constructor(max = MAX_KEPT_BYTES) {
    this.room = max;
  }

  /** The header field `name`'s value as kept: whole, its start, or '' when nothing is left. */
  field(name: string, value: string | undefined): string {
    return value === undefined || value === '' ? '' : this.take(`${name} field`, true, [value], '');
  }

  /** A value that is not a header field as written (the mbox `From ` line) as kept. */
  value(what: string, value: string | undefined): string {
    return value === undefined || value === '' ? '' : this.take(what, false, [value], '');
  }

  /** Items (attachment names) joined by `sep` as kept. */
  list(what: string, items: readonly string[] | undefined, sep: string): string {
    return items === undefined || items.length === 0 ? '' : this.take(what, false, items, sep);
  }

  private take(what: string, field: boolean, items: readonly string[], sep: string): string {
    const text = new CappedText(this.room);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) text.add(sep);
      text.add(items[i]!);
    }
    this.room -= text.kept;
    this.total += text.kept + text.dropped;
    if (text.dropped > 0) this.cut.push({ what, field, kept: text.kept });
    return text.text();
  }
}

/** How many cut fields a warning names; the rest are counted. */
const NAMED_CUTS = 4;

/** Fields of a message's own header whose value the event holds as read (text, conversation, details). */
const SHOWN = new Set([
  'subject',
  'from',
  'to',
  'cc',
  'reply-to',
  'return-path',
  'in-reply-to',
  'authentication-results',
  'x-gmail-labels',
]);

/** What the timeline has of values cut or left out by KeptHeaders, after "so the timeline has". */
function keptWords(cut: readonly CutValue[]): string {
  const some = cut
    .filter((c) => c.kept > 0)
    .map((c) => `only the first ${thousands(c.kept)} bytes of its ${c.what}`);
  const none = cut.filter((c) => c.kept === 0);
  const fields = none.filter((c) => c.field).map((c) => c.what.slice(0, -' field'.length));
  const groups = [
    ...(fields.length > 0 ? [`${andList(fields)} field${fields.length > 1 ? 's' : ''}`] : []),
    ...none.filter((c) => !c.field).map((c) => c.what),
  ];
  return andList([...some, ...(groups.length > 0 ? [`none of its ${andList(groups)}`] : [])]);
}

/**
 * Warns, once for the message at `locator`, of what it left out of its header: fields longer than
 * MAX_FIELD_BYTES in its own header (`top`) and in its parts' headers (`parts`), read in part, and, for a message
 * kept as an event (`kept`; flagged HEADER_CUT), values left out past MAX_KEPT_BYTES. A skipped or rejected
 * message has nothing in the timeline, so its warning only says what was read.
 */
export function warnCutFields(
  ctx: SourceContext,
  locator: number | string,
  top: readonly CutField[],
  parts: readonly CutField[],
  kept?: KeptHeaders,
): void {
  const all = [...top.map((f) => ({ f, part: false })), ...parts.map((f) => ({ f, part: true }))];
  const over = kept?.cut ?? [];
  if (all.length === 0 && over.length === 0) return;
  const sentences: string[] = [];
  if (all.length === 1) {
    const { f, part } = all[0]!;
    const lines = f.lines > 1 ? ` (${thousands(f.lines)} lines)` : '';
    const lower = f.name.toLowerCase();
    const shown =
      kept !== undefined &&
      !part &&
      SHOWN.has(lower) &&
      !over.some((c) => c.field && c.what.toLowerCase() === `${lower} field`);
    sentences.push(
      part
        ? `The ${f.name} field of a part of this message's body is ${thousands(f.bytes)} bytes long${lines}`
        : `This message's ${f.name} field is ${thousands(f.bytes)} bytes long${lines}`,
      `chronolog reads at most 1 MiB of a header field, so only its first ${thousands(f.kept)} bytes ${shown ? 'are in the timeline' : 'were read'}`,
    );
  } else if (all.length > 1) {
    const { shown, more } = listed(all, NAMED_CUTS);
    const named = shown.map(
      ({ f, part }) =>
        `${f.name}${part ? ' in a part of its body' : ''} (${thousands(f.bytes)} bytes${f.lines > 1 ? `, ${thousands(f.lines)} lines` : ''})`,
    );
    sentences.push(
      `This message has ${thousands(all.length)} header fields longer than 1 MiB: ${more > 0 ? `${named.join(', ')} and ${thousands(more)} more` : andList(named)}`,
      'chronolog reads at most 1 MiB of a header field, so only the first 1 MiB of each was read',
    );
  }
  if (over.length > 0) {
    const bound = "keeps at most 2 MiB of one message's header fields";
    sentences.push(
      all.length > 0
        ? `It ${bound}, so the timeline has ${keptWords(over)}`
        : `The header fields of this message that the timeline shows come to ${thousands(kept!.total)} bytes. chronolog ${bound}, so the timeline has ${keptWords(over)}`,
    );
  }
  ctx.warn(
    'EMAIL_HEADER_TOO_LONG',
    locator,
    `${sentences.join('. ')}; the rest is only in the original file.`,
    'Mail programs write header fields of a few kilobytes (2,000 recipients, the most Google Workspace takes on one message, fill about 100 KB): a damaged or edited file, or another file joined into the message, can make one this long. Check this message in the mailbox or mail program it came from.' +
      (kept !== undefined ? ` The message carries the ${HEADER_CUT} flag.` : ''),
  );
}

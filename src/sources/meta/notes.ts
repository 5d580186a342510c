/**
 * The per-file notes and per-record rejections the three Meta sources (classic JSON, E2EE JSON, HTML) share, so
 * each reads a damaged record, an unknown `type`, an empty record and an unnamed app the same way.
 */
import type { SourceContext } from '../source.js';

/** Rejects an element of `messages` that is no JSON object (`null`, a number, an array). */
export function rejectNotAMessage(ctx: SourceContext, locator: string, value: unknown): void {
  ctx.reject(
    'MESSENGER_BAD_MESSAGE',
    locator,
    `${locator} is ${JSON.stringify(value)?.slice(0, 40)}, not a message object.`,
    'The file was altered or damaged after Meta wrote it; download your information again, or check this entry by hand.',
  );
}

/**
 * A file's MESSENGER_UNKNOWN_TYPE note: call it with each record's `type`; a value outside `known` is named once
 * per file, and the record is still read by its content.
 */
export function unknownTypeNote(
  ctx: SourceContext,
  known: ReadonlySet<string>,
): (locator: string, type: string | undefined) => void {
  const seen = new Set<string>();
  return (locator, type) => {
    if (type === undefined || known.has(type) || seen.has(type)) return;
    seen.add(type);
    ctx.warn(
      'MESSENGER_UNKNOWN_TYPE',
      locator,
      `Message type ${JSON.stringify(type)} is not a known type; read by its content.`,
      'Check that message in the app: a newer export may use a type chronolog does not know yet. It is counted by what it holds, so the counts stand.',
    );
  };
}

/**
 * A file's MESSENGER_NO_CONTENT note, given once at the first record kept as kind `other` for having nothing
 * (`what` says what it lacks, as the source reads records).
 */
export function noContentNote(ctx: SourceContext, what: string): (locator: string) => void {
  let noted = false;
  return (locator) => {
    if (noted) return;
    noted = true;
    ctx.warn(
      'MESSENGER_NO_CONTENT',
      locator,
      `A message has ${what}; it is kept as kind "other".`,
      'Check that message in the app: it may be a sticker, a reaction or a shared item the export does not describe. It is still counted.',
    );
  };
}

/** Says once per file that its path names neither app, so its messages are counted as Messenger (channel.ts). */
export function warnChannelAssumed(ctx: SourceContext): void {
  ctx.warn(
    'MESSENGER_CHANNEL_ASSUMED',
    undefined,
    'The path names neither Facebook nor Instagram, so these messages are counted as Messenger.',
    'Keep Instagram threads under their your_instagram_activity folder (or put "instagram" in the folder name).',
  );
}

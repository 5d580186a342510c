/**
 * Signal Desktop messages exported with `signal-export` as `data.json`: NDJSON, one message object per line,
 * written next to the conversation's chat.md. Sample (anonymised, one line each):
 *
 *   {"date": "2024-03-01T18:04:22.412000", "sender": "Sam", "body": "Answer me  ", "quote": "", "sticker": null, "reactions": [], "attachments": []}
 *   {"date": "2024-03-01T18:06:00.077000", "sender": "Sam", "body": "  ", "attachments": [{"name": "IMG_0042.jpg", "path": "media/IMG_0042.jpg"}]}
 *   {"date": "2024-03-01T18:06:30.118000", "sender": "Sam", "body": "Missed voice call  ", "call": true, "missed": true}
 *   {"date": "2024-03-01 18:07:31", "sender": "Me", "body": "Please stop contacting me."}      older versions
 *
 * Quirks: `date` is naive local time from Python's `fromtimestamp` (the exporting computer's zone), resolved in
 * the case zone; a message without a timestamp is dated 1970-01-01, which means unknown: rejected, never used;
 * "Me" is the exporter; `deleted`/`call`/`missed`/`sticker`/`quote` appear in newer versions. `reactions` are
 * `[name, emoji]` pairs: no messages, but their names are told to the context as people (for anonymise). Bodies are read as
 * ./signal-export.ts describes (padding trimmed, a call's kind and outcome from its sentence), exactly as the
 * chat.md twin reads them, so the two files of one conversation count each message once. One bad line is
 * rejected with its line number and the rest are read (a line that is valid JSON but no object, such as an array
 * or `null`, too); a bad last line without a line break (signal-export ends every line with one) was cut short
 * (an interrupted copy or download): its start was read, so it is counted, rejected at its line number
 * (SIGNAL_RECORD_CUT_SHORT, worded by ./cut-record.ts) and never emitted with the part read, and the file is
 * reported as cut (SIGNAL_JSON_TRUNCATED). A last line whose JSON is whole, and only its line break missing, is
 * read as any other; a file cut just after a line break begins no line and rejects nothing. A line of more than a
 * million JSON values or longer than 8 MiB (SIGNAL_TOO_LARGE, ./json-values.ts), or nested too deeply
 * (SIGNAL_TOO_DEEP), is rejected unread, a too large one so even as the last line without a line break (what it
 * held cannot be parsed to tell); a line over 8 MiB is never held whole. A body longer than any Signal message
 * (over MAX_TEXT_BYTES, 1 MiB, trimmed, its CRLF and CR line breaks counted as chat.md reads them: one byte) is
 * kept with its first MiB, those line breaks written LF, flagged SIGNAL_TEXT_CUT and warned of
 * (SIGNAL_TEXT_TOO_LONG, told once with chat.md's copy), as chat.md's copy of it is (long-text.ts), so the two
 * copies still match; a body within the cap is kept as written. A quote is kept to its first MiB, as in chat.md.
 */
import type { Kind, Party } from '../model/index.js';
import { rejectCutRecord } from './cut-record.js';
import { nestsTooDeep, TOO_DEEP } from './json-depth.js';
import { hasTooManyValues, MAX_LINE_CHARS, TOO_MANY_VALUES, tooLongInWords } from './json-values.js';
import { cutString, MAX_TEXT_BYTES, textCutCopy, warnTextCut } from './long-text.js';
import { jsonQuote, peopleTeller, signalCall, TEXT_CUT_FLAGS, TEXT_OVER } from './signal-export.js';
import { type Source, SourceFailure } from './source.js';
import { forEachLine } from './text.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;
const ME: Party = { name: 'Me', role: 'victim' };
const HINT = 'Check this line of data.json; other lines were read.';

/** What every line should be, for the rejection of one that is not. */
const EXPECTED =
  'signal-export writes one message per line, a JSON object such as {"date": …, "sender": …, "body": …}';

/**
 * The names in a message's `reactions`: `[name, emoji]` pairs as signal-export writes them, or `{name, emoji}`
 * objects should a version write them so; without the exporter ("Me").
 */
function jsonReactors(reactions: unknown): string[] {
  if (!Array.isArray(reactions)) return [];
  const names: string[] = [];
  for (const r of reactions) {
    const name: unknown = Array.isArray(r)
      ? r[0]
      : typeof r === 'object' && r !== null
        ? (r as Record<string, unknown>)['name']
        : undefined;
    if (typeof name === 'string' && name.trim() !== '' && name.trim() !== 'Me') names.push(name.trim());
  }
  return names;
}

/**
 * A trimmed body as kept: whole when its text is at most MAX_TEXT_BYTES, as chat.md's copy of it reads (line
 * breaks one byte each: chat.md's reader splits its lines at CRLF, CR and LF alike), else that text — its line
 * breaks written as LF — cut to MAX_TEXT_BYTES, with the bytes left out, and its length in bytes and lines.
 */
function jsonBody(whole: string): { text: string; dropped: number; total: number; lines: number } {
  const same = { text: whole, dropped: 0, total: 0, lines: 0 };
  // Three bytes at most per UTF-16 code unit: a body this short is within the cap, and is not measured.
  if (whole.length * 3 <= MAX_TEXT_BYTES || Buffer.byteLength(whole) <= MAX_TEXT_BYTES) return same;
  const text = whole.replace(/\r\n?/g, '\n');
  const cut = cutString(text, MAX_TEXT_BYTES);
  // A body of CRLF lines over the cap by fewer bytes than it has CRs is whole, as it is in chat.md.
  if (cut.dropped === 0) return same;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { text: cut.text, dropped: cut.dropped, total: Buffer.byteLength(cut.text) + cut.dropped, lines };
}

/** Where a file that ends inside `line` (number `lineNo`, its whole text) ends: after its last character. */
function endOf(line: string, lineNo: number): string {
  let chars = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // The second half of a surrogate pair is no character of its own.
    if (c < 0xdc00 || c > 0xdfff) chars++;
  }
  return `line ${lineNo}, column ${chars + 1}`;
}

/** The start of a rejected line, to find it by. */
function shown(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/** What a parsed JSON value that is no object is, in words, with the start of its `line`. */
function jsonKind(v: unknown, line: string): string {
  if (v === null || typeof v === 'boolean') return `the JSON value ${String(v)}`;
  const kind = Array.isArray(v) ? 'an array' : typeof v === 'string' ? 'a string' : 'a number';
  return `${kind} in JSON (${shown(line)})`;
}

/** A sticker's stand-in text as chat.md writes it (its emoji, or "sticker"), or `undefined` for none. */
function stickerLabel(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const emoji = (raw as Record<string, unknown>)['emoji'];
  return typeof emoji === 'string' && emoji !== '' ? emoji : 'sticker';
}

/**
 * Builds the signal-json source; `maxLineChars` (json-values.ts MAX_LINE_CHARS) is only lowered by tests, so that
 * a line over it need not be tens of megabytes.
 */
export function createSignalJson(maxLineChars = MAX_LINE_CHARS): Source {
  return {
    id: 'signal-json',
    label: 'Signal Desktop data.json (signal-export, NDJSON)',
    reads: 'Messages of one Signal conversation, one JSON object per line, as written by signal-export',
    recognisedBy: 'the first line is a JSON object with "date", "sender" and "body" keys',
    howToExport:
      'Signal Desktop + signal-export: `sigexport ~/signal-chats`; each conversation folder has data.json',
    extensions: ['.json'],
    detect(probe) {
      const first = probe.text.split(/\r\n|\n/, 1)[0] ?? '';
      return (
        /^\s*\{.*"date"\s*:\s*"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(first) &&
        /"sender"\s*:/.test(first) &&
        /"body"\s*:/.test(first)
      );
    },
    async parse(input, ctx) {
      const parties = new Map<string, Party>();
      const tell = peopleTeller(ctx);
      let cut: number | undefined;
      await forEachLine(
        input,
        (raw, lineNo, unended) => {
          const line = raw.trim();
          if (line === '') return;
          // Counted before it is parsed: a line of millions of `{}` would be built whole (json-values.ts).
          if (hasTooManyValues(line)) {
            ctx.reject(
              'SIGNAL_TOO_LARGE',
              lineNo,
              `line ${lineNo} is ${TOO_MANY_VALUES}, which no signal-export message is; it was not read`,
              HINT,
            );
            return;
          }
          let parsed: unknown;
          try {
            parsed = JSON.parse(line);
          } catch {
            // signal-export ends every line with a line break: a broken last line without one was cut short. It
            // was begun, so it is counted (rejected), before the failure below.
            if (unended) {
              cut = lineNo;
              rejectCutRecord(ctx, 'SIGNAL_RECORD_CUT_SHORT', lineNo, endOf(raw, lineNo));
            } else {
              ctx.reject(
                'SIGNAL_BAD_JSON',
                lineNo,
                `line ${lineNo} is not valid JSON (${shown(line)}): ${EXPECTED}`,
                HINT,
              );
            }
            return;
          }
          if (nestsTooDeep(line)) {
            ctx.reject(
              'SIGNAL_TOO_DEEP',
              lineNo,
              `line ${lineNo} is ${TOO_DEEP}, which signal-export never writes; it was not read`,
              HINT,
            );
            return;
          }
          // Valid JSON, but an array, a string, a number, true, false or null: no message can be read from it
          // (and `null['date']` would stop the whole file).
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            ctx.reject(
              'SIGNAL_NOT_OBJECT',
              lineNo,
              `line ${lineNo} is ${jsonKind(parsed, line)}, not a message: ${EXPECTED}`,
              HINT,
            );
            return;
          }
          const m = parsed as Record<string, unknown>;
          // Reactions are no messages, but those who reacted are people (signal-export.ts), on any line.
          tell(jsonReactors(m['reactions']));
          const date = typeof m['date'] === 'string' ? DATE.exec(m['date']) : null;
          if (!date || date[1] === '1970') {
            ctx.reject(
              'SIGNAL_BAD_DATE',
              lineNo,
              `message has no usable date (${JSON.stringify(m['date'] ?? null)})`,
              HINT,
            );
            return;
          }
          const name = typeof m['sender'] === 'string' && m['sender'] !== '' ? m['sender'] : undefined;
          const me = name === 'Me';
          let sender: Party | undefined = me ? ME : name === undefined ? undefined : parties.get(name);
          if (!sender && name !== undefined) {
            sender = { name };
            parties.set(name, sender);
          }
          const whole = typeof m['body'] === 'string' ? m['body'].trim() : '';
          // Cut as chat.md's copy of the message is, so that the two still match (signal-export.ts).
          const { text: body, dropped, total, lines } = jsonBody(whole);
          if (dropped > 0) {
            warnTextCut(ctx, {
              code: 'SIGNAL_TEXT_TOO_LONG',
              flag: TEXT_CUT_FLAGS[0]!,
              line: lineNo,
              kept: total - dropped,
              total,
              lines,
              over: TEXT_OVER,
              copy: textCutCopy(name ?? '', `${date[1]}-${date[2]}-${date[3]}T${date[4]}:${date[5]}`, total),
            });
          }
          const attachments = Array.isArray(m['attachments']) ? m['attachments'].length : 0;
          const sticker = stickerLabel(m['sticker']);
          const quote = jsonQuote(m['quote']);
          const isCall = m['call'] !== undefined && m['call'] !== null && m['call'] !== false;
          const call = isCall
            ? (signalCall(body) ?? {
                status: m['missed'] === true ? ('missed' as const) : ('unknown' as const),
              })
            : undefined;
          const kind: Kind = call
            ? 'call'
            : m['deleted'] === true
              ? 'deleted'
              : body === '' && (attachments > 0 || sticker !== undefined)
                ? 'media'
                : 'message';
          const details: Record<string, string> = {};
          if (attachments > 0) details['attachments'] = String(attachments);
          if (sticker !== undefined) details['sticker'] = sticker;
          if (quote !== undefined) details['quote'] = quote;
          const seconds = date[6] !== undefined;
          ctx.emit({
            locator: lineNo,
            time: {
              type: 'local',
              local: `${date[1]}-${date[2]}-${date[3]}T${date[4]}:${date[5]}${seconds ? `:${date[6]}` : ''}`,
              precision: seconds ? 's' : 'min',
            },
            channel: 'signal',
            kind,
            direction: me ? 'outgoing' : 'unknown',
            ...(sender ? { sender } : {}),
            ...(body !== '' ? { text: body } : {}),
            ...(call ? { call } : {}),
            ...(Object.keys(details).length > 0 ? { details } : {}),
            ...(dropped > 0 ? { flags: TEXT_CUT_FLAGS } : {}),
          });
        },
        ctx,
        {
          maxChars: maxLineChars,
          // Never held, so neither parsed nor judged cut short: rejected unread, whether it ends the file or not.
          onLong: (lineNo, chars) =>
            ctx.reject(
              'SIGNAL_TOO_LARGE',
              lineNo,
              `line ${lineNo} is ${tooLongInWords(chars, maxLineChars)}, which no signal-export message is; it was not read`,
              HINT,
            ),
        },
      );
      ctx.warn(
        'SIGNAL_LOCAL_TIME',
        undefined,
        `times in ${input.path} are the exporting computer's local time without a zone; they were read in ${ctx.options.timezone}`,
        'If the computer that ran signal-export used another zone, re-run with --tz ZONE.',
      );
      if (cut !== undefined) {
        throw new SourceFailure(
          'SIGNAL_JSON_TRUNCATED',
          `The file ends in the middle of line ${cut}, which is not a whole message: data.json was cut short (an interrupted copy or download). The messages before it were kept.`,
          cut,
          'Copy data.json again from the signal-export folder, or run sigexport again, to read the rest.',
        );
      }
    },
  };
}

export const signalJson: Source = createSignalJson();

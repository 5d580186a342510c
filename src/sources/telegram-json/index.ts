/**
 * Telegram Desktop export, "Machine-readable JSON" (`result.json`).
 *
 * ```
 * {
 *  "name": "Sam Example", "type": "personal_chat", "id": 4400000001,
 *  "messages": [
 *   { "id": 101, "type": "message", "date": "2024-03-01T18:04:22", "date_unixtime": "1709316262",
 *     "from": "Sam Example", "from_id": "user4400000001", "text": ["see ", {"type": "link", "text": "https://example.org"}] },
 *   { "id": 102, "type": "service", "date_unixtime": "1709316300", "actor": "Sam Example",
 *     "actor_id": "user4400000001", "action": "phone_call", "discard_reason": "missed" },
 * ```
 * Shapes: a single chat (`name`, `type`, `id`, `messages[]` at the top) or a whole account (`personal_information`,
 * `contacts`, …, `chats.list[].messages[]` and `left_chats.list[].messages[]`, the channels and groups the owner
 * left). Locators are JSON paths: `messages[12]`, `chats.list[3].messages[10]` (0-based, like JSON Pointer).
 *
 * Quirks handled: `date` is the exporting computer's wall clock with no zone (before tdesktop 3.7.6, 2022, it is
 * the only time) — read as local time in the case zone and flagged `TELEGRAM_LOCAL_TIME`; `date_unixtime` is UTC
 * seconds as a string, and the exact time when both are written. They then differ by the exporting computer's zone
 * offset, a whole number of quarter hours; a message where they differ otherwise (an edited file) keeps
 * `date_unixtime`, is flagged `time-local-mismatch` and counted in one `TELEGRAM_DATE_MISMATCH` warning. `text` is a string or an array of strings and `{type, text}` entities. `from` is null for
 * deleted accounts (the `from_id` remains). Calls are `service` entries, caller in `actor`: `phone_call`,
 * `conference_call` (2025 on) and `group_call` (a voice or video chat started in a group; its length in `duration`). Control characters are written as `\xHH`, which is not JSON: repaired and flagged. In a full-account
 * export `personal_information.user_id` names the exporter: their messages get role `victim` and direction
 * `outgoing`, everyone else's `incoming`; a single-chat export does not say who exported it (direction `unknown`).
 * A `personal_chat`'s `name` is the other person: told to the context once per chat (`SourceContext.people`), for
 * `anonymise` to redact them in texts even if they never write; group, channel and bot names are not people.
 *
 * Two other service entries are contacts too: `invite_to_group_call` (the `actor` rang `members` to join a group
 * voice chat) is a `call` of unknown outcome, `details.callType` "group-invitation"; `proximity_reached` ("Sam is
 * within 50 m of you": `from`/`from_id` came within `distance` metres of `to`/`to_id`, who set the alert; there is
 * no `actor`) is kind `other` from `from`, with `details.to`, `toId` and `distanceMetres`.
 *
 * A text over 1 MiB (MAX_TEXT_BYTES; Telegram sends at most 4,096 characters, so only a damaged or hand-made file
 * holds one) is kept with its first MiB of visible text (the strings and entity texts of `text`, joined, cut before a
 * whole character), flagged TELEGRAM_TEXT_CUT and warned of (TELEGRAM_TEXT_TOO_LONG, in Messenger's words:
 * long-text.ts `warnJsonTextCut`). A `text` or `text_entities` over 8 MiB as written (HOLD_TEXT_CHARS) is read as it
 * comes and never held (long-text.ts here); a message over 32 MiB besides its text is rejected unread
 * (TELEGRAM_TOO_LARGE) and reading goes on.
 *
 * Deliberately unsupported: the HTML export (`messages.html`), and UTF-16 re-saves of `result.json` (refused with
 * a clear message). Other service entries (group created, member invited, message pinned…) are skipped as
 * `service-<action>`. For speed, only the members chronolog reads are decoded (with JSON semantics); other members
 * and everything outside the messages arrays are delimited but not validated as strict JSON.
 *
 * A file that stops inside an element of a messages array (it ends there after an interrupted export, copy or
 * download, TELEGRAM_TRUNCATED; or its JSON breaks there, TELEGRAM_INVALID_JSON or TELEGRAM_TOO_DEEP) has had
 * that element's start read: the element is counted, rejected at its own locator (TELEGRAM_RECORD_CUT_SHORT or
 * TELEGRAM_RECORD_MALFORMED, worded by ../cut-record.ts) before the failure is thrown, which takes the same
 * locator, and never emitted with the part read. A number element is whole only once the byte after it is read.
 * A file that stops between two elements (after a message's closing brace, before the next one's first byte) or
 * outside the messages arrays rejects none: every element it began is already counted. Between two elements the
 * failure's locator is their array (`messages`, `chats.list[0].messages`), never the next element, which the file
 * may not hold.
 */
import { rejectBrokenRecord, rejectCutRecord } from '../cut-record.js';
import { HOLD_TEXT_CHARS } from '../long-text.js';
import { type Source, type SourceContext, SourceFailure, type SourceInput } from '../source.js';
import { sniffBom } from '../text.js';
import { loadTextTokenizer } from './long-text.js';
import { newFileState, readElement, readObject, warnDateMismatch } from './message.js';
import { type ChatInfo, ScanError, TelegramScanner } from './scanner.js';

// A full export opens with "about" (a sentence in the app's language), then one of tdesktop's section names.
const FULL_EXPORT_ABOUT =
  /^\s*\{\s*"about"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"(?:personal_information|profile_pictures|stories|contacts|frequent_contacts|sessions|web_sessions|other_data|chats|left_chats)"\s*:\s*[{[]/;
const CHATS_LIST = /"(?:left_)?chats"\s*:\s*\{\s*(?:"about"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*)?"list"\s*:\s*\[/;
const PERSONAL = /"personal_information"\s*:\s*\{\s*"user_id"\s*:/;
const MESSAGES = /"messages"\s*:\s*\[/;
const ENTRY_TYPE = /"type"\s*:\s*"(?:message|service)"/;
const ENTRY_DATE = /"date(?:_unixtime)?"\s*:\s*"/;
const CHAT_TYPE =
  /"type"\s*:\s*"(?:personal_chat|bot_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|replies)"/;

/** Telegram Desktop "Machine-readable JSON" exports, one chat or a whole account, streamed. */
export const telegramJson: Source = {
  id: 'telegram-json',
  label: 'Telegram Desktop export (result.json)',
  reads:
    'messages, calls (one-to-one, conference and group voice chats, invitations to them) and proximity alerts from one chat, or from every chat of a full-account export',
  recognisedBy:
    'a JSON object with "messages": [ entries of "type" "message"/"service" with a "date" ], or "chats": {"list": [ … ]}',
  howToExport:
    'Telegram Desktop: chat menu → Export chat history, or Settings → Advanced → Export Telegram data; format "Machine-readable JSON"',
  extensions: ['json'],

  detect(probe) {
    const t = probe.text;
    if (!/^\s*\{/.test(t)) return false;
    if (FULL_EXPORT_ABOUT.test(t) || CHATS_LIST.test(t) || PERSONAL.test(t)) return true;
    return MESSAGES.test(t) && ((ENTRY_TYPE.test(t) && ENTRY_DATE.test(t)) || CHAT_TYPE.test(t));
  },

  async parse(input, ctx) {
    // Only a file this large can hold a text read as it comes (long-text.ts): no other run loads the tokenizer.
    if (!(input.bytes <= HOLD_TEXT_CHARS)) await loadTextTokenizer();
    const st = newFileState();
    const contacts = new Set<string>();
    const scanner = new TelegramScanner({
      message: (buf, fields, count, delta, bad, locator, chat, streamed) =>
        readObject(buf, fields, count, delta, bad, locator, chat, st, ctx, streamed),
      element: (json, problem, locator) => readElement(json, problem, locator, ctx),
      chat: (chat) => tellContact(chat, contacts, ctx),
      personal: (json) => {
        st.ownerId = ownerOf(json);
        // Senders met before this (never, in tdesktop's order) must be looked up again to get their role.
        st.parties.clear();
      },
      oddity: (path, message) =>
        ctx.warn(
          'TELEGRAM_UNEXPECTED_SHAPE',
          path,
          message,
          'Telegram Desktop does not write this, so the file was edited or made by another program. Check the chat in Telegram, or export it again with Telegram Desktop (JSON).',
        ),
    });
    let read = 0;
    let bomLength = 0;
    // The first 3 bytes are held back until a byte-order mark can be told apart (chunks may be tiny).
    let head: Buffer | undefined = Buffer.alloc(0);
    const start = (bytes: Buffer): void => {
      const bom = sniffBom(bytes);
      if (bom && bom.encoding !== 'utf-8') throw notUtf8(bom.encoding);
      bomLength = bom?.length ?? 0;
      scanner.write(bytes.subarray(bomLength));
    };
    try {
      for await (const chunk of input.open()) {
        const buf = chunk as Buffer;
        read += buf.length;
        if (head === undefined) scanner.write(buf);
        else {
          head = Buffer.concat([head, buf]);
          if (head.length >= 3) {
            start(head);
            head = undefined;
          }
        }
        ctx.progress(read);
      }
      if (head !== undefined) start(head);
      scanner.end();
    } catch (err) {
      if (err instanceof ScanError) throw await failure(err, input, bomLength, ctx);
      throw err;
    } finally {
      warnDateMismatch(st, ctx);
    }
  },
};

/**
 * For anonymise: a one-to-one chat's `name` is the other person, who may never write and so be in no event, yet a
 * text may name them ("Sam told me"); told to the context once per person and file. A group's or channel's name
 * ("Family") names no one, a bot is no person, and Saved Messages and Replies have no name.
 */
function tellContact(chat: ChatInfo, told: Set<string>, ctx: SourceContext): void {
  if (chat.type !== 'personal_chat' || chat.name === undefined) return;
  const name = chat.name.trim();
  if (name === '' || told.has(name)) return;
  told.add(name);
  ctx.people?.([name]);
}

function ownerOf(json: string): string | undefined {
  try {
    const id = (JSON.parse(json) as { user_id?: unknown } | null)?.user_id;
    return typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id)) ? `user${id}` : undefined;
  } catch {
    return undefined;
  }
}

function notUtf8(encoding: string): SourceFailure {
  return new SourceFailure(
    'TELEGRAM_ENCODING',
    `This result.json is ${encoding.toUpperCase()}; Telegram Desktop writes UTF-8, so it was re-saved by another program.`,
    undefined,
    'Use the result.json exactly as Telegram Desktop wrote it, or save it again as UTF-8.',
  );
}

/**
 * Turns a scanner error into a SourceFailure naming the line, column and byte where reading stopped. The message
 * it stopped inside, if any, is first rejected at its own locator (cut-record.ts), so that it is counted.
 */
async function failure(
  err: ScanError,
  input: SourceInput,
  bomLength: number,
  ctx: SourceContext,
): Promise<SourceFailure> {
  const offset = err.offset + bomLength;
  const where = err.place === '' ? '' : ` ${err.place}`;
  const kept = 'Everything before this point was read.';
  if (err.kind === 'empty') {
    return new SourceFailure('TELEGRAM_EMPTY', 'The file is empty.', undefined, 'Export the chat again.');
  }
  const pos = await position(input, offset);
  if (err.record !== undefined) {
    if (err.kind === 'truncated') rejectCutRecord(ctx, 'TELEGRAM_RECORD_CUT_SHORT', err.record, pos);
    else rejectBrokenRecord(ctx, 'TELEGRAM_RECORD_MALFORMED', err.record, pos, err.message);
  }
  if (err.kind === 'truncated') {
    return new SourceFailure(
      'TELEGRAM_TRUNCATED',
      `The file ends in the middle of the JSON,${where} (${pos}): the export is incomplete. ${kept}`,
      err.path || undefined,
      'It was probably cut off while exporting, copying or downloading: export or copy it again to read the rest.',
    );
  }
  const code =
    err.kind === 'too-deep'
      ? 'TELEGRAM_TOO_DEEP'
      : err.kind === 'not-object'
        ? 'TELEGRAM_NOT_AN_EXPORT'
        : 'TELEGRAM_INVALID_JSON';
  return new SourceFailure(
    code,
    `Reading stopped${where} (${pos}): ${err.message}. ${kept}`,
    err.path || undefined,
    'The file has been damaged or edited by hand: use the result.json exactly as Telegram Desktop wrote it.',
  );
}

/** "line L, column C, byte B": re-reads the file up to the byte (the error path only). */
async function position(input: SourceInput, offset: number): Promise<string> {
  let line = 1;
  let lineStart = 0;
  let seen = 0;
  try {
    for await (const chunk of input.open()) {
      const buf = chunk as Buffer;
      const end = Math.min(buf.length, offset - seen);
      for (let i = buf.indexOf(10); i !== -1 && i < end; i = buf.indexOf(10, i + 1)) {
        line++;
        lineStart = seen + i + 1;
      }
      seen += buf.length;
      if (seen >= offset) break;
    }
  } catch {
    return `byte ${offset}`;
  }
  return `line ${line}, column ${offset - lineStart + 1}, byte ${offset}`;
}

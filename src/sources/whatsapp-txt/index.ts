/**
 * WhatsApp chat export (.txt), Android and iOS, every numeric date layout. Sample lines (anonymised):
 *
 *   12/07/2023, 22:35 - Sam: Where are you?                            Android, d/m/y, 24 h
 *   7/12/23, 10:35 PM - +44 7700 900123: <Media omitted>              Android, US m/d/yy, U+202F before PM
 *   [20.06.23, 15:58:53] ~ Nev: ‎image omitted                         iOS (brackets, seconds, LRM, "~ " name)
 *   [2023/6/20, 15:58:53] Sam: ‎Sam added Alex                         iOS year-first; a notice with an author
 *   13.6.2023 klo 21.25 - Sam: Missed voice call                       Finnish "klo", dots in the time
 *   26/09/2023 à 22:39 - Sam: Salut                                   French Android, "à" before the time
 *   ٢٤‏/٤‏/٢٠٢٤، ٩:٠٥ م - سامي: <تم استبعاد الوسائط>                      Arabic: Arabic-Indic digits, RLMs, "،", ص/م
 *
 * Variants: `/ . -` date separators (also "13. 6. 2023."), 2- or 4-digit years (2-digit = 20xx), 12 h clocks
 * (`PM`, `p.m.`, `p. m.` with NBSP/U+202F, `am`; "00:xx AM" is read as 00:xx and flagged), with or without
 * seconds; BOM, LRM/RLM and bidi marks anywhere in a header; CRLF/LF/CR; UTF-8, or UTF-16 with a BOM or without
 * one (warned, text.ts utf16WithoutBom: a chat saved again as "Unicode" by a Windows tool). The framing is that of most headers, the
 * date shape that of the first (unless another has more than twice as many headers); a header written another way (an ISO-dated line pasted into a message) is read as part of the
 * message before it, with a warning. Day/month order comes from the whole file (see date-order.ts); `--date-order`
 * decides only where the file's dates cannot (it is not applied, with a warning, to a file they decide). Multi-line
 * messages take their continuation lines. A file that ends inside a message header was cut short: the messages
 * before it are kept, the message that header begins is counted as rejected at its line
 * (WHATSAPP_RECORD_CUT_SHORT: it was begun, but none of its text is there), and the file is listed as read in part.
 * Media placeholders, deleted messages and call notices are events; system notices (also iOS ones attributed to
 * a contact) and block notices are skipped with a reason.
 *
 * Arabic-language exports are read in the same grammar: Arabic-Indic (U+0660–U+0669) or Extended Arabic-Indic
 * (U+06F0–U+06F9) digits, the Arabic comma, RLMs, ص/م for AM/PM (scan.ts); only Gregorian dates (a year before
 * 2009 in those digits is taken for a Hijri year and rejected, clock.ts). Of their notices only the structure is
 * read (an Android notice has no author) and the Android media placeholder; other Arabic phrases stay messages.
 *
 * Deliberately unsupported: other non-Latin digits and AM/PM words (Chinese 下午, Korean 오후), month names, a
 * date/time order other than date first. Such lines are not headers; a file of them is not detected (one named
 * like a WhatsApp export is listed with a reason that says so: `notRead`).
 */
import type { Source, SourceContext, SourceFailure, SourceInput } from '../source.js';
import { firstPass, HeaderDates } from './first-pass.js';
import { readMessages } from './messages.js';
import { SIGN_PATTERNS } from './notices.js';
import { type Decision, decide, noMessages, sameDecision } from './plan.js';
import { Framing, HeaderScanner, Scan } from './scan.js';
import { conversationFromFileName } from './senders.js';

const detectScanner = new HeaderScanner();

// Signal's chat.md writes "[2024-01-01 12:00:00] Name: text", which is also a valid iOS layout (sv, en-CA);
// such files, and the rare colon/bare layouts, are only claimed with some sign that WhatsApp made them.
const WHATSAPP_NAME_RE = /whatsapp|^_chat\.txt$/i;
const WHATSAPP_TEXT_RE = new RegExp(SIGN_PATTERNS.join('|'), 'im');

function hasWhatsAppSign(name: string, text: string): boolean {
  return WHATSAPP_NAME_RE.test(name) || WHATSAPP_TEXT_RE.test(text);
}

/** True when one of the first ten non-empty lines is a WhatsApp message header. */
function detect(name: string, text: string): boolean {
  // The scanner reads UTF-8, and stops at the LF placed after the last line.
  const b = Buffer.from(`${text}\n`, 'utf8');
  const n = b.length - 1;
  let s = 0;
  let seen = 0;
  while (s < n && seen < 10) {
    let e = s;
    while (e < n && b[e] !== 0x0a && b[e] !== 0x0d) e++;
    if (e > s) {
      seen++;
      if (detectScanner.scan(b, s, e) === Scan.Header) {
        const sc = detectScanner;
        const isoInBrackets = sc.framing === Framing.Bracket && sc.sep === 0x2d && sc.w0 === 4;
        const rare = sc.framing === Framing.Colon || sc.framing === Framing.Bare;
        return isoInBrackets || rare ? hasWhatsAppSign(name, text) : true;
      }
    }
    s = e + 1;
  }
  return false;
}

/**
 * A file larger than this is read in one pass, with the framing and day/month order its first bytes show beyond
 * doubt, while every header's date is collected as the first pass would; the first pass (about a tenth of a
 * million-message report) is saved. Where the whole file decides otherwise (it mixes exports), or the read fails
 * part-way, everything reported is taken back (`SourceContext.restart`) and the file read again as two passes
 * read it: the outcome is always that of two passes.
 */
const GUESS_BYTES = 1 << 20;

async function parse(input: SourceInput, ctx: SourceContext): Promise<void> {
  if (ctx.restart !== undefined && input.bytes > GUESS_BYTES && (await readWithGuess(input, ctx))) return;
  const first = await firstPass(input, (bytes) => ctx.progress(Math.floor(bytes / 2)));
  const decision = decide(first.dates, ctx.options.dateOrder, input.path);
  if (decision === undefined) throw first.failure ?? noMessages();
  // The line reader reports progress only through this; the second pass fills the second half of the bar.
  const progressCtx: SourceContext = {
    ...ctx,
    progress: (bytes) => ctx.progress(Math.floor((first.bytes + bytes) / 2)),
  };
  const failure = await readDecided(input, ctx, decision, progressCtx);
  if (failure !== undefined) throw failure;
  // The first read failed but this one did not (an error that passed): every message was read, with the day/month
  // order taken from the part read first. The failure is still reported, and the file listed as read in part.
  if (first.failure !== undefined) throw first.failure;
}

/**
 * Gives the decision's warnings, then reads the messages as it says; returns the failure to throw once they are
 * read (the file was cut short, or its order is undecided), if any.
 */
async function readDecided(
  input: SourceInput,
  ctx: SourceContext,
  decision: Decision,
  progressCtx: SourceContext,
  dates?: HeaderDates,
): Promise<SourceFailure | undefined> {
  const { framing, shape, example, layout, forced, undecided, warns } = decision;
  for (const w of warns) ctx.warn(w.code, w.locator, w.message, w.hint);
  return readMessages(
    input,
    ctx,
    {
      framing,
      shape,
      example,
      layout,
      ...(forced ? { forced } : {}),
      conversation: conversationFromFileName(input.name),
      ...(undecided ? { undecided } : {}),
    },
    progressCtx,
    dates,
  );
}

/**
 * Reads the file in one pass with the decision its first GUESS_BYTES show, if they show one beyond doubt (no
 * warning, nothing undecided), and checks it against the whole file's header dates at the end. Returns false,
 * having read nothing, when the first bytes decide nothing for certain.
 */
async function readWithGuess(input: SourceInput, ctx: SourceContext): Promise<boolean> {
  const forced = ctx.options.dateOrder;
  const certain = (d: Decision | undefined): d is Decision =>
    d !== undefined && d.undecided === undefined && d.warns.length === 0;
  // Read only as far as it takes (most chats show a day above 12 within days): this part runs before the code
  // is compiled, at a few microseconds a line.
  const head = await firstPass(input, () => {}, {
    limit: GUESS_BYTES,
    enough: (dates) => certain(decide(dates, forced, input.path)),
  });
  if (head.failure !== undefined || head.complete) return false;
  const guess = decide(head.dates, forced, input.path);
  if (!certain(guess)) return false;
  const dates = new HeaderDates();
  let failure: SourceFailure | undefined;
  try {
    failure = await readDecided(input, ctx, guess, ctx, dates);
  } catch {
    // A read that fails part-way (a disk error, a damaged archive member): the first pass would have seen the
    // unfinished last line too, which this one never delivers. Rare enough to take everything back and read the
    // two-pass way, which gives the two-pass outcome whatever the failure.
    ctx.restart!();
    return false;
  }
  const whole = decide(dates, forced, input.path);
  if (whole === undefined || !sameDecision(whole, guess)) {
    ctx.restart!();
    if (whole === undefined) throw noMessages();
    failure = await readDecided(input, ctx, whole, ctx);
  }
  if (failure !== undefined) throw failure;
  return true;
}

/** The WhatsApp chat export (.txt) source. */
export const whatsappTxt: Source = {
  id: 'whatsapp-txt',
  label: 'WhatsApp chat export (.txt)',
  reads:
    'Messages, media placeholders, deleted messages and call notices of one WhatsApp chat, Android or iOS',
  recognisedBy:
    'a first line like "12/07/2023, 22:35 - Name: text" or "[12/07/2023, 22:35:10] Name: text" (also in Arabic-Indic digits)',
  howToExport:
    'In the chat: ⋮ or the contact name → More → Export chat → Without media (a .txt, or _chat.txt in a .zip)',
  extensions: ['.txt'],
  readsUtf16WithoutBom: true,
  detect: (probe) => detect(probe.name, probe.text),
  notRead: (probe) =>
    WHATSAPP_NAME_RE.test(probe.name)
      ? 'named like a WhatsApp chat export, but none of its first lines is a message header in a layout chronolog reads (numeric dates in Latin or Arabic-Indic digits, the date before the time)'
      : undefined,
  parse,
};

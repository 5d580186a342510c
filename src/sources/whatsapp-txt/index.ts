/**
 * WhatsApp chat export (.txt), Android and iOS, every numeric date layout. Sample lines (anonymised):
 *
 *   12/07/2023, 22:35 - Sam: Where are you?                            Android, d/m/y, 24 h
 *   7/12/23, 10:35 PM - +44 7700 900123: <Media omitted>              Android, US m/d/yy, U+202F before PM
 *   [20.06.23, 15:58:53] ~ Nev: ‎image omitted                         iOS (brackets, seconds, LRM, "~ " name)
 *   [2023/6/20, 15:58:53] Sam: ‎Sam added Alex                         iOS year-first; a notice with an author
 *   13.6.2023 klo 21.25 - Sam: Missed voice call                       Finnish "klo", dots in the time
 *
 * Variants: `/ . -` date separators (also "13. 6. 2023."), 2- or 4-digit years (2-digit = 20xx), 12 h clocks
 * (`PM`, `p.m.`, `p. m.` with NBSP/U+202F, `am`; "00:xx AM" is read as 00:xx and flagged), with or without
 * seconds; BOM, LRM/RLM and bidi marks anywhere in a header; CRLF/LF/CR. Day/month order comes from the whole
 * file (see date-order.ts) unless `--date-order` is given. Multi-line messages take their continuation lines.
 * Media placeholders, deleted messages and call notices are events; system notices (also iOS ones attributed to
 * a contact) and block notices are skipped with a reason.
 *
 * Deliberately unsupported: non-Latin digits and AM/PM words (Arabic "م", Chinese 下午, Korean 오후), month
 * names, a date/time order other than date first. Such lines are not headers; a file of them is not detected.
 */
import type { Source, SourceContext, SourceInput } from '../source.js';
import { SourceFailure } from '../source.js';
import { describeLayout, type Inference, LAYOUTS, type Layout, layoutName } from './date-order.js';
import { firstPass } from './first-pass.js';
import { readMessages } from './messages.js';
import { Framing, HeaderScanner, Scan } from './scan.js';
import { conversationFromFileName } from './senders.js';

const detectScanner = new HeaderScanner();

// Signal's chat.md writes "[2024-01-01 12:00:00] Name: text", which is also a valid iOS layout (sv, en-CA);
// such files, and the rare colon/bare layouts, are only claimed with some sign that WhatsApp made them.
const WHATSAPP_NAME_RE = /whatsapp|^_chat\.txt$/i;
const WHATSAPP_TEXT_RE =
  /end-to-end encrypted|Ende-zu-Ende|extremo a extremo|<Media omitted>|<attached: | omitted$|\(file attached\)/im;

function hasWhatsAppSign(name: string, text: string): boolean {
  return WHATSAPP_NAME_RE.test(name) || WHATSAPP_TEXT_RE.test(text);
}

/** True when one of the first ten non-empty lines is a WhatsApp message header. */
function detect(name: string, text: string): boolean {
  let s = 0;
  let seen = 0;
  while (s < text.length && seen < 10) {
    let e = s;
    while (e < text.length && text.charCodeAt(e) !== 0x0a && text.charCodeAt(e) !== 0x0d) e++;
    if (e > s) {
      seen++;
      if (detectScanner.scan(text, s, e) === Scan.Header) {
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
 * Picks the day/month order: the option if given, else the file's evidence. When nothing decides, `undecided`
 * is the failure to stop at — but only at the first record that needs a date: a file of notices needs none.
 */
function chooseLayout(
  inference: Inference,
  ctx: SourceContext,
): { layout: Layout; undecided?: SourceFailure } {
  const forced = ctx.options.dateOrder;
  if (forced !== undefined) {
    const layout = LAYOUTS[forced];
    if (inference.ok && inference.warn === undefined && layoutName(inference.layout) !== forced) {
      ctx.warn(
        'WHATSAPP_DATE_ORDER_OVERRIDDEN',
        undefined,
        `Dates read as ${describeLayout(layout)} as asked, although the file's dates only make sense as ${describeLayout(inference.layout)}.`,
        'Headers impossible in the chosen order are rejected; drop --date-order to use the order the file shows.',
      );
    }
    return { layout };
  }
  if (!inference.ok) {
    return {
      layout: LAYOUTS.dmy,
      undecided: new SourceFailure(
        'WHATSAPP_DATE_ORDER_AMBIGUOUS',
        inference.message,
        undefined,
        'Re-run with --date-order dmy or --date-order mdy',
      ),
    };
  }
  if (inference.warn) ctx.warn(inference.warn.code, undefined, inference.warn.message, inference.warn.hint);
  return { layout: inference.layout };
}

async function parse(input: SourceInput, ctx: SourceContext): Promise<void> {
  const first = await firstPass(input, (bytes) => ctx.progress(Math.floor(bytes / 2)));
  // Every export uses one framing; headers in another framing are text pasted into messages.
  let framing: Framing = Framing.Bracket;
  for (const f of [Framing.Dash, Framing.Colon, Framing.Bare]) {
    if (first.byFraming[f]!.headers > first.byFraming[framing]!.headers) framing = f;
  }
  const stats = first.byFraming[framing]!;
  if (stats.headers === 0) {
    if (first.failure !== undefined) throw first.failure;
    throw new SourceFailure(
      'WHATSAPP_NO_MESSAGES',
      'No line of the file is a WhatsApp message header ("12/07/2023, 22:35 - Name: text" or "[12/07/2023, 22:35:10] Name: text").',
      undefined,
      'Check that this is the .txt file from WhatsApp "Export chat"; other layouts are not supported.',
    );
  }
  const { layout, undecided } = chooseLayout(stats.infer(), ctx);
  // forEachLine only reports progress through this; the second pass fills the second half of the bar.
  const progressCtx: SourceContext = {
    ...ctx,
    progress: (bytes) => ctx.progress(Math.floor((first.bytes + bytes) / 2)),
  };
  await readMessages(
    input,
    ctx,
    {
      framing,
      layout,
      conversation: conversationFromFileName(input.name),
      ...(undecided ? { undecided } : {}),
    },
    progressCtx,
  );
  // The first read failed but this one did not (an error that passed): every message was read, with the day/month
  // order taken from the part read first. The failure is still reported, and the file listed as read in part.
  if (first.failure !== undefined) throw first.failure;
}

/** The WhatsApp chat export (.txt) source. */
export const whatsappTxt: Source = {
  id: 'whatsapp-txt',
  label: 'WhatsApp chat export (.txt)',
  reads:
    'Messages, media placeholders, deleted messages and call notices of one WhatsApp chat, Android or iOS',
  recognisedBy: 'a first line like "12/07/2023, 22:35 - Name: text" or "[12/07/2023, 22:35:10] Name: text"',
  howToExport:
    'In the chat: ⋮ or the contact name → More → Export chat → Without media (a .txt, or _chat.txt in a .zip)',
  extensions: ['.txt'],
  detect: (probe) => detect(probe.name, probe.text),
  parse,
};

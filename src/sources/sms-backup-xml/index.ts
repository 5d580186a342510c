/**
 * Android "SMS Backup & Restore" (SyncTech) XML: text messages, MMS and call logs.
 *
 * ```xml
 * <smses count="3" backup_set="…" backup_date="1709312640000" type="full">
 *   <sms protocol="0" address="+447700900123" date="1709312640000" type="1" subject="null" body="Line 1&#10;Line 2" read="1" readable_date="1 Mar 2024 17:04:00" contact_name="Sam" />
 *   <mms date="1709312700000" msg_box="1" address="+447700900123~+447700900456" m_id="…" …><parts>
 *     <part seq="-1" ct="application/smil" text="&lt;smil&gt;…" /><part seq="0" ct="text/plain" text="Look" />
 *     <part seq="0" ct="image/jpeg" cl="IMG_0001.jpg" data="/9j/4AAQ…" /></parts>
 *     <addrs><addr address="+447700900123" type="137" charset="106" /></addrs></mms>
 * <calls count="1"><call number="+447700900123" duration="0" date="1709312760000" type="3" presentation="1" /></calls>
 * ```
 *
 * Mapping: `sms` type 1 → incoming, 2 → outgoing (sender = the owner), 3 draft → skipped (`draft`), 4 outbox /
 * 5 failed / 6 queued → outgoing with the flag `SMS_UNSENT_OUTBOX|FAILED|QUEUED` (the victim wrote them, but they
 * were never delivered; kept so a reply attempt is visible, flagged so it is not read as delivered). `mms`:
 * sender from `<addr type="137">` (the `address` attribute names the whole thread, `~`-joined for groups);
 * `msg_box` 1/2/3/4/5 as above; delivery and read reports (`m_type` 134, 136) skipped (`mms-delivery-report`,
 * `mms-read-report`: receipts, no contact); text = the text/plain parts joined by newlines; SMIL ignored; kind `media` when
 * other parts exist (listed in `details.attachments` with their size; the base64 itself is never kept).
 * `call` types 1 answered, 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked, 7 answered on another device
 * (incoming, answered); `presentation` 2/3/4 or
 * the numbers -2/-1/-3 (Android's placeholders) give a sender without id named "Withheld number", "Unknown
 * number" or "Payphone", flagged `withheld`. `conversation` is the thread address / other party's number.
 * `duration` is the call's length in whole seconds; a value that cannot be one (negative, not a whole number,
 * longer than a day) leaves the length unknown and the call kept, with one SMS_BAD_CALL_DURATION warning per file
 * naming the first such call and counting them.
 *
 * Times: `date` (epoch ms) only; `readable_date` is zone-less and locale-formatted and is never used. The
 * literal `"null"` means missing everywhere; `contact_name="(Unknown)"` means not in contacts.
 * Locators: `sms[4] (line 12)` — the element name, its 0-based ordinal among same-named children of the root,
 * and the line where its start tag begins.
 *
 * Variants: old backups lack readable_date/contact_name/date_sent/presentation; stylesheet PI and comments
 * before the root; white space before the XML declaration (a file copied, re-saved or joined by hand; XML allows
 * nothing there) is read as usual with one SMS_XML_DECLARATION_NOT_FIRST warning naming the declaration's line;
 * UTF-8, or UTF-16 with or without a BOM; surrogate halves as character references
 * (`&#55357;&#56396;`, Signal/Silence exports) are combined, a lone half becomes U+FFFD with a warning; RCS
 * stored as `<mms>`; elements SBR does not write are skipped (`unknown-element`), stray text warns.
 * Damage: bytes that are no UTF-8 (a backup re-saved as Windows-1252) become U+FFFD with one TEXT_INVALID_UTF8
 * warning naming the first line; a file cut short (or ending in zero bytes) fails with SMS_TRUNCATED_XML, any other XML error with
 * SMS_MALFORMED_XML, both after keeping what was read and saying how many records that was against the root's
 * `count` ("the file declares 120 records; 0 were read whole before the cut"); the record the file ends
 * or breaks off inside (an MMS cut in its photo's base64, say) was begun, so it is counted, rejected at its
 * locator (SMS_RECORD_CUT_SHORT, SMS_RECORD_MALFORMED), never emitted with what was read of it; text before the
 * root element (a stray word before or after the declaration, in a file named .xml) is still detected and fails the
 * file at its line; DTD entities are never expanded (XXE, "billion laughs"): a record using one is rejected.
 * Hand edits: a record left open (`<sms … >` for `<sms … />`, an `<mms>` without `</mms>`), so that in the XML the
 * records after it lie inside it, or the root's end tag closes it: it and each record after it are read as the
 * records they are, with one SMS_RECORD_NOT_CLOSED warning per file naming the first (counting the others); a
 * record pasted inside another that its own end tag closes later (an `<sms/>` between an `<mms>`'s parts and its
 * addresses) is read as a record of its own, the one around it with all of its own children, with one
 * SMS_RECORD_INSIDE_RECORD warning per file; an `&` not written `&amp;` and not followed by an XML name (or
 * `#digits`, `#xhex`) up to a `;` (`Tom & Jerry`, `AT&T"`, `?x=1&y=2;`) is read as `&` itself, with one
 * SMS_UNESCAPED_AMPERSAND warning per file naming the first's line, column and attribute and counting the others
 * (a strict parser reads on to the next `;`, records included).
 * Unsupported: encrypted ZIP backups (decrypt first); SuperBackup `<alllogs>` (a different format); two backups
 * pasted into one file; literal newlines inside attributes become spaces, as XML requires.
 */
import { iconv } from '../iconv.js';
import type { Probe, Source } from '../source.js';
import { utf16WithoutBom } from './fields.js';

/** The root element's name after the XML declaration, processing instructions, comments and a DOCTYPE. */
export function rootElementName(text: string): string | undefined {
  const i = afterProlog(text, 0);
  return i === -1 ? undefined : nameAt(text, i);
}

/**
 * The root element's name when a little text (no markup, at most 256 characters: a stray word typed or pasted in)
 * stands in the prolog of a file named `.xml`: before the XML declaration, or between it (or a comment after it)
 * and the root element. XML allows no text there, so the reader fails such a file, but it is plainly a backup:
 * detected, it fails with the line and a hint instead of being passed over as an unknown format. Only by that
 * name: a note that mentions `<calls>` ("export the <calls> log") is no backup.
 */
export function rootAfterStrayText(name: string, text: string): string | undefined {
  if (!name.toLowerCase().endsWith('.xml')) return undefined;
  // Where the prolog stops at something that is not markup: the stray text starts there (not blank, not `<`).
  const stray = afterProlog(text, 0);
  if (stray === -1 || stray >= text.length || text[stray] === '<') return undefined;
  const lt = text.indexOf('<', stray);
  if (lt === -1 || lt - stray > 256) return undefined;
  const i = afterProlog(text, lt);
  return i === -1 ? undefined : nameAt(text, i);
}

/** The element name starting at `i` (just after nothing but the prolog), if there is one. */
function nameAt(text: string, i: number): string | undefined {
  return /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 64))?.[1];
}

/**
 * The index after white space, the XML declaration, processing instructions, comments and a DOCTYPE from `from`
 * on, or -1 when one of them is not closed in the text.
 */
function afterProlog(text: string, from: number): number {
  let i = from;
  for (let steps = 0; steps < 200; steps++) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    let end = -1;
    if (text.startsWith('<?', i)) end = after(text, '?>', i + 2);
    else if (text.startsWith('<!--', i)) end = after(text, '-->', i + 4);
    else if (text.startsWith('<!DOCTYPE', i)) {
      const subset = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      end =
        subset !== -1 && subset < close ? after(text, '>', after(text, ']', subset)) : after(text, '>', i);
    } else break;
    if (end === -1) return -1;
    i = end;
  }
  return i;
}

function after(text: string, token: string, from: number): number {
  if (from === -1) return -1;
  const at = text.indexOf(token, from);
  return at === -1 ? -1 : at + token.length;
}

/** SMS Backup & Restore messages (`<smses>`) and call logs (`<calls>`). */
export const smsBackupXml: Source = {
  id: 'sms-backup-xml',
  label: 'SMS Backup & Restore (Android) XML',
  reads: 'Text messages, MMS and call logs saved by the Android app "SMS Backup & Restore" (SyncTech)',
  recognisedBy: 'an XML file whose root element is <smses> or <calls>',
  howToExport:
    'In SMS Backup & Restore choose "Back up now" with Messages and/or Calls, then copy the sms-….xml / calls-….xml file (decrypt an encrypted backup first)',
  extensions: ['.xml'],
  detect(probe: Probe): boolean {
    try {
      const utf16 = utf16WithoutBom(probe.head);
      const text =
        utf16 === undefined
          ? probe.text
          : iconv().decode(
              Buffer.from(probe.head.subarray(0, 4096)),
              utf16 === 'utf-16be' ? 'utf16-be' : 'utf16le',
            );
      const root = rootElementName(text) ?? rootAfterStrayText(probe.name, text);
      return root === 'smses' || root === 'calls';
    } catch {
      return false;
    }
  },
  // The reader (and saxes with it) is loaded only when a backup is read: most cases hold none, or one.
  parse: async (input, ctx) => (await import('./reader.js')).readBackup(input, ctx),
};
